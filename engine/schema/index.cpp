#include "index.h"

#include <QStringList>

namespace covet {

QStringList Index::columnNames() const
{
    QStringList names;
    for (const IndexPart &p : parts)
        if (!p.isExpression())
            names << p.column;
    return names;
}

} // namespace covet
