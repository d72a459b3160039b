// covet-test-labels: gui sqlite
// Covet Studio's Audit view, driven through its real widgets offscreen: the
// history of a scripted audit log (tests/audit/auditseed.h) read by a worker
// into a model checked by QAbstractItemModelTester, filters, page-by-page
// loading, the detail pane, the chain badge turning red on a tampered row,
// the alerts, the dashboard's charts, a report exported from the view, the
// latest read winning without a wait, and the demo project's history.
#include "studiotargetfixture.h"
#include "../audit/auditseed.h"
#include "demofixture.h"

#include "audit/auditrecorder.h"
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "models/auditlogmodel.h"
#include "views/auditview.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

class TestAuditView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    DatabaseUrl seeded(const QString &name, int extra = 0)
    {
        const DatabaseUrl url = DatabaseUrl::sqliteFile(m_dir.filePath(name));
        auto conn = Connection::open(url, QStringLiteral("seed-") + name, true);
        if (!conn)
            return url;
        SqlExecutor sql((*conn)->database(), Dialect::SQLite);
        (void)sql.exec(QStringLiteral("BEGIN"));
        (void)AuditRecorder::ensure(sql);
        for (const AuditEntry &e : test::seededAudit())
            (void)AuditRecorder::record(sql, e);
        for (int i = 0; i < extra; ++i)
            (void)AuditRecorder::record(sql, test::seededAudit().at(i % 12));
        (void)sql.exec(QStringLiteral("COMMIT"));
        return url;
    }

    static bool load(AuditView &view)
    {
        QSignalSpy spy(&view, &AuditView::loaded);
        return spy.wait(30000);
    }

