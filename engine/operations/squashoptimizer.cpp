#include "squashoptimizer.h"

#include "operationapplier.h"
#include "operationfootprint.h"
#include "operationjson.h"

#include <QHash>

#include <functional>
#include <set>

namespace covet {

namespace {

struct Slot
{
    Operation op;
    OperationFootprint fp;
    QString table;   // OperationFootprint::targetTable
    bool live = true;
};

template <typename T>
const T *as(const Slot &s) { return std::get_if<T>(&s.op); }

bool sameForeignKey(const ForeignKey &added, const ForeignKey &dropped)
{
    if (!dropped.name.isEmpty())
        return added.name == dropped.name;
    return added.columns == dropped.columns && (dropped.refTable.isEmpty() || added.refTable == dropped.refTable);
}

bool isMemberOp(const Operation &op)
{
    return std::holds_alternative<AddColumn>(op) || std::holds_alternative<DropColumn>(op) || std::holds_alternative<AlterColumn>(op)
           || std::holds_alternative<RenameColumn>(op) || std::holds_alternative<CreateIndex>(op) || std::holds_alternative<DropIndex>(op)
           || std::holds_alternative<AddForeignKey>(op) || std::holds_alternative<DropForeignKey>(op) || std::holds_alternative<AddCheck>(op)
           || std::holds_alternative<DropCheck>(op) || std::holds_alternative<AddUnique>(op) || std::holds_alternative<DropUnique>(op)
           || std::holds_alternative<SetPrimaryKey>(op) || std::holds_alternative<CreateTrigger>(op) || std::holds_alternative<DropTrigger>(op);
}

// An operation that drops or replaces an object of a table by its name
// alone (so it does not name the columns the object uses).
bool dropsNamedObject(const Operation &op)
{
    return std::holds_alternative<DropIndex>(op) || std::holds_alternative<DropUnique>(op) || std::holds_alternative<DropForeignKey>(op)
           || std::holds_alternative<DropCheck>(op) || std::holds_alternative<DropTrigger>(op) || std::holds_alternative<SetPrimaryKey>(op);
}

// Two alter_column of one column as one, when no stored value can come out
// different (see the class comment); nullopt when they must stay two.
std::optional<AlterColumn> mergedAlter(const AlterColumn &a, const AlterColumn &b)
{
    if (!a.usingExpr.isEmpty() || !b.usingExpr.isEmpty() || a.allowLossy || b.allowLossy)
        return std::nullopt;
    if (a.before.type != a.after.type && b.before.type != b.after.type)
        return std::nullopt;
    const bool firstTightens = a.before.nullable && !a.after.nullable;
    if (firstTightens && a.after.defaultExpr != b.after.defaultExpr)
        return std::nullopt;
    AlterColumn m = b;
    m.before = a.before;
    return m;
}

class Pass
{
public:
    Pass(SquashedOperations &result, const DialectCapabilities &caps) : m_result(result), m_caps(caps) {}

    // fp: the operation's footprint (OperationFootprint::of, with the schema
    // before it when known).
    void feed(const Operation &op, const OperationFootprint &fp);
    OperationList output() const
    {
        OperationList out;
        for (const Slot &s : m_slots)
            if (s.live)
                out << s.op;
        return out;
    }

private:
    bool blocked(const OperationFootprint &fp, int after) const;
    std::set<int> candidates(const OperationFootprint &fp, int after) const;
    bool pairClear(int q, const Slot &x, const QStringList &names, bool keepColumnOrder = false) const;
    void add(Slot slot);
    void kill(int pos);
    void replace(int pos, const Operation &op);
    void index(int pos, bool insert);
    void count(const QString &rule, int n = 1) { m_result.rules[rule] += n; }

    bool foldIntoCreate(const Slot &x);
    bool pairWithEarlier(const Slot &x);
    bool dropDeadOps(const Slot &x);
    int findMember(const QString &table, int limit, const std::function<bool(const Slot &)> &match) const;

