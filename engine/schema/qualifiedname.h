#pragma once

#include <QString>

namespace covet {

// "schema.name", or "name" without a schema: how notes, reports and errors
// name a table (unquoted); Table::qualifiedName() is this for a Table.
inline QString qualifiedName(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

} // namespace covet
