#include "reportrenderer.h"

#include "core/savefile.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QScreen>
#include <QTemporaryFile>
#include <QTextDocument>
#include <QTextFrame>

#include <algorithm>
#include <functional>
#include <limits>

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

// The opening of a row table and its header row; in <thead> when it is to
// be repeated (a QTextDocument repeats a <thead> on every page).
QString tableHead(bool full, bool thead)
{
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
    if (thead)
        h += QStringLiteral("<thead>");
    h += QStringLiteral("<tr><th>id</th><th>migration</th><th>direction</th><th>status</th><th>started (UTC)</th><th>ms</th>"
                        "<th>user</th><th>host</th><th>db user</th><th>environment</th>");
    h += full ? QStringLiteral("<th>checksum</th><th>risk</th><th>acknowledged</th><th>backup</th></tr>")
              : QStringLiteral("<th>error</th></tr>");
    if (thead)
        h += QStringLiteral("</thead>");
    return h;
}

QString tableRow(const AuditRow &r, bool full)
{
    const AuditEntry &e = r.entry;
    QString h = QStringLiteral("<tr><td>%1</td><td style=\"white-space: nowrap\">%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td><td>%10</td>")
                    .arg(QString::number(r.id), esc(e.migrationId), esc(e.direction), esc(e.status), esc(e.startedAt), QString::number(e.durationMs),
                         esc(e.user), esc(e.host), esc(e.databaseUser))
                    .arg(esc(e.environment));
    if (full)
        h += QStringLiteral("<td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                 .arg(esc(e.checksum.left(12)), esc(e.riskLevel.isEmpty() ? QStringLiteral("-") : e.riskLevel + QStringLiteral(" (%1)").arg(e.rowsAtRisk)),
                      esc(e.acknowledged), e.backupId ? QString::number(e.backupId) : QStringLiteral("-"));
    else
        h += QStringLiteral("<td>%1</td></tr>").arg(esc(e.error));
    return h;
}

// The report's HTML, handed to a sink in pieces of at most rowsPerPiece
// table rows (a table longer than that is split into tables of its own,
// each with the header row). One piece of everything for the HTML file; a
// piece per QTextDocument for the PDF.
class HtmlPieces
{
public:
    using Sink = std::function<Status(const QString &html)>;
    HtmlPieces(qsizetype rowsPerPiece, bool repeatHeader, Sink sink)
        : m_limit(std::max<qsizetype>(1, rowsPerPiece))
        , m_repeatHeader(repeatHeader)
        , m_sink(std::move(sink))
    {
    }

    Status add(const QString &html)
    {
        if (m_rows >= m_limit)
            if (auto st = flush(); !st)
                return st;
        m_html += html;
        return {};
    }

    // A table of `count` rows, split where a piece is full: head(thead)
    // opens a table with its header row (in <thead> when pages repeat it),
    // row(i) is row i.
    template <typename Head, typename Row>
    Status addRows(qsizetype count, Head head, Row row)
    {
        if (count == 0)
            return add(QStringLiteral("<p><i>None.</i></p>"));
        for (qsizetype i = 0; i < count;) {
            if (m_rows >= m_limit)
                if (auto st = flush(); !st)
                    return st;
            const qsizetype end = i + std::min(count - i, m_limit - m_rows);
            m_html += head(m_repeatHeader);
            for (m_rows += end - i; i < end; ++i)
                m_html += row(i);
            m_html += QStringLiteral("</table>");
        }
        return {};
    }

    Status addTable(const QList<AuditRow> &rows, bool full)
    {
        return addRows(rows.size(), [full](bool thead) { return tableHead(full, thead); },
                       [&rows, full](qsizetype i) { return tableRow(rows.at(i), full); });
    }

    Status flush()
    {
        if (m_html.isEmpty())
            return {};
        Status st = m_sink(m_html);
        m_html.clear();
        m_rows = 0;
        return st;
    }

private:
    const qsizetype m_limit;
    const bool m_repeatHeader;
    Sink m_sink;
    QString m_html;
    qsizetype m_rows = 0;
};

