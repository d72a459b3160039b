#include "operationorder.h"
#include "../schema/sqlnames.h"

#include "schemanormalizer.h"

#include <QSet>

#include <algorithm>
#include <map>
#include <vector>

namespace covet {

namespace {

// Table renames go first: every other operation the Differ makes names a
// table by its new name (it compares the schema with the renames applied).
enum Phase {
    RenameTables, DropViews, DropTriggers, DropForeignKeys, DropIndexes, DropChecks, DropUniques, DropReplacedTables, CreateNamespaces,
    CreateEnums, AlterEnums, DropReusedColumns, RenameColumns, DropPrimaryKeys, AlterColumns, AddColumns, SetPrimaryKeys, DropColumns,
    AddUniques, AddChecks, CreateTables, CreateIndexes, AddForeignKeys, CreateTriggers, CreateViews, DropTables, DropEnums,
    DropNamespaces, RawSql, PhaseCount
};

using Key = QStringList;

struct Entry
{
    Key key;
    Operation op;
};

QString columnKey(const QString &ns, const QString &table, const QString &column)
{
    return ns + u'\x1f' + table + u'\x1f' + column;
}

QString tableKey(const QString &ns, const QString &table)
{
    return ns + u'\x1f' + table;
}

struct Classifier
{
    const QSet<QString> &reusedNames;
    const QSet<QString> &renamedTo;   // tableKey of every RenameTable's new name
    Phase phase = RawSql;
    Key key;

    void operator()(const CreateTable &op) { phase = CreateTables; key = {op.table.schema, op.table.name}; }
    // A table a rename replaced (moved aside to a name of its own) goes
    // before anything is created: its indexes, triggers and constraints
    // hold names the new table of its old name may take again.
    void operator()(const DropTable &op)
    {
        phase = renamedTo.contains(tableKey(op.schema, op.name)) ? DropReplacedTables : DropTables;
        key = {op.schema, op.name};
    }
    // In the Differ's order: a name taken over is freed first (Differ::renameTables).
    void operator()(const RenameTable &op) { phase = RenameTables; key = {op.schema}; }
    void operator()(const AddColumn &op) { phase = AddColumns; key = {op.schema, op.table}; }
    void operator()(const DropColumn &op)
    {
        phase = reusedNames.contains(columnKey(op.schema, op.table, op.column)) ? DropReusedColumns : DropColumns;
        key = {op.schema, op.table, op.column};
    }
    void operator()(const AlterColumn &op) { phase = AlterColumns; key = {op.schema, op.table, op.after.name}; }
    void operator()(const RenameColumn &op) { phase = RenameColumns; key = {op.schema, op.table}; }
    void operator()(const CreateIndex &op) { phase = CreateIndexes; key = {op.schema, op.table, op.index.name}; }
    void operator()(const DropIndex &op) { phase = DropIndexes; key = {op.schema, op.table, op.name}; }
    void operator()(const AddForeignKey &op)
    {
        phase = AddForeignKeys;
        key = {op.schema, op.table, op.foreignKey.name, op.foreignKey.columns.join(u',')};
    }
    void operator()(const DropForeignKey &op)
    {
        phase = DropForeignKeys;
        key = {op.schema, op.table, op.foreignKey.name, op.foreignKey.columns.join(u',')};
    }
    void operator()(const AddCheck &op) { phase = AddChecks; key = {op.schema, op.table, op.check.name, op.check.expression}; }
    void operator()(const DropCheck &op) { phase = DropChecks; key = {op.schema, op.table, op.check.name, op.check.expression}; }
    void operator()(const AddUnique &op) { phase = AddUniques; key = {op.schema, op.table, op.unique.name, op.unique.columns.join(u',')}; }
    void operator()(const DropUnique &op) { phase = DropUniques; key = {op.schema, op.table, op.unique.name, op.unique.columns.join(u',')}; }
    // A key only dropped goes before the column changes (a key column may
    // become nullable); a key set goes after the columns it needs exist.
    void operator()(const SetPrimaryKey &op) { phase = op.after ? SetPrimaryKeys : DropPrimaryKeys; key = {op.schema, op.table}; }
    void operator()(const CreateView &op) { phase = CreateViews; key = {op.view.schema, op.view.name}; }
    void operator()(const DropView &op) { phase = DropViews; key = {op.schema, op.name}; }
    void operator()(const CreateTrigger &op) { phase = CreateTriggers; key = {op.schema, op.table, op.trigger.name}; }
    void operator()(const DropTrigger &op) { phase = DropTriggers; key = {op.schema, op.table, op.name}; }
    void operator()(const CreateEnum &op) { phase = CreateEnums; key = {op.enumType.schema, op.enumType.name}; }
    void operator()(const DropEnum &op) { phase = DropEnums; key = {op.schema, op.name}; }
    void operator()(const AlterEnum &op) { phase = AlterEnums; key = {op.after.schema, op.after.name}; }
    void operator()(const RunSql &) { phase = RawSql; key = {}; }
    void operator()(const CreateNamespace &op) { phase = CreateNamespaces; key = {op.name}; }
    void operator()(const DropNamespace &op) { phase = DropNamespaces; key = {op.name}; }
};

// Kahn's algorithm over `items` (sorted by key): ready(i, done) says whether
// item i can go now; when none can, `breakCycle` is told the first remaining
// item, which then goes. Deterministic: the smallest ready key first.
template <typename Ready, typename Break>
QList<qsizetype> topological(qsizetype count, Ready ready, Break breakCycle)
{
    QList<qsizetype> order;
    std::vector<char> done(size_t(std::max<qsizetype>(count, 0)), 0);
    while (order.size() < count) {
        qsizetype pick = -1;
        for (qsizetype i = 0; i < count && pick < 0; ++i)
            if (!done.at(i) && ready(i, done))
                pick = i;
        if (pick < 0) {
            for (qsizetype i = 0; i < count && pick < 0; ++i)
                if (!done.at(i))
                    pick = i;
            breakCycle(pick, done);
        }
        done[pick] = true;
        order << pick;
    }
    return order;
}

void orderCreateTables(QList<Entry> &creates, QList<Entry> &addForeignKeys)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < creates.size(); ++i) {
        const Table &t = std::get<CreateTable>(creates.at(i).op).table;
        index.insert(tableKey(t.schema, t.name), i);
    }
    auto dependency = [&](qsizetype i, const ForeignKey &fk) -> qsizetype {
        const qsizetype j = index.value(tableKey(fk.refSchema, fk.refTable), -1);
        return j == i ? -1 : j;
    };
    const QList<qsizetype> order = topological(
        creates.size(),
        [&](qsizetype i, const std::vector<char> &done) {
            for (const ForeignKey &fk : std::get<CreateTable>(creates.at(i).op).table.foreignKeys)
                if (const qsizetype j = dependency(i, fk); j >= 0 && !done.at(j))
                    return false;
            return true;
        },
        [&](qsizetype i, const std::vector<char> &done) {
            // A cycle: create this table without the keys to tables not yet
            // created, add them once every table exists.
            Table &t = std::get<CreateTable>(creates[i].op).table;
            QList<ForeignKey> kept;
            for (const ForeignKey &fk : t.foreignKeys) {
                if (const qsizetype j = dependency(i, fk); j >= 0 && !done.at(j))
                    addForeignKeys << Entry{{t.schema, t.name, fk.name, fk.columns.join(u',')}, AddForeignKey{t.schema, t.name, fk}};
                else
                    kept << fk;
            }
            t.foreignKeys = kept;
        });
    QList<Entry> sorted;
    for (qsizetype i : order)
        sorted << creates.at(i);
    creates = sorted;
}

