#pragma once

// The mutation of a random schema A into B (see randomschema.h, which
// includes this file after declaring RandomSchemaPair).

#include "randomschema.h"

namespace covet::test {

inline void RandomSchemaPair::mutate(RandomCase &rc)
{
    static const QList<QPair<QString, QString>> renames{
        {QStringLiteral("created"), QStringLiteral("created_at")}, {QStringLiteral("qty"), QStringLiteral("quantity")},
        {QStringLiteral("note"), QStringLiteral("notes")},         {QStringLiteral("title"), QStringLiteral("name")},
        {QStringLiteral("status"), QStringLiteral("state")},       {QStringLiteral("amount"), QStringLiteral("total_amount")},
        {QStringLiteral("flag"), QStringLiteral("is_flagged")},    {QStringLiteral("phone"), QStringLiteral("phone_number")},
        {QStringLiteral("code"), QStringLiteral("ref_code")},      {QStringLiteral("city"), QStringLiteral("town")}};
    Schema &b = rc.b;
    const TableList original = rc.a.tables;
    // Tables referenced by a foreign key (renaming them renames the reference too).
    for (const Table &ta : original) {
        const QString tname = ta.name;
        QList<QPair<QString, QString>> kept;   // B name -> A name
        for (const Column &c : ta.columns)
            kept << qMakePair(c.name, c.name);
        bool dropped = false;
        // Drop a leaf table now and then.
        bool referenced = false;
        for (const Table &o : b.tables)
            for (const ForeignKey &fk : o.foreignKeys)
                if (fk.refTable == tname && o.name != tname)
                    referenced = true;
        for (const View &v : b.views)
            if (v.definition.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(tname))))
                referenced = true;
        if (!referenced && chance(8) && b.tables.size() > 1) {
            b.tables.removeIf([&](const Table &x) { return x.name == tname; });
            rc.changes << QStringLiteral("drop table %1").arg(tname);
            dropped = true;
        }
        if (dropped)
            continue;
        Table *t = b.table(tname);
        auto fkColumn = [&](const QString &c) {
            for (const ForeignKey &fk : t->foreignKeys)
                if (fk.columns.contains(c))
                    return true;
            for (const Table &o : b.tables)
                for (const ForeignKey &fk : o.foreignKeys)
                    if (fk.refTable == t->name && fk.refColumns.contains(c))
                        return true;
            return false;
        };
        auto pkColumn = [&](const QString &c) { return t->primaryKey && t->primaryKey->columns.contains(c); };
        // Column changes.
        const QList<Column> cols = t->columns;
        auto ownForeignKey = [&](const QString &c) {
            return std::any_of(t->foreignKeys.begin(), t->foreignKeys.end(), [&](const ForeignKey &fk) { return fk.columns.contains(c); });
        };
        auto uniqueColumn = [&](const QString &c) {
            return std::any_of(t->uniques.begin(), t->uniques.end(), [&](const UniqueConstraint &u) { return u.columns.contains(c); });
        };
        for (const Column &c : cols) {
            const ColInfo info = m_info.value(tname + u'.' + c.name);
            // A column that carries a foreign key or a unique constraint renamed
            // (the constraints follow it).
            if (!pkColumn(c.name) && (ownForeignKey(c.name) || uniqueColumn(c.name)) && chance(15)
                && !m_without.contains(QStringLiteral("constrained_rename"))) {
                const QString to = c.name + QStringLiteral("_ref");
                if (!t->column(to) && !ta.column(to)) {
                    renameColumnEverywhere(b, t->name, c.name, to);
                    for (auto &p : kept)
                        if (p.second == c.name)
                            p.first = to;
                    RenameCandidate cand;
                    cand.kind = RenameCandidate::Kind::Column;
                    cand.table = t->name;
                    cand.from = c.name;
                    cand.to = to;
                    m_pendingColumnDecisions << cand;
                    rc.changes << QStringLiteral("rename constrained column %1.%2 -> %3").arg(tname, c.name, to);
                }
                continue;
            }
            if (pkColumn(c.name) || fkColumn(c.name))
                continue;
            const int roll = pick(100);
            if (roll < 10) {
                // Drop (with what uses it).
                t->columns.removeIf([&](const Column &x) { return x.name == c.name; });
                t->indexes.removeIf([&](const Index &i) { return i.columnNames().contains(c.name); });
                t->uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(c.name); });
                t->checks.removeIf([&](const Check &k) { return k.expression.contains(c.name); });
                const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(c.name));
                const QRegularExpression tableWord(QStringLiteral("\\b%1\\b").arg(t->name));
                b.views.removeIf([&](const View &v) { return v.definition.contains(word) && v.definition.contains(tableWord); });
                kept.removeIf([&](const QPair<QString, QString> &p) { return p.second == c.name; });
                rc.changes << QStringLiteral("drop column %1.%2").arg(tname, c.name);
            } else if (roll < 22) {
                // Rename to a realistic new name, decided explicitly.
                QString to;
                for (const auto &r : renames)
                    if (c.name.startsWith(r.first) && !c.name.startsWith(r.second))
                        to = r.second + c.name.mid(r.first.size());
                if (to.isEmpty())
                    to = c.name + QStringLiteral("_value");
                if (t->column(to) || ta.column(to))
                    continue;
                renameColumnEverywhere(b, t->name, c.name, to);
                for (auto &p : kept)
                    if (p.second == c.name)
                        p.first = to;
                RenameCandidate cand;
                cand.kind = RenameCandidate::Kind::Column;
                cand.table = t->name;   // fixed below if the table is renamed too
                cand.from = c.name;
                cand.to = to;
                m_pendingColumnDecisions << cand;
                rc.changes << QStringLiteral("rename column %1.%2 -> %3").arg(tname, c.name, to);
            } else if (roll < 32) {
                // Widen.
                Column *x = t->column(c.name);
                SqlType w = x->type;
                switch (w.kind()) {
                case K::SmallInt: w = SqlType(K::Integer); break;
                case K::TinyInt: w = SqlType(K::SmallInt); break;
                case K::Integer: w = SqlType(K::BigInt); break;
                case K::Varchar: w = w.length() < 100 ? SqlType::varchar(w.length() + 40) : SqlType(K::Text); break;
                case K::Decimal: w = SqlType::decimal(14, 2); break;
                case K::Real: w = SqlType(K::Double); break;
                default: continue;
                }
                const bool indexedText = w.kind() == K::Text
                    && (std::any_of(t->indexes.begin(), t->indexes.end(), [&](const Index &i) { return i.columnNames().contains(c.name); })
                        || std::any_of(t->uniques.begin(), t->uniques.end(), [&](const UniqueConstraint &u) { return u.columns.contains(c.name); }));
                if (indexedText)
                    continue;
                rc.changes << QStringLiteral("widen %1.%2 %3 -> %4").arg(tname, c.name, x->type.canonicalName(), w.canonicalName());
                x->type = w;
            } else if (roll < 42) {
                Column *x = t->column(c.name);
                if (x->nullable && !info.hasNull) {
                    x->nullable = false;
                    rc.changes << QStringLiteral("set not null %1.%2").arg(tname, c.name);
                } else if (!x->nullable) {
                    x->nullable = true;
                    rc.changes << QStringLiteral("drop not null %1.%2").arg(tname, c.name);
                }
            } else if (roll < 48) {
                Column *x = t->column(c.name);
                const QString def = defaultFor(x->type);
                if (x->defaultExpr) {
                    x->defaultExpr.reset();
                    rc.changes << QStringLiteral("drop default %1.%2").arg(tname, c.name);
                } else if (!def.isEmpty()) {
                    x->defaultExpr = def;
                    rc.changes << QStringLiteral("set default %1.%2").arg(tname, c.name);
                }
            }
        }
        // A rename onto the name of a column that goes (order_token ->
        // order_id while the old order_id is dropped).
        if (chance(8) && !m_without.contains(QStringLiteral("reused_name"))) {
            QStringList free;
            for (const Column &c : t->columns)
                if (!pkColumn(c.name) && !fkColumn(c.name) && ta.column(c.name)
                    && std::any_of(kept.begin(), kept.end(), [&](const auto &p) { return p.first == c.name && p.second == c.name; }))
                    free << c.name;
            if (free.size() >= 2) {
                const QString gone = free.at(0), moved = free.at(1);
                t->columns.removeIf([&](const Column &x) { return x.name == gone; });
                t->indexes.removeIf([&](const Index &i) { return i.columnNames().contains(gone); });
                t->uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(gone); });
                t->checks.removeIf([&](const Check &k) { return k.expression.contains(gone); });
                const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(gone));
                b.views.removeIf([&](const View &v) { return v.definition.contains(word); });
                kept.removeIf([&](const QPair<QString, QString> &p) { return p.second == gone; });
                // Indexes named after the moved column would clash with the dropped one's names.
                renameColumnEverywhere(b, t->name, moved, gone);
                for (auto &p : kept)
                    if (p.second == moved)
                        p.first = gone;
                RenameCandidate cand;
                cand.kind = RenameCandidate::Kind::Column;
                cand.table = t->name;
                cand.from = moved;
                cand.to = gone;
                m_pendingColumnDecisions << cand;
                rc.changes << QStringLiteral("drop column %1.%2 and rename %3 -> %2").arg(tname, gone, moved);
            }
        }
        // The primary key changes column and type: the key column goes and a
        // unique column with all rows different and none NULL takes its name
        // (a uuid/code column becoming `id`).
        if (chance(8) && !m_without.contains(QStringLiteral("key_change")))
            changePrimaryKey(b, *t, ta, kept, rc);
        // A unique constraint over a column whose rows are all different.
        if (chance(15)) {
            for (const Column &c : t->columns) {
                const QString aName = [&] {
                    for (const auto &p : kept)
                        if (p.first == c.name)
                            return p.second;
                    return QString();
                }();
                // (Not on the primary key: SQLite folds such a unique into the key.)
                if (aName.isEmpty() || pkColumn(c.name) || !m_info.value(tname + u'.' + aName).distinct || !indexable(c.type) || c.type.kind() == K::Text
                    || std::any_of(t->uniques.begin(), t->uniques.end(), [&](const UniqueConstraint &u) { return u.columns == QStringList{c.name}; }))
                    continue;
                const QString name = uniqueName(t->name + u'_' + c.name + QStringLiteral("_uq"));
                t->uniques << UniqueConstraint{name, {c.name}};
                rc.changes << QStringLiteral("add unique %1").arg(name);
                break;
            }
        }
        // Added columns.
        const int adds = chance(50) ? 1 + pick(2) : 0;
        const QList<SqlType> types = columnTypes();
        for (int k = 0; k < adds; ++k) {
            Column c;
            c.name = QStringLiteral("added_%1").arg(k + 1);
            if (t->column(c.name))
                continue;
            c.type = types.at(pick(types.size()));
            c.nullable = true;
            if (!defaultFor(c.type).isEmpty() && chance(60)) {
                c.defaultExpr = defaultFor(c.type);
                c.nullable = chance(50);
            }
            t->columns << c;
            rc.changes << QStringLiteral("add column %1.%2 %3%4").arg(tname, c.name, c.type.canonicalName(), c.nullable ? QString() : QStringLiteral(" not null"));
        }
        // Indexes and checks added or dropped.
        if (!t->indexes.isEmpty() && chance(20)) {
            const qsizetype i = pick(int(t->indexes.size()));
            bool fkSupport = false;
            for (const ForeignKey &fk : t->foreignKeys)
                if (t->indexes.at(i).columnNames().first() == fk.columns.first())
                    fkSupport = true;
            if (!fkSupport || m_d != Dialect::MySQL) {
                rc.changes << QStringLiteral("drop index %1").arg(t->indexes.at(i).name);
                t->indexes.removeAt(i);
            }
        }
        if (chance(25)) {
            for (const Column &c : t->columns) {
                if (!indexable(c.type) || pkColumn(c.name) || t->index(t->name + u'_' + c.name + QStringLiteral("_idx2")))
                    continue;
                Index i;
                i.name = uniqueName(t->name + u'_' + c.name + QStringLiteral("_idx2"));
                i.parts << IndexPart{c.name, {}, chance(30), -1};
                t->indexes << i;
                rc.changes << QStringLiteral("add index %1").arg(i.name);
                break;
            }
        }
        if (!t->checks.isEmpty() && chance(25)) {
            rc.changes << QStringLiteral("drop check %1").arg(t->checks.first().name);
            t->checks.removeFirst();
        }
        if (chance(20)) {
            for (const Column &c : t->columns) {
                const QString aName = [&] {
                    for (const auto &p : kept)
                        if (p.first == c.name)
                            return p.second;
                    return QString();
                }();
                // MySQL refuses checks on columns of a foreign key with actions.
                if (!c.type.isInteger() || aName.isEmpty() || pkColumn(c.name) || fkColumn(c.name) || c.name.startsWith(QStringLiteral("added_")))
                    continue;
                const QString name = uniqueName(t->name + u'_' + c.name + QStringLiteral("_nonneg"));
                t->checks << Check{name, c.name + QStringLiteral(" >= 0")};
                rc.changes << QStringLiteral("add check %1").arg(name);
                break;
            }
        }
        // Foreign keys dropped.
        if (!t->foreignKeys.isEmpty() && chance(15)) {
            rc.changes << QStringLiteral("drop foreign key %1").arg(t->foreignKeys.first().name);
            t->foreignKeys.removeFirst();
        }
        rc.tableFrom.insert(t->name, tname);
        rc.keptColumns.insert(t->name, kept);
    }
    // Foreign keys added between existing tables over existing data: a new
    // nullable column referencing a parent's single-column key, all NULL.
    if (b.tables.size() >= 2 && chance(30)) {
        Table *child = &b.tables.last();
        const Table *parent = &b.tables.first();
        if (parent->primaryKey && parent->primaryKey->columns.size() == 1 && child->name != parent->name) {
            Column c;
            c.name = parent->name + QStringLiteral("_link");
            if (!child->column(c.name)) {
                c.type = parent->column(parent->primaryKey->columns.first())->type;
                child->columns << c;
                ForeignKey fk;
                fk.name = child->name + QStringLiteral("_link_fk");
                fk.columns = {c.name};
                fk.refTable = parent->name;
                fk.refColumns = parent->primaryKey->columns;
                fk.onDelete = ForeignKey::Action::SetNull;
                child->foreignKeys << fk;
                Index i;
                i.name = child->name + QStringLiteral("_link_idx");
                i.parts << IndexPart{c.name, {}, false, -1};
                child->indexes << i;
                rc.changes << QStringLiteral("add foreign key %1").arg(fk.name);
            }
        }
    }
    // A new table referencing an existing one.
    if (chance(30)) {
        QList<const Table *> parents;
        if (!b.tables.isEmpty())
            parents << &b.tables.first();
        const QString name = uniqueName(QStringLiteral("extra"));
        Table t = makeTable(name, 99, parents);
        b.tables << t;
        rc.changes << QStringLiteral("create table %1").arg(name);
    }
    // A table renamed.
    if (chance(20) && !b.tables.isEmpty() && !m_without.contains(QStringLiteral("table_rename"))) {
        const qsizetype i = pick(int(b.tables.size()));
        const QString from = b.tables.at(i).name;
        if (rc.tableFrom.contains(from)) {
            const QString to = uniqueName(from + QStringLiteral("_archive"));
            renameTableDecided(b, from, to, rc);
            rc.changes << QStringLiteral("rename table %1 -> %2").arg(from, to);
            // Foreign-key columns named after the table follow it (several
            // in one table for a composite key): retargeted references.
            if (chance(60) && !m_without.contains(QStringLiteral("fk_retarget")))
                renameReferencingColumns(b, from, to, rc);
        }
    }
    // A name taken over: x moves aside while y takes its name (a chain of
    // table renames, decided explicitly; references follow both). Not with
    // a view, whose text would name both.
    if (chance(12) && b.tables.size() >= 2 && b.views.isEmpty() && !m_without.contains(QStringLiteral("table_chain"))) {
        const qsizetype i = pick(int(b.tables.size()));
        const qsizetype j = (i + 1 + pick(int(b.tables.size()) - 1)) % b.tables.size();
        const QString x = b.tables.at(i).name, y = b.tables.at(j).name;
        if (rc.tableFrom.value(x) == x && rc.tableFrom.value(y) == y) {   // neither renamed already
            const QString aside = uniqueName(x + QStringLiteral("_old"));
            renameTableDecided(b, x, aside, rc);
            renameTableDecided(b, y, x, rc);
            rc.changes << QStringLiteral("rename table %1 -> %2, %3 -> %1").arg(x, aside, y);
        }
    }
    if (!b.views.isEmpty() && chance(15)) {
        rc.changes << QStringLiteral("drop view %1").arg(b.views.first().name);
        b.views.removeFirst();
    } else if (chance(15) && !b.tables.isEmpty()) {
        const Table &t = b.tables.first();
        View v;
        v.name = uniqueName(t.name + QStringLiteral("_summary"));
        v.definition = QStringLiteral("SELECT count(*) AS n FROM %1").arg(t.name);
        b.views << v;
        rc.changes << QStringLiteral("create view %1").arg(v.name);
    }
    for (const RenameCandidate &c : m_pendingColumnDecisions)
        rc.decisions.set(c, RenameDecisions::Verdict::Accept);
}

