#include "historyreplay.h"

#include "../db/connection.h"
#include "../db/sqlexecutor.h"
#include "../operations/operationapplier.h"
#include "../operations/operationjson.h"
#include "../sources/ddlfile.h"
#include "../sources/inspector.h"
#include "../sql/sqlgenerator.h"
#include "../sql/sqlscriptsplitter.h"

namespace covet {

namespace {

QString source(const Migration &m)
{
    return m.sourcePath.isEmpty() ? m.fileName() : m.sourcePath;
}

} // namespace

ReplayedHistory HistoryReplay::replayAll(const QList<Migration> &ordered, Dialect dialect, const QString &devUrl, bool wantEnd, bool keepBefore)
{
    ReplayedHistory out;
    Schema schema;
    schema.dialect = dialect;
    std::optional<Error> broken;        // the schema is not known from here on
    QList<Migration> batch;             // plain SQL migrations not replayed yet (servers)
    auto flush = [&]() {
        if (batch.isEmpty() || broken)
            return;
        ++out.scratchDatabases;
        auto after = runSqlOnServer(schema, batch, dialect, devUrl);
        if (after) {
            schema = *after;
            schema.dialect = dialect;
        } else {
            broken = after.error();
        }
        batch.clear();
    };
    for (const Migration &m : ordered) {
        const bool server = m.isSql() && dialect != Dialect::SQLite;
        if (!server)
            flush();
        if (broken)
            out.unknown.insert(m.id, *broken);
        else if (keepBefore)
            out.before.insert(m.id, schema);
        if (broken)
            continue;
        if (server) {
            batch << m;
            continue;
        }
        if (Status st = apply(schema, m, dialect, devUrl); !st)
            broken = st.error();
    }
    if (wantEnd) {
        flush();
        if (broken)
            out.endStatus = std::unexpected(*broken);
        else
            out.end = schema;
    }
    return out;
}

Result<Schema> HistoryReplay::replay(const QList<Migration> &ordered, Dialect dialect, const ProgressSink *progress, const QString &devUrl)
{
    Schema schema;
    schema.dialect = dialect;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const Migration &m = ordered.at(i);
        if (progress) {
            if (progress->cancelled())
                return fail(Error::Category::Cancelled, QStringLiteral("replaying the migration history was cancelled"), m.id);
            progress->report(int(i), int(ordered.size()), m.id);
        }
        if (Status st = apply(schema, m, dialect, devUrl); !st)
            return std::unexpected(st.error());
    }
    if (progress)
        progress->report(int(ordered.size()), int(ordered.size()), QString());
    schema.dialect = dialect;
    return schema;
}

Status HistoryReplay::apply(Schema &schema, const Migration &m, Dialect dialect, const QString &devUrl)
{
    if (m.isSql()) {
        if (dialect != Dialect::SQLite && devUrl.isEmpty())
            return fail(Error::Category::Unsupported,
                        QStringLiteral("migration %1 is plain SQL, and its effect on the schema cannot be worked out without a %2 "
                                       "database; pass --dev-url with a scratch %2 server (Covet replays the history in a temporary "
                                       "database there), or write schema changes as YAML migrations (typed operations)")
                            .arg(m.id, dialectName(dialect)),
                        source(m));
        auto after = dialect == Dialect::SQLite ? runSqlOnSqlite(schema, m) : runSqlOnServer(schema, {m}, dialect, devUrl);
        if (!after)
            return std::unexpected(after.error());
        schema = *after;
        return {};
    }
    for (qsizetype i = 0; i < m.operations.size(); ++i) {
        if (Status st = OperationApplier::apply(schema, m.operations.at(i)); !st)
            return fail(st.error().category(),
                        QStringLiteral("migration %1, operations[%2] (%3): %4; the history does not fit together — was an "
                                       "earlier migration edited or removed?")
                            .arg(m.id).arg(i).arg(OperationJson::name(m.operations.at(i)), st.error().message()),
                        source(m));
    }
    return {};
}

Result<Schema> HistoryReplay::runSqlOnServer(const Schema &before, const QList<Migration> &migrations, Dialect dialect, const QString &devUrl)
{
    const Migration &first = migrations.first();
    if (devUrl.isEmpty()) {
        QStringList ids;
        for (const Migration &m : migrations)
            ids << m.id;
        return fail(Error::Category::Unsupported,
                    QStringLiteral("%1 %2 plain SQL, and what it does to the schema cannot be worked out without a %3 database to replay "
                                   "it in: pass --dev-url with a scratch %3 server, or set dev_url in covet.yaml (Covet replays the "
                                   "history in a temporary database there and drops it), or write schema changes as YAML migrations")
                        .arg(ids.join(QStringLiteral(", ")), ids.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"), dialectName(dialect)),
                    source(first));
    }
    QString text;
    for (const QString &statement : SqlGenerator::create(dialect)->schemaStatements(before))
        text += statement + QStringLiteral(";\n");
    for (const Migration &m : migrations)
        text += m.upSql + QStringLiteral("\n;\n");
    auto schema = DdlFile::loadText(text, source(first), dialect, devUrl);
    if (!schema) {
        QStringList ids;
        for (const Migration &m : migrations)
            ids << m.id;
        return std::unexpected(schema.error().withContext(QStringLiteral("replaying %1 in a scratch database").arg(ids.join(QStringLiteral(", ")))));
    }
    schema->dialect = dialect;
    return schema;
}

Result<Schema> HistoryReplay::runSqlOnSqlite(const Schema &before, const Migration &m)
{
    auto statements = SqlScriptSplitter::split(m.upSql, Dialect::SQLite);
    if (!statements) {
        const QString loc = statements.error().location();
        const int line = loc.startsWith(QLatin1String("line ")) ? loc.mid(5).toInt() : 1;
        return fail(Error::Category::InvalidInput, statements.error().message(),
                    QStringLiteral("%1:%2").arg(source(m)).arg(m.upLine + line - 1));
    }
    auto conn = Connection::open(QStringLiteral("sqlite::memory:"), QStringLiteral("historyreplay"));
    if (!conn)
        return std::unexpected(conn.error());
    SqlExecutor sql((*conn)->database(), Dialect::SQLite);
    const QStringList setup = SqlGenerator::create(Dialect::SQLite)->schemaStatements(before);
    for (const QString &statement : setup) {
        if (auto r = sql.exec(statement); !r)
            return fail(Error::Category::Internal,
                        QStringLiteral("cannot rebuild the schema before %1 in memory: %2").arg(m.id, r.error().message()),
                        statement.left(200));
    }
    for (const SqlScriptSplitter::Statement &st : *statements) {
        if (auto r = sql.exec(st.sql); !r)
            return fail(Error::Category::Database,
                        QStringLiteral("replaying %1 in an in-memory SQLite database: %2").arg(m.id, r.error().message()),
                        QStringLiteral("%1:%2").arg(source(m)).arg(m.upLine + st.line - 1));
    }
    auto schema = Inspector::create(Dialect::SQLite)->inspect(sql);
    if (!schema)
        return std::unexpected(schema.error().withContext(QStringLiteral("reading back %1").arg(m.id)));
    schema->dialect = Dialect::SQLite;
    return schema;
}

} // namespace covet
