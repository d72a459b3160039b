#include "inspectcommand.h"

#include "schema/schemajson.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "sql/sqlgenerator.h"

#include <QFile>

namespace covet::cli {

void InspectCommand::addOptions(CommandLineSpec &p) const
{
    p.addOption({QStringLiteral("db"), QStringLiteral("Database URL to inspect (sqlite:FILE, postgresql://…, mysql://…)."), QStringLiteral("url")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Schema file to read instead: models .yaml, DDL .sql or .json."), QStringLiteral("file")});
    p.addOption({QStringLiteral("dialect"), QStringLiteral("Dialect for .sql input and for --format sql: sqlite, postgresql, mysql."), QStringLiteral("dialect")});
    p.addOption({QStringLiteral("dev-url"), QStringLiteral("Scratch server URL for running PostgreSQL/MySQL .sql files."), QStringLiteral("url")});
    p.addOption({QStringLiteral("format"), QStringLiteral("Output format: json (default), yaml (a models file) or sql (DDL)."), QStringLiteral("format"), QStringLiteral("json")});
    p.addOption({QStringLiteral("schema"), QStringLiteral("PostgreSQL schema to read (repeatable; default: all non-system schemas)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("include-covet-tables"), QStringLiteral("Also show Covet's own _covet_* tables.")});
    p.addOption({QStringLiteral("output"), QStringLiteral("Write to this file instead of standard output."), QStringLiteral("file")});
}

int InspectCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    const bool hasDb = p.isSet(QStringLiteral("db"));
    const bool hasFrom = p.isSet(QStringLiteral("from"));
    if (hasDb == hasFrom)
        return usageError(QStringLiteral("inspect needs exactly one of --db URL or --from FILE"), err);
    const QString format = p.value(QStringLiteral("format")).toLower();
    if (format != u"json" && format != u"yaml" && format != u"sql")
        return usageError(QStringLiteral("unknown --format '%1'; use json, yaml or sql").arg(format), err);

    SchemaSourceOptions options;
    if (p.isSet(QStringLiteral("dialect"))) {
        options.dialect = dialectFromName(p.value(QStringLiteral("dialect")));
        if (!options.dialect)
            return usageError(QStringLiteral("unknown --dialect '%1'; use sqlite, postgresql or mysql").arg(p.value(QStringLiteral("dialect"))), err);
    }
    options.devUrl = p.value(QStringLiteral("dev-url"));
    options.inspect.schemas = p.values(QStringLiteral("schema"));
    options.inspect.includeCovetTables = p.isSet(QStringLiteral("include-covet-tables"));

    const QString spec = hasDb ? p.value(QStringLiteral("db")) : p.value(QStringLiteral("from"));
    if (hasDb && SchemaSource::classify(spec) != SchemaSource::Kind::Database)
        return usageError(QStringLiteral("--db expects a database URL, got '%1'; use --from for files").arg(spec), err);
    if (hasFrom && SchemaSource::classify(spec) == SchemaSource::Kind::Database)
        return usageError(QStringLiteral("--from expects a file, got a database URL; use --db"), err);

    auto schema = SchemaSource::load(spec, options);
    if (!schema)
        return report(schema.error(), err);

    QByteArray text;
    if (format == u"json") {
        text = SchemaJson::toCanonicalJson(*schema);
    } else if (format == u"yaml") {
        text = ModelsFile::write(*schema);
    } else {
        const std::optional<Dialect> dialect = options.dialect ? options.dialect : schema->dialect;
        if (!dialect)
            return usageError(QStringLiteral("--format sql needs --dialect for a schema file without one"), err);
        text = SqlGenerator::create(*dialect)->schemaScript(*schema).toUtf8();
    }

    if (p.isSet(QStringLiteral("output"))) {
        QFile f(p.value(QStringLiteral("output")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
            return report(Error(Error::Category::InvalidInput, QStringLiteral("cannot write: %1").arg(f.errorString()), f.fileName()), err);
        return 0;
    }
    // The text is UTF-8 already: straight to the stream's device (stdout),
    // not decoded to UTF-16 and encoded again (megabytes for a large schema).
    out.flush();
    if (QIODevice *device = out.device()) {
        if (device->write(text) != text.size())
            return report(Error(Error::Category::InvalidInput, QStringLiteral("cannot write the output: %1").arg(device->errorString())), err);
        return 0;
    }
    out << QString::fromUtf8(text);
    out.flush();
    return 0;
}

} // namespace covet::cli
