#include "destructivesql.h"

#include <QRegularExpression>

namespace covet {

namespace {

// One identifier: "quoted", `quoted`, [quoted] or bare.
const QString kIdent = QStringLiteral(R"((?:"(?:[^"]|"")+"|`(?:[^`]|``)+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_$]*))");
const QString kName = QStringLiteral(R"((%1)(?:\s*\.\s*(%1))?)").arg(kIdent);

QString unquote(const QString &ident)
{
    if (ident.size() >= 2) {
        const QChar a = ident.front();
        const QChar b = ident.back();
        if (a == u'"' && b == u'"')
            return ident.mid(1, ident.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        if (a == u'`' && b == u'`')
            return ident.mid(1, ident.size() - 2).replace(QStringLiteral("``"), QStringLiteral("`"));
        if (a == u'[' && b == u']')
            return ident.mid(1, ident.size() - 2);
    }
    return ident;
}

// Leading blanks and comments removed.
QString code(const QString &statement)
{
    QString s = statement;
    for (;;) {
        const QString t = s.trimmed();
        if (t.startsWith(QLatin1String("--")) || t.startsWith(u'#')) {
            const qsizetype nl = t.indexOf(u'\n');
            s = nl < 0 ? QString() : t.mid(nl + 1);
        } else if (t.startsWith(QLatin1String("/*"))) {
            const qsizetype end = t.indexOf(QLatin1String("*/"));
            s = end < 0 ? QString() : t.mid(end + 2);
        } else {
            return t;
        }
    }
}

void setName(DestructiveSql &d, const QString &first, const QString &second)
{
    if (second.isEmpty()) {
        d.table = unquote(first);
    } else {
        d.schema = unquote(first);
        d.table = unquote(second);
    }
}

} // namespace

QString DestructiveSql::describe() const
{
    const QString t = schema.isEmpty() ? table : schema + u'.' + table;
    switch (kind) {
    case Kind::DropTable: return QStringLiteral("drops table %1").arg(t);
    case Kind::Truncate: return QStringLiteral("empties table %1 (TRUNCATE)").arg(t);
    case Kind::Delete: return filtered ? QStringLiteral("deletes rows of %1").arg(t) : QStringLiteral("deletes every row of %1").arg(t);
    case Kind::Update: return filtered ? QStringLiteral("overwrites values in rows of %1").arg(t)
                                       : QStringLiteral("overwrites values in every row of %1").arg(t);
    case Kind::DropColumn: return QStringLiteral("drops column %1.%2").arg(t, column);
    }
    return {};
}

QList<DestructiveSql> DestructiveSql::parse(const QString &statement, Dialect dialect)
{
    Q_UNUSED(dialect);
    const QString s = code(statement);
    QList<DestructiveSql> out;
    static const auto opts = QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption;
    static const QRegularExpression dropTable(QStringLiteral(R"(^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(.*)$)"), opts);
    static const QRegularExpression oneName(QStringLiteral(R"(^\s*%1\s*(,|$|\s))").arg(kName), opts);
    static const QRegularExpression truncate(QStringLiteral(R"(^TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?%1)").arg(kName), opts);
    static const QRegularExpression del(QStringLiteral(R"(^DELETE\s+FROM\s+(?:ONLY\s+)?%1(.*)$)").arg(kName), opts);
    static const QRegularExpression upd(QStringLiteral(R"(^UPDATE\s+(?:ONLY\s+)?%1\s+(?:AS\s+\S+\s+)?SET\b(.*)$)").arg(kName), opts);
    static const QRegularExpression alterDrop(
        QStringLiteral(R"(^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?%1\s+DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(%2))").arg(kName, kIdent),
        opts);
    static const QRegularExpression where(QStringLiteral(R"(\bWHERE\b)"), opts);
    static const QStringList notColumns = {QStringLiteral("constraint"), QStringLiteral("index"), QStringLiteral("key"),
                                           QStringLiteral("primary"), QStringLiteral("foreign"), QStringLiteral("check"),
                                           QStringLiteral("default"), QStringLiteral("unique"), QStringLiteral("partition")};

    if (auto m = dropTable.match(s); m.hasMatch()) {
        QString rest = m.captured(1);
        for (;;) {
            auto n = oneName.match(rest);
            if (!n.hasMatch())
                break;
            DestructiveSql d;
            d.kind = Kind::DropTable;
            setName(d, n.captured(1), n.captured(2));
            out << d;
            if (n.captured(3) != QLatin1String(","))
                break;
            rest = rest.mid(n.capturedEnd(0));
        }
    } else if (auto m = truncate.match(s); m.hasMatch()) {
        DestructiveSql d;
        d.kind = Kind::Truncate;
        setName(d, m.captured(1), m.captured(2));
        out << d;
    } else if (auto m = del.match(s); m.hasMatch()) {
        DestructiveSql d;
        d.kind = Kind::Delete;
        setName(d, m.captured(1), m.captured(2));
        d.filtered = where.match(m.captured(3)).hasMatch();
        out << d;
    } else if (auto m = upd.match(s); m.hasMatch()) {
        DestructiveSql d;
        d.kind = Kind::Update;
        setName(d, m.captured(1), m.captured(2));
        d.filtered = where.match(m.captured(3)).hasMatch();
        out << d;
    } else if (auto m = alterDrop.match(s); m.hasMatch()) {
        const QString column = unquote(m.captured(3));
        if (!notColumns.contains(m.captured(3).toLower())) {
            DestructiveSql d;
            d.kind = Kind::DropColumn;
            setName(d, m.captured(1), m.captured(2));
            d.column = column;
            out << d;
        }
    }
    return out;
}

} // namespace covet
