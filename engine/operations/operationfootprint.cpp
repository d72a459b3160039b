#include "operationfootprint.h"

#include "../schema/sqlnames.h"
#include "operationapplier.h"
#include "operationjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace covet {

namespace {

QString viewKey(const QString &ns, const QString &name)
{
    return QStringLiteral("v:") + ns.toLower() + u'.' + name.toLower();
}

QString indexKey(const QString &name)
{
    return QStringLiteral("i:") + name.toLower();
}

void readColumnType(OperationFootprint &f, const Column &c)
{
    const SqlType &t = c.type;
    if (t.kind() == SqlType::Kind::Enum && !t.enumName().isEmpty())
        f.reads << QStringLiteral("e:") + t.enumName().toLower();
    else if (t.kind() == SqlType::Kind::Other)
        f.reads << QStringLiteral("e:") + t.raw().toLower();
}

// A view, trigger or check text reads every table and view it may name.
void readText(OperationFootprint &f, const QString &ns, const QString &sql)
{
    QStringList ids = SqlNames::identifiers(sql).values();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        f.reads << OperationFootprint::tableKey(QString(), id) << viewKey(QString(), id);
        if (!ns.isEmpty())
            f.reads << OperationFootprint::tableKey(ns, id) << viewKey(ns, id);
    }
}

// Finer keys of a table that a foreign key of another table depends on:
// its name ("n:"), the referenced columns ("c:") and its keys ("k:", the
// unique index the reference needs). Adding a column to the referenced
// table commutes with the foreign key; renaming, dropping or changing what
// it references does not.
QString nameKey(const QString &ns, const QString &table) { return QStringLiteral("n:") + OperationFootprint::tableKey(ns, table).mid(2); }
QString columnKey(const QString &ns, const QString &table, const QString &column)
{
    return QStringLiteral("c:") + OperationFootprint::tableKey(ns, table).mid(2) + u'.' + column.toLower();
}
QString keysKey(const QString &ns, const QString &table) { return QStringLiteral("k:") + OperationFootprint::tableKey(ns, table).mid(2); }
// The foreign keys of a table: what a statement on the table they reference checks.
QString foreignKeysKey(const QString &ns, const QString &table) { return QStringLiteral("f:") + OperationFootprint::tableKey(ns, table).mid(2); }

void readForeignKey(OperationFootprint &f, const QString &ns, const ForeignKey &fk)
{
    const QString refNs = fk.refSchema.isEmpty() ? ns : fk.refSchema;
    f.reads << nameKey(refNs, fk.refTable) << keysKey(refNs, fk.refTable);
    for (const QString &c : fk.refColumns)
        f.reads << columnKey(refNs, fk.refTable, c);
}

struct Footprinter
{
    OperationFootprint f;

    void onTable(const QString &ns, const QString &table) { f.writes << OperationFootprint::tableKey(ns, table); }

