#include "migration.h"

#include "../sql/sqlscriptsplitter.h"
#include "../sql/sqltokenizer.h"

#include <QRegularExpression>

#include <algorithm>

namespace covet {

namespace {

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_([a-z0-9_]+)$"));
    return re;
}

} // namespace

bool Migration::isReversible() const
{
    if (isSql())
        return hasDown;
    for (const Operation &op : operations) {
        if (const auto *sql = std::get_if<RunSql>(&op); sql && !sql->reversible())
            return false;
    }
    return true;
}

namespace {

QString qualified(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

// Whether a statement, read by the dialect's rules, destroys stored data:
// DROP TABLE/SCHEMA/DATABASE, TRUNCATE, DELETE (also in a WITH), ALTER
// TABLE ... DROP of a column or partition. A PostgreSQL DO block is read
// for the statements in its body.
bool destroysData(const QString &sql, Dialect dialect, QStringList &inner)
{
    using Kind = SqlTokenizer::Kind;
    QList<SqlTokenizer::Token> code = SqlTokenizer::tokenize(sql, SqlTokenizer::Rules::forDialect(dialect));
    code.removeIf([](const SqlTokenizer::Token &t) { return t.isComment(); });
    auto word = [&](qsizetype i) {
        const bool keyword = i >= 0 && i < code.size() && code.at(i).kind == Kind::Word
            && !(i > 0 && SqlTokenizer::isPunct(code.at(i - 1), sql, u'.'));
        return keyword ? code.at(i).source(sql).toString().toUpper() : QString();
    };
    const QString first = word(0);
    if (first == u"BEGIN" && code.size() > 1 && word(1) != u"TRANSACTION" && word(1) != u"WORK") {
        inner << sql.mid(code.at(1).start);   // a statement at the start of a procedural block
        return false;
    }
    if (first == u"TRUNCATE" || first == u"DELETE")
        return true;
    if (first == u"WITH") {
        for (qsizetype i = 1; i < code.size(); ++i)
            if (word(i) == u"DELETE" || word(i) == u"TRUNCATE")
                return true;
        return false;
    }
    if (first == u"DROP") {
        qsizetype i = 1;
        while (word(i) == u"TEMPORARY" || word(i) == u"TEMP")
            ++i;
        return word(i) == u"TABLE" || word(i) == u"SCHEMA" || word(i) == u"DATABASE";
    }
    if (first == u"ALTER") {
        qsizetype i = 1;
        if (word(i) == u"IGNORE" || word(i) == u"ONLINE")
            ++i;
        if (word(i) != u"TABLE")
            return false;
        static const QStringList notData = {QStringLiteral("CONSTRAINT"), QStringLiteral("INDEX"), QStringLiteral("KEY"),
                                            QStringLiteral("FOREIGN"), QStringLiteral("PRIMARY"), QStringLiteral("CHECK"),
                                            QStringLiteral("DEFAULT"), QStringLiteral("NOT"), QStringLiteral("IDENTITY"),
                                            QStringLiteral("EXPRESSION"), QStringLiteral("UNIQUE"), QStringLiteral("FULLTEXT"),
                                            QStringLiteral("SPATIAL"), QStringLiteral("SYSTEM"), QStringLiteral("PERIOD")};
        int depth = 0;
        for (++i; i < code.size(); ++i) {
            if (SqlTokenizer::isPunct(code.at(i), sql, u'('))
                ++depth;
            else if (SqlTokenizer::isPunct(code.at(i), sql, u')'))
                --depth;
            if (depth != 0 || word(i) != u"DROP")
                continue;
            qsizetype j = i + 1;
            if (word(j) == u"COLUMN")
                ++j;
            if (word(j) == u"IF" && word(j + 1) == u"EXISTS")
                j += 2;
            if (j < code.size() && !notData.contains(word(j)))
                return true;
        }
        return false;
    }
    if (first == u"DO" && dialect == Dialect::PostgreSQL) {
        for (const SqlTokenizer::Token &t : std::as_const(code)) {
            if (t.kind != Kind::DollarString || t.unterminated)
                continue;
            const QStringView body = t.source(sql);
            const qsizetype tag = body.indexOf(u'$', 1) + 1;   // "$$" or "$name$", closing the same way
            inner << body.mid(tag, body.size() - 2 * tag).toString();
        }
    }
    return false;
}

// "runs <statement>" for every statement of sql that destroys data, read
// by each dialect's rules (a migration file does not know its dialect).
void destructiveStatements(const QString &sql, QStringList &out)
{
    for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
        QStringList pending{sql};
        for (int round = 0; round < 8 && !pending.isEmpty(); ++round) {
            QStringList inner;
            for (const QString &script : std::as_const(pending)) {
                auto statements = SqlScriptSplitter::split(script, d);
                const QList<SqlScriptSplitter::Statement> list = statements ? *statements
                                                                            : QList<SqlScriptSplitter::Statement>{{script, 1}};
                for (const SqlScriptSplitter::Statement &st : list) {
                    if (!destroysData(st.sql, d, inner))
                        continue;
                    const QString line = QStringLiteral("runs %1").arg(st.sql.simplified().left(80));
                    if (!out.contains(line))
                        out << line;
                }
            }
            pending = inner;
        }
    }
}

} // namespace

QStringList Migration::destructiveChanges() const
{
    // A column added again as a generated column computes its values: its
    // drop loses nothing (PostgreSQL's way around a type change under it).
    auto regenerated = [this](const DropColumn &d) {
        return std::any_of(operations.begin(), operations.end(), [&](const Operation &op) {
            const auto *a = std::get_if<AddColumn>(&op);
            return a && a->schema == d.schema && a->table == d.table && a->column.name == d.column && a->column.isGenerated();
        });
    };
    QStringList out;
    if (isSql()) {
        destructiveStatements(upSql, out);
        return out;
    }
    for (const Operation &op : operations) {
        if (const auto *t = std::get_if<DropTable>(&op))
            out << QStringLiteral("drops table %1").arg(qualified(t->schema, t->name));
        else if (const auto *c = std::get_if<DropColumn>(&op); c && !regenerated(*c))
            out << QStringLiteral("drops column %1.%2").arg(qualified(c->schema, c->table), c->column);
        else if (const auto *n = std::get_if<DropNamespace>(&op))
            out << QStringLiteral("drops schema %1").arg(n->name);
        else if (const auto *r = std::get_if<RunSql>(&op)) {
            destructiveStatements(r->forward, out);
            for (const QString &sql : r->forwardByDialect)
                destructiveStatements(sql, out);
        }
    }
    return out;
}

QString Migration::fileName() const
{
    return id + (isSql() ? QStringLiteral(".sql") : QStringLiteral(".yaml"));
}

std::optional<Migration::IdParts> Migration::parseId(const QString &id)
{
    const auto m = idPattern().match(id);
    if (!m.hasMatch())
        return std::nullopt;
    const int number = m.captured(1).toInt();
    if (number <= 0)
        return std::nullopt;
    return IdParts{number, m.captured(2)};
}

QString Migration::makeId(int number, const QString &name)
{
    return QStringLiteral("%1_%2").arg(number, 4, 10, QLatin1Char('0')).arg(name);
}

bool Migration::isValidFileName(const QString &fileName)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}_[a-z0-9_]+\\.(yaml|sql)$"));
    return re.match(fileName).hasMatch();
}

} // namespace covet
