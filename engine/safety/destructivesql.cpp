#include "destructivesql.h"

#include "../sql/sqlscriptsplitter.h"
#include "../schema/sqltokenizer.h"

namespace covet {

namespace {

using Kind = SqlTokenizer::Kind;
using Token = SqlTokenizer::Token;

// The statement's tokens without comments, and ways to read them.
class Reader
{
public:
    Reader(const QString &sql, Dialect dialect) : m_sql(sql)
    {
        m_code = SqlTokenizer::tokenize(sql, SqlTokenizer::Rules::forDialect(dialect));
        m_code.removeIf([](const Token &t) { return t.isComment(); });
    }
    qsizetype size() const { return m_code.size(); }
    const Token &at(qsizetype i) const { return m_code.at(i); }
    // The keyword at i, upper-cased (not a part of a qualified name); empty otherwise.
    QString word(qsizetype i) const
    {
        const bool keyword = i >= 0 && i < m_code.size() && m_code.at(i).kind == Kind::Word && !(i > 0 && punct(i - 1, u'.'));
        return keyword ? m_code.at(i).source(m_sql).toString().toUpper() : QString();
    }
    bool punct(qsizetype i, QChar c) const { return i >= 0 && i < m_code.size() && SqlTokenizer::isPunct(m_code.at(i), m_sql, c); }
    // A name part at i (a word or a quoted identifier), unquoted; empty otherwise.
    QString namePart(qsizetype i) const
    {
        if (i < 0 || i >= m_code.size())
            return {};
        const Token &t = m_code.at(i);
        if (t.kind == Kind::QuotedIdentifier)
            return SqlTokenizer::unquoted(t, m_sql);
        if (t.kind == Kind::Word)
            return t.source(m_sql).toString();
        return {};
    }
    // A possibly qualified name at i: {schema, name}; *next is past it.
    bool name(qsizetype i, QString *schema, QString *name, qsizetype *next) const
    {
        const QString first = namePart(i);
        if (first.isEmpty())
            return false;
        if (punct(i + 1, u'.') && !namePart(i + 2).isEmpty()) {
            *schema = first;
            *name = namePart(i + 2);
            *next = i + 3;
        } else {
            schema->clear();
            *name = first;
            *next = i + 1;
        }
        return true;
    }
    bool hasWordAfter(qsizetype from, QStringView w) const
    {
        for (qsizetype i = from; i < m_code.size(); ++i)
            if (word(i) == w)
                return true;
        return false;
    }
    const QString &sql() const { return m_sql; }

private:
    const QString &m_sql;
    QList<Token> m_code;
};

void add(QList<DestructiveSql> &out, DestructiveSql::Kind kind, const QString &schema, const QString &table, const QString &statement,
         const QString &column = {}, bool filtered = false)
{
    DestructiveSql d;
    d.kind = kind;
    d.schema = schema;
    d.table = table;
    d.column = column;
    d.filtered = filtered;
    d.statement = statement;
    out << d;
}

void alterTable(const Reader &r, qsizetype i, QList<DestructiveSql> &out)
{
    if (r.word(i) == u"IF" && r.word(i + 1) == u"EXISTS")
        i += 2;
    if (r.word(i) == u"ONLY")
        ++i;
    QString schema, table;
    if (!r.name(i, &schema, &table, &i))
        return;
    static const QStringList notData = {QStringLiteral("CONSTRAINT"), QStringLiteral("INDEX"), QStringLiteral("KEY"),
                                        QStringLiteral("FOREIGN"),    QStringLiteral("PRIMARY"), QStringLiteral("CHECK"),
                                        QStringLiteral("DEFAULT"),    QStringLiteral("NOT"),   QStringLiteral("IDENTITY"),
                                        QStringLiteral("EXPRESSION"), QStringLiteral("UNIQUE"), QStringLiteral("FULLTEXT"),
                                        QStringLiteral("SPATIAL"),    QStringLiteral("SYSTEM"), QStringLiteral("PERIOD"),
                                        QStringLiteral("TRIGGER"),    QStringLiteral("RULE")};
    int depth = 0;
    for (; i < r.size(); ++i) {
        if (r.punct(i, u'('))
            ++depth;
        else if (r.punct(i, u')'))
            --depth;
        if (depth != 0 || r.word(i) != u"DROP")
            continue;
        qsizetype j = i + 1;
        if (r.word(j) == u"PARTITION") {
            add(out, DestructiveSql::Kind::DropPartition, schema, table, r.sql(), r.namePart(j + 1), true);
            continue;
        }
        if (r.word(j) == u"COLUMN")
            ++j;
        if (r.word(j) == u"IF" && r.word(j + 1) == u"EXISTS")
            j += 2;
        if (j < r.size() && !notData.contains(r.word(j)))
            add(out, DestructiveSql::Kind::DropColumn, schema, table, r.sql(), r.namePart(j));
    }
}

// Reads one statement; bodies of procedural blocks go to `inner`.
void read(const QString &sql, Dialect dialect, QList<DestructiveSql> &out, QStringList &inner)
{
    const Reader r(sql, dialect);
    const QString first = r.word(0);
    if (first == u"BEGIN" && r.size() > 1 && r.word(1) != u"TRANSACTION" && r.word(1) != u"WORK") {
        inner << sql.mid(r.at(1).start);   // the statements of a procedural block
        return;
    }
    if (first == u"DO" && dialect == Dialect::PostgreSQL) {
        for (qsizetype i = 0; i < r.size(); ++i) {
            const Token &t = r.at(i);
            if (t.kind != Kind::DollarString || t.unterminated)
                continue;
            const QStringView body = t.source(sql);
            const qsizetype tag = body.indexOf(u'$', 1) + 1;   // "$$" or "$name$", closing the same way
            inner << body.mid(tag, body.size() - 2 * tag).toString();
        }
        return;
    }
    QString schema, table;
    qsizetype i = 1;
    if (first == u"DROP") {
        while (r.word(i) == u"TEMPORARY" || r.word(i) == u"TEMP")
            ++i;
        const QString what = r.word(i++);
        if (r.word(i) == u"IF" && r.word(i + 1) == u"EXISTS")
            i += 2;
        if (what == u"SCHEMA" || what == u"DATABASE") {
            if (r.name(i, &schema, &table, &i))
                add(out, DestructiveSql::Kind::DropSchema, {}, table, sql);
            return;
        }
        if (what != u"TABLE")
            return;
        while (r.name(i, &schema, &table, &i)) {
            add(out, DestructiveSql::Kind::DropTable, schema, table, sql);
            if (!r.punct(i, u','))
                break;
            ++i;
        }
    } else if (first == u"TRUNCATE") {
        if (r.word(i) == u"TABLE")
            ++i;
        if (r.word(i) == u"ONLY")
            ++i;
        while (r.name(i, &schema, &table, &i)) {
            add(out, DestructiveSql::Kind::Truncate, schema, table, sql);
            if (!r.punct(i, u','))
                break;
            ++i;
        }
    } else if (first == u"DELETE") {
        if (r.word(i) == u"FROM")
            ++i;
        if (r.word(i) == u"ONLY")
            ++i;
        if (r.name(i, &schema, &table, &i))
            add(out, DestructiveSql::Kind::Delete, schema, table, sql, {}, r.hasWordAfter(i, u"WHERE"));
    } else if (first == u"UPDATE") {
        if (r.word(i) == u"ONLY")
            ++i;
        if (r.name(i, &schema, &table, &i))
            add(out, DestructiveSql::Kind::Update, schema, table, sql, {}, r.hasWordAfter(i, u"WHERE"));
    } else if (first == u"WITH") {
        // WITH … DELETE FROM t / UPDATE t: the data-changing part, wherever it is.
        for (qsizetype k = 1; k < r.size(); ++k) {
            const QString w = r.word(k);
            if (w == u"DELETE" || w == u"UPDATE" || w == u"TRUNCATE") {
                QList<DestructiveSql> part;
                QStringList ignored;
                read(sql.mid(r.at(k).start), dialect, part, ignored);
                for (DestructiveSql &d : part)
                    d.statement = sql;
                out << part;
                return;
            }
        }
    } else if (first == u"ALTER") {
        if (r.word(i) == u"IGNORE" || r.word(i) == u"ONLINE")
            ++i;
        if (r.word(i) == u"TABLE")
            alterTable(r, i + 1, out);
    }
}

} // namespace

QString DestructiveSql::describe() const
{
    const QString t = schema.isEmpty() ? table : schema + u'.' + table;
    switch (kind) {
    case Kind::DropTable: return QStringLiteral("drops table %1").arg(t);
    case Kind::DropSchema: return QStringLiteral("drops schema %1 and everything in it").arg(table);
    case Kind::Truncate: return QStringLiteral("empties table %1 (TRUNCATE)").arg(t);
    case Kind::Delete: return filtered ? QStringLiteral("deletes rows of %1").arg(t) : QStringLiteral("deletes every row of %1").arg(t);
    case Kind::Update: return filtered ? QStringLiteral("overwrites values in rows of %1").arg(t)
                                       : QStringLiteral("overwrites values in every row of %1").arg(t);
    case Kind::DropColumn: return QStringLiteral("drops column %1.%2").arg(t, column);
    case Kind::DropPartition: return QStringLiteral("drops partition %1 of %2 with its rows").arg(column, t);
    }
    return {};
}

QList<DestructiveSql> DestructiveSql::parse(const QString &statement, Dialect dialect)
{
    QList<DestructiveSql> out;
    QStringList pending{statement};
    bool top = true;
    // Procedural bodies are scripts of their own; a few levels are enough.
    for (int round = 0; round < 8 && !pending.isEmpty(); ++round) {
        QStringList inner;
        for (const QString &text : std::as_const(pending)) {
            if (top) {
                read(text, dialect, out, inner);
                continue;
            }
            auto statements = SqlScriptSplitter::split(text, dialect);
            const QList<SqlScriptSplitter::Statement> list = statements ? *statements : QList<SqlScriptSplitter::Statement>{{text, 1}};
            for (const SqlScriptSplitter::Statement &st : list)
                read(st.sql, dialect, out, inner);
        }
        top = false;
        pending = inner;
    }
    return out;
}

QList<DestructiveSql> DestructiveSql::scan(const QString &script, Dialect dialect)
{
    auto statements = SqlScriptSplitter::split(script, dialect);
    const QList<SqlScriptSplitter::Statement> list = statements ? *statements : QList<SqlScriptSplitter::Statement>{{script, 1}};
    QList<DestructiveSql> out;
    for (const SqlScriptSplitter::Statement &st : list)
        out << parse(st.sql, dialect);
    return out;
}

} // namespace covet