    void operator()(const CreateTable &op)
    {
        onTable(op.table.schema, op.table.name);
        f.writes << nameKey(op.table.schema, op.table.name);
        for (const Column &c : op.table.columns)
            readColumnType(f, c);
        for (const Index &i : op.table.indexes)
            f.writes << indexKey(i.name);
        for (const UniqueConstraint &u : op.table.uniques)
            f.writes << indexKey(u.name);
        for (const ForeignKey &fk : op.table.foreignKeys)
            readForeignKey(f, op.table.schema, fk);
        for (const Check &c : op.table.checks)
            readText(f, op.table.schema, c.expression);
        for (const Trigger &t : op.table.triggers)
            readText(f, op.table.schema, t.body + u' ' + t.definition);
    }
    void operator()(const DropTable &op)
    {
        onTable(op.schema, op.name);
        f.writes << nameKey(op.schema, op.name);
        f.anyIndex = true;
    }
    void operator()(const RenameTable &op)
    {
        onTable(op.schema, op.from);
        onTable(op.schema, op.to);
        f.writes << nameKey(op.schema, op.from) << nameKey(op.schema, op.to);
        // Renaming follows into every view and trigger text that names it.
        f.writes << viewKey(op.schema, op.from) << viewKey(op.schema, op.to) << viewKey(QString(), op.from) << viewKey(QString(), op.to);
    }
    void operator()(const AddColumn &op)
    {
        onTable(op.schema, op.table);
        f.writes << columnKey(op.schema, op.table, op.column.name);
        readColumnType(f, op.column);
    }
    void operator()(const DropColumn &op)
    {
        onTable(op.schema, op.table);
        f.writes << columnKey(op.schema, op.table, op.column) << keysKey(op.schema, op.table);
        f.anyIndex = true;
    }
    void operator()(const AlterColumn &op)
    {
        onTable(op.schema, op.table);
        f.writes << columnKey(op.schema, op.table, op.before.name) << columnKey(op.schema, op.table, op.after.name);
        readColumnType(f, op.before);
        readColumnType(f, op.after);
    }
    void operator()(const RenameColumn &op)
    {
        onTable(op.schema, op.table);
        f.writes << viewKey(QString(), QStringLiteral("*")) << columnKey(op.schema, op.table, op.from) << columnKey(op.schema, op.table, op.to);
    }
    void operator()(const CreateIndex &op) { onTable(op.schema, op.table); f.writes << indexKey(op.index.name) << keysKey(op.schema, op.table); }
    void operator()(const DropIndex &op) { onTable(op.schema, op.table); f.writes << indexKey(op.name) << keysKey(op.schema, op.table); }
    void operator()(const AddForeignKey &op)
    {
        onTable(op.schema, op.table);
        f.writes << foreignKeysKey(op.schema, op.table);
        readForeignKey(f, op.schema, op.foreignKey);
    }
    void operator()(const DropForeignKey &op) { onTable(op.schema, op.table); f.writes << foreignKeysKey(op.schema, op.table); }
    void operator()(const AddCheck &op) { onTable(op.schema, op.table); }
    void operator()(const DropCheck &op) { onTable(op.schema, op.table); }
    void operator()(const AddUnique &op) { onTable(op.schema, op.table); f.writes << indexKey(op.unique.name) << keysKey(op.schema, op.table); }
    void operator()(const DropUnique &op) { onTable(op.schema, op.table); f.writes << indexKey(op.unique.name) << keysKey(op.schema, op.table); }
    void operator()(const SetPrimaryKey &op)
    {
        onTable(op.schema, op.table);
        f.writes << keysKey(op.schema, op.table);
        f.anyIndex = true;
    }
    void operator()(const CreateView &op)
    {
        f.writes << viewKey(op.view.schema, op.view.name);
        readText(f, op.view.schema, op.view.definition);
    }
    void operator()(const DropView &op) { f.writes << viewKey(op.schema, op.name); }
    void operator()(const CreateTrigger &op)
    {
        onTable(op.schema, op.table);
        readText(f, op.schema, op.trigger.body + u' ' + op.trigger.definition);
    }
    void operator()(const DropTrigger &op) { onTable(op.schema, op.table); }
    void operator()(const CreateEnum &op) { f.writes << QStringLiteral("e:") + op.enumType.name.toLower(); }
    void operator()(const DropEnum &op) { f.writes << QStringLiteral("e:") + op.name.toLower(); }
    void operator()(const AlterEnum &op) { f.writes << QStringLiteral("e:") + op.after.name.toLower(); }
    void operator()(const RunSql &) { f.barrier = true; }
    void operator()(const CreateNamespace &) { f.barrier = true; }
    void operator()(const DropNamespace &) { f.barrier = true; }
};

bool intersects(const QStringList &a, const QStringList &b)
{
    for (const QString &x : a)
        if (b.contains(x))
            return true;
    return false;
}

bool hasIndexKey(const QStringList &keys)
{
    for (const QString &k : keys)
        if (k.startsWith(QLatin1String("i:")))
            return true;
    return false;
}

void collectStrings(const QJsonValue &v, QStringList &out)
{
    if (v.isString())
        out << v.toString();
    else if (v.isArray())
        for (const QJsonValue &x : v.toArray())
            collectStrings(x, out);
    else if (v.isObject())
        for (const QJsonValue &x : v.toObject())
            collectStrings(x, out);
}

