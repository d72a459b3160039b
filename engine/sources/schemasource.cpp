#include "schemasource.h"

#include "../db/connection.h"
#include "../schema/schemajson.h"
#include "../sql/sqlfragmentcheck.h"
#include "ddlfile.h"
#include "modelsfile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

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
        auto schema = SchemaJson::fromJsonText(f.readAll(), spec);
        if (!schema)
            return schema;
        // The same rules as models files: SQL in fields is one thing of its kind.
        const QList<SqlFragmentCheck::Finding> findings = SqlFragmentCheck::checkSchema(*schema);
        if (!findings.isEmpty()) {
            QStringList lines;
            static const QRegularExpression top(QStringLiteral("^(tables|views)\\[(\\d+)\\]\\.?"));
            for (const SqlFragmentCheck::Finding &finding : findings) {
                // Name the table or view: the schema is in canonical order, not the file's.
                QString field = finding.path;
                if (const QRegularExpressionMatch m = top.match(field); m.hasMatch()) {
                    const qsizetype i = m.captured(2).toLongLong();
                    const QString name = m.captured(1) == u"tables" ? QStringLiteral("table ") + schema->tables.at(i).qualifiedName()
                                                                   : QStringLiteral("view ") + schema->views.at(i).name;
                    field = name + u' ' + field.mid(m.capturedLength());
                }
                lines << QStringLiteral("%1 cannot hold this SQL: %2").arg(field, finding.message);
            }
            return fail(Error::Category::InvalidInput, lines.join(u'\n'), spec);
        }
        return schema;
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
