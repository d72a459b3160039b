#include "squashscratch.h"

#include "../db/sqlexecutor.h"
#include "../operations/operationapplier.h"
#include "../schema/schemajson.h"
#include "../sources/inspector.h"
#include "../sources/scratchdatabase.h"
#include "../sql/sqlgenerator.h"

namespace covet {

namespace {

Status run(SqlExecutor &sql, const QStringList &statements, const QString &what)
{
    for (const QString &statement : statements)
        if (auto r = sql.exec(statement); !r)
            return std::unexpected(r.error().withContext(what));
    return {};
}

// The start schema, then each list of operations in turn, then the result inspected.
Result<Schema> applyFor(Dialect dialect, const QString &devUrl, const Schema &start, const QList<OperationList> &steps, const QString &what)
{
    auto scratch = ScratchDatabase::create(dialect, devUrl, QStringLiteral("--dev-url"));
    if (!scratch)
        return std::unexpected(scratch.error());
    SqlExecutor sql((*scratch)->connection().database(), dialect);
    const auto generator = SqlGenerator::create(dialect);
    if (Status st = run(sql, generator->schemaStatements(start), QStringLiteral("creating the schema before the range")); !st)
        return std::unexpected(st.error());
    Schema before = start;
    for (const OperationList &ops : steps) {
        auto statements = generator->renderAll(ops, before);
        if (!statements)
            return std::unexpected(statements.error().withContext(what));
        if (Status st = run(sql, *statements, what); !st)
            return std::unexpected(st.error());
        auto after = OperationApplier::applyAll(before, ops);
        if (!after)
            return std::unexpected(after.error().withContext(what));
        before = std::move(*after);
    }
    auto inspected = Inspector::create(dialect)->inspect(sql);
    if (!inspected)
        return std::unexpected(inspected.error().withContext(what));
    inspected->canonicalize();
    return inspected;
}

} // namespace

Result<QStringList> SquashScratch::compare(const Schema &start, const QList<Migration> &originals, const OperationList &squashed,
                                           Dialect dialect, const QString &devUrl)
{
    QList<OperationList> steps;
    for (const Migration &m : originals)
        steps << m.operations;
    auto a = applyFor(dialect, devUrl, start, steps, QStringLiteral("applying the originals to a scratch database"));
    if (!a)
        return std::unexpected(a.error());
    auto b = applyFor(dialect, devUrl, start, {squashed}, QStringLiteral("applying the squashed migration to a scratch database"));
    if (!b)
        return std::unexpected(b.error());
    QStringList out;
    for (const Table &t : a->tables) {
        const Table *o = b->table(t.name, t.schema);
        if (!o)
            out << QStringLiteral("scratch database: table %1 is missing after the squashed migration").arg(t.qualifiedName());
        else if (*o != t)
            out << QStringLiteral("scratch database: table %1 differs: originals give %2; squashed gives %3")
                       .arg(t.qualifiedName(), QString::fromUtf8(SchemaJson::toCanonicalJson(Schema{{}, {}, {t}, {}, {}})).simplified(),
                            QString::fromUtf8(SchemaJson::toCanonicalJson(Schema{{}, {}, {*o}, {}, {}})).simplified());
    }
    for (const Table &t : b->tables)
        if (!a->table(t.name, t.schema))
            out << QStringLiteral("scratch database: table %1 exists only after the squashed migration").arg(t.qualifiedName());
    if (a->views != b->views)
        out << QStringLiteral("scratch database: the views differ");
    if (a->enums != b->enums)
        out << QStringLiteral("scratch database: the enum types differ");
    return out;
}

} // namespace covet
