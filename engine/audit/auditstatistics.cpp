#include "auditstatistics.h"

#include "auditlog.h"
#include "auditrecorder.h"
#include "auditstatus.h"
#include "conflictrecorder.h"

#include "../sql/identifierquoter.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace covet {

namespace {

double rounded(double v)
{
    return std::round(v * 10.0) / 10.0;
}

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + u'%';
}

// Durations of one group, then its figures.
struct Group
{
    QList<qint64> durations;
    qint64 failures = 0;

    DurationFigures figures(const QString &key)
    {
        DurationFigures f;
        f.key = key;
        f.executions = durations.size();
        f.failures = failures;
        if (durations.isEmpty())
            return f;
        std::sort(durations.begin(), durations.end());
        double sum = 0;
        for (qint64 d : durations)
            sum += double(d);
        const qsizetype n = durations.size();
        f.averageMs = sum / double(n);
        f.medianMs = n % 2 ? double(durations.at(n / 2)) : (double(durations.at(n / 2 - 1)) + double(durations.at(n / 2))) / 2.0;
        // Nearest rank: the smallest value with at least 95% of the values at or below it.
        const qsizetype rank = qsizetype(std::ceil(0.95 * double(n)));
        f.p95Ms = double(durations.at(std::max<qsizetype>(rank, 1) - 1));
        f.maxMs = durations.last();
        return f;
    }
};

QList<DurationFigures> figuresOf(QMap<QString, Group> &groups)
{
    QList<DurationFigures> out;
    for (auto it = groups.begin(); it != groups.end(); ++it)
        out << it->figures(it.key());
    return out;
}

} // namespace

QJsonObject DurationFigures::toJson() const
{
    return {{QStringLiteral("key"), key},
            {QStringLiteral("executions"), double(executions)},
            {QStringLiteral("failures"), double(failures)},
            {QStringLiteral("avg_ms"), rounded(averageMs)},
            {QStringLiteral("median_ms"), rounded(medianMs)},
            {QStringLiteral("p95_ms"), rounded(p95Ms)},
            {QStringLiteral("max_ms"), double(maxMs)}};
}

QJsonObject DayFigures::toJson() const
{
    return {{QStringLiteral("day"), day.toString(Qt::ISODate)},
            {QStringLiteral("executions"), double(executions)},
            {QStringLiteral("successes"), double(successes)},
            {QStringLiteral("failures"), double(failures)},
            {QStringLiteral("rollbacks"), double(rollbacks)},
            {QStringLiteral("avg_ms"), rounded(averageMs)}};
}

QJsonObject AuditAlert::toJson() const
{
    return {{QStringLiteral("alert"), key}, {QStringLiteral("value"), value}, {QStringLiteral("threshold"), threshold},
            {QStringLiteral("message"), message}};
}

QList<AuditAlert> AuditStatistics::alerts(const AuditThresholds &t) const
{
    QList<AuditAlert> out;
    if (executions > 0 && successRate() < t.successRateBelow)
        out << AuditAlert{QStringLiteral("success_rate_below"), successRate(), t.successRateBelow,
                          QStringLiteral("success rate %1 is below %2 (%3 of %4 executions succeeded)")
                              .arg(percent(successRate()), percent(t.successRateBelow))
                              .arg(successes)
                              .arg(executions)};
    if (executions > 0 && rollbackRate() > t.rollbackRateAbove)
        out << AuditAlert{QStringLiteral("rollback_rate_above"), rollbackRate(), t.rollbackRateAbove,
                          QStringLiteral("rollback rate %1 is above %2 (%3 rollbacks in %4 executions)")
                              .arg(percent(rollbackRate()), percent(t.rollbackRateAbove))
                              .arg(rollbacks)
                              .arg(executions)};
    if (conflicts > 0 && (executions == 0 || conflictRate() > t.conflictRateAbove))
        out << AuditAlert{QStringLiteral("conflict_rate_above"), executions ? conflictRate() : 1.0, t.conflictRateAbove,
                          QStringLiteral("conflict rate %1 is above %2 (%3 conflicts detected for %4 executions)")
                              .arg(percent(executions ? conflictRate() : 1.0), percent(t.conflictRateAbove))
                              .arg(conflicts)
                              .arg(executions)};
    if (t.failuresInARow > 0 && failuresInARow >= t.failuresInARow)
        out << AuditAlert{QStringLiteral("failures_in_a_row"), double(failuresInARow), double(t.failuresInARow),
                          QStringLiteral("the last %1 executions failed one after another (alert at %2)").arg(failuresInARow).arg(t.failuresInARow)};
    return out;
}

