#include "squashplans.h"

#include <algorithm>

namespace covet {

QList<MigrationPlan> SquashPlans::recordOnly(const MigrationGraph &graph, const QString &target)
{
    const QStringList wanted = target.isEmpty() ? graph.order() : graph.ancestors(target);
    QList<MigrationPlan> out;
    for (const QString &id : wanted) {
        if (graph.squashCase(id) != MigrationGraph::SquashCase::AllApplied)
            continue;
        MigrationPlan p;
        p.migration = graph.migration(id);
        p.forward = true;
        p.recordOnly = true;
        out << p;
    }
    return out;
}

void SquashPlans::completeSquashes(const MigrationGraph &graph, const QSet<QString> &applied, QList<MigrationPlan> &plans)
{
    for (auto it = graph.squashCases().cbegin(); it != graph.squashCases().cend(); ++it) {
        if (it.value() != MigrationGraph::SquashCase::Partial)
            continue;
        const Migration *squashed = graph.leftOut(it.key());
        if (!squashed)
            continue;
        qsizetype last = -1;
        bool complete = true;
        for (const QString &r : graph.replacedBy(it.key())) {
            qsizetype at = -1;
            for (qsizetype i = 0; i < plans.size() && at < 0; ++i)
                if (plans.at(i).forward && !plans.at(i).recordOnly && plans.at(i).migration->id == r)
                    at = i;
            complete = complete && (applied.contains(r) || at >= 0);
            last = std::max(last, at);
        }
        if (complete && last >= 0)
            plans[last].alsoRecord << squashed;
    }
}

const Migration *SquashPlans::toRollBack(const RunSelection &selection, const QString &id)
{
    if (const Migration *m = selection.graph().migration(id))
        return m;
    return selection.expandedSquashOf(id).isEmpty() ? nullptr : selection.graph().leftOut(id);
}

void SquashPlans::rowsToRemove(const RunSelection &selection, const QSet<QString> &applied, QList<MigrationPlan> &plans)
{
    QSet<QString> squashRowGone;
    for (MigrationPlan &p : plans) {
        if (p.forward)
            continue;
        const QString id = p.migration->id;
        // The squashed migration's down part stands for its originals: their rows go with it.
        for (const QString &r : selection.graph().replacedBy(id))
            if (applied.contains(r))
                p.alsoRemove << r;
        // The first original to go takes the squash row with it.
        const QString squashed = selection.expandedSquashOf(id);
        if (!squashed.isEmpty() && applied.contains(squashed) && !squashRowGone.contains(squashed)) {
            p.alsoRemove << squashed;
            squashRowGone.insert(squashed);
        }
    }
}

} // namespace covet
