#include "runaudit.h"

#include "../audit/auditruns.h"
#include "../audit/auditstatus.h"
#include "../core/localuser.h"
#include "../db/catalog.h"
#include "../db/migrationlock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QUuid>

namespace covet {

RunAudit::RunAudit(SqlExecutor &sql, const RunOptions &options)
    : m_sql(sql), m_options(options), m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.start();
    m_startedAt = LocalUser::nowUtc();
    // Asked once: the host name is a system call, and every row of the run carries both.
    m_user = LocalUser::name();
    m_host = LocalUser::host();
}

QString RunAudit::databaseUser()
{
    if (!m_databaseUserRead) {
        m_databaseUserRead = true;
        if (auto u = Catalog::currentUser(m_sql))
            m_databaseUser = *u;
    }
    return m_databaseUser;
}

AuditEntry RunAudit::entry(const QString &migrationId, bool forward, const QString &status)
{
    AuditEntry e;
    e.migrationId = migrationId;
    e.direction = forward ? QStringLiteral("apply") : QStringLiteral("rollback");
    e.status = status;
    e.startedAt = m_startedAt;
    e.finishedAt = LocalUser::nowUtc();
    e.durationMs = m_timer.elapsed();
    e.user = m_user;
    e.host = m_host;
    e.environment = m_options.settings.environment;
    e.runId = m_runId;
    e.databaseUser = databaseUser();
    return e;
}

QString RunAudit::write(const QList<AuditEntry> &entries)
{
    // In one transaction of their own, so that two runners cannot fork the
    // chain (SQLite has no lock across the run) and the rows survive what follows.
    if (auto r = m_sql.exec(MigrationLock::beginStatement(m_sql.dialect())); !r)
        return QStringLiteral("could not write the audit: %1").arg(r.error().toString());
    for (const AuditEntry &e : entries)
        if (auto st = record(e); !st) {
            (void)m_sql.exec(QStringLiteral("ROLLBACK"));
            return QStringLiteral("could not write the audit row of %1 (%2): %3").arg(e.migrationId, e.status, st.error().toString());
        }
    if (auto r = m_sql.exec(QStringLiteral("COMMIT")); !r)
        return QStringLiteral("could not write the audit: %1").arg(r.error().toString());
    return {};
}

QString RunAudit::started(const RunPlan &plan)
{
    if (!enabledFor(m_options) || plan.plans.isEmpty())
        return {};
    AuditEntry e = entry(plan.plans.first().migration->id, plan.forward, AuditStatus::Started);
    e.finishedAt = e.startedAt;   // written as it starts
    e.durationMs = 0;
    e.sql = AuditRuns::startedText(plan.ids(), QCoreApplication::applicationPid());
    return write({e});
}

QString RunAudit::finished(const RunPlan &plan, const RunReport &report, const QString &error)
{
    if (!enabledFor(m_options) || plan.plans.isEmpty())
        return {};
    AuditEntry e = entry(report.done.isEmpty() ? plan.plans.last().migration->id : report.done.last(), plan.forward, AuditStatus::Finished);
    e.sql = QStringLiteral("-- done: %1\n-- skipped (done meanwhile by another runner): %2")
                .arg(report.done.isEmpty() ? QStringLiteral("nothing") : report.done.join(QStringLiteral(", ")),
                     report.skipped.isEmpty() ? QStringLiteral("none") : report.skipped.join(QStringLiteral(", ")));
    const RunVerification &v = report.verification;
    if (!error.isEmpty()) {
        e.error = error;   // stopped early: not verified
    } else if (!m_options.settings.verifyAfterRun) {
        e.verification.clear();
    } else if (v.done) {
        e.verification = v.ok() ? AuditVerification::Verified : AuditVerification::Mismatch;
        e.error = v.ok() ? QString() : v.toText().trimmed();
    } else {
        e.verification = AuditVerification::NotVerified;
        e.error = v.notDone;
    }
    return write({e});
}

