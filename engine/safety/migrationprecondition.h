#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"
#include "../operations/operation.h"

#include <QString>

#include <optional>

namespace covet {

class SqlGenerator;

// A condition the live data must meet before one step of a migration may
// run; MigrationPlanner attaches it to the step, MigrationRunner evaluates
// it. Today there is one kind: a column an AlterColumn makes NOT NULL
// without a default must hold no NULL (with a default, the planner fills
// the NULLs from it instead: fillStatement()).
//
// The check is one query, SELECT COUNT(*) FROM <table> WHERE <column> IS
// NULL, identifiers quoted per dialect, no values pasted in.
struct MigrationPrecondition
{
    QString migrationId;   // the migration whose step needs it
    QString stepLabel;     // "operation 2 of 3 (...)"
    QString schema;
    QString table;
    QString column;
    QString countQuery;    // counts the rows that break it

    // "orders.note" (schema-qualified when there is one).
    QString target() const;
    // Rows that break the condition. With onlyIfPresent, nullopt when the
    // table or column does not exist (yet): it cannot be judged now.
    Result<std::optional<qint64>> violations(SqlExecutor &sql, bool onlyIfPresent) const;
    // "0004_tighten: cannot make orders.note NOT NULL: 37 rows hold NULL and
    // the column has no default. Give the column a default ... fills the rows" (no state
    // sentence: the caller says what state the database is in).
    QString failure(qint64 rows) const;

    // For an operation that tightens a column to NOT NULL without a default
    // (the ones fillStatement() cannot fill): the precondition, else nullopt.
    static std::optional<MigrationPrecondition> forOperation(const Operation &op, const SqlGenerator &generator);
    // For an operation that tightens a column to NOT NULL with a default:
    // UPDATE <table> SET <column> = <default> WHERE <column> IS NULL, to run
    // before the ALTER in the same transaction; else empty.
    static QString fillStatement(const Operation &op, const SqlGenerator &generator);

    bool operator==(const MigrationPrecondition &) const = default;
};

} // namespace covet
