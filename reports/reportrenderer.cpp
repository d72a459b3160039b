#include "reportrenderer.h"

#include "core/savefile.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace covet {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + u'%';
}

QString rowTable(const QList<AuditRow> &rows, bool full)
{
    if (rows.isEmpty())
        return QStringLiteral("<p><i>None.</i></p>");
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>"
                               "<th>id</th><th>migration</th><th>direction</th><th>status</th><th>started (UTC)</th><th>ms</th>"
                               "<th>user</th><th>host</th><th>db user</th><th>environment</th>");
    h += full ? QStringLiteral("<th>checksum</th><th>risk</th><th>acknowledged</th><th>backup</th></tr>")
              : QStringLiteral("<th>error</th></tr>");
    for (const AuditRow &r : rows) {
        const AuditEntry &e = r.entry;
        h += QStringLiteral("<tr><td>%1</td><td style=\"white-space: nowrap\">%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td><td>%10</td>")
                 .arg(QString::number(r.id), esc(e.migrationId), esc(e.direction), esc(e.status), esc(e.startedAt), QString::number(e.durationMs),
                      esc(e.user), esc(e.host), esc(e.databaseUser))
                 .arg(esc(e.environment));
        if (full)
            h += QStringLiteral("<td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                     .arg(esc(e.checksum.left(12)), esc(e.riskLevel.isEmpty() ? QStringLiteral("-") : e.riskLevel + QStringLiteral(" (%1)").arg(e.rowsAtRisk)),
                          esc(e.acknowledged), e.backupId ? QString::number(e.backupId) : QStringLiteral("-"));
        else
            h += QStringLiteral("<td>%1</td></tr>").arg(esc(e.error));
    }
    return h + QStringLiteral("</table>");
}

// Executions a section singles out: who (OS user, database user, host),
// when, where, the author and what each one changed (or `what`).
QString findingTable(const QList<AuditRow> &rows, const QList<QStringList> &what = {})
{
    if (rows.isEmpty())
        return QStringLiteral("<p><i>None.</i></p>");
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>"
                               "<th>id</th><th>migration</th><th>direction</th><th>status</th><th>started (UTC)</th><th>user</th>"
                               "<th>db user</th><th>host</th><th>environment</th><th>author</th><th>what</th></tr>");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const AuditEntry &e = rows.at(i).entry;
        const QStringList changes = i < what.size() ? what.at(i) : AuditRow::objectTexts(e);
        h += QStringLiteral("<tr><td>%1</td><td style=\"white-space: nowrap\">%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td>")
                 .arg(QString::number(rows.at(i).id), esc(e.migrationId), esc(e.direction), esc(e.status), esc(e.startedAt), esc(e.user),
                      esc(e.databaseUser), esc(e.host), esc(e.environment));
        h += QStringLiteral("<td>%1</td><td>%2</td></tr>")
                 .arg(esc(e.author.isEmpty() ? QStringLiteral("-") : e.author), esc(changes.join(QStringLiteral("; "))));
    }
    return h + QStringLiteral("</table>");
}

QString scopedSections(const ComplianceReport &r)
{
    QString h;
    switch (r.standard) {
    case ComplianceReport::Standard::Sox: {
        const QList<AuditRow> self = r.selfApplied();
        const QList<AuditRow> none = r.withoutAuthor();
        h += QStringLiteral("<h2>Segregation of duties</h2>\n<p>%1 executions applied by the migration's own author (exceptions); "
                            "%2 executions of migrations that name no author.</p>\n<h3>Applied by their author</h3>\n")
                 .arg(self.size())
                 .arg(none.size())
             + findingTable(self) + QStringLiteral("\n<h3>No author recorded</h3>\n") + findingTable(none);
        break;
    }
    case ComplianceReport::Standard::Hipaa:
        h += QStringLiteral("<h2>Changes to protected health information (phi)</h2>\n");
        h += r.tagged(QStringLiteral("phi")) ? QStringLiteral("<p>Tagged: %1</p>\n").arg(esc(r.effectiveTags.describe(QStringLiteral("phi"))))
                                                    + findingTable(r.touching(QStringLiteral("phi")))
                                              : QStringLiteral("<p><b>%1</b></p>").arg(esc(r.untaggedNote(QStringLiteral("phi"))));
        break;
    case ComplianceReport::Standard::Gdpr: {
        h += QStringLiteral("<h2>Changes that drop, move or copy personal data (pii)</h2>\n");
        if (!r.tagged(QStringLiteral("pii"))) {
            h += QStringLiteral("<p><b>%1</b></p>").arg(esc(r.untaggedNote(QStringLiteral("pii"))));
            break;
        }
        QList<AuditRow> rows;
        QList<QStringList> what;
        for (const ComplianceReport::PersonalDataChange &c : r.personalDataChanges()) {
            rows << c.row;
            what << c.changes;
        }
        h += QStringLiteral("<p>Tagged: %1</p>\n").arg(esc(r.effectiveTags.describe(QStringLiteral("pii")))) + findingTable(rows, what);
        h += QStringLiteral("\n<h2>Backups holding personal data</h2>\n");
        const QList<ComplianceReport::PersonalDataBackup> backups = r.personalDataBackups();
        if (backups.isEmpty()) {
            h += QStringLiteral("<p><i>None.</i></p>");
            break;
        }
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr><th>backup</th><th>taken (UTC)</th>"
                            "<th>by</th><th>before</th><th>status</th><th>holds</th><th>age (days)</th><th>retention</th></tr>");
        for (const ComplianceReport::PersonalDataBackup &b : backups)
            h += QStringLiteral("<tr><td>%1</td><td style=\"white-space: nowrap\">%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>")
                     .arg(QString::number(b.backup.id), esc(b.backup.takenAt.toString(Qt::ISODate)), esc(b.backup.takenBy),
                          esc(b.backup.direction + u' ' + b.backup.migrations.join(QStringLiteral(", "))), esc(b.backup.status),
                          esc(b.holds.join(QStringLiteral("; "))), QString::number(b.ageDays),
                          esc(b.removableFrom.isEmpty() ? QStringLiteral("kept until dropped by hand")
                                                        : QStringLiteral("%1 days: pruned from %2").arg(r.scope.backupRetentionDays).arg(b.removableFrom)));
        h += QStringLiteral("</table>");
        break;
    }
    }
    return h + u'\n';
}

} // namespace

