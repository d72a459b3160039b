#pragma once

#include <QString>
#include <QStringList>

namespace covet {

struct PrimaryKey
{
    QString name;          // constraint name; empty where the dialect has none
    QStringList columns;

    bool operator==(const PrimaryKey &) const = default;
};

} // namespace covet
