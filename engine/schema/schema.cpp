#include "schema.h"

#include <algorithm>

namespace covet {

const Table *Schema::table(const QString &name, const QString &schema) const
{
    for (const Table &t : tables)
        if (t.name == name && t.schema == schema)
            return &t;
    return nullptr;
}

Table *Schema::table(const QString &name, const QString &schema)
{
    // Found reading, so that only the table found is made this schema's own.
    const qsizetype i = tables.indexWhere([&](const Table &t) { return t.name == name && t.schema == schema; });
    return i < 0 ? nullptr : &tables[i];
}

const View *Schema::view(const QString &name, const QString &schema) const
{
    for (const View &v : views)
        if (v.name == name && v.schema == schema)
            return &v;
    return nullptr;
}

const EnumType *Schema::enumType(const QString &name, const QString &schema) const
{
    for (const EnumType &e : enums)
        if (e.name == name && e.schema == schema)
            return &e;
    return nullptr;
}

void Schema::canonicalize()
{
    auto bySchemaName = [](const auto &a, const auto &b) {
        return a.schema != b.schema ? a.schema < b.schema : a.name < b.name;
    };
    namespaces.sort();
    namespaces.removeDuplicates();
    tables.sort(bySchemaName);
    std::sort(views.begin(), views.end(), bySchemaName);
    std::sort(enums.begin(), enums.end(), bySchemaName);
    // Only a table out of order is written to: the others stay shared with
    // the schema this one was copied from.
    for (qsizetype i = 0; i < tables.size(); ++i)
        if (!std::as_const(tables).at(i).isCanonical())
            tables[i].canonicalize();
}

} // namespace covet
