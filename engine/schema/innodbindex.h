#pragma once

#include "table.h"

#include <algorithm>

namespace covet {

// The foreign key whose index `index` of a table inspected on MySQL/MariaDB
// looks like it is, or nullptr: whether it is the index
// InnoDB made itself for a foreign key: named after the constraint, not
// unique, exactly the key's columns (no prefix length, no expression), and no
// other index starting with those columns (InnoDB makes one only when none
// exists, and drops its own when another comes). The catalog cannot tell it
// from an index someone created by that name; the differ's normaliser and
// the models writer (`covet inspect --format yaml`) both ask this one place.
inline const ForeignKey *innoDbForeignKeyOfIndex(const Table &table, const Index &index)
{
    if (index.unique || !index.where.isEmpty())
        return nullptr;
    const auto sameName = [&](const QString &n) { return n.compare(index.name, Qt::CaseInsensitive) == 0; };
    const auto startsWith = [](const Index &i, const QStringList &columns) {
        if (i.parts.size() < columns.size())
            return false;
        for (qsizetype k = 0; k < columns.size(); ++k)
            if (i.parts.at(k).column.compare(columns.at(k), Qt::CaseInsensitive) != 0)
                return false;
        return true;
    };
    const auto fk = std::find_if(table.foreignKeys.cbegin(), table.foreignKeys.cend(), [&](const ForeignKey &f) { return sameName(f.name); });
    if (fk == table.foreignKeys.cend() || index.parts.size() != fk->columns.size() || !startsWith(index, fk->columns))
        return nullptr;
    for (const IndexPart &p : index.parts)
        if (p.isExpression() || p.length >= 0)
            return nullptr;
    const bool another = std::any_of(table.indexes.cbegin(), table.indexes.cend(),
                                     [&](const Index &other) { return !sameName(other.name) && startsWith(other, fk->columns); });
    return another ? nullptr : &*fk;
}

} // namespace covet
