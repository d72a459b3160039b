#include "operationapplier.h"
#include "../schema/sqlnames.h"
#include "../schema/qualifiedname.h"

#include <QSet>

#include <optional>

#include "operationjson.h"


namespace covet {

namespace {

Status notFound(const QString &what, const QString &op)
{
    return fail(Error::Category::NotFound, QStringLiteral("%1 does not exist").arg(what), op);
}

Status exists(const QString &what, const QString &op)
{
    return fail(Error::Category::Conflict, QStringLiteral("%1 already exists").arg(what), op);
}

QString fkLabel(const ForeignKey &fk)
{
    return fk.name.isEmpty() ? QStringLiteral("foreign key (%1) -> %2").arg(fk.columns.join(QStringLiteral(", ")), fk.refTable)
                             : QStringLiteral("foreign key %1").arg(fk.name);
}

template <typename List>
qsizetype indexByName(const List &list, const QString &name)
{
    for (qsizetype i = 0; i < list.size(); ++i)
        if (list.at(i).name == name)
            return i;
    return -1;
}

// Follows a rename into the SQL texts that name it (views, triggers), as
// SQLite does and PostgreSQL shows: `appliesTo` picks the texts.
template <typename Pick>
void renameInTexts(Schema &s, const QString &from, const QString &to, Pick appliesTo)
{
    // Reads through const access and detaches a list only when a text
    // changes: non-const iteration would copy every table's (often empty)
    // trigger list on every operation.
    auto rewritten = [&](const QString &text, const Table *owner) -> std::optional<QString> {
        if (!appliesTo(text, owner))
            return std::nullopt;
        QString out = SqlNames::renameIdentifier(text, from, to);
        return out == text ? std::nullopt : std::optional<QString>(out);
    };
    for (qsizetype i = 0; i < s.views.size(); ++i)
        if (auto text = rewritten(std::as_const(s.views).at(i).definition, nullptr))
            s.views[i].definition = *text;
    for (qsizetype ti = 0; ti < s.tables.size(); ++ti) {
        const Table &table = std::as_const(s.tables).at(ti);
        for (qsizetype k = 0; k < table.triggers.size(); ++k) {
            const Trigger &tr = table.triggers.at(k);
            const auto body = rewritten(tr.body, &table);
            const auto definition = rewritten(tr.definition, &table);
            if (body || definition) {
                Trigger &mutableTrigger = s.tables[ti].triggers[k];
                if (body)
                    mutableTrigger.body = *body;
                if (definition)
                    mutableTrigger.definition = *definition;
            }
        }
    }
}

// Removes what uses `column` (PostgreSQL drops them with the column).
void dropColumnDependents(Table &table, const QString &column)
{
    if (table.primaryKey && table.primaryKey->columns.contains(column))
        table.primaryKey.reset();
    table.uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(column); });
    table.indexes.removeIf([&](const Index &i) { return i.columnNames().contains(column); });
    table.foreignKeys.removeIf([&](const ForeignKey &f) { return f.columns.contains(column); });
}

struct Applier
{
    Schema &s;
    QString where;

