#include "foreignkey.h"

namespace covet {

QString fkActionSql(ForeignKey::Action action)
{
    switch (action) {
    case ForeignKey::Action::NoAction: return QStringLiteral("NO ACTION");
    case ForeignKey::Action::Restrict: return QStringLiteral("RESTRICT");
    case ForeignKey::Action::Cascade: return QStringLiteral("CASCADE");
    case ForeignKey::Action::SetNull: return QStringLiteral("SET NULL");
    case ForeignKey::Action::SetDefault: return QStringLiteral("SET DEFAULT");
    }
    return QStringLiteral("NO ACTION");
}

std::optional<ForeignKey::Action> fkActionFromSql(const QString &text)
{
    QString t = text.trimmed().toUpper();
    t.replace(u'_', u' ');
    if (t.isEmpty() || t == u"NO ACTION" || t == u"A")
        return ForeignKey::Action::NoAction;
    if (t == u"RESTRICT" || t == u"R")
        return ForeignKey::Action::Restrict;
    if (t == u"CASCADE" || t == u"C")
        return ForeignKey::Action::Cascade;
    if (t == u"SET NULL" || t == u"N")
        return ForeignKey::Action::SetNull;
    if (t == u"SET DEFAULT" || t == u"D")
        return ForeignKey::Action::SetDefault;
    return std::nullopt;
}

} // namespace covet
