#pragma once

#include "../core/error.h"
#include "operation.h"

#include <QJsonObject>
#include <QString>

namespace covet {

// The JSON form of an operation, as `covet diff --format json` prints it and
// as migration files store it: {"op": "rename_column", "table": ..., "from":
// ..., "to": ...}. "schema" is left out for the default namespace; columns,
// tables, indexes and constraints use SchemaJson's shapes. fromJson(toJson(x))
// == x for an operation whose tables are canonical (Table::canonicalize()).
class OperationJson
{
public:
    // snake_case: create_table, drop_table, rename_table, add_column, ...
    static QString name(const Operation &op);
    static QJsonObject toJson(const Operation &op);
    // `where` names the source in errors ("migration 0003, operations[2]").
    static Result<Operation> fromJson(const QJsonObject &o, const QString &where = {});
};

} // namespace covet
