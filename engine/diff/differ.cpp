#include "differ.h"
#include "../schema/sqlnames.h"

#include "../operations/operationapplier.h"
#include "operationorder.h"
#include "renamedetector.h"
#include "schemanormalizer.h"

#include <QHash>
#include <QSet>

namespace covet {

namespace {

QString tkey(const QString &ns, const QString &name)
{
    return ns + u'\x1f' + name;
}

class DiffRun
{
public:
    DiffRun(const Schema &from, const Schema &to, const DiffOptions &options)
        : m_norm(to.dialect ? to.dialect : from.dialect), m_options(options)
    {
        m_to = m_norm.comparable(to);
        m_from = m_norm.alignedActual(m_norm.comparable(from), m_to);
        m_work = m_from;
    }

    Result<DiffResult> run()
    {
        if (auto ok = renames(); !ok)
            return std::unexpected(ok.error());
        // With the renames applied, what the database made by itself for the
        // renamed columns (MySQL's implicit foreign-key indexes) is seen again.
        // (MySQL only: elsewhere alignedActual does nothing a rename changes.)
        if (!m_columnRenames.isEmpty() && (m_to.dialect ? m_to.dialect : m_from.dialect) == Dialect::MySQL) {
            m_work = m_norm.alignedActual(m_work, m_to);
            m_workIndex.clear();
        }
        compare();
        DiffResult result;
        result.operations = OperationOrder::order(m_ops, m_work);
        result.renameCandidates = m_candidates;
        // Internal consistency: the plan must apply to the source schema, each
        // operation naming things as they are at its point in the sequence.
        if (auto applied = OperationApplier::applyAll(m_from, result.operations); !applied)
            return fail(Error::Category::Internal,
                        QStringLiteral("the differ made a plan that does not apply to the source schema: %1 "
                                       "(this is a bug in Covet; please report it with both schemas)")
                            .arg(applied.error().toString()));
        return result;
    }

private:
    Status emitApplied(const Operation &op)
    {
        m_workIndex.clear();   // the applier may move tables
        if (auto ok = OperationApplier::apply(m_work, op); !ok)
            return fail(Error::Category::Internal, QStringLiteral("rename plan: %1").arg(ok.error().toString()));
        m_ops << op;
        return {};
    }

    // Table renames, then column renames within each table pair, applied to
    // the working copy so that the structural comparison sees new names.
    Status renames()
    {
        RenameDetector detector(m_options.renames);
        const QList<RenameCandidate> tables = detector.detectTables(m_from, m_to, m_options.hints, m_options.decisions);
        QHash<QString, QString> oldName;   // new table key -> old name
        QList<RenameCandidate> accepted;
        for (const RenameCandidate &c : tables) {
            m_candidates << c;
            if (!c.accepted)
                continue;
            accepted << c;
            oldName.insert(tkey(c.schema, c.to), c.from);
            m_touchedTables.insert(c.from.toLower());
            m_touchedTables.insert(c.to.toLower());
        }
        if (auto ok = renameTables(accepted); !ok)
            return ok;
        // From here on tables are only changed in place: index them.
        m_work.tables.detach();
        m_workIndex.clear();
        QHash<QString, const Table *> fromTables;
        for (const Table &t : m_from.tables)
            fromTables.insert(tkey(t.schema, t.name), &t);
        // What the whole change says: the tables it renames, then (a first
        // pass) the name transformations its candidate pairs share.
        RenameContext context;
        for (const RenameCandidate &c : tables)
            if (c.accepted)
                context.tableRenames.insert(RenameContext::tableKey(c.schema, c.from), c.to);
        // A new table that takes the name of one moved aside has no old table.
        auto oldTableOf = [&](const Table &nt) -> const Table * {
            const QString key = tkey(nt.schema, nt.name);
            if (!oldName.contains(key) && context.tableRenames.contains(RenameContext::tableKey(nt.schema, nt.name)))
                return nullptr;
            return fromTables.value(tkey(nt.schema, oldName.value(key, nt.name)));
        };
        struct Pair { const Table *old; const Table *now; QList<RenameCandidate> columns; };
        QList<Pair> pairs;
        QHash<QString, int> transforms;
        for (const Table &nt : m_to.tables) {
            const Table *ot = oldTableOf(nt);
            if (!ot)
                continue;
            Pair p{ot, &nt, detector.detectColumns(*ot, nt, m_options.hints, m_options.decisions, &context)};
            for (const RenameCandidate &c : p.columns)
                if (c.score >= kTransformEvidence)
                    if (const QString key = RenameDetector::transformKey(c.from, c.to); !key.isEmpty())
                        ++transforms[key];
            pairs << p;
        }
        for (auto it = transforms.cbegin(); it != transforms.cend(); ++it)
            if (it.value() >= 2)
                context.repeatedTransforms.insert(it.key(), it.value());
        for (Pair &p : pairs) {
            // Second pass only where a repeated transformation could change
            // something: a dropped column not yet renamed, and a pair of the
            // table sharing a repeated transformation.
            if (!context.repeatedTransforms.isEmpty() && !allRenamed(*p.old, *p.now, p.columns)
                && hasRepeatedTransform(*p.old, *p.now, context))
                p.columns = detector.detectColumns(*p.old, *p.now, m_options.hints, m_options.decisions, &context);
            QList<RenameCandidate> accepted;
            for (const RenameCandidate &c : p.columns) {
                m_candidates << c;
                if (c.accepted)
                    accepted << c;
            }
            if (auto ok = applyColumnRenames(*p.now, accepted); !ok)
                return ok;
        }
        OperationApplier::renameColumns(m_work, m_columnRenames);
        return {};
    }

