#include "auditlog.h"

#include "auditstatus.h"
#include "../db/sqltimestamp.h"
#include "../migrations/datatags.h"

#include "../sql/identifierquoter.h"

#include <QJsonArray>

namespace covet {

QJsonObject AuditFilter::toJson() const
{
    QJsonObject o;
    if (since.isValid())
        o.insert(QStringLiteral("since"), since.toUTC().toString(Qt::ISODate));
    if (until.isValid())
        o.insert(QStringLiteral("until"), until.toUTC().toString(Qt::ISODate));
    auto put = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QString::fromLatin1(key), v);
    };
    put("environment", environment);
    put("migration", migration);
    put("user", user);
    put("status", status);
    put("direction", direction);
    put("search", search);
    if (runRows)
        o.insert(QStringLiteral("run_rows"), true);
    return o;
}

QString AuditFilter::periodText() const
{
    const QString from = since.isValid() ? since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC") : QString();
    const QString to = until.isValid() ? until.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC") : QString();
    if (from.isEmpty() && to.isEmpty())
        return QStringLiteral("all recorded history");
    if (to.isEmpty())
        return QStringLiteral("from %1 on").arg(from);
    if (from.isEmpty())
        return QStringLiteral("until %1").arg(to);
    return QStringLiteral("%1 to %2").arg(from, to);
}

QStringList AuditRow::objectTexts(const AuditEntry &e)
{
    QStringList out;
    for (const TouchedObject &o : TouchedObject::decode(e.objects))
        out << o.text();
    return out;
}

QJsonObject AuditRow::toJson(bool withSql) const
{
    const AuditEntry &e = entry;
    QJsonObject o{{QStringLiteral("id"), double(id)},
                  {QStringLiteral("migration_id"), e.migrationId},
                  {QStringLiteral("direction"), e.direction},
                  {QStringLiteral("status"), e.status},
                  {QStringLiteral("started_at"), e.startedAt},
                  {QStringLiteral("finished_at"), e.finishedAt},
                  {QStringLiteral("duration_ms"), double(e.durationMs)},
                  {QStringLiteral("os_user"), e.user},
                  {QStringLiteral("host"), e.host},
                  {QStringLiteral("db_user"), e.databaseUser},
                  {QStringLiteral("environment"), e.environment},
                  {QStringLiteral("error"), e.error},
                  {QStringLiteral("file_checksum"), e.checksum},
                  {QStringLiteral("risk_level"), e.riskLevel},
                  {QStringLiteral("rows_at_risk"), double(e.rowsAtRisk)},
                  {QStringLiteral("acknowledged"), e.acknowledged},
                  {QStringLiteral("backup_id"), double(e.backupId)},
                  {QStringLiteral("hash_version"), e.hashVersion},
                  {QStringLiteral("run_id"), e.runId},
                  {QStringLiteral("verification"), e.verification},
                  {QStringLiteral("author"), e.author},
                  {QStringLiteral("objects"), QJsonArray::fromStringList(objectTexts(e))},
                  {QStringLiteral("data_tags"), QJsonArray::fromStringList(e.dataTags.split(u'\n', Qt::SkipEmptyParts))},
                  {QStringLiteral("row_hash"), rowHash}};
    if (withSql)
        o.insert(QStringLiteral("sql"), e.sql);
    return o;
}

namespace {

QString selectList(Dialect d, bool withSql)
{
    QStringList cols{IdentifierQuoter::quote(d, QStringLiteral("id"))};
    for (const QString &c : AuditRecorder::entryColumns())
        cols << (c == u"sql_text" && !withSql ? QStringLiteral("NULL") : IdentifierQuoter::quote(d, c));
    cols << IdentifierQuoter::quote(d, QStringLiteral("prev_hash")) << IdentifierQuoter::quote(d, QStringLiteral("row_hash"));
    return cols.join(QStringLiteral(", "));
}

AuditRow rowFrom(const QVariantList &r, Dialect d)
{
    const int n = int(AuditRecorder::entryColumns().size());
    return AuditRow{r.value(0).toLongLong(), AuditRecorder::entryFrom(r, 1, d), r.value(n + 1).toString(), r.value(n + 2).toString()};
}

} // namespace