QString RunAudit::refused(const RunPlan &plan, const Error &why)
{
    if (!enabledFor(m_options) || plan.plans.isEmpty())
        return {};
    QList<AuditEntry> rows;
    for (const MigrationPlan &p : plan.plans) {
        AuditEntry e = entry(p.migration->id, plan.forward, AuditStatus::Refused);
        e.error = why.message();
        e.sql = p.script();
        e.checksum = p.migration->checksum;
        rows << e;
    }
    return write(rows);
}

QStringList RunAudit::markInterrupted(const QList<AppliedMigration> &applied, const QList<PartialMigration> &partials,
                                      const std::function<bool(const QString &)> &inTransaction)
{
    if (!enabledFor(m_options))
        return {};
    auto open = AuditRuns::open(m_sql);
    if (!open)
        return {QStringLiteral("warning: could not look for interrupted runs in the audit: %1").arg(open.error().toString())};
    QSet<QString> isApplied;
    for (const AppliedMigration &a : applied)
        isApplied.insert(a.id);
    QList<AuditEntry> rows;
    QStringList lines;
    for (const OpenRun &run : std::as_const(*open)) {
        const AuditEntry &s = run.started;
        // A run still going on this machine (SQLite has no lock across the run).
        if (s.host == LocalUser::host() && run.pid != QCoreApplication::applicationPid() && LocalUser::processAlive(run.pid))
            continue;
        const bool forward = s.direction != u"rollback";
        QString current;
        for (const QString &id : run.planned)
            if (!run.succeeded.contains(id)) {
                current = id;
                break;
            }
        AuditEntry e = entry(current.isEmpty() ? (run.planned.isEmpty() ? s.migrationId : run.planned.last()) : current, forward,
                             AuditStatus::Interrupted);
        e.runId = s.runId;
        e.startedAt = s.startedAt;
        e.user = s.user;
        e.host = s.host;
        e.environment = s.environment;
        e.databaseUser = s.databaseUser;
        const QDateTime from = QDateTime::fromString(s.startedAt, Qt::ISODateWithMs);
        e.durationMs = from.isValid() ? from.msecsTo(QDateTime::currentDateTimeUtc()) : 0;
        QString state;
        if (current.isEmpty()) {
            state = QStringLiteral("all %1 planned migration(s) had finished; the run ended before recording its end").arg(run.planned.size());
        } else {
            const auto partial = std::find_if(partials.cbegin(), partials.cend(), [&](const PartialMigration &p) { return p.id == current; });
            if (partial != partials.cend())
                state = QStringLiteral("%1 is part-way: %2 (`covet status` shows it; `covet migrate --resume` finishes it, `covet rollback` undoes it)")
                            .arg(current, partial->describe());
            else if (isApplied.contains(current) == forward)
                state = QStringLiteral("%1 was %2 before the run ended (its history row is there)")
                            .arg(current, forward ? QStringLiteral("applied") : QStringLiteral("rolled back"));
            else if (inTransaction(current))
                state = QStringLiteral("%1 is %2: its transaction did not commit, nothing of it is in effect")
                            .arg(current, forward ? QStringLiteral("still pending") : QStringLiteral("still applied"));
            else
                state = QStringLiteral("%1 is %2 and has no part-way record (settled by hand since, or stopped before its first step)")
                            .arg(current, forward ? QStringLiteral("not recorded as applied") : QStringLiteral("still recorded as applied"));
            if (!run.succeeded.isEmpty())
                state += QStringLiteral("; done before it: %1").arg(run.succeeded.join(QStringLiteral(", ")));
        }
        e.error = QStringLiteral("the run started at %1 by %2@%3 (process %4) ended without finishing (killed, or its connection or server was "
                                 "lost): %5. Found by %6 at %7")
                      .arg(s.startedAt, s.user, s.host)
                      .arg(run.pid)
                      .arg(state, LocalUser::atHost(), e.finishedAt);
        e.sql = s.sql;
        rows << e;
        lines << QStringLiteral("an earlier run was interrupted, recorded in the audit: %1").arg(e.error);
    }
    if (!rows.isEmpty())
        if (const QString w = write(rows); !w.isEmpty())
            lines << QStringLiteral("warning: %1").arg(w);
    return lines;
}

} // namespace covet
