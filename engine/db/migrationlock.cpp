#include "migrationlock.h"

#include "sqlexecutor.h"
#include "../core/localuser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace covet {

namespace {

// The advisory lock key pair (classid, objid) of PostgreSQL: "covet" and
// "migr" as integers. Advisory locks are per database already.
constexpr int kPgKey1 = 0x636f7665;
constexpr int kPgKey2 = 0x6d696772;

QString mysqlLockName(const Connection &c)
{
    // GET_LOCK names are server-wide: include the database. At most 64 chars.
    return (QStringLiteral("covet_migrate:") + c.url().database()).left(64);
}

} // namespace

MigrationLock::~MigrationLock()
{
    release();
}

QString MigrationLock::beginStatement(Dialect dialect)
{
    return dialect == Dialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString MigrationLock::sqliteBusyMessage(const Connection &connection, int timeoutMs)
{
    return QStringLiteral("the SQLite database %1 is locked by another writer (another `covet migrate`, or an application "
                          "holding a write transaction); waited %2 s. SQLite cannot tell which process holds it; "
                          "retry when it has finished, or raise --lock-timeout")
        .arg(connection.url().database())
        .arg(timeoutMs / 1000.0);
}

QString MigrationLock::holder(Connection &connection)
{
    SqlExecutor sql(connection.database(), connection.dialect());
    if (connection.dialect() == Dialect::PostgreSQL) {
        auto rows = sql.rows(QStringLiteral(
                                 "SELECT a.pid, a.application_name, coalesce(host(a.client_addr), 'local socket'), a.usename, "
                                 "to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS') FROM pg_catalog.pg_locks l "
                                 "JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
                                 "WHERE l.locktype = 'advisory' AND l.classid = ? AND l.objid = ? AND l.objsubid = 2 AND l.granted "
                                 "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"),
                             {kPgKey1, kPgKey2});
        if (!rows || rows->isEmpty())
            return QStringLiteral("an unknown session");
        const QVariantList &r = rows->first();
        return QStringLiteral("PostgreSQL backend pid %1 (application '%2', client %3, user %4, connected since %5)")
            .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString());
    }
    if (connection.dialect() == Dialect::MySQL) {
        auto id = sql.rows(QStringLiteral("SELECT IS_USED_LOCK(?)"), {mysqlLockName(connection)});
        if (!id || id->isEmpty() || id->first().value(0).isNull())
            return QStringLiteral("an unknown connection");
        const qlonglong cid = id->first().value(0).toLongLong();
        auto rows = sql.rows(QStringLiteral("SELECT USER, HOST, DB, TIME FROM information_schema.PROCESSLIST WHERE ID = ?"), {cid});
        if (!rows || rows->isEmpty())
            return QStringLiteral("connection id %1").arg(cid);
        const QVariantList &r = rows->first();
        return QStringLiteral("connection id %1 (user %2, client %3, database %4, for %5 s)")
            .arg(QString::number(cid), r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString());
    }
    return {};
}

Result<std::unique_ptr<MigrationLock>> MigrationLock::acquire(Connection &connection, int timeoutMs, const ProgressSink *progress)
{
    std::unique_ptr<MigrationLock> lock(new MigrationLock(connection, timeoutMs));
    SqlExecutor sql(connection.database(), connection.dialect());
    const QString what = QStringLiteral("the migration lock on %1").arg(connection.url().display());
    switch (connection.dialect()) {
    case Dialect::PostgreSQL: {
        // Name this session so a waiting runner can say who holds the lock.
        (void)sql.exec(QStringLiteral("SELECT set_config('application_name', ?, false)"),
                       {QStringLiteral("covet migrate pid %1 on %2").arg(QCoreApplication::applicationPid()).arg(LocalUser::atHost()).left(63)});
        QElapsedTimer timer;
        timer.start();
        bool announced = false;
        for (;;) {
            auto rows = sql.rows(QStringLiteral("SELECT pg_try_advisory_lock(?, ?)"), {kPgKey1, kPgKey2});
            if (!rows)
                return std::unexpected(rows.error().withContext(what));
            if (!rows->isEmpty() && rows->first().value(0).toBool())
                break;
            if (progress && progress->cancelled())
                return fail(Error::Category::Cancelled, QStringLiteral("cancelled while waiting for %1").arg(what));
            if (timer.elapsed() >= timeoutMs)
                return fail(Error::Category::Conflict,
                            QStringLiteral("another migration runner holds the lock: %1; waited %2 s. Retry when it has finished, "
                                           "or raise --lock-timeout")
                                .arg(holder(connection))
                                .arg(timeoutMs / 1000.0),
                            what);
            if (!announced && progress) {
                progress->message(QStringLiteral("waiting for the migration lock, held by %1").arg(holder(connection)));
                announced = true;
            }
            QThread::msleep(100);
        }
        break;
    }
    case Dialect::MySQL: {
        QElapsedTimer timer;
        timer.start();
        bool announced = false;
        for (;;) {
            const int remaining = int(std::max<qint64>(0, timeoutMs - timer.elapsed()));
            // First without waiting, so that a busy lock is announced at once
            // (naming its holder); then in slices of at most one second so
            // cancellation is seen.
            auto rows = sql.rows(QStringLiteral("SELECT GET_LOCK(?, ?)"), {mysqlLockName(connection), announced && remaining > 0 ? 1 : 0});
            if (!rows)
                return std::unexpected(rows.error().withContext(what));
            if (!rows->isEmpty() && rows->first().value(0).toInt() == 1)
                break;
            if (progress && progress->cancelled())
                return fail(Error::Category::Cancelled, QStringLiteral("cancelled while waiting for %1").arg(what));
            if (timer.elapsed() >= timeoutMs)
                return fail(Error::Category::Conflict,
                            QStringLiteral("another migration runner holds the lock '%1': %2; waited %3 s. Retry when it has finished, "
                                           "or raise --lock-timeout")
                                .arg(mysqlLockName(connection), holder(connection))
                                .arg(timeoutMs / 1000.0),
                            what);
            if (!announced && progress)
                progress->message(QStringLiteral("waiting for the migration lock '%1', held by %2").arg(mysqlLockName(connection), holder(connection)));
            announced = true;
        }
        break;
    }
    case Dialect::SQLite: {
        auto r = sql.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(timeoutMs));
        if (!r)
            return std::unexpected(r.error().withContext(what));
        auto begin = sql.exec(beginStatement(Dialect::SQLite));
        if (!begin)
            return fail(Error::Category::Conflict, sqliteBusyMessage(connection, timeoutMs), what);
        (void)sql.exec(QStringLiteral("ROLLBACK"));
        break;
    }
    }
    lock->m_held = true;
    return lock;
}

void MigrationLock::release()
{
    if (!m_held || !m_connection)
        return;
    m_held = false;
    SqlExecutor sql(m_connection->database(), m_connection->dialect());
    if (m_connection->dialect() == Dialect::PostgreSQL)
        (void)sql.exec(QStringLiteral("SELECT pg_advisory_unlock(?, ?)"), {kPgKey1, kPgKey2});
    else if (m_connection->dialect() == Dialect::MySQL)
        (void)sql.exec(QStringLiteral("SELECT RELEASE_LOCK(?)"), {mysqlLockName(*m_connection)});
}

} // namespace covet
