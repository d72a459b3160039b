#include "sqlgenerator.h"

#include "identifierquoter.h"
#include "mysqlgenerator.h"
#include "postgresgenerator.h"
#include "sqlitegenerator.h"
#include "sqlscriptsplitter.h"

#include "../operations/operationapplier.h"
#include "../operations/operationjson.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace covet {

std::unique_ptr<SqlGenerator> SqlGenerator::create(Dialect dialect)
{
    switch (dialect) {
    case Dialect::PostgreSQL: return std::make_unique<PostgresGenerator>();
    case Dialect::MySQL: return std::make_unique<MysqlGenerator>();
    case Dialect::SQLite: return std::make_unique<SqliteGenerator>();
    }
    return nullptr;
}

SqlGenerator::~SqlGenerator() = default;

QString SqlGenerator::quote(const QString &identifier) const
{
    return IdentifierQuoter::quote(dialect(), identifier);
}

QString SqlGenerator::qualified(const QString &schema, const QString &name) const
{
    return IdentifierQuoter::quoteQualified(dialect(), schema, name);
}

QString SqlGenerator::quoteList(const QStringList &identifiers) const
{
    return IdentifierQuoter::quoteList(dialect(), identifiers);
}

QString SqlGenerator::literal(const QString &value) const
{
    return IdentifierQuoter::literal(dialect(), value);
}

QString SqlGenerator::constraintPrefix(const QString &name) const
{
    return name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(quote(name));
}

QString SqlGenerator::createNamespace(const QString &) const
{
    return {};
}

QString SqlGenerator::addForeignKey(const Table &table, const ForeignKey &fk) const
{
    return QStringLiteral("ALTER TABLE %1 ADD %2").arg(qualified(table.schema, table.name), foreignKeyClause(table, fk));
}

QString SqlGenerator::createView(const View &view) const
{
    return QStringLiteral("CREATE VIEW %1 AS\n%2").arg(qualified(view.schema, view.name), withoutTerminator(view.definition));
}

QString SqlGenerator::createTrigger(const Table &table, const Trigger &trigger) const
{
    if (!trigger.definition.trimmed().isEmpty())
        return withoutTerminator(trigger.definition);
    return triggerFromParts(table, trigger);
}

QString SqlGenerator::createEnum(const EnumType &) const
{
    return {};
}

QStringList SqlGenerator::tableElements(const Table &table, bool withPrimaryKey) const
{
    QStringList elements;
    for (const Column &c : table.columns)
        elements << columnDefinition(table, c);
    if (withPrimaryKey && table.primaryKey && !table.primaryKey->columns.isEmpty())
        elements << primaryKeyClause(*table.primaryKey);
    for (const UniqueConstraint &u : table.uniques)
        elements << uniqueClause(u);
    for (const Check &c : table.checks)
        elements << checkClause(c);
    return elements;
}

QString SqlGenerator::createTableStatement(const Table &table, const QStringList &elements) const
{
    const QString name = qualified(table.schema, table.name);
    if (elements.isEmpty())
        return QStringLiteral("CREATE TABLE %1 ()").arg(name);
    return QStringLiteral("CREATE TABLE %1 (\n  %2\n)").arg(name, elements.join(QStringLiteral(",\n  ")));
}

QString SqlGenerator::primaryKeyClause(const PrimaryKey &pk) const
{
    return constraintPrefix(pk.name) + QStringLiteral("PRIMARY KEY (%1)").arg(quoteList(pk.columns));
}

QString SqlGenerator::uniqueClause(const UniqueConstraint &unique) const
{
    return constraintPrefix(unique.name) + QStringLiteral("UNIQUE (%1)").arg(quoteList(unique.columns));
}

QString SqlGenerator::checkClause(const Check &check) const
{
    return constraintPrefix(check.name) + QStringLiteral("CHECK (%1)").arg(check.expression.trimmed());
}

QString SqlGenerator::referencedTable(const Table &, const ForeignKey &fk) const
{
    return qualified(fk.refSchema, fk.refTable);
}

QString SqlGenerator::foreignKeyActions(const ForeignKey &fk) const
{
    QString s;
    if (fk.onDelete != ForeignKey::Action::NoAction)
        s += QStringLiteral(" ON DELETE ") + fkActionSql(fk.onDelete);
    if (fk.onUpdate != ForeignKey::Action::NoAction)
        s += QStringLiteral(" ON UPDATE ") + fkActionSql(fk.onUpdate);
    return s;
}

