#include "livedata.h"

#include "../sql/identifierquoter.h"

#include <QMap>
#include <QSet>

namespace covet {

QString LiveData::key(const QString &schema, const QString &name)
{
    return schema + QChar(0x1f) + name;
}

QString LiveData::quote(const QString &identifier) const
{
    return IdentifierQuoter::quote(m_sql.dialect(), identifier);
}

QString LiveData::quotedTable(const QString &schema, const QString &table) const
{
    return IdentifierQuoter::quoteQualified(m_sql.dialect(), schema, table);
}

Status LiveData::readTables(const QList<QPair<QString, QString>> &tables)
{
    QSet<QString> wanted;
    QStringList names;
    QStringList schemas;
    for (const auto &[schema, name] : tables) {
        const QString k = key(schema, m_sql.dialect() == Dialect::SQLite ? name.toLower() : name);
        if (wanted.contains(k))
            continue;
        wanted.insert(k);
        if (!names.contains(name))
            names << name;
        if (!schema.isEmpty() && !schemas.contains(schema))
            schemas << schema;
    }
    if (names.isEmpty())
        return {};
    QString sql;
    QVariantList binds;
    for (const QString &n : std::as_const(names))
        binds << n;
    switch (m_sql.dialect()) {
    case Dialect::SQLite:
        // SQLite names compare without case; the row estimate is the count itself.
        sql = QStringLiteral("SELECT '', m.name, p.name, -1, -1, 1, p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p "
                             "WHERE m.type = 'table' AND lower(m.name) IN (%1) ORDER BY m.name, p.cid")
                  .arg(SqlExecutor::placeholders(names.size()));
        for (QVariant &b : binds)
            b = b.toString().toLower();
        break;
    case Dialect::PostgreSQL:
        sql = QStringLiteral("SELECT n.nspname, c.relname, a.attname, c.reltuples::int8, pg_catalog.pg_total_relation_size(c.oid), "
                             "(n.nspname = pg_catalog.current_schema())::int, "
                             // int2vector counts from 0: the position in the key, from 1 (0: not in it).
                             "COALESCE(pg_catalog.array_position(i.indkey::int2[], a.attnum) + 1 - pg_catalog.array_lower(i.indkey::int2[], 1), 0) "
                             "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                             "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                             "LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary "
                             "WHERE c.relkind IN ('r', 'p') AND c.relname IN (%1) ORDER BY n.nspname, c.relname, a.attnum")
                  .arg(SqlExecutor::placeholders(names.size()));
        break;
    case Dialect::MySQL:
        sql = QStringLiteral("SELECT t.TABLE_SCHEMA, t.TABLE_NAME, c.COLUMN_NAME, t.TABLE_ROWS, t.DATA_LENGTH + t.INDEX_LENGTH, "
                             "t.TABLE_SCHEMA = DATABASE(), COALESCE(k.ORDINAL_POSITION, 0) "
                             "FROM information_schema.TABLES t JOIN information_schema.COLUMNS c "
                             "ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME "
                             "LEFT JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_NAME = 'PRIMARY' "
                             "AND k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.COLUMN_NAME = c.COLUMN_NAME "
                             "WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME IN (%1) AND (t.TABLE_SCHEMA = DATABASE()%2) "
                             "ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME, c.ORDINAL_POSITION")
                  .arg(SqlExecutor::placeholders(names.size()),
                       schemas.isEmpty() ? QString() : QStringLiteral(" OR t.TABLE_SCHEMA IN (%1)").arg(SqlExecutor::placeholders(schemas.size())));
        for (const QString &s : std::as_const(schemas))
            binds << s;
        break;
    }
    ++m_statements;
    auto rows = m_sql.rows(sql, binds);
    if (!rows)
        return std::unexpected(rows.error().withContext(QStringLiteral("reading which tables exist for the safety analysis")));
    QHash<QString, QMap<int, QString>> keys;   // key(schema as asked, name) -> position -> column
    for (const QVariantList &r : *rows) {
        const QString schema = r.value(0).toString();
        const QString name = r.value(1).toString();
        const bool isDefault = r.value(5).toInt() != 0;
        const QString asName = m_sql.dialect() == Dialect::SQLite ? name.toLower() : name;
        for (const QString &k : {key(schema, asName), isDefault ? key(QString(), asName) : QString()}) {
            if (k.isEmpty() || !wanted.contains(k))
                continue;
            TableInfo &t = m_tables[k];
            t.schema = m_sql.dialect() == Dialect::SQLite ? QString() : schema;
            t.name = name;
            t.columns << r.value(2).toString();
            t.estimatedRows = r.value(3).isNull() ? -1 : r.value(3).toLongLong();
            t.bytes = r.value(4).isNull() ? -1 : r.value(4).toLongLong();
            if (const int position = r.value(6).toInt(); position > 0)
                keys[k].insert(position, r.value(2).toString());
        }
    }
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        m_tables[it.key()].primaryKey = it->values();
    return {};
}

const LiveData::TableInfo *LiveData::table(const QString &schema, const QString &name) const
{
    auto it = m_tables.constFind(key(schema, m_sql.dialect() == Dialect::SQLite ? name.toLower() : name));
    return it == m_tables.cend() ? nullptr : &*it;
}

bool LiveData::hasColumn(const QString &schema, const QString &table, const QString &column) const
{
    const TableInfo *t = this->table(schema, table);
    if (!t)
        return false;
    const Qt::CaseSensitivity cs = m_sql.dialect() == Dialect::PostgreSQL ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return t->columns.contains(column, cs);
}

int LiveData::count(const QString &schema, const QString &table, const QString &where, const QVariantList &binds)
{
    m_counts << Count{schema, table, where, binds};
    m_results << -1;
    return int(m_counts.size() - 1);
}

Status LiveData::runCounts()
{
    QStringList parts;
    QVariantList binds;
    for (qsizetype i = 0; i < m_counts.size(); ++i) {
        const Count &c = m_counts.at(i);
        const TableInfo *t = table(c.schema, c.table);
        if (!t || m_results.at(i) >= 0)
            continue;
        parts << QStringLiteral("SELECT %1, COUNT(*) FROM %2%3")
                     .arg(i)
                     .arg(quotedTable(t->schema, t->name), c.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + c.where);
        binds << c.binds;
    }
    if (parts.isEmpty())
        return {};
    ++m_statements;
    auto rows = m_sql.rows(parts.join(QStringLiteral(" UNION ALL ")), binds);
    if (!rows)
        return std::unexpected(rows.error().withContext(QStringLiteral("counting the data at stake")));
    for (const QVariantList &r : *rows) {
        const int i = r.value(0).toInt();
        if (i >= 0 && i < m_results.size())
            m_results[i] = r.value(1).toLongLong();
    }
    return {};
}

} // namespace covet
