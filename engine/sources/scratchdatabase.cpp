#include "scratchdatabase.h"

#include "../sql/identifierquoter.h"
#include "../db/sqlexecutor.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace covet {

namespace {

QString scratchName()
{
    const quint64 r = QRandomGenerator::system()->generate64();
    return ScratchDatabase::ownPrefix() + QString::number(r, 36).rightJustified(13, u'0');
}

} // namespace

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::create(Dialect dialect, const QString &devUrl, const QString &purpose)
{
    std::unique_ptr<ScratchDatabase> s(new ScratchDatabase);
    s->m_dialect = dialect;
    if (dialect == Dialect::SQLite) {
        auto conn = Connection::open(QStringLiteral("sqlite::memory:"), QStringLiteral("scratch"));
        if (!conn)
            return std::unexpected(conn.error());
        s->m_conn = std::move(*conn);
        s->m_dropped = true;   // nothing to drop
        return s;
    }
    if (devUrl.trimmed().isEmpty())
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("this needs a %1 server to work in: pass %2 %3 (Covet creates a temporary database there and drops it "
                                   "afterwards)")
                        .arg(dialectName(dialect), purpose,
                             dialect == Dialect::PostgreSQL ? QStringLiteral("postgresql://user@host:port/postgres")
                                                            : QStringLiteral("mysql://user@host:port/mysql")));
    auto url = DatabaseUrl::parse(devUrl);
    if (!url)
        return std::unexpected(url.error().withContext(purpose));
    if (url->dialect() != dialect)
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("the %1 is a %2 server, but the work is for %3; pass a %3 server").arg(purpose, dialectName(url->dialect()), dialectName(dialect)),
                    url->display());
    s->m_display = url->display();
    auto admin = Connection::open(*url, QStringLiteral("scratch-admin"));
    if (!admin)
        return fail(admin.error().category(), QStringLiteral("cannot reach the %1 server: %2").arg(purpose, admin.error().message()), url->display());
    s->m_admin = std::move(*admin);
    SqlExecutor adminSql(s->m_admin->database(), dialect);
    s->m_name = scratchName();
    if (auto r = adminSql.exec(QStringLiteral("CREATE DATABASE ") + IdentifierQuoter::quote(dialect, s->m_name)); !r)
        return fail(r.error().category(),
                    QStringLiteral("cannot create the scratch database %1 on the %2 server: %3 (the user needs the right to create databases; "
                                   "or give a scratch server with dev_url in covet.yaml or --dev-url)")
                        .arg(s->m_name, purpose, r.error().message()),
                    url->display());
    DatabaseUrl scratchUrl = *url;
    scratchUrl.setDatabase(s->m_name);
    auto conn = Connection::open(scratchUrl, QStringLiteral("scratch"));
    if (!conn) {
        (void)s->drop();
        return std::unexpected(conn.error().withContext(QStringLiteral("scratch database %1").arg(s->m_name)));
    }
    s->m_conn = std::move(*conn);
    return s;
}

Status ScratchDatabase::drop()
{
    if (m_dropped)
        return {};
    m_dropped = true;
    m_conn.reset();   // the scratch connection is closed before the drop
    if (!m_admin)
        return {};
    SqlExecutor adminSql(m_admin->database(), m_dialect);
    const QString quoted = IdentifierQuoter::quote(m_dialect, m_name);
    auto r = m_dialect == Dialect::PostgreSQL ? adminSql.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted))
                                              : adminSql.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted));
    if (!r && m_dialect == Dialect::PostgreSQL)   // before PostgreSQL 13
        r = adminSql.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted));
    if (!r)
        return fail(r.error().category(), QStringLiteral("the scratch database %1 could not be dropped: %2; drop it by hand").arg(m_name, r.error().message()),
                    m_display);
    return {};
}

ScratchDatabase::~ScratchDatabase()
{
    (void)drop();
}

} // namespace covet
