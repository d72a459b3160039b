#pragma once

#include "../core/error.h"
#include "../db/connection.h"
#include "../db/sqlexecutor.h"
#include "migrationplanner.h"
#include "runoptions.h"

#include <QElapsedTimer>
#include <QList>

#include <optional>

namespace covet {

// Runs the plans MigrationRunner chose, one migration at a time, writing
// _covet_migrations and _covet_migration_audit.
//
//  - PostgreSQL and SQLite: one transaction per migration, the history row
//    written in it. A SQLite table rebuild (SqlBatch::foreignKeysOff) turns
//    foreign keys off before BEGIN and checks them before COMMIT.
//  - MySQL/MariaDB (DDL commits implicitly) and non-transactional
//    migrations: step by step; when a step fails, the steps already done
//    are undone with their reverses, and the error says exactly what state
//    the database is in.
//  - Before each step: its preconditions (MigrationPrecondition) are judged
//    against the data as it is then (except those the step enforces itself:
//    they are counted only when it fails, to say why), and the progress
//    sink's cancel flag is read. A broken precondition or a cancel ends the migration like a
//    failure does: a transaction is rolled back (the migration stays
//    pending, or applied for a rollback), a stepwise migration has its done
//    steps undone by the same code path as a failure. The error (Conflict
//    for a precondition, Cancelled for a cancel; Database when the undo
//    could not finish) names the migrations this run already applied (they
//    stay applied).
class PlanExecutor
{
public:
    PlanExecutor(Connection &connection, SqlExecutor &sql, const RunOptions &options);

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
    Status runTransactional(const MigrationPlan &plan, RunReport &report, bool &skipped);
    Status runStepwise(const MigrationPlan &plan, const RunReport &report);
    // Undoes the done steps of a stepwise plan stopped at step `at` (of
    // which `executed` statements ran); the error says what state the
    // database is in.
    Error stopStepwise(const MigrationPlan &plan, const QList<qsizetype> &done, qsizetype at, int executed, const Halt &halt,
                       const RunReport &report, const Attempt &attempt);
    // Why the plan must stop before `step` (a cancel, a broken or
    // unreadable precondition), or nullopt.
    std::optional<Halt> haltBefore(const MigrationPlan &plan, const MigrationStep &step);
    // After `step` failed: the precondition it enforces itself (a SQLite
    // rebuild's copy) that its data breaks, counted, or nullopt.
    std::optional<Halt> brokenByStep(const MigrationStep &step);
    Status executeBatches(const QList<SqlBatch> &batches, int *executed = nullptr);
    Status finish(const MigrationPlan &plan, qint64 ms);   // history row
    void audit(const MigrationPlan &plan, const Attempt &attempt, const QString &error);

    Connection &m_connection;
    SqlExecutor &m_sql;
    const RunOptions &m_options;
};

} // namespace covet
