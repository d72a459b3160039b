#include "migrationgraph.h"

#include <QMap>

#include <algorithm>

namespace covet {

namespace {

QString listText(const QStringList &ids)
{
    if (ids.size() <= 1)
        return ids.join(QString());
    return ids.mid(0, ids.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + ids.last();
}

} // namespace

MigrationGraph MigrationGraph::build(const QList<Migration> &migrations, const QSet<QString> &applied)
{
    MigrationGraph g;
    g.resolveReplacements(migrations, applied);
    g.linkEdges();
    g.sortTopologically();
    g.findDivergentLeaves();
    return g;
}

void MigrationGraph::resolveReplacements(const QList<Migration> &migrations, const QSet<QString> &applied)
{
    QSet<QString> present;
    for (const Migration &m : migrations)
        present.insert(m.id);
    QSet<QString> skip;
    for (const Migration &m : migrations) {
        if (m.replaces.isEmpty())
            continue;
        m_squashReplaces.insert(m.id, m.replaces);
        qsizetype appliedCount = 0;
        for (const QString &r : m.replaces)
            appliedCount += applied.contains(r) ? 1 : 0;
        const bool partlyApplied = appliedCount > 0 && appliedCount < m.replaces.size() && !applied.contains(m.id);
        if (partlyApplied) {
            // Use the originals; a dependency on the squash means its last original.
            skip.insert(m.id);
            QString last;
            QStringList gone;
            for (const QString &r : m.replaces) {
                if (present.contains(r) && r > last)
                    last = r;
                if (!present.contains(r) && !applied.contains(r))
                    gone << r;
            }
            if (!last.isEmpty())
                m_redirect.insert(m.id, last);
            m_squashCases.insert(m.id, gone.isEmpty() ? SquashCase::Partial : SquashCase::PartialMissing);
            if (!gone.isEmpty())
                m_conflicts << GraphConflict{GraphConflict::Kind::MissingReplaced, QStringList{m.id} + gone,
                                             QStringLiteral("this database applied only part of what %1 replaces, and the files of %2 are "
                                                            "gone: restore them (from version control) and run `covet migrate` to apply "
                                                            "them; after that %1 counts as applied here and the files can go again")
                                                 .arg(m.id, listText(gone))};
        } else {
            const bool all = appliedCount == m.replaces.size();
            m_squashCases.insert(m.id, !all                        ? SquashCase::Fresh
                                       : applied.contains(m.id) ? SquashCase::Recorded
                                                                : SquashCase::AllApplied);
            for (const QString &r : m.replaces) {
                m_redirect.insert(r, m.id);
                if (present.contains(r))
                    skip.insert(r);
            }
        }
    }
    for (const Migration &m : migrations) {
        if (skip.contains(m.id)) {
            m_skipped << m.id;
            m_leftOut.insert(m.id, m);
        } else
            m_nodes.insert(m.id, m);
    }
    m_skipped.sort();
}

QString MigrationGraph::squashCaseText(const QString &id) const
{
    const QString replaced = listText(m_squashReplaces.value(id));
    switch (squashCase(id)) {
    case SquashCase::NotSquashed: return {};
    case SquashCase::AllApplied:
        return QStringLiteral("replaces %1, all applied here: counts as applied and is not run").arg(replaced);
    case SquashCase::Recorded:
        return QStringLiteral("replaces %1, all applied here, and recorded as applied itself once they were").arg(replaced);
    case SquashCase::Fresh: return QStringLiteral("replaces %1, none applied here: this migration is applied instead of them").arg(replaced);
    case SquashCase::Partial:
        return QStringLiteral("replaces %1, partly applied here: the remaining originals are applied, not this migration").arg(replaced);
    case SquashCase::PartialMissing:
        return QStringLiteral("replaces %1, partly applied here, and files of the rest are gone: restore them (see the conflict)").arg(replaced);
    }
    return {};
}

QString MigrationGraph::appliedSquashOf(const QString &id) const
{
    for (auto it = m_squashReplaces.cbegin(); it != m_squashReplaces.cend(); ++it) {
        const SquashCase c = squashCase(it.key());
        if ((c == SquashCase::AllApplied || c == SquashCase::Recorded) && it.value().contains(id))
            return it.key();
    }
    return {};
}

const Migration *MigrationGraph::leftOut(const QString &id) const
{
    const auto it = m_leftOut.constFind(id);
    return it == m_leftOut.cend() ? nullptr : &it.value();
}

bool MigrationGraph::originalsPresent(const QString &squashedId) const
{
    const QStringList originals = replacedBy(squashedId);
    return !originals.isEmpty() && std::all_of(originals.cbegin(), originals.cend(), [this](const QString &r) {
        return m_leftOut.contains(r) || m_nodes.contains(r);
    });
}

void MigrationGraph::linkEdges()
{
    QStringList ids = m_nodes.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        for (const QString &dep : m_nodes.value(id).dependencies) {
            QString target = dep;
            for (int hops = 0; hops < 64 && m_redirect.contains(target) && !m_nodes.contains(target); ++hops)
                target = m_redirect.value(target);
            if (target == id)
                continue;
            if (!m_nodes.contains(target)) {
                m_conflicts << GraphConflict{GraphConflict::Kind::MissingDependency, {id, dep},
                                             QStringLiteral("%1 depends on %2, which is not in the migrations directory; restore that "
                                                            "file, or change the dependency to an existing migration")
                                                 .arg(id, dep)};
                continue;
            }
            if (!m_parents[id].contains(target)) {
                m_parents[id] << target;
                m_children[target] << id;
            }
        }
    }
}

void MigrationGraph::sortTopologically()
{
    // Kahn's algorithm; among the ready migrations the lowest number first.
    QMap<std::pair<int, QString>, QString> ready;
    QHash<QString, qsizetype> waiting;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        waiting.insert(it.key(), m_parents.value(it.key()).size());
        if (m_parents.value(it.key()).isEmpty())
            ready.insert({it->number, it.key()}, it.key());
    }
    while (!ready.isEmpty()) {
        const QString id = ready.take(ready.firstKey());
        m_order << id;
        for (const QString &child : m_children.value(id)) {
            if (--waiting[child] == 0)
                ready.insert({m_nodes.value(child).number, child}, child);
        }
    }
    if (m_order.size() == m_nodes.size())
        return;
    QSet<QString> unsorted;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (!m_order.contains(it.key()))
            unsorted.insert(it.key());
    }
    findCycles(unsorted);
}

