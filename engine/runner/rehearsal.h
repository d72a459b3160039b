#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../db/dialectcapabilities.h"
#include "../db/sqlexecutor.h"
#include "../migrations/migrationplanner.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

struct RunPlan;

// What one migration's rehearsal found: apply, roll back, apply again, each
// checked against the inspected database.
struct RehearsedMigration
{
    QString id;
    // The phases, in order: apply, rollback, apply again; rehearsing a
    // rollback: rollback, re-apply, rollback again.
    static inline const QString Apply = QStringLiteral("apply");
    static inline const QString Rollback = QStringLiteral("rollback");
    static inline const QString ApplyAgain = QStringLiteral("apply again");
    static inline const QString ReApply = QStringLiteral("re-apply");
    static inline const QString RollbackAgain = QStringLiteral("rollback again");
    // What the real run does with it: the labels of its steps, and the
    // history rows it records or removes besides its own (a squashed
    // migration: MigrationPlan::alsoRecord, alsoRemove) — the plan the
    // dry run shows.
    QStringList steps;
    QStringList alsoRecords;
    QStringList alsoRemoves;
    // The phase that went wrong ("": none).
    QString failedPhase;
    // What differs (RunVerifier::differences lines, read as: what would make
    // the database match), or the statement's error.
    QStringList differences;
    QString error;
    bool ok() const { return failedPhase.isEmpty(); }
};

// The result of `covet migrate --rehearse`.
struct RehearsalReport
{
    // Where it ran: "in a transaction rolled back at the end" or "on the
    // scratch database covet_dev_… (schema only, no rows)".
    QString where;
    bool onScratch = false;
    // A rollback's rehearsal (MigrationRunner::rehearse(…, false)): roll back
    // → apply again → roll back again, phases "rollback", "re-apply",
    // "rollback again".
    bool rollback = false;
    QList<RehearsedMigration> migrations;   // in plan order, up to the first that failed
    QStringList notYet;                     // pending migrations after the first failure, or not rehearsed (why in notes)
    // Squashed migrations the real run only records as applied (every one
    // they replace is applied: MigrationPlan::recordOnly): nothing of them
    // runs, so nothing is rehearsed; a note says so.
    QStringList recordOnly;
    QStringList notes;
    // The first migration whose apply, down part or re-apply did not do what it should.
    const RehearsedMigration *firstFailure() const;
    bool ok() const { return firstFailure() == nullptr && notYet.isEmpty(); }
    // Nothing was rehearsed because nothing runs: no migration is pending,
    // or the pending ones are only recorded (recordOnly not empty then).
    bool nothingRuns() const { return migrations.isEmpty() && notYet.isEmpty(); }
    QString toText() const;
    QJsonObject toJson() const;
};

// Rollback rehearsal: for each pending migration in order, apply → roll back
// → apply, inspecting the database after each and comparing:
//  - after apply: the inspected schema against the one the history replay
//    says the migration produces (differences the database had before the
//    rehearsal are not counted against it);
//  - after the rollback: against the schema inspected before the apply — the
//    down part must restore exactly what the up part changed;
//  - after applying again: against the schema after the first apply.
// It stops at the first migration that fails and names it with the
// difference.
//
// A rollback plan (RunPlan::forward false: applied migrations, last applied
// first) is rehearsed the same way with the directions swapped: roll back →
// apply again → roll back again. Applying again must give back exactly the
// schema the database had before the rollback — what a DBA needs to know
// before rolling back: that the way back works too.
//
// Where: PostgreSQL and SQLite run it all inside one transaction on the
// target database that is rolled back at the end (SQLite with foreign keys
// off, as its table rebuilds need; the transaction holds the tables'
// locks until it ends). MySQL/MariaDB cannot roll back DDL: the rehearsal
// runs on a scratch database on the dev server (devUrl), created from the
// target's inspected schema (no rows) and dropped afterwards. A
// non-transactional migration (PostgreSQL CREATE INDEX CONCURRENTLY) cannot
// run inside the transaction: with a dev server the whole rehearsal moves
// to the scratch database, without one it stops before that migration and
// says so.
class Rehearsal
{
public:
    Rehearsal(SqlExecutor &target, const DialectCapabilities &caps, QString devUrl, const ProgressSink *progress = nullptr)
        : m_target(target), m_caps(caps), m_devUrl(std::move(devUrl)), m_progress(progress) {}

    // plan: the pending migrations' plans, or a rollback's plans
    // (MigrationRunner::plan); planner: plans the other direction from the files.
    Result<RehearsalReport> run(const RunPlan &plan, MigrationPlanner &planner);

private:
    Result<RehearsalReport> runOn(SqlExecutor &sql, const QList<MigrationPlan> &up, const QList<MigrationPlan> &down, bool transaction,
                                  RehearsalReport report);
    SqlExecutor &m_target;
    DialectCapabilities m_caps;
    QString m_devUrl;
    const ProgressSink *m_progress = nullptr;
};

} // namespace covet
