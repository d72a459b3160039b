#pragma once

#include "schema/schema.h"

#include <optional>

namespace covet::test {

// A column from Covet's canonical type spelling ("varchar(200)", "numeric(10,2)").
inline Column canonicalColumn(const QString &name, const QString &type, bool nullable = true,
                              std::optional<QString> defaultExpr = std::nullopt)
{
    Column c;
    c.name = name;
    bool ok = false;
    c.type = SqlType::parseCanonical(type, &ok);
    Q_ASSERT(ok);
    c.nullable = nullable;
    c.defaultExpr = std::move(defaultExpr);
    return c;
}

} // namespace covet::test
