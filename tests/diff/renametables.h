#pragma once
// Small tables and lookups for the rename-detection tests.

#include "canonicalcolumn.h"

#include "diff/renamecandidate.h"
#include "schema/schema.h"

#include <QList>

namespace covet::renametest {

inline Column col(const QString &name, const QString &type, bool nullable = true, std::optional<QString> def = std::nullopt)
{
    return test::canonicalColumn(name, type, nullable, std::move(def));
}

inline Table table(const QString &name, const QList<Column> &cols)
{
    Table t;
    t.name = name;
    t.columns = cols;
    t.primaryKey = PrimaryKey{QString(), {cols.front().name}};
    return t;
}

inline const RenameCandidate *find(const QList<RenameCandidate> &list, const QString &from, const QString &to)
{
    for (const RenameCandidate &c : list)
        if (c.from == from && c.to == to)
            return &c;
    return nullptr;
}
// Not on a temporary list: the pointer would dangle (AddressSanitizer found two).
const RenameCandidate *find(QList<RenameCandidate> &&list, const QString &from, const QString &to) = delete;

} // namespace covet::renametest
