#include "schemanormalizer.h"

#include <QSet>

namespace covet {

namespace {

enum class TokenKind { Word, Quoted, String, Symbol };

struct Token
{
    TokenKind kind;
    QString text;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'.';
}

// Splits SQL into words (lower-cased), quoted identifiers (unquoted,
// lower-cased), string literals (kept) and symbols; whitespace and comments dropped.
QList<Token> tokenize(const QString &sql)
{
    QList<Token> out;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && sql.at(i + 1) == u'-') {
            while (i < n && sql.at(i) != u'\n')
                ++i;
        } else if (c == u'\'') {
            qsizetype j = i + 1;
            QString text;
            while (j < n) {
                if (sql.at(j) == u'\'' && j + 1 < n && sql.at(j + 1) == u'\'') {
                    text += u'\'';
                    j += 2;
                } else if (sql.at(j) == u'\'') {
                    break;
                } else {
                    text += sql.at(j++);
                }
            }
            out << Token{TokenKind::String, text};
            i = j + 1;
        } else if (c == u'"' || c == u'`' || c == u'[') {
            const QChar close = c == u'[' ? u']' : c;
            qsizetype j = i + 1;
            QString text;
            while (j < n) {
                if (sql.at(j) == close && j + 1 < n && sql.at(j + 1) == close && close != u']') {
                    text += close;
                    j += 2;
                } else if (sql.at(j) == close) {
                    break;
                } else {
                    text += sql.at(j++);
                }
            }
            // a.b written as "a"."b": glue to the previous '.'-ended word.
            out << Token{TokenKind::Quoted, text.toLower()};
            i = j + 1;
        } else if (isWordChar(c)) {
            qsizetype j = i;
            while (j < n && isWordChar(sql.at(j)))
                ++j;
            out << Token{TokenKind::Word, sql.mid(i, j - i).toLower()};
            i = j;
        } else {
            static const QStringList twoChar = {QStringLiteral("::"), QStringLiteral("<>"), QStringLiteral(">="), QStringLiteral("<="),
                                                QStringLiteral("!="), QStringLiteral("||"), QStringLiteral("->")};
            const QString two = sql.mid(i, 2);
            if (twoChar.contains(two)) {
                out << Token{TokenKind::Symbol, two == u"!=" ? QStringLiteral("<>") : two};
                i += 2;
            } else {
                out << Token{TokenKind::Symbol, QString(c)};
                ++i;
            }
        }
    }
    return out;
}

bool isSymbol(const QList<Token> &t, qsizetype i, QStringView s)
{
    return i >= 0 && i < t.size() && t.at(i).kind == TokenKind::Symbol && t.at(i).text == s;
}

bool isWord(const QList<Token> &t, qsizetype i)
{
    return i >= 0 && i < t.size() && (t.at(i).kind == TokenKind::Word || t.at(i).kind == TokenKind::Quoted);
}

// Removes PostgreSQL casts: ::type, ::character varying(20), ::text[].
void removeCasts(QList<Token> &t)
{
    static const QSet<QString> typeWords = {QStringLiteral("varying"), QStringLiteral("precision"), QStringLiteral("without"),
                                            QStringLiteral("with"), QStringLiteral("time"), QStringLiteral("zone")};
    for (qsizetype i = 0; i < t.size();) {
        if (!isSymbol(t, i, u"::") || !isWord(t, i + 1)) {
            ++i;
            continue;
        }
        qsizetype j = i + 2;
        while (j < t.size() && t.at(j).kind == TokenKind::Word && typeWords.contains(t.at(j).text))
            ++j;
        if (isSymbol(t, j, u"(")) {
            qsizetype k = j + 1;
            while (k < t.size() && !isSymbol(t, k, u")"))
                ++k;
            j = k + 1;
        }
        while (isSymbol(t, j, u"[") && isSymbol(t, j + 1, u"]"))
            j += 2;
        t.remove(i, std::min(j, t.size()) - i);
    }
}

