#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../db/sqlexecutor.h"
#include "../schema/schema.h"

#include <QStringList>

#include <memory>

namespace covet {

struct InspectOptions
{
    // PostgreSQL schemas to read; empty: every schema that is not a system
    // schema. The connection's first search_path schema becomes the default
    // (empty) namespace.
    QStringList schemas;
    // Covet's own tables (_covet_*) are left out unless this is set.
    bool includeCovetTables = false;
};

// Reads a live database's catalog into a Schema with a fixed number of
// queries, whatever the number of tables.
class Inspector
{
public:
    virtual ~Inspector() = default;
    virtual Result<Schema> inspect(SqlExecutor &sql, const InspectOptions &options = {},
                                   const ProgressSink *progress = nullptr) = 0;

    static std::unique_ptr<Inspector> create(Dialect dialect);

    // True for Covet's bookkeeping tables.
    static bool isCovetTable(const QString &name) { return name.startsWith(QLatin1String("_covet_")); }

    // The error every inspector (and a job around one) returns when its
    // ProgressSink is cancelled.
    static Error cancelledError(Dialect dialect);
};

} // namespace covet