    // The accepted table renames, each name freed before a rename takes it
    // (OperationOrder::tableRenames).
    Status renameTables(const QList<RenameCandidate> &accepted)
    {
        QList<RenameTable> renames;
        QSet<QString> replaced;
        for (const RenameCandidate &c : accepted) {
            renames << RenameTable{c.schema, c.from, c.to};
            if (!c.reusesDroppedName.isEmpty())
                replaced.insert(RenameContext::tableKey(c.schema, c.reusesDroppedName));
        }
        auto ordered = OperationOrder::tableRenames(renames, replaced, m_work, m_to);
        if (!ordered)
            return fail(Error::Category::Internal, QStringLiteral("rename plan: %1").arg(ordered.error().message()));
        for (const RenameTable &r : std::as_const(*ordered))
            if (auto ok = emitApplied(r); !ok)
                return ok;
        return {};
    }

    static bool allRenamed(const Table &ot, const Table &nt, const QList<RenameCandidate> &candidates)
    {
        QSet<QString> from;
        for (const RenameCandidate &c : candidates)
            if (c.accepted)
                from.insert(c.from);
        for (const Column &o : ot.columns)
            if (!nt.column(o.name) && !from.contains(o.name))
                return false;
        return true;
    }

    // Whether a dropped x added column pair of this table has a transformation
    // that other pairs of the change share.
    static bool hasRepeatedTransform(const Table &ot, const Table &nt, const RenameContext &context)
    {
        for (const Column &o : ot.columns) {
            if (nt.column(o.name))
                continue;
            for (const Column &n : nt.columns)
                if (!ot.column(n.name) && context.repeatedTransforms.contains(RenameDetector::transformKey(o.name, n.name)))
                    return true;
        }
        return false;
    }

    // A candidate pair this likely counts towards the transformations the
    // change shares.
    static constexpr double kTransformEvidence = 0.5;

