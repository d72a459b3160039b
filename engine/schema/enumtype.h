#pragma once

#include <QString>
#include <QStringList>

namespace covet {

// A named enum type (PostgreSQL CREATE TYPE ... AS ENUM).
struct EnumType
{
    QString schema;
    QString name;
    QStringList values;

    bool operator==(const EnumType &) const = default;
};

} // namespace covet
