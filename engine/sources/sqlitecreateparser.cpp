#include "sqlitecreateparser.h"

#include "../schema/sqltokenizer.h"

namespace covet {

namespace {

using CreateToken = SqliteCreateParser::Token;   // not "Token": sql/ has an anonymous Token of its own (unity batches)

bool isKw(const CreateToken &t, const char *kw)
{
    return t.kind == CreateToken::Keyword && t.text.compare(QLatin1String(kw), Qt::CaseInsensitive) == 0;
}

bool isPunct(const CreateToken &t, QChar c)
{
    return t.kind == CreateToken::Punct && t.text.size() == 1 && t.text.at(0) == c;
}

// Index of the token closing the parenthesis opened at `open`, or -1.
qsizetype matchParen(const QList<CreateToken> &toks, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < toks.size(); ++i) {
        if (isPunct(toks[i], u'('))
            ++depth;
        else if (isPunct(toks[i], u')') && --depth == 0)
            return i;
    }
    return -1;
}

QString sourceBetween(const QString &sql, const QList<CreateToken> &toks, qsizetype first, qsizetype last)
{
    if (first > last || first < 0 || last >= toks.size())
        return {};
    return sql.mid(toks[first].start, toks[last].end - toks[first].start).trimmed();
}

// Splits tokens [from, to) at top-level commas.
QList<QPair<qsizetype, qsizetype>> splitTopLevel(const QList<CreateToken> &toks, qsizetype from, qsizetype to)
{
    QList<QPair<qsizetype, qsizetype>> parts;
    int depth = 0;
    qsizetype start = from;
    for (qsizetype i = from; i < to; ++i) {
        if (isPunct(toks[i], u'('))
            ++depth;
        else if (isPunct(toks[i], u')'))
            --depth;
        else if (depth == 0 && isPunct(toks[i], u',')) {
            parts.append({start, i});
            start = i + 1;
        }
    }
    if (start < to)
        parts.append({start, to});
    return parts;
}

QStringList identifierList(const QList<CreateToken> &toks, qsizetype open, qsizetype close)
{
    QStringList names;
    for (const auto &[a, b] : splitTopLevel(toks, open + 1, close))
        if (a < b)
            names << toks[a].text;
    return names;
}

bool isConstraintStart(const CreateToken &t)
{
    return isKw(t, "CONSTRAINT") || isKw(t, "PRIMARY") || isKw(t, "UNIQUE") || isKw(t, "CHECK") || isKw(t, "FOREIGN");
}

void readDeferrable(const QList<CreateToken> &toks, qsizetype from, qsizetype to, bool &deferrable, bool &initiallyDeferred)
{
    for (qsizetype i = from; i < to; ++i) {
        if (isKw(toks[i], "DEFERRABLE") && !(i > from && isKw(toks[i - 1], "NOT")))
            deferrable = true;
        if (isKw(toks[i], "INITIALLY") && i + 1 < to && isKw(toks[i + 1], "DEFERRED"))
            initiallyDeferred = true;
    }
}

} // namespace

QList<CreateToken> SqliteCreateParser::tokenize(const QString &sql)
{
    using Kind = SqlTokenizer::Kind;
    QList<CreateToken> out;
    for (const SqlTokenizer::Token &t : SqlTokenizer::tokenize(sql, SqlTokenizer::Rules::forDialect(Dialect::SQLite))) {
        switch (t.kind) {
        case Kind::LineComment:
        case Kind::BlockComment:
        case Kind::ExecutableComment:
            break;
        case Kind::String:
            out.append({CreateToken::String, SqlTokenizer::unquoted(t, sql), t.start, t.end});
            break;
        case Kind::QuotedIdentifier:
            out.append({CreateToken::Identifier, SqlTokenizer::unquoted(t, sql), t.start, t.end});
            break;
        case Kind::Word:
            out.append({CreateToken::Keyword, sql.mid(t.start, t.end - t.start), t.start, t.end});
            break;
        case Kind::Number:
            out.append({CreateToken::Number, sql.mid(t.start, t.end - t.start), t.start, t.end});
            break;
        case Kind::DollarString:
        case Kind::Punct:
            out.append({CreateToken::Punct, sql.mid(t.start, t.end - t.start), t.start, t.end});
            break;
        }
    }
    return out;
}