    Status applyColumnRenames(const Table &nt, QList<RenameCandidate> pending)
    {
        if (pending.isEmpty())
            return {};
        QSet<QString> sources;
        for (const RenameCandidate &c : pending)
            sources.insert(c.from);
        // A rename onto the name of a column that goes: drop that one first.
        for (const RenameCandidate &c : pending) {
            const Table *wt = workTable(nt.schema, nt.name);
            if (wt && wt->column(c.to) && !sources.contains(c.to))
                if (auto ok = dropColumnWithDependents(nt.schema, nt.name, c.to); !ok)
                    return ok;
        }
        // Chains (a -> b while b -> c) rename c first; a cycle goes through a
        // temporary name. The working schema is renamed in bulk afterwards.
        QSet<QString> names;
        for (const Column &c : workTable(nt.schema, nt.name)->columns)
            names.insert(c.name);
        QHash<QString, QString> origin;   // current name -> name in `from`
        auto rename = [&](const QString &from, const QString &to) {
            m_ops << RenameColumn{nt.schema, nt.name, from, to};
            names.remove(from);
            names.insert(to);
            const QString original = origin.contains(from) ? origin.take(from) : from;
            origin.insert(to, original);
            m_changedColumns[tkey(nt.schema, nt.name)].insert(original.toLower());
        };
        while (!pending.isEmpty()) {
            qsizetype pick = -1;
            for (qsizetype i = 0; i < pending.size() && pick < 0; ++i)
                if (!names.contains(pending.at(i).to))
                    pick = i;
            if (pick < 0) {
                RenameCandidate &c = pending.first();
                QString temp = c.from + QStringLiteral("_covet_tmp");
                while (names.contains(temp))
                    temp += u'_';
                rename(c.from, temp);
                c.from = temp;
                continue;
            }
            const RenameCandidate c = pending.takeAt(pick);
            rename(c.from, c.to);
        }
        QHash<QString, QString> &map = m_columnRenames[OperationApplier::tableKey(nt.schema, nt.name)];
        for (auto it = origin.begin(); it != origin.end(); ++it)
            map.insert(it.value(), it.key());
        return {};
    }

    // Drops a column whose name a rename reuses, with what uses it, explicitly.
    Status dropColumnWithDependents(const QString &ns, const QString &table, const QString &column)
    {
        const Table wt = *m_work.table(table, ns);
        for (const Index &i : wt.indexes)
            if (i.columnNames().contains(column))
                if (auto ok = emitApplied(DropIndex{ns, table, i.name}); !ok)
                    return ok;
        for (const UniqueConstraint &u : wt.uniques)
            if (u.columns.contains(column))
                if (auto ok = emitApplied(DropUnique{ns, table, u}); !ok)
                    return ok;
        OperationList fkDrops;
        for (const Table &other : std::as_const(m_work.tables))
            for (const ForeignKey &fk : other.foreignKeys)
                if ((other.name == table && other.schema == ns && fk.columns.contains(column))
                    || (fk.refTable == table && fk.refSchema == ns && fk.refColumns.contains(column)))
                    fkDrops << DropForeignKey{other.schema, other.name, fk};
        for (const Operation &op : fkDrops)
            if (auto ok = emitApplied(op); !ok)
                return ok;
        m_changedColumns[tkey(ns, table)].insert(column.toLower());
        return emitApplied(DropColumn{ns, table, column});
    }

    // Lookups by hash (Schema::table() is linear): thousands of tables.
    const Table *workTable(const QString &ns, const QString &name)
    {
        if (m_workIndex.isEmpty())
            for (const Table &t : std::as_const(m_work.tables))
                m_workIndex.insert(tkey(t.schema, t.name), &t);
        return m_workIndex.value(tkey(ns, name));
    }
    const Table *toTable(const QString &ns, const QString &name)
    {
        if (m_toIndex.isEmpty())
            for (const Table &t : std::as_const(m_to.tables))
                m_toIndex.insert(tkey(t.schema, t.name), &t);
        return m_toIndex.value(tkey(ns, name));
    }

    void compare()
    {
        for (const QString &n : m_to.namespaces)
            if (!m_work.namespaces.contains(n))
                m_ops << CreateNamespace{n};
        for (const QString &n : m_work.namespaces)
            if (!m_to.namespaces.contains(n))
                m_ops << DropNamespace{n};
        for (const EnumType &e : m_to.enums) {
            const EnumType *w = m_work.enumType(e.name, e.schema);
            if (!w)
                m_ops << CreateEnum{e};
            else if (w->values != e.values)
                m_ops << AlterEnum{*w, e};
        }
        for (const EnumType &w : m_work.enums)
            if (!m_to.enumType(w.name, w.schema))
                m_ops << DropEnum{w.schema, w.name};

        for (const Table &t : m_to.tables) {
            if (const Table *w = workTable(t.schema, t.name))
                compareTable(*w, t);
            else
                m_ops << CreateTable{t};
        }
        for (const Table &w : m_work.tables) {
            if (!toTable(w.schema, w.name)) {
                m_ops << DropTable{w.schema, w.name};
                m_touchedTables.insert(w.name.toLower());
            }
        }
        recreateForeignKeysOverRetypedColumns();
        recreateForeignKeysOverChangedKeys();
        recreateDependentTriggers();
        compareViews();
    }

