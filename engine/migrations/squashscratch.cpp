#include "squashscratch.h"

#include "../db/sqlexecutor.h"
#include "../operations/operationapplier.h"
#include "../schema/schemajson.h"
#include "../sources/inspector.h"
#include "../sources/scratchdatabase.h"
#include "../sql/sqlgenerator.h"

#include <QJsonDocument>

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


QString compact(const QJsonObject &o)
{
    const QString text = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return text.size() > 300 ? text.left(300) + QStringLiteral("…") : text;
}

} // namespace

QStringList SquashScratch::differences(Schema a, Schema b)

{
    a.canonicalize();
    b.canonicalize();
    QStringList out;
    const auto compare = [&](const QString &kind, const QMap<QString, QString> &x, const QMap<QString, QString> &y) {
        for (auto it = x.cbegin(); it != x.cend(); ++it) {
            if (!y.contains(it.key()))
                out << QStringLiteral("%1 %2: in the originals' result, missing from the squashed one").arg(kind, it.key());
            else if (y.value(it.key()) != it.value())
                out << QStringLiteral("%1 %2 differs: originals give %3; squashed gives %4").arg(kind, it.key(), it.value(), y.value(it.key()));
        }
        for (auto it = y.cbegin(); it != y.cend(); ++it)
            if (!x.contains(it.key()))
                out << QStringLiteral("%1 %2: only in the squashed result").arg(kind, it.key());
    };
    const auto tables = [](const Schema &s) {
        QMap<QString, QString> m;
        for (const Table &t : s.tables)
            m.insert(t.qualifiedName(), compact(SchemaJson::tableToJson(t)));
        return m;
    };
    const auto views = [](const Schema &s) {
        QMap<QString, QString> m;
        for (const View &v : s.views)
            m.insert(v.schema.isEmpty() ? v.name : v.schema + u'.' + v.name, v.definition);
        return m;
    };
    const auto enums = [](const Schema &s) {
        QMap<QString, QString> m;
        for (const EnumType &e : s.enums)
            m.insert(e.schema.isEmpty() ? e.name : e.schema + u'.' + e.name, e.values.join(QStringLiteral(", ")));
        return m;
    };
    compare(QStringLiteral("table"), tables(a), tables(b));
    compare(QStringLiteral("view"), views(a), views(b));
    compare(QStringLiteral("enum"), enums(a), enums(b));
    if (a.namespaces != b.namespaces)
        out << QStringLiteral("namespaces differ: originals give %1; squashed gives %2")
                   .arg(a.namespaces.join(QStringLiteral(", ")), b.namespaces.join(QStringLiteral(", ")));
    return out;
}


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
    for (const QString &d : differences(*a, *b))
        out << QStringLiteral("scratch database: ") + d;
    return out;
}

} // namespace covet
