// covet-test-labels: reports
// ReportRenderer's PDF drawn in pieces: a report of more rows than a piece
// holds (the piece made small here, so it stays fast) has every row in the
// PDF (pdftotext), more than one page (pdfinfo), the header row and the
// page number on every page, and the row tables of the HTML file are not
// split. The check made after writing refuses an empty PDF, a truncated
// one and one whose pages are not the pages drawn (a blank page where 40
// were drawn); a failed write names the file and leaves none.
#include "testsupport.h"

#include "reportrenderer.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

QString migrationId(int i)
{
    return QStringLiteral("m%1").arg(i, 5, 10, QLatin1Char(u'0'));
}

// n executions, oldest first: every 7th failed, every 11th a rollback,
// every 5th acknowledged, so every table is split across pieces.
ComplianceReport sampleReport(int n)
{
    ComplianceReport r;
    r.standard = ComplianceReport::Standard::Sox;
    r.database = QStringLiteral("sqlite:audit.db");
    r.generatedAt = QStringLiteral("2026-12-06T12:00:00Z");
    r.generatedBy = QStringLiteral("auditor@host");
    r.requirements = {{QStringLiteral("Changes are recorded"), QStringLiteral("Every execution below")}};
    for (int i = 1; i <= n; ++i) {
        AuditRow row;
        row.id = i;
        row.entry.migrationId = migrationId(i);
        row.entry.direction = i % 11 == 0 ? QStringLiteral("rollback") : QStringLiteral("apply");
        row.entry.status = i % 7 == 0 ? QStringLiteral("failure") : QStringLiteral("success");
        row.entry.error = i % 7 == 0 ? QStringLiteral("no such table: t%1").arg(i) : QString();
        row.entry.startedAt = QStringLiteral("2026-12-05T10:00:00.000Z");
        row.entry.user = QStringLiteral("alice");
        row.entry.host = QStringLiteral("build1");
        row.entry.environment = QStringLiteral("production");
        row.entry.acknowledged = i % 5 == 0 ? QStringLiteral("confirmed-data-loss") : QString();
        r.rows << row;
    }
    r.statistics.executions = n;
    return r;
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>").arg(program, QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportRenderer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pdftotext;
    QString m_pdfinfo;

    bool havePoppler()
    {
        if (!m_pdftotext.isEmpty() && !m_pdfinfo.isEmpty())
            return true;
        if (test::inCi())
            qFatal("pdftotext/pdfinfo (poppler-utils) are missing; scripts/install-deps.sh installs them");
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        m_pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    }

    void pdfInPiecesHasEveryRow()
    {
        const int n = 230;
        const int rowsPerPiece = 40;
        const ComplianceReport report = sampleReport(n);
        const QString file = m_dir.filePath(QStringLiteral("pieces.pdf"));
        const Status st = ReportRenderer::write(report, ReportRenderer::Format::Pdf, file, rowsPerPiece);
        QVERIFY2(st, st ? "" : qPrintable(st.error().toString()));
        if (!havePoppler())
            QSKIP("pdftotext/pdfinfo (poppler-utils) are missing");
        const QString info = run(m_pdfinfo, {file});
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption).match(info);
        QVERIFY2(m.hasMatch(), qPrintable(info));
        const int pages = m.captured(1).toInt();
        QVERIFY(ReportRenderer::verifyPdf(file, pages));

        const QString text = run(m_pdftotext, {file, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("SOX change-control evidence")), qPrintable(text.left(2000)));
        for (int i : {1, n / 2, n})
            QVERIFY2(text.contains(migrationId(i)), qPrintable(migrationId(i)));
        // Every row (in "Every execution" and, as no migration names its
        // author, in SOX's "No author recorded"), and each of the other
        // tables' rows as often as it is listed.
        for (int i = 1; i <= n; ++i) {
            const qsizetype expected = 2 + (i % 7 == 0) + (i % 11 == 0) + (i % 5 == 0);
            QVERIFY2(text.count(migrationId(i)) == expected, qPrintable(QStringLiteral("%1 %2 times, not %3").arg(migrationId(i)).arg(text.count(migrationId(i))).arg(expected)));
        }
        QCOMPARE(text.count(QStringLiteral("no such table: t")), n / 7 + n / 77);   // failures, and failed rollbacks twice
        // 15 pieces (the summary and the tables' 768 rows, 40 to a piece), most
        // over two pages: each page of a table has its header row, and the
        // page number runs on to the last page.
        QVERIFY2(pages > 15, qPrintable(info));
        for (int p = 1; p <= pages; ++p) {
            const QString page = run(m_pdftotext, {QStringLiteral("-f"), QString::number(p), QStringLiteral("-l"), QString::number(p), file, QStringLiteral("-")});
            QVERIFY2(page.contains(QStringLiteral("production")), qPrintable(QStringLiteral("page %1 has no row: %2").arg(p).arg(page)));
            QVERIFY2(page.contains(QStringLiteral("environment")), qPrintable(QStringLiteral("page %1 has no header row: %2").arg(p).arg(page)));
            const QStringList words = page.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            QVERIFY2(words.contains(QString::number(p)), qPrintable(QStringLiteral("page %1 is not numbered: %2").arg(p).arg(page)));
        }
        const QString last = run(m_pdftotext, {QStringLiteral("-f"), QString::number(pages), QStringLiteral("-l"), QString::number(pages), file, QStringLiteral("-")});
        QVERIFY2(last.contains(migrationId(n)), qPrintable(last));
    }

    // The HTML file is one document: its tables are whole, without <thead>.
    void htmlIsNotSplit()
    {
        const QString html = ReportRenderer::html(sampleReport(230));
        QCOMPARE(html.count(QStringLiteral("<table")), 6);
        QVERIFY(!html.contains(QStringLiteral("<thead>")));
        QVERIFY(html.contains(migrationId(1)) && html.contains(migrationId(230)));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")) && html.endsWith(QStringLiteral("</body></html>\n")));
    }

    void verifyRefusesBrokenPdfs()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.pdf"));
        QVERIFY(ReportRenderer::write(sampleReport(3), ReportRenderer::Format::Pdf, good));
        QVERIFY(ReportRenderer::verifyPdf(good, 2));   // the summary, then the tables
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();

        const QString empty = m_dir.filePath(QStringLiteral("empty.pdf"));
        writeFile(empty, QByteArray());
        const QString truncated = m_dir.filePath(QStringLiteral("truncated.pdf"));
        writeFile(truncated, bytes.left(bytes.size() / 2));
        const QString blank = m_dir.filePath(QStringLiteral("blank.pdf"));
        {
            QPdfWriter w(blank);
            QPainter p(&w);   // a page with nothing on it, as Qt printed an overflowed document
        }
        QVERIFY(ReportRenderer::verifyPdf(blank, 1));
        for (const auto &[path, pages] : {std::pair{empty, 1}, std::pair{truncated, 1}, std::pair{blank, 40}, std::pair{good, 3}}) {
            const Status st = ReportRenderer::verifyPdf(path, pages);
            QVERIFY2(!st, qPrintable(path));
            QVERIFY2(st.error().toString().contains(path), qPrintable(st.error().toString()));
        }
    }

    void failedWriteLeavesNoFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("no-such-dir/report.pdf"));
        const Status st = ReportRenderer::write(sampleReport(3), ReportRenderer::Format::Pdf, file);
        QVERIFY(!st);
        QVERIFY2(st.error().toString().contains(file), qPrintable(st.error().toString()));
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_MAIN(TestReportRenderer)
#include "tst_reportrenderer.moc"