SqliteCreateParser::TableInfo SqliteCreateParser::parseCreateTable(const QString &sql)
{
    TableInfo info;
    const QList<CreateToken> toks = tokenize(sql);
    qsizetype open = -1;
    for (qsizetype i = 0; i < toks.size(); ++i) {
        if (isPunct(toks[i], u'(')) {
            open = i;
            break;
        }
        if (isKw(toks[i], "AS"))
            return info;   // CREATE TABLE ... AS SELECT: nothing to read
    }
    if (open < 0)
        return info;
    const qsizetype close = matchParen(toks, open);
    if (close < 0)
        return info;
    for (qsizetype i = close + 1; i < toks.size(); ++i) {
        if (isKw(toks[i], "WITHOUT") && i + 1 < toks.size() && isKw(toks[i + 1], "ROWID"))
            info.withoutRowid = true;
        if (isKw(toks[i], "STRICT"))
            info.strict = true;
    }

    for (const auto &[a, b] : splitTopLevel(toks, open + 1, close)) {
        if (a >= b)
            continue;
        if (isConstraintStart(toks[a]) && toks[a].kind == CreateToken::Keyword) {
            TableConstraint tc{TableConstraint::Check, {}, {}, {}, false, false};
            qsizetype i = a;
            if (isKw(toks[i], "CONSTRAINT") && i + 1 < b) {
                tc.name = toks[i + 1].text;
                i += 2;
            }
            if (i >= b)
                continue;
            qsizetype p = i;
            while (p < b && !isPunct(toks[p], u'('))
                ++p;
            const qsizetype pc = p < b ? matchParen(toks, p) : -1;
            if (isKw(toks[i], "PRIMARY")) {
                tc.kind = TableConstraint::PrimaryKey;
                if (pc > 0)
                    tc.columns = identifierList(toks, p, pc);
            } else if (isKw(toks[i], "UNIQUE")) {
                tc.kind = TableConstraint::Unique;
                if (pc > 0)
                    tc.columns = identifierList(toks, p, pc);
            } else if (isKw(toks[i], "CHECK")) {
                tc.kind = TableConstraint::Check;
                if (pc > 0)
                    tc.expression = sourceBetween(sql, toks, p + 1, pc - 1);
            } else if (isKw(toks[i], "FOREIGN")) {
                tc.kind = TableConstraint::ForeignKey;
                if (pc > 0)
                    tc.columns = identifierList(toks, p, pc);
                readDeferrable(toks, pc > 0 ? pc : i, b, tc.deferrable, tc.initiallyDeferred);
            }
            info.constraints << tc;
            continue;
        }
        // A column definition: name, type tokens, then column constraints.
        ColumnInfo col;
        col.name = toks[a].text;
        QString pendingName;
        for (qsizetype i = a + 1; i < b; ++i) {
            const CreateToken &t = toks[i];
            if (isKw(t, "CONSTRAINT") && i + 1 < b) {
                pendingName = toks[++i].text;
            } else if (isKw(t, "COLLATE") && i + 1 < b) {
                col.collation = toks[++i].text;
            } else if (isKw(t, "AUTOINCREMENT")) {
                col.autoincrement = true;
            } else if (isKw(t, "PRIMARY")) {
                col.primaryKeyName = pendingName;
                pendingName.clear();
            } else if (isKw(t, "UNIQUE")) {
                col.unique = true;
                col.uniqueName = pendingName;
                pendingName.clear();
            } else if (isKw(t, "REFERENCES")) {
                col.hasFk = true;
                col.fkName = pendingName;
                pendingName.clear();
                readDeferrable(toks, i, b, col.fkDeferrable, col.fkInitiallyDeferred);
            } else if ((isKw(t, "CHECK") || isKw(t, "AS")) && i + 1 < b && isPunct(toks[i + 1], u'(')) {
                const qsizetype pc = matchParen(toks, i + 1);
                if (pc < 0)
                    break;
                const QString expr = sourceBetween(sql, toks, i + 2, pc - 1);
                if (isKw(t, "CHECK")) {
                    col.checkNames << pendingName;
                    col.checkExprs << expr;
                } else {
                    col.generatedExpr = expr;
                    col.generatedStored = pc + 1 < b && isKw(toks[pc + 1], "STORED");
                }
                pendingName.clear();
                i = pc;
            } else if (isPunct(t, u'(')) {
                const qsizetype pc = matchParen(toks, i);
                if (pc < 0)
                    break;
                i = pc;   // type arguments, DEFAULT (expr), REFERENCES t(cols)
            }
        }
        info.columns << col;
    }
    info.ok = true;
    return info;
}

