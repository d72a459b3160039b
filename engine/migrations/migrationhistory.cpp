#include "migrationhistory.h"

#include "../core/localuser.h"
#include "../db/catalog.h"
#include "../db/dialecttext.h"
#include "../sql/identifierquoter.h"

#include <QSysInfo>

namespace covet {

namespace {

QString historyTable(Dialect d)
{
    return IdentifierQuoter::quote(d, MigrationHistory::tableName());
}

QString historyTable(const SqlExecutor &sql)
{
    return historyTable(sql.dialect());
}

} // namespace

Result<bool> MigrationHistory::tableExists(SqlExecutor &sql, const QString &name)
{
    return Catalog::tableExists(sql, name);
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
                            .arg(historyTable(sql), q("id"), q("checksum"), q("applied_at"), q("applied_by"), q("duration_ms"), idType, text);
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
                             .arg(q("id"), q("checksum"), q("applied_at"), q("applied_by"), q("duration_ms"), historyTable(sql)));
    if (!rows)
        return std::unexpected(rows.error());
    for (const QVariantList &r : *rows)
        out << AppliedMigration{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                                r.value(4).toLongLong()};
    return out;
}

Result<bool> MigrationHistory::containsAny(SqlExecutor &sql, const QStringList &ids)
{
    if (ids.isEmpty())
        return false;
    // One id (every forward migration) is the common case: its text is built once.
    auto text = [&sql](qsizetype n) {
        return QStringLiteral("SELECT count(*) FROM %1 WHERE %2 IN (%3)")
            .arg(historyTable(sql.dialect()), IdentifierQuoter::quote(sql.dialect(), QStringLiteral("id")), SqlExecutor::placeholders(n));
    };
    static const DialectText one([](Dialect d) {
        return QStringLiteral("SELECT count(*) FROM %1 WHERE %2 IN (?)").arg(historyTable(d), IdentifierQuoter::quote(d, QStringLiteral("id")));
    });
    auto rows = sql.rowsPrepared(ids.size() == 1 ? one.of(sql.dialect()) : text(ids.size()), QVariantList(ids.cbegin(), ids.cend()));
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->isEmpty() && rows->first().value(0).toLongLong() > 0;
}

Status MigrationHistory::record(SqlExecutor &sql, const AppliedMigration &row)
{
    static const DialectText insert([](Dialect d) {
        auto q = [d](const char *n) { return IdentifierQuoter::quote(d, QString::fromLatin1(n)); };
        return QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6) VALUES (?, ?, ?, ?, ?)")
            .arg(historyTable(d), q("id"), q("checksum"), q("applied_at"), q("applied_by"), q("duration_ms"));
    });
    auto r = sql.execPrepared(insert.of(sql.dialect()), {row.id, row.checksum, row.appliedAt, row.appliedBy, row.durationMs});
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("recording %1 in %2").arg(row.id, tableName())));
    return {};
}

Status MigrationHistory::remove(SqlExecutor &sql, const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    auto r = sql.execPrepared(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                  .arg(historyTable(sql), IdentifierQuoter::quote(sql.dialect(), QStringLiteral("id")), SqlExecutor::placeholders(ids.size())),
                              QVariantList(ids.cbegin(), ids.cend()));
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("removing %1 from %2").arg(ids.join(QStringLiteral(", ")), tableName())));
    return {};
}

QString MigrationHistory::osUser()
{
    return LocalUser::name();
}

QString MigrationHistory::currentUser()
{
    return LocalUser::atHost();
}

QString MigrationHistory::nowUtc()
{
    return LocalUser::nowUtc();
}

} // namespace covet