QJsonObject AuditStatistics::toJson(const AuditThresholds &t) const
{
    auto list = [](const QList<DurationFigures> &l) {
        QJsonArray a;
        for (const DurationFigures &f : l)
            a << f.toJson();
        return a;
    };
    QJsonArray dayList;
    for (const DayFigures &d : days)
        dayList << d.toJson();
    QJsonArray alertList;
    for (const AuditAlert &a : alerts(t))
        alertList << a.toJson();
    return {{QStringLiteral("filter"), filter.toJson()},
            {QStringLiteral("executions"), double(executions)},
            {QStringLiteral("successes"), double(successes)},
            {QStringLiteral("failures"), double(failures)},
            {QStringLiteral("cancelled"), double(cancelled)},
            {QStringLiteral("interrupted"), double(interrupted)},
            {QStringLiteral("refusals"), double(refusals)},
            {QStringLiteral("runs"), double(runs)},
            {QStringLiteral("verified_runs"), double(verifiedRuns)},
            {QStringLiteral("verification_failures"), double(verificationFailures)},
            {QStringLiteral("applies"), double(applies)},
            {QStringLiteral("rollbacks"), double(rollbacks)},
            {QStringLiteral("success_rate"), successRate()},
            {QStringLiteral("rollback_rate"), rollbackRate()},
            {QStringLiteral("conflicts"), double(conflicts)},
            {QStringLiteral("conflict_rate"), conflictRate()},
            {QStringLiteral("rows_at_risk"), double(rowsAtRisk)},
            {QStringLiteral("risky_executions"), double(riskyExecutions)},
            {QStringLiteral("executions_with_backup"), double(withBackup)},
            {QStringLiteral("failures_in_a_row"), double(failuresInARow)},
            {QStringLiteral("longest_failure_run"), double(longestFailureRun)},
            {QStringLiteral("users"), QJsonArray::fromStringList(users)},
            {QStringLiteral("first_at"), firstAt},
            {QStringLiteral("last_at"), lastAt},
            {QStringLiteral("duration"), overall.toJson()},
            {QStringLiteral("per_migration"), list(perMigration)},
            {QStringLiteral("per_environment"), list(perEnvironment)},
            {QStringLiteral("slowest"), list(slowest)},
            {QStringLiteral("days"), dayList},
            {QStringLiteral("alerts"), alertList},
            {QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("success_rate_below"), t.successRateBelow},
                                                       {QStringLiteral("rollback_rate_above"), t.rollbackRateAbove},
                                                       {QStringLiteral("conflict_rate_above"), t.conflictRateAbove},
                                                       {QStringLiteral("failures_in_a_row"), t.failuresInARow}}},
            {QStringLiteral("statements"), statements}};
}

