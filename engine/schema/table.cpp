#include "table.h"

#include <algorithm>

namespace covet {

const Column *Table::column(const QString &n) const
{
    for (const Column &c : columns)
        if (c.name == n)
            return &c;
    return nullptr;
}

Column *Table::column(const QString &n)
{
    for (Column &c : columns)
        if (c.name == n)
            return &c;
    return nullptr;
}

int Table::columnIndex(const QString &n) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns.at(i).name == n)
            return i;
    return -1;
}

const Index *Table::index(const QString &n) const
{
    for (const Index &i : indexes)
        if (i.name == n)
            return &i;
    return nullptr;
}

void Table::canonicalize()
{
    auto byName = [](const auto &a, const auto &b) { return a.name < b.name; };
    std::sort(uniques.begin(), uniques.end(), [](const UniqueConstraint &a, const UniqueConstraint &b) {
        return a.name != b.name ? a.name < b.name : a.columns < b.columns;
    });
    std::sort(indexes.begin(), indexes.end(), byName);
    std::sort(foreignKeys.begin(), foreignKeys.end(), [](const ForeignKey &a, const ForeignKey &b) {
        return a.name != b.name ? a.name < b.name : a.columns < b.columns;
    });
    std::sort(checks.begin(), checks.end(), [](const Check &a, const Check &b) {
        return a.name != b.name ? a.name < b.name : a.expression < b.expression;
    });
    std::sort(triggers.begin(), triggers.end(), byName);
}

} // namespace covet