QString SqlGenerator::foreignKeyClause(const Table &table, const ForeignKey &fk) const
{
    QString s = constraintPrefix(fk.name)
              + QStringLiteral("FOREIGN KEY (%1) REFERENCES %2").arg(quoteList(fk.columns), referencedTable(table, fk));
    if (!fk.refColumns.isEmpty())
        s += QStringLiteral(" (%1)").arg(quoteList(fk.refColumns));
    s += foreignKeyActions(fk);
    return s;
}

QString SqlGenerator::indexPart(const IndexPart &part) const
{
    QString s = part.isExpression() ? u'(' + part.expression.trimmed() + u')' : quote(part.column);
    if (part.descending)
        s += QStringLiteral(" DESC");
    return s;
}

QString SqlGenerator::indexParts(const Index &index) const
{
    QStringList parts;
    for (const IndexPart &p : index.parts)
        parts << indexPart(p);
    return parts.join(QStringLiteral(", "));
}

bool SqlGenerator::isWrappedInParentheses(const QString &expression)
{
    const QString e = expression.trimmed();
    if (!e.startsWith(u'(') || !e.endsWith(u')'))
        return false;
    // The first parenthesis must close at the very end: "(a) + (b)" is not wrapped.
    int depth = 0;
    QChar quoteChar;
    for (qsizetype i = 0; i < e.size(); ++i) {
        const QChar c = e.at(i);
        if (!quoteChar.isNull()) {
            if (c == quoteChar)
                quoteChar = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"' || c == u'`') {
            quoteChar = c;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
            if (depth == 0 && i != e.size() - 1)
                return false;
        }
    }
    return depth == 0;
}