    template <typename T, typename Same, typename Drop, typename Add>
    void matchLists(const QList<T> &old, const QList<T> &now, Same same, Drop drop, Add add)
    {
        QList<bool> used(now.size(), false);
        for (const T &o : old) {
            qsizetype match = -1;
            for (qsizetype i = 0; i < now.size() && match < 0; ++i)
                if (!used.at(i) && same(o, now.at(i)))
                    match = i;
            if (match < 0)
                drop(o);
            else
                used[match] = true;
        }
        for (qsizetype i = 0; i < now.size(); ++i)
            if (!used.at(i))
                add(now.at(i));
    }

    QString backfillFor(const QString &ns, const QString &table, const QString &column) const
    {
        for (const BackfillHint &h : m_options.backfills)
            if (h.schema == ns && h.table == table && h.column == column)
                return h.expression;
        return {};
    }

    // The generated columns of a table that must be dropped and added again
    // (PostgreSQL: "cannot alter type of a column used by a generated
    // column", and no ALTER for a generation expression): those whose
    // expression names a column whose type changes, or whose expression
    // changes. MySQL/MariaDB and SQLite (a table rebuild) recompute them.
    QSet<QString> generatedToRecreate(const Table &w, const Table &t) const
    {
        const std::optional<Dialect> d = m_to.dialect ? m_to.dialect : m_from.dialect;
        if (d && *d != Dialect::PostgreSQL)
            return {};
        QSet<QString> retyped;
        for (const Column &c : t.columns)
            if (const Column *old = w.column(c.name); old && !old->type.equivalent(c.type))
                retyped.insert(c.name.toLower());
        QSet<QString> out;
        for (const Column &c : t.columns) {
            const Column *old = w.column(c.name);
            if (!old || !old->isGenerated() || !c.isGenerated())
                continue;
            const bool usesRetyped = SqlNames::identifiers(old->generatedExpr).intersects(retyped)
                || SqlNames::identifiers(c.generatedExpr).intersects(retyped);
            Column sameExpression = *old;
            sameExpression.generatedExpr = c.generatedExpr;
            sameExpression.generatedStored = c.generatedStored;
            if (usesRetyped || !m_norm.sameColumn(sameExpression, *old))
                out.insert(c.name);
        }
        return out;
    }

    // Drops generated column `c` (what uses it within the table first) and
    // adds it again; what was dropped with it comes back from `t`.
    void recreateGenerated(const Table &w, const Table &t, const Column &c, QSet<QString> &redoneIndexes,
                           QSet<QString> &redoneUniques, QSet<QString> &redoneChecks)
    {
        const QString ns = t.schema;
        const QString name = t.name;
        const QString lower = c.name.toLower();
        for (const Index &i : w.indexes) {
            bool uses = i.columnNames().contains(c.name) || SqlNames::identifiers(i.where).contains(lower);
            for (const IndexPart &p : i.parts)
                uses = uses || (p.isExpression() && SqlNames::identifiers(p.expression).contains(lower));
            if (uses && !i.name.isEmpty() && !redoneIndexes.contains(i.name)) {
                redoneIndexes.insert(i.name);
                m_ops << DropIndex{ns, name, i.name};
            }
        }
        for (const UniqueConstraint &u : w.uniques)
            if (u.columns.contains(c.name) && !u.name.isEmpty() && !redoneUniques.contains(u.name)) {
                redoneUniques.insert(u.name);
                m_ops << DropUnique{ns, name, u};
            }
        for (const Check &k : w.checks)
            if (SqlNames::identifiers(k.expression).contains(lower) && !k.name.isEmpty() && !redoneChecks.contains(k.name)) {
                redoneChecks.insert(k.name);
                m_ops << DropCheck{ns, name, k};
            }
        m_ops << DropColumn{ns, name, c.name} << AddColumn{ns, name, *t.column(c.name)};
        m_changedColumns[tkey(ns, name)].insert(lower);
    }

