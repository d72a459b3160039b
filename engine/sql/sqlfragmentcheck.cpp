#include "sqlfragmentcheck.h"

#include "../schema/sqltokenizer.h"

#include <QSet>

#include <algorithm>

namespace covet {

namespace {

using Kind = SqlTokenizer::Kind;
using Token = SqlTokenizer::Token;
using Rules = SqlTokenizer::Rules;

// One reading of the text: its code tokens (comments left out).
struct Reading
{
    const QString &text;
    QList<Token> code;

    QString upper(qsizetype i) const { return code.at(i).source(text).toString().toUpper(); }
    bool punct(qsizetype i, QChar c) const { return i >= 0 && i < code.size() && SqlTokenizer::isPunct(code.at(i), text, c); }
    // A keyword: a bare word not written as a qualified name's part
    // (t.end) or a variable (@begin), where it is an identifier.
    bool keyword(qsizetype i) const
    {
        return i >= 0 && i < code.size() && code.at(i).kind == Kind::Word && !punct(i - 1, u'.') && !punct(i - 1, u'@');
    }
    bool isKeyword(qsizetype i, QStringView w) const { return keyword(i) && code.at(i).source(text).compare(w, Qt::CaseInsensitive) == 0; }
    // Index past the trailing ';' terminators.
    qsizetype withoutTerminators() const
    {
        qsizetype n = code.size();
        while (n > 0 && punct(n - 1, u';'))
            --n;
        return n;
    }
};

QString describeToken(const Reading &r, qsizetype i)
{
    return QStringLiteral("'%1'").arg(r.code.at(i).source(r.text).left(30).toString());
}

// What every field refuses, whatever its kind: quotes and comments that do
// not end, and comments that are not comments to the server.
std::optional<QString> lexicalProblem(const QString &text, const QList<Token> &all, bool lineComments)
{
    for (const Token &t : all) {
        if (t.unterminated) {
            const QChar c = text.at(t.start);
            const QString what = t.kind == Kind::BlockComment || t.kind == Kind::ExecutableComment ? QStringLiteral("a /* comment")
                               : t.kind == Kind::DollarString ? QStringLiteral("a dollar-quoted text")
                               : t.kind == Kind::QuotedIdentifier ? QStringLiteral("a quoted identifier (%1)").arg(c)
                                                                  : QStringLiteral("a quoted string");
            return QStringLiteral("%1 starting at line %2 is not closed").arg(what).arg(t.line);
        }
        if (t.kind == Kind::ExecutableComment)
            return QStringLiteral("it holds a MySQL executable comment (%1...), which the server runs as SQL")
                .arg(t.source(text).left(4).toString());
        if (t.kind == Kind::LineComment && !lineComments)
            return QStringLiteral("it holds a line comment (%1...), which would swallow the SQL Covet writes after this field; "
                                  "write /* ... */ instead").arg(t.source(text).left(2).toString());
    }
    return std::nullopt;
}

// Parentheses and brackets pair up in [from, to).
std::optional<QString> balanceProblem(const Reading &r, qsizetype from, qsizetype to)
{
    QList<QChar> open;
    for (qsizetype i = from; i < to; ++i) {
        if (r.punct(i, u'(') || r.punct(i, u'[')) {
            open << r.text.at(r.code.at(i).start);
        } else if (r.punct(i, u')') || r.punct(i, u']')) {
            const QChar close = r.text.at(r.code.at(i).start);
            if (open.isEmpty() || (open.last() == u'(') != (close == u')'))
                return QStringLiteral("a '%1' at line %2 closes nothing it opened: the parentheses do not pair up")
                    .arg(close).arg(r.code.at(i).line);
            open.removeLast();
        }
    }
    if (!open.isEmpty())
        return QStringLiteral("a '%1' is never closed: the parentheses do not pair up").arg(open.last());
    return std::nullopt;
}

int depthChange(const Reading &r, qsizetype i)
{
    if (r.punct(i, u'(') || r.punct(i, u'['))
        return 1;
    if (r.punct(i, u')') || r.punct(i, u']'))
        return -1;
    return 0;
}

std::optional<QString> expressionProblem(const Reading &r, bool type)
{
    static const QSet<QString> clauses = {QStringLiteral("CONSTRAINT"), QStringLiteral("PRIMARY"), QStringLiteral("REFERENCES"),
                                          QStringLiteral("FOREIGN"), QStringLiteral("CHECK"), QStringLiteral("UNIQUE"),
                                          QStringLiteral("DEFAULT"), QStringLiteral("ON"), QStringLiteral("SELECT")};
    static const QSet<QString> typeClauses = {QStringLiteral("NOT"), QStringLiteral("NULL"), QStringLiteral("AS"),
                                              QStringLiteral("COLLATE"), QStringLiteral("GENERATED"),
                                              QStringLiteral("AUTO_INCREMENT"), QStringLiteral("AUTOINCREMENT")};
    if (r.code.isEmpty())
        return QStringLiteral("it holds no SQL, only a comment");
    for (qsizetype i = 0; i < r.code.size(); ++i) {
        if (r.punct(i, u';'))
            return QStringLiteral("it holds a statement separator ';' (at line %1) outside quotes; this field holds one %2, "
                                  "not statements (statements belong in a run_sql operation)")
                .arg(r.code.at(i).line).arg(type ? QStringLiteral("type") : QStringLiteral("expression"));
    }
    if (auto p = balanceProblem(r, 0, r.code.size()))
        return p;
    int depth = 0;
    for (qsizetype i = 0; i < r.code.size(); ++i) {
        depth += depthChange(r, i);
        if (depth != 0)
            continue;
        if (r.punct(i, u','))
            return QStringLiteral("it holds a ',' outside parentheses (at line %1): one %2, not a list")
                .arg(r.code.at(i).line).arg(type ? QStringLiteral("type") : QStringLiteral("expression"));
        if (r.keyword(i) && (clauses.contains(r.upper(i)) || (type && typeClauses.contains(r.upper(i)))))
            return QStringLiteral("it holds %1 outside parentheses, which would start another clause of the statement Covet "
                                  "writes; this field holds one %2 (quote an identifier of that name)")
                .arg(r.upper(i), type ? QStringLiteral("type") : QStringLiteral("expression"));
    }
    return std::nullopt;
}

std::optional<QString> queryProblem(const Reading &r)
{
    const qsizetype n = r.withoutTerminators();
    if (n == 0)
        return QStringLiteral("it holds no query");
    for (qsizetype i = 0; i < n; ++i)
        if (r.punct(i, u';'))
            return QStringLiteral("it holds a statement separator ';' (at line %1) before its end; a view is one query")
                .arg(r.code.at(i).line);
    if (auto p = balanceProblem(r, 0, n))
        return p;
    qsizetype first = 0;
    while (first < n && r.punct(first, u'('))
        ++first;
    static const QStringList starts = {QStringLiteral("SELECT"), QStringLiteral("WITH"), QStringLiteral("VALUES"), QStringLiteral("TABLE")};
    if (first >= n || !r.keyword(first) || !starts.contains(r.upper(first)))
        return QStringLiteral("a view is defined by one query starting with SELECT, WITH, VALUES or TABLE, not %1")
            .arg(first < n ? describeToken(r, first) : QStringLiteral("'('"));
    return std::nullopt;
}

// A BEGIN ... END block from `begin` (a BEGIN keyword) to the end of the
// code: its own END must be the last word (a label may follow it, then only
// ';'). Blocks are paired as MySQL pairs them: BEGIN/END, CASE/END CASE (a
// statement) or END (an expression), IF/END IF, LOOP/END LOOP, WHILE/END
// WHILE, REPEAT/END REPEAT; BEGIN, IF, LOOP, WHILE, REPEAT and CASE
// statements only where a statement starts. Where the pairing is unclear
// the block is refused.
std::optional<QString> blockProblem(const Reading &r, qsizetype begin)
{
    struct Frame
    {
        QString opener;   // BEGIN, CASE, IF, LOOP, WHILE, REPEAT
        QString closer;   // the word after END: "" for BEGIN and a CASE expression
        bool statements;  // whether statements start inside (THEN/ELSE do not start one in a CASE expression)
    };
    static const QStringList qualifiers = {QStringLiteral("IF"), QStringLiteral("CASE"), QStringLiteral("LOOP"),
                                           QStringLiteral("WHILE"), QStringLiteral("REPEAT")};
    QList<Frame> stack{Frame{QStringLiteral("BEGIN"), QString(), true}};
    bool statementStart = true;
    int depth = 0;
    for (qsizetype i = begin + 1; i < r.code.size(); ++i) {
        const int change = depthChange(r, i);
        if (change != 0) {
            depth += change;
            if (depth < 0)
                return QStringLiteral("a '%1' at line %2 closes nothing it opened").arg(r.code.at(i).source(r.text)).arg(r.code.at(i).line);
            statementStart = false;
            continue;
        }
        if (r.punct(i, u';')) {
            if (depth > 0)
                return QStringLiteral("a ';' inside parentheses at line %1").arg(r.code.at(i).line);
            statementStart = stack.last().statements;
            continue;
        }
        if (!r.keyword(i) || depth > 0) {
            statementStart = false;
            continue;
        }
        const QString w = r.upper(i);
        if (w == u"END") {
            QString qualifier;
            if (r.keyword(i + 1) && qualifiers.contains(r.upper(i + 1)))
                qualifier = r.upper(i + 1);
            const Frame top = stack.last();
            if (qualifier != top.closer)
                return QStringLiteral("END%1 at line %2 does not close the %3 opened before it: the blocks do not pair up")
                    .arg(qualifier.isEmpty() ? QString() : u' ' + qualifier).arg(r.code.at(i).line).arg(top.opener);
            stack.removeLast();
            if (!qualifier.isEmpty())
                ++i;
            if (stack.isEmpty()) {
                qsizetype rest = i + 1;
                if (rest < r.code.size() && r.code.at(rest).kind == Kind::Word)
                    ++rest;   // END label
                for (; rest < r.code.size(); ++rest)
                    if (!r.punct(rest, u';'))
                        return QStringLiteral("it goes on after the END that closes its BEGIN (at line %1): %2; the block must be "
                                              "the whole text").arg(r.code.at(rest).line).arg(describeToken(r, rest));
                return std::nullopt;
            }
            statementStart = false;
            continue;
        }
        if (statementStart && i + 1 < r.code.size() && r.punct(i + 1, u':') && !r.punct(i + 2, u'=')) {
            ++i;   // a label: "name: LOOP"
            continue;
        }
        if (w == u"BEGIN") {
            if (!statementStart)
                return QStringLiteral("BEGIN at line %1 is inside a statement; Covet accepts BEGIN ... END blocks only where a "
                                      "statement starts (quote an identifier named begin)").arg(r.code.at(i).line);
            stack << Frame{w, QString(), true};
            continue;
        }
        if (w == u"CASE") {
            stack << (statementStart ? Frame{w, w, true} : Frame{w, QString(), false});
            statementStart = false;
            continue;
        }
        if (statementStart && (w == u"IF" || w == u"LOOP" || w == u"WHILE" || w == u"REPEAT")) {
            stack << Frame{w, w, true};
            statementStart = w == u"LOOP" || w == u"REPEAT";
            continue;
        }
        if (w == u"THEN" || w == u"ELSE" || w == u"DO") {
            statementStart = stack.last().statements;
            continue;
        }
        statementStart = false;
    }
    return QStringLiteral("the %1 opened in it is never closed with END").arg(stack.last().opener);
}

// Index of the first BEGIN keyword at parenthesis depth 0 in [from, to), or -1.
qsizetype firstBegin(const Reading &r, qsizetype from, qsizetype to)
{
    int depth = 0;
    for (qsizetype i = from; i < to; ++i) {
        depth += depthChange(r, i);
        if (depth == 0 && r.isKeyword(i, u"BEGIN"))
            return i;
    }
    return -1;
}

std::optional<QString> singleStatementProblem(const Reading &r, const QString &what)
{
    const qsizetype n = r.withoutTerminators();
    for (qsizetype i = 0; i < n; ++i)
        if (r.punct(i, u';'))
            return QStringLiteral("it holds a statement separator ';' (at line %1) before its end; %2 is one statement, or "
                                  "several inside one BEGIN ... END block").arg(r.code.at(i).line).arg(what);
    return balanceProblem(r, 0, n);
}

std::optional<QString> triggerBodyProblem(const Reading &r)
{
    if (r.withoutTerminators() == 0)
        return QStringLiteral("it holds no statement");
    qsizetype first = 0;
    if (r.code.size() > 2 && r.code.at(0).kind == Kind::Word && r.punct(1, u':'))
        first = 2;   // label: BEGIN
    if (r.isKeyword(first, u"BEGIN"))
        return blockProblem(r, first);
    return singleStatementProblem(r, QStringLiteral("a trigger body"));
}

std::optional<QString> triggerDefinitionProblem(const Reading &r)
{
    const qsizetype n = r.withoutTerminators();
    if (n == 0 || !r.isKeyword(0, u"CREATE"))
        return QStringLiteral("a trigger definition is one CREATE TRIGGER statement");
    const qsizetype begin = firstBegin(r, 0, n);
    const qsizetype head = begin < 0 ? n : begin;
    bool trigger = false;
    for (qsizetype i = 0; i < head; ++i) {
        trigger = trigger || r.isKeyword(i, u"TRIGGER");
        if (r.punct(i, u';'))
            return QStringLiteral("it holds a statement separator ';' (at line %1) before its end; a trigger definition is one "
                                  "CREATE TRIGGER statement").arg(r.code.at(i).line);
    }
    if (!trigger)
        return QStringLiteral("a trigger definition is one CREATE TRIGGER statement");
    if (auto p = balanceProblem(r, 0, head))
        return p;
    return begin < 0 ? std::nullopt : blockProblem(r, begin);
}

std::optional<QString> triggerEventProblem(const Reading &r)
{
    static const QStringList events = {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                                       QStringLiteral("TRUNCATE")};
    const QString expected = QStringLiteral("an event is INSERT, UPDATE, UPDATE OF columns, DELETE or TRUNCATE");
    if (r.code.isEmpty() || !r.keyword(0) || !events.contains(r.upper(0)))
        return expected;
    if (r.code.size() == 1)
        return std::nullopt;
    if (r.upper(0) != u"UPDATE" || !r.isKeyword(1, u"OF") || r.code.size() < 3)
        return expected;
    for (qsizetype i = 2; i < r.code.size(); ++i) {
        const Token &t = r.code.at(i);
        const bool name = t.kind == Kind::Word || t.kind == Kind::QuotedIdentifier
                          || (t.kind == Kind::String && r.text.at(t.start) == u'"');   // "name" where "..." is a string
        if ((i % 2 == 0 && !name) || (i % 2 == 1 && !r.punct(i, u',')) || (i == r.code.size() - 1 && !name))
            return expected;
    }
    return std::nullopt;
}

std::optional<QString> readingProblem(const QString &text, const Rules &rules, SqlFragmentCheck::Kind kind)
{
    using K = SqlFragmentCheck::Kind;
    const QList<Token> all = SqlTokenizer::tokenize(text, rules);
    const bool lineComments = kind == K::Query || kind == K::TriggerBody || kind == K::TriggerDefinition
                              || kind == K::TriggerStatementList;
    if (auto p = lexicalProblem(text, all, lineComments))
        return p;
    Reading r{text, {}};
    for (const Token &t : all)
        if (!t.isComment())
            r.code << t;
    switch (kind) {
    case K::Expression: return expressionProblem(r, false);
    case K::Type: return expressionProblem(r, true);
    case K::Query: return queryProblem(r);
    case K::TriggerEvent: return triggerEventProblem(r);
    case K::TriggerBody: return triggerBodyProblem(r);
    case K::TriggerStatementList: return std::nullopt;
    case K::TriggerDefinition: return triggerDefinitionProblem(r);
    case K::TriggerTiming: break;
    }
    return std::nullopt;
}

QString sub(const QString &path, const QString &field)
{
    return path.isEmpty() ? field : path + u'.' + field;
}

void add(QList<SqlFragmentCheck::Finding> &out, const QString &path, const QString &text, SqlFragmentCheck::Kind kind)
{
    if (auto p = SqlFragmentCheck::problem(text, kind))
        out << SqlFragmentCheck::Finding{path, *p};
}

} // namespace

std::optional<QString> SqlFragmentCheck::problem(const QString &text, Kind kind)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    if (kind == Kind::TriggerTiming) {
        const QString t = text.simplified().toUpper();
        if (t == u"BEFORE" || t == u"AFTER" || t == u"INSTEAD OF")
            return std::nullopt;
        return QStringLiteral("a trigger timing is BEFORE, AFTER or INSTEAD OF, not '%1'").arg(text.left(40));
    }
    static const QList<Rules> everyReading = Rules::everyServerReading();
    // The readings differ only in quotes, comments, brackets, backslashes
    // and dollar signs: a text without any reads the same under all.
    static const QString special = QStringLiteral("'\"`\\[]#$/-");
    const bool same = std::none_of(text.cbegin(), text.cend(), [](QChar c) { return special.contains(c); });
    const QList<Rules> readings = same ? everyReading.mid(0, 1) : everyReading;
    for (qsizetype i = 0; i < readings.size(); ++i) {
        if (auto p = readingProblem(text, readings.at(i), kind)) {
            // Name the reading when the default ones found nothing.
            if (i > 0 && !readingProblem(text, readings.at(0), kind))
                return QStringLiteral("%1 (as %2 reads it)").arg(*p, readings.at(i).name);
            return p;
        }
    }
    return std::nullopt;
}