    SquashedOperations &m_result;
    const DialectCapabilities &m_caps;
    QList<Slot> m_slots;
    int m_floor = -1;   // the last barrier: nothing moves before it
    QHash<QString, std::set<int>> m_writers;
    QHash<QString, std::set<int>> m_readers;
    std::set<int> m_anyIndex;    // positions of ops that may drop unnamed indexes
    std::set<int> m_indexNames;  // positions of ops with an "i:" key
    std::set<int> m_viewTouch;   // positions of ops with a "v:" key
    std::set<int> m_colRename;   // positions of rename_column
    QHash<QString, int> m_creator;          // table key -> live create_table
    QHash<QString, QList<int>> m_members;   // table key -> positions of ops on it (live or not)
    QHash<QString, int> m_named;            // "view:" / "enum:" / "rename:" key -> live position
};

bool later(const std::set<int> &s, int after) { return s.upper_bound(after) != s.end(); }

bool Pass::blocked(const OperationFootprint &fp, int after) const
{
    if (after <= m_floor)
        return true;
    for (const QString &k : fp.writes) {
        if (later(m_writers.value(k), after) || later(m_readers.value(k), after))
            return true;
        if (k.startsWith(QLatin1String("i:")) && later(m_anyIndex, after))
            return true;
        if (k.startsWith(QLatin1String("v:")) && later(m_colRename, after))
            return true;
    }
    for (const QString &k : fp.reads) {
        if (later(m_writers.value(k), after))
            return true;
        if (k.startsWith(QLatin1String("v:")) && later(m_colRename, after))
            return true;
    }
    if (fp.anyIndex && (later(m_indexNames, after) || later(m_anyIndex, after)))
        return true;
    if (fp.writes.contains(QStringLiteral("v:.*")) && later(m_viewTouch, after))
        return true;
    return false;
}

void Pass::index(int pos, bool insert)
{
    const Slot &s = m_slots.at(pos);
    const auto put = [&](std::set<int> &set) {
        if (insert)
            set.insert(pos);
        else
            set.erase(pos);
    };
    bool indexKey = false;
    bool viewKey = false;
    for (const QString &k : s.fp.writes) {
        put(m_writers[k]);
        indexKey = indexKey || k.startsWith(QLatin1String("i:"));
        viewKey = viewKey || k.startsWith(QLatin1String("v:"));
    }
    for (const QString &k : s.fp.reads) {
        put(m_readers[k]);
        viewKey = viewKey || k.startsWith(QLatin1String("v:"));
    }
    if (s.fp.anyIndex)
        put(m_anyIndex);
    if (indexKey)
        put(m_indexNames);
    if (viewKey)
        put(m_viewTouch);
    if (s.fp.writes.contains(QStringLiteral("v:.*")))
        put(m_colRename);   // a column rename that may rewrite any view
}

void Pass::add(Slot slot)
{
    const int pos = int(m_slots.size());
    m_slots << std::move(slot);
    const Slot &s = m_slots.last();
    index(pos, true);
    if (const auto *c = as<CreateTable>(s))
        m_creator.insert(OperationFootprint::tableKey(c->table.schema, c->table.name), pos);
    else if (const auto *v = as<CreateView>(s))
        m_named.insert(QStringLiteral("view:") + OperationFootprint::tableKey(v->view.schema, v->view.name), pos);
    else if (const auto *e = as<CreateEnum>(s))
        m_named.insert(QStringLiteral("enum:") + OperationFootprint::tableKey(e->enumType.schema, e->enumType.name), pos);
    else if (const auto *r = as<RenameTable>(s))
        m_named.insert(QStringLiteral("rename:") + OperationFootprint::tableKey(r->schema, r->to), pos);
    if (!s.table.isEmpty() && isMemberOp(s.op))
        m_members[s.table] << pos;
}

void Pass::kill(int pos)
{
    index(pos, false);
    m_slots[pos].live = false;
}

void Pass::replace(int pos, const Operation &op)
{
    index(pos, false);
    Slot &s = m_slots[pos];
    s.op = op;
    s.fp = OperationFootprint::of(op);
    s.table = OperationFootprint::targetTable(op);
    index(pos, true);
}

// The live operations after `after` that may clash with fp: those the
// indexes list for its keys (a barrier is m_floor's business), in order.
std::set<int> Pass::candidates(const OperationFootprint &fp, int after) const
{
    std::set<int> out;
    const auto take = [&](const std::set<int> &s) { out.insert(s.upper_bound(after), s.end()); };
    bool indexKey = false;
    bool viewKey = false;
    for (const QString &k : fp.writes) {
        take(m_writers.value(k));
        take(m_readers.value(k));
        indexKey = indexKey || k.startsWith(QLatin1String("i:"));
        viewKey = viewKey || k.startsWith(QLatin1String("v:"));
    }
    for (const QString &k : fp.reads) {
        take(m_writers.value(k));
        viewKey = viewKey || k.startsWith(QLatin1String("v:"));
    }
    if (indexKey || fp.anyIndex)
        take(m_anyIndex);
    if (fp.anyIndex)
        take(m_indexNames);
    if (viewKey)
        take(m_colRename);
    if (fp.writes.contains(QStringLiteral("v:.*")))
        take(m_viewTouch);
    return out;
}

// Whether x can meet the operation at q: every live operation in between
// commutes with x, or is on the same table and names none of `names`. Only
// the operations the indexes list are looked at, so the distance is free.
bool Pass::pairClear(int q, const Slot &x, const QStringList &names, bool keepColumnOrder) const
{
    if (q <= m_floor)
        return false;
    for (const int i : candidates(x.fp, q)) {
        const Slot &y = m_slots.at(i);
        if (!y.live || !y.fp.clashesWith(x.fp))
            continue;
        if (keepColumnOrder && y.table == x.table && std::holds_alternative<AddColumn>(y.op))
            return false;   // x would land before it: the column order would change
        if (std::holds_alternative<DropColumn>(x.op) && y.table == x.table && dropsNamedObject(y.op))
            return false;   // what y drops (by its name) may use the column: x would take it first
        if (y.table == x.table && isMemberOp(y.op) && !OperationFootprint::mentions(y.op, names))
            continue;
        return false;
    }
    return true;
}

int Pass::findMember(const QString &table, int limit, const std::function<bool(const Slot &)> &match) const
{
    const QList<int> positions = m_members.value(table);
    for (qsizetype i = positions.size() - 1; i >= 0; --i) {
        const int pos = positions.at(i);
        if (pos <= limit)
            return -1;
        if (m_slots.at(pos).live && match(m_slots.at(pos)))
            return pos;
    }
    return -1;
}

bool Pass::foldIntoCreate(const Slot &x)
{
    if (x.table.isEmpty())
        return false;
    const auto it = m_creator.constFind(x.table);
    if (it == m_creator.cend() || !m_slots.at(*it).live)
        return false;
    const int p = *it;
    // Past operations on the same table that name nothing x names (and do
    // not fix the column order x would change) it may still move.
    if (blocked(x.fp, p)
        && (!isMemberOp(x.op) || !pairClear(p, x, OperationFootprint::names(x.op), std::holds_alternative<AddColumn>(x.op))))
        return false;
    Schema mini;
    mini.tables << std::get<CreateTable>(m_slots.at(p).op).table;
    if (!OperationApplier::apply(mini, x.op))
        return false;
    if (mini.tables.isEmpty()) {
        m_creator.remove(x.table);
        kill(p);
        count(QStringLiteral("create_table + drop_table cancelled"));
        return true;
    }
    const Table &t = mini.tables.first();
    if (std::holds_alternative<RenameTable>(x.op)) {
        m_creator.remove(x.table);
        m_creator.insert(OperationFootprint::tableKey(t.schema, t.name), p);
        count(QStringLiteral("rename_table folded into create_table"));
    } else {
        count(OperationJson::name(x.op) + QStringLiteral(" folded into create_table"));
    }
    replace(p, CreateTable{t});
    return true;
}

bool Pass::pairWithEarlier(const Slot &x)
{
    const QString rule = QStringLiteral("%1 + %2 cancelled");
    // Cancels x against the live member op `match` finds, when nothing in between names `names`.
    const auto cancel = [&](const std::function<bool(const Slot &)> &match, const QStringList &names, const QString &label) {
        const int q = findMember(x.table, m_floor, match);
        if (q < 0 || !pairClear(q, x, names))
            return false;
        kill(q);
        count(label);
        return true;
    };
    if (const auto *d = std::get_if<DropColumn>(&x.op)) {
        return cancel([&](const Slot &s) { const auto *a = as<AddColumn>(s); return a && a->column.name == d->column; }, {d->column},
                      rule.arg(QStringLiteral("add_column"), QStringLiteral("drop_column")));
    }
    if (const auto *d = std::get_if<DropIndex>(&x.op)) {
        return cancel([&](const Slot &s) { const auto *a = as<CreateIndex>(s); return a && a->index.name == d->name; }, {d->name},
                      rule.arg(QStringLiteral("create_index"), QStringLiteral("drop_index")));
    }
    if (const auto *d = std::get_if<DropForeignKey>(&x.op)) {
        QStringList names = d->foreignKey.columns;
        if (!d->foreignKey.name.isEmpty())
            names << d->foreignKey.name;
        return cancel([&](const Slot &s) { const auto *a = as<AddForeignKey>(s); return a && sameForeignKey(a->foreignKey, d->foreignKey); },
                      names, rule.arg(QStringLiteral("add_foreign_key"), QStringLiteral("drop_foreign_key")));
    }
    if (const auto *d = std::get_if<DropCheck>(&x.op)) {
        if (d->check.name.isEmpty())
            return false;
        return cancel([&](const Slot &s) { const auto *a = as<AddCheck>(s); return a && a->check.name == d->check.name; }, {d->check.name},
                      rule.arg(QStringLiteral("add_check"), QStringLiteral("drop_check")));
    }
    if (const auto *d = std::get_if<DropUnique>(&x.op)) {
        if (d->unique.name.isEmpty())
            return false;
        return cancel([&](const Slot &s) { const auto *a = as<AddUnique>(s); return a && a->unique.name == d->unique.name; },
                      {d->unique.name}, rule.arg(QStringLiteral("add_unique"), QStringLiteral("drop_unique")));
    }
    if (const auto *d = std::get_if<DropTrigger>(&x.op)) {
        return cancel([&](const Slot &s) { const auto *a = as<CreateTrigger>(s); return a && a->trigger.name == d->name; }, {d->name},
                      rule.arg(QStringLiteral("create_trigger"), QStringLiteral("drop_trigger")));
    }
    if (const auto *r = std::get_if<RenameColumn>(&x.op)) {
        const QStringList names{r->from, r->to};
        const int q = findMember(x.table, m_floor, [&](const Slot &s) {
            const auto *a = as<AddColumn>(s);
            const auto *rc = as<RenameColumn>(s);
            return (a && a->column.name == r->from) || (rc && rc->to == r->from);
        });
        if (q < 0 || !pairClear(q, x, names))
            return false;
        if (const auto *a = as<AddColumn>(m_slots.at(q))) {
            AddColumn renamed = *a;
            renamed.column.name = r->to;
            replace(q, renamed);
            count(QStringLiteral("rename_column folded into add_column"));
            return true;
        }
        const RenameColumn first = std::get<RenameColumn>(m_slots.at(q).op);
        if (!pairClear(q, x, names + QStringList{first.from}))
            return false;
        if (first.from == r->to) {
            kill(q);
            count(QStringLiteral("rename_column chain back to its start cancelled"));
        } else {
            replace(q, RenameColumn{r->schema, r->table, first.from, r->to});
            count(QStringLiteral("rename_column chain collapsed"));
        }
        return true;
    }
    if (const auto *b = std::get_if<AlterColumn>(&x.op)) {
        const QString column = b->before.name;
        if (b->after.name != column)
            return false;
        const int q = findMember(x.table, m_floor, [&](const Slot &s) {
            const auto *a = as<AddColumn>(s);
            const auto *al = as<AlterColumn>(s);
            return (a && a->column.name == column) || (al && al->after.name == column);
        });
        if (q < 0 || !pairClear(q, x, {column}))
            return false;
        if (const auto *a = as<AddColumn>(m_slots.at(q))) {
            // Existing rows get the added column's default (or NULL): the
            // same value only when the default stays and the type keeps it.
            const bool sameRows = a->backfill.isEmpty() && !a->column.isGenerated() && !b->allowLossy && b->usingExpr.isEmpty()
                                  && a->column.defaultExpr == b->after.defaultExpr
                                  && (!a->column.defaultExpr || a->column.type == b->after.type)
                                  && (b->after.nullable || b->after.defaultExpr);
            if (!sameRows || a->column != b->before)
                return false;
            AddColumn merged = *a;
            merged.column = b->after;
            replace(q, merged);
            count(QStringLiteral("alter_column folded into add_column"));
            return true;
        }
        const auto merged = mergedAlter(std::get<AlterColumn>(m_slots.at(q).op), *b);
        if (!merged)
            return false;
        if (merged->before == merged->after) {
            kill(q);
            count(QStringLiteral("alter_column back to its start cancelled"));
        } else {
            replace(q, *merged);
            count(QStringLiteral("alter_column kept its last definition"));
        }
        return true;
    }
    return false;
}

// A table dropped in the range: what was done to it before (in the range,
// after the last barrier) is left out.
bool Pass::dropDeadOps(const Slot &x)
{
    if (!std::holds_alternative<DropTable>(x.op))
        return false;
    const QList<int> positions = m_members.value(x.table);
    int removed = 0;
    for (qsizetype i = positions.size() - 1; i >= 0; --i) {
        const int pos = positions.at(i);
        if (pos <= m_floor)
            break;
        if (!m_slots.at(pos).live)
            continue;
        if (blocked(m_slots.at(pos).fp, pos))
            break;
        kill(pos);
        ++removed;
    }
    if (removed > 0)
        count(QStringLiteral("operations on a table dropped later left out"), removed);
    return false;   // the drop itself stays
}

void Pass::feed(const Operation &op, const OperationFootprint &fp)
{
    Slot x{op, fp, OperationFootprint::targetTable(op)};
    if (const auto *sql = std::get_if<RunSql>(&op)) {
        if (sql->elidable) {
            ++m_result.elided;
            count(QStringLiteral("elidable run_sql left out"));
            return;
        }
        ++m_result.barriers;
        if (!x.fp.barrier)
            ++m_result.scoped;
    }
    if (x.fp.barrier) {
        add(std::move(x));
        m_floor = int(m_slots.size()) - 1;
        return;
    }
    const bool keep = m_caps.foreignKeyLeavesIndex && std::holds_alternative<DropForeignKey>(op);
    if (!keep && (foldIntoCreate(x) || pairWithEarlier(x)))
        return;
    dropDeadOps(x);
    if (const auto *r = std::get_if<RenameTable>(&op)) {
        const auto it = m_named.constFind(QStringLiteral("rename:") + x.table);
        if (it != m_named.cend() && m_slots.at(*it).live && !blocked(x.fp, *it)) {
            const RenameTable first = std::get<RenameTable>(m_slots.at(*it).op);
            const int q = *it;
            m_named.remove(QStringLiteral("rename:") + x.table);
            if (first.from == r->to) {
                kill(q);
                count(QStringLiteral("rename_table chain back to its start cancelled"));
            } else {
                replace(q, RenameTable{r->schema, first.from, r->to});
                m_named.insert(QStringLiteral("rename:") + OperationFootprint::tableKey(r->schema, r->to), q);
                count(QStringLiteral("rename_table chain collapsed"));
            }
            return;
        }
    }
    if (const auto *v = std::get_if<DropView>(&op)) {
        const QString key = QStringLiteral("view:") + OperationFootprint::tableKey(v->schema, v->name);
        const auto it = m_named.constFind(key);
        if (it != m_named.cend() && m_slots.at(*it).live && !blocked(x.fp, *it)) {
            kill(*it);
            m_named.remove(key);
            count(QStringLiteral("create_view + drop_view cancelled"));
            return;
        }
    }
    const auto enumName = [](const Operation &o) -> std::optional<QString> {
        if (const auto *a = std::get_if<AlterEnum>(&o))
            return OperationFootprint::tableKey(a->after.schema, a->after.name);
        if (const auto *d = std::get_if<DropEnum>(&o))
            return OperationFootprint::tableKey(d->schema, d->name);
        return std::nullopt;
    };
    if (const auto name = enumName(op)) {
        const QString key = QStringLiteral("enum:") + *name;
        const auto it = m_named.constFind(key);
        if (it != m_named.cend() && m_slots.at(*it).live && !blocked(x.fp, *it)) {
            const int q = *it;
            if (const auto *a = std::get_if<AlterEnum>(&op)) {
                CreateEnum created = std::get<CreateEnum>(m_slots.at(q).op);
                created.enumType.values = a->after.values;
                replace(q, created);
                count(QStringLiteral("alter_enum folded into create_enum"));
            } else {
                kill(q);
                m_named.remove(key);
                count(QStringLiteral("create_enum + drop_enum cancelled"));
            }
            return;
        }
    }
    add(std::move(x));
}

} // namespace

SquashedOperations SquashOptimizer::optimize(const OperationList &operations, const DialectCapabilities &capabilities, const Schema *before)
{
    SquashedOperations result;
    OperationList current = operations;
    // Each pass may open the way for another (an operation held back by one
    // that a later rule removed); stop when a pass changes nothing.
    for (int round = 0; round < 8; ++round) {
        SquashedOperations pass;
        Pass p(pass, capabilities);
        // Footprints read on the schema each operation runs on (what a
        // run_sql may touch, which indexes a drop takes), replaying the list
        // of this round from `before`; without it, the plain footprints.
        std::optional<Schema> state;
        if (before)
            state = *before;
        for (const Operation &op : std::as_const(current)) {
            p.feed(op, state ? OperationFootprint::of(op, *state) : OperationFootprint::of(op));
            if (state && !OperationApplier::apply(*state, op))
                state.reset();
        }
        OperationList next = p.output();
        for (auto it = pass.rules.cbegin(); it != pass.rules.cend(); ++it)
            result.rules[it.key()] += it.value();
        result.elided += pass.elided;
        if (round == 0) {
            result.barriers = pass.barriers;
            result.scoped = pass.scoped;
        }
        const bool changed = next != current;
        current = std::move(next);
        if (!changed)
            break;
    }
    result.operations = current;
    return result;
}

} // namespace covet
