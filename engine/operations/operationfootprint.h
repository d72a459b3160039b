#pragma once

#include "../schema/schema.h"
#include "operation.h"

#include <QString>
#include <QStringList>

namespace covet {

// What an operation writes and what it reads, as keys, so that the squash
// optimiser knows which operations may change places: two operations
// commute when neither writes a key the other reads or writes.
//
// Keys (names lower-cased, so a clash of letter case only holds more back):
//   "t:<ns>.<table>"  a table: every operation on it writes it; a view or a
//                     trigger that names it reads it
//   "n:", "c:", "k:"  finer keys of a table that a foreign key of another
//                     table reads: its name, the referenced columns, its
//                     keys (so adding a column to it commutes with the key)
//   "f:<ns>.<table>"  the foreign keys of a table (what a run_sql on the
//                     table they reference is checked against)
//   "v:<ns>.<view>"   a view
//   "e:<type>"        an enum type (columns of that type read it)
//   "i:<name>"        an index name (schema-wide on PostgreSQL and SQLite)
// Dropping a table or a column may drop indexes nobody named: such an
// operation has `anyIndex`, which clashes with every "i:" key. A barrier
// (run_sql, namespaces) clashes with everything.
struct OperationFootprint
{
    QStringList writes;
    QStringList reads;
    bool anyIndex = false;
    bool barrier = false;

    static OperationFootprint of(const Operation &op);
    // The same, with what the schema the operation runs on tells: a run_sql
    // is a barrier only for the objects it can touch when every word of its
    // SQL (every text: forward, reverse, per dialect) is a keyword of a data
    // statement, a table of `before`, a table's namespace or a column of a
    // table it names, and it holds no quoted unknown name, no call and
    // nothing a server reads that others skip. Then it writes the tables it
    // names, the tables whose foreign keys reach those with a cascading
    // action (transitively), the tables a trigger on them names when the
    // trigger's text passes the same reading, and the views over any of
    // them; it reads what their foreign keys and column types depend on and
    // the non-cascading foreign keys that reach them (checked, not changed).
    // Any other trigger, a view it names or any other word (a function, DO,
    // CALL, DDL) leaves it a barrier. A drop_table or drop_column names the
    // indexes it takes with it instead of `anyIndex`; a rename_column names
    // the views and the tables whose trigger texts it rewrites instead of
    // every view.
    static OperationFootprint of(const Operation &op, const Schema &before);
    bool clashesWith(const OperationFootprint &other) const;

    static QString tableKey(const QString &ns, const QString &name);
    // The table a table-scoped operation acts on (its key), empty for
    // create_table, views, enums, run_sql and namespaces.
    static QString targetTable(const Operation &op);
    // Whether the operation names `name` (a column, index or constraint
    // name): in any field, or as an identifier in any expression it holds.
    static bool mentions(const Operation &op, const QStringList &names);
    // The names an operation on a table gives or uses: columns, indexes,
    // constraints, triggers (not the table's, not types or expressions).
    static QStringList names(const Operation &op);
};

} // namespace covet
