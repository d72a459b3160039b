#pragma once

#include "../schema/dialect.h"

#include <QString>
#include <QStringList>

namespace covet {

// Quotes identifiers per dialect: "x" for PostgreSQL and SQLite (quotes
// doubled), `x` for MySQL (backticks doubled). Every identifier in SQL that
// Covet writes goes through here; none is ever pasted in bare.
class IdentifierQuoter
{
public:
    static QString quote(Dialect dialect, const QString &identifier);
    static QString quoteQualified(Dialect dialect, const QString &schema, const QString &name);
    static QString quoteList(Dialect dialect, const QStringList &identifiers);
    // A SQL string literal with quotes doubled (for DDL where binding is impossible,
    // e.g. DEFAULT 'x' or COMMENT 'x').
    static QString literal(Dialect dialect, const QString &value);
};

} // namespace covet