    Status operator()(const CreateTable &op)
    {
        // The lookup through a const schema: the list is copied once, by the append, not first by a non-const lookup.
        if (std::as_const(s).table(op.table.name, op.table.schema))
            return exists(QStringLiteral("table %1").arg(op.table.qualifiedName()), where);
        s.tables << op.table;
        return {};
    }
    Status operator()(const DropTable &op)
    {
        auto t = OperationApplier::findTable(std::as_const(s), op.schema, op.name);   // read: not copied to be dropped
        if (!t)
            return std::unexpected(t.error());
        s.tables.removeIf([&](const Table &x) { return x.name == op.name && x.schema == op.schema; });
        return {};
    }
    Status operator()(const RenameTable &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.from);
        if (!t)
            return std::unexpected(t.error());
        if (std::as_const(s).table(op.to, op.schema))
            return exists(QStringLiteral("table %1").arg(OperationApplier::qualified(op.schema, op.to)), where);
        (*t)->name = op.to;
        renameInTexts(s, op.from, op.to, [](const QString &, const Table *) { return true; });
        for (qsizetype ti = 0; ti < s.tables.size(); ++ti) {
            const Table &other = std::as_const(s.tables).at(ti);
            if (std::none_of(other.foreignKeys.cbegin(), other.foreignKeys.cend(),
                             [&](const ForeignKey &fk) { return fk.refTable == op.from && fk.refSchema == op.schema; }))
                continue;   // read only: not copied (see TableList)
            for (ForeignKey &fk : s.tables[ti].foreignKeys)
                if (fk.refTable == op.from && fk.refSchema == op.schema)
                    fk.refTable = op.to;
        }
        return {};
    }
    Status operator()(const AddColumn &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if ((*t)->column(op.column.name))
            return exists(QStringLiteral("column %1.%2").arg((*t)->qualifiedName(), op.column.name), where);
        if (op.first) {
            (*t)->columns.prepend(op.column);
        } else if (!op.after.isEmpty()) {
            const int at = (*t)->columnIndex(op.after);
            if (at < 0)
                return notFound(QStringLiteral("column %1.%2 (to add %3 after it)").arg((*t)->qualifiedName(), op.after, op.column.name), where);
            (*t)->columns.insert(at + 1, op.column);
        } else {
            (*t)->columns << op.column;
        }
        return {};
    }
    Status requireColumn(Table &t, const QString &column)
    {
        if (!t.column(column))
            return notFound(QStringLiteral("column %1.%2").arg(t.qualifiedName(), column), where);
        return {};
    }
    Status operator()(const DropColumn &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (auto ok = requireColumn(**t, op.column); !ok)
            return ok;
        (*t)->columns.removeAt((*t)->columnIndex(op.column));
        dropColumnDependents(**t, op.column);
        return {};
    }
    Status operator()(const AlterColumn &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (auto ok = requireColumn(**t, op.before.name); !ok)
            return ok;
        if (op.after.name != op.before.name)
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("alter_column cannot rename %1 to %2; use rename_column").arg(op.before.name, op.after.name), where);
        *(*t)->column(op.before.name) = op.after;
        return {};
    }
    Status operator()(const RenameColumn &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (auto ok = requireColumn(**t, op.from); !ok)
            return ok;
        if ((*t)->column(op.to))
            return exists(QStringLiteral("column %1.%2").arg((*t)->qualifiedName(), op.to), where);
        OperationApplier::renameColumns(s, {{OperationApplier::tableKey(op.schema, op.table), {{op.from, op.to}}}});
        // Texts of the table's own triggers, and others that name the table.
        const QString tableName = op.table.toLower();
        renameInTexts(s, op.from, op.to, [&](const QString &text, const Table *owner) {
            return (owner && owner->name == op.table && owner->schema == op.schema)
                || SqlNames::identifiers(text).contains(tableName);
        });
        return {};
    }
    Status operator()(const CreateIndex &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if ((*t)->index(op.index.name))
            return exists(QStringLiteral("index %1 on %2").arg(op.index.name, (*t)->qualifiedName()), where);
        for (const QString &c : op.index.columnNames())
            if (auto ok = requireColumn(**t, c); !ok)
                return ok;
        (*t)->indexes << op.index;
        return {};
    }
    Status operator()(const DropIndex &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findIndex(**t, op.name);
        if (i < 0)
            return notFound(QStringLiteral("index %1 on %2").arg(op.name, (*t)->qualifiedName()), where);
        (*t)->indexes.removeAt(i);
        return {};
    }
    Status operator()(const AddForeignKey &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (!op.foreignKey.name.isEmpty() && indexByName((*t)->foreignKeys, op.foreignKey.name) >= 0)
            return exists(QStringLiteral("%1 on %2").arg(fkLabel(op.foreignKey), (*t)->qualifiedName()), where);
        for (const QString &c : op.foreignKey.columns)
            if (auto ok = requireColumn(**t, c); !ok)
                return ok;
        (*t)->foreignKeys << op.foreignKey;
        return {};
    }
    Status operator()(const DropForeignKey &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findForeignKey(**t, op.foreignKey);
        if (i < 0)
            return notFound(QStringLiteral("%1 on %2").arg(fkLabel(op.foreignKey), (*t)->qualifiedName()), where);
        (*t)->foreignKeys.removeAt(i);
        return {};
    }
    Status operator()(const AddCheck &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (!op.check.name.isEmpty() && indexByName((*t)->checks, op.check.name) >= 0)
            return exists(QStringLiteral("check %1 on %2").arg(op.check.name, (*t)->qualifiedName()), where);
        (*t)->checks << op.check;
        return {};
    }
    Status operator()(const DropCheck &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findCheck(**t, op.check);
        if (i < 0)
            return notFound(QStringLiteral("check %1 on %2").arg(op.check.name.isEmpty() ? op.check.expression : op.check.name,
                                                                 (*t)->qualifiedName()), where);
        (*t)->checks.removeAt(i);
        return {};
    }
    Status operator()(const AddUnique &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (!op.unique.name.isEmpty() && indexByName((*t)->uniques, op.unique.name) >= 0)
            return exists(QStringLiteral("unique constraint %1 on %2").arg(op.unique.name, (*t)->qualifiedName()), where);
        for (const QString &c : op.unique.columns)
            if (auto ok = requireColumn(**t, c); !ok)
                return ok;
        (*t)->uniques << op.unique;
        return {};
    }
    Status operator()(const DropUnique &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findUnique(**t, op.unique);
        if (i < 0)
            return notFound(QStringLiteral("unique constraint %1 on %2")
                                .arg(op.unique.name.isEmpty() ? u'(' + op.unique.columns.join(QStringLiteral(", ")) + u')' : op.unique.name,
                                     (*t)->qualifiedName()), where);
        (*t)->uniques.removeAt(i);
        return {};
    }
    Status operator()(const SetPrimaryKey &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (op.before && !(*t)->primaryKey)
            return notFound(QStringLiteral("primary key of %1").arg((*t)->qualifiedName()), where);
        if (!op.before && (*t)->primaryKey)
            return exists(QStringLiteral("primary key of %1").arg((*t)->qualifiedName()), where);
        if (op.after)
            for (const QString &c : op.after->columns)
                if (auto ok = requireColumn(**t, c); !ok)
                    return ok;
        (*t)->primaryKey = op.after;
        return {};
    }
    Status operator()(const CreateView &op)
    {
        if (s.view(op.view.name, op.view.schema))
            return exists(QStringLiteral("view %1").arg(OperationApplier::qualified(op.view.schema, op.view.name)), where);
        s.views << op.view;
        return {};
    }
    Status operator()(const DropView &op)
    {
        if (!s.view(op.name, op.schema))
            return notFound(QStringLiteral("view %1").arg(OperationApplier::qualified(op.schema, op.name)), where);
        s.views.removeIf([&](const View &v) { return v.name == op.name && v.schema == op.schema; });
        return {};
    }
    Status operator()(const CreateTrigger &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        if (OperationApplier::findTrigger(**t, op.trigger.name) >= 0)
            return exists(QStringLiteral("trigger %1 on %2").arg(op.trigger.name, (*t)->qualifiedName()), where);
        (*t)->triggers << op.trigger;
        return {};
    }
    Status operator()(const DropTrigger &op)
    {
        auto t = OperationApplier::findTable(s, op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findTrigger(**t, op.name);
        if (i < 0)
            return notFound(QStringLiteral("trigger %1 on %2").arg(op.name, (*t)->qualifiedName()), where);
        (*t)->triggers.removeAt(i);
        return {};
    }
    Status operator()(const CreateEnum &op)
    {
        if (s.enumType(op.enumType.name, op.enumType.schema))
            return exists(QStringLiteral("enum type %1").arg(OperationApplier::qualified(op.enumType.schema, op.enumType.name)), where);
        s.enums << op.enumType;
        return {};
    }
    Status operator()(const DropEnum &op)
    {
        if (!s.enumType(op.name, op.schema))
            return notFound(QStringLiteral("enum type %1").arg(OperationApplier::qualified(op.schema, op.name)), where);
        s.enums.removeIf([&](const EnumType &e) { return e.name == op.name && e.schema == op.schema; });
        return {};
    }
    Status operator()(const AlterEnum &op)
    {
        for (EnumType &e : s.enums) {
            if (e.name != op.before.name || e.schema != op.before.schema)
                continue;
            e = op.after;
            // Columns of this type carry its values too.
            auto ofType = [&](const Column &c) { return c.type.kind() == SqlType::Kind::Enum && c.type.enumName() == op.after.name; };
            for (qsizetype ti = 0; ti < s.tables.size(); ++ti) {
                const Table &t = std::as_const(s.tables).at(ti);
                if (std::none_of(t.columns.cbegin(), t.columns.cend(), ofType))
                    continue;   // read only: not copied (see TableList)
                for (Column &c : s.tables[ti].columns)
                    if (ofType(c))
                        c.type.setEnumValues(op.after.values);
            }
            return {};
        }
        return notFound(QStringLiteral("enum type %1").arg(OperationApplier::qualified(op.before.schema, op.before.name)), where);
    }
    Status operator()(const RunSql &) { return {}; }   // opaque to the model
    Status operator()(const CreateNamespace &op)
    {
        if (s.namespaces.contains(op.name))
            return exists(QStringLiteral("schema %1").arg(op.name), where);
        s.namespaces << op.name;
        s.namespaces.sort();
        return {};
    }
    Status operator()(const DropNamespace &op)
    {
        if (!s.namespaces.contains(op.name))
            return notFound(QStringLiteral("schema %1").arg(op.name), where);
        s.namespaces.removeAll(op.name);
        return {};
    }
};

} // namespace

