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

#include <functional>

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
    RunAudit(SqlExecutor &sql, const RunOptions &options);

    // Whether a run with these options writes its run rows (started,
    // finished, refused, interrupted): the audit is on, and it is neither a
    // dry run nor a fake one.
    static bool enabledFor(const RunOptions &options) { return options.settings.audit && !options.dryRun && !options.fake; }

    const QString &runId() const { return m_runId; }
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
    // `inTransaction(id)`: whether that migration ran in one transaction (as
    // PlanExecutor decides: transactional DDL, and the migration not marked
    // transactional: false), so that nothing of it is in effect unless it
    // is recorded as applied.
    QStringList markInterrupted(const QList<AppliedMigration> &applied, const QList<PartialMigration> &partials,
                                const std::function<bool(const QString &)> &inTransaction);

    // A row of this run, as of now: who, where, the environment, the run id,
    // the database user; started when the run started.
    AuditEntry entry(const QString &migrationId, bool forward, const QString &status);
    // Appends a row of this run to the chain (in the caller's transaction),
    // linking it to the row the run appended last (AuditRecorder::record).
    Status record(const AuditEntry &entry) { return AuditRecorder::record(m_sql, entry, &m_chainHead); }

private:
    QString write(const QList<AuditEntry> &entries);

    SqlExecutor &m_sql;
    const RunOptions &m_options;
    QString m_runId;
    QString m_startedAt;
    QString m_user;
    QString m_host;
    QElapsedTimer m_timer;
    QString m_databaseUser;
    bool m_databaseUserRead = false;
    QString m_chainHead;   // the hash of the row this run appended last
};

} // namespace covet
