#include "desiredschema.h"

#include "historyreplay.h"
#include "migrationgraph.h"
#include "migrationrepository.h"

#include <QFileInfo>

namespace covet {

DesiredSchema::Kind DesiredSchemaLoader::classify(const QString &spec)
{
    if (QFileInfo(spec).isDir())
        return DesiredSchema::Kind::MigrationsDirectory;
    switch (SchemaSource::classify(spec)) {
    case SchemaSource::Kind::Database: return DesiredSchema::Kind::Database;
    case SchemaSource::Kind::SqlFile: return DesiredSchema::Kind::SqlFile;
    case SchemaSource::Kind::JsonFile: return DesiredSchema::Kind::JsonFile;
    case SchemaSource::Kind::ModelsFile: return DesiredSchema::Kind::ModelsFile;
    case SchemaSource::Kind::Unknown: break;
    }
    return DesiredSchema::Kind::Unknown;
}

Result<Schema> DesiredSchemaLoader::replayDirectory(const QString &dir, Dialect dialect, const QString &devUrl, const ProgressSink *progress)
{
    const MigrationRepository repo = MigrationRepository::load(dir);
    if (auto s = repo.status(); !s)
        return std::unexpected(s.error());
    const MigrationGraph graph = MigrationGraph::build(repo.migrations());
    if (auto s = graph.check(); !s)
        return std::unexpected(s.error());
    auto schema = HistoryReplay::replay(graph.ordered(), dialect, progress, devUrl);
    if (schema)
        schema->dialect = dialect;
    return schema;
}

Result<DesiredSchema> DesiredSchemaLoader::load(const QString &spec, const SchemaSourceOptions &options)
{
    if (spec.trimmed().isEmpty())
        return fail(Error::Category::InvalidInput, QStringLiteral("no desired schema given: a models file, a DDL file, a migrations "
                                                                  "directory or a database URL"));
    DesiredSchema out;
    out.kind = classify(spec);
    if (out.kind == DesiredSchema::Kind::MigrationsDirectory) {
        if (!options.dialect)
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("a migrations directory is replayed in a dialect: pass --dialect sqlite|postgresql|mysql"), spec);
        auto replayed = replayDirectory(spec, *options.dialect, options.devUrl, options.progress);
        if (!replayed)
            return std::unexpected(replayed.error());
        out.schema = std::move(*replayed);
        return out;
    }
    if (out.kind == DesiredSchema::Kind::ModelsFile) {
        // Read once, for the schema and its hints.
        auto models = ModelsFile::read(spec);
        if (!models)
            return std::unexpected(models.error());
        out.schema = models->schema();
        out.hints = models->renameHints();
        out.backfills = models->backfills();
        return out;
    }
    auto loaded = SchemaSource::load(spec, options);
    if (!loaded)
        return std::unexpected(loaded.error());
    out.schema = std::move(*loaded);
    return out;
}

} // namespace covet
