#include "diffcommand.h"

#include "diff/differ.h"
#include "operations/operationdescriber.h"
#include "operations/operationjson.h"
#include "migrations/desiredschema.h"
#include "sql/sqlgenerator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace covet::cli {

namespace {

QJsonObject candidateJson(const RenameCandidate &c)
{
    QJsonObject o;
    o.insert(QLatin1String("kind"), renameKindName(c.kind));
    if (!c.schema.isEmpty())
        o.insert(QLatin1String("schema"), c.schema);
    o.insert(QLatin1String("table"), c.table);
    o.insert(QLatin1String("from"), c.from);
    o.insert(QLatin1String("to"), c.to);
    o.insert(QLatin1String("score"), qRound(c.score * 1000) / 1000.0);
    o.insert(QLatin1String("accepted"), c.accepted);
    o.insert(QLatin1String("source"), renameSourceName(c.source));
    QJsonObject reasons;
    for (auto it = c.reasons.begin(); it != c.reasons.end(); ++it)
        reasons.insert(it.key(), qRound(it.value() * 1000) / 1000.0);
    o.insert(QLatin1String("reasons"), reasons);
    if (!c.explanation.isEmpty())
        o.insert(QLatin1String("explanation"), c.explanation);
    return o;
}

QString candidateText(const RenameCandidate &c)
{
    const QString what = c.kind == RenameCandidate::Kind::Table ? QStringLiteral("table %1 -> %2").arg(c.from, c.to)
                                                                 : QStringLiteral("column %1.%2 -> %3").arg(c.table, c.from, c.to);
    QStringList reasons;
    for (auto it = c.reasons.begin(); it != c.reasons.end(); ++it)
        reasons << QStringLiteral("%1 %2").arg(it.key(), QString::number(it.value(), 'f', 2));
    QString line = QStringLiteral("  %1 %2  score %3 (%4)  [%5]")
                       .arg(c.accepted ? QStringLiteral("accepted") : QStringLiteral("rejected"), what, QString::number(c.score, 'f', 2),
                            renameSourceName(c.source), reasons.join(QStringLiteral(", ")));
    if (!c.explanation.isEmpty())
        line += QStringLiteral("\n      ") + c.explanation;
    return line;
}

} // namespace

void DiffCommand::addOptions(CommandLineSpec &p) const
{
    p.addOption({QStringLiteral("from"), QStringLiteral("The current schema: database URL, models .yaml, DDL .sql or .json."), QStringLiteral("src")});
    p.addOption({QStringLiteral("to"), QStringLiteral("The desired schema: database URL, models .yaml, DDL .sql or .json."), QStringLiteral("src")});
    p.addOption({QStringLiteral("dialect"), QStringLiteral("Dialect for .sql input and for --format sql: sqlite, postgresql, mysql."), QStringLiteral("dialect")});
    p.addOption({QStringLiteral("dev-url"), QStringLiteral("Scratch server URL for running PostgreSQL/MySQL .sql files."), QStringLiteral("url")});
    p.addOption({QStringLiteral("format"), QStringLiteral("Output: text (default), json or sql (a migration script)."), QStringLiteral("format"), QStringLiteral("text")});
    p.addOption({QStringLiteral("rename-threshold"), QStringLiteral("Score in [0,1] from which a rename is accepted (default 0.80)."), QStringLiteral("x")});
    p.addOption({QStringLiteral("no-renames"), QStringLiteral("Do not detect renames by score (a rename becomes drop + add).")});
    p.addOption({QStringLiteral("renames"), QStringLiteral("A rename decisions file (accepted/rejected pairs) that overrides scores."), QStringLiteral("file")});
}

int DiffCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))
        return usageError(QStringLiteral("diff needs --from SRC and --to SRC"), err);
    const QString format = p.value(QStringLiteral("format")).toLower();
    if (format != u"text" && format != u"json" && format != u"sql")
        return usageError(QStringLiteral("unknown --format '%1'; use text, json or sql").arg(format), err);

    SchemaSourceOptions sourceOptions;
    if (p.isSet(QStringLiteral("dialect"))) {
        sourceOptions.dialect = dialectFromName(p.value(QStringLiteral("dialect")));
        if (!sourceOptions.dialect)
            return usageError(QStringLiteral("unknown --dialect '%1'; use sqlite, postgresql or mysql").arg(p.value(QStringLiteral("dialect"))), err);
    }
    sourceOptions.devUrl = p.value(QStringLiteral("dev-url"));

    DiffOptions options;
    if (p.isSet(QStringLiteral("rename-threshold"))) {
        bool ok = false;
        const double x = p.value(QStringLiteral("rename-threshold")).toDouble(&ok);
        if (!ok || x < 0 || x > 1)
            return usageError(QStringLiteral("--rename-threshold must be a number between 0 and 1, got '%1'").arg(p.value(QStringLiteral("rename-threshold"))), err);
        options.renames.threshold = x;
    }
    options.renames.enabled = !p.isSet(QStringLiteral("no-renames"));
    std::optional<RenameDecisions> decisions;
    if (p.isSet(QStringLiteral("renames"))) {
        auto d = RenameDecisions::read(p.value(QStringLiteral("renames")));
        if (!d)
            return report(d.error(), err);
        decisions = *d;
        options.decisions = &*decisions;
    }

    // A migrations directory replays in the dialect given, else in the
    // other side's when that is a database.
    const QString fromSpec = p.value(QStringLiteral("from"));
    const QString toSpec = p.value(QStringLiteral("to"));
    auto optionsFor = [&](const QString &other) {
        SchemaSourceOptions o = sourceOptions;
        if (!o.dialect && DesiredSchemaLoader::classify(other) == DesiredSchema::Kind::Database)
            if (auto url = DatabaseUrl::parse(other))
                o.dialect = url->dialect();
        return o;
    };
    auto fromLoaded = DesiredSchemaLoader::load(fromSpec, optionsFor(toSpec));
    if (!fromLoaded)
        return report(fromLoaded.error().withContext(QStringLiteral("--from")), err);
    auto toLoaded = DesiredSchemaLoader::load(toSpec, optionsFor(fromSpec));
    if (!toLoaded)
        return report(toLoaded.error().withContext(QStringLiteral("--to")), err);
    options.hints = toLoaded->hints;
    options.backfills = toLoaded->backfills;
    const Schema *from = &fromLoaded->schema;
    const Schema *to = &toLoaded->schema;

    auto result = Differ::diff(*from, *to, options);
    if (!result)
        return report(result.error(), err);

    if (format == u"json") {
        QJsonArray ops, candidates;
        for (const Operation &op : result->operations)
            ops.append(OperationJson::toJson(op));
        for (const RenameCandidate &c : result->renameCandidates)
            candidates.append(candidateJson(c));
        QJsonObject o;
        o.insert(QLatin1String("operations"), ops);
        o.insert(QLatin1String("rename_candidates"), candidates);
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else if (format == u"sql") {
        const std::optional<Dialect> dialect = sourceOptions.dialect ? sourceOptions.dialect : to->dialect ? to->dialect : from->dialect;
        if (!dialect)
            return usageError(QStringLiteral("--format sql needs --dialect when neither schema comes from a database"), err);
        auto script = SqlGenerator::create(*dialect)->migrationScript(result->operations, *from);
        if (!script)
            return report(script.error(), err);
        out << *script;
    } else {
        if (result->isEmpty())
            out << "No differences.\n";
        for (const Operation &op : result->operations)
            out << "  " << OperationDescriber::describe(op) << '\n';
        if (!result->renameCandidates.isEmpty()) {
            out << "\nRename candidates (threshold " << QString::number(options.renames.threshold, 'f', 2) << "):\n";
            for (const RenameCandidate &c : result->renameCandidates)
                out << candidateText(c) << '\n';
        }
    }
    out.flush();
    return result->isEmpty() ? 0 : 1;
}

} // namespace covet::cli