// Renames table `from` of B to `to` everywhere, with an accept decision
// for the rename from its A name.
inline void RandomSchemaPair::renameTableDecided(Schema &b, const QString &from, const QString &to, RandomCase &rc)
{
    renameTableEverywhere(b, from, to);
    rc.tableFrom.insert(to, rc.tableFrom.take(from));
    rc.keptColumns.insert(to, rc.keptColumns.take(from));
    for (RenameCandidate &c : m_pendingColumnDecisions)
        if (c.table == from)
            c.table = to;
    RenameCandidate cand;
    cand.kind = RenameCandidate::Kind::Table;
    cand.table = to;
    cand.from = rc.tableFrom.value(to);
    cand.to = to;
    rc.decisions.set(cand, RenameDecisions::Verdict::Accept);
}

// Renames the columns of foreign keys to `to` (just renamed from `from`)
// whose names start with the old table name: users_id -> users_archive_id.
inline void RandomSchemaPair::renameReferencingColumns(Schema &b, const QString &from, const QString &to, RandomCase &rc)
{
    for (Table &child : b.tables) {
        if (child.name == to)
            continue;
        QStringList columns;
        for (const ForeignKey &fk : child.foreignKeys)
            if (fk.refTable == to)
                for (const QString &c : fk.columns)
                    if (c.startsWith(from + u'_'))
                        columns << c;
        for (const QString &c : columns) {
            const QString renamed = to + c.mid(from.size());
            const QString childName = child.name;
            QList<QPair<QString, QString>> before = rc.keptColumns.value(childName);
            // Not a column this change already renamed or added.
            if (child.column(renamed) || !std::any_of(before.begin(), before.end(), [&](const auto &p) { return p.first == c && p.second == c; }))
                continue;
            renameColumnEverywhere(b, childName, c, renamed);
            QList<QPair<QString, QString>> kept = rc.keptColumns.value(childName);
            for (auto &p : kept)
                if (p.first == c)
                    p.first = renamed;
            rc.keptColumns.insert(childName, kept);
            RenameCandidate cand;
            cand.kind = RenameCandidate::Kind::Column;
            cand.table = childName;
            cand.from = c;
            cand.to = renamed;
            m_pendingColumnDecisions << cand;
            rc.changes << QStringLiteral("rename foreign-key column %1.%2 -> %3").arg(childName, c, renamed);
        }
    }
}

