#pragma once

#include "../audit/auditrecorder.h"
#include "../core/error.h"
#include "../db/sqlexecutor.h"
#include "../migrations/migrationhistory.h"
#include "../migrations/partialmigrations.h"
#include "runoptions.h"
#include "runplan.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

namespace covet {

// The audit rows of one run besides each migration's own (PlanExecutor):
//  - `started`, before the first migration, committed on its own: a run
//    killed mid-way (kill -9, a lost connection, a stopped server) leaves it
//    without an end;
//  - `finished`, after the last, with the after-run verification result;
//  - `refused`, one per planned migration, when Covet refuses the run before
//    changing anything;
//  - `interrupted`, written by the next run for each run it finds started
//    and never ended, naming what was in progress and what is in effect now.
// Every row carries the run's id. Nothing is written when the audit is off
// (audit_log: false), for a dry run or a fake one.
class RunAudit
{
public:
    // transactionalDdl: whether a migration's changes commit with it (what an
    // interrupted run left in effect is told accordingly).
    RunAudit(SqlExecutor &sql, const RunOptions &options, bool transactionalDdl);

    const QString &runId() const { return m_runId; }
    bool enabled() const { return m_enabled; }
    // The user the database knows the connection as (read once).
    QString databaseUser();

    // Each returns a warning to show when the row could not be written (empty: written).
    QString started(const RunPlan &plan);
    // `error`: why the run stopped early (empty: it ran to its end).
    QString finished(const RunPlan &plan, const RunReport &report, const QString &error = {});
    QString refused(const RunPlan &plan, const Error &why);
    // Ends the runs that never ended with an `interrupted` row each (runs
    // of a process still alive on this machine are left alone); returns a
    // line per run for the person, and a warning when the audit could not
    // be read or written.
    QStringList markInterrupted(const QList<AppliedMigration> &applied, const QList<PartialMigration> &partials);

private:
    AuditEntry entry(const QString &migrationId, bool forward, const QString &status) const;
    QString write(const QList<AuditEntry> &entries);

    SqlExecutor &m_sql;
    const RunOptions &m_options;
    QString m_runId;
    bool m_enabled = false;
    bool m_transactionalDdl = true;
    QString m_startedAt;
    QElapsedTimer m_timer;
    QString m_databaseUser;
    bool m_databaseUserRead = false;
};

} // namespace covet
