// MigrationRunner's reading side: the state of every migration (status),
// the check of the history against the files (verify) and the overview the
// Migrations view and `covet status` show (SQL both ways, part-way records
// and their ways out, the risk of what is pending). Split from
// migrationrunner.cpp, which keeps planning and running.
#include "migrationrunner.h"
#include "migrationrunnerhistory.h"

#include "../migrations/migrationgraph.h"
#include "../migrations/migrationplanner.h"
#include "partialresume.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace covet {

Result<QList<MigrationState>> MigrationRunner::status()
{
    if (auto st = checkRepository(); !st)
        return std::unexpected(st.error());
    auto history = readHistory();
    if (!history)
        return std::unexpected(history.error());
    m_warnings.clear();
    recordConflicts(history->applied, m_environment, m_warnings);
    QHash<QString, AppliedMigration> byId;
    for (const AppliedMigration &a : std::as_const(history->applied))
        byId.insert(a.id, a);
    QHash<QString, PartialMigration> partial;
    for (const PartialMigration &p : std::as_const(history->partials))
        partial.insert(p.id, p);
    const MigrationGraph &graph = *history->graph;
    QList<MigrationState> out;
    QSet<QString> listed;
    QStringList order = graph.order();
    for (const QString &id : graph.skipped())
        if (byId.contains(id) || graph.squashCase(id) != MigrationGraph::SquashCase::NotSquashed)
            order << id;
    QSet<QString> ordered(order.cbegin(), order.cend());
    for (const AppliedMigration &a : std::as_const(history->applied))
        if (!ordered.contains(a.id)) {
            ordered.insert(a.id);
            order << a.id;
        }
    for (const QString &id : std::as_const(order)) {
        if (listed.contains(id))
            continue;
        const Migration *m = m_repository.find(id);
        MigrationState s;
        s.id = id;
        const bool fileMatches = m && m->id == id;
        s.file = fileMatches ? m->sourcePath : QString();
        s.fileChecksum = fileMatches ? m->checksum : QString();
        if (byId.contains(id)) {
            const AppliedMigration &a = byId.value(id);
            s.appliedAt = a.appliedAt;
            s.appliedBy = a.appliedBy;
            s.durationMs = a.durationMs;
            s.recordedChecksum = a.checksum;
            // An original whose file went after its squashed migration counts as applied: replaced, not missing.
            const QString replacedBy = graph.appliedSquashOf(id);
            s.state = !fileMatches && replacedBy.isEmpty() ? MigrationState::State::Missing
                      : !fileMatches || m->checksum == a.checksum ? MigrationState::State::Applied
                                                                   : MigrationState::State::Modified;
            s.replacedBy = replacedBy;
            if (!replacedBy.isEmpty())
                s.squash = fileMatches ? QStringLiteral("replaced by %1").arg(replacedBy)
                                       : QStringLiteral("replaced by %1 (its file was removed after the squash)").arg(replacedBy);
        } else if (graph.appliedThroughReplaced(id)) {
            s.state = MigrationState::State::Applied;   // through the migrations it replaces
        } else {
            s.state = MigrationState::State::Pending;
        }
        if (s.squash.isEmpty())
            s.squash = graph.squashCaseText(id);
        if (partial.contains(id)) {
            s.state = MigrationState::State::Partial;
            s.partial = partial.value(id);
        }
        out << s;
        listed.insert(id);
    }
    if (!history->partials.isEmpty()) {
        // What each part-way migration has in effect, step by step, labelled as a run labels them,
        // planned over the history the run went through: an original left out of the graph was
        // being rolled back in place of its squashed migration (the rollback order).
        std::optional<MigrationPlanner> inOrder;
        std::optional<MigrationPlanner> inRollbackOrder;
        for (MigrationState &s : out) {
            if (!s.partial)
                continue;
            std::optional<MigrationPlanner> &planner = graph.contains(s.id) ? inOrder : inRollbackOrder;
            if (!planner)
                planner.emplace(m_connection.dialect(),
                                graph.contains(s.id) ? graph.ordered() : RunSelection(history->graph, history->applied).rollbackOrder(),
                                sqliteVersion(), devUrl(RunOptions{}));
            auto steps = PartialResume::steps(*planner, graph, *s.partial);
            if (steps)
                s.partialSteps = *steps;
            else
                m_warnings << steps.error().toString();
        }
    }
    return out;
}