    void compareTable(const Table &w, const Table &t)
    {
        const QString ns = t.schema;
        const QString name = t.name;
        const QSet<QString> regenerated = generatedToRecreate(w, t);
        QSet<QString> redoneIndexes, redoneUniques, redoneChecks;   // dropped with a regenerated column
        QSet<QString> &changed = m_changedColumns[tkey(ns, name)];
        for (const Column &c : t.columns) {
            const Column *old = w.column(c.name);
            if (!old) {
                m_ops << AddColumn{ns, name, c, backfillFor(ns, name, c.name)};
            } else if (regenerated.contains(c.name)) {
                recreateGenerated(w, t, *old, redoneIndexes, redoneUniques, redoneChecks);
                changed.insert(c.name.toLower());
            } else if (!m_norm.sameColumn(*old, c)) {
                m_ops << AlterColumn{ns, name, *old, c, {}};
                changed.insert(c.name.toLower());
                if (!old->type.equivalent(c.type))
                    m_retyped[tkey(ns, name)].insert(c.name);
            }
        }
        for (const Column &c : w.columns) {
            if (!t.column(c.name)) {
                m_ops << DropColumn{ns, name, c.name};
                changed.insert(c.name.toLower());
            }
        }
        if (!m_norm.samePrimaryKey(w.primaryKey, t.primaryKey)) {
            // A key column that becomes nullable must leave the key first
            // (PostgreSQL refuses DROP NOT NULL on a key column): the old key
            // is dropped before the column changes, the new one set after.
            const bool loosened = w.primaryKey && t.primaryKey
                && std::any_of(w.primaryKey->columns.begin(), w.primaryKey->columns.end(), [&](const QString &c) {
                       const Column *now = t.column(c);
                       const Column *was = w.column(c);
                       return now && was && now->nullable && !was->nullable;
                   });
            if (loosened)
                m_ops << SetPrimaryKey{ns, name, w.primaryKey, std::nullopt} << SetPrimaryKey{ns, name, std::nullopt, t.primaryKey};
            else
                m_ops << SetPrimaryKey{ns, name, w.primaryKey, t.primaryKey};
            if (w.primaryKey)
                m_changedKeys.insert(keyOf(ns, name, w.primaryKey->columns));
        }
        // What a regenerated column took with it comes back as it is in `t`.
        for (const UniqueConstraint &u : t.uniques)
            if (redoneUniques.contains(u.name))
                m_ops << AddUnique{ns, name, u};
        for (const Index &i : t.indexes)
            if (redoneIndexes.contains(i.name))
                m_ops << CreateIndex{ns, name, i};
        for (const Check &k : t.checks)
            if (redoneChecks.contains(k.name))
                m_ops << AddCheck{ns, name, k};
        auto without = [](auto list, const QSet<QString> &names) {
            list.removeIf([&](const auto &x) { return !x.name.isEmpty() && names.contains(x.name); });
            return list;
        };
        matchLists(
            without(w.uniques, redoneUniques), without(t.uniques, redoneUniques),
            [](const UniqueConstraint &a, const UniqueConstraint &b) {
                return a.columns == b.columns && (a.name.isEmpty() || b.name.isEmpty() || a.name == b.name);
            },
            [&](const UniqueConstraint &u) {
                m_ops << DropUnique{ns, name, sourceNames(ns, name, u)};
                m_changedKeys.insert(keyOf(ns, name, u.columns));
            },
            [&](const UniqueConstraint &u) { m_ops << AddUnique{ns, name, u}; });
        matchLists(
            without(w.indexes, redoneIndexes), without(t.indexes, redoneIndexes), [&](const Index &a, const Index &b) { return m_norm.sameIndex(a, b); },
            [&](const Index &i) {
                m_ops << DropIndex{ns, name, i.name};
                if (i.unique)
                    m_changedKeys.insert(keyOf(ns, name, i.columnNames()));
            },
            [&](const Index &i) { m_ops << CreateIndex{ns, name, i}; });
        matchLists(
            w.foreignKeys, t.foreignKeys, [&](const ForeignKey &a, const ForeignKey &b) { return m_norm.sameForeignKey(a, b); },
            [&](const ForeignKey &f) { m_ops << DropForeignKey{ns, name, sourceNames(ns, name, f)}; },
            [&](const ForeignKey &f) { m_ops << AddForeignKey{ns, name, f}; });
        matchLists(
            without(w.checks, redoneChecks), without(t.checks, redoneChecks), [&](const Check &a, const Check &b) { return m_norm.sameCheck(a, b); },
            [&](const Check &c) { m_ops << DropCheck{ns, name, c}; }, [&](const Check &c) { m_ops << AddCheck{ns, name, c}; });
        matchLists(
            w.triggers, t.triggers, [&](const Trigger &a, const Trigger &b) { return m_norm.sameTrigger(a, b); },
            [&](const Trigger &tr) { m_ops << DropTrigger{ns, name, tr.name}; },
            [&](const Trigger &tr) { m_ops << CreateTrigger{ns, name, tr}; });
    }