// Executions a section singles out: who (OS user, database user, host),
// when, where, the author and what each one changed (or `what`).
Status addFindingTable(HtmlPieces &pieces, const QList<AuditRow> &rows, const QList<QStringList> &what = {})
{
    const auto head = [](bool thead) {
        return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">%1<tr>"
                              "<th>id</th><th>migration</th><th>direction</th><th>status</th><th>started (UTC)</th><th>user</th>"
                              "<th>db user</th><th>host</th><th>environment</th><th>author</th><th>what</th></tr>%2")
            .arg(thead ? QStringLiteral("<thead>") : QString(), thead ? QStringLiteral("</thead>") : QString());
    };
    const auto row = [&rows, &what](qsizetype i) {
        const AuditEntry &e = rows.at(i).entry;
        const QStringList changes = i < what.size() ? what.at(i) : AuditRow::objectTexts(e);
        return QStringLiteral("<tr><td>%1</td><td style=\"white-space: nowrap\">%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td>")
                   .arg(QString::number(rows.at(i).id), esc(e.migrationId), esc(e.direction), esc(e.status), esc(e.startedAt), esc(e.user),
                        esc(e.databaseUser), esc(e.host), esc(e.environment))
               + QStringLiteral("<td>%1</td><td>%2</td></tr>")
                     .arg(esc(e.author.isEmpty() ? QStringLiteral("-") : e.author), esc(changes.join(QStringLiteral("; "))));
    };
    return pieces.addRows(rows.size(), head, row);
}

// The sections a standard scopes by the project (tags, authors).
Status addScopedSections(const ComplianceReport &r, HtmlPieces &pieces)
{
    switch (r.standard) {
    case ComplianceReport::Standard::Sox: {
        const QList<AuditRow> self = r.selfApplied();
        const QList<AuditRow> none = r.withoutAuthor();
        Status st = pieces.add(QStringLiteral("<h2>Segregation of duties</h2>\n<p>%1 executions applied by the migration's own author (exceptions); "
                                              "%2 executions of migrations that name no author.</p>\n<h3>Applied by their author</h3>\n")
                                   .arg(self.size())
                                   .arg(none.size()));
        if (st)
            st = addFindingTable(pieces, self);
        if (st)
            st = pieces.add(QStringLiteral("\n<h3>No author recorded</h3>\n"));
        return st ? addFindingTable(pieces, none) : st;
    }
    case ComplianceReport::Standard::Hipaa: {
        Status st = pieces.add(QStringLiteral("<h2>Changes to protected health information (phi)</h2>\n"));
        if (!st || !r.tagged(QStringLiteral("phi")))
            return st ? pieces.add(QStringLiteral("<p><b>%1</b></p>").arg(esc(r.untaggedNote(QStringLiteral("phi"))))) : st;
        st = pieces.add(QStringLiteral("<p>Tagged: %1</p>\n").arg(esc(r.effectiveTags.describe(QStringLiteral("phi")))));
        return st ? addFindingTable(pieces, r.touching(QStringLiteral("phi"))) : st;
    }
    case ComplianceReport::Standard::Gdpr: {
        Status st = pieces.add(QStringLiteral("<h2>Changes that drop, move or copy personal data (pii)</h2>\n"));
        if (!st || !r.tagged(QStringLiteral("pii")))
            return st ? pieces.add(QStringLiteral("<p><b>%1</b></p>").arg(esc(r.untaggedNote(QStringLiteral("pii"))))) : st;
        QList<AuditRow> rows;
        QList<QStringList> what;
        for (const ComplianceReport::PersonalDataChange &c : r.personalDataChanges()) {
            rows << c.row;
            what << c.changes;
        }
        st = pieces.add(QStringLiteral("<p>Tagged: %1</p>\n").arg(esc(r.effectiveTags.describe(QStringLiteral("pii")))));
        if (st)
            st = addFindingTable(pieces, rows, what);
        if (st)
            st = pieces.add(QStringLiteral("\n<h2>Backups holding personal data</h2>\n"));
        const QList<ComplianceReport::PersonalDataBackup> backups = r.personalDataBackups();
        const auto head = [](bool thead) {
            return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">%1<tr><th>backup</th><th>taken (UTC)</th>"
                                  "<th>by</th><th>before</th><th>status</th><th>holds</th><th>age (days)</th><th>retention</th></tr>%2")
                .arg(thead ? QStringLiteral("<thead>") : QString(), thead ? QStringLiteral("</thead>") : QString());
        };
        const auto row = [&backups, &r](qsizetype i) {
            const ComplianceReport::PersonalDataBackup &b = backups.at(i);
            return QStringLiteral("<tr><td>%1</td><td style=\"white-space: nowrap\">%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td></tr>")
                .arg(QString::number(b.backup.id), esc(b.backup.takenAt.toString(Qt::ISODate)), esc(b.backup.takenBy),
                     esc(b.backup.direction + u' ' + b.backup.migrations.join(QStringLiteral(", "))), esc(b.backup.status),
                     esc(b.holds.join(QStringLiteral("; "))), QString::number(b.ageDays),
                     esc(b.removableFrom.isEmpty() ? QStringLiteral("kept until dropped by hand")
                                                   : QStringLiteral("%1 days: pruned from %2").arg(r.scope.backupRetentionDays).arg(b.removableFrom)));
        };
        return st ? pieces.addRows(backups.size(), head, row) : st;
    }
    }
    return {};
}