Status MigrationRunner::verify()
{
    auto states = status();
    if (!states)
        return std::unexpected(states.error());
    QStringList problems;
    for (const MigrationState &s : *states) {
        if (s.state == MigrationState::State::Modified)
            problems << QStringLiteral("%1 was changed after it was applied (recorded checksum %2, the file now has %3)")
                            .arg(s.file, s.recordedChecksum.left(12), s.fileChecksum.left(12));
        else if (s.state == MigrationState::State::Missing)
            problems << QStringLiteral("%1 is recorded as applied but its file is missing from %2").arg(s.id, m_repository.directory());
        else if (s.state == MigrationState::State::Partial)
            problems << PartialResume::refusal(*s.partial);
    }
    if (!problems.isEmpty())
        return fail(Error::Category::Conflict,
                    problems.join(u'\n') + QStringLiteral("\nrestore the files as they were applied; a change belongs in a new migration"));
    return {};
}

Result<MigrationOverview> MigrationRunner::overview(bool withRisk)
{
    if (auto st = checkRepository(); !st)
        return std::unexpected(st.error());
    auto states = status();
    if (!states)
        return std::unexpected(states.error());
    auto history = readHistory();
    if (!history)
        return std::unexpected(history.error());
    MigrationOverview out;
    out.states = std::move(*states);
    out.conflicts = m_conflicts;
    out.warnings = m_warnings;
    out.selection.emplace(history->graph, history->applied);
    // One planner, one replay, for every migration's SQL both ways.
    const MigrationGraph &graph = *history->graph;
    MigrationPlanner planner(m_connection.dialect(), graph.ordered(), sqliteVersion(), devUrl(RunOptions{}));
    for (const MigrationState &s : std::as_const(out.states)) {
        const Migration *m = s.state == MigrationState::State::Missing ? nullptr : graph.migration(s.id);
        if (!m)
            m = m_repository.find(s.id);
        for (const bool forward : {true, false}) {
            QString text;
            if ((!m || m->id != s.id) && !s.squash.isEmpty()) {
                text = QStringLiteral("-- %1: %2.\n-- There is no file: its changes are in the SQL of the squashed migration.\n").arg(s.id, s.squash);
            } else if (!m || m->id != s.id) {
                text = QStringLiteral("-- %1: the file is missing from the migrations directory; there is no SQL to show.\n").arg(s.id);
            } else {
                auto p = planner.plan(*m, forward);
                text = p ? p->script() : QStringLiteral("-- %1\n").arg(p.error().toString().replace(u'\n', QStringLiteral("\n-- ")));
            }
            (forward ? out.upSql : out.downSql).insert(s.id, text);
        }
    }
    out.replays = planner.replays();
    for (const PartialMigration &p : std::as_const(history->partials)) {
        if (out.runRefusal.isEmpty())
            out.runRefusal = PartialResume::refusal(p);
        // The ways out, judged as `covet migrate --resume` (to it) and `covet rollback --resume` would judge them.
        PartialWays &ways = out.partialWays[p.id];
        for (const bool forward : {true, false}) {
            RunOptions o;
            o.resume = true;
            // To it (not past it); an original left out of the graph cannot be a target: the
            // resumed run is the one that went through it.
            o.target = forward && graph.contains(p.id) ? p.id : QString();
            auto plan = makePlan(*history, o, forward);
            if (forward)
                ways.finishTarget = o.target;
            if (plan)
                (forward ? ways.finishIds : ways.undoIds) = plan->ids();
            auto risk = plan ? assess(*plan) : Result<RiskReport>(std::unexpected(plan.error()));
            (forward ? ways.finishRefusal : ways.undoRefusal) = risk ? QString() : risk.error().toString();
            if (risk)
                (forward ? ways.finishDataLoss : ways.undoDataLoss) = risk->dataLossLines();
        }
    }
    if (withRisk) {
        RunOptions o;
        // With one part-way, what runs next is its finishing (Apply waits
        // until it is finished or undone): that is the risk shown then.
        o.resume = !history->partials.isEmpty();
        auto plan = makePlan(*history, o, true);
        if (!plan) {
            out.riskError = plan.error().toString();
        } else {
            auto risk = assess(*plan);
            if (risk)
                out.pendingRisk = *risk;
            else
                out.riskError = risk.error().toString();
        }
    }
    return out;
}

} // namespace covet
