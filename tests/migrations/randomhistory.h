#pragma once
// Random migration histories for the squash property test and bench_squash:
// every operation kind (renames included), each valid where it is applied
// (the generator applies it to its own schema as it goes). The first
// migration creates base tables that a test fills with rows; later
// operations keep such rows valid (added columns nullable or defaulted,
// type changes only widen, new constraints only on new columns).

#include "migrations/migration.h"
#include "operations/operationapplier.h"

#include <QRandomGenerator>

namespace covet::test {

struct RandomHistoryOptions
{
    int migrations = 12;
    int maxOpsPerMigration = 4;
    bool triggers = true;    // in-memory only: trigger bodies are dialect-specific
    bool enums = true;       // PostgreSQL only on a real server
    bool views = true;
    bool runSql = true;      // run_sql (elidable or not) doing nothing to the schema: data fix-ups of a table, SELECT 1
    // "realistic": mostly tables created and then grown (the shape of a
    // long-lived project); otherwise every kind equally often.
    bool realistic = false;
};

class RandomHistory
{
public:
    RandomHistory(quint32 seed, const RandomHistoryOptions &options) : m_rng(seed), m_options(options) {}

    QList<Migration> generate()
    {
        QList<Migration> out;
        Migration base = make(1);
        for (int i = 0; i < 2; ++i) {
            const Table t = newTable();
            m_base << t.name;
            push(base, CreateTable{t});
        }
        out << base;
        for (int n = 2; n <= m_options.migrations + 1; ++n) {
            Migration m = make(n);
            const int ops = 1 + int(m_rng.bounded(m_options.maxOpsPerMigration));
            for (int i = 0; i < ops; ++i)
                step(m);
            if (m.operations.isEmpty())
                push(m, CreateTable{newTable()});
            out << m;
        }
        return out;
    }
    const Schema &schema() const { return m_schema; }
    // The tables of the first migration (never dropped, renamed or shrunk).
    const QStringList &baseTables() const { return m_base; }

private:
    Migration make(int n)
    {
        Migration m;
        m.number = n;
        m.name = QStringLiteral("m%1").arg(n);
        m.id = Migration::makeId(n, m.name);
        if (n > 1)
            m.dependencies = {Migration::makeId(n - 1, QStringLiteral("m%1").arg(n - 1))};
        m.dependenciesDeclared = true;
        return m;
    }
    void push(Migration &m, const Operation &op)
    {
        if (OperationApplier::apply(m_schema, op))
            m.operations << op;
    }
    QString fresh(const char *prefix) { return QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(++m_counter); }
    Column column(const QString &name)
    {
        Column c;
        c.name = name;
        c.type = m_rng.bounded(2) ? SqlType(SqlType::Kind::Integer) : SqlType::varchar(20);
        if (m_rng.bounded(4) == 0)
            c.defaultExpr = c.type.kind() == SqlType::Kind::Integer ? QStringLiteral("0") : QStringLiteral("'x'");
        return c;
    }
    Table newTable()
    {
        Table t;
        t.name = fresh("t");
        Column id;
        id.name = QStringLiteral("id");
        id.type = SqlType(SqlType::Kind::Integer);
        id.nullable = false;
        t.columns << id << column(fresh("c"));
        t.primaryKey = PrimaryKey{t.name + QStringLiteral("_pkey"), {QStringLiteral("id")}};
        return t;
    }
    const Table *anyTable()
    {
        if (m_schema.tables.isEmpty())
            return nullptr;
        return &m_schema.tables.at(qsizetype(m_rng.bounded(int(m_schema.tables.size()))));
    }
    // Whether a view or another table's foreign key names the table: the
    // databases refuse to drop it, or break the view when it is renamed.
    bool referenced(const Table &t) const
    {
        for (const View &v : m_schema.views)
            if (v.definition.endsWith(u' ' + t.name))
                return true;
        for (const Table &o : m_schema.tables)
            for (const ForeignKey &fk : o.foreignKeys)
                if (fk.refTable == t.name && o.name != t.name)
                    return true;
        return false;
    }
    // Whether an index, a constraint or a trigger uses the column.
    static bool used(const Table &t, const QString &column)
    {
        for (const Index &i : t.indexes)
            if (i.columnNames().contains(column))
                return true;
        for (const UniqueConstraint &u : t.uniques)
            if (u.columns.contains(column))
                return true;
        for (const ForeignKey &fk : t.foreignKeys)
            if (fk.columns.contains(column))
                return true;
        for (const Check &c : t.checks)
            if (c.expression.contains(column))
                return true;
        return false;
    }
    // A column the generator added (never id) that nothing uses: safe to change or drop.
    std::optional<Column> ownColumn(const Table &t)
    {
        QList<Column> own;
        for (const Column &c : t.columns)
            if (c.name != u"id" && !used(t, c.name))
                own << c;
        if (own.isEmpty())
            return std::nullopt;
        return own.at(qsizetype(m_rng.bounded(int(own.size()))));
    }
    bool isBase(const Table &t) const { return baseTables().contains(t.name); }

