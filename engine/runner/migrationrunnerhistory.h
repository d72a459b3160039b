#pragma once

// MigrationRunner's reading of the history (private to its .cpp files).
#include "../migrations/migrationgraph.h"
#include "migrationrunner.h"

#include <memory>

namespace covet {

struct MigrationRunner::History
{
    QList<AppliedMigration> applied;
    QList<PartialMigration> partials;
    std::shared_ptr<const MigrationGraph> graph;
};

} // namespace covet
