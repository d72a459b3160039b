#include "nametracker.h"

namespace covet {

QString NameTracker::key(const QString &schema, const QString &name)
{
    return schema + QChar(0x1f) + name.toLower();
}

QString NameTracker::key(const TableName &live, const QString &column)
{
    return live.schema + QChar(0x1f) + live.name.toLower() + QChar(0x1f) + column.toLower();
}

std::optional<NameTracker::TableName> NameTracker::liveTable(const QString &schema, const QString &name) const
{
    auto it = m_tables.constFind(key(schema, name));
    if (it == m_tables.cend())
        return TableName{schema, name};
    return *it;
}

std::optional<QString> NameTracker::liveColumn(const QString &schema, const QString &table, const QString &column) const
{
    const auto live = liveTable(schema, table);
    if (!live)
        return std::nullopt;
    auto it = m_columns.constFind(key(*live, column));
    if (it == m_columns.cend())
        return column;
    return *it;
}

void NameTracker::apply(const Operation &op)
{
    if (const auto *o = std::get_if<CreateTable>(&op)) {
        m_tables.insert(key(o->table.schema, o->table.name), std::nullopt);
    } else if (const auto *o = std::get_if<DropTable>(&op)) {
        m_tables.insert(key(o->schema, o->name), std::nullopt);
    } else if (const auto *o = std::get_if<RenameTable>(&op)) {
        m_tables.insert(key(o->schema, o->to), liveTable(o->schema, o->from));
        m_tables.insert(key(o->schema, o->from), std::nullopt);
    } else if (const auto *o = std::get_if<AddColumn>(&op)) {
        if (const auto live = liveTable(o->schema, o->table))
            m_columns.insert(key(*live, o->column.name), std::nullopt);
    } else if (const auto *o = std::get_if<DropColumn>(&op)) {
        if (const auto live = liveTable(o->schema, o->table))
            m_columns.insert(key(*live, o->column), std::nullopt);
    } else if (const auto *o = std::get_if<RenameColumn>(&op)) {
        if (const auto live = liveTable(o->schema, o->table)) {
            m_columns.insert(key(*live, o->to), liveColumn(o->schema, o->table, o->from));
            m_columns.insert(key(*live, o->from), std::nullopt);
        }
    }
}

} // namespace covet
