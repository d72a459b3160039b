#include "sqlnames.h"

#include <QRegularExpression>

namespace covet::SqlNames {

namespace {

bool isNamePart(const SqlTokenizer::Token &t)
{
    using Kind = SqlTokenizer::Kind;
    return t.kind == Kind::Word || t.kind == Kind::Number || t.kind == Kind::QuotedIdentifier;
}

} // namespace

QList<Lexeme> lexemes(const QString &sql)
{
    QList<SqlTokenizer::Token> toks = SqlTokenizer::tokenize(sql, SqlTokenizer::Rules::generic());
    toks.removeIf([](const SqlTokenizer::Token &t) { return t.isComment(); });
    QList<Lexeme> out;
    for (qsizetype i = 0; i < toks.size(); ++i) {
        const SqlTokenizer::Token &t = toks.at(i);
        if (!isNamePart(t)) {
            out << Lexeme{t, {}};
            continue;
        }
        Lexeme l{t, {}};
        for (;;) {
            const SqlTokenizer::Token &part = toks.at(i);
            const bool quoted = part.kind == SqlTokenizer::Kind::QuotedIdentifier;
            l.name << Segment{part.start, part.end, quoted ? SqlTokenizer::unquoted(part, sql) : sql.mid(part.start, part.end - part.start),
                              quoted ? sql.at(part.start) : QChar()};
            if (i + 2 < toks.size() && SqlTokenizer::isPunct(toks.at(i + 1), sql, u'.') && toks.at(i + 1).start == part.end
                && isNamePart(toks.at(i + 2)) && toks.at(i + 2).start == toks.at(i + 1).end) {
                i += 2;
                continue;
            }
            break;
        }
        l.token.end = toks.at(i).end;
        out << l;
    }
    return out;
}

QSet<QString> identifiers(const QString &sql)
{
    QSet<QString> out;
    for (const Lexeme &l : lexemes(sql))
        for (const Segment &s : l.name)
            for (const QString &part : s.text.toLower().split(u'.', Qt::SkipEmptyParts))
                out.insert(part);
    return out;
}

QString renameIdentifier(const QString &sql, const QString &from, const QString &to)
{
    if (sql.isEmpty() || from.compare(to, Qt::CaseInsensitive) == 0 || identifiers(sql).contains(to.toLower()))
        return sql;
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QString out;
    qsizetype copied = 0;
    for (const Lexeme &l : lexemes(sql)) {
        for (const Segment &s : l.name) {
            if (s.text.compare(from, Qt::CaseInsensitive) != 0)
                continue;
            out += sql.mid(copied, s.start - copied);
            if (!s.quote.isNull()) {
                const QChar close = s.quote == u'[' ? QChar(u']') : s.quote;
                out += s.quote + (close == u']' ? to : QString(to).replace(close, QString(close) + close)) + close;
            } else {
                out += plain.match(to).hasMatch() ? to : u'"' + QString(to).replace(u'"', QStringLiteral("\"\"")) + u'"';
            }
            copied = s.end;
        }
    }
    return out + sql.mid(copied);
}

RawNames rawNames(const QString &sql)
{
    using Kind = SqlTokenizer::Kind;
    RawNames out;
    for (const SqlTokenizer::Rules &rules : SqlTokenizer::Rules::everyServerReading()) {
        QList<SqlTokenizer::Token> toks = SqlTokenizer::tokenize(sql, rules);
        for (const SqlTokenizer::Token &t : std::as_const(toks))
            out.hidden = out.hidden || t.kind == Kind::ExecutableComment || t.unterminated;
        toks.removeIf([](const SqlTokenizer::Token &t) { return t.isComment(); });
        for (qsizetype i = 0; i < toks.size(); ++i) {
            const SqlTokenizer::Token &t = toks.at(i);
            if (t.kind != Kind::Word && t.kind != Kind::QuotedIdentifier)
                continue;
            const QString name = (t.kind == Kind::Word ? t.source(sql).toString() : SqlTokenizer::unquoted(t, sql)).toLower();
            (t.kind == Kind::Word ? out.words : out.quoted).insert(name);
            const bool afterInto = i > 0 && SqlTokenizer::isWord(toks.at(i - 1), sql, u"into");
            if (i + 1 < toks.size() && SqlTokenizer::isPunct(toks.at(i + 1), sql, u'(') && !afterInto)
                out.called.insert(name);
        }
    }
    return out;
}

} // namespace covet::SqlNames
