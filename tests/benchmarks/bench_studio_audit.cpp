// Benchmark: Covet Studio's Audit view over 100,000 audit rows
// (COVET_BENCH_AUDIT_ROWS) in a SQLite database, in a real MainWindow
// (offscreen unless QT_QPA_PLATFORM says otherwise). Per phase it prints
// the time, the longest stall of the GUI thread (StallMeter: a 10 ms timer,
// the largest gap between two ticks) and the statements the view's reads
// ran. Phases: open until the first page is shown, scroll to the end of the
// history (page by page) and back, filters (environment and search typed
// key by key, status), selecting rows (detail pane, SQL, chain state), the
// Dashboard until its charts are drawn, a refresh there (statistics and
// chain verification again), and compliance reports written as CSV and PDF.
// The floor: sqlite3 reading the same first page and the per-day and
// per-migration aggregates by hand. Target: every stall under 100 ms.
//
//   bench_studio_audit    environment: COVET_BENCH_AUDIT_ROWS (default 100000),
//                         COVET_BENCH_AUDIT_DB=FILE (written there when missing,
//                         else used as it is; kept, e.g. for a screenshot, and
//                         the reports written next to it),
//                         COVET_BENCH_AUDIT_PDF=0 (no PDF report: it takes minutes)
#include "auditbench.h"
#include "studiobench.h"

#include "app/mainwindow.h"
#include "db/connection.h"
#include "models/auditlogmodel.h"
#include "views/auditview.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace covet;

