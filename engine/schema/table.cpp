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

// Each list canonicalize() orders, with its order: one place for both
// isCanonical() and canonicalize().
template <typename T, typename Visit> void eachOrderedList(T &t, Visit visit)
{
    visit(t.uniques, canonicalByNameThenColumns<UniqueConstraint, UniqueConstraint>);
    visit(t.indexes, canonicalByName<Index, Index>);
    visit(t.foreignKeys, canonicalByNameThenColumns<ForeignKey, ForeignKey>);
    visit(t.checks, canonicalCheckLess);
    visit(t.triggers, canonicalByName<Trigger, Trigger>);
}

} // namespace

bool Table::isCanonical() const
{
    bool sorted = true;
    eachOrderedList(*this, [&sorted](const auto &list, auto less) { sorted = sorted && std::is_sorted(list.cbegin(), list.cend(), less); });
    return sorted;
}

void Table::canonicalize()
{
    eachOrderedList(*this, [](auto &list, auto less) {
        if (!std::is_sorted(list.cbegin(), list.cend(), less))   // a list in order stays shared
            std::sort(list.begin(), list.end(), less);
    });
}

} // namespace covet
