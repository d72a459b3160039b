#include "runplan.h"

#include <algorithm>

namespace covet {

RunSelection::RunSelection(std::shared_ptr<const MigrationGraph> graph, const QList<AppliedMigration> &applied)
    : m_graph(std::move(graph))
{
    for (const AppliedMigration &a : applied)
        m_applied.insert(a.id);
    // A squashed migration whose originals are all applied counts as applied.
    for (auto it = m_graph->squashCases().cbegin(); it != m_graph->squashCases().cend(); ++it)
        if (it.value() == MigrationGraph::SquashCase::AllApplied)
            m_applied.insert(it.key());
    // One whose originals' files and rows are there stands for them.
    for (const QString &id : m_graph->order()) {
        if (!m_applied.contains(id))
            continue;
        const QStringList originals = m_graph->replacedBy(id);
        const bool expand = m_graph->originalsPresent(id) && !originals.isEmpty()
            && std::all_of(originals.cbegin(), originals.cend(), [this](const QString &r) { return m_applied.contains(r); });
        if (!expand || m_graph->squashCase(id) == MigrationGraph::SquashCase::Fresh) {
            m_appliedOrder << id;
            continue;
        }
        for (const QString &r : originals) {
            m_appliedOrder << r;
            m_expandedIn.insert(r, id);
        }
    }
    // History rows not in the graph, except the originals a squashed
    // migration that counts as applied covers (their files are gone).
    for (const AppliedMigration &a : applied)
        if (!m_appliedOrder.contains(a.id) && !m_graph->contains(a.id) && m_graph->appliedSquashOf(a.id).isEmpty())
            m_appliedOrder << a.id;
}

QList<Migration> RunSelection::rollbackOrder() const
{
    QList<Migration> out;
    for (const QString &id : m_graph->order()) {
        const QStringList originals = m_graph->replacedBy(id);
        if (!originals.isEmpty() && m_expandedIn.value(originals.first()) == id) {
            for (const QString &r : originals)
                if (const Migration *m = m_graph->leftOut(r) ? m_graph->leftOut(r) : m_graph->migration(r))
                    out << *m;
        } else {
            out << *m_graph->migration(id);
        }
    }
    return out;
}

Result<QStringList> RunSelection::pending(const QString &target) const
{
    QStringList wanted = m_graph->order();
    if (!target.isEmpty()) {
        if (!m_graph->contains(target))
            return fail(Error::Category::NotFound, QStringLiteral("no migration '%1' to migrate to").arg(target));
        wanted = m_graph->ancestors(target);
    }
    QStringList out;
    for (const QString &id : std::as_const(wanted))
        if (!m_applied.contains(id))
            out << id;
    return out;
}

Result<QStringList> RunSelection::rollback(const QString &target, int steps) const
{
    QStringList selected;
    if (!target.isEmpty()) {
        if (!m_applied.contains(target))
            return fail(Error::Category::NotFound, QStringLiteral("cannot roll back to %1: it is not applied").arg(target));
        // An original rolled back in place of its squashed migration: the
        // originals after it and what depends on the squashed migration.
        const QString squashed = m_expandedIn.value(target);
        if (squashed.isEmpty() && !m_graph->contains(target) && !m_graph->appliedSquashOf(target).isEmpty())
            return fail(Error::Category::Conflict,
                        QStringLiteral("cannot roll back to %1: %2 replaces it and the originals' files are gone, so it rolls back only "
                                       "as a whole; roll back to a migration before it, or restore the originals' files (from version control)")
                            .arg(target, m_graph->appliedSquashOf(target)));
        const QString node = squashed.isEmpty() ? target : squashed;
        QStringList after = m_graph->contains(node) ? m_graph->descendants(node) : QStringList();
        if (!squashed.isEmpty()) {
            after.removeAll(squashed);
            const QStringList originals = m_graph->replacedBy(squashed);
            after << originals.mid(originals.indexOf(target) + 1);
        }
        for (const QString &id : m_appliedOrder) {
            const QString in = m_expandedIn.value(id);
            const bool byItsSquash = !in.isEmpty() && in != node && after.contains(in);
            if (id != target && (after.contains(id) || byItsSquash || (!m_graph->contains(id) && in.isEmpty())))
                selected.prepend(id);
        }
        return selected;
    }
    const int n = steps > 0 ? steps : 1;
    for (qsizetype i = m_appliedOrder.size() - 1; i >= 0 && selected.size() < n; --i)
        selected << m_appliedOrder.at(i);
    return selected;
}

QStringList RunPlan::ids() const
{
    QStringList out;
    for (const MigrationPlan &p : plans)
        out << p.migration->id;
    return out;
}

QString RunPlan::script() const
{
    QString out;
    for (const MigrationPlan &p : plans)
        out += p.script();
    return out;
}

QList<PlannedStep> RunPlan::plannedSteps() const
{
    QList<PlannedStep> out;
    for (const MigrationPlan &p : plans) {
        for (qsizetype i = 0; i < p.steps.size(); ++i) {
            const MigrationStep &s = p.steps.at(i);
            PlannedStep ps;
            ps.migrationId = p.migration->id;
            ps.stepIndex = int(i);
            ps.label = s.label;
            ps.operations = s.operations;
            ps.before = s.before;
            ps.hasUndo = s.undo.has_value();
            ps.acknowledged = p.migration->acknowledged;
            ps.acknowledgement = p.migration->acknowledgement;
            if (s.rawSql)
                for (const SqlBatch &b : s.batches)
                    ps.rawStatements << b.statements;
            out << ps;
        }
    }
    return out;
}

} // namespace covet