// Words after which '(' is a grouping parenthesis, not a call or a list.
bool groupsAfter(const QList<Token> &t, qsizetype i)
{
    static const QSet<QString> keywords = {
        QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"), QStringLiteral("when"), QStringLiteral("then"),
        QStringLiteral("else"), QStringLiteral("where"), QStringLiteral("on"), QStringLiteral("having"), QStringLiteral("select"),
        QStringLiteral("case"), QStringLiteral("as"), QStringLiteral("by"), QStringLiteral("distinct"), QStringLiteral("from"),
        QStringLiteral("join"), QStringLiteral("return"), QStringLiteral("between"), QStringLiteral("is"), QStringLiteral("like"),
        QStringLiteral("set")};
    if (i < 0)
        return true;
    const Token &p = t.at(i);
    if (p.kind == TokenKind::Word)
        return keywords.contains(p.text);
    return p.kind != TokenKind::Quoted;
}

// Drops parentheses that only group (not those of calls and lists): how
// much a database parenthesises is its own business.
void removeGroupingParentheses(QList<Token> &t)
{
    QList<qsizetype> stack;
    QList<bool> remove(t.size(), false);
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (isSymbol(t, i, u"(")) {
            stack << i;
        } else if (isSymbol(t, i, u")") && !stack.isEmpty()) {
            const qsizetype open = stack.takeLast();
            if (i > open + 1 && groupsAfter(t, open - 1))
                remove[open] = remove[i] = true;
        }
    }
    QList<Token> kept;
    for (qsizetype i = 0; i < t.size(); ++i)
        if (!remove.at(i))
            kept << t.at(i);
    t = kept;
}

QString joined(const QList<Token> &t)
{
    QStringList parts;
    for (const Token &x : t)
        parts << (x.kind == TokenKind::String ? u'\'' + QString(x.text).replace(u'\'', QStringLiteral("''")) + u'\'' : x.text);
    return parts.join(u' ');
}

} // namespace

QString SchemaNormalizer::expression(const QString &sql) const
{
    QList<Token> t = tokenize(sql);
    while (!t.isEmpty() && isSymbol(t, t.size() - 1, u";"))
        t.removeLast();
    removeCasts(t);
    if (m_dialect == Dialect::MySQL) {
        for (qsizetype i = 0; i + 1 < t.size();) {
            if (t.at(i).kind == TokenKind::Word && t.at(i).text == u"as" && isWord(t, i + 1) && !isSymbol(t, i + 2, u"("))
                t.remove(i, 2);
            else
                ++i;
        }
    }
    static const QSet<QString> niladic = {QStringLiteral("current_timestamp"), QStringLiteral("current_date"),
                                          QStringLiteral("current_time"), QStringLiteral("localtimestamp"), QStringLiteral("localtime")};
    for (qsizetype i = 0; i + 2 < t.size(); ++i)
        if (t.at(i).kind == TokenKind::Word && niladic.contains(t.at(i).text) && isSymbol(t, i + 1, u"(") && isSymbol(t, i + 2, u")"))
            t.remove(i + 1, 2);
    removeGroupingParentheses(t);
    return joined(t);
}

QSet<QString> SchemaNormalizer::identifiers(const QString &sql)
{
    QSet<QString> out;
    for (const Token &t : tokenize(sql)) {
        if (t.kind == TokenKind::Quoted)
            out.insert(t.text);
        else if (t.kind == TokenKind::Word)
            for (const QString &part : t.text.split(u'.', Qt::SkipEmptyParts))
                out.insert(part);
    }
    return out;
}

QString SchemaNormalizer::defaultValue(const std::optional<QString> &expr) const
{
    if (!expr)
        return {};
    QList<Token> t = tokenize(*expr);
    removeCasts(t);
    removeGroupingParentheses(t);
    if (t.size() == 1 && t.first().kind == TokenKind::Word && t.first().text == u"null")
        return {};
    // A number, possibly quoted or signed, compares by value.
    QString number;
    if (t.size() == 1)
        number = t.first().kind == TokenKind::Quoted ? QString() : t.first().text;
    else if (t.size() == 2 && isSymbol(t, 0, u"-") && t.at(1).kind == TokenKind::Word)
        number = u'-' + t.at(1).text;
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (ok)
        return QStringLiteral("#") + QString::number(value, 'g', 17);
    if (number == u"true")
        return QStringLiteral("#1");
    if (number == u"false")
        return QStringLiteral("#0");
    return expression(*expr);
}

QString SchemaNormalizer::indexMethod(const QString &method)
{
    const QString m = method.toLower();
    return m == u"btree" ? QString() : m;
}

