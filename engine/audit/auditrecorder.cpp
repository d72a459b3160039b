#include "auditrecorder.h"

#include "auditchain.h"

#include "../db/dialecttext.h"
#include "../db/sqltimestamp.h"
#include "../migrations/checksum.h"
#include "../migrations/migrationhistory.h"
#include "../sql/identifierquoter.h"

#include <QSqlField>
#include <QSqlRecord>

namespace covet {

namespace {

// Version 1 columns, then the ones hash versions 2, 3 and 4 added (nullable,
// so an existing table is upgraded by ALTER TABLE ADD COLUMN).
const char *const kEntryColumns[] = {"migration_id", "direction", "status", "started_at", "finished_at", "duration_ms", "os_user", "host",
                                     "environment", "sql_text", "error_text", "db_user", "file_checksum", "risk_level", "rows_at_risk",
                                     "acknowledged", "backup_id", "hash_version", "run_id", "verification",
                                     "author", "objects", "data_tags"};
constexpr int kVersion1Columns = 11;

QString q(const SqlExecutor &sql, const QString &name)
{
    return IdentifierQuoter::quote(sql.dialect(), name);
}

QString auditTable(const SqlExecutor &sql)
{
    return q(sql, AuditRecorder::tableName());
}

} // namespace

QStringList AuditRecorder::entryColumns()
{
    QStringList out;
    for (const char *c : kEntryColumns)
        out << QString::fromLatin1(c);
    return out;
}

AuditEntry AuditRecorder::entryFrom(const QVariantList &r, int at, Dialect d)
{
    AuditEntry e;
    e.migrationId = r.value(at + 0).toString();
    e.direction = r.value(at + 1).toString();
    e.status = r.value(at + 2).toString();
    e.startedAt = SqlTimestamp::text(d, r.value(at + 3));
    e.finishedAt = SqlTimestamp::text(d, r.value(at + 4));
    e.durationMs = r.value(at + 5).toLongLong();
    e.user = r.value(at + 6).toString();
    e.host = r.value(at + 7).toString();
    e.environment = r.value(at + 8).toString();
    e.sql = r.value(at + 9).toString();
    e.error = r.value(at + 10).toString();
    e.databaseUser = r.value(at + 11).toString();
    e.checksum = r.value(at + 12).toString();
    e.riskLevel = r.value(at + 13).toString();
    e.rowsAtRisk = r.value(at + 14).toLongLong();
    e.acknowledged = r.value(at + 15).toString();
    e.backupId = r.value(at + 16).toLongLong();
    const QVariant v = r.value(at + 17);
    e.hashVersion = v.isNull() ? 1 : v.toInt();
    e.runId = r.value(at + 18).toString();
    e.verification = r.value(at + 19).toString();
    e.author = r.value(at + 20).toString();
    e.objects = r.value(at + 21).toString();
    e.dataTags = r.value(at + 22).toString();
    return e;
}

Result<bool> AuditRecorder::exists(SqlExecutor &sql)
{
    return MigrationHistory::tableExists(sql, tableName());
}

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
    const QString ts = SqlTimestamp::columnType(d);
    QStringList columns{q(sql, QStringLiteral("id")) + u' ' + idCol};
    auto column = [&](const char *name, const QString &type, bool notNull) {
        columns << QStringLiteral("%1 %2%3").arg(q(sql, QString::fromLatin1(name)), type, notNull ? QStringLiteral(" NOT NULL") : QString());
    };
    column("migration_id", shortText, true);
    column("direction", shortText, true);
    column("status", shortText, true);
    column("started_at", ts, true);
    column("finished_at", ts, true);
    column("duration_ms", QStringLiteral("BIGINT"), true);
    column("os_user", shortText, true);
    column("host", shortText, true);
    column("environment", shortText, false);
    column("sql_text", longText, false);
    column("error_text", longText, false);
    column("prev_hash", shortText, false);
    column("row_hash", shortText, true);
    // The columns added after version 1: nullable, so that an older table
    // is upgraded by ALTER TABLE ADD COLUMN.
    auto laterType = [&](const QString &name) {
        const bool number = name == u"rows_at_risk" || name == u"backup_id" || name == u"hash_version";
        const bool list = name == u"objects" || name == u"data_tags";   // no length limit
        return number ? QStringLiteral("BIGINT") : list ? longText : shortText;
    };
    // Finding the runs that never finished reads by run (AuditRuns). MySQL
    // has no CREATE INDEX IF NOT EXISTS; a runner that lost the race to
    // create it finds it there (not a failure).
    auto indexRuns = [&]() -> Status {
        auto made = sql.exec(QStringLiteral("CREATE INDEX %1%2 ON %3 (%4, %5)")
                                 .arg(d == Dialect::MySQL ? QString() : QStringLiteral("IF NOT EXISTS "), q(sql, QStringLiteral("_covet_migration_audit_run")),
                                      auditTable(sql), q(sql, QStringLiteral("run_id")), q(sql, QStringLiteral("status"))));
        if (!made && d != Dialect::MySQL)
            return std::unexpected(made.error().withContext(QStringLiteral("indexing the audit table %1").arg(tableName())));
        return {};
    };
    const QStringList cols = entryColumns();

