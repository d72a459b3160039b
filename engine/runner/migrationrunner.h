#pragma once

#include "../audit/conflictrecorder.h"
#include "../core/error.h"
#include "../core/progress.h"
#include "../db/connection.h"
#include "../db/dialectcapabilities.h"
#include "../migrations/migrationhistory.h"
#include "../migrations/migrationplanner.h"
#include "../migrations/migrationrepository.h"
#include "../migrations/partialmigrations.h"
#include "../safety/riskreport.h"
#include "runoptions.h"
#include "rehearsal.h"
#include "runplan.h"
#include "runverifier.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

class RunAudit;

// Where one migration stands against a database.
struct MigrationState
{
    enum class State { Applied, Pending, Modified, Missing, Partial };
    QString id;
    State state = State::Pending;
    QString file;          // the file's path (empty when missing)
    QString appliedAt;     // for applied, modified and missing
    QString appliedBy;     // "user@host" that applied it
    qint64 durationMs = 0; // how long applying it took
    QString recordedChecksum;
    QString fileChecksum;
    std::optional<PartialMigration> partial;   // State::Partial: which steps are in effect
    QList<PartialStep> partialSteps;           // State::Partial: each step, in effect or not (empty when its file is missing)
    // A squashed migration: which case it is in here (MigrationGraph::squashCaseText).
    QString squash;
    // An original a squashed migration that counts as applied replaces: that migration's id.
    QString replacedBy;
    static QString name(State s);   // "applied" | "pending" | "modified" | "missing" | "partial"
};

// Everything a Migrations listing shows, computed with one planner for the
// whole history: each migration's state, its SQL both ways, which pending
// migrations Apply to Here would run, and the risk of the pending ones.
struct MigrationOverview
{
    QList<MigrationState> states;
    QHash<QString, QString> upSql;      // the SQL, or a comment saying why there is none
    QHash<QString, QString> downSql;
    std::optional<RiskReport> pendingRisk;   // the forward plan of every pending migration, graded live
    QString riskError;                       // why there is no risk report (e.g. the plan cannot be made)
    QList<MigrationConflict> conflicts;
    QStringList warnings;
    // By id, each part-way migration's ways out, as a resumed run would judge them.
    QHash<QString, PartialWays> partialWays;
    // Why a run without resume (apply, dry run, rehearsal, rollback) is
    // refused now (PartialResume::refusal of a part-way migration); empty
    // when it is not.
    QString runRefusal;
    std::optional<RunSelection> selection;
    // What Apply to Here on `id` runs (pending only, in order).
    QStringList pendingUpTo(const QString &id) const;
    // The risk of what Apply to Here on `id` runs (empty id: every pending one).
    RiskReport pendingRiskUpTo(const QString &id) const;
    // What Roll back to here on `id` undoes (it stays applied), last first.
    QStringList rollbackTo(const QString &id) const;
    int replays = 0;   // full history replays the listing cost (1 with one planner)
};

// Applies and rolls back migrations on one database, keeping
// _covet_migrations, _covet_migration_audit, _covet_migration_conflicts,
// _covet_partial_migrations and the backups.
//
//  - The migrations come from a MigrationRepository; a repository with any
//    error (hostile names, paths, content) or a graph conflict is refused
//    before anything is touched.
//  - What runs: RunSelection (what is pending up to X, what rolling back to
//    Y undoes) and MigrationPlanner (the SQL, from the files alone); plan()
//    gives it without a lock, migrate()/rollback() make it again under the
//    lock and refuse when it differs from RunOptions::expected.
//  - What it puts at risk: assess() grades the plan by the live data
//    (RiskAnalyzer). A run refuses a plan that destroys data unless
//    RunOptions::confirmDataLoss, and a critical one unless acceptRisk.
//  - Backups: with RunSettings::backupBeforeDataLoss the data at stake of
//    each migration is copied (BackupStore) inside its transaction
//    (PostgreSQL, SQLite) or right before it (MySQL/MariaDB); the undo of
//    a failed stepwise migration puts it back and verifies it.
//  - PlanExecutor runs the plans: one transaction per migration on
//    PostgreSQL and SQLite; step by step with undo on MySQL/MariaDB and for
//    non-transactional migrations, each step recorded in
//    _covet_partial_migrations so that a run stopped anywhere leaves its
//    part-way state on record (status shows it; migrate --resume finishes
//    it; rollback --resume undoes it).
//  - Afterwards (RunSettings::verifyAfterRun) the inspected schema is
//    compared with the replayed one and the row counts of the tables the
//    run did not touch with theirs before (RunReport::verification).
//  - An applied migration whose file changed is refused (naming the file);
//    a rollback through an irreversible operation stops before anything runs.
//  - One runner at a time (MigrationLock).
//
// Conflicts (ConflictRecorder) are recorded by status(), verify(),
// migrate() and rollback() in _covet_migration_conflicts; a dry run writes
// nothing. Tightening a column to NOT NULL, cancel and abort: see
// PlanExecutor and MigrationPrecondition.
class MigrationRunner
{
public:
    MigrationRunner(Connection &connection, const MigrationRepository &repository);

    Result<QList<MigrationState>> status();
    // OK when every applied migration's file is present and unchanged; else
    // a Conflict error listing each mismatch.
    Status verify();