QString OperationApplier::qualified(const QString &ns, const QString &name)
{
    return qualifiedName(ns, name);
}

Result<Table *> OperationApplier::findTable(Schema &schema, const QString &ns, const QString &name)
{
    if (Table *t = schema.table(name, ns))
        return t;
    return fail(Error::Category::NotFound, QStringLiteral("table %1 does not exist").arg(qualified(ns, name)));
}

Result<const Table *> OperationApplier::findTable(const Schema &schema, const QString &ns, const QString &name)
{
    if (const Table *t = schema.table(name, ns))
        return t;
    return fail(Error::Category::NotFound, QStringLiteral("table %1 does not exist").arg(qualified(ns, name)));
}

qsizetype OperationApplier::findForeignKey(const Table &table, const ForeignKey &fk)
{
    if (!fk.name.isEmpty()) {
        const qsizetype i = indexByName(table.foreignKeys, fk.name);
        if (i >= 0)
            return i;
    }
    for (qsizetype i = 0; i < table.foreignKeys.size(); ++i) {
        const ForeignKey &f = table.foreignKeys.at(i);
        if (f.columns == fk.columns && (fk.refTable.isEmpty() || (f.refTable == fk.refTable && f.refSchema == fk.refSchema))
            && (fk.name.isEmpty() || f.name.isEmpty()))
            return i;
    }
    return -1;
}