    bool alreadyHas(const Operation &op) const { return m_ops.contains(op); }

    // A column whose type changes cannot keep a foreign key over it
    // (PostgreSQL checks the types, MySQL refuses the MODIFY): drop and re-add.
    void recreateForeignKeysOverRetypedColumns()
    {
        if (m_retyped.isEmpty())
            return;
        for (const Table &t : m_to.tables) {
            const Table *w = workTable(t.schema, t.name);
            if (!w)
                continue;
            const QSet<QString> own = m_retyped.value(tkey(t.schema, t.name));
            for (const ForeignKey &fk : t.foreignKeys) {
                const QSet<QString> ref = m_retyped.value(tkey(fk.refSchema, fk.refTable));
                const bool uses = std::any_of(fk.columns.begin(), fk.columns.end(), [&](const QString &c) { return own.contains(c); })
                    || std::any_of(fk.refColumns.begin(), fk.refColumns.end(), [&](const QString &c) { return ref.contains(c); });
                if (!uses)
                    continue;
                const AddForeignKey add{t.schema, t.name, fk};
                if (alreadyHas(add))
                    continue;
                const qsizetype old = OperationApplier::findForeignKey(*w, fk);
                if (old >= 0)
                    m_ops << DropForeignKey{t.schema, t.name, sourceNames(t.schema, t.name, w->foreignKeys.at(old))};
                m_ops << add;
            }
        }
    }

    // A key (primary key, unique constraint or unique index) that is dropped
    // or replaced cannot stay referenced: the databases refuse to drop it
    // (PostgreSQL, MySQL) or find the reference broken (SQLite). A foreign
    // key that stays but references such a key is dropped before and
    // re-added after.
    void recreateForeignKeysOverChangedKeys()
    {
        if (m_changedKeys.isEmpty())
            return;
        for (const Table &t : m_to.tables) {
            const Table *w = workTable(t.schema, t.name);
            if (!w)
                continue;
            for (const ForeignKey &fk : t.foreignKeys) {
                if (!m_changedKeys.contains(keyOf(fk.refSchema, fk.refTable, fk.refColumns)))
                    continue;
                const AddForeignKey add{t.schema, t.name, fk};
                if (alreadyHas(add))
                    continue;
                const qsizetype old = OperationApplier::findForeignKey(*w, fk);
                if (old < 0)
                    continue;
                m_ops << DropForeignKey{t.schema, t.name, sourceNames(t.schema, t.name, w->foreignKeys.at(old))} << add;
            }
        }
    }

    static QString keyOf(const QString &ns, const QString &table, const QStringList &columns)
    {
        QStringList lower;
        for (const QString &c : columns)
            lower << c.toLower();
        return tkey(ns, table) + u'\x1f' + lower.join(u',');
    }

    // Drops run before the column renames (OperationOrder): they name the
    // columns as the source schema does.
    QString sourceColumn(const QString &ns, const QString &table, const QString &column) const
    {
        const auto it = m_columnRenames.constFind(OperationApplier::tableKey(ns, table));
        if (it == m_columnRenames.cend())
            return column;
        for (auto r = it->cbegin(); r != it->cend(); ++r)
            if (r.value() == column)
                return r.key();
        return column;
    }
    QStringList sourceColumns(const QString &ns, const QString &table, QStringList columns) const
    {
        for (QString &c : columns)
            c = sourceColumn(ns, table, c);
        return columns;
    }
    ForeignKey sourceNames(const QString &ns, const QString &table, ForeignKey fk) const
    {
        fk.columns = sourceColumns(ns, table, fk.columns);
        fk.refColumns = sourceColumns(fk.refSchema, fk.refTable, fk.refColumns);
        return fk;
    }
    UniqueConstraint sourceNames(const QString &ns, const QString &table, UniqueConstraint u) const
    {
        u.columns = sourceColumns(ns, table, u.columns);
        return u;
    }

