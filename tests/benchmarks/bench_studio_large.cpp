// Benchmark: Covet Studio on a 2,000-table SQLite database (15 columns, a
// primary key, one secondary index and one foreign key each), in a real
// MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise). Prints the
// time until the schema is shown and, per phase, the longest stall of the
// GUI thread: a QTimer ticks every 10 ms and the largest gap between two
// ticks is what a person would feel as a frozen window. Phases: open
// (inspection in the worker + model build), select/expand, filter, diff
// against a models file (10% of the tables changed), a rename decision.
// The floor: `sqlite3 FILE .schema` reading the same catalog.
//
//   bench_studio_large    environment: COVET_BENCH_TABLES (default 2000),
//                         COVET_BENCH_PER_KEY=1 (the "email" filter key by key)
#include "testsupport.h"
#include "../gui/largeschemafixture.h"
#include "studiobench.h"

#include "app/mainwindow.h"
#include "editors/sqleditor.h"
#include "models/diffmodel.h"
#include "models/renamecandidatemodel.h"
#include "models/schematreemodel.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "views/diffview.h"
#include "views/schemabrowserview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

using namespace covet;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_studio_large: " << message << Qt::endl;
    return 1;
}

using bench::StallMeter;

struct Phase
{
    QString name;
    double seconds = 0;
    double stallMs = 0;
};

QList<Phase> g_phases;

// Runs `act`, then processes events until `done` holds; records the phase.
template <typename Act, typename Done>
bool measure(const QString &name, Act act, Done done, int timeoutMs = 120000)
{
    StallMeter meter;
    QElapsedTimer t;
    meter.start();
    t.start();
    act();
    const bool ok = QTest::qWaitFor(done, timeoutMs);
    // Let the views paint what they got.
    QTest::qWait(50);
    Phase p;
    p.name = name;
    p.seconds = t.nsecsElapsed() / 1e9;
    p.stallMs = meter.stopMs();
    g_phases << p;
    out() << QStringLiteral("%1  %2 s   longest GUI stall %3 ms%4")
                 .arg(name, -34)
                 .arg(p.seconds, 6, 'f', 2)
                 .arg(p.stallMs, 6, 'f', 0)
                 .arg(ok ? QString() : QStringLiteral("   (TIMED OUT)"))
          << Qt::endl;
    return ok;
}