Schema SchemaNormalizer::comparable(Schema s) const
{
    const bool mysql = m_dialect == Dialect::MySQL;
    for (Table &t : s.tables) {
        if (mysql) {
            for (const UniqueConstraint &u : t.uniques) {
                Index i;
                i.name = u.name;
                i.unique = true;
                for (const QString &c : u.columns)
                    i.parts << IndexPart{c, {}, false, -1};
                t.indexes << i;
            }
            t.uniques.clear();
        }
        for (Column &c : t.columns) {
            if (!c.collation.isEmpty() && c.collation.compare(t.collation, Qt::CaseInsensitive) == 0)
                c.collation.clear();
            if (!c.charset.isEmpty() && c.charset.compare(t.charset, Qt::CaseInsensitive) == 0)
                c.charset.clear();
            if (c.type.kind() == SqlType::Kind::Enum && !c.type.enumName().isEmpty())
                c.type.setEnumValues({});
        }
    }
    s.canonicalize();
    return s;
}

bool SchemaNormalizer::sameColumn(const Column &a, const Column &b) const
{
    return a.name == b.name && a.type.equivalent(b.type) && a.type.enumName() == b.type.enumName() && a.nullable == b.nullable
        && defaultValue(a.defaultExpr) == defaultValue(b.defaultExpr) && a.identity == b.identity
        && expression(a.generatedExpr) == expression(b.generatedExpr) && (!a.isGenerated() || a.generatedStored == b.generatedStored)
        && expression(a.onUpdateExpr) == expression(b.onUpdateExpr) && a.collation.compare(b.collation, Qt::CaseInsensitive) == 0
        && a.charset.compare(b.charset, Qt::CaseInsensitive) == 0 && a.comment == b.comment;
}

bool SchemaNormalizer::sameIndex(const Index &a, const Index &b) const
{
    if (a.name != b.name || a.unique != b.unique || a.parts.size() != b.parts.size() || expression(a.where) != expression(b.where)
        || indexMethod(a.method) != indexMethod(b.method))
        return false;
    for (qsizetype i = 0; i < a.parts.size(); ++i) {
        const IndexPart &x = a.parts.at(i);
        const IndexPart &y = b.parts.at(i);
        if (x.column != y.column || expression(x.expression) != expression(y.expression) || x.descending != y.descending
            || x.length != y.length)
            return false;
    }
    return true;
}

bool SchemaNormalizer::sameForeignKey(const ForeignKey &a, const ForeignKey &b) const
{
    const bool names = m_dialect != Dialect::SQLite && !a.name.isEmpty() && !b.name.isEmpty();
    return (!names || a.name == b.name) && a.columns == b.columns && a.refSchema == b.refSchema && a.refTable == b.refTable
        && a.refColumns == b.refColumns && a.onDelete == b.onDelete && a.onUpdate == b.onUpdate && a.deferrable == b.deferrable
        && a.initiallyDeferred == b.initiallyDeferred;
}

bool SchemaNormalizer::sameCheck(const Check &a, const Check &b) const
{
    return (a.name.isEmpty() || b.name.isEmpty() || a.name == b.name) && expression(a.expression) == expression(b.expression);
}

bool SchemaNormalizer::sameTrigger(const Trigger &a, const Trigger &b) const
{
    auto events = [](QStringList e) {
        for (QString &x : e)
            x = x.toUpper();
        e.sort();
        return e;
    };
    if (a.name != b.name || a.timing.compare(b.timing, Qt::CaseInsensitive) != 0 || events(a.events) != events(b.events)
        || a.forEachRow != b.forEachRow)
        return false;
    if (!a.definition.isEmpty() && !b.definition.isEmpty())
        return expression(a.definition) == expression(b.definition);
    return expression(a.body) == expression(b.body);
}

bool SchemaNormalizer::sameView(const View &a, const View &b) const
{
    return a.name == b.name && a.schema == b.schema && a.materialized == b.materialized
        && expression(a.definition) == expression(b.definition);
}

bool SchemaNormalizer::samePrimaryKey(const std::optional<PrimaryKey> &a, const std::optional<PrimaryKey> &b) const
{
    if (!a || !b)
        return !a && !b;
    const bool names = m_dialect == Dialect::PostgreSQL && !a->name.isEmpty() && !b->name.isEmpty();
    return a->columns == b->columns && (!names || a->name == b->name);
}

} // namespace covet
