#include "operationfootprint.h"

#include "../schema/sqlnames.h"
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
    void operator()(const AddForeignKey &op) { onTable(op.schema, op.table); readForeignKey(f, op.schema, op.foreignKey); }
    void operator()(const DropForeignKey &op) { onTable(op.schema, op.table); }
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
