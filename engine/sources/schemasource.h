#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../db/databaseurl.h"
#include "inspector.h"

#include <QString>

#include <optional>

namespace covet {

struct SchemaSourceOptions
{
    std::optional<Dialect> dialect;   // for .sql files: the dialect to execute them in
    QString devUrl;                    // scratch server for PostgreSQL/MySQL .sql files
    InspectOptions inspect;
    const ProgressSink *progress = nullptr;
};

// Where a schema comes from: a live database URL, a models file (.yaml/.yml),
// a SQL DDL file (.sql) or a canonical JSON file (.json). The CLI's --db,
// --from and --to, and the GUI's "desired side", all go through here.
class SchemaSource
{
public:
    enum class Kind { Database, ModelsFile, SqlFile, JsonFile, Unknown };

    static Kind classify(const QString &spec);
    static Result<Schema> load(const QString &spec, const SchemaSourceOptions &options = {});
    static Result<Schema> inspectDatabase(const DatabaseUrl &url, const InspectOptions &options = {},
                                          const ProgressSink *progress = nullptr,
                                          QString *serverVersion = nullptr);
};

} // namespace covet