private slots:
    void historyFiltersAndDetail()
    {
        AuditView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1200, 800);
        view.show();
        QSignalSpy spy(&view, &AuditView::loaded);
        view.setTarget(test::studioTarget(seeded(QStringLiteral("a.db"))));
        QVERIFY(spy.wait(30000));
        QCOMPARE(view.model()->rowCount(), 12);
        QCOMPARE(view.model()->total(), 12);
        QCOMPARE(view.model()->index(0, AuditLogModel::Id).data().toLongLong(), 12);
        QVERIFY2(view.chainText().contains(QStringLiteral("intact")), qPrintable(view.chainText()));
        // 7 of 12 succeeded, 1 rollback, 4 not successful in a row: three alerts (no conflicts).
        QCOMPARE(view.alertTexts().size(), 3);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("auditAlerts"))->text().contains(QStringLiteral("success rate 58.3%")));
        QCOMPARE(view.statistics()->executions, 12);

        // The newest row is selected: its detail and SQL.
        const QString detail = view.findChild<QLabel *>(QStringLiteral("auditDetail"))->text();
        QVERIFY2(detail.contains(QStringLiteral("0003_c")) && detail.contains(QStringLiteral("boom")), qPrintable(detail));
        QVERIFY(view.findChild<QsciScintilla *>(QStringLiteral("auditSql"))->text().contains(QStringLiteral("SELECT 12")));

        // Filters: failures only, then a search.
        auto *status = view.findChild<QComboBox *>(QStringLiteral("auditStatus"));
        status->setCurrentIndex(status->findData(QStringLiteral("failure")));
        QVERIFY(load(view));
        QCOMPARE(view.model()->rowCount(), 4);
        status->setCurrentIndex(0);
        QVERIFY(load(view));
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("auditSearch"));
        search->setText(QStringLiteral("0002"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(load(view));
        QCOMPARE(view.model()->rowCount(), 2);
    }

    // A read asked for while one runs does not make the GUI thread wait:
    // it starts when the running one ends, whose result is dropped.
    void theLatestReadWins()
    {
        AuditView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();
        QSignalSpy spy(&view, &AuditView::loaded);
        view.setTarget(test::studioTarget(seeded(QStringLiteral("e.db"))));
        auto *status = view.findChild<QComboBox *>(QStringLiteral("auditStatus"));
        // Before the event loop runs: while the first read runs, or before its result is delivered.
        status->setCurrentIndex(status->findData(QStringLiteral("failure")));
        QVERIFY(spy.wait(30000));
        QTRY_VERIFY(!view.isBusy());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(view.model()->total(), 4);
        QCOMPARE(view.statistics()->filter.status, QStringLiteral("failure"));
        QVERIFY(view.statementCount() > 0);
    }

    void dashboardCharts()
    {
        AuditView view;
        view.resize(1200, 800);
        view.show();
        view.showDashboard(true);
        QSignalSpy spy(&view, &AuditView::loaded);
        view.setTarget(test::studioTarget(seeded(QStringLiteral("b.db"))));
        QVERIFY(spy.wait(30000));
        QCOMPARE(view.charts().size(), 4);
        QChart *perDay = view.charts().at(0)->chart();
        QCOMPARE(perDay->series().size(), 1);
        auto *stacked = qobject_cast<QStackedBarSeries *>(perDay->series().first());
        QVERIFY(stacked);
        QCOMPARE(stacked->barSets().size(), 2);
        QCOMPARE(stacked->barSets().at(0)->count(), 6);   // six days
        QCOMPARE(stacked->barSets().at(1)->at(5), 2.0);   // two failures on the last day
        auto *axis = qobject_cast<QBarCategoryAxis *>(perDay->axes(Qt::Horizontal).first());
        QCOMPARE(axis->categories().first(), QStringLiteral("11-01"));
        QCOMPARE(view.charts().at(1)->chart()->series().size(), 4);   // two rates, two threshold lines
        QVERIFY(view.charts().at(2)->chart()->series().size() == 1);
        QVERIFY(!view.charts().at(0)->grab().isNull());
    }

    void pagesLoadAsTheTableScrolls()
    {
        AuditView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 600);
        view.show();
        QSignalSpy spy(&view, &AuditView::loaded);
        view.setTarget(test::studioTarget(seeded(QStringLiteral("c.db"), 438)));   // 450 rows
        QVERIFY(spy.wait(30000));
        QCOMPARE(view.model()->total(), 450);
        QCOMPARE(view.model()->rowCount(), 200);
        QSignalSpy inserted(view.model(), &QAbstractItemModel::rowsInserted);
        // Scrolled to the end, the table asks for the next page, one at a time.
        QTRY_VERIFY_WITH_TIMEOUT((view.table()->scrollToBottom(), view.model()->rowCount() >= 400), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT((view.table()->scrollToBottom(), view.model()->rowCount() == 450),
                                  qPrintable(QStringLiteral("%1 rows, more: %2").arg(view.model()->rowCount()).arg(view.model()->canFetchMore({}))), 30000);
        QCOMPARE(view.model()->index(449, AuditLogModel::Id).data().toLongLong(), 1);
        QVERIFY(!view.model()->canFetchMore({}));
    }

    void tamperedChainAndReport()
    {
        AuditView view;
        view.show();
        const DatabaseUrl url = seeded(QStringLiteral("d.db"));
        QSignalSpy spy(&view, &AuditView::loaded);
        view.setTarget(test::studioTarget(url));
        QVERIFY(spy.wait(30000));
        // A report from the view, written by a worker.
        const QString pdf = m_dir.filePath(QStringLiteral("sox.pdf"));
        QSignalSpy written(&view, &AuditView::reportWritten);
        view.exportReport(QStringLiteral("sox"), pdf);
        QVERIFY(written.wait(60000));
        QVERIFY2(written.first().at(0).toBool(), qPrintable(written.first().at(1).toString()));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        {
            auto conn = Connection::open(url, QStringLiteral("tamper"));
            QVERIFY(conn);
            SqlExecutor sql((*conn)->database(), Dialect::SQLite);
            QVERIFY(sql.exec(QStringLiteral("DELETE FROM _covet_migration_audit WHERE id = 6")));
        }
        view.refresh();
        QVERIFY(load(view));
        QVERIFY2(view.chainText().contains(QStringLiteral("broken at row 7")), qPrintable(view.chainText()));
        // The row's own chain state in the table.
        QCOMPARE(view.model()->index(12 - 7, AuditLogModel::Chain).data().toString(), QStringLiteral("deleted"));
        QCOMPARE(view.model()->index(0, AuditLogModel::Chain).data().toString(), QStringLiteral("after a break"));
    }

    void demoHistory()
    {
        test::DemoProjects demos;
        const QString project = demos.create();
        QVERIFY(!project.isEmpty());
        AuditView view;
        view.show();
        QSignalSpy spy(&view, &AuditView::loaded);
        view.setTarget(test::studioTarget(test::DemoProjects::databaseUrl(project), project));
        QVERIFY(spy.wait(30000));
        QVERIFY(view.model()->total() > 20);
        QVERIFY2(view.chainText().contains(QStringLiteral("intact")), qPrintable(view.chainText()));
        QVERIFY(view.statistics()->perEnvironment.size() == 3);
    }
};

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