void orderDropTables(QList<Entry> &drops, QList<Entry> &dropForeignKeys, const Schema &before)
{
    QList<const Table *> tables;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < drops.size(); ++i) {
        const auto &op = std::get<DropTable>(drops.at(i).op);
        tables << before.table(op.name, op.schema);
        index.insert(tableKey(op.schema, op.name), i);
    }
    // Children first: a table goes when no remaining dropped table references it.
    QList<QList<qsizetype>> children(drops.size());
    for (qsizetype c = 0; c < drops.size(); ++c) {
        if (!tables.at(c))
            continue;
        for (const ForeignKey &fk : tables.at(c)->foreignKeys)
            if (const qsizetype p = index.value(tableKey(fk.refSchema, fk.refTable), -1); p >= 0 && p != c && !children[p].contains(c))
                children[p] << c;
    }
    const QList<qsizetype> order = topological(
        drops.size(),
        [&](qsizetype i, const std::vector<char> &done) {
            return std::all_of(children.at(i).begin(), children.at(i).end(), [&](qsizetype c) { return done.at(c); });
        },
        [&](qsizetype i, const std::vector<char> &done) {
            for (qsizetype c : children.at(i)) {
                if (done.at(c))
                    continue;
                const Table *child = tables.at(c);
                for (const ForeignKey &fk : child->foreignKeys)
                    if (index.value(tableKey(fk.refSchema, fk.refTable), -1) == i)
                        dropForeignKeys << Entry{{child->schema, child->name, fk.name, fk.columns.join(u',')},
                                                 DropForeignKey{child->schema, child->name, fk}};
            }
        });
    QList<Entry> sorted;
    for (qsizetype i : order)
        sorted << drops.at(i);
    drops = sorted;
}

