#include "catalog.h"

namespace covet {

Result<bool> Catalog::tableExists(SqlExecutor &sql, const QString &name, const QString &schema)
{
    QString query;
    QVariantList binds{name};
    switch (sql.dialect()) {
    case Dialect::SQLite:
        query = QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
        break;
    case Dialect::PostgreSQL:
        query = QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE c.relname = ? AND n.nspname = %1 AND c.relkind IN ('r', 'p')")
                    .arg(schema.isEmpty() ? QStringLiteral("current_schema()") : QStringLiteral("?"));
        break;
    case Dialect::MySQL:
        query = QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = %1 "
                               "AND table_type = 'BASE TABLE'")
                    .arg(schema.isEmpty() ? QStringLiteral("DATABASE()") : QStringLiteral("?"));
        break;
    }
    if (!schema.isEmpty() && sql.dialect() != Dialect::SQLite)
        binds << schema;
    auto rows = sql.rows(query, binds);
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->isEmpty() && rows->first().value(0).toLongLong() > 0;
}

Result<QString> Catalog::currentUser(SqlExecutor &sql)
{
    switch (sql.dialect()) {
    case Dialect::SQLite:
        return QString();
    case Dialect::PostgreSQL: {
        auto rows = sql.rows(QStringLiteral("SELECT current_user"));
        if (!rows)
            return std::unexpected(rows.error());
        return rows->isEmpty() ? QString() : rows->first().value(0).toString();
    }
    case Dialect::MySQL: {
        auto rows = sql.rows(QStringLiteral("SELECT CURRENT_USER()"));
        if (!rows)
            return std::unexpected(rows.error());
        return rows->isEmpty() ? QString() : rows->first().value(0).toString();
    }
    }
    return QString();
}

} // namespace covet
