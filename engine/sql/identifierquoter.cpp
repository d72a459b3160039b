#include "identifierquoter.h"

namespace covet {

QString IdentifierQuoter::quote(Dialect dialect, const QString &identifier)
{
    if (dialect == Dialect::MySQL) {
        QString s = identifier;
        s.replace(u'`', QStringLiteral("``"));
        return u'`' + s + u'`';
    }
    QString s = identifier;
    s.replace(u'"', QStringLiteral("\"\""));
    return u'"' + s + u'"';
}

QString IdentifierQuoter::quoteQualified(Dialect dialect, const QString &schema, const QString &name)
{
    if (schema.isEmpty())
        return quote(dialect, name);
    return quote(dialect, schema) + u'.' + quote(dialect, name);
}

QString IdentifierQuoter::quoteList(Dialect dialect, const QStringList &identifiers)
{
    QStringList out;
    out.reserve(identifiers.size());
    for (const QString &i : identifiers)
        out << quote(dialect, i);
    return out.join(QStringLiteral(", "));
}

QString IdentifierQuoter::literal(Dialect dialect, const QString &value)
{
    QString s = value;
    if (dialect == Dialect::MySQL)
        s.replace(u'\\', QStringLiteral("\\\\"));
    s.replace(u'\'', QStringLiteral("''"));
    return u'\'' + s + u'\'';
}

} // namespace covet
