#pragma once

#include <QString>

namespace covet {

struct Check
{
    QString name;
    QString expression;   // the boolean expression, without CHECK ( )

    bool operator==(const Check &) const = default;
};

} // namespace covet