void collectNames(const QJsonValue &v, const QString &key, QStringList &out)
{
    static const QStringList named{QStringLiteral("name"), QStringLiteral("column"), QStringLiteral("columns"), QStringLiteral("from"),
                                   QStringLiteral("to"), QStringLiteral("index"), QStringLiteral("trigger"), QStringLiteral("after")};
    if (v.isString() && named.contains(key))
        out << v.toString();
    else if (v.isArray())
        for (const QJsonValue &x : v.toArray())
            collectNames(x, key, out);
    else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectNames(it.value(), it.key(), out);
    }
}

} // namespace

QStringList OperationFootprint::names(const Operation &op)
{
    QStringList out;
    collectNames(OperationJson::toJson(op), QString(), out);
    out.removeDuplicates();
    return out;
}

QString OperationFootprint::tableKey(const QString &ns, const QString &name)
{
    return QStringLiteral("t:") + ns.toLower() + u'.' + name.toLower();
}

OperationFootprint OperationFootprint::of(const Operation &op)
{
    Footprinter p;
    std::visit(p, op);
    p.f.writes.removeDuplicates();
    p.f.reads.removeDuplicates();
    return p.f;
}

namespace {

// The words a data fix-up may use besides names: DML keywords, no
// function, no DDL, no procedural block (DO, CALL, EXECUTE stay unknown).
bool dataKeyword(const QString &word)
{
    static const QSet<QString> words{
        QStringLiteral("select"), QStringLiteral("from"),    QStringLiteral("where"),   QStringLiteral("and"),     QStringLiteral("or"),
        QStringLiteral("not"),    QStringLiteral("null"),    QStringLiteral("is"),      QStringLiteral("in"),      QStringLiteral("exists"),
        QStringLiteral("update"), QStringLiteral("set"),     QStringLiteral("insert"),  QStringLiteral("into"),    QStringLiteral("values"),
        QStringLiteral("delete"), QStringLiteral("default"), QStringLiteral("true"),    QStringLiteral("false"),   QStringLiteral("between"),
        QStringLiteral("like"),   QStringLiteral("case"),    QStringLiteral("when"),    QStringLiteral("then"),    QStringLiteral("else"),
        QStringLiteral("end"),    QStringLiteral("distinct"), QStringLiteral("order"),  QStringLiteral("by"),      QStringLiteral("asc"),
        QStringLiteral("desc"),   QStringLiteral("limit"),   QStringLiteral("offset")};
    return words.contains(word);
}

// Adds to `scope` the tables of `before` that the texts name; false when
// they may touch more (see OperationFootprint::of(op, before)).
bool readSql(const QStringList &texts, const Schema &before, QList<const Table *> &scope)
{
    QSet<QString> words;
    QSet<QString> quoted;
    static const QSet<QString> parenthesised{QStringLiteral("in"), QStringLiteral("values"), QStringLiteral("exists")};
    for (const QString &text : texts) {
        const SqlNames::RawNames n = SqlNames::rawNames(text);
        if (n.hidden || !(n.called - parenthesised).isEmpty())
            return false;   // text only some server runs, or a call
        words.unite(n.words);
        quoted.unite(n.quoted);
    }
    const QSet<QString> ids = words + quoted;
    for (const View &v : before.views)
        if (ids.contains(v.name.toLower()))
            return false;
    QSet<QString> known;   // names the SQL may use: the tables', their namespaces', the named tables' columns
    for (const Table &t : before.tables) {
        known.insert(t.schema.toLower());
        if (!ids.contains(t.name.toLower()))
            continue;
        if (!scope.contains(&t))
            scope << &t;
        known.insert(t.name.toLower());
        for (const Column &c : t.columns)
            known.insert(c.name.toLower());
    }
    known.remove(QString());
    for (const QString &w : std::as_const(words))
        if (!known.contains(w) && !dataKeyword(w))
            return false;
    for (const QString &q : std::as_const(quoted))
        if (!known.contains(q))
            return false;
    return true;
}

bool cascades(const ForeignKey &fk)
{
    const auto changes = [](ForeignKey::Action a) { return a != ForeignKey::Action::NoAction && a != ForeignKey::Action::Restrict; };
    return changes(fk.onDelete) || changes(fk.onUpdate);
}

// What raw SQL can touch on `before`: the tables it may change, and the
// foreign keys of other tables it may be checked against.
struct SqlScope
{
    QList<const Table *> tables;
    QList<QPair<const Table *, const ForeignKey *>> checks;
};

// The scope of raw SQL, or nullopt when it may touch anything: what it
// names, the tables whose foreign keys reach those with a cascading action
// (transitively; other keys only check), what their triggers name (a
// trigger whose text passes the same reading; any other trigger may do
// anything), and so on.
std::optional<SqlScope> sqlScope(const RunSql &sql, const Schema &before)
{
    QStringList texts{sql.forward, sql.reverse};
    texts << sql.forwardByDialect.values() << sql.reverseByDialect.values();
    SqlScope scope;
    if (!readSql(texts, before, scope.tables))
        return std::nullopt;
    for (qsizetype i = 0; i < scope.tables.size(); ++i) {
        const Table *reached = scope.tables.at(i);
        for (const Trigger &tr : reached->triggers)
            if (!readSql({tr.body, tr.definition}, before, scope.tables))
                return std::nullopt;
        for (const Table &t : before.tables)
            for (const ForeignKey &fk : t.foreignKeys) {
                if (fk.refTable.compare(reached->name, Qt::CaseInsensitive) != 0
                    || (fk.refSchema.isEmpty() ? t.schema : fk.refSchema).compare(reached->schema, Qt::CaseInsensitive) != 0)
                    continue;
                if (!cascades(fk))
                    scope.checks << qMakePair(&t, &fk);
                else if (!scope.tables.contains(&t))
                    scope.tables << &t;
            }
    }
    return scope;
}

// The indexes (and uniques) a drop_table or drop_column takes with it on
// `before`, as the applier decides; nullopt when the table is unknown.
std::optional<QStringList> droppedIndexes(const Operation &op, const Schema &before)
{
    const auto *dropTable = std::get_if<DropTable>(&op);
    const auto *dropColumn = std::get_if<DropColumn>(&op);
    const Table *t = dropTable ? before.table(dropTable->name, dropTable->schema) : before.table(dropColumn->table, dropColumn->schema);
    if (!t)
        return std::nullopt;
    Schema mini;
    mini.tables << *t;
    if (!OperationApplier::apply(mini, op))
        return std::nullopt;
    const Table *after = mini.tables.isEmpty() ? nullptr : &mini.tables.first();
    QStringList gone;
    for (const Index &i : t->indexes)
        if (!after || !after->index(i.name))
            gone << i.name;
    for (const UniqueConstraint &u : t->uniques)
        if (!after || std::none_of(after->uniques.cbegin(), after->uniques.cend(), [&](const UniqueConstraint &x) { return x.name == u.name; }))
            gone << u.name;
    return gone;
}

} // namespace

