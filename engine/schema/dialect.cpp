#include "dialect.h"

namespace covet {

QString dialectName(Dialect d)
{
    switch (d) {
    case Dialect::SQLite: return QStringLiteral("sqlite");
    case Dialect::PostgreSQL: return QStringLiteral("postgresql");
    case Dialect::MySQL: return QStringLiteral("mysql");
    }
    return {};
}

std::optional<Dialect> dialectFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"sqlite" || n == u"sqlite3")
        return Dialect::SQLite;
    if (n == u"postgresql" || n == u"postgres" || n == u"pg" || n == u"psql")
        return Dialect::PostgreSQL;
    if (n == u"mysql" || n == u"mariadb")
        return Dialect::MySQL;
    return std::nullopt;
}

} // namespace covet
