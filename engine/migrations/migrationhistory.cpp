#include "migrationhistory.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include "../sql/identifierquoter.h"

#include <QSysInfo>

namespace covet {

namespace {

QString table(const SqlExecutor &sql)
{
    return IdentifierQuoter::quote(sql.dialect(), MigrationHistory::tableName());
}

} // namespace

Result<bool> MigrationHistory::tableExists(SqlExecutor &sql, const QString &name)
{
    QString query;
    switch (sql.dialect()) {
    case Dialect::SQLite:
        query = QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
        break;
    case Dialect::PostgreSQL:
        query = QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE c.relname = ? AND n.nspname = current_schema() AND c.relkind IN ('r', 'p')");
        break;
    case Dialect::MySQL:
        query = QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?");
        break;
    }
    auto rows = sql.rows(query, {name});
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->isEmpty() && rows->first().value(0).toLongLong() > 0;
}

Result<bool> MigrationHistory::exists(SqlExecutor &sql)
{
    return tableExists(sql, tableName());
}

Status MigrationHistory::ensure(SqlExecutor &sql)
{
    const Dialect d = sql.dialect();
    auto q = [d](const char *n) { return IdentifierQuoter::quote(d, QString::fromLatin1(n)); };
    const QString idType = d == Dialect::SQLite ? QStringLiteral("TEXT") : QStringLiteral("VARCHAR(255)");
    const QString text = d == Dialect::SQLite ? QStringLiteral("TEXT") : QStringLiteral("VARCHAR(255)");
    const QString ddl = QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %7 NOT NULL PRIMARY KEY, %3 %8 NOT NULL, "
                                       "%4 %8 NOT NULL, %5 %8 NOT NULL, %6 BIGINT NOT NULL DEFAULT 0)")
                            .arg(table(sql), q("id"), q("checksum"), q("applied_at"), q("applied_by"), q("duration_ms"), idType, text);
    auto r = sql.exec(ddl);
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("creating the history table %1").arg(tableName())));
    return {};
}

Result<QList<AppliedMigration>> MigrationHistory::load(SqlExecutor &sql)
{
    auto has = exists(sql);
    if (!has)
        return std::unexpected(has.error());
    QList<AppliedMigration> out;
    if (!*has)
        return out;
    const Dialect d = sql.dialect();
    auto q = [d](const char *n) { return IdentifierQuoter::quote(d, QString::fromLatin1(n)); };
    auto rows = sql.rows(QStringLiteral("SELECT %1, %2, %3, %4, %5 FROM %6 ORDER BY %3, %1")
                             .arg(q("id"), q("checksum"), q("applied_at"), q("applied_by"), q("duration_ms"), table(sql)));
    if (!rows)
        return std::unexpected(rows.error());
    for (const QVariantList &r : *rows)
        out << AppliedMigration{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                                r.value(4).toLongLong()};
    return out;
}

Result<bool> MigrationHistory::contains(SqlExecutor &sql, const QString &id)
{
    auto rows = sql.rows(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(table(sql), IdentifierQuoter::quote(sql.dialect(), QStringLiteral("id"))),
                         {id});
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->isEmpty() && rows->first().value(0).toLongLong() > 0;
}

Status MigrationHistory::record(SqlExecutor &sql, const AppliedMigration &row)
{
    const Dialect d = sql.dialect();
    auto q = [d](const char *n) { return IdentifierQuoter::quote(d, QString::fromLatin1(n)); };
    auto r = sql.exec(QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6) VALUES (?, ?, ?, ?, ?)")
                          .arg(table(sql), q("id"), q("checksum"), q("applied_at"), q("applied_by"), q("duration_ms")),
                      {row.id, row.checksum, row.appliedAt, row.appliedBy, row.durationMs});
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("recording %1 in %2").arg(row.id, tableName())));
    return {};
}

Status MigrationHistory::remove(SqlExecutor &sql, const QString &id)
{
    auto r = sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table(sql), IdentifierQuoter::quote(sql.dialect(), QStringLiteral("id"))), {id});
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("removing %1 from %2").arg(id, tableName())));
    return {};
}

QString MigrationHistory::osUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    if (user.isEmpty()) {
        // Services and containers often run without $USER: ask the system.
        QByteArray buffer(16384, Qt::Uninitialized);
        struct passwd pw;
        struct passwd *found = nullptr;
        if (getpwuid_r(geteuid(), &pw, buffer.data(), size_t(buffer.size()), &found) == 0 && found && found->pw_name)
            user = QString::fromLocal8Bit(found->pw_name);
        else
            user = QStringLiteral("uid%1").arg(geteuid());
    }
#endif
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    return user;
}

QString MigrationHistory::currentUser()
{
    return osUser() + u'@' + QSysInfo::machineHostName();
}

QString MigrationHistory::nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace covet