void MigrationGraph::findCycles(const QSet<QString> &unsorted)
{
    QStringList starts(unsorted.begin(), unsorted.end());
    starts.sort();
    QSet<QString> done;
    for (const QString &start : std::as_const(starts)) {
        if (done.contains(start))
            continue;
        // Follow parents inside the unsorted set until a migration repeats:
        // every unsorted migration has an unsorted parent, so one must.
        QStringList path;
        QString current = start;
        while (!path.contains(current) && !done.contains(current)) {
            path << current;
            QStringList parents;
            for (const QString &p : m_parents.value(current)) {
                if (unsorted.contains(p))
                    parents << p;
            }
            parents.sort();
            current = parents.first();
        }
        for (const QString &id : std::as_const(path))
            done.insert(id);
        if (!path.contains(current))
            continue;   // reached a cycle already reported
        QStringList cycle = path.mid(path.indexOf(current));
        std::reverse(cycle.begin(), cycle.end());   // dependency first
        m_conflicts << GraphConflict{GraphConflict::Kind::Cycle, cycle,
                                     QStringLiteral("dependency cycle: %1 -> %2; remove one of these dependencies "
                                                    "(a migration depends only on earlier ones)")
                                         .arg(cycle.join(QStringLiteral(" -> ")), cycle.first())};
    }
}

void MigrationGraph::findDivergentLeaves()
{
    const QStringList ends = leaves();
    if (ends.size() < 2)
        return;
    QStringList shared;
    for (const QString &parent : m_parents.value(ends.first())) {
        bool all = true;
        for (const QString &leaf : ends)
            all = all && m_parents.value(leaf).contains(parent);
        if (all)
            shared << parent;
    }
    const QString why = shared.isEmpty() ? QStringLiteral("separate branches")
                                         : QStringLiteral("all depend on %1").arg(shared.join(QStringLiteral(", ")));
    m_conflicts << GraphConflict{GraphConflict::Kind::DivergentLeaves, ends,
                                 QStringLiteral("divergent migrations: %1 are each the latest of a branch (%2); run "
                                                "`covet makemigrations --merge` to write a merge migration that depends on all of them")
                                     .arg(listText(ends), why)};
}

Status MigrationGraph::check() const
{
    if (m_conflicts.isEmpty())
        return {};
    QStringList lines;
    for (const GraphConflict &c : m_conflicts)
        lines << c.message;
    return fail(Error::Category::Conflict,
                m_conflicts.size() == 1 ? lines.first()
                                        : QStringLiteral("%1 conflicts in the migration graph:\n  %2").arg(m_conflicts.size()).arg(lines.join(QStringLiteral("\n  "))),
                QStringLiteral("migration graph"));
}

QList<Migration> MigrationGraph::ordered() const
{
    QList<Migration> out;
    out.reserve(m_order.size());
    for (const QString &id : m_order)
        out << m_nodes.value(id);
    return out;
}

const Migration *MigrationGraph::migration(const QString &id) const
{
    const auto it = m_nodes.constFind(id);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

QStringList MigrationGraph::withoutEdges(const QHash<QString, QStringList> &edges) const
{
    QStringList out;
    for (const QString &id : m_order) {
        if (edges.value(id).isEmpty())
            out << id;
    }
    return out;
}

QStringList MigrationGraph::roots() const
{
    return withoutEdges(m_parents);
}

QStringList MigrationGraph::leaves() const
{
    return withoutEdges(m_children);
}

QStringList MigrationGraph::dependenciesOf(const QString &id) const
{
    return m_parents.value(id);
}

QStringList MigrationGraph::dependentsOf(const QString &id) const
{
    return m_children.value(id);
}

QStringList MigrationGraph::closure(const QString &id, bool up) const
{
    if (!m_nodes.contains(id))
        return {};
    QSet<QString> seen{id};
    QStringList todo{id};
    while (!todo.isEmpty()) {
        const QString current = todo.takeLast();
        for (const QString &next : (up ? m_parents : m_children).value(current)) {
            if (!seen.contains(next)) {
                seen.insert(next);
                todo << next;
            }
        }
    }
    QStringList out;
    for (const QString &o : m_order) {
        if (seen.contains(o))
            out << o;
    }
    return out;
}

QStringList MigrationGraph::ancestors(const QString &id) const
{
    return closure(id, true);
}

QStringList MigrationGraph::descendants(const QString &id) const
{
    return closure(id, false);
}

} // namespace covet