// Views: `uses(i, j)` when view i's text names view j.
template <typename Definition>
void orderViews(QList<Entry> &views, Definition definition, bool dependenciesFirst)
{
    QList<QSet<QString>> names;
    QStringList own;
    for (const Entry &e : views) {
        names << SqlNames::identifiers(definition(e.op));
        own << e.key.last().toLower();
    }
    auto uses = [&](qsizetype i, qsizetype j) { return i != j && names.at(i).contains(own.at(j)); };
    const QList<qsizetype> order = topological(
        views.size(),
        [&](qsizetype i, const std::vector<char> &done) {
            for (qsizetype j = 0; j < views.size(); ++j)
                if (!done.at(j) && (dependenciesFirst ? uses(i, j) : uses(j, i)))
                    return false;
            return true;
        },
        [](qsizetype, const std::vector<char> &) {});
    QList<Entry> sorted;
    for (qsizetype i : order)
        sorted << views.at(i);
    views = sorted;
}

} // namespace

OperationList OperationOrder::order(const OperationList &ops, const Schema &before)
{
    QSet<QString> reused, renamedTo;
    for (const Operation &op : ops) {
        if (const auto *r = std::get_if<RenameColumn>(&op))
            reused.insert(columnKey(r->schema, r->table, r->to));
        else if (const auto *a = std::get_if<AddColumn>(&op))
            reused.insert(columnKey(a->schema, a->table, a->column.name));
        else if (const auto *t = std::get_if<RenameTable>(&op))
            renamedTo.insert(tableKey(t->schema, t->to));
    }
    std::vector<QList<Entry>> phases(PhaseCount);
    for (const Operation &op : ops) {
        Classifier c{reused, renamedTo, RawSql, {}};
        std::visit(c, op);
        phases[c.phase] << Entry{c.key, op};
    }
    for (QList<Entry> &p : phases)
        std::stable_sort(p.begin(), p.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });

    orderCreateTables(phases[CreateTables], phases[AddForeignKeys]);
    orderDropTables(phases[DropTables], phases[DropForeignKeys], before);
    for (Phase p : {AddForeignKeys, DropForeignKeys})
        std::stable_sort(phases[p].begin(), phases[p].end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });
    orderViews(phases[CreateViews], [](const Operation &op) { return std::get<CreateView>(op).view.definition; }, true);
    orderViews(
        phases[DropViews],
        [&](const Operation &op) {
            const auto &d = std::get<DropView>(op);
            const View *v = before.view(d.name, d.schema);
            return v ? v->definition : QString();
        },
        false);

    OperationList out;
    out.reserve(ops.size());
    for (const QList<Entry> &p : phases)
        for (const Entry &e : p)
            out << e.op;
    return out;
}

Result<QList<RenameTable>> OperationOrder::tableRenames(QList<RenameTable> renames, const QSet<QString> &replaced, const Schema &before,
                                                        const Schema &after)
{
    std::stable_sort(renames.begin(), renames.end(),
                     [](const RenameTable &a, const RenameTable &b) { return std::pair(a.schema, a.from) < std::pair(b.schema, b.from); });
    QSet<QString> present, sources;
    for (const Table &t : before.tables)
        present.insert(tableKey(t.schema, t.name));
    for (const RenameTable &r : std::as_const(renames))
        sources.insert(tableKey(r.schema, r.from));
    QList<RenameTable> out;
    auto rename = [&](const QString &ns, const QString &from, const QString &to) {
        out << RenameTable{ns, from, to};
        present.remove(tableKey(ns, from));
        present.insert(tableKey(ns, to));
    };
    // A free name of its own for a table that moves out of the way: kept
    // within 63 characters (PostgreSQL's and MySQL's limit).
    auto asideName = [&](const QString &ns, const QString &name, const QString &suffix) {
        QString aside = name.left(63 - suffix.size() - 4) + suffix;
        while (present.contains(tableKey(ns, aside)) || after.table(aside, ns))
            aside += u'_';
        return aside;
    };
    for (const RenameTable &r : std::as_const(renames)) {
        const QString to = tableKey(r.schema, r.to);
        if (!present.contains(to) || sources.contains(to))
            continue;
        if (!replaced.contains(to))
            return fail(Error::Category::Internal, QStringLiteral("the table rename %1 -> %2 takes the name of a table that stays").arg(r.from, r.to));
        rename(r.schema, r.to, asideName(r.schema, r.to, QStringLiteral("_covet_replaced")));
    }
    while (!renames.isEmpty()) {
        qsizetype pick = -1;
        for (qsizetype i = 0; i < renames.size() && pick < 0; ++i)
            if (!present.contains(tableKey(renames.at(i).schema, renames.at(i).to)))
                pick = i;
        if (pick < 0) {
            // A cycle (tables swapping names, as a person's decisions can
            // ask): one of them goes through a temporary name.
            RenameTable &r = renames.first();
            const QString temp = asideName(r.schema, r.from, QStringLiteral("_covet_tmp"));
            rename(r.schema, r.from, temp);
            r.from = temp;
            continue;
        }
        const RenameTable r = renames.takeAt(pick);
        rename(r.schema, r.from, r.to);
    }
    return out;
}

} // namespace covet