    auto exists = MigrationHistory::tableExists(sql, tableName());
    if (!exists)
        return std::unexpected(exists.error().withContext(QStringLiteral("looking for the audit table %1").arg(tableName())));
    if (!*exists) {
        // A new table gets every column at once: one statement, not one
        // ALTER TABLE (on SQLite one synced commit) per later column.
        for (int i = kVersion1Columns; i < cols.size(); ++i)
            columns << QStringLiteral("%1 %2").arg(q(sql, cols.at(i)), laterType(cols.at(i)));
        // IF NOT EXISTS: a runner starting at the same moment may make it first.
        auto r = sql.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2)").arg(auditTable(sql), columns.join(QStringLiteral(", "))));
        if (!r)
            return std::unexpected(r.error().withContext(QStringLiteral("creating the audit table %1").arg(tableName())));
        return indexRuns();
    }

    // Upgrade in place: add the later columns a table written by an older
    // Covet lacks (one statement to read the columns, one per missing).
    auto probe = sql.exec(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(auditTable(sql)));
    if (!probe)
        return std::unexpected(probe.error().withContext(QStringLiteral("reading the columns of %1").arg(tableName())));
    const QSqlRecord record = probe->record();
    QStringList have;
    for (int i = 0; i < record.count(); ++i)
        have << record.fieldName(i).toLower();
    for (int i = kVersion1Columns; i < cols.size(); ++i) {
        if (have.contains(cols.at(i)))
            continue;
        // Runners starting together may race to add it: IF NOT EXISTS on
        // PostgreSQL (where a failed statement would end the transaction);
        // elsewhere a failure because another runner added it first is no
        // failure (MySQL has no IF NOT EXISTS here; its DDL commits at once).
        const bool ifNotExists = sql.dialect() == Dialect::PostgreSQL;
        auto add = sql.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2%3 %4")
                                .arg(auditTable(sql), ifNotExists ? QStringLiteral("IF NOT EXISTS ") : QString(), q(sql, cols.at(i)),
                                     laterType(cols.at(i))));
        if (!add) {
            auto again = sql.exec(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(auditTable(sql)));
            if (again && again->record().indexOf(cols.at(i)) >= 0)
                continue;
            return std::unexpected(add.error().withContext(QStringLiteral("upgrading the audit table %1").arg(tableName())));
        }
    }
    // Timestamps: text in a table an older Covet made (SQLite keeps text).
    if (d != Dialect::SQLite && record.field(QStringLiteral("started_at")).metaType().id() != QMetaType::QDateTime)
        if (Status st = SqlTimestamp::retype(sql, tableName(), auditTable(sql), {{q(sql, QStringLiteral("started_at"))}, {q(sql, QStringLiteral("finished_at"))}}); !st)
            return st;
    // Indexed by run when that column is added.
    if (!have.contains(QStringLiteral("run_id")))
        return indexRuns();
    return {};
}

QString AuditRecorder::content(const AuditEntry &e)
{
    const QChar sep(0x1f);
    QStringList fields{e.migrationId, e.direction, e.status, e.startedAt, e.finishedAt, QString::number(e.durationMs), e.user, e.host,
                       e.environment, e.sql, e.error};
    if (e.hashVersion >= 2)
        fields << e.databaseUser << e.checksum << e.riskLevel << QString::number(e.rowsAtRisk) << e.acknowledged
               << QString::number(e.backupId) << QString::number(e.hashVersion);
    if (e.hashVersion >= 3)
        fields << e.runId << e.verification;
    if (e.hashVersion >= 4)
        fields << e.author << e.objects << e.dataTags;
    return fields.join(sep);
}

QString AuditRecorder::rowHash(const QString &prev, const AuditEntry &entry)
{
    return Checksum::sha256((prev + content(entry)).toUtf8());
}

