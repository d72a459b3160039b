#pragma once

#include "../operations/operation.h"

namespace covet {

// Puts the Differ's operations in an order the database accepts, and makes
// it deterministic (the same operations always give the same list):
//   drop views (dependents first), triggers, foreign keys, indexes, checks,
//   unique constraints; create namespaces and enums, alter enums; rename
//   tables; drop the columns whose names are reused; rename, alter and add
//   columns; set primary keys; drop the other columns; add uniques and
//   checks; create tables (referenced before referencing; a foreign-key
//   cycle is broken by creating the tables without those keys and adding
//   them after); create indexes; add foreign keys; create triggers; create
//   views (dependencies first); drop tables (children before parents);
//   drop enums and namespaces.
// Within a phase, operations are sorted by schema, table and name; column
// renames and additions keep their relative order within a table.
class OperationOrder
{
public:
    // `before`: the schema the operations start from (for the foreign keys
    // of dropped tables and the texts of dropped views).
    static OperationList order(const OperationList &ops, const Schema &before);
};

} // namespace covet
