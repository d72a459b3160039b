#pragma once

#include "inspector.h"

#include <QStringList>

namespace covet {

// Reads a PostgreSQL database through pg_catalog with a fixed set of
// set-wise queries (namespaces, enums, tables, columns, constraints, indexes,
// triggers, views), whatever the number of tables. The first schema of the
// search path becomes the default (empty) namespace.
class PostgresInspector : public Inspector
{
public:
    Result<Schema> inspect(SqlExecutor &sql, const InspectOptions &options = {},
                           const ProgressSink *progress = nullptr) override;

    // The catalog queries inspect() runs when no schema filter is given, in
    // order. Benchmarks feed them to psql to measure the floor.
    static QStringList catalogQueries();
};

} // namespace covet
