#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"
#include "../migrations/migrationgraph.h"
#include "../migrations/migrationplanner.h"
#include "../migrations/partialmigrations.h"

namespace covet {

// The plan that deals with a migration a stepwise run left part-way: finish
// it (run the steps not in effect) or revert it (undo the steps in effect,
// last first). A step recorded as running when the run stopped is judged
// against the live schema: in effect when the tables it changes look as
// the replayed history says they do after it, not in effect when they look
// as before it; anything else is refused, naming the differences, because
// only a person can tell. `planner` must replay the history the run went
// through: for an original rolled back in place of its squashed migration
// (their files and rows there), the rollback order (MigrationRunner::makePlan).
class PartialResume
{
public:
    static Result<MigrationPlan> plan(MigrationPlanner &planner, const MigrationGraph &graph, const PartialMigration &partial, bool finish,
                                      SqlExecutor &live);
    // The migration a part-way record is of: a graph node, or an original
    // left out of the graph because its squashed migration counts as applied.
    static const Migration *migrationOf(const MigrationGraph &graph, const QString &id);
    // Each step of its recorded run, in effect or not, labelled as the
    // runner labels it (from the file: NotFound when it is missing).
    static Result<QList<PartialStep>> steps(MigrationPlanner &planner, const MigrationGraph &graph, const PartialMigration &partial);
    // The message for a run that meets a part-way migration without --resume.
    static QString refusal(const PartialMigration &partial);
    // What `covet migrate --resume` does with it ("finishes it" for a run
    // that was applying; "re-applies what the rollback undid of it"), and
    // what `covet rollback --resume` does ("undoes what is in effect of it";
    // "finishes rolling it back"): what Studio's Finish and Undo do.
    static QString migrateResumeDoes(const PartialMigration &partial);
    static QString rollbackResumeDoes(const PartialMigration &partial);
    // How to finish or undo it: "`covet migrate --resume` finishes it; ...".
    static QString wayOut(const PartialMigration &partial);
};

} // namespace covet