// Types text into a line edit one key at a time, events in between, as a person would.
void typeSlowly(QLineEdit *edit, const QString &text)
{
    for (const QChar c : text) {
        QTest::keyClicks(edit, QString(c));
        QTest::qWait(30);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return fail(QStringLiteral("cannot create a temporary directory"));
    qputenv("XDG_CONFIG_HOME", tmp.filePath(QStringLiteral("config")).toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CovetBench"));
    QApplication::setApplicationName(QStringLiteral("bench_studio_large"));
    const int tableCount = qEnvironmentVariableIsSet("COVET_BENCH_TABLES") ? qEnvironmentVariableIntValue("COVET_BENCH_TABLES") : 2000;

    // The database, in one transaction.
    const QString dbPath = tmp.filePath(QStringLiteral("large.db"));
    const DatabaseUrl url = DatabaseUrl::sqliteFile(dbPath);
    QElapsedTimer timer;
    timer.start();
    if (auto created = test::createLargeSqliteDatabase(dbPath, tableCount); !created)
        return fail(created.error().toString());
    out() << "created " << tableCount << " tables in " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;

    // The models file: the database with every 10th table changed (a column
    // renamed, one added), every 50th table dropped and 20 new ones.
    const QString modelsPath = tmp.filePath(QStringLiteral("models.yaml"));
    const QString allChangedPath = tmp.filePath(QStringLiteral("every-table.yaml"));
    {
        auto schema = SchemaSource::inspectDatabase(url);
        if (!schema)
            return fail(schema.error().toString());
        const Schema desired = test::changedLargeSchema(*schema);
        QFile f(modelsPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(ModelsFile::write(desired)) < 0)
            return fail(QStringLiteral("cannot write %1").arg(modelsPath));
        // Every table changed: "note" dropped (on SQLite a table rebuild each).
        Schema everyTable = *schema;
        for (Table &t : everyTable.tables)
            t.columns.removeIf([](const Column &c) { return c.name == u"note"; });
        QFile all(allChangedPath);
        if (!all.open(QIODevice::WriteOnly) || all.write(ModelsFile::write(everyTable)) < 0)
            return fail(QStringLiteral("cannot write %1").arg(allChangedPath));
    }

    // The floor: sqlite3 reading the whole catalog.
    double floorSeconds = -1;
    {
        QElapsedTimer t;
        t.start();
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {dbPath, QStringLiteral(".schema")});
        if (sqlite.waitForFinished(60000) && sqlite.exitCode() == 0) {
            sqlite.readAllStandardOutput();
            floorSeconds = t.nsecsElapsed() / 1e9;
        }
    }

    MainWindow w;
    w.resize(1280, 800);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return fail(QStringLiteral("the window was not shown"));
    SchemaBrowserView *browser = w.schemaBrowser();
    bool shown = false;
    QObject::connect(&w, &MainWindow::schemaShown, [&shown]() { shown = true; });

    out() << Qt::endl << QStringLiteral("%1  %2     %3").arg(QStringLiteral("phase"), -34).arg(QStringLiteral("time")).arg(QStringLiteral("GUI thread"))
          << Qt::endl;
    // 1. Open: inspection in the worker, the tree model, the first paint.
    measure(QStringLiteral("open until the schema is shown"), [&]() { w.openTarget(dbPath); }, [&]() { return shown; });
    const double openSeconds = g_phases.last().seconds;
    if (browser->model()->schema().tables.size() != tableCount)
        return fail(QStringLiteral("the browser shows %1 tables, expected %2").arg(browser->model()->schema().tables.size()).arg(tableCount));

    // 2. Select tables and expand them (a person clicking down the list).
    measure(
        QStringLiteral("select + expand 50 tables"),
        [&]() {
            for (int i = 0; i < 50; ++i) {
                browser->selectObject(QStringLiteral("bench_%1").arg((i * 397) % tableCount));
                QTreeView *tree = browser->tree();
                const QModelIndex current = tree->currentIndex();
                tree->expand(current);
                for (int r = 0; r < tree->model()->rowCount(current); ++r)
                    tree->expand(tree->model()->index(r, 0, current));
                QTest::qWait(5);
            }
        },
        []() { return true; });
    measure(QStringLiteral("scroll to the end and back"), [&]() {
        browser->tree()->scrollToBottom();
        QTest::qWait(20);
        browser->tree()->scrollToTop();
    }, []() { return true; });

    // 3. Filter: a table name, then a column every table has.
    QLineEdit *filter = browser->filterEdit();
    measure(QStringLiteral("filter \"bench_1999\" (typed)"), [&]() { typeSlowly(filter, QStringLiteral("bench_1999")); },
            []() { return true; });
    measure(QStringLiteral("clear the filter"), [&]() { filter->clear(); }, []() { return true; });
    if (qEnvironmentVariableIsSet("COVET_BENCH_PER_KEY")) {
        for (const QChar ch : QStringLiteral("email"))
            measure(QStringLiteral("  key ") + ch, [&]() { typeSlowly(filter, QString(ch)); }, []() { return true; });
    } else {
        measure(QStringLiteral("filter \"email\" (in every table)"), [&]() { typeSlowly(filter, QStringLiteral("email")); },
                []() { return true; });
    }
    const int matches = browser->proxy()->rowCount(browser->proxy()->index(0, 0));
    measure(QStringLiteral("clear the filter"), [&]() { filter->clear(); }, []() { return true; });

    // 4. Diff against the models file.
    DiffView *diff = w.diffView();
    measure(
        QStringLiteral("diff against models.yaml"),
        [&]() {
            diff->setDesiredSource(DiffView::SourceKind::ModelsFile, modelsPath);
            w.showView(QStringLiteral("diff"));
            diff->compare();
        },
        [&]() { return (diff->hasResult() || !diff->errorText().isEmpty()) && !diff->isBusy(); });
    if (!diff->errorText().isEmpty())
        return fail(diff->errorText());
    const int changedObjects = diff->model()->objectCount();
    const int candidates = diff->renameModel()->rowCount();
    measure(
        QStringLiteral("reject a rename (re-diff)"),
        [&]() {
            if (candidates > 0)
                diff->renameModel()->setVerdict(0, RenameDecisions::Verdict::Reject);
        },
        [&]() { return !diff->isBusy(); });
    int allChanged = 0;
    qsizetype sqlSize = 0;
    measure(
        QStringLiteral("diff: every table rebuilt"),
        [&]() { diff->setDesiredSource(DiffView::SourceKind::ModelsFile, allChangedPath); diff->compare(); },
        [&]() { return (diff->hasResult() || !diff->errorText().isEmpty()) && !diff->isBusy(); });
    if (!diff->errorText().isEmpty())
        return fail(diff->errorText());
    allChanged = diff->model()->objectCount();
    sqlSize = diff->sqlEditor()->text().size();
    measure(QStringLiteral("back to the schema view"), [&]() { w.showView(QStringLiteral("schema")); }, []() { return true; });

    double worst = 0;
    for (const Phase &p : std::as_const(g_phases))
        worst = std::max(worst, p.stallMs);
    out() << Qt::endl
          << "tables " << tableCount << ", \"email\" matched " << matches << " tables, diff: " << changedObjects
          << " changed objects, " << candidates << " rename candidates; every table rebuilt: " << allChanged
          << " objects, " << sqlSize / 1024 << " KiB of SQL" << Qt::endl;
    out() << "time to schema shown: " << QString::number(openSeconds, 'f', 2) << " s";
    if (floorSeconds > 0)
        out() << " (floor: sqlite3 .schema " << QString::number(floorSeconds, 'f', 2) << " s, ratio "
              << QString::number(openSeconds / floorSeconds, 'f', 1) << "x)";
    out() << Qt::endl << "longest GUI-thread stall: " << QString::number(worst, 'f', 0) << " ms (target: under 100 ms)" << Qt::endl;
    return 0;
}