QString SqlGenerator::parenthesizedDefault(const QString &expression)
{
    const QString e = expression.trimmed();
    static const QRegularExpression literalRe(QStringLiteral(
        R"(^(?:[+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+(?:[eE][+-]?\d+)?|'(?:[^']|'')*'|[xX]'[0-9a-fA-F]*'|[bB]'[01]*'|NULL|TRUE|FALSE|CURRENT_TIMESTAMP(?:\(\d*\))?|CURRENT_DATE(?:\(\))?|CURRENT_TIME(?:\(\d*\))?|NOW\(\d*\)|LOCALTIMESTAMP(?:\(\d*\))?)$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (e.isEmpty() || literalRe.match(e).hasMatch() || isWrappedInParentheses(e))
        return e;
    return u'(' + e + u')';
}

QString SqlGenerator::withoutTerminator(const QString &sql)
{
    QString s = sql.trimmed();
    while (s.endsWith(u';')) {
        s.chop(1);
        s = s.trimmed();
    }
    return s;
}

QList<const Table *> SqlGenerator::tablesInDependencyOrder(const Schema &schema)
{
    QList<const Table *> ordered;
    QHash<QString, int> indexOf;   // "schema\x1fname" -> position in schema.tables
    auto key = [](const QString &s, const QString &n) { return s + QChar(0x1f) + n; };
    for (int i = 0; i < schema.tables.size(); ++i)
        indexOf.insert(key(schema.tables.at(i).schema, schema.tables.at(i).name), i);
    enum class Mark { None, Visiting, Done };
    QList<Mark> marks(schema.tables.size(), Mark::None);
    std::function<void(int)> visit = [&](int i) {
        if (marks.at(i) != Mark::None)
            return;   // done, or a cycle: keep the given order
        marks[i] = Mark::Visiting;
        const Table &t = schema.tables.at(i);
        for (const ForeignKey &fk : t.foreignKeys) {
            // An empty refSchema is the default namespace; for a table in a
            // named namespace try that namespace first.
            int target = indexOf.value(key(fk.refSchema, fk.refTable), -1);
            if (target < 0 && fk.refSchema.isEmpty())
                target = indexOf.value(key(t.schema, fk.refTable), -1);
            if (target >= 0 && target != i)
                visit(target);
        }
        marks[i] = Mark::Done;
        ordered << &t;
    };
    for (int i = 0; i < schema.tables.size(); ++i)
        visit(i);
    return ordered;
}

QList<const View *> SqlGenerator::viewsInDependencyOrder(const Schema &schema) const
{
    // A view's text names the views it reads: order by that (the name as a
    // word or quoted). Unrelated mentions only change the order harmlessly.
    QList<const View *> ordered;
    const qsizetype n = schema.views.size();
    QList<int> marks(n, 0);
    auto mentionsView = [this](const View &reader, const View &read) { return mentions(reader.definition, read.name); };
    std::function<void(qsizetype)> visit = [&](qsizetype i) {
        if (marks.at(i) != 0)
            return;
        marks[i] = 1;
        for (qsizetype j = 0; j < n; ++j)
            if (j != i && mentionsView(schema.views.at(i), schema.views.at(j)))
                visit(j);
        marks[i] = 2;
        ordered << &schema.views.at(i);
    };
    for (qsizetype i = 0; i < n; ++i)
        visit(i);
    return ordered;
}

QList<SqlGenerator::ScriptStatement> SqlGenerator::schemaStatementList(const Schema &schema) const
{
    using Kind = ScriptStatement::Kind;
    QList<ScriptStatement> out;
    auto add = [&out](Kind kind, const QString &sql) {
        if (!sql.isEmpty())
            out << ScriptStatement{kind, sql};
    };
    for (const QString &ns : schema.namespaces)
        add(Kind::Namespace, createNamespace(ns));
    for (const EnumType &e : schema.enums)
        add(Kind::Enum, createEnum(e));
    const QList<const Table *> tables = tablesInDependencyOrder(schema);
    for (const Table *t : tables) {
        const QStringList stmts = createTable(*t);
        for (qsizetype i = 0; i < stmts.size(); ++i)
            add(i == 0 ? Kind::Table : Kind::Comment, stmts.at(i));
    }
    // Indexes before foreign keys: a foreign key may need a unique index on
    // the referenced columns (PostgreSQL), and MySQL would otherwise create
    // an implicit index of its own for the referencing columns.
    for (const Table *t : tables)
        for (const Index &i : t->indexes)
            add(Kind::Index, createIndex(*t, i));
    for (const Table *t : tables)
        for (const ForeignKey &fk : t->foreignKeys)
            add(Kind::ForeignKey, addForeignKey(*t, fk));
    for (const View *v : viewsInDependencyOrder(schema))
        add(Kind::View, createView(*v));
    for (const Table *t : tables)
        for (const Trigger &tr : t->triggers)
            add(Kind::Trigger, createTrigger(*t, tr));
    return out;
}

QString SqlGenerator::scriptText(const ScriptStatement &statement) const
{
    return statement.sql + QStringLiteral(";\n");
}

QString SqlGenerator::schemaScript(const Schema &schema) const
{
    QString script;
    const QList<ScriptStatement> stmts = schemaStatementList(schema);
    for (qsizetype i = 0; i < stmts.size(); ++i) {
        if (i > 0)
            script += u'\n';
        script += scriptText(stmts.at(i));
    }
    return script;
}

QStringList SqlGenerator::schemaStatements(const Schema &schema) const
{
    QStringList out;
    for (const ScriptStatement &s : schemaStatementList(schema))
        out << s.sql;
    return out;
}

bool SqlGenerator::mentions(const QString &sql, const QString &name) const
{
    if (sql.contains(quote(name)))
        return true;
    const QRegularExpression word(QStringLiteral("(?<![\\w$\"`.])%1(?![\\w$\"`])").arg(QRegularExpression::escape(name)),
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(sql).hasMatch();
}

Result<const Table *> SqlGenerator::tableOf(const Schema &schema, const QString &ns, const QString &name)
{
    return OperationApplier::findTable(schema, ns, name);
}

namespace {

template <typename T>
Result<QString> constraintName(const QString &kind, const Table &table, const T &wanted, qsizetype found, const QList<T> &list)
{
    if (!wanted.name.isEmpty())
        return wanted.name;
    if (found >= 0 && !list.at(found).name.isEmpty())
        return list.at(found).name;
    return fail(Error::Category::Unsupported,
                QStringLiteral("the %1 to drop on %2 has no name; name it in the operation or inspect the database again")
                    .arg(kind, table.qualifiedName()));
}

} // namespace

Result<QString> SqlGenerator::foreignKeyName(const Table &table, const ForeignKey &fk) const
{
    return constraintName(QStringLiteral("foreign key"), table, fk, OperationApplier::findForeignKey(table, fk), table.foreignKeys);
}

Result<QString> SqlGenerator::checkName(const Table &table, const Check &check) const
{
    return constraintName(QStringLiteral("check constraint"), table, check, OperationApplier::findCheck(table, check), table.checks);
}

Result<QString> SqlGenerator::uniqueName(const Table &table, const UniqueConstraint &unique) const
{
    return constraintName(QStringLiteral("unique constraint"), table, unique, OperationApplier::findUnique(table, unique), table.uniques);
}

QString SqlGenerator::alterTable(const QString &ns, const QString &table, const QString &action) const
{
    return QStringLiteral("ALTER TABLE %1 %2").arg(qualified(ns, table), action);
}

QString SqlGenerator::dropConstraintAction(ConstraintKind) const
{
    return QStringLiteral("DROP CONSTRAINT");
}

std::optional<Result<QStringList>> SqlGenerator::renderCommon(const Operation &op, const Schema &before) const
{
    auto alter = [this](const QString &ns, const QString &table, const QString &action) { return alterTable(ns, table, action); };
    auto withTable = [&](const QString &ns, const QString &name, auto &&body) -> Result<QStringList> {
        auto t = tableOf(before, ns, name);
        if (!t)
            return std::unexpected(t.error());
        return body(**t);
    };
    // A constraint dropped by its name (the operation's, else the one the
    // schema before it knows).
    auto dropNamed = [&](const QString &ns, const QString &table, ConstraintKind kind, auto &&nameIn) -> Result<QStringList> {
        return withTable(ns, table, [&](const Table &t) -> Result<QStringList> {
            const Result<QString> name = nameIn(t);
            if (!name)
                return std::unexpected(name.error());
            return QStringList{alter(ns, table, dropConstraintAction(kind) + u' ' + quote(*name))};
        });
    };
    if (const auto *o = std::get_if<CreateTable>(&op)) {
        QStringList out = createTable(o->table);
        for (const Index &i : o->table.indexes)
            out << createIndex(o->table, i);
        for (const ForeignKey &fk : o->table.foreignKeys)
            if (QString s = addForeignKey(o->table, fk); !s.isEmpty())
                out << s;
        for (const Trigger &tr : o->table.triggers)
            out << createTrigger(o->table, tr);
        return out;
    }
    if (const auto *o = std::get_if<DropTable>(&op))
        return QStringList{QStringLiteral("DROP TABLE %1").arg(qualified(o->schema, o->name))};
    if (const auto *o = std::get_if<DropColumn>(&op))
        return QStringList{alter(o->schema, o->table, QStringLiteral("DROP COLUMN ") + quote(o->column))};
    if (const auto *o = std::get_if<RenameColumn>(&op))
        return QStringList{alter(o->schema, o->table, QStringLiteral("RENAME COLUMN %1 TO %2").arg(quote(o->from), quote(o->to)))};
    if (const auto *o = std::get_if<CreateIndex>(&op))
        return withTable(o->schema, o->table, [&](const Table &t) { return QStringList{createIndex(t, o->index)}; });
    if (const auto *o = std::get_if<AddForeignKey>(&op))
        return withTable(o->schema, o->table, [&](const Table &t) { return QStringList{addForeignKey(t, o->foreignKey)}; });
    if (const auto *o = std::get_if<AddCheck>(&op))
        return QStringList{alter(o->schema, o->table, QStringLiteral("ADD ") + checkClause(o->check))};
    if (const auto *o = std::get_if<AddUnique>(&op))
        return QStringList{alter(o->schema, o->table, QStringLiteral("ADD ") + uniqueClause(o->unique))};
    if (const auto *o = std::get_if<DropForeignKey>(&op))
        return dropNamed(o->schema, o->table, ConstraintKind::ForeignKey, [&](const Table &t) { return foreignKeyName(t, o->foreignKey); });
    if (const auto *o = std::get_if<DropCheck>(&op))
        return dropNamed(o->schema, o->table, ConstraintKind::Check, [&](const Table &t) { return checkName(t, o->check); });
    if (const auto *o = std::get_if<DropUnique>(&op))
        return dropNamed(o->schema, o->table, ConstraintKind::Unique, [&](const Table &t) { return uniqueName(t, o->unique); });
    if (const auto *o = std::get_if<CreateView>(&op))
        return QStringList{createView(o->view)};
    if (const auto *o = std::get_if<DropView>(&op)) {
        const View *v = before.view(o->name, o->schema);
        const bool materialized = v && v->materialized;
        return QStringList{QStringLiteral("DROP %1VIEW %2").arg(materialized ? QStringLiteral("MATERIALIZED ") : QString(),
                                                                qualified(o->schema, o->name))};
    }
    if (const auto *o = std::get_if<CreateTrigger>(&op))
        return withTable(o->schema, o->table, [&](const Table &t) { return QStringList{createTrigger(t, o->trigger)}; });
    if (const auto *o = std::get_if<CreateEnum>(&op)) {
        const QString s = createEnum(o->enumType);
        return s.isEmpty() ? QStringList() : QStringList{s};
    }
    if (const auto *o = std::get_if<CreateNamespace>(&op)) {
        const QString s = createNamespace(o->name);
        return s.isEmpty() ? QStringList() : QStringList{s};
    }
    if (const auto *o = std::get_if<RunSql>(&op)) {
        const QString text = o->forwardByDialect.value(dialectName(dialect()), o->forward);
        auto parts = SqlScriptSplitter::split(text, dialect());
        if (!parts)
            return std::unexpected(parts.error().withContext(QStringLiteral("run_sql")));
        QStringList out;
        for (const SqlScriptSplitter::Statement &st : *parts)
            out << st.sql;   // transaction control: refused by the planner in what a step runs
        return out;
    }
    return std::nullopt;
}

Result<QList<SqlBatch>> SqlGenerator::renderBatches(const OperationList &ops, const Schema &before) const
{
    auto groups = renderGroups(ops, before);
    if (!groups)
        return std::unexpected(groups.error());
    SqlBatch batch;
    for (const OperationGroup &g : *groups)
        for (const SqlBatch &b : g.batches)
            batch.statements << b.statements;
    if (batch.statements.isEmpty())
        return QList<SqlBatch>();
    return QList<SqlBatch>{batch};
}

Result<QList<OperationGroup>> SqlGenerator::renderGroups(const OperationList &ops, const Schema &before, bool applied) const
{
    Schema state = before;
    QList<OperationGroup> out;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const QString where = QStringLiteral("operation %1 (%2)").arg(i + 1).arg(OperationJson::name(ops.at(i)));
        auto stmts = renderInPlan(ops, i, state);
        if (!stmts)
            return std::unexpected(stmts.error().withContext(where));
        // After the last operation the schema is needed only to check it applies, which the caller did.
        if (!applied || i + 1 < ops.size())
            if (auto ok = OperationApplier::apply(state, ops.at(i)); !ok)
                return std::unexpected(ok.error().withContext(where));
        OperationGroup g{i, 1, {}};
        if (!stmts->isEmpty())
            g.batches << SqlBatch{*stmts, false};
        out << g;
    }
    return out;
}

Result<QStringList> SqlGenerator::renderInPlan(const OperationList &ops, qsizetype i, const Schema &before) const
{
    return renderOperation(ops.at(i), before);
}

Result<QStringList> SqlGenerator::renderAll(const OperationList &ops, const Schema &before) const
{
    auto batches = renderBatches(ops, before);
    if (!batches)
        return std::unexpected(batches.error());
    QStringList out;
    for (const SqlBatch &b : *batches) {
        if (b.foreignKeysOff)
            out << QStringLiteral("PRAGMA foreign_keys=OFF") << QStringLiteral("BEGIN") << b.statements << QStringLiteral("COMMIT")
                << QStringLiteral("PRAGMA foreign_keys=ON");
        else
            out << b.statements;
    }
    return out;
}

Result<QStringList> SqlGenerator::render(const Operation &op, const Schema &before) const
{
    return renderAll(OperationList{op}, before);
}

Result<QString> SqlGenerator::migrationScript(const OperationList &ops, const Schema &before) const
{
    auto stmts = renderAll(ops, before);
    if (!stmts)
        return std::unexpected(stmts.error());
    QString script;
    if (dialect() == Dialect::SQLite)
        script += QStringLiteral(".bail on\n");
    for (const QString &s : *stmts)
        script += scriptText(ScriptStatement{ScriptStatement::Kind::Table, s});
    return script;
}

} // namespace covet