OperationFootprint OperationFootprint::of(const Operation &op, const Schema &before)
{
    if (std::holds_alternative<DropTable>(op) || std::holds_alternative<DropColumn>(op)) {
        // The indexes it drops, named: not every index name.
        OperationFootprint f = of(op);
        if (const auto gone = droppedIndexes(op, before)) {
            f.anyIndex = false;
            for (const QString &name : *gone)
                f.writes << indexKey(name);
            f.writes.removeDuplicates();
        }
        return f;
    }
    if (std::holds_alternative<RenameColumn>(op)) {
        // The view and trigger texts it rewrites (as the applier decides),
        // named: not every view.
        OperationFootprint f = of(op);
        Schema after = before;
        if (!OperationApplier::apply(after, op) || after.views.size() != before.views.size() || after.tables.size() != before.tables.size())
            return f;
        f.writes.removeAll(viewKey(QString(), QStringLiteral("*")));
        for (qsizetype i = 0; i < before.views.size(); ++i)
            if (after.views.at(i).definition != before.views.at(i).definition)
                f.writes << viewKey(before.views.at(i).schema, before.views.at(i).name);
        for (qsizetype i = 0; i < before.tables.size(); ++i)
            if (after.tables.at(i).triggers != before.tables.at(i).triggers)
                f.writes << tableKey(before.tables.at(i).schema, before.tables.at(i).name);
        f.writes.removeDuplicates();
        return f;
    }
    const auto *sql = std::get_if<RunSql>(&op);
    if (!sql)
        return of(op);
    const auto scope = sqlScope(*sql, before);
    if (!scope)
        return of(op);
    OperationFootprint f;
    QSet<QString> names;
    for (const auto &[t, fk] : scope->checks) {
        f.reads << foreignKeysKey(t->schema, t->name) << nameKey(t->schema, t->name);
        for (const QString &c : fk->columns)
            f.reads << columnKey(t->schema, t->name, c);
    }
    for (const Table *t : scope->tables) {
        f.writes << tableKey(t->schema, t->name) << nameKey(t->schema, t->name) << keysKey(t->schema, t->name);
        names.insert(t->name.toLower());
        for (const Column &c : t->columns) {
            f.writes << columnKey(t->schema, t->name, c.name);
            readColumnType(f, c);
        }
        for (const ForeignKey &fk : t->foreignKeys)
            readForeignKey(f, t->schema, fk);
    }
    // The views over them, and over those views.
    QList<const View *> views;
    for (bool grew = true; grew;) {
        grew = false;
        for (const View &v : before.views) {
            if (views.contains(&v) || !SqlNames::identifiers(v.definition).intersects(names))
                continue;
            views << &v;
            names.insert(v.name.toLower());
            f.writes << viewKey(v.schema, v.name);
            grew = true;
        }
    }
    f.writes.removeDuplicates();
    f.reads.removeDuplicates();
    return f;
}

