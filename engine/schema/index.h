#pragma once

#include <QList>
#include <QString>

namespace covet {

// One key part of an index: a column or an expression.
struct IndexPart
{
    QString column;       // set for a column part
    QString expression;   // set for an expression part
    bool descending = false;
    int length = -1;      // MySQL prefix length (KEY (name(10))); -1: the whole column

    bool isExpression() const { return column.isEmpty(); }
    bool operator==(const IndexPart &) const = default;
};

struct Index
{
    QString name;
    QList<IndexPart> parts;
    bool unique = false;
    QString where;        // partial index predicate, empty if none
    QString method;       // btree, hash, gin, gist, ...; empty means the dialect's default

    QStringList columnNames() const;   // column parts only
    bool operator==(const Index &) const = default;
};

} // namespace covet
