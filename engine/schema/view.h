#pragma once

#include <QString>

namespace covet {

struct View
{
    QString schema;       // empty: the default schema
    QString name;
    QString definition;   // the SELECT statement
    bool materialized = false;

    bool operator==(const View &) const = default;
};

} // namespace covet