bool OperationFootprint::clashesWith(const OperationFootprint &o) const
{
    if (barrier || o.barrier)
        return true;
    // A column rename follows into every view text (v:.*): it clashes with views.
    const auto renamesColumns = [](const OperationFootprint &f) { return f.writes.contains(QStringLiteral("v:.*")); };
    const auto touchesViews = [](const OperationFootprint &f) {
        for (const QString &k : f.writes)
            if (k.startsWith(QLatin1String("v:")))
                return true;
        for (const QString &k : f.reads)
            if (k.startsWith(QLatin1String("v:")))
                return true;
        return false;
    };
    if ((renamesColumns(*this) && touchesViews(o)) || (renamesColumns(o) && touchesViews(*this)))
        return true;
    if ((anyIndex && hasIndexKey(o.writes)) || (o.anyIndex && hasIndexKey(writes)) || (anyIndex && o.anyIndex))
        return true;
    return intersects(writes, o.writes) || intersects(writes, o.reads) || intersects(reads, o.writes);
}

QString OperationFootprint::targetTable(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> QString {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, DropTable>)
                return tableKey(o.schema, o.name);
            else if constexpr (std::is_same_v<T, RenameTable>)
                return tableKey(o.schema, o.from);
            else if constexpr (requires { o.table; o.schema; } && !std::is_same_v<T, CreateTable>)
                return tableKey(o.schema, o.table);
            else
                return QString();
        },
        op);
}

bool OperationFootprint::mentions(const Operation &op, const QStringList &names)
{
    QStringList values;
    collectStrings(OperationJson::toJson(op), values);
    for (const QString &value : std::as_const(values)) {
        if (value == QLatin1String("op"))
            continue;
        QSet<QString> ids;
        bool idsRead = false;
        for (const QString &name : names) {
            if (value.compare(name, Qt::CaseInsensitive) == 0)
                return true;
            if (!idsRead) {
                ids = SqlNames::identifiers(value);
                idsRead = true;
            }
            if (ids.contains(name.toLower()))
                return true;
        }
    }
    return false;
}

} // namespace covet
