#pragma once
// What the audit benchmarks share: the row count and a realistic audit log
// written fast and set-wise, chained as AuditRecorder writes it.

#include "audit/auditrecorder.h"
#include "db/migrationlock.h"
#include "db/sqlexecutor.h"
#include "sql/identifierquoter.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QTime>

#include <algorithm>

namespace covet::bench {

// COVET_BENCH_AUDIT_ROWS, default 100,000.
inline int auditRows()
{
    return qEnvironmentVariableIsSet("COVET_BENCH_AUDIT_ROWS") ? qEnvironmentVariableIntValue("COVET_BENCH_AUDIT_ROWS") : 100000;
}

// rows executions of 200 migrations over 100 days, 3% failures, 4% rollbacks,
// chained as AuditRecorder writes them, inserted 500 rows a statement.
inline bool seedAudit(SqlExecutor &sql, int rows)
{
    if (!AuditRecorder::ensure(sql))
        return false;
    const Dialect d = sql.dialect();
    QStringList cols;
    for (const QString &c : AuditRecorder::entryColumns())
        cols << IdentifierQuoter::quote(d, c);
    cols << IdentifierQuoter::quote(d, QStringLiteral("prev_hash")) << IdentifierQuoter::quote(d, QStringLiteral("row_hash"));
    const QString one = QStringLiteral("(") + QStringList(cols.size(), QStringLiteral("?")).join(u',') + u')';
    QString prev;
    if (!sql.exec(MigrationLock::beginStatement(d)))
        return false;
    for (int start = 0; start < rows; start += 500) {
        const int n = std::min(500, rows - start);
        QVariantList binds;
        QStringList tuples;
        for (int i = start; i < start + n; ++i) {
            AuditEntry e;
            e.migrationId = QStringLiteral("%1_change").arg(i % 200, 4, 10, QChar(u'0'));
            e.direction = i % 25 == 7 ? QStringLiteral("rollback") : QStringLiteral("apply");
            e.status = i % 33 == 5 ? QStringLiteral("failure") : QStringLiteral("success");
            e.startedAt = QDateTime(QDate(2026, 8, 1).addDays(i * 100 / rows), QTime(0, 0), Qt::UTC).addSecs(i % 86400).toString(Qt::ISODateWithMs);
            e.finishedAt = e.startedAt;
            e.durationMs = 20 + (i * 7919) % 5000;
            e.user = i % 3 ? QStringLiteral("deploy") : QStringLiteral("alice");
            e.host = QStringLiteral("ci");
            e.environment = i % 4 ? QStringLiteral("production") : QStringLiteral("staging");
            e.sql = QStringLiteral("ALTER TABLE t%1 ADD COLUMN c%2 INTEGER;").arg(i % 200).arg(i);
            e.error = e.status == u"failure" ? QStringLiteral("statement failed") : QString();
            e.riskLevel = QStringLiteral("low");
            e.checksum = QStringLiteral("0123456789abcdef");
            const QString hash = AuditRecorder::rowHash(prev, e);
            binds << AuditRecorder::values(e, sql.dialect()) << prev << hash;
            tuples << one;
            prev = hash;
        }
        if (!sql.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                          .arg(IdentifierQuoter::quote(d, AuditRecorder::tableName()), cols.join(u','), tuples.join(u',')),
                      binds))
            return false;
    }
    return bool(sql.exec(QStringLiteral("COMMIT")));
}

} // namespace covet::bench