namespace {

QTextStream g_out(stdout);

QTextStream &out()
{
    return g_out;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_studio_audit: " << message << Qt::endl;
    return 1;
}

double g_worst = 0;

// One phase: its time, longest GUI stall and the statements the view ran.
template <typename Act, typename Done>
bench::PhaseTiming measure(AuditView *view, const QString &name, Act act, Done done, int timeoutMs = 120000)
{
    const qint64 before = view->statementCount();
    const bench::PhaseTiming p = bench::timePhase(act, done, timeoutMs);
    g_worst = std::max(g_worst, p.stallMs);
    out() << QStringLiteral("%1  %2 s   longest GUI stall %3 ms   %4 statements%5")
                 .arg(name, -44)
                 .arg(p.seconds, 6, 'f', 2)
                 .arg(p.stallMs, 5, 'f', 0)
                 .arg(view->statementCount() - before, 5)
                 .arg(p.ok ? QString() : QStringLiteral("   (TIMED OUT)"))
          << Qt::endl;
    return p;
}

// The floor: sqlite3 reading the first page, the count and the per-day and
// per-migration aggregates; seconds, process start included, or -1.
double floorSeconds(const QString &db, int pageSize)
{
    const QString script = QStringLiteral(
        "SELECT * FROM _covet_migration_audit ORDER BY id DESC LIMIT %1;\n"
        "SELECT count(*) FROM _covet_migration_audit;\n"
        "SELECT substr(started_at, 1, 10), count(*), sum(status = 'success'), sum(status IN ('failure', 'cancelled')),"
        " sum(direction = 'rollback'), avg(duration_ms) FROM _covet_migration_audit GROUP BY 1;\n"
        "SELECT migration_id, count(*), sum(status = 'success'), avg(duration_ms), max(duration_ms)"
        " FROM _covet_migration_audit GROUP BY migration_id;\n"
        "SELECT environment, count(*), avg(duration_ms) FROM _covet_migration_audit GROUP BY environment;\n").arg(pageSize);
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("sqlite3"), {db, script});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return -1;
    p.readAllStandardOutput();
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return fail(QStringLiteral("cannot create a temporary directory"));
    bench::isolateStudio(tmp.filePath(QStringLiteral("config")));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CovetBench"));
    QApplication::setApplicationName(QStringLiteral("bench_studio_audit"));
    const int rows = bench::auditRows();
    const QString dbPath = qEnvironmentVariable("COVET_BENCH_AUDIT_DB", tmp.filePath(QStringLiteral("audit.db")));

    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo::exists(dbPath)) {
        auto conn = Connection::open(DatabaseUrl::sqliteFile(dbPath), QStringLiteral("bench-seed"), true);
        if (!conn)
            return fail(conn.error().toString());
        SqlExecutor sql((*conn)->database(), Dialect::SQLite);
        if (!bench::seedAudit(sql, rows))
            return fail(QStringLiteral("seeding %1 failed").arg(dbPath));
        out() << rows << " audit rows written to " << dbPath << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;
    } else {
        out() << "using " << dbPath << " as it is (COVET_BENCH_AUDIT_DB)" << Qt::endl;
    }
    const double floor = floorSeconds(dbPath, 200);

    MainWindow w;
    w.resize(1280, 800);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return fail(QStringLiteral("the window was not shown"));
    AuditView *view = w.auditView();
    AuditLogModel *model = view->model();
    QTableView *table = view->table();
    int loads = 0;
    QObject::connect(view, &AuditView::loaded, [&loads]() { ++loads; });
    // A read the view started (by a filter or Refresh) is shown.
    int expected = 0;
    const auto reread = [&]() { return loads >= expected && !view->isBusy(); };
    const auto nextRead = [&]() { expected = loads + 1; };

    out() << Qt::endl
          << QStringLiteral("%1  %2     %3").arg(QStringLiteral("phase"), -44).arg(QStringLiteral("time")).arg(QStringLiteral("GUI thread"))
          << Qt::endl;
    // 1. Open: the schema (one table), then the first page, statistics and chain.
    const bench::PhaseTiming open = measure(view, QStringLiteral("open until the first page is shown"), [&]() {
        nextRead();
        w.showView(QStringLiteral("audit"));
        w.openTarget(dbPath);
    }, reread);
    if (model->total() != rows)
        return fail(QStringLiteral("the view shows %1 rows in all, expected %2").arg(model->total()).arg(rows));
    const int firstStatements = int(view->statementCount());

    // 2. Scroll to the end, page by page as the table asks, and back.
    const qint64 beforeScroll = view->statementCount();
    measure(view, QStringLiteral("scroll to the end (every page)"), [&]() { table->scrollToBottom(); }, [&]() {
        table->scrollToBottom();
        return model->rowCount() >= model->total();
    }, 1800000);
    const qint64 pages = (model->rowCount() + 199) / 200 - 1;
    const qint64 scrollStatements = view->statementCount() - beforeScroll;
    measure(view, QStringLiteral("scroll back to the top"), [&]() { table->scrollToTop(); }, []() { return true; });

    // 3. Filters: an environment and a search typed key by key, a status.
    auto *env = view->findChild<QLineEdit *>(QStringLiteral("auditEnvironment"));
    auto *status = view->findChild<QComboBox *>(QStringLiteral("auditStatus"));
    auto *search = view->findChild<QLineEdit *>(QStringLiteral("auditSearch"));
    // Typed key by key as a person would; the view reads on Return.
    const auto typeAndReturn = [&](QLineEdit *edit, const QString &text) {
        return [&, edit, text]() {
            QTest::keyClicks(edit, text, Qt::NoModifier, 30);
            nextRead();
            QTest::keyClick(edit, Qt::Key_Return);
        };
    };
    measure(view, QStringLiteral("environment \"staging\" typed, Return"), typeAndReturn(env, QStringLiteral("staging")), reread);
    const qint64 staging = model->total();
    measure(view, QStringLiteral("status: failed"), [&]() {
        nextRead();
        status->setCurrentIndex(status->findData(QStringLiteral("failure")));
    }, reread);
    const qint64 stagingFailed = model->total();
    measure(view, QStringLiteral("search \"0040\" typed, Return"), typeAndReturn(search, QStringLiteral("0040")), reread);
    const qint64 searched = model->total();
    measure(view, QStringLiteral("clear the filters"), [&]() {
        env->clear();
        search->clear();
        nextRead();
        status->setCurrentIndex(0);
    }, reread);

    // 4. Select rows: the detail pane, the SQL in the SqlEditor, the chain state.
    measure(view, QStringLiteral("select 50 rows (detail, SQL, chain)"), [&]() {
        for (int i = 0; i < 50; ++i) {
            table->selectRow((i * 37) % std::max(1, model->rowCount()));
            QTest::qWait(5);
        }
    }, []() { return true; });

    // 5. The Dashboard, then a refresh there (statistics and chain again).
    const QList<QChartView *> charts = view->charts();
    measure(view, QStringLiteral("Dashboard tab until the charts are drawn"), [&]() { w.showView(QStringLiteral("dashboard")); }, [&]() {
        return std::all_of(charts.begin(), charts.end(), [](QChartView *c) { return c->isVisible(); });
    });
    auto *refresh = view->findChild<QPushButton *>(QStringLiteral("auditRefresh"));
    measure(view, QStringLiteral("Refresh: re-read, verify the chain, charts"), [&]() {
        nextRead();
        refresh->click();
    }, reread);
    out() << QStringLiteral("%1  (the view has no grouping or series controls; the chain is verified by each read)")
                 .arg(QStringLiteral("dashboard grouping / chain action"), -44)
          << Qt::endl;

    // 6. Compliance reports from the view, written by its worker.
    // Next to a kept database (COVET_BENCH_AUDIT_DB), else in the scratch directory.
    const QDir reportDir = qEnvironmentVariableIsSet("COVET_BENCH_AUDIT_DB") ? QFileInfo(dbPath).absoluteDir() : QDir(tmp.path());
    QStringList formats{QStringLiteral("csv"), QStringLiteral("pdf")};
    if (qEnvironmentVariable("COVET_BENCH_AUDIT_PDF") == u"0")
        formats.removeLast();
    for (const QString &format : std::as_const(formats)) {
        const QString path = reportDir.filePath(QFileInfo(dbPath).completeBaseName() + QStringLiteral("-sox.") + format);
        QSignalSpy written(view, &AuditView::reportWritten);
        measure(view, QStringLiteral("export the SOX report as %1").arg(format.toUpper()),
                [&]() { view->exportReport(QStringLiteral("sox"), path); }, [&]() { return !written.isEmpty(); }, 1800000);
        if (!written.isEmpty() && !written.first().at(0).toBool())
            return fail(written.first().at(1).toString());
        out() << QStringLiteral("%1  %2 KiB").arg(QString(), -44).arg(QFileInfo(path).size() / 1024) << Qt::endl;
    }
    measure(view, QStringLiteral("back to the history"), [&]() { w.showView(QStringLiteral("audit")); }, []() { return true; });

    const std::optional<AuditStatistics> &stats = view->statistics();
    out() << Qt::endl
          << "rows " << rows << "; environment staging " << staging << ", of them failed " << stagingFailed << ", and \"0040\" "
          << searched << "; " << (stats ? stats->days.size() : 0) << " days, " << (stats ? stats->perMigration.size() : 0)
          << " migrations" << Qt::endl;
    out() << "statements: the first read (page, statistics, chain) " << firstStatements << ", the scroll to the end " << scrollStatements
          << " (" << pages << " more pages)" << Qt::endl;
    out() << "time to the first page: " << QString::number(open.seconds, 'f', 2) << " s";
    if (floor > 0)
        out() << " (floor: sqlite3, the first page and the aggregates by hand, " << QString::number(floor, 'f', 2) << " s, ratio "
              << QString::number(open.seconds / floor, 'f', 1) << "x)";
    out() << Qt::endl << "longest GUI-thread stall: " << QString::number(g_worst, 'f', 0) << " ms (target: under 100 ms) "
          << (g_worst < 100 ? "met" : "NOT MET") << Qt::endl;
    return 0;
}
