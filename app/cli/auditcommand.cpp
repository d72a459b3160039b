#include "auditcommand.h"

#include "migratecommand.h"

#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "audit/auditstatus.h"
#include "audit/auditstatistics.h"
#include "audit/compliancereport.h"
#include "reportmodule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace covet::cli {

namespace {

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + u'%';
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 1 : 0) + QStringLiteral(" ms");
}

// YYYY-MM-DD (a whole day: since its start, until its end) or an ISO 8601 time (UTC unless it says otherwise).
Result<QDateTime> timeOption(const QCommandLineParser &p, const QString &name, bool endOfDay)
{
    const QString v = p.value(name).trimmed();
    if (v.isEmpty())
        return QDateTime();
    const QDate day = QDate::fromString(v, Qt::ISODate);
    if (day.isValid() && v.size() == 10)
        return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), Qt::UTC);
    QDateTime t = QDateTime::fromString(v, Qt::ISODateWithMs);
    if (!t.isValid())
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("--%1 takes a date (2026-12-01) or a time (2026-12-01T14:00:00Z), got '%2'").arg(name, v));
    if (t.timeSpec() == Qt::LocalTime && !v.endsWith(u'Z'))
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

QString rowLine(const AuditRow &r)
{
    const AuditEntry &e = r.entry;
    return QStringLiteral("%1  %2  %3  %4  %5  %6  %7@%8%9%10")
        .arg(QString::number(r.id).rightJustified(6), e.startedAt.left(19).replace(u'T', u' '), e.status.leftJustified(9),
             e.direction.leftJustified(8), e.migrationId, ms(double(e.durationMs)).rightJustified(9), e.user, e.host,
             e.databaseUser.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(e.databaseUser),
             e.environment.isEmpty() ? QString() : QStringLiteral(" in ") + e.environment);
}

void printStats(QTextStream &out, const AuditStatistics &s, const QList<AuditAlert> &alerts)
{
    out << "Executions: " << s.executions << " (" << s.applies << " applies, " << s.rollbacks << " rollbacks)";
    if (!s.firstAt.isEmpty())
        out << ", " << s.firstAt << " to " << s.lastAt;
    out << '\n'
        << "Success rate: " << percent(s.successRate()) << " (" << s.successes << " succeeded, " << s.failures << " failed, " << s.cancelled
        << " cancelled, " << s.interrupted << " interrupted)\n"
        << "Refused before running: " << s.refusals << '\n'
        << "Runs: " << s.runs << " finished, " << s.verifiedRuns << " verified afterwards, " << s.verificationFailures
        << " failed verification\n"
        << "Rollback rate: " << percent(s.rollbackRate()) << '\n'
        << "Conflict rate: " << percent(s.conflictRate()) << " (" << s.conflicts << " conflicts detected)\n"
        << "Failures in a row: " << s.failuresInARow << " now, " << s.longestFailureRun << " at most\n"
        << "Data at risk: " << s.rowsAtRisk << " rows/values; " << s.riskyExecutions << " high or critical executions; " << s.withBackup
        << " took a backup\n"
        << "Duration: avg " << ms(s.overall.averageMs) << ", median " << ms(s.overall.medianMs) << ", p95 " << ms(s.overall.p95Ms) << ", max "
        << ms(double(s.overall.maxMs)) << '\n'
        << "Users: " << (s.users.isEmpty() ? QStringLiteral("-") : s.users.join(QStringLiteral(", "))) << '\n';
    if (!s.perEnvironment.isEmpty()) {
        out << "\nPer environment:\n";
        for (const DurationFigures &f : s.perEnvironment)
            out << "  " << f.key.leftJustified(16) << ' ' << QString::number(f.executions).rightJustified(7) << " runs "
                << QString::number(f.failures).rightJustified(5) << " failed  avg " << ms(f.averageMs) << "  median " << ms(f.medianMs)
                << "  p95 " << ms(f.p95Ms) << '\n';
    }
    if (!s.slowest.isEmpty()) {
        out << "\nSlowest migrations (p95):\n";
        for (const DurationFigures &f : s.slowest)
            out << "  " << f.key.leftJustified(32) << ' ' << ms(f.p95Ms).rightJustified(10) << "  avg " << ms(f.averageMs) << "  median "
                << ms(f.medianMs) << "  " << f.executions << " runs\n";
    }
    out << '\n';
    if (alerts.isEmpty())
        out << "No alert.\n";
    for (const AuditAlert &a : alerts)
        out << "ALERT: " << a.message << '\n';
}

} // namespace

