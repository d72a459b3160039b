#pragma once

#include "../core/error.h"
#include "../sql/sqlgenerator.h"
#include "migration.h"
#include "../safety/migrationprecondition.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace covet {

// One step of a migration: an operation (YAML), several consecutive
// operations that share one SQLite table rebuild, or a statement (SQL).
struct MigrationStep
{
    QString label;
    QList<SqlBatch> batches;
    std::optional<QList<SqlBatch>> undo;   // how to take it back (when known)
    // What the data must meet before the step runs (MigrationRunner
    // evaluates these right before the step, and before the run when it can).
    QList<MigrationPrecondition> preconditions;
    QStringList tables;    // the tables a typed operation changes
    bool rawSql = false;   // run_sql or a SQL file's statement: may change any table it names
    // What the step does, typed, in the direction it runs (a rollback step
    // holds the reverse operations), and the schema just before it (null
    // when not known: a plain SQL migration the history could not replay).
    // The safety analysis reads these.
    OperationList operations;
    std::shared_ptr<const Schema> before;
};

// The SQL of one migration in one direction, step by step.
struct MigrationPlan
{
    // A plan for a migration a stepwise run left part-way
    // (_covet_partial_migrations): Finish runs the steps not yet in effect,
    // Revert undoes the ones in effect (last first).
    enum class Resume { None, Finish, Revert };
    const Migration *migration = nullptr;
    bool forward = true;
    QList<MigrationStep> steps;
    Resume resume = Resume::None;
    int stepsBefore = 0;   // Finish/Revert: steps in effect before this plan runs
    int stepCount = 0;     // Finish/Revert: steps of the whole migration in its recorded direction
    QString recordedDirection;   // Finish/Revert: "apply" | "rollback", as recorded
    // Squashed migrations (MigrationGraph): history rows this plan writes
    // or removes besides its own, in the same transaction. Forward: the
    // squashed migrations whose originals are all applied once it is
    // (recorded with their checksums); recordOnly: nothing runs, the plan
    // only records its (squashed) migration. Backward: rows removed with
    // its own (the squash row when the first original goes; the originals'
    // rows when the squashed migration's down part takes their place).
    QList<const Migration *> alsoRecord;
    QStringList alsoRemove;
    bool recordOnly = false;
    QStringList statements() const;
    QString script() const;
    bool anyForeignKeysOff() const;   // a SQLite table rebuild is in it
};

// The preconditions of a run's plans, by when they can be judged.
struct RunPreconditions
{
    // No earlier step of the run changes their table: judged before the
    // first migration runs (when the column exists by then).
    QList<MigrationPrecondition> beforeRun;
    // An earlier step of the run may change their table (a typed operation
    // on it, or raw SQL naming it): judged only right before their step.
    QList<MigrationPrecondition> whenReached;
    // Enforced by their own step (MigrationPrecondition::enforcedByStep) in
    // the first migration of the run, a transactional one: a failure there
    // changes nothing, so only a dry run that does not execute needs them
    // judged up front; else the step stops at the first such row and the
    // executor counts them to say why. Saves a pass over the table.
    QList<MigrationPrecondition> byStep;
};

// Builds the plans of migrations from the files alone (no database).
//  - Plain SQL migrations: their up/down sections split by SqlScriptSplitter.
//  - YAML migrations: rendered with SqlGenerator on the schema the history
//    before them produces (HistoryReplay); each operation carries its
//    reverse as its undo. Consecutive operations on one SQLite table that
//    needs a rebuild are one step ("operations 2 to 3 of 4, in one table
//    rebuild (...)"), whose undo is their reverses in one rebuild. Rolling
//    back through an irreversible operation is refused before anything runs.
//  - Type changes (TypeConversion), NOT NULL tightening and NOT NULL
//    columns added without a value carry MigrationPreconditions.
//  - Tightening a column to NOT NULL (an AlterColumn from nullable to NOT
//    NULL, in either direction of a plan): when the new definition has a
//    default, the step first runs UPDATE t SET c = <default> WHERE c IS
//    NULL, in the same batch as the ALTER (so in its transaction; SQLite's
//    table rebuild writes the default in its copy instead); without a
//    default, the step carries a MigrationPrecondition (no NULL in the
//    column) for the runner.
class MigrationPlanner
{
public:
    // ordered: every migration of the repository, in graph order. devUrl:
    // where plain SQL migrations are replayed on PostgreSQL/MySQL when a
    // later YAML migration needs what they did (HistoryReplay::replayAll).
    MigrationPlanner(Dialect dialect, const QList<Migration> &ordered, int sqliteVersion = 0, const QString &devUrl = {});
    ~MigrationPlanner();

    Result<MigrationPlan> plan(const Migration &m, bool forward);
    // How many passes over the history planning took (one, by the cursor or
    // the full replay; two when a plan behind the cursor needed the replay).
    int replays() const { return m_replays; }
    // Splits the preconditions of plans that run in this order.
    RunPreconditions preconditions(const QList<MigrationPlan> &plans) const;

private:
    // "operation 2 of 5 (...)" or "operations 2 to 3 of 5, in one table rebuild (...; ...)".
    static QString stepLabel(qsizetype first, qsizetype n, qsizetype count, const OperationList &ops);
    Result<Schema> schemaBefore(const QString &id);
    std::shared_ptr<const Schema> schemaAfter(const QString &id);
    void replay();
    // Plans asked for in history order (a run's pending migrations) read
    // the schema from a cursor that applies each migration once and keeps
    // no copy of the schema before the ones not asked for; a request behind
    // the cursor replays the whole history once (replay()).
    std::optional<Result<Schema>> fromCursor(const QString &id);
    // The plan of the migration at the cursor worked out the schema after
    // it: the cursor moves past it without applying it again.
    void passCursor(const QString &id, const Schema &after);
    // The fill statements and preconditions of the operations a step renders.
    void tighten(const OperationList &ops, MigrationStep &step, QList<SqlBatch> &batches) const;

    Dialect m_dialect;
    QList<Migration> m_ordered;
    std::unique_ptr<SqlGenerator> m_generator;
    QString m_devUrl;
    QHash<QString, Schema> m_before;
    QHash<QString, Error> m_unknown;
    bool m_replayed = false;
    int m_replays = 0;
    QHash<QString, std::shared_ptr<const Schema>> m_after;   // plain SQL migrations, for their rollback
    bool m_incremental = true;         // no plain SQL migration to replay on a server (they go in batches)
    QHash<QString, qsizetype> m_position;   // id -> index in m_ordered
    Schema m_cursor;                   // the schema before m_ordered[m_cursorAt]
    qsizetype m_cursorAt = 0;
    std::optional<Error> m_cursorBroken;    // the history does not apply from m_cursorAt on
    QString m_lastId;                  // the last schema the cursor gave, asked again (forward, then backward)
    Schema m_lastBefore;
};

} // namespace covet
