#include "schemanormalizer.h"

#include "../sql/sqlitegenerator.h"
#include "../schema/innodbindex.h"
#include "../schema/sqlnames.h"
#include "../schema/sqltokenizer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace covet {

namespace {

enum class TokenKind { Word, Quoted, String, Symbol };

struct Token
{
    TokenKind kind;
    QString text;
};

// Splits SQL into names (lower-cased, quotes removed, qualifiers joined by
// '.'), string literals (kept) and symbols; whitespace and comments dropped.
QList<Token> tokenize(const QString &sql)
{
    static const QStringList twoChar = {QStringLiteral("::"), QStringLiteral("<>"), QStringLiteral(">="), QStringLiteral("<="),
                                        QStringLiteral("!="), QStringLiteral("||"), QStringLiteral("->")};
    QList<Token> out;
    const QList<SqlNames::Lexeme> lex = SqlNames::lexemes(sql);
    for (qsizetype i = 0; i < lex.size(); ++i) {
        const SqlTokenizer::Token &t = lex.at(i).token;
        if (!lex.at(i).name.isEmpty()) {
            QStringList parts;
            bool quoted = true;
            for (const SqlNames::Segment &seg : lex.at(i).name) {
                parts << seg.text.toLower();
                quoted = quoted && !seg.quote.isNull();
            }
            out << Token{quoted ? TokenKind::Quoted : TokenKind::Word, parts.join(u'.')};
        } else if (t.kind == SqlTokenizer::Kind::String || t.kind == SqlTokenizer::Kind::DollarString) {
            out << Token{TokenKind::String, SqlTokenizer::unquoted(t, sql)};
        } else if (i + 1 < lex.size() && lex.at(i + 1).token.kind == SqlTokenizer::Kind::Punct && lex.at(i + 1).token.start == t.end
                   && twoChar.contains(sql.mid(t.start, 2))) {
            const QString two = sql.mid(t.start, 2);
            out << Token{TokenKind::Symbol, two == u"!=" ? QStringLiteral("<>") : two};
            ++i;
        } else {
            out << Token{TokenKind::Symbol, sql.mid(t.start, t.end - t.start)};
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

// Whether tokens (from, to) hold an OR outside any parentheses.
bool hasTopLevelOr(const QList<Token> &t, qsizetype from, qsizetype to)
{
    int depth = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (isSymbol(t, i, u"("))
            ++depth;
        else if (isSymbol(t, i, u")"))
            --depth;
        else if (depth == 0 && t.at(i).kind == TokenKind::Word && t.at(i).text == u"or")
            return true;
    }
    return false;
}

// Drops parentheses that only group (not those of calls and lists) where
// that cannot change the meaning: around anything without a top-level OR
// (comparisons and AND bind tighter), around the whole expression, and
// around a whole argument. How much a database parenthesises is its own
// business; (a OR b) AND c stays apart from a OR b AND c.
void removeGroupingParentheses(QList<Token> &t)
{
    QList<qsizetype> stack;
    QList<bool> remove(t.size(), false);
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (isSymbol(t, i, u"(")) {
            stack << i;
        } else if (isSymbol(t, i, u")") && !stack.isEmpty()) {
            const qsizetype open = stack.takeLast();
            if (i == open + 1 || !groupsAfter(t, open - 1))
                continue;
            // Skip parentheses already removed when looking at the neighbours.
            qsizetype before = open - 1, after = i + 1;
            while (before >= 0 && remove.at(before))
                --before;
            while (after < t.size() && remove.at(after))
                ++after;
            const bool whole = before < 0 && after >= t.size();
            const bool argument = (before >= 0 && (isSymbol(t, before, u"(") || isSymbol(t, before, u",")))
                && (after < t.size() && (isSymbol(t, after, u")") || isSymbol(t, after, u",")));
            if (whole || argument || !hasTopLevelOr(t, open + 1, i))
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
    // Databases qualify names (orders.id, `db`.`orders`.`id`): compare the
    // last part. Numbers (1.5) are not names.
    for (Token &x : t)
        if (x.kind != TokenKind::String && x.text.contains(u'.') && !x.text.front().isDigit())
            x.text = x.text.section(u'.', -1);
    if (m_dialect == Dialect::MySQL) {
        for (qsizetype i = 0; i + 1 < t.size();) {
            if (t.at(i).kind == TokenKind::Word && t.at(i).text == u"as" && isWord(t, i + 1) && !isSymbol(t, i + 2, u"("))
                t.remove(i, 2);
            else
                ++i;
        }
    }
    if (m_dialect == Dialect::MySQL) {
        // MySQL reports some functions under another of their names.
        static const QHash<QString, QString> synonyms = {
            {QStringLiteral("length"), QStringLiteral("octet_length")}, {QStringLiteral("substr"), QStringLiteral("substring")},
            {QStringLiteral("ucase"), QStringLiteral("upper")},         {QStringLiteral("lcase"), QStringLiteral("lower")},
            {QStringLiteral("now"), QStringLiteral("current_timestamp")}};
        for (qsizetype i = 0; i + 1 < t.size(); ++i)
            if (t.at(i).kind == TokenKind::Word && isSymbol(t, i + 1, u"(") && synonyms.contains(t.at(i).text))
                t[i].text = synonyms.value(t.at(i).text);
    }
    static const QSet<QString> niladic = {QStringLiteral("current_timestamp"), QStringLiteral("current_date"),
                                          QStringLiteral("current_time"), QStringLiteral("localtimestamp"), QStringLiteral("localtime")};
    for (qsizetype i = 0; i + 2 < t.size(); ++i)
        if (t.at(i).kind == TokenKind::Word && niladic.contains(t.at(i).text) && isSymbol(t, i + 1, u"(") && isSymbol(t, i + 2, u")"))
            t.remove(i + 1, 2);
    removeGroupingParentheses(t);
    return joined(t);
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

namespace {

bool hasNamespaces(const Schema &s)
{
    if (!s.namespaces.isEmpty())
        return true;
    auto qualified = [](const auto &list) {
        return std::any_of(list.cbegin(), list.cend(), [](const auto &x) { return !x.schema.isEmpty(); });
    };
    return qualified(s.tables) || qualified(s.views) || qualified(s.enums);
}

// Only the default namespace of `s`.
void keepDefaultNamespace(Schema &s)
{
    auto outside = [](const auto &x) { return !x.schema.isEmpty(); };
    s.namespaces.clear();
    s.tables.removeIf(outside);
    s.views.removeIf(outside);
    s.enums.removeIf(outside);
}

// InnoDB's own index for a foreign key of `actual` that `desired` has but without that index.
bool isImplicitForeignKeyIndex(const Table &actual, const Index &index, const Table &desired)
{
    const ForeignKey *fk = innoDbForeignKeyOfIndex(actual, index);
    if (!fk)
        return false;
    const auto sameName = [&](const QString &n) { return n.compare(index.name, Qt::CaseInsensitive) == 0; };
    const bool desiredHasKey = std::any_of(desired.foreignKeys.cbegin(), desired.foreignKeys.cend(),
                                           [&](const ForeignKey &f) { return f.columns == fk->columns; });
    const bool desiredHasIndex = std::any_of(desired.indexes.cbegin(), desired.indexes.cend(),
                                             [&](const Index &i) { return sameName(i.name); });
    return desiredHasKey && !desiredHasIndex;
}

} // namespace

Schema SchemaNormalizer::alignedActual(Schema actual, const Schema &desired) const
{
    if (!hasNamespaces(desired))
        keepDefaultNamespace(actual);
    for (Table &t : actual.tables) {
        const Table *d = desired.table(t.name, t.schema);
        if (!d)
            continue;
        if (m_dialect == Dialect::SQLite) {
            const Column *want = SqliteGenerator::autoincrementColumn(*d);
            const Column *have = SqliteGenerator::autoincrementColumn(t);
            if (want && have && want->name == have->name)
                t.column(have->name)->type = want->type;
        } else if (m_dialect == Dialect::MySQL) {
            QStringList implicit;
            for (const Index &i : t.indexes)
                if (isImplicitForeignKeyIndex(t, i, *d))
                    implicit << i.name;
            t.indexes.removeIf([&](const Index &i) { return implicit.contains(i.name); });
        }
    }
    return actual;
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
