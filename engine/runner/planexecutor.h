#pragma once

#include "../core/error.h"
#include "../db/connection.h"
#include "../db/dialectcapabilities.h"
#include "../db/sqlexecutor.h"
#include "../migrations/migrationplanner.h"
#include "../safety/backupstore.h"
#include "runoptions.h"

#include <QElapsedTimer>
#include <QList>

#include <optional>

namespace covet {

class RunAudit;

struct DatabaseSnapshot;

// Runs the plans MigrationRunner chose, one migration at a time, writing
// _covet_migrations, _covet_migration_audit and _covet_partial_migrations.
//
//  - PostgreSQL and SQLite: one transaction per migration, the history row
//    and the backup of what it destroys written in it. A SQLite table
//    rebuild (SqlBatch::foreignKeysOff) turns foreign keys off before BEGIN
//    and checks them before COMMIT.
//  - MySQL/MariaDB (DDL commits implicitly), non-transactional migrations
//    and resumed part-way ones: step by step. First the backup of what the
//    migration destroys and a snapshot of the tables it touches (inspected
//    schema, row counts); each step is recorded in
//    _covet_partial_migrations before and after it runs. When a step fails
//    (or a cancel or a broken precondition stops it), the steps already done
//    are undone with their reverses, the destroyed data is restored from the
//    backup and checksummed, and the result is verified against the
//    snapshot: only then does the error say the database is as it was
//    before. Otherwise it says exactly what is and is not restored, and
//    what stays in effect stays on record.
//  - Before each step: its preconditions (MigrationPrecondition) against
//    the data as it is then (except those the step enforces itself, such as
//    a SQLite rebuild's copy: counted only when it fails, to say why), and
//    the cancel flag. RunOptions::abort (a
//    second Ctrl-C) stops at once, even in the middle of an undo: the
//    part-way state stays recorded, the audit says so.
class PlanExecutor
{
public:
    // `audit`: the run this executes for (its audit rows carry the run's id
    // and the database user it read once).
    PlanExecutor(Connection &connection, SqlExecutor &sql, const RunOptions &options, const DialectCapabilities &caps, RunAudit &audit,
                 const RiskReport *risk = nullptr);

    // Whether a migration runs in one transaction (transactional DDL, and not
    // marked transactional: false), so that nothing of it stays in effect
    // unless it commits; and whether a plan of it runs step by step instead
    // (or resumes a part-way one).
    static bool inOneTransaction(const DialectCapabilities &caps, const Migration &migration)
    {
        return caps.transactionalDdl && migration.transactional;
    }
    static bool stepwise(const DialectCapabilities &caps, const MigrationPlan &plan)
    {
        return !plan.recordOnly && (!inOneTransaction(caps, *plan.migration) || plan.resume != MigrationPlan::Resume::None);
    }

    // Runs one plan; report.done lists what this run did before it.
    Status run(const MigrationPlan &plan, RunReport &report);
    // Executes plans inside one transaction that is rolled back (PostgreSQL,
    // SQLite; MySQL: a warning, nothing executed).
    Status dryExecute(const QList<MigrationPlan> &plans, RunReport &report);

    // " Applied in this run (they stay applied): a, b." or the like.
    static QString soFar(bool forward, const RunReport &report);
    // e with the hint "mark the migration `transactional: false`" when a
    // statement refused to run inside a transaction (PostgreSQL 25001).
    static Error withTransactionHint(const Error &e);
    // The tables the plans may change: their typed operations' tables and
    // every name raw SQL mentions (for the row-count verification).
    static QStringList touchedTables(const QList<MigrationPlan> &plans);
    // SQLite: turns foreign keys off (outside any transaction), returning
    // the setting to give back with PRAGMA foreign_keys=<it>.
    static QString sqliteForeignKeysOff(SqlExecutor &sql);

private:
    struct Attempt;
    // Why a plan stops: what happened (head, no final period), the error
    // behind it (for its statement) and the category when nothing was left
    // changed.
    struct Halt
    {
        QString head;
        Error cause;
        Error::Category category = Error::Category::Database;
    };
    bool stepwise(const MigrationPlan &plan) const;   // and not fake
    Status runTransactional(const MigrationPlan &plan, RunReport &report, bool &skipped);
    Status runStepwise(const MigrationPlan &plan, RunReport &report);
    // Undoes the done steps of a stepwise plan stopped at step `at` (of
    // which `executed` statements ran), restores what they destroyed, and
    // verifies; the error says what state the database is in.
    Error stopStepwise(const MigrationPlan &plan, const QList<qsizetype> &done, qsizetype at, int executed, const Halt &halt,
                       const RunReport &report, const Attempt &attempt, const std::optional<BackupRecord> &backup,
                       const std::optional<DatabaseSnapshot> &snapshot);
    Error abortStepwise(const MigrationPlan &plan, int inEffect, const QString &where, const RunReport &report, const Attempt &attempt);
    // Why the plan must stop before `step` (a cancel, a broken or
    // unreadable precondition), or nullopt.
    std::optional<Halt> haltBefore(const MigrationPlan &plan, const MigrationStep &step);
    // After `step` failed: the precondition it enforces itself (a SQLite
    // rebuild's copy) that its data breaks, counted, or nullopt.
    std::optional<Halt> brokenByStep(const MigrationStep &step);
    Status executeBatches(const QList<SqlBatch> &batches, int *executed = nullptr);
    Status finish(const MigrationPlan &plan, qint64 ms);   // history row
    // Writes the audit row: status from error (empty: success) and category
    // (Cancelled: "cancelled"), the risk graded before the run, what the
    // person accepted, and the backup taken first (0: none).
    // A row that cannot be written is a warning here; writeAudit returns
    // it instead (for the rows written inside a transaction, which must not
    // be committed without them).
    void audit(const MigrationPlan &plan, const Attempt &attempt, const QString &error,
               Error::Category category = Error::Category::Database, qint64 backupId = 0);
    Status writeAudit(const MigrationPlan &plan, const Attempt &attempt, const QString &error,
                      Error::Category category = Error::Category::Database, qint64 backupId = 0);
    // The data at stake in `plan`, backed up when the settings ask for it.
    Result<std::optional<BackupRecord>> backup(const MigrationPlan &plan);
    QList<DataAtStake> stakesOf(const MigrationPlan &plan) const;
    // Restores the items a backup saved for `step`; what could not be put back.
    QStringList restoreStep(const BackupRecord &backup, int step, RunReport &report);
    // Steps of the migration in effect (as recorded) after `doneInPlan` steps of this plan ran.
    static int recordedDone(const MigrationPlan &plan, int doneInPlan);
    static QString recordedDirection(const MigrationPlan &plan);

    Connection &m_connection;
    SqlExecutor &m_sql;
    const RunOptions &m_options;
    DialectCapabilities m_caps;
    const RiskReport *m_risk;
    RunAudit &m_runAudit;
};

} // namespace covet
