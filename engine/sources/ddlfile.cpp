#include "ddlfile.h"

#include "../db/connection.h"
#include "../db/sqlexecutor.h"
#include "../sql/identifierquoter.h"
#include "../sql/sqlscriptsplitter.h"
#include "inspector.h"
#include "scratchdatabase.h"

#include <QFile>

namespace covet {

namespace {

// Runs the statements, then reads the database back.
Result<Schema> executeAndInspect(Connection &conn, Dialect dialect, const QList<SqlScriptSplitter::Statement> &statements,
                                 const QString &sourceName)
{
    SqlExecutor ex(conn.database(), dialect);
    for (const SqlScriptSplitter::Statement &s : statements) {
        if (auto r = ex.exec(s.sql); !r) {
            return fail(r.error().category(),
                        QStringLiteral("the statement failed in the scratch %1 database: %2")
                            .arg(dialectName(dialect), r.error().message()),
                        QStringLiteral("%1:%2").arg(sourceName).arg(s.line));
        }
    }
    auto schema = Inspector::create(dialect)->inspect(ex);
    if (!schema)
        return std::unexpected(schema.error().withContext(QStringLiteral("reading back %1").arg(sourceName)));
    schema->dialect = dialect;
    return schema;
}

} // namespace

Result<Schema> DdlFile::load(const QString &path, Dialect dialect, const QString &devUrl)
{
    QFile f(path);
    if (!f.exists())
        return fail(Error::Category::NotFound, QStringLiteral("the DDL file does not exist"), path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::NotFound, QStringLiteral("cannot read the DDL file: %1").arg(f.errorString()), path);
    return loadText(QString::fromUtf8(f.readAll()), path, dialect, devUrl);
}

Result<Schema> DdlFile::loadText(const QString &text, const QString &sourceName, Dialect dialect, const QString &devUrl)
{
    auto statements = SqlScriptSplitter::split(text, dialect);
    if (!statements) {
        // The splitter's location is "line N".
        QString where = statements.error().location();
        where = where.startsWith(QLatin1String("line ")) ? sourceName + u':' + where.mid(5) : sourceName;
        return fail(statements.error().category(), statements.error().message(), where);
    }

    if (dialect == Dialect::SQLite) {
        auto conn = Connection::open(QStringLiteral("sqlite::memory:"), QStringLiteral("ddlfile"));
        if (!conn)
            return std::unexpected(conn.error());
        return executeAndInspect(**conn, dialect, *statements, sourceName);
    }

    auto scratch = ScratchDatabase::create(dialect, devUrl);
    if (!scratch)
        return fail(scratch.error().category(), scratch.error().message(),
                    scratch.error().location().isEmpty() ? sourceName : scratch.error().location());
    Result<Schema> result = executeAndInspect((*scratch)->connection(), dialect, *statements, sourceName);
    if (auto dropped = (*scratch)->drop(); !dropped && result)
        return fail(dropped.error().category(), QStringLiteral("the schema was read, but %1").arg(dropped.error().message()), dropped.error().location());
    return result;
}

} // namespace covet
