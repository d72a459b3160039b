#pragma once

#include <QString>
#include <QStringList>

namespace covet {

struct UniqueConstraint
{
    QString name;
    QStringList columns;

    bool operator==(const UniqueConstraint &) const = default;
};

} // namespace covet