// Everything between <body> and </body>.
Status reportBody(const ComplianceReport &r, HtmlPieces &pieces)
{
    const AuditStatistics &s = r.statistics;
    QString h = QStringLiteral("<h1>%1</h1>\n").arg(esc(r.title()));
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
    h += QStringLiteral("</ul>\n");
    Status st = pieces.add(h);
    if (st)
        st = addScopedSections(r, pieces);
    if (st)
        st = pieces.add(QStringLiteral("<h2>Approvals and acknowledgements</h2>\n"));
    if (st)
        st = pieces.addTable(r.acknowledged(), true);
    if (st)
        st = pieces.add(QStringLiteral("\n<h2>Rollbacks</h2>\n"));
    if (st)
        st = pieces.addTable(r.rollbacks(), false);
    if (st)
        st = pieces.add(QStringLiteral("\n<h2>Failures and cancellations</h2>\n"));
    if (st)
        st = pieces.addTable(r.failures(), false);
    if (st)
        st = pieces.add(QStringLiteral("\n<h2>Every execution</h2>\n"));
    if (st)
        st = pieces.addTable(r.rows, true);
    return st;
}

// Draws pieces of HTML one after the other on a PDF, as QTextDocument::print
// lays out one document (2 cm margins inside the page's, the page number at
// the bottom right), each piece from a new page, page numbers running on.
class PdfPages
{
public:
    explicit PdfPages(QPdfWriter &writer)
        : m_writer(writer)
        , m_painter(&writer)
        , m_body(0, 0, writer.width(), writer.height())
    {
    }

    bool active() const { return m_painter.isActive(); }
    int pages() const { return m_pages; }
    bool end() { return m_painter.end(); }

    Status draw(const QString &html)
    {
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&m_writer);
        doc.setDefaultStyleSheet(QStringLiteral("body { font-size: 8pt; } th { background: #ddd; }"));
        // In a <body>, or the style sheet's body rule would not apply.
        doc.setHtml(QStringLiteral("<html><body>") + html + QStringLiteral("</body></html>"));
        // Frame margins are in the screen's units, scaled to the device by the layout.
        const QScreen *screen = QGuiApplication::primaryScreen();
        const qreal sourceDpi = screen ? screen->logicalDotsPerInchY() : 96.0;
        const int margin = int(2 / 2.54 * sourceDpi);
        QTextFrameFormat fmt = doc.rootFrame()->frameFormat();
        fmt.setMargin(margin);
        doc.rootFrame()->setFrameFormat(fmt);
        doc.setPageSize(m_body.size());

        const int pages = doc.pageCount();
        const qreal height = doc.documentLayout()->documentSize().height();
        const qreal lastBottom = doc.documentLayout()->blockBoundingRect(doc.lastBlock()).bottom();
        if (pages < 1 || !(height > 0) || !(lastBottom > 0) || lastBottom > pages * m_body.height())
            return fail(Error::Category::Internal,
                        QStringLiteral("the PDF layout lost its content (a piece %1 units high, its end at %2, %3 pages)").arg(height).arg(lastBottom).arg(pages));
        const int dpiy = m_writer.logicalDpiY();
        const qreal deviceMargin = margin * dpiy / sourceDpi;
        const QPointF numberPos(m_body.width() - deviceMargin,
                                m_body.height() - deviceMargin + QFontMetrics(doc.defaultFont(), &m_writer).ascent() + 5 * dpiy / 72.0);
        for (int p = 0; p < pages; ++p) {
            if (m_pages > 0 && !m_writer.newPage())
                return fail(Error::Category::Internal, QStringLiteral("the PDF writer refused a new page after page %1").arg(m_pages));
            drawPage(doc, p, numberPos);
            ++m_pages;
        }
        return {};
    }

private:
    void drawPage(const QTextDocument &doc, int index, QPointF numberPos)
    {
        m_painter.save();
        m_painter.translate(m_body.left(), m_body.top() - index * m_body.height());
        const QRectF view(0, index * m_body.height(), m_body.width(), m_body.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        m_painter.setClipRect(view);
        ctx.clip = view;
        ctx.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&m_painter, ctx);
        m_painter.setClipping(false);
        m_painter.setFont(doc.defaultFont());
        const QString number = QString::number(m_pages + 1);
        m_painter.drawText(qRound(numberPos.x() - m_painter.fontMetrics().horizontalAdvance(number)), qRound(numberPos.y() + view.top()), number);
        m_painter.restore();
    }

    QPdfWriter &m_writer;
    QPainter m_painter;
    const QRectF m_body;
    int m_pages = 0;
};

