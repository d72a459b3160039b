#pragma once

#include "../core/yamlshape.h"

namespace covet {

// The keys of the operation objects OperationJson reads, per operation
// ("op"), with the table, column, index, constraint and trigger objects of
// SchemaJson inside them: what a migration file's operations may hold.
// tst_operationjson checks that every key OperationJson writes is here.
class OperationShape
{
public:
    static const YamlShape &operation();
    static const YamlShape &column();
    static const YamlShape &table();
};

} // namespace covet