SqliteCreateParser::IndexInfo SqliteCreateParser::parseCreateIndex(const QString &sql)
{
    IndexInfo info;
    const QList<CreateToken> toks = tokenize(sql);
    qsizetype on = -1;
    for (qsizetype i = 0; i < toks.size(); ++i)
        if (isKw(toks[i], "ON") && toks[i].kind == CreateToken::Keyword) {
            on = i;
            break;
        }
    if (on < 0)
        return info;
    qsizetype open = on + 1;
    while (open < toks.size() && !isPunct(toks[open], u'('))
        ++open;
    const qsizetype close = open < toks.size() ? matchParen(toks, open) : -1;
    if (close < 0)
        return info;
    for (const auto &[a, b] : splitTopLevel(toks, open + 1, close)) {
        qsizetype last = b - 1;
        bool desc = false;
        if (last > a && (isKw(toks[last], "DESC") || isKw(toks[last], "ASC"))) {
            desc = isKw(toks[last], "DESC");
            --last;
        }
        if (last > a + 1 && isKw(toks[last - 1], "COLLATE"))
            last -= 2;
        if (last == a && (toks[a].kind == CreateToken::Identifier || toks[a].kind == CreateToken::Keyword))
            info.parts << toks[a].text;
        else
            info.parts << sourceBetween(sql, toks, a, last);
        info.descending << desc;
    }
    if (close + 1 < toks.size() && isKw(toks[close + 1], "WHERE"))
        info.where = sql.mid(toks[close + 1].end).trimmed();
    while (info.where.endsWith(u';'))
        info.where.chop(1);
    info.ok = true;
    return info;
}

SqliteCreateParser::TriggerInfo SqliteCreateParser::parseCreateTrigger(const QString &sql)
{
    TriggerInfo info;
    const QList<CreateToken> toks = tokenize(sql);
    qsizetype begin = -1;
    for (qsizetype i = 0; i < toks.size(); ++i) {
        const CreateToken &t = toks[i];
        if (t.kind != CreateToken::Keyword)
            continue;
        if (isKw(t, "BEGIN")) {
            begin = i;
            break;
        }
        if (info.timing.isEmpty() && (isKw(t, "BEFORE") || isKw(t, "AFTER")))
            info.timing = t.text.toUpper();
        else if (info.timing.isEmpty() && isKw(t, "INSTEAD"))
            info.timing = QStringLiteral("INSTEAD OF");
        else if (isKw(t, "INSERT") || isKw(t, "UPDATE") || isKw(t, "DELETE"))
            info.events << t.text.toUpper();
    }
    if (info.timing.isEmpty())
        info.timing = QStringLiteral("BEFORE");   // SQLite's default
    if (begin < 0)
        return info;
    qsizetype end = toks.size() - 1;
    while (end > begin && !isKw(toks[end], "END"))
        --end;
    if (end <= begin + 1)
        return info;
    info.body = sourceBetween(sql, toks, begin + 1, end - 1);
    info.ok = true;
    return info;
}

QString SqliteCreateParser::viewSelect(const QString &sql)
{
    const QList<CreateToken> toks = tokenize(sql);
    int depth = 0;
    for (const CreateToken &t : toks) {
        if (isPunct(t, u'('))
            ++depth;
        else if (isPunct(t, u')'))
            --depth;
        else if (depth == 0 && t.kind == CreateToken::Keyword && isKw(t, "AS")) {
            QString s = sql.mid(t.end).trimmed();
            while (s.endsWith(u';'))
                s.chop(1);
            return s.trimmed();
        }
    }
    return sql;
}

} // namespace covet