// Why data is not a complete PDF of `pages` pages, or empty.
QString pdfProblem(const QByteArray &data, int pages)
{
    if (!data.startsWith("%PDF-"))
        return QStringLiteral("it does not start as a PDF");
    if (!data.trimmed().endsWith("%%EOF"))
        return QStringLiteral("it does not end as a PDF");
    int found = 0;
    static const QByteArray kPage("/Type /Page");
    for (qsizetype at = data.indexOf(kPage); at >= 0; at = data.indexOf(kPage, at + kPage.size()))
        if (at + kPage.size() < data.size() && data.at(at + kPage.size()) != 's')
            ++found;
    if (pages < 1 || found != pages)
        return QStringLiteral("it has %1 pages where %2 were drawn").arg(found).arg(pages);
    return {};
}

Status writePdf(const ComplianceReport &report, const QString &path, int rowsPerPiece)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(Error::Category::Internal, QStringLiteral("writing a PDF needs a QGuiApplication"));
    // Drawn into a file next to the target, checked, then saved over it
    // (atomically, as every format is) from its mapping: no PDF in memory.
    QTemporaryFile tmp(QFileInfo(path).absoluteDir().filePath(QStringLiteral(".covet-report-XXXXXX.pdf.part")));
    if (!tmp.open())
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the report: %1").arg(tmp.errorString()), path);
    int pages = 0;
    {
        QPdfWriter pdf(&tmp);
        pdf.setTitle(report.title());
        pdf.setCreator(QStringLiteral("Covet"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        PdfPages painter(pdf);
        if (!painter.active())
            return fail(Error::Category::Internal, QStringLiteral("cannot paint the PDF report"), path);
        HtmlPieces pieces(rowsPerPiece, true, [&painter](const QString &html) { return painter.draw(html); });
        Status st = reportBody(report, pieces);
        if (st)
            st = pieces.flush();
        if (!st)
            return fail(st.error().category(), st.error().message(), path);
        if (!painter.end())
            return fail(Error::Category::Internal, QStringLiteral("cannot finish the PDF report"), path);
        pages = painter.pages();
    }
    if (!tmp.flush())
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the report: %1").arg(tmp.errorString()), path);
    const qint64 size = tmp.size();
    uchar *map = size > 0 ? tmp.map(0, size) : nullptr;
    if (!map)
        return fail(Error::Category::Internal, QStringLiteral("the PDF report came out empty (%1 bytes); nothing was written").arg(size), path);
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(map), size);
    if (const QString problem = pdfProblem(bytes, pages); !problem.isEmpty())
        return fail(Error::Category::Internal, QStringLiteral("the PDF report came out wrong (%1); nothing was written").arg(problem), path);
    return SaveFile::write(path, bytes, QStringLiteral("report"), true);
}



} // namespace

QString ReportRenderer::html(const ComplianceReport &r)
{
    QString h = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>\n").arg(esc(r.title()));
    HtmlPieces pieces(std::numeric_limits<qsizetype>::max(), false, [&h](const QString &html) -> Status {
        h += html;
        return {};
    });
    // Appending to a string cannot fail.
    (void)reportBody(r, pieces);
    (void)pieces.flush();
    h += QStringLiteral("\n</body></html>\n");
    return h;
}

Status ReportRenderer::verifyPdf(const QString &path, int pages)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Category::NotFound, QStringLiteral("cannot read the PDF: %1").arg(f.errorString()), path);
    const qint64 size = f.size();
    uchar *map = size > 0 ? f.map(0, size) : nullptr;
    if (!map)
        return fail(Error::Category::InvalidInput, QStringLiteral("the PDF is empty"), path);
    if (const QString problem = pdfProblem(QByteArray::fromRawData(reinterpret_cast<const char *>(map), size), pages); !problem.isEmpty())
        return fail(Error::Category::InvalidInput, QStringLiteral("not a complete PDF: %1").arg(problem), path);
    return {};
}

Status ReportRenderer::write(const ComplianceReport &report, Format format, const QString &path, int pdfRowsPerPiece)
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
    case Format::Pdf:
        return writePdf(report, path, pdfRowsPerPiece);
    }
    return SaveFile::write(path, bytes, QStringLiteral("report"), true);
}

} // namespace covet
