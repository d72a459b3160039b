#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../db/connection.h"
#include "conflictrecorder.h"
#include "migrationhistory.h"
#include "migrationplanner.h"
#include "migrationrepository.h"
#include "runoptions.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// Where one migration stands against a database.
struct MigrationState
{
    enum class State { Applied, Pending, Modified, Missing };
    QString id;
    State state = State::Pending;
    QString file;          // the file's path (empty when missing)
    QString appliedAt;     // for applied, modified and missing
    QString appliedBy;     // "user@host" that applied it
    qint64 durationMs = 0; // how long applying it took
    QString recordedChecksum;
    QString fileChecksum;
    static QString name(State s);   // "applied" | "pending" | "modified" | "missing"
};

// Applies and rolls back migrations on one database, keeping
// _covet_migrations, _covet_migration_audit and _covet_migration_conflicts.
//
//  - The migrations come from a MigrationRepository; a repository with any
//    error (hostile names, paths, content) or a graph conflict is refused
//    before anything is touched.
//  - The SQL comes from MigrationPlanner (the files alone); PlanExecutor runs
//    it: one transaction per migration on PostgreSQL and SQLite, step by
//    step with undo on MySQL/MariaDB and for non-transactional migrations.
//  - An applied migration whose file changed is refused (naming the file);
//    a rollback through an irreversible operation stops before anything runs.
//  - One runner at a time (MigrationLock).
//
// Conflicts. status(), verify(), migrate() and rollback() detect the
// conflicts of the directory against the history (ConflictRecorder::detect:
// graph cycles, missing dependencies, divergent leaves; applied migrations
// whose file changed or is missing) and record them in
// _covet_migration_conflicts before they change anything: one open row per
// distinct conflict (seen again: last_seen and seen_count), resolved when no
// longer detected. The table is created only when there is a conflict to
// record. A dry run (printed or executed) writes nothing, not even there: it
// promises an unchanged database. A repository that does not load (bad
// files) records nothing: its migration list is incomplete. A failure to
// write the table is a warning (RunReport::warnings, warnings()), never a
// reason to stop.
//
// Tightening a column to NOT NULL. The planner fills NULLs from the new
// default (UPDATE before the ALTER, same transaction); without a default the
// step carries a precondition: no NULL in the column. Before the first
// migration of a run changes anything, the runner judges every precondition
// whose table no earlier step of the run changes (and whose column exists):
// if one fails, the run stops with "<id>: cannot make t.c NOT NULL: N rows
// hold NULL ... Nothing was changed" (Conflict) and no migration is applied.
// Every precondition is judged again right before its step (inside the
// migration's transaction), where an earlier step may have filled or
// created the column; failing there rolls that migration back like a
// failure. Dry runs report the same failures: a printed dry run judges the
// up-front ones (and warns about the ones only a real or executed run can
// judge), an executed dry run judges each before its step.
//
// Cancel. ProgressSink::cancelled() is read before each migration and
// before each step of one: a transactional migration is rolled back and
// stays pending; a stepwise one has its done steps undone with their
// reverses, as after a failure. The Cancelled error names the migrations
// this run applied (they stay applied) and the one rolled back.
class MigrationRunner
{
public:
    MigrationRunner(Connection &connection, const MigrationRepository &repository);

    Result<QList<MigrationState>> status();
    // OK when every applied migration's file is present and unchanged; else
    // a Conflict error listing each mismatch.
    Status verify();
    Result<RunReport> migrate(const RunOptions &options);
    Result<RunReport> rollback(const RunOptions &options);

    // The SQL of one migration (forwards or backwards) for a dialect, from
    // the files alone (no database): for `covet sqlmigrate`.
    static Result<QString> sqlFor(const MigrationRepository &repository, Dialect dialect, const QString &id, bool backwards,
                                  int sqliteVersion = 0);

    using Step = MigrationStep;
    using Plan = MigrationPlan;

    // Recorded in the conflicts table by status() and verify() (migrate()
    // and rollback() use RunOptions::environment).
    void setEnvironment(const QString &environment) { m_environment = environment; }
    // Problems of the last status()/verify() that did not stop it (e.g. the
    // conflicts table could not be written).
    const QStringList &warnings() const { return m_warnings; }
    // The conflicts the last status(), verify(), migrate() or rollback()
    // detected (ConflictRecorder::detect: graph cycles, missing
    // dependencies, divergent leaves, modified or missing applied files),
    // each with its kind, migrations and a detail naming the way out; empty
    // when there is none. A GUI shows them and keeps Apply disabled while a
    // graph conflict or a modified file is in the list (migrate() refuses).
    const QList<MigrationConflict> &conflicts() const { return m_conflicts; }
    // Whether migrate() would refuse because of `c` (everything but a missing file).
    // The report of the last migrate() or rollback(), kept also when it
    // failed: a dry run refused by a NOT NULL precondition still has the SQL
    // it would have run in sql (show it with the error).
    const RunReport &lastReport() const { return m_lastReport; }
    static bool blocksMigrate(const MigrationConflict &c) { return c.kind != QStringLiteral("missing_file"); }

private:
    struct Session;
    Result<Session> begin(const RunOptions &options, const QString &verb);   // lock, tables, history, conflicts; no changed file
    // Judges the preconditions that can be judged before the run, or prints; then runs the plans.
    Result<RunReport> execute(const QList<Plan> &plans, const RunPreconditions &checks, const RunOptions &options, RunReport &report);
    Status checkBeforeRun(const RunPreconditions &checks, const RunOptions &options, RunReport &report);
    Status checkRepository() const;
    Result<QList<AppliedMigration>> loadHistory();
    QStringList modifiedMessages(const QList<AppliedMigration> &applied) const;
    Status ensureTables(const RunOptions &options);
    // Records the conflicts of the directory against `applied`; a warning on failure.
    void recordConflicts(const QList<AppliedMigration> &applied, const QString &environment, QStringList &warnings);

    Connection &m_connection;
    const MigrationRepository &m_repository;
    SqlExecutor m_sql;
    QString m_environment;
    QStringList m_warnings;
    QList<MigrationConflict> m_conflicts;
    RunReport m_lastReport;
};

} // namespace covet