Result<AuditStatistics> AuditStatistics::compute(SqlExecutor &sql, const AuditFilter &filter)
{
    AuditStatistics s;
    s.filter = filter;
    const int before = sql.statementCount();
    auto exists = AuditRecorder::exists(sql);
    if (!exists)
        return std::unexpected(exists.error());
    if (*exists) {
        const Dialect d = sql.dialect();
        QStringList cols;
        for (const char *c : {"migration_id", "direction", "status", "started_at", "duration_ms", "os_user", "db_user", "environment",
                              "risk_level", "rows_at_risk", "backup_id", "verification"})
            cols << IdentifierQuoter::quote(d, QString::fromLatin1(c));
        QVariantList binds;
        AuditFilter withRuns = filter;   // the `finished` rows hold the verification results
        withRuns.runRows = true;
        auto read = sql.rows(QStringLiteral("SELECT %1 FROM %2").arg(cols.join(QStringLiteral(", ")), IdentifierQuoter::quote(d, AuditRecorder::tableName()))
                                 + AuditLog::whereClause(sql, withRuns, &binds) + QStringLiteral(" ORDER BY %1").arg(IdentifierQuoter::quote(d, QStringLiteral("id"))),
                             binds);
        if (!read)
            return std::unexpected(read.error().withContext(QStringLiteral("reading the audit log for statistics")));
        QMap<QString, Group> perMigration;
        QMap<QString, Group> perEnvironment;
        QMap<QDate, std::pair<DayFigures, double>> days;
        Group all;
        QSet<QString> users;
        qint64 run = 0;
        for (const QVariantList &r : *read) {
            const QString id = r.value(0).toString();
            const bool rollback = r.value(1).toString() == u"rollback";
            const QString status = r.value(2).toString();
            const QString started = r.value(3).toString();
            const qint64 ms = r.value(4).toLongLong();
            const QString osUser = r.value(5).toString();
            const QString dbUser = r.value(6).toString();
            const QString env = r.value(7).toString();
            const QString risk = r.value(8).toString();
            if (!AuditStatus::isExecution(status)) {
                if (status == AuditStatus::Refused)
                    ++s.refusals;
                if (status == AuditStatus::Finished) {
                    ++s.runs;
                    const QString v = r.value(11).toString();
                    if (v == AuditVerification::Verified)
                        ++s.verifiedRuns;
                    else if (v == AuditVerification::Mismatch)
                        ++s.verificationFailures;
                }
                continue;
            }
            const bool ok = status == AuditStatus::Success;
            ++s.executions;
            if (s.firstAt.isEmpty())
                s.firstAt = started;
            s.lastAt = started;
            if (ok)
                ++s.successes;
            else if (status == AuditStatus::Cancelled)
                ++s.cancelled;
            else if (status == AuditStatus::Interrupted)
                ++s.interrupted;
            else
                ++s.failures;
            rollback ? ++s.rollbacks : ++s.applies;
            s.rowsAtRisk += r.value(9).toLongLong();
            if (risk == u"high" || risk == u"critical")
                ++s.riskyExecutions;
            if (r.value(10).toLongLong() > 0)
                ++s.withBackup;
            run = ok ? 0 : run + 1;
            s.longestFailureRun = std::max(s.longestFailureRun, run);
            users.insert(dbUser.isEmpty() || dbUser == osUser ? osUser : QStringLiteral("%1 [%2]").arg(osUser, dbUser));
            for (Group *g : {&all, &perMigration[id], &perEnvironment[env.isEmpty() ? QStringLiteral("(none)") : env]}) {
                g->durations << ms;
                if (!ok)
                    ++g->failures;
            }
            const QDate day = QDate::fromString(started.left(10), Qt::ISODate);
            auto &[f, sum] = days[day];
            f.day = day;
            ++f.executions;
            ok ? ++f.successes : ++f.failures;
            if (rollback)
                ++f.rollbacks;
            sum += double(ms);
        }
        s.failuresInARow = run;
        s.overall = all.figures(QStringLiteral("all"));
        s.perMigration = figuresOf(perMigration);
        s.perEnvironment = figuresOf(perEnvironment);
        s.slowest = s.perMigration;
        std::stable_sort(s.slowest.begin(), s.slowest.end(), [](const DurationFigures &a, const DurationFigures &b) { return a.p95Ms > b.p95Ms; });
        s.slowest = s.slowest.mid(0, 10);
        for (auto it = days.begin(); it != days.end(); ++it) {
            DayFigures f = it->first;
            f.averageMs = f.executions ? it->second / double(f.executions) : 0.0;
            s.days << f;
        }
        s.users = QStringList(users.begin(), users.end());
        s.users.sort();
    }
    auto conflicts = ConflictRecorder::load(sql);
    if (!conflicts)
        return std::unexpected(conflicts.error().withContext(QStringLiteral("reading the conflicts for statistics")));
    const QString since = filter.since.isValid() ? filter.since.toUTC().toString(Qt::ISODateWithMs) : QString();
    const QString until = filter.until.isValid() ? filter.until.toUTC().toString(Qt::ISODateWithMs) : QString();
    for (const ConflictRow &c : *conflicts) {
        if ((!since.isEmpty() && c.detectedAt < since) || (!until.isEmpty() && c.detectedAt >= until))
            continue;
        if (!filter.environment.isEmpty() && c.environment != filter.environment)
            continue;
        if (!filter.migration.isEmpty() && !c.conflict.migrationIds.contains(filter.migration))
            continue;
        ++s.conflicts;
    }
    s.statements = sql.statementCount() - before;
    return s;
}

} // namespace covet
