#pragma once

#include "../core/error.h"
#include "../operations/operation.h"

#include <QSet>

namespace covet {

// Puts the Differ's operations in an order the database accepts, and makes
// it deterministic (the same operations always give the same list):
//   rename tables (every other operation names a table by its new name;
//   in the order given, see tableRenames); drop views (dependents first),
//   triggers, foreign keys, indexes, checks, unique constraints; create
//   namespaces and enums, alter enums; drop the columns whose names are reused; rename, alter and add
//   columns; set primary keys; drop the other columns; add uniques and
//   checks; create tables (referenced before referencing; a foreign-key
//   cycle is broken by creating the tables without those keys and adding
//   them after); create indexes; add foreign keys; create triggers; create
//   views (dependencies first); drop tables (children before parents; a
//   table a rename replaced goes before the creations);
//   drop enums and namespaces.
// Within a phase, operations are sorted by schema, table and name; column
// renames and additions keep their relative order within a table.
class OperationOrder
{
public:
    // `before`: the schema the operations start from (for the foreign keys
    // of dropped tables and the texts of dropped views).
    static OperationList order(const OperationList &ops, const Schema &before);

    // The table renames of a change in an order that runs on `before`: by
    // old name, except that a name is freed before a rename takes it (a
    // chain: b -> c before a -> b; tables swapping names go through a
    // temporary name), and that a table a rename replaces (its key,
    // RenameContext::tableKey, in `replaced`) first moves aside to
    // `<name>_covet_replaced` (a name neither `before` nor `after` holds),
    // to be dropped before anything is created. `order` keeps the table
    // renames in the order given. A rename onto the name of a table that
    // stays is an error.
    static Result<QList<RenameTable>> tableRenames(QList<RenameTable> renames, const QSet<QString> &replaced, const Schema &before,
                                                   const Schema &after);
};

} // namespace covet
