#pragma once

#include "auditfilter.h"
#include "../migrations/auditthresholds.h"

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace covet {

// Durations of a group of executions (milliseconds).
struct DurationFigures
{
    QString key;            // the migration id or environment name
    qint64 executions = 0;
    qint64 failures = 0;
    double averageMs = 0;
    double medianMs = 0;
    double p95Ms = 0;       // nearest-rank 95th percentile
    qint64 maxMs = 0;
    QJsonObject toJson() const;
};

// One day of the series (UTC days).
struct DayFigures
{
    QDate day;
    qint64 executions = 0;
    qint64 successes = 0;
    qint64 failures = 0;     // failed or cancelled
    qint64 rollbacks = 0;    // successful or not: direction rollback
    double averageMs = 0;
    QJsonObject toJson() const;
};

// One alert threshold crossed.
struct AuditAlert
{
    QString key;        // success_rate_below | rollback_rate_above | conflict_rate_above | failures_in_a_row
    double value = 0;   // the measured figure (rates as fractions)
    double threshold = 0;
    QString message;
    QJsonObject toJson() const;
};

// What the audit log says about the executions a filter selects.
struct AuditStatistics
{
    AuditFilter filter;
    qint64 executions = 0;
    qint64 successes = 0;
    qint64 failures = 0;            // status failure
    qint64 cancelled = 0;           // status cancelled
    qint64 interrupted = 0;         // status interrupted: the run was killed or lost its connection
    qint64 refusals = 0;            // migrations Covet refused to run (not executions)
    qint64 runs = 0;                // runs that reached their end (`finished` rows)
    qint64 verifiedRuns = 0;        // runs verified after they ran
    qint64 verificationFailures = 0; // runs whose verification found a mismatch
    qint64 applies = 0;
    qint64 rollbacks = 0;           // executions in the rollback direction
    qint64 conflicts = 0;           // conflicts first detected in the period (environment filter applies)
    qint64 rowsAtRisk = 0;          // rows/values at stake, summed over executions that recorded it
    qint64 riskyExecutions = 0;     // executions graded high or critical
    qint64 withBackup = 0;          // executions that took a backup first
    qint64 failuresInARow = 0;      // the latest executions that failed one after another
    qint64 longestFailureRun = 0;
    QStringList users;              // distinct users (OS users; database users in brackets)
    QString firstAt;
    QString lastAt;
    DurationFigures overall;
    QList<DurationFigures> perMigration;     // by migration id
    QList<DurationFigures> perEnvironment;   // by environment ("" shown as "(none)")
    QList<DurationFigures> slowest;          // up to 10 migrations, slowest p95 first
    QList<DayFigures> days;                  // oldest first, days with no execution left out
    int statements = 0;                      // statements the computation ran

    double successRate() const { return executions ? double(successes) / double(executions) : 1.0; }
    double rollbackRate() const { return executions ? double(rollbacks) / double(executions) : 0.0; }
    double conflictRate() const { return executions ? double(conflicts) / double(executions) : 0.0; }
    // The thresholds crossed (none with no executions, except the conflict rate).
    QList<AuditAlert> alerts(const AuditThresholds &thresholds) const;
    QJsonObject toJson(const AuditThresholds &thresholds) const;

    // Three statements whatever the row count: the audit rows' figures
    // (without their SQL), the conflicts, and a table check.
    static Result<AuditStatistics> compute(SqlExecutor &sql, const AuditFilter &filter);
};

} // namespace covet