QString AuditLog::whereClause(const SqlExecutor &sql, const AuditFilter &f, QVariantList *binds)
{
    const Dialect d = sql.dialect();
    auto col = [d](const char *name) { return IdentifierQuoter::quote(d, QString::fromLatin1(name)); };
    QStringList parts;
    // started_at is a timestamp (SQLite: ISO 8601 UTC text of one fixed
    // width, so text order is time order), or text in a table an older
    // Covet made and has not upgraded yet.
    const QString started = SqlTimestamp::comparable(d, col("started_at"));
    if (f.since.isValid()) {
        parts << QStringLiteral("%1 >= ?").arg(started);
        *binds << SqlTimestamp::param(d, f.since);
    }
    if (f.until.isValid()) {
        parts << QStringLiteral("%1 < ?").arg(started);
        *binds << SqlTimestamp::param(d, f.until);
    }
    auto equals = [&](const char *name, const QString &v) {
        if (v.isEmpty())
            return;
        parts << QStringLiteral("%1 = ?").arg(col(name));
        *binds << v;
    };
    equals("environment", f.environment);
    equals("migration_id", f.migration);
    equals("status", f.status);
    if (f.status.isEmpty() && !f.runRows) {
        parts << QStringLiteral("%1 NOT IN (?, ?)").arg(col("status"));
        *binds << AuditStatus::Started << AuditStatus::Finished;
    }
    equals("direction", f.direction);
    if (!f.user.isEmpty()) {
        parts << QStringLiteral("(%1 = ? OR %2 = ?)").arg(col("os_user"), col("db_user"));
        *binds << f.user << f.user;
    }
    if (!f.search.isEmpty()) {
        QString pattern = f.search;
        pattern.replace(u'!', QStringLiteral("!!")).replace(u'%', QStringLiteral("!%")).replace(u'_', QStringLiteral("!_"));
        pattern = u'%' + pattern + u'%';
        parts << QStringLiteral("(%1 LIKE ? ESCAPE '!' OR %2 LIKE ? ESCAPE '!')").arg(col("migration_id"), col("error_text"));
        *binds << pattern << pattern;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

Result<QList<AuditRow>> AuditLog::select(SqlExecutor &sql, const AuditFilter &filter, bool newestFirst, qint64 offset, qint64 limit,
                                         bool withSql)
{
    auto exists = AuditRecorder::exists(sql);
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return QList<AuditRow>();
    const Dialect d = sql.dialect();
    QVariantList binds;
    QString text = QStringLiteral("SELECT %1 FROM %2").arg(selectList(d, withSql), IdentifierQuoter::quote(d, AuditRecorder::tableName()))
                   + whereClause(sql, filter, &binds)
                   + QStringLiteral(" ORDER BY %1 %2").arg(IdentifierQuoter::quote(d, QStringLiteral("id")), newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    // Numbers, not user text: written into the statement (LIMIT takes no bind on every driver).
    if (limit > 0)
        text += QStringLiteral(" LIMIT %1").arg(limit);
    if (offset > 0)
        text += limit > 0 ? QStringLiteral(" OFFSET %1").arg(offset)
                          : (d == Dialect::MySQL ? QStringLiteral(" LIMIT 18446744073709551615 OFFSET %1").arg(offset)
                                                 : d == Dialect::SQLite ? QStringLiteral(" LIMIT -1 OFFSET %1").arg(offset)
                                                                        : QStringLiteral(" OFFSET %1").arg(offset));
    auto read = sql.rows(text, binds);
    if (!read)
        return std::unexpected(read.error().withContext(QStringLiteral("reading the audit log")));
    QList<AuditRow> out;
    out.reserve(read->size());
    for (const QVariantList &r : *read)
        out << rowFrom(r, d);
    return out;
}

Result<qint64> AuditLog::count(SqlExecutor &sql, const AuditFilter &filter)
{
    auto exists = AuditRecorder::exists(sql);
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return 0;
    QVariantList binds;
    auto read = sql.rows(QStringLiteral("SELECT count(*) FROM %1").arg(IdentifierQuoter::quote(sql.dialect(), AuditRecorder::tableName()))
                             + whereClause(sql, filter, &binds),
                         binds);
    if (!read)
        return std::unexpected(read.error().withContext(QStringLiteral("counting the audit log")));
    return read->isEmpty() ? 0 : read->first().value(0).toLongLong();
}

Result<AuditPage> AuditLog::page(SqlExecutor &sql, const AuditFilter &filter, qint64 offset, qint64 limit, bool withSql)
{
    auto total = count(sql, filter);
    if (!total)
        return std::unexpected(total.error());
    AuditPage p;
    p.total = *total;
    if (p.total == 0)
        return p;
    auto rows = select(sql, filter, true, offset, limit, withSql);
    if (!rows)
        return std::unexpected(rows.error());
    p.rows = *rows;
    return p;
}

Result<QList<AuditRow>> AuditLog::all(SqlExecutor &sql, const AuditFilter &filter, bool withSql)
{
    return select(sql, filter, false, 0, 0, withSql);
}

Result<AuditRow> AuditLog::get(SqlExecutor &sql, qint64 id)
{
    auto exists = AuditRecorder::exists(sql);
    if (!exists)
        return std::unexpected(exists.error());
    if (*exists) {
        const Dialect d = sql.dialect();
        auto read = sql.rows(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                 .arg(selectList(d, true), IdentifierQuoter::quote(d, AuditRecorder::tableName()),
                                      IdentifierQuoter::quote(d, QStringLiteral("id"))),
                             {id});
        if (!read)
            return std::unexpected(read.error().withContext(QStringLiteral("reading audit row %1").arg(id)));
        if (!read->isEmpty())
            return rowFrom(read->first(), sql.dialect());
    }
    return fail(Error::Category::NotFound, QStringLiteral("no audit row %1; see `covet audit list`").arg(id), AuditRecorder::tableName());
}

} // namespace covet