    void step(Migration &m)
    {
        const int kinds = 17;
        int k = int(m_rng.bounded(kinds));
        if (m_options.realistic) {
            // The shape of a long-lived project: tables created, then grown
            // (columns, indexes, foreign keys, constraints), some alters and
            // renames, few drops, views, triggers and enum changes now and
            // then, and a run_sql about every 150 operations (an UPDATE of
            // a table's own column, sometimes a SELECT 1; half of them
            // marked elidable).
            static const int weights[] = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 7, 7, 7, 7, 7, 9, 9, 9, 9,
                                          11, 11, 11, 5, 5, 5, 5, 5, 6, 3, 4, 4, 8, 12, 10, 13, 14, 15, 15, 1, 1, 7, 1};
            k = m_rng.bounded(150) == 0 ? 16 : weights[m_rng.bounded(int(std::size(weights)))];
        }
        const Table *t = anyTable();
        if (!t || k == 0) {
            push(m, CreateTable{newTable()});
            return;
        }
        const QString tn = t->name;
        const bool base = isBase(*t);
        switch (k) {
        case 1: push(m, AddColumn{{}, tn, column(fresh("c"))}); break;
        case 2:
            if (!base && !referenced(*t))
                push(m, DropTable{{}, tn});
            break;
        case 3:
            if (!base && !referenced(*t))
                push(m, RenameTable{{}, tn, fresh("t")});
            break;
        case 4:
            if (auto c = ownColumn(*t); c && !base)
                push(m, DropColumn{{}, tn, c->name});
            break;
        case 5:
            if (auto c = ownColumn(*t)) {
                Column after = *c;
                // Widen only: the rows stay valid.
                after.type = c->type.kind() == SqlType::Kind::Integer ? SqlType(SqlType::Kind::BigInt) : SqlType::varchar(200);
                if (c->type.kind() == SqlType::Kind::BigInt || c->type.length() == 200)
                    after.comment = fresh("note");
                AlterColumn a;
                a.table = tn;
                a.before = *c;
                a.after = after;
                push(m, a);
            }
            break;
        case 6:
            if (auto c = ownColumn(*t); c && !base)
                push(m, RenameColumn{{}, tn, c->name, fresh("c")});
            break;
        case 7:
            if (auto c = ownColumn(*t)) {
                Index i;
                i.name = fresh("ix");
                i.parts << IndexPart{c->name, {}, false, -1};
                push(m, CreateIndex{{}, tn, i});
            }
            break;
        case 8:
            if (!t->indexes.isEmpty())
                push(m, DropIndex{{}, tn, t->indexes.first().name});
            break;
        case 9: {
            const Table *ref = anyTable();
            const QString c = fresh("c");
            Column fkCol;
            fkCol.name = c;
            fkCol.type = SqlType(SqlType::Kind::Integer);
            push(m, AddColumn{{}, tn, fkCol});
            ForeignKey fk;
            fk.name = fresh("fk");
            fk.columns = {c};
            fk.refTable = ref->name;
            fk.refColumns = {QStringLiteral("id")};
            push(m, AddForeignKey{{}, tn, fk});
            break;
        }
        case 10:
            if (!t->foreignKeys.isEmpty())
                push(m, DropForeignKey{{}, tn, t->foreignKeys.first()});
            break;
        case 11: {
            const QString c = fresh("c");
            Column n;
            n.name = c;
            n.type = SqlType(SqlType::Kind::Integer);
            push(m, AddColumn{{}, tn, n});
            if (m_rng.bounded(2))
                push(m, AddCheck{{}, tn, Check{fresh("ck"), c + QStringLiteral(" IS NULL OR ") + c + QStringLiteral(" > 0")}});
            else
                push(m, AddUnique{{}, tn, UniqueConstraint{fresh("uq"), {c}}});
            break;
        }
        case 12:
            if (!t->checks.isEmpty())
                push(m, DropCheck{{}, tn, t->checks.first()});
            else if (!t->uniques.isEmpty())
                push(m, DropUnique{{}, tn, t->uniques.first()});
            break;
        case 13:
            if (m_options.views) {
                if (!m_schema.views.isEmpty() && m_rng.bounded(2))
                    push(m, DropView{{}, m_schema.views.first().name});
                else
                    push(m, CreateView{View{{}, fresh("v"), QStringLiteral("SELECT id FROM ") + tn, false}});
            }
            break;
        case 14:
            if (m_options.triggers) {
                if (!t->triggers.isEmpty()) {
                    push(m, DropTrigger{{}, tn, t->triggers.first().name});
                } else {
                    Trigger tr;
                    tr.name = fresh("tr");
                    tr.timing = QStringLiteral("AFTER");
                    tr.events = {QStringLiteral("INSERT")};
                    tr.body = QStringLiteral("SELECT 1");
                    push(m, CreateTrigger{{}, tn, tr});
                }
            }
            break;
        case 15:
            if (m_options.enums) {
                if (m_schema.enums.isEmpty() || m_rng.bounded(3) == 0) {
                    push(m, CreateEnum{EnumType{{}, fresh("mood"), {QStringLiteral("a")}}});
                } else {
                    EnumType before = m_schema.enums.last();
                    EnumType after = before;
                    after.values << fresh("v");
                    push(m, AlterEnum{before, after});
                }
            }
            break;
        case 16:
            if (m_options.runSql) {
                // A data fix-up of an existing table's own column (the
                // usual run_sql: UPDATE ... SET col = ...), now and then a
                // bare SELECT 1. The names are plain lower-case words, the
                // same unquoted on every server.
                RunSql r;
                r.forward = QStringLiteral("SELECT 1");
                if (auto c = ownColumn(*t); c && m_rng.bounded(4) != 0)
                    r.forward = QStringLiteral("UPDATE %1 SET %2 = %2 WHERE id > 0").arg(tn, c->name);
                r.reverse = QStringLiteral("SELECT 1");
                r.elidable = m_rng.bounded(2) == 0;
                push(m, r);
            }
            break;
        default: break;
        }
    }

    QRandomGenerator m_rng;
    RandomHistoryOptions m_options;
    Schema m_schema;
    int m_counter = 10;
    QStringList m_base;
};

} // namespace covet::test