qsizetype OperationApplier::findCheck(const Table &table, const Check &check)
{
    if (!check.name.isEmpty())
        return indexByName(table.checks, check.name);
    for (qsizetype i = 0; i < table.checks.size(); ++i)
        if (table.checks.at(i).expression == check.expression)
            return i;
    return -1;
}

qsizetype OperationApplier::findUnique(const Table &table, const UniqueConstraint &unique)
{
    if (!unique.name.isEmpty())
        return indexByName(table.uniques, unique.name);
    for (qsizetype i = 0; i < table.uniques.size(); ++i)
        if (table.uniques.at(i).columns == unique.columns)
            return i;
    return -1;
}

qsizetype OperationApplier::findIndex(const Table &table, const QString &name)
{
    return indexByName(table.indexes, name);
}

qsizetype OperationApplier::findTrigger(const Table &table, const QString &name)
{
    return indexByName(table.triggers, name);
}

void OperationApplier::renameColumns(Schema &schema, const QHash<QString, QHash<QString, QString>> &renames)
{
    auto rename = [](QStringList &cols, const QHash<QString, QString> &map) {
        for (QString &c : cols)
            c = map.value(c, c);
    };
    // Building a key per table and foreign key on every call made a single
    // RenameColumn cost O(tables) allocations; check the bare table name
    // first and build keys only for the tables the renames name.
    QSet<QString> names;
    for (auto it = renames.cbegin(); it != renames.cend(); ++it)
        names.insert(it.key().section(u'\x1f', 1));
    // Read first: only a table that changes is made this schema's own
    // (TableList copies a table shared with another schema when it is
    // written to).
    auto touched = [&](const Table &t) {
        if (names.contains(t.name) && renames.contains(tableKey(t.schema, t.name)))
            return true;
        for (const ForeignKey &fk : t.foreignKeys)
            if (names.contains(fk.refTable) && renames.contains(tableKey(fk.refSchema, fk.refTable)))
                return true;
        return false;
    };
    for (qsizetype ti = 0; ti < schema.tables.size(); ++ti) {
        if (!touched(std::as_const(schema.tables).at(ti)))
            continue;
        Table &t = schema.tables[ti];
        const bool named = names.contains(t.name);
        if (const auto own = named ? renames.constFind(tableKey(t.schema, t.name)) : renames.cend(); own != renames.cend()) {
            const QHash<QString, QString> &map = *own;
            for (Column &c : t.columns)
                c.name = map.value(c.name, c.name);
            if (t.primaryKey)
                rename(t.primaryKey->columns, map);
            for (UniqueConstraint &u : t.uniques)
                rename(u.columns, map);
            for (Index &i : t.indexes)
                for (IndexPart &p : i.parts)
                    if (!p.column.isEmpty())
                        p.column = map.value(p.column, p.column);
            for (ForeignKey &fk : t.foreignKeys)
                rename(fk.columns, map);
        }
        for (qsizetype k = 0; k < t.foreignKeys.size(); ++k) {
            const ForeignKey &fk = std::as_const(t.foreignKeys).at(k);
            if (!names.contains(fk.refTable))
                continue;
            if (const auto ref = renames.constFind(tableKey(fk.refSchema, fk.refTable)); ref != renames.cend())
                rename(t.foreignKeys[k].refColumns, *ref);
        }
    }
}

Status OperationApplier::apply(Schema &schema, const Operation &op)
{
    const QString where = OperationJson::name(op);
    Applier applier{schema, where};
    Status result = std::visit(applier, op);
    if (!result && result.error().location().isEmpty())
        return fail(result.error().category(), result.error().message(), where);
    return result;
}

Result<Schema> OperationApplier::applyAll(Schema schema, const OperationList &ops)
{
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (auto ok = apply(schema, ops.at(i)); !ok)
            return std::unexpected(ok.error().withContext(QStringLiteral("operation %1").arg(i + 1)));
    }
    return schema;
}

} // namespace covet