    // A trigger that names a column which is dropped or altered, or a table
    // that goes or is renamed, is dropped first and re-created after.
    void recreateDependentTriggers()
    {
        for (const Table &t : m_to.tables) {
            const Table *w = workTable(t.schema, t.name);
            if (!w)
                continue;
            const QSet<QString> changed = m_changedColumns.value(tkey(t.schema, t.name));
            for (const Trigger &tr : t.triggers) {
                const qsizetype old = OperationApplier::findTrigger(*w, tr.name);
                if (old < 0 || alreadyHas(CreateTrigger{t.schema, t.name, tr}))
                    continue;
                const QSet<QString> words = SqlNames::identifiers(tr.body + u' ' + tr.definition);
                if (words.intersects(changed) || usesChanged(tr.body + u' ' + tr.definition, {})) {
                    m_ops << DropTrigger{t.schema, t.name, tr.name};
                    m_ops << CreateTrigger{t.schema, t.name, tr};
                }
            }
        }
    }

    // Whether a view (or trigger) text uses something that changes: a table
    // that goes or is renamed, a view re-created, or a changed column of a
    // table it names ('*' counts as every column).
    bool usesChanged(const QString &sql, const QSet<QString> &recreatedViews) const
    {
        const QSet<QString> words = SqlNames::identifiers(sql);
        if (words.intersects(m_touchedTables) || words.intersects(recreatedViews))
            return true;
        for (auto it = m_changedColumns.begin(); it != m_changedColumns.end(); ++it) {
            if (it.value().isEmpty() || !words.contains(it.key().section(u'\x1f', 1).toLower()))
                continue;
            if (sql.contains(u'*') || words.intersects(it.value()))
                return true;
        }
        return false;
    }

    // Views: dropped, created, changed (drop + create), and those that use
    // what changes (drop before, create after).
    void compareViews()
    {
        QSet<QString> recreated;   // lower-case view names dropped in this change
        QList<const View *> kept;
        for (const View &v : m_to.views) {
            const View *w = m_work.view(v.name, v.schema);
            if (!w) {
                m_ops << CreateView{v};
            } else if (!m_norm.sameView(*w, v)) {
                m_ops << DropView{v.schema, v.name} << CreateView{v};
                recreated.insert(v.name.toLower());
            } else {
                kept << w;
            }
        }
        for (const View &w : m_work.views) {
            if (!m_to.view(w.name, w.schema)) {
                m_ops << DropView{w.schema, w.name};
                recreated.insert(w.name.toLower());
            }
        }
        bool grew = true;
        while (grew) {
            grew = false;
            for (qsizetype i = 0; i < kept.size(); ++i) {
                const View *w = kept.at(i);
                if (!usesChanged(w->definition, recreated))
                    continue;
                m_ops << DropView{w->schema, w->name} << CreateView{*m_to.view(w->name, w->schema)};
                recreated.insert(w->name.toLower());
                kept.removeAt(i);
                grew = true;
                break;
            }
        }
    }

    SchemaNormalizer m_norm;
    const DiffOptions &m_options;
    Schema m_from;
    Schema m_to;
    Schema m_work;
    OperationList m_ops;
    QList<RenameCandidate> m_candidates;
    QSet<QString> m_touchedTables;                    // lower-case names of tables dropped or renamed
    QHash<QString, QSet<QString>> m_changedColumns;   // table key -> lower-case dropped/altered/renamed columns
    QHash<QString, QSet<QString>> m_retyped;          // table key -> columns whose type changes
    QSet<QString> m_changedKeys;                      // keyOf(): keys dropped or replaced (names after renames)
    QHash<QString, QHash<QString, QString>> m_columnRenames;   // table key -> old -> new column name
    QHash<QString, const Table *> m_workIndex;
    QHash<QString, const Table *> m_toIndex;
};

} // namespace

Result<DiffResult> Differ::diff(const Schema &from, const Schema &to, const DiffOptions &options)
{
    return DiffRun(from, to, options).run();
}

} // namespace covet