Status AuditRecorder::record(SqlExecutor &sql, const AuditEntry &entry, QString *head)
{
    AuditEntry e = entry;
    e.hashVersion = currentHashVersion;
    // The statements' texts, built once per dialect (a run writes a row per migration).
    auto columns = [](Dialect d) {
        QStringList cols;
        for (const QString &c : entryColumns() + QStringList{QStringLiteral("prev_hash"), QStringLiteral("row_hash")})
            cols << IdentifierQuoter::quote(d, c);
        return cols;
    };
    auto lastHashOf = [](Dialect d) {
        return QStringLiteral("SELECT %1 FROM %2 ORDER BY %3 DESC LIMIT 1")
            .arg(IdentifierQuoter::quote(d, QStringLiteral("row_hash")), IdentifierQuoter::quote(d, tableName()), IdentifierQuoter::quote(d, QStringLiteral("id")));
    };
    static const DialectText lastHashText(lastHashOf);
    static const DialectText insertText([&columns](Dialect d) {
        const QStringList cols = columns(d);
        return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(IdentifierQuoter::quote(d, tableName()), cols.join(QStringLiteral(", ")), SqlExecutor::placeholders(cols.size()));
    });
    static const DialectText guardedText([&columns, &lastHashOf](Dialect d) {
        const QStringList cols = columns(d);
        return QStringLiteral("INSERT INTO %1 (%2) SELECT %3 WHERE (%4) = ?")
            .arg(IdentifierQuoter::quote(d, tableName()), cols.join(QStringLiteral(", ")), SqlExecutor::placeholders(cols.size()), lastHashOf(d));
    });
    const QString &lastHash = lastHashText.of(sql.dialect());
    const auto failed = [&](const Error &error) {
        return std::unexpected(error.withContext(QStringLiteral("writing the audit row for %1").arg(entry.migrationId)));
    };
    // Not on MySQL: there InnoDB's INSERT ... SELECT locks the rows and the
    // gap its subquery reads until the commit, so another writer's insert
    // would wait on the migration's transaction.
    if (head && !head->isEmpty() && sql.dialect() != Dialect::MySQL) {
        // The row this writer wrote last is most likely still the chain's
        // last: link to it in one statement that inserts only if it is. When
        // it is not (another writer came between, or that row was rolled
        // back), nothing is inserted and the chain is read as below.
        const QString hash = rowHash(*head, e);
        auto r = sql.execPrepared(guardedText.of(sql.dialect()), values(e, sql.dialect()) + QVariantList{*head, hash, *head});
        if (!r)
            return failed(r.error());
        if (r->numRowsAffected() == 1) {
            *head = hash;
            return {};
        }
    }
    auto last = sql.rowsPrepared(lastHash, {});
    if (!last)
        return std::unexpected(last.error().withContext(QStringLiteral("reading the audit chain")));
    const QString prev = last->isEmpty() ? QString() : last->first().value(0).toString();
    const QString hash = rowHash(prev, e);
    auto r = sql.execPrepared(insertText.of(sql.dialect()), values(e, sql.dialect()) + QVariantList{prev, hash});
    if (!r)
        return failed(r.error());
    if (head)
        *head = hash;
    return {};
}

QVariantList AuditRecorder::values(const AuditEntry &e, Dialect d)
{
    return {e.migrationId, e.direction, e.status, SqlTimestamp::param(d, e.startedAt), SqlTimestamp::param(d, e.finishedAt), e.durationMs, e.user, e.host, e.environment, e.sql, e.error,
            e.databaseUser, e.checksum, e.riskLevel, e.rowsAtRisk, e.acknowledged, e.backupId, e.hashVersion, e.runId, e.verification, e.author, e.objects, e.dataTags};
}

Status AuditRecorder::verifyChain(SqlExecutor &sql)
{
    auto v = AuditChain::verify(sql);
    if (!v)
        return std::unexpected(v.error());
    if (!v->intact())
        return fail(Error::Category::Conflict, v->message(), tableName());
    return {};
}

Result<qint64> AuditRecorder::count(SqlExecutor &sql, const QString &migrationId, const QString &status)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!migrationId.isEmpty()) {
        where += QStringLiteral(" AND %1 = ?").arg(q(sql, QStringLiteral("migration_id")));
        binds << migrationId;
    }
    if (!status.isEmpty()) {
        where += QStringLiteral(" AND %1 = ?").arg(q(sql, QStringLiteral("status")));
        binds << status;
    }
    auto rows = sql.rows(QStringLiteral("SELECT count(*) FROM %1").arg(auditTable(sql)) + where, binds);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

} // namespace covet
