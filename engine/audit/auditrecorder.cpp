#include "auditrecorder.h"

#include "../sql/identifierquoter.h"
#include "../migrations/checksum.h"
#include "../migrations/migrationhistory.h"

namespace covet {

namespace {

const char *const kColumns[] = {"migration_id", "direction", "status", "started_at", "finished_at", "duration_ms",
                                "os_user", "host", "environment", "sql_text", "error_text", "prev_hash", "row_hash"};

QString q(const SqlExecutor &sql, const char *name)
{
    return IdentifierQuoter::quote(sql.dialect(), QString::fromLatin1(name));
}

QString table(const SqlExecutor &sql)
{
    return IdentifierQuoter::quote(sql.dialect(), AuditRecorder::tableName());
}

QString columnList(const SqlExecutor &sql)
{
    QStringList cols;
    for (const char *c : kColumns)
        cols << q(sql, c);
    return cols.join(QStringLiteral(", "));
}

} // namespace

Status AuditRecorder::ensure(SqlExecutor &sql)
{
    const Dialect d = sql.dialect();
    QString idCol;
    QString shortText = QStringLiteral("VARCHAR(255)");
    QString longText = QStringLiteral("TEXT");
    switch (d) {
    case Dialect::SQLite:
        idCol = QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
        shortText = QStringLiteral("TEXT");
        break;
    case Dialect::PostgreSQL:
        idCol = QStringLiteral("BIGSERIAL PRIMARY KEY");
        break;
    case Dialect::MySQL:
        idCol = QStringLiteral("BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
        longText = QStringLiteral("LONGTEXT");
        break;
    }
    const QString ddl = QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %3, %4 %5 NOT NULL, %6 %5 NOT NULL, %7 %5 NOT NULL, "
                                       "%8 %5 NOT NULL, %9 %5 NOT NULL, %10 BIGINT NOT NULL, %11 %5 NOT NULL, %12 %5 NOT NULL, "
                                       "%13 %5, %14 %15, %16 %15, %17 %5, %18 %5 NOT NULL)")
                            .arg(table(sql), q(sql, "id"), idCol, q(sql, "migration_id"), shortText, q(sql, "direction"), q(sql, "status"),
                                 q(sql, "started_at"), q(sql, "finished_at"))
                            .arg(q(sql, "duration_ms"), q(sql, "os_user"), q(sql, "host"), q(sql, "environment"), q(sql, "sql_text"),
                                 longText, q(sql, "error_text"), q(sql, "prev_hash"), q(sql, "row_hash"));
    auto r = sql.exec(ddl);
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("creating the audit table %1").arg(tableName())));
    return {};
}

QString AuditRecorder::content(const AuditEntry &e)
{
    const QChar sep(0x1f);
    return QStringList{e.migrationId, e.direction, e.status, e.startedAt, e.finishedAt, QString::number(e.durationMs), e.user, e.host,
                       e.environment, e.sql, e.error}
        .join(sep);
}

Status AuditRecorder::record(SqlExecutor &sql, const AuditEntry &entry)
{
    auto last = sql.rows(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3 DESC LIMIT 1").arg(q(sql, "row_hash"), table(sql), q(sql, "id")));
    if (!last)
        return std::unexpected(last.error().withContext(QStringLiteral("reading the audit chain")));
    const QString prev = last->isEmpty() ? QString() : last->first().value(0).toString();
    const QString hash = Checksum::sha256((prev + content(entry)).toUtf8());
    const QString placeholders = QStringLiteral("?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
    auto r = sql.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table(sql), columnList(sql), placeholders),
                      {entry.migrationId, entry.direction, entry.status, entry.startedAt, entry.finishedAt, entry.durationMs, entry.user,
                       entry.host, entry.environment, entry.sql, entry.error, prev, hash});
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("writing the audit row for %1").arg(entry.migrationId)));
    return {};
}

Status AuditRecorder::verifyChain(SqlExecutor &sql)
{
    auto rows = sql.rows(QStringLiteral("SELECT %1, %2 FROM %3 ORDER BY %1").arg(q(sql, "id"), columnList(sql), table(sql)));
    if (!rows)
        return std::unexpected(rows.error());
    QString prev;
    for (const QVariantList &r : *rows) {
        AuditEntry e{r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(), r.value(5).toString(),
                     r.value(6).toLongLong(), r.value(7).toString(), r.value(8).toString(), r.value(9).toString(), r.value(10).toString(),
                     r.value(11).toString()};
        const QString expected = Checksum::sha256((prev + content(e)).toUtf8());
        if (r.value(12).toString() != prev || r.value(13).toString() != expected)
            return fail(Error::Category::Conflict,
                        QStringLiteral("the audit chain is broken at row %1 (migration %2): a row was edited or deleted")
                            .arg(r.value(0).toString(), e.migrationId),
                        tableName());
        prev = expected;
    }
    return {};
}

Result<qint64> AuditRecorder::count(SqlExecutor &sql, const QString &migrationId, const QString &status)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!migrationId.isEmpty()) {
        where += QStringLiteral(" AND %1 = ?").arg(q(sql, "migration_id"));
        binds << migrationId;
    }
    if (!status.isEmpty()) {
        where += QStringLiteral(" AND %1 = ?").arg(q(sql, "status"));
        binds << status;
    }
    auto rows = sql.rows(QStringLiteral("SELECT count(*) FROM %1").arg(table(sql)) + where, binds);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

} // namespace covet
