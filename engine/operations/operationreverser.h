#pragma once

#include "../core/error.h"
#include "operation.h"

namespace covet {

// The operations that undo an operation, given the schema before it: a drop
// is undone by re-creating what the schema held (a dropped column also gets
// back the indexes, unique constraints, foreign keys and primary key that
// went with it). RunSql without reverse SQL cannot be undone: an
// Unsupported error naming the operation.
class OperationReverser
{
public:
    static Result<OperationList> reverse(const Operation &op, const Schema &before);
    // The reverse of a whole list, last operation first; `before` is the
    // schema before the first operation.
    static Result<OperationList> reverseAll(const OperationList &ops, const Schema &before);
};

} // namespace covet
