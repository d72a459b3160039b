#pragma once

#include "../core/error.h"
#include "../sources/modelsfile.h"
#include "../sources/renamehint.h"
#include "../sources/schemasource.h"

#include <QList>
#include <QString>

namespace covet {

// A schema to migrate to, with what its source says about how to get there.
struct DesiredSchema
{
    enum class Kind { Database, ModelsFile, SqlFile, JsonFile, MigrationsDirectory, Unknown };
    Kind kind = Kind::ModelsFile;
    Schema schema;
    QList<RenameHint> hints;          // a models file's renamed_from
    QList<BackfillHint> backfills;    // a models file's backfill
};

// The one loader of desired schemas, for `covet diff --to`, `covet
// makemigrations` and Covet Studio's Diff view:
//  - a database URL (inspected),
//  - a models file (.yaml/.yml: read once, with its rename and backfill hints),
//  - a SQL DDL file (.sql: run in a scratch database, then inspected; needs
//    options.dialect, and options.devUrl for PostgreSQL/MySQL),
//  - a canonical schema JSON file (.json),
//  - a migrations directory: its history replayed (needs options.dialect;
//    plain SQL migrations on PostgreSQL/MySQL replay on options.devUrl).
class DesiredSchemaLoader
{
public:
    static DesiredSchema::Kind classify(const QString &spec);
    static Result<DesiredSchema> load(const QString &spec, const SchemaSourceOptions &options = {});
    // The history of a migrations directory, replayed in `dialect`.
    static Result<Schema> replayDirectory(const QString &dir, Dialect dialect, const QString &devUrl = {},
                                          const ProgressSink *progress = nullptr);
};

} // namespace covet