    // What migrate() (forward) or rollback() would run with these options,
    // from the history as it is now: no lock, nothing written.
    Result<RunPlan> plan(const RunOptions &options, bool forward);
    // The plan a run reviews and confirms before migrate()/rollback(): as
    // plan(), but read once no other runner holds the migration lock
    // (waiting up to options.lockTimeoutMs, saying who holds it through
    // options.progress). A runner at work has its history and its part-way
    // record (MySQL/MariaDB) in flux: read without the lock, a run in
    // progress looked like one that had stopped part-way, and a waiter
    // blocked on the tables the other run was changing without a word.
    Result<RunPlan> planSettled(const RunOptions &options, bool forward);
    // The plan's risk, graded by the live data (a fixed number of statements).
    Result<RiskReport> assess(const RunPlan &plan);
    // The listing of every migration; with risk, the pending ones assessed.
    Result<MigrationOverview> overview(bool withRisk = true);

    Result<RunReport> migrate(const RunOptions &options);
    Result<RunReport> rollback(const RunOptions &options);
    // Records in the audit that the run of `plan` was refused before it
    // changed anything (a confirmation not given, a critical risk not
    // accepted, decided by the caller after plan() and assess()); migrate()
    // and rollback() record their own refusals. Returns a warning when the
    // audit could not be written (empty: written, or the audit is off).
    QString recordRefusal(const RunPlan &plan, const RunOptions &options, const Error &why);
    // Rollback rehearsal of the pending migrations (up to options.target):
    // apply, roll back, apply again, each checked — see Rehearsal. Changes
    // nothing: a rolled-back transaction (PostgreSQL, SQLite) or a scratch
    // database on the dev server (MySQL/MariaDB; by default the target's
    // own server).
    // With forward false, the rollback these options describe (target or
    // steps): roll back, apply again, roll back again, each checked —
    // applying again must give back the schema the database has now.
    Result<RehearsalReport> rehearse(const RunOptions &options, bool forward = true);

    // The SQL of one migration (forwards or backwards) for a dialect, from
    // the files alone (no database): for `covet sqlmigrate`.
    static Result<QString> sqlFor(const MigrationRepository &repository, Dialect dialect, const QString &id, bool backwards,
                                  int sqliteVersion = 0);

    using Step = MigrationStep;
    using Plan = MigrationPlan;

    const DialectCapabilities &capabilities() const { return m_caps; }
    // Where plain SQL migrations are replayed when a plan needs what they
    // did (RunSettings::devUrl wins; default: a temporary database on the
    // target's own server).
    void setDevUrl(const QString &url) { m_devUrl = url; }
    // Recorded in the conflicts table by status() and verify().
    void setEnvironment(const QString &environment) { m_environment = environment; }
    // Problems of the last status()/verify() that did not stop it.
    const QStringList &warnings() const { return m_warnings; }
    // The conflicts the last status(), verify(), migrate() or rollback() detected.
    const QList<MigrationConflict> &conflicts() const { return m_conflicts; }
    // The report of the last migrate() or rollback(), kept also when it
    // failed (a refused dry run still has the SQL it would have run; a
    // refused plan its risk).
    const RunReport &lastReport() const { return m_lastReport; }
    static bool blocksMigrate(const MigrationConflict &c) { return c.kind != QStringLiteral("missing_file"); }

private:
    struct Session;
    struct History;
    Result<Session> begin(const RunOptions &options, const QString &verb);
    Result<History> readHistory();
    Result<RunPlan> makePlan(const History &history, const RunOptions &options, bool forward);
    // What makePlan() depends on (the history, the options it reads, the
    // direction); empty when the plan reads the database (a part-way
    // migration) and must be made again.
    QString planKey(const History &history, const RunOptions &options, bool forward) const;
    Result<RunReport> run(const RunOptions &options, bool forward);
    Status decide(const RunPlan &plan, const RiskReport &risk, const RunOptions &options);
    Result<RunReport> execute(const RunPlan &plan, const RunOptions &options, RunReport &report, RunAudit &audit);
    Status checkBeforeRun(const RunPreconditions &checks, const RunOptions &options, RunReport &report);
    void verifyAfter(const RunPlan &plan, const std::optional<DatabaseSnapshot> &before, RunReport &report);
    Status checkRepository() const;
    QStringList modifiedMessages(const QList<AppliedMigration> &applied) const;
    Status ensureTables(const RunOptions &options);
    void recordConflicts(const QList<AppliedMigration> &applied, const QString &environment, QStringList &warnings);
    int sqliteVersion() const;
    QString devUrl(const RunOptions &options) const;

    Connection &m_connection;
    const MigrationRepository &m_repository;
    DialectCapabilities m_caps;
    SqlExecutor m_sql;
    QString m_environment;
    QString m_devUrl;
    QStringList m_warnings;
    QList<MigrationConflict> m_conflicts;
    RunReport m_lastReport;
    // The last plan() (the CLI shows it before it runs it): migrate() and
    // rollback() take it instead of planning again when the history they
    // read under the lock is the one it was made from.
    QString m_plannedKey;
    std::optional<RunPlan> m_planned;
};

} // namespace covet