// Drops the single-column primary key `id` of t and renames a unique column
// (every row different, none NULL) to `id`, making it the key. Only when
// nothing references the key and no view reads the table.
inline void RandomSchemaPair::changePrimaryKey(Schema &b, Table &t, const Table &ta, QList<QPair<QString, QString>> &kept, RandomCase &rc)
{
    if (!t.primaryKey || t.primaryKey->columns != QStringList{QStringLiteral("id")} || !ta.column(QStringLiteral("id")))
        return;
    for (const Table &o : b.tables)
        for (const ForeignKey &fk : o.foreignKeys)
            if (fk.refTable == t.name)
                return;
    const QRegularExpression tableWord(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(t.name)));
    for (const View &v : b.views)
        if (v.definition.contains(tableWord))
            return;
    const Column *oldKey = t.column(QStringLiteral("id"));
    QString moved;
    for (const Column &c : t.columns) {
        const QString aName = [&] {
            for (const auto &p : kept)
                if (p.first == c.name)
                    return p.second;
            return QString();
        }();
        const ColInfo info = m_info.value(t.name + u'.' + aName);
        const bool inForeignKey = std::any_of(t.foreignKeys.begin(), t.foreignKeys.end(), [&](const ForeignKey &fk) { return fk.columns.contains(c.name); });
        if (aName.isEmpty() || aName != c.name || c.name == u"id" || !info.distinct || info.hasNull || inForeignKey || !indexable(c.type)
            || c.type.kind() == K::Text || c.type.kind() == K::Boolean || c.type.equivalent(oldKey->type)
            || c.type.kind() == K::Real || c.type.kind() == K::Double)
            continue;
        moved = c.name;
        break;
    }
    if (moved.isEmpty())
        return;
    const QString gone = QStringLiteral("id");
    t.primaryKey.reset();
    t.columns.removeIf([&](const Column &x) { return x.name == gone; });
    t.indexes.removeIf([&](const Index &i) { return i.columnNames().contains(gone); });
    t.uniques.removeIf([&](const UniqueConstraint &u) { return u.columns.contains(gone); });
    t.checks.removeIf([&](const Check &k) { return k.expression.contains(QRegularExpression(QStringLiteral("\\bid\\b"))); });
    kept.removeIf([&](const QPair<QString, QString> &p) { return p.second == gone; });
    renameColumnEverywhere(b, t.name, moved, gone);
    for (auto &p : kept)
        if (p.second == moved)
            p.first = gone;
    Column *key = t.column(gone);
    key->nullable = false;
    key->defaultExpr.reset();
    t.uniques.removeIf([&](const UniqueConstraint &u) { return u.columns == QStringList{gone}; });
    t.indexes.removeIf([&](const Index &i) { return i.unique && i.columnNames() == QStringList{gone}; });
    t.primaryKey = PrimaryKey{m_d == Dialect::PostgreSQL ? t.name + QStringLiteral("_pkey") : QString(), {gone}};
    RenameCandidate cand;
    cand.kind = RenameCandidate::Kind::Column;
    cand.table = t.name;
    cand.from = moved;
    cand.to = gone;
    m_pendingColumnDecisions << cand;
    rc.changes << QStringLiteral("drop primary key column %1.id and rename unique %2 -> id as the key").arg(ta.name, moved);
}

} // namespace covet::test
