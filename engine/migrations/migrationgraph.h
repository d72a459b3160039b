#pragma once

#include "../core/error.h"
#include "migration.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace covet {

// A problem in the migration graph, with the way out.
struct GraphConflict
{
    enum class Kind {
        Cycle,               // ids: the migrations on the cycle, in order
        MissingDependency,   // ids: {migration, missing dependency}
        DivergentLeaves,     // ids: the leaves (migrations nothing depends on)
        MissingReplaced,     // ids: {squashed migration, the replaced ones not applied whose files are gone}
    };
    Kind kind;
    QStringList ids;
    QString message;   // what is wrong and what to do
    bool operator==(const GraphConflict &) const = default;
};

// The migrations as a graph of dependencies, in the order they apply.
//
// Squashed migrations: a migration that `replaces` others stands in for
// them. When some but not all of the replaced migrations are applied, the
// originals are used and the squashed one is left out (it cannot be applied
// partly); otherwise the squashed one is used, the replaced ones are left
// out, and a dependency on a replaced id means the squashed migration.
//
// Which of the four cases a squashed migration is in for one database
// (squashCase()), the one answer `covet status`, the runner and Studio use:
//  - AllApplied: every replaced migration is applied; the squashed one
//    counts as applied (appliedThroughReplaced()) and is never run there;
//    the next run records it (SquashPlans, engine/runner): then Recorded;
//  - Fresh: none is applied (or only the squashed one itself is): it is used;
//  - Recorded: every replaced migration is applied and so is the squashed
//    one (recorded once its originals were all applied, as Django does): it
//    is used, and the history rows of the originals stay, shown as
//    "replaced by" it, whether or not their files are still there;
//  - Partial: some are applied and the files of the others exist: the
//    originals are used, the squashed migration is left out;
//  - PartialMissing: some are applied and a file of the others is gone: a
//    MissingReplaced conflict naming the files to restore.
//
// Conflicts — cycles, dependencies that do not exist, and more than one leaf
// (two migrations with the same parent: branches made in parallel) — are
// collected; order() still orders what it can, and check() turns them into
// one Conflict error naming the way out.
class MigrationGraph
{
public:
    // `applied`: the ids the database has applied (to choose between a
    // squashed migration and the ones it replaces); empty for none.
    static MigrationGraph build(const QList<Migration> &migrations, const QSet<QString> &applied = {});

    const QList<GraphConflict> &conflicts() const { return m_conflicts; }
    Status check() const;

    // Every migration in the graph, dependencies first; ties broken by
    // number. Migrations on a cycle are left out (see conflicts()).
    const QStringList &order() const { return m_order; }
    // The migrations the graph uses, in order().
    QList<Migration> ordered() const;
    const Migration *migration(const QString &id) const;
    bool contains(const QString &id) const { return m_nodes.contains(id); }

    QStringList roots() const;    // no dependencies
    QStringList leaves() const;   // nothing depends on them
    QStringList dependenciesOf(const QString &id) const;   // direct, after squash mapping
    QStringList dependentsOf(const QString &id) const;     // direct
    // id and everything it depends on, transitively, in order().
    QStringList ancestors(const QString &id) const;
    // id and everything that depends on it, transitively, in order().
    QStringList descendants(const QString &id) const;
    // Ids left out because a squashed migration replaces them (or the
    // squashed ids left out because their originals are partly applied).
    const QStringList &skipped() const { return m_skipped; }

    enum class SquashCase { NotSquashed, AllApplied, Fresh, Partial, PartialMissing, Recorded };
    SquashCase squashCase(const QString &squashedId) const { return m_squashCases.value(squashedId, SquashCase::NotSquashed); }
    // One line for people: what the case means for this database.
    QString squashCaseText(const QString &squashedId) const;
    // The squashed migrations and their cases.
    const QHash<QString, SquashCase> &squashCases() const { return m_squashCases; }
    // Squashed migrations whose replaced migrations are all applied: they
    // count as applied, though the history records only the originals.
    bool appliedThroughReplaced(const QString &id) const { return squashCase(id) == SquashCase::AllApplied; }
    // The ids a squashed migration replaces (empty for any other id).
    QStringList replacedBy(const QString &squashedId) const { return m_squashReplaces.value(squashedId); }
    // The squashed migration that replaces `id` and counts as applied here
    // (AllApplied or Recorded), or empty: a history row of `id` whose file is
    // gone is then not missing but replaced by it.
    QString appliedSquashOf(const QString &id) const;
    // A migration left out of the graph (skipped()) whose file is present:
    // an original a squashed migration stands in for, or a squashed one left
    // out for its originals; null otherwise.
    const Migration *leftOut(const QString &id) const;
    // Whether the files of every migration `squashedId` replaces are present.
    bool originalsPresent(const QString &squashedId) const;

private:
    void resolveReplacements(const QList<Migration> &migrations, const QSet<QString> &applied);
    void linkEdges();
    void sortTopologically();
    void findCycles(const QSet<QString> &unsorted);
    void findDivergentLeaves();
    QStringList closure(const QString &id, bool up) const;
    QStringList withoutEdges(const QHash<QString, QStringList> &edges) const;

    QHash<QString, Migration> m_nodes;
    QHash<QString, Migration> m_leftOut;
    QHash<QString, QString> m_redirect;   // replaced id -> squashed id (or squashed -> last original)
    QHash<QString, QStringList> m_parents;
    QHash<QString, QStringList> m_children;
    QStringList m_order;
    QStringList m_skipped;
    QList<GraphConflict> m_conflicts;
    QHash<QString, SquashCase> m_squashCases;
    QHash<QString, QStringList> m_squashReplaces;
};

} // namespace covet
