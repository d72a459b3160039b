#include "inspectcommand.h"

#include "core/savefile.h"
#include "schema/schemajson.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "sql/sqlgenerator.h"

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

    // JSON, the format for large catalogs, is handed to the output as it
    // is written; the other formats are made whole first.
    QByteArray text;
    if (format == u"yaml") {
        text = ModelsFile::write(*schema);
    } else if (format == u"sql") {
        const std::optional<Dialect> dialect = options.dialect ? options.dialect : schema->dialect;
        if (!dialect)
            return usageError(QStringLiteral("--format sql needs --dialect for a schema file without one"), err);
        text = SqlGenerator::create(*dialect)->schemaScript(*schema).toUtf8();
    }
    auto writeTo = [&](QIODevice &device) -> Status {
        if (format == u"json")
            return SchemaJson::writeCanonicalJson(*schema, device);
        return SaveFile::writeAll(device, text);
    };

    if (p.isSet(QStringLiteral("output"))) {
        if (Status written = SaveFile::write(p.value(QStringLiteral("output")), writeTo, QStringLiteral("output"), true); !written)
            return report(written.error(), err);
        return 0;
    }
    // Straight to the stream's device (stdout) as UTF-8, not decoded to
    // UTF-16 and encoded again (megabytes for a large schema).
    out.flush();
    if (QIODevice *device = out.device()) {
        if (Status written = writeTo(*device); !written)
            return report(Error(written.error().category(), QStringLiteral("cannot write the output: %1").arg(written.error().message())), err);
        return 0;
    }
    out << QString::fromUtf8(format == u"json" ? SchemaJson::toCanonicalJson(*schema) : text);
    out.flush();
    return 0;
}

} // namespace covet::cli
