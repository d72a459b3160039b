#include "schemasource.h"

#include "../db/connection.h"
#include "../schema/schemajson.h"
#include "ddlfile.h"
#include "modelsfile.h"

#include <QFile>
#include <QFileInfo>

namespace covet {

SchemaSource::Kind SchemaSource::classify(const QString &spec)
{
    const QString s = spec.trimmed();
    if (s.contains(QLatin1String("://")) || s.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive))
        return Kind::Database;
    const QString suffix = QFileInfo(s).suffix().toLower();
    if (suffix == u"yaml" || suffix == u"yml")
        return Kind::ModelsFile;
    if (suffix == u"sql")
        return Kind::SqlFile;
    if (suffix == u"json")
        return Kind::JsonFile;
    return Kind::Unknown;
}

Result<Schema> SchemaSource::inspectDatabase(const DatabaseUrl &url, const InspectOptions &options, const ProgressSink *progress,
                                             QString *serverVersion)
{
    auto conn = Connection::open(url, QStringLiteral("inspect"), false);
    if (!conn)
        return std::unexpected(conn.error());
    if (serverVersion)
        *serverVersion = (*conn)->serverVersion();
    SqlExecutor sql((*conn)->database(), url.dialect());
    auto schema = Inspector::create(url.dialect())->inspect(sql, options, progress);
    if (!schema)
        return std::unexpected(schema.error().withContext(url.display()));
    return schema;
}

Result<Schema> SchemaSource::load(const QString &spec, const SchemaSourceOptions &options)
{
    switch (classify(spec)) {
    case Kind::Database: {
        auto url = DatabaseUrl::parse(spec);
        if (!url)
            return std::unexpected(url.error());
        return inspectDatabase(*url, options.inspect, options.progress);
    }
    case Kind::ModelsFile: {
        auto models = ModelsFile::read(spec);
        if (!models)
            return std::unexpected(models.error());
        return models->schema();
    }
    case Kind::SqlFile: {
        if (!options.dialect)
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("a .sql file needs a dialect to run in; pass --dialect sqlite|postgresql|mysql"), spec);
        return DdlFile::load(spec, *options.dialect, options.devUrl);
    }
    case Kind::JsonFile: {
        QFile f(spec);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::Category::NotFound, QStringLiteral("cannot read file: %1").arg(f.errorString()), spec);
        return SchemaJson::fromJsonText(f.readAll(), spec);
    }
    case Kind::Unknown:
        break;
    }
    if (QFileInfo(spec).isDir())
        return fail(Error::Category::Unsupported,
                    QStringLiteral("reading a migrations directory as a schema comes with migrations support"), spec);
    return fail(Error::Category::InvalidInput,
                QStringLiteral("not a database URL nor a .yaml/.yml models file, .sql DDL file or .json schema"), spec);
}

} // namespace covet
