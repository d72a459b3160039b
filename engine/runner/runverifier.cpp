#include "runverifier.h"

#include "../diff/differ.h"
#include "../operations/operationdescriber.h"
#include "../safety/livedata.h"
#include "../sources/inspector.h"

#include <QSet>

namespace covet {

namespace {

QString nameOf(const QString &schema, const QString &table)
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

} // namespace

Result<Schema> RunVerifier::inspect()
{
    auto schema = Inspector::create(m_sql.dialect())->inspect(m_sql);
    if (!schema)
        return std::unexpected(schema.error().withContext(QStringLiteral("inspecting the database to verify the run")));
    schema->dialect = m_sql.dialect();
    return schema;
}

namespace {

Status countRows(SqlExecutor &sql, DatabaseSnapshot &snap, const QList<QPair<QString, QString>> &tables)
{
    if (tables.isEmpty())
        return {};
    LiveData live(sql);
    if (auto st = live.readTables(tables); !st)
        return st;
    QList<int> index;
    for (const auto &[schema, name] : tables)
        index << live.count(schema, name);
    if (auto st = live.runCounts(); !st)
        return st;
    for (qsizetype i = 0; i < tables.size(); ++i)
        if (live.result(index.at(i)) >= 0)
            snap.rows.insert(nameOf(tables.at(i).first, tables.at(i).second), live.result(index.at(i)));
    return {};
}

} // namespace

Result<DatabaseSnapshot> RunVerifier::snapshot(const QStringList &names, bool only)
{
    DatabaseSnapshot snap;
    auto schema = inspect();
    if (!schema)
        return std::unexpected(schema.error());
    snap.schema = std::move(*schema);
    QSet<QString> listed;
    for (const QString &t : names)
        listed.insert(t.toLower());
    QList<QPair<QString, QString>> tables;
    for (const Table &t : std::as_const(snap.schema.tables)) {
        const bool named = listed.contains(nameOf(t.schema, t.name).toLower()) || listed.contains(t.name.toLower());
        if (named == only)
            tables << qMakePair(t.schema, t.name);
    }
    if (auto st = countRows(m_sql, snap, tables); !st)
        return std::unexpected(st.error());
    return snap;
}

Result<DatabaseSnapshot> RunVerifier::captureOnly(const QStringList &tables)
{
    return snapshot(tables, true);
}

Result<DatabaseSnapshot> RunVerifier::capture(const QStringList &touched)
{
    return snapshot(touched, false);
}

QStringList RunVerifier::differences(const Schema &actual, const Schema &expected)
{
    DiffOptions options;
    options.renames.enabled = false;
    auto diff = Differ::diff(actual, expected, options);
    if (!diff)
        return {QStringLiteral("cannot compare the schemas: %1").arg(diff.error().toString())};
    QStringList out;
    for (const Operation &op : diff->operations)
        out << OperationDescriber::describe(op);
    return out;
}

QStringList RunVerifier::countChanges(const DatabaseSnapshot &before, const DatabaseSnapshot &after)
{
    QStringList out;
    for (auto it = before.rows.cbegin(); it != before.rows.cend(); ++it) {
        const auto now = after.rows.constFind(it.key());
        if (now == after.rows.cend())
            out << QStringLiteral("%1: %2 rows before, gone after").arg(it.key()).arg(it.value());
        else if (*now != it.value())
            out << QStringLiteral("%1: %2 -> %3 rows").arg(it.key()).arg(it.value()).arg(*now);
    }
    out.sort();
    return out;
}

} // namespace covet
