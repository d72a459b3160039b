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

namespace {

bool canonicalByName(const auto &a, const auto &b)
{
    return a.name < b.name;
}

// Unique constraints and foreign keys: by name, then columns (names may be empty).
bool canonicalByNameThenColumns(const auto &a, const auto &b)
{
    return a.name != b.name ? a.name < b.name : a.columns < b.columns;
}

bool canonicalCheckLess(const Check &a, const Check &b)
{
    return a.name != b.name ? a.name < b.name : a.expression < b.expression;
}

template <typename T, typename Less> bool isSortedBy(const QList<T> &list, Less less)
{
    return std::is_sorted(list.cbegin(), list.cend(), less);
}

template <typename T, typename Less> void sortBy(QList<T> &list, Less less)
{
    if (!isSortedBy(std::as_const(list), less))   // a shared list stays shared
        std::sort(list.begin(), list.end(), less);
}

} // namespace

bool Table::isCanonical() const
{
    return isSortedBy(uniques, canonicalByNameThenColumns<UniqueConstraint, UniqueConstraint>)
           && isSortedBy(indexes, canonicalByName<Index, Index>)
           && isSortedBy(foreignKeys, canonicalByNameThenColumns<ForeignKey, ForeignKey>)
           && isSortedBy(checks, canonicalCheckLess) && isSortedBy(triggers, canonicalByName<Trigger, Trigger>);
}

void Table::canonicalize()
{
    sortBy(uniques, canonicalByNameThenColumns<UniqueConstraint, UniqueConstraint>);
    sortBy(indexes, canonicalByName<Index, Index>);
    sortBy(foreignKeys, canonicalByNameThenColumns<ForeignKey, ForeignKey>);
    sortBy(checks, canonicalCheckLess);
    sortBy(triggers, canonicalByName<Trigger, Trigger>);
}

} // namespace covet
