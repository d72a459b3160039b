#pragma once

#include "../migrations/migrationgraph.h"
#include "../migrations/migrationplanner.h"
#include "runplan.h"

#include <QList>
#include <QSet>
#include <QString>

namespace covet {

// What a run does about squashed migrations (MigrationGraph::squashCase),
// decided once for migrate, rollback, their dry runs and the risk analysis:
// MigrationRunner::makePlan asks here, and everything else reads its plan.
//
// Forward: a squashed migration whose originals are all applied is recorded
// in _covet_migrations itself (with its checksum), as Django does — by a
// plan that only records it (recordOnly) when the originals were applied
// before, or with the plan of the last original when this run applies it
// (MigrationPlan::alsoRecord, in that plan's transaction).
//
// Backward (which ids: RunSelection::rollback): through the originals while
// their files and rows are there, the first of them to go removing the
// squash row too; else the squashed migration's down part, removing its row
// and every original's row in its transaction (MigrationPlan::alsoRemove).
class SquashPlans
{
public:
    // Plans that record the squashed migrations counted as applied through
    // their originals but not recorded: those `target` needs (all without
    // one), in graph order.
    static QList<MigrationPlan> recordOnly(const MigrationGraph &graph, const QString &target);
    // Attaches to the plan of the last original a run applies each squashed
    // migration whose originals are all applied once the run is done.
    static void completeSquashes(const MigrationGraph &graph, const QSet<QString> &applied, QList<MigrationPlan> &plans);
    // The migration rolled back for an id RunSelection::rollback() chose (an
    // original rolled back in place of its squashed migration included).
    static const Migration *toRollBack(const RunSelection &selection, const QString &id);
    // The history rows each rollback plan removes besides its own.
    static void rowsToRemove(const RunSelection &selection, const QSet<QString> &applied, QList<MigrationPlan> &plans);
};

} // namespace covet
