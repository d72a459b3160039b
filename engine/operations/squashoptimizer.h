#pragma once

#include "../db/dialectcapabilities.h"
#include "operation.h"

#include <QMap>
#include <QString>

namespace covet {

// The operations of a squashed migration, and what the optimiser did.
struct SquashedOperations
{
    OperationList operations;
    // How often each rule fired ("folded into create_table", "create_table +
    // drop_table cancelled", ...), by rule; a QMap so it prints in one order.
    QMap<QString, int> rules;
    int barriers = 0;   // run_sql operations kept (a barrier for what they may touch)
    int scoped = 0;     // of those, the ones a barrier only for the tables they name (and what reaches them)
    int elided = 0;     // run_sql operations marked elidable: true, left out
};

// The squash optimiser: a list of operations in, a shorter one out that
// does the same to any schema it applies to (SquashProof checks this).
//
// Rules, each applied only where every operation in between commutes with
// the ones it moves or removes (OperationFootprint, read on the schema each
// operation runs on when the schema before the range is given):
//  - add_column, alter_column, rename_column, drop_column, indexes, foreign
//    keys, checks, uniques, primary keys, triggers and rename_table fold
//    into a create_table of the same range (the table is new, so empty);
//  - create_table + drop_table cancel, with everything done to the table in
//    between; operations on a table that is then dropped are left out;
//  - add_column + drop_column, create_index + drop_index, add + drop of a
//    foreign key, check, unique or trigger cancel; create_view + drop_view,
//    create_enum + drop_enum cancel;
//  - rename chains collapse (a→b→c is a→c; a→b→a is nothing), a rename of a
//    column added in the range renames it where it is added;
//  - a column altered several times keeps its first "before" and last
//    "after" where no row can come out different (at most one type change,
//    no USING expression, no lossy conversion, no NOT NULL fill whose
//    default changes afterwards); alter_enum folds into create_enum;
//  - run_sql is a barrier nothing moves across, unless marked
//    `elidable: true`: then it is left out; given the schema before the
//    range, a run_sql whose SQL names only known tables and their columns
//    with data keywords is a barrier for those tables alone (with the
//    tables whose foreign keys reach them and the views over them:
//    OperationFootprint::of(op, before)); namespaces are barriers;
//  - where the dialect keeps a foreign key's index after the key is dropped
//    (DialectCapabilities::foreignKeyLeavesIndex), drop_foreign_key stays.
// Deterministic: the same input gives the same output, in the input's order
// (an operation folded into an earlier one takes its place).
class SquashOptimizer
{
public:
    // `before`: the schema the operations start from (the history before
    // the range); without it every run_sql is a full barrier.
    static SquashedOperations optimize(const OperationList &operations, const DialectCapabilities &capabilities,
                                       const Schema *before = nullptr);
};

} // namespace covet
