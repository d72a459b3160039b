#include "column.h"

namespace covet {

QString identityName(Column::Identity identity)
{
    switch (identity) {
    case Column::Identity::None: return QStringLiteral("none");
    case Column::Identity::Always: return QStringLiteral("always");
    case Column::Identity::ByDefault: return QStringLiteral("by_default");
    case Column::Identity::AutoIncrement: return QStringLiteral("auto_increment");
    }
    return QStringLiteral("none");
}

std::optional<Column::Identity> identityFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == u"none" || n == u"false")
        return Column::Identity::None;
    if (n == u"always")
        return Column::Identity::Always;
    if (n == u"by_default" || n == u"by default" || n == u"true")
        return Column::Identity::ByDefault;
    if (n == u"auto_increment" || n == u"autoincrement" || n == u"serial")
        return Column::Identity::AutoIncrement;
    return std::nullopt;
}

} // namespace covet