QList<SqlFragmentCheck::Finding> SqlFragmentCheck::checkColumn(const Column &c, const QString &path)
{
    QList<Finding> out;
    if (c.defaultExpr)
        add(out, sub(path, QStringLiteral("default")), *c.defaultExpr, Kind::Expression);
    add(out, sub(path, QStringLiteral("generated")), c.generatedExpr, Kind::Expression);
    add(out, sub(path, QStringLiteral("on_update")), c.onUpdateExpr, Kind::Expression);
    // The type text written into SQL as it is: a type Covet does not model,
    // or a named enum type (PostgreSQL).
    if (c.type.kind() == SqlType::Kind::Other)
        add(out, sub(path, QStringLiteral("type")), c.type.raw(), Kind::Type);
    else if (c.type.kind() == SqlType::Kind::Enum)
        add(out, sub(path, QStringLiteral("type")), c.type.enumName(), Kind::Type);
    return out;
}

QList<SqlFragmentCheck::Finding> SqlFragmentCheck::checkTrigger(const Trigger &tr, const QString &path)
{
    QList<Finding> out;
    add(out, sub(path, QStringLiteral("timing")), tr.timing, Kind::TriggerTiming);
    for (qsizetype i = 0; i < tr.events.size(); ++i)
        add(out, sub(path, QStringLiteral("events[%1]").arg(i)), tr.events.at(i), Kind::TriggerEvent);
    // The body is written into SQL only when there is no definition.
    add(out, sub(path, QStringLiteral("body")), tr.body,
        tr.definition.trimmed().isEmpty() ? Kind::TriggerBody : Kind::TriggerStatementList);
    add(out, sub(path, QStringLiteral("definition")), tr.definition, Kind::TriggerDefinition);
    return out;
}