bool AuditCommand::needsGui(const QStringList &args)
{
    return args.size() > 2 && args.at(1) == u"audit" && args.contains(QStringLiteral("report"));
}

void AuditCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list | show ID | verify | stats | alerts | report"));
    p.addPositionalArgument(QStringLiteral("id"), QStringLiteral("show: the audit row (see `covet audit list`)."), QStringLiteral("[ID]"));
    p.addOption({QStringLiteral("since"), QStringLiteral("Only executions started at or after this date or time (UTC)."), QStringLiteral("date")});
    p.addOption({QStringLiteral("until"), QStringLiteral("Only executions started before this time, or on or before this date (UTC)."),
                 QStringLiteral("date")});
    p.addOption({QStringLiteral("env"), QStringLiteral("Only executions recorded in this environment."), QStringLiteral("name")});
    p.addOption({QStringLiteral("migration"), QStringLiteral("Only executions of this migration."), QStringLiteral("id")});
    p.addOption({QStringLiteral("user"), QStringLiteral("Only executions by this OS or database user."), QStringLiteral("name")});
    p.addOption({QStringLiteral("status"), QStringLiteral("Only rows with this status: %1 (refused: Covet refused the run before changing "
                                                          "anything; interrupted: the run was killed or lost its connection; started and "
                                                          "finished: a run's first and last rows, the last with its verification).")
                                               .arg(AuditStatus::all().join(QStringLiteral(", "))),
                 QStringLiteral("status")});
    p.setValueChoices(QStringLiteral("status"), AuditStatus::all());
    p.addOption({QStringLiteral("runs"), QStringLiteral("Also the rows that mark each run's start and end (the end with the after-run "
                                                        "verification result).")});
    p.addOption({QStringLiteral("direction"), QStringLiteral("Only executions in this direction: apply or rollback."), QStringLiteral("direction")});
    p.setValueChoices(QStringLiteral("direction"), {QStringLiteral("apply"), QStringLiteral("rollback")});
    p.addOption({QStringLiteral("search"), QStringLiteral("Only executions whose migration id or error contains this text."), QStringLiteral("text")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("list: at most this many rows, newest first (default 50)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("offset"), QStringLiteral("list: skip this many rows first (paging)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("standard"), QStringLiteral("report: sox, hipaa or gdpr."), QStringLiteral("standard")});
    p.setValueChoices(QStringLiteral("standard"), {QStringLiteral("sox"), QStringLiteral("hipaa"), QStringLiteral("gdpr")});
    p.addOption({QStringLiteral("format"), QStringLiteral("report: pdf, html, csv or json (default: from the file's extension)."), QStringLiteral("format")});
    p.setValueChoices(QStringLiteral("format"), {QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("csv"), QStringLiteral("json")});
    p.addOption({{QStringLiteral("out"), QStringLiteral("output")}, QStringLiteral("report: the file to write."), QStringLiteral("file")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

Result<AuditFilter> AuditCommand::filter(const QCommandLineParser &p)
{
    AuditFilter f;
    auto since = timeOption(p, QStringLiteral("since"), false);
    if (!since)
        return std::unexpected(since.error());
    auto until = timeOption(p, QStringLiteral("until"), true);
    if (!until)
        return std::unexpected(until.error());
    f.since = *since;
    f.until = *until;
    f.environment = p.value(QStringLiteral("env"));
    f.migration = p.value(QStringLiteral("migration"));
    f.user = p.value(QStringLiteral("user"));
    f.status = p.value(QStringLiteral("status"));
    f.runRows = p.isSet(QStringLiteral("runs"));
    f.direction = p.value(QStringLiteral("direction"));
    f.search = p.value(QStringLiteral("search"));
    if (!f.status.isEmpty() && !AuditStatus::all().contains(f.status))
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("--status takes %1, got '%2'").arg(AuditStatus::all().join(QStringLiteral(", ")), f.status));
    if (!f.direction.isEmpty() && f.direction != u"apply" && f.direction != u"rollback")
        return fail(Error::Category::InvalidInput, QStringLiteral("--direction takes apply or rollback, got '%1'").arg(f.direction));
    return f;
}

int AuditCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    static const QStringList actions = {QStringLiteral("list"), QStringLiteral("show"), QStringLiteral("verify"), QStringLiteral("stats"),
                                        QStringLiteral("alerts"), QStringLiteral("report")};
    int code = 0;
    const auto parsed = actionArguments(p, name(), actions, {QStringLiteral("show")}, QStringLiteral("the audit row"), QStringLiteral("covet audit list"),
                                        err, &code);
    if (!parsed)
        return code;
    const QString action = parsed->action;
    const qint64 id = parsed->id;
    auto f = filter(p);
    if (!f)
        return report(f.error(), err);
    auto limit = positiveOption(p, QStringLiteral("limit"), 50, err, &code);
    if (!limit)
        return code;
    qint64 offset = 0;
    if (p.isSet(QStringLiteral("offset"))) {
        bool ok = false;
        offset = p.value(QStringLiteral("offset")).toLongLong(&ok);
        if (!ok || offset < 0)
            return usageError(QStringLiteral("--offset must be 0 or more, got '%1'").arg(p.value(QStringLiteral("offset"))), err);
    }
    std::optional<ComplianceReport::Standard> standard;
    std::optional<ReportRenderer::Format> format;
    const QString outFile = p.value(QStringLiteral("out"));
    if (action == u"report") {
        standard = ComplianceReport::standardFromName(p.value(QStringLiteral("standard")));
        if (!standard)
            return usageError(QStringLiteral("covet audit report needs --standard sox|hipaa|gdpr"), err);
        if (outFile.isEmpty())
            return usageError(QStringLiteral("covet audit report needs --out FILE"), err);
        const QString name = p.isSet(QStringLiteral("format")) ? p.value(QStringLiteral("format")) : outFile.section(u'.', -1);
        format = ReportRenderer::formatFromName(name);
        if (!format)
            return usageError(QStringLiteral("--format takes pdf, html, csv or json, got '%1'").arg(name), err);
        // The writer is a module (reportmodule.h): a missing one is said
        // before connecting and reading the audit, not after.
        if (auto st = ReportModule::instance().load(); !st)
            return report(st.error(), err);
    }
    const bool json = p.isSet(QStringLiteral("json"));
    auto target = MigrateCommand::openTarget(p, true, MigrateCommand::MissingSqlite::Error);
    if (!target)
        return report(target.error(), err);
    SqlExecutor sql(target->connection->database(), target->connection->dialect());
    const int broken = Error(Error::Category::Conflict, QString()).exitCode();

    if (action == u"list") {
        auto page = AuditLog::page(sql, *f, offset, *limit, false);
        if (!page)
            return report(page.error(), err);
        if (json) {
            QJsonArray rows;
            for (const AuditRow &r : page->rows)
                rows << r.toJson(false);
            printJson(out, QJsonObject{{QStringLiteral("total"), double(page->total)}, {QStringLiteral("offset"), double(offset)},
                                       {QStringLiteral("rows"), rows}});
            return 0;
        }
        if (page->rows.isEmpty())
            out << "No audit rows" << (f->isEmpty() ? QString() : QStringLiteral(" match")) << ".\n";
        for (const AuditRow &r : page->rows)
            out << rowLine(r) << '\n';
        if (page->total > offset + page->rows.size())
            out << "(" << page->rows.size() << " of " << page->total << " rows; --offset " << offset + page->rows.size() << " for more)\n";
        return 0;
    }
    if (action == u"show") {
        auto row = AuditLog::get(sql, id);
        if (!row)
            return report(row.error(), err);
        if (json) {
            printJson(out, row->toJson());
            return 0;
        }
        const AuditEntry &e = row->entry;
        out << "Audit row " << row->id << ": " << e.direction << " of " << e.migrationId << ", " << e.status << '\n'
            << "  started " << e.startedAt << ", finished " << e.finishedAt << " (" << ms(double(e.durationMs)) << ")\n"
            << "  by " << e.user << '@' << e.host << (e.databaseUser.isEmpty() ? QString() : QStringLiteral(" as database user ") + e.databaseUser)
            << (e.environment.isEmpty() ? QString() : QStringLiteral(" in ") + e.environment) << '\n';
        if (!e.checksum.isEmpty())
            out << "  file checksum " << e.checksum << '\n';
        if (!e.riskLevel.isEmpty())
            out << "  risk " << e.riskLevel << ", " << e.rowsAtRisk << " rows/values at stake" << '\n';
        if (!e.acknowledged.isEmpty())
            out << "  acknowledged: " << e.acknowledged << '\n';
        if (e.backupId)
            out << "  backup " << e.backupId << " taken first\n";
        if (!e.author.isEmpty())
            out << "  migration author " << e.author << '\n';
        if (!e.objects.isEmpty())
            out << "  changed: " << AuditRow::objectTexts(e).join(QStringLiteral("; ")) << '\n';
        if (!e.dataTags.isEmpty())
            out << "  data tags: " << e.dataTags.split(u'\n').join(QStringLiteral(", ")) << '\n';
        if (!e.error.isEmpty())
            out << "  error: " << e.error << '\n';
        out << "  hash " << row->rowHash << " (version " << e.hashVersion << ")\n\n" << e.sql << '\n';
        return 0;
    }
    if (action == u"verify") {
        auto v = AuditChain::verify(sql);
        if (!v)
            return report(v.error(), err);
        if (json)
            printJson(out, v->toJson());
        else if (v->intact() && (!v->tableExists || v->rows == 0))
            out << "No audit rows: " << v->message() << ".\n";
        else if (v->intact())
            out << "Intact: " << v->rows << " audit rows, the hash chain verifies" << (v->rows ? QStringLiteral("; head ") + v->headHash : QString())
                << ".\n"
                << (v->notCovered.isEmpty()
                        ? QString()
                        : QStringLiteral("NOT COVERED: %1 migration(s) applied while the log was kept have no audit row (%2): the audit log "
                                         "was off when they ran, or the newest rows were deleted before a later run; the chain cannot tell "
                                         "which.\n")
                              .arg(v->notCovered.size())
                              .arg(v->notCovered.join(QStringLiteral(", "))))
                << (v->unaudited.size() == v->notCovered.size()
                        ? QString()
                        : QStringLiteral("Predate the log: %1 applied migration(s) ran before its first row.\n")
                              .arg(v->unaudited.size() - v->notCovered.size()));
        if (!v->intact()) {
            err << "covet: error: " << v->message() << '\n';
            return broken;
        }
        return v->notCovered.isEmpty() ? 0 : 1;   // intact, but not covering every migration
    }
    if (action == u"stats" || action == u"alerts") {
        auto s = AuditStatistics::compute(sql, *f);
        if (!s)
            return report(s.error(), err);
        const AuditThresholds t = target->config.auditThresholds();
        const QList<AuditAlert> alerts = s->alerts(t);
        if (json) {
            if (action == u"stats") {
                printJson(out, s->toJson(t));
            } else {
                QJsonArray list;
                for (const AuditAlert &a : alerts)
                    list << a.toJson();
                printJson(out, QJsonObject{{QStringLiteral("alerts"), list}});
            }
        } else if (action == u"stats") {
            printStats(out, *s, alerts);
        } else {
            if (alerts.isEmpty())
                out << "No alert (" << s->executions << " executions checked).\n";
            for (const AuditAlert &a : alerts)
                out << "ALERT: " << a.message << '\n';
        }
        return alerts.isEmpty() ? 0 : kAlertExitCode;
    }
    // report
    auto built = ComplianceReport::build(sql, *standard, *f, target->connection->url().display(),
                                         ComplianceScope{target->config.dataTags(), target->config.backupRetentionDays()});
    if (!built)
        return report(built.error(), err);
    if (auto st = ReportModule::instance().write(*built, *format, outFile); !st)
        return report(st.error(), err);
    if (json)
        printJson(out, QJsonObject{{QStringLiteral("written"), outFile}, {QStringLiteral("executions"), double(built->rows.size())},
                                   {QStringLiteral("chain"), built->chain.toJson()}});
    else
        out << "Wrote the " << built->title() << " report (" << built->rows.size() << " executions, chain "
            << (built->chain.intact() ? "intact" : "BROKEN") << ") to " << outFile << ".\n";
    if (!built->chain.intact()) {
        err << "covet: error: " << built->chain.message() << '\n';
        return broken;
    }
    return 0;
}

} // namespace covet::cli
