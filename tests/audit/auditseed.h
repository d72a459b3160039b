#pragma once
// A scripted audit history with figures counted by hand (tests/audit and
// tests/reports), written through AuditRecorder so the chain is real.
//
//  #  migration dir       status     env      user        day         ms
//  1  0001_a    apply     success    staging  alice       2026-11-01  100
//  2  0002_b    apply     success    staging  alice       2026-11-01  200
//  3  0003_c    apply     failure    staging  bob         2026-11-02   50
//  4  0003_c    apply     success    staging  bob         2026-11-02  300
//  5  0003_c    rollback  success    staging  bob         2026-11-03   40
//  6  0003_c    apply     success    staging  bob         2026-11-03  310
//  7  0001_a    apply     success    prod     carol       2026-11-10  120
//  8  0002_b    apply     success    prod     carol       2026-11-10  220
//  9  0003_c    apply     cancelled  prod     carol       2026-11-11   10
// 10  0003_c    apply     failure    prod     carol       2026-11-11   20
// 11  0003_c    apply     failure    prod     dave[app_rw] 2026-11-12  30
// 12  0003_c    apply     failure    prod     dave[app_rw] 2026-11-12  25
//
// Hand counts: 12 executions, 7 successes, 4 failures, 1 cancelled, 1
// rollback; 4 not-successful in a row at the end; durations sorted 10 20 25
// 30 40 50 100 120 200 220 300 310 (sum 1425: avg 118.75, median 75, p95
// 310); 0003_c: 8 runs, avg 98.125, median 35, p95 310, 5 not successful;
// staging avg 1000/6, median 150; prod avg 425/6, median 27.5; 6 days.
// Row 5 (the rollback) destroyed 7 rows, graded high, backup 3, accepted
// with confirmed-data-loss.

#include "audit/auditrecorder.h"

#include <QList>

namespace covet::test {

inline QList<AuditEntry> seededAudit()
{
    struct Line
    {
        const char *id, *dir, *status, *env, *user, *dbUser, *day;
        qint64 ms;
    };
    const Line lines[] = {
        {"0001_a", "apply", "success", "staging", "alice", "", "2026-11-01", 100},
        {"0002_b", "apply", "success", "staging", "alice", "", "2026-11-01", 200},
        {"0003_c", "apply", "failure", "staging", "bob", "", "2026-11-02", 50},
        {"0003_c", "apply", "success", "staging", "bob", "", "2026-11-02", 300},
        {"0003_c", "rollback", "success", "staging", "bob", "", "2026-11-03", 40},
        {"0003_c", "apply", "success", "staging", "bob", "", "2026-11-03", 310},
        {"0001_a", "apply", "success", "prod", "carol", "", "2026-11-10", 120},
        {"0002_b", "apply", "success", "prod", "carol", "", "2026-11-10", 220},
        {"0003_c", "apply", "cancelled", "prod", "carol", "", "2026-11-11", 10},
        {"0003_c", "apply", "failure", "prod", "carol", "", "2026-11-11", 20},
        {"0003_c", "apply", "failure", "prod", "dave", "app_rw", "2026-11-12", 30},
        {"0003_c", "apply", "failure", "prod", "dave", "app_rw", "2026-11-12", 25},
    };
    QList<AuditEntry> out;
    int n = 0;
    for (const Line &l : lines) {
        ++n;
        AuditEntry e;
        e.migrationId = QString::fromLatin1(l.id);
        e.direction = QString::fromLatin1(l.dir);
        e.status = QString::fromLatin1(l.status);
        e.environment = QString::fromLatin1(l.env);
        e.user = QString::fromLatin1(l.user);
        e.databaseUser = QString::fromLatin1(l.dbUser);
        e.host = QStringLiteral("ci-host");
        e.startedAt = QStringLiteral("%1T%2:00:00.000Z").arg(QString::fromLatin1(l.day)).arg(8 + n, 2, 10, QChar(u'0'));
        e.finishedAt = e.startedAt;
        e.durationMs = l.ms;
        e.sql = QStringLiteral("-- %1 %2\nSELECT %3;").arg(e.direction, e.migrationId).arg(n);
        e.checksum = QStringLiteral("sum-") + e.migrationId;
        e.riskLevel = QStringLiteral("none");
        if (e.status == u"failure")
            e.error = QStringLiteral("boom: no such table t%1").arg(n);
        else if (e.status == u"cancelled")
            e.error = QStringLiteral("cancelled by the user");
        if (n == 5) {
            e.riskLevel = QStringLiteral("high");
            e.rowsAtRisk = 7;
            e.backupId = 3;
            e.acknowledged = QStringLiteral("confirmed-data-loss");
        }
        out << e;
    }
    return out;
}

} // namespace covet::test