QList<SqlFragmentCheck::Finding> SqlFragmentCheck::checkIndex(const Index &index, const QString &path)
{
    QList<Finding> out;
    for (qsizetype i = 0; i < index.parts.size(); ++i)
        add(out, sub(path, QStringLiteral("parts[%1].expression").arg(i)), index.parts.at(i).expression, Kind::Expression);
    add(out, sub(path, QStringLiteral("where")), index.where, Kind::Expression);
    return out;
}

QList<SqlFragmentCheck::Finding> SqlFragmentCheck::checkTable(const Table &t, const QString &path)
{
    QList<Finding> out;
    for (qsizetype i = 0; i < t.columns.size(); ++i)
        out << checkColumn(t.columns.at(i), sub(path, QStringLiteral("columns[%1]").arg(i)));
    for (qsizetype i = 0; i < t.indexes.size(); ++i)
        out << checkIndex(t.indexes.at(i), sub(path, QStringLiteral("indexes[%1]").arg(i)));
    for (qsizetype i = 0; i < t.checks.size(); ++i)
        add(out, sub(path, QStringLiteral("checks[%1].expression").arg(i)), t.checks.at(i).expression, Kind::Expression);
    for (qsizetype i = 0; i < t.triggers.size(); ++i)
        out << checkTrigger(t.triggers.at(i), sub(path, QStringLiteral("triggers[%1]").arg(i)));
    return out;
}

