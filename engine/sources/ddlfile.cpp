#include "ddlfile.h"

#include "../db/connection.h"
#include "../db/sqlexecutor.h"
#include "../sql/identifierquoter.h"
#include "../sql/sqlscriptsplitter.h"
#include "inspector.h"

#include <QFile>
#include <QRandomGenerator>

namespace covet {

namespace {

QString scratchName()
{
    const quint64 r = QRandomGenerator::system()->generate64();
    return DdlFile::scratchPrefix() + QString::number(r, 36).rightJustified(13, u'0');
}

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

    if (devUrl.trimmed().isEmpty())
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("loading a %1 DDL file needs a server to run it on: pass --dev-url %2 "
                                   "(Covet creates a temporary database there and drops it afterwards)")
                        .arg(dialectName(dialect),
                             dialect == Dialect::PostgreSQL ? QStringLiteral("postgresql://user@host:port/postgres")
                                                            : QStringLiteral("mysql://user@host:port/mysql")),
                    sourceName);
    auto url = DatabaseUrl::parse(devUrl);
    if (!url)
        return std::unexpected(url.error().withContext(QStringLiteral("--dev-url")));
    if (url->dialect() != dialect)
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("the --dev-url is a %1 server, but %2 is loaded as %3; pass a %3 server")
                        .arg(dialectName(url->dialect()), sourceName, dialectName(dialect)),
                    url->display());

    auto admin = Connection::open(*url, QStringLiteral("ddlfile-admin"));
    if (!admin)
        return fail(admin.error().category(),
                    QStringLiteral("cannot reach the --dev-url server to load %1: %2").arg(sourceName, admin.error().message()),
                    url->display());
    SqlExecutor adminSql((*admin)->database(), dialect);
    const QString name = scratchName();
    const QString quoted = IdentifierQuoter::quote(dialect, name);
    if (auto r = adminSql.exec(QStringLiteral("CREATE DATABASE ") + quoted); !r)
        return fail(r.error().category(),
                    QStringLiteral("cannot create the scratch database %1 on the --dev-url server: %2 "
                                   "(the user needs the right to create databases)")
                        .arg(name, r.error().message()),
                    url->display());

    Result<Schema> result;
    {
        DatabaseUrl scratchUrl = *url;
        scratchUrl.setDatabase(name);
        auto conn = Connection::open(scratchUrl, QStringLiteral("ddlfile-scratch"));
        if (!conn)
            result = std::unexpected(conn.error().withContext(QStringLiteral("scratch database %1").arg(name)));
        else
            result = executeAndInspect(**conn, dialect, *statements, sourceName);
    }   // the scratch connection is closed before the drop

    Status dropped;
    if (dialect == Dialect::PostgreSQL) {
        auto r = adminSql.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted));
        if (!r)   // before PostgreSQL 13
            r = adminSql.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted));
        if (!r)
            dropped = std::unexpected(r.error());
    } else {
        if (auto r = adminSql.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted)); !r)
            dropped = std::unexpected(r.error());
    }
    if (!dropped && result)
        return fail(dropped.error().category(),
                    QStringLiteral("the schema was read, but the scratch database %1 could not be dropped: %2; drop it by hand")
                        .arg(name, dropped.error().message()),
                    url->display());
    return result;
}

} // namespace covet
