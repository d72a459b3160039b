#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"
#include "../operations/operation.h"

#include <QList>
#include <QString>

#include <optional>

namespace covet {

class SqlGenerator;

// A condition the live data must meet before one step of a migration may
// run; MigrationPlanner attaches it to the step, MigrationRunner and
// PlanExecutor evaluate it. Every kind is one query counting the rows that
// break it, identifiers quoted per dialect, no values pasted in:
//  - NotNull: a column an AlterColumn makes NOT NULL without a default must
//    hold no NULL (with a default, the planner fills the NULLs instead:
//    fillStatement());
//  - Unconvertible / Lossy: a type change (TypeConversion) must meet no
//    value the database would refuse, nor (unless the AlterColumn says
//    allow_lossy) one it would round, cut or collapse;
//  - EmptyTable: an AddColumn NOT NULL without a default or a backfill
//    needs a table without rows (no value for the existing ones).
struct MigrationPrecondition
{
    enum class Kind { NotNull, Unconvertible, Lossy, EmptyTable };
    Kind kind = Kind::NotNull;
    QString migrationId;   // the migration whose step needs it
    QString stepLabel;     // "operation 2 of 3 (...)"
    QString schema;
    QString table;
    QString column;
    QString countQuery;    // counts the rows that break it
    QString fromType;      // Unconvertible/Lossy: the types, as the dialect writes them
    QString toType;
    QString what;          // Unconvertible/Lossy: what those values are (TypeConversion::Check::what)
    // The step fails by itself on a row that breaks it (a SQLite table
    // rebuild: the copy meets the NOT NULL constraint or the conversion's
    // stop), so it need not be counted before the step: the executor counts
    // it only to explain a failed step.
    bool enforcedByStep = false;

    // "orders.note" (schema-qualified when there is one).
    QString target() const;
    // Rows that break the condition. With onlyIfPresent, nullopt when the
    // table or column does not exist (yet): it cannot be judged now.
    Result<std::optional<qint64>> violations(SqlExecutor &sql, bool onlyIfPresent) const;
    // "0004_tighten: cannot make orders.note NOT NULL: 37 rows hold NULL and
    // the column has no default. Give the column a default ... fills the
    // rows" (no state sentence: the caller says what state the database is in).
    QString failure(qint64 rows) const;
    // What it checks, for "can only be judged when ..." warnings: "whether
    // orders.note holds NULLs (it becomes NOT NULL without a default)".
    QString question() const;

    // The preconditions of an operation: tightening to NOT NULL without a
    // default (the ones fillStatement() cannot fill), a type change, a NOT
    // NULL column added without a value for existing rows.
    static QList<MigrationPrecondition> forOperation(const Operation &op, const SqlGenerator &generator);
    // For an operation that tightens a column to NOT NULL with a default:
    // UPDATE <table> SET <column> = <default> WHERE <column> IS NULL, to run
    // before the ALTER in the same transaction; else empty. (A SQLite table
    // rebuild fills them in its copy instead: SqlGenerator::setFillsNulls.)
    static QString fillStatement(const Operation &op, const SqlGenerator &generator);

    bool operator==(const MigrationPrecondition &) const = default;
};

} // namespace covet