QList<SqlFragmentCheck::Finding> SqlFragmentCheck::checkSchema(const Schema &s)
{
    QList<Finding> out;
    for (qsizetype i = 0; i < s.tables.size(); ++i)
        out << checkTable(s.tables.at(i), QStringLiteral("tables[%1]").arg(i));
    for (qsizetype i = 0; i < s.views.size(); ++i)
        add(out, QStringLiteral("views[%1].definition").arg(i), s.views.at(i).definition, Kind::Query);
    return out;
}

QList<SqlFragmentCheck::Finding> SqlFragmentCheck::checkOperation(const Operation &op)
{
    QList<Finding> out;
    if (const auto *o = std::get_if<CreateTable>(&op))
        out << checkTable(o->table, QStringLiteral("definition"));
    else if (const auto *o = std::get_if<AddColumn>(&op)) {
        out << checkColumn(o->column, QStringLiteral("column"));
        add(out, QStringLiteral("backfill"), o->backfill, Kind::Expression);
    } else if (const auto *o = std::get_if<AlterColumn>(&op)) {
        out << checkColumn(o->before, QStringLiteral("before")) << checkColumn(o->after, QStringLiteral("after"));
        add(out, QStringLiteral("using"), o->usingExpr, Kind::Expression);
    } else if (const auto *o = std::get_if<CreateIndex>(&op))
        out << checkIndex(o->index, QStringLiteral("index"));
    else if (const auto *o = std::get_if<AddCheck>(&op))
        add(out, QStringLiteral("check.expression"), o->check.expression, Kind::Expression);
    else if (const auto *o = std::get_if<DropCheck>(&op))
        add(out, QStringLiteral("check.expression"), o->check.expression, Kind::Expression);
    else if (const auto *o = std::get_if<CreateView>(&op))
        add(out, QStringLiteral("definition"), o->view.definition, Kind::Query);
    else if (const auto *o = std::get_if<CreateTrigger>(&op))
        out << checkTrigger(o->trigger, QStringLiteral("trigger"));
    return out;
}

} // namespace covet
