#pragma once

#include "../core/error.h"
#include "../migrations/migrationgraph.h"
#include "../migrations/migrationhistory.h"
#include "../migrations/migrationplanner.h"
#include "../safety/plannedstep.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace covet {

// Which migrations a run touches, in which order — the one answer to
// "what is pending up to X" and "what does rolling back to Y undo", used
// by `covet migrate`, `covet rollback`, `covet lint`, Covet Studio's Apply,
// Apply to Here and Roll back to here, and the Migrations listing.
class RunSelection
{
public:
    RunSelection(std::shared_ptr<const MigrationGraph> graph, const QList<AppliedMigration> &applied);

    // Pending migrations in graph order; with a target: the target and the
    // pending migrations it depends on (NotFound when it is not in the graph).
    Result<QStringList> pending(const QString &target = {}) const;
    // Applied migrations to roll back, last applied first: those after
    // `target` (which stays applied; NotFound when it is not applied), or
    // the last `steps` (default 1). Applied migrations whose file is gone
    // come last-applied-first too; the planner refuses them.
    // Squashed migrations that count as applied: rolled back through their
    // originals (last first, one step each) while the originals' files are
    // present; else as one, with the squashed migration's down part. The
    // originals' history rows whose files are gone are covered by it.
    Result<QStringList> rollback(const QString &target = {}, int steps = 0) const;
    // The squashed migration whose originals rollback() goes through in its
    // place (`id` is one of them), or empty.
    QString expandedSquashOf(const QString &id) const { return m_expandedIn.value(id); }
    // The migrations in graph order with each squashed migration that
    // rollback() goes through by its originals replaced by them: what the
    // planner of a rollback replays.
    QList<Migration> rollbackOrder() const;

    const MigrationGraph &graph() const { return *m_graph; }
    bool isApplied(const QString &id) const { return m_applied.contains(id); }

private:
    std::shared_ptr<const MigrationGraph> m_graph;
    QSet<QString> m_applied;
    QStringList m_appliedOrder;   // graph order, then those not in the graph in applied order
    QHash<QString, QString> m_expandedIn;   // original -> the squashed migration it is rolled back in place of
};

// The plans of one run, in the order they run, with what the safety
// analysis needs. Holds the graph its plans point into.
struct RunPlan
{
    bool forward = true;
    QList<MigrationPlan> plans;
    RunPreconditions checks;
    QStringList warnings;
    std::shared_ptr<const MigrationGraph> graph;
    // What the planner replayed: the graph's order, or for a rollback
    // through a squashed migration's originals, them in its place
    // (RunSelection::rollbackOrder); a rehearsal plans again from it.
    QList<Migration> order;

    QStringList ids() const;
    QString script() const;
    // The steps as RiskAnalyzer reads them (typed operations or raw SQL,
    // the schema before each, what each migration acknowledged); raw SQL
    // (run_sql, plain SQL files) as the statements that run in this dialect.
    QList<PlannedStep> plannedSteps() const;
};

} // namespace covet
