#include "runplan.h"

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
    for (const QString &id : m_graph->order())
        if (m_applied.contains(id))
            m_appliedOrder << id;
    for (const AppliedMigration &a : applied)
        if (!m_appliedOrder.contains(a.id))
            m_appliedOrder << a.id;
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
        const QStringList after = m_graph->contains(target) ? m_graph->descendants(target) : QStringList();
        for (const QString &id : m_appliedOrder)
            if (id != target && (after.contains(id) || !m_graph->contains(id)))
                selected.prepend(id);
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