std::optional<ReportRenderer::Format> ReportRenderer::formatFromName(const QString &name)
{
    for (Format f : {Format::Html, Format::Pdf, Format::Csv, Format::Json})
        if (formatName(f) == name.toLower())
            return f;
    return std::nullopt;
}

QString ReportRenderer::formatName(Format f)
{
    switch (f) {
    case Format::Html: return QStringLiteral("html");
    case Format::Pdf: return QStringLiteral("pdf");
    case Format::Csv: return QStringLiteral("csv");
    case Format::Json: return QStringLiteral("json");
    }
    return QStringLiteral("html");
}

QString ReportRenderer::html(const ComplianceReport &r)
{
    const AuditStatistics &s = r.statistics;
    QString h = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>\n").arg(esc(r.title()));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(r.title()));
    h += QStringLiteral("<p><b>Database:</b> %1<br><b>Period:</b> %2<br><b>Generated:</b> %3 by %4</p>\n")
             .arg(esc(r.database), esc(r.filter.periodText()), esc(r.generatedAt), esc(r.generatedBy));
    h += QStringLiteral("<h2>Chain verification</h2>\n<p class=\"chain\"><b>%1</b></p>\n")
             .arg(esc(r.chain.intact() ? QStringLiteral("INTACT: ") + r.chain.message() : QStringLiteral("BROKEN: ") + r.chain.message()));
    h += QStringLiteral("<h2>What %1 asks for, and what this report shows</h2>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
                        "<tr><th>Requirement</th><th>Evidence</th></tr>\n")
             .arg(esc(ComplianceReport::standardName(r.standard).toUpper()));
    for (const ComplianceReport::Requirement &q : r.requirements)
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(esc(q.asks), esc(q.answer));
    h += QStringLiteral("</table>\n<h2>Summary</h2>\n<p>%1 executions: %2 succeeded (%3), %4 failed, %5 cancelled; %6 rollbacks (%7); "
                        "%8 conflicts detected; %9 rows or values at stake.</p>\n")
             .arg(s.executions)
             .arg(s.successes)
             .arg(percent(s.successRate()))
             .arg(s.failures)
             .arg(s.cancelled)
             .arg(s.rollbacks)
             .arg(percent(s.rollbackRate()))
             .arg(s.conflicts)
             .arg(s.rowsAtRisk);
    h += QStringLiteral("<h2>Who did what</h2>\n<ul>\n");
    for (const QString &p : r.people())
        h += QStringLiteral("<li>%1</li>\n").arg(esc(p));
    h += QStringLiteral("</ul>\n") + scopedSections(r);
    h += QStringLiteral("<h2>Approvals and acknowledgements</h2>\n") + rowTable(r.acknowledged(), true);
    h += QStringLiteral("\n<h2>Rollbacks</h2>\n") + rowTable(r.rollbacks(), false);
    h += QStringLiteral("\n<h2>Failures and cancellations</h2>\n") + rowTable(r.failures(), false);
    h += QStringLiteral("\n<h2>Every execution</h2>\n") + rowTable(r.rows, true);
    h += QStringLiteral("\n</body></html>\n");
    return h;
}

Status ReportRenderer::write(const ComplianceReport &report, Format format, const QString &path)
{
    QByteArray bytes;
    switch (format) {
    case Format::Json:
        bytes = report.toJson();
        break;
    case Format::Csv:
        bytes = report.toCsv();
        break;
    case Format::Html:
        bytes = html(report).toUtf8();
        break;
    case Format::Pdf: {
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return fail(Error::Category::Internal, QStringLiteral("writing a PDF needs a QGuiApplication"));
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setTitle(report.title());
        pdf.setCreator(QStringLiteral("Covet"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        QTextDocument doc;
        doc.setDefaultStyleSheet(QStringLiteral("body { font-size: 8pt; } th { background: #ddd; }"));
        doc.setHtml(html(report));
        doc.print(&pdf);
        break;
    }
    }
    return SaveFile::write(path, bytes, QStringLiteral("report"), true);
}

} // namespace covet
