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
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/restoredialog.h"
#include "views/backupsview.h"
#include "views/diffview.h"
#include "views/migrationsview.h"
#include "views/rollbackdesk.h"
#include "views/schemabrowserview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QPushButton>
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
    const bench::PhaseTiming t = bench::timePhase(act, done, timeoutMs);
    g_phases << Phase{name, t.seconds, t.stallMs};
    out() << QStringLiteral("%1  %2 s   longest GUI stall %3 ms%4")
                 .arg(name, -34)
                 .arg(t.seconds, 6, 'f', 2)
                 .arg(t.stallMs, 6, 'f', 0)
                 .arg(t.ok ? QString() : QStringLiteral("   (TIMED OUT)"))
          << Qt::endl;
    return t.ok;
}

// Types text into a line edit one key at a time, events in between, as a person would.
void typeSlowly(QLineEdit *edit, const QString &text)
{
    for (const QChar c : text) {
        QTest::keyClicks(edit, QString(c));
        QTest::qWait(30);
    }
}

// Confirms a visible confirmation dialog of the window (typed word, then
// Apply) if one is asking; true when one was confirmed.
bool confirmIfAsked(QWidget *root)
{
    for (ConfirmEnvironmentDialog *d : root->findChildren<ConfirmEnvironmentDialog *>()) {
        if (!d->isVisible())
            continue;
        d->nameEdit()->setText(d->word());
        d->applyButton()->click();
        return true;
    }
    return false;
}

bool writeText(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
}

// Issue 14's views on the large database: a project whose 0001 adds a
// loyalty column with values to `dataTables` tables of `rows` rows each
// (applied in the Migrations view) and whose pending 0002 drops their
// "note" (graded in the listing's risk); the rollback desk rolls 0001 back
// with a backup, the Backups view lists and verifies it, and the desk
// restores it after 0001 is applied again.
Status rollbackPhases(MainWindow &w, const QString &dbPath, const QString &projectDir, int dataTables, int rows)
{
    {
        auto conn = Connection::open(DatabaseUrl::sqliteFile(dbPath), QStringLiteral("bench data"));
        if (!conn)
            return std::unexpected(conn.error());
        SqlExecutor ex((*conn)->database(), Dialect::SQLite);
        QStringList fill{QStringLiteral("BEGIN")};
        for (int i = 0; i < dataTables; ++i)
            fill << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %2) "
                                   "INSERT INTO bench_%1 (id, name, note) SELECT x, 'row ' || x, 'note ' || x FROM c")
                        .arg(i)
                        .arg(rows);
        fill << QStringLiteral("COMMIT");
        for (const QString &sql : std::as_const(fill))
            if (auto r = ex.exec(sql); !r)
                return std::unexpected(r.error());
    }
    QString addUp, addDown, dropUp, dropDown;
    for (int i = 0; i < dataTables; ++i) {
        addUp += QStringLiteral("ALTER TABLE bench_%1 ADD COLUMN loyalty INTEGER;\nUPDATE bench_%1 SET loyalty = id % 97;\n").arg(i);
        addDown += QStringLiteral("ALTER TABLE bench_%1 DROP COLUMN loyalty;\n").arg(i);
        dropUp += QStringLiteral("ALTER TABLE bench_%1 DROP COLUMN note;\n").arg(i);
        dropDown += QStringLiteral("ALTER TABLE bench_%1 ADD COLUMN note TEXT;\n").arg(i);
    }
    QDir().mkpath(projectDir + QStringLiteral("/migrations"));
    if (!writeText(projectDir + QStringLiteral("/covet.yaml"),
                   QStringLiteral("dialect: sqlite\ndatabase: sqlite:%1\nmigrations: migrations\nsafety:\n  backup_before_data_loss: true\n").arg(dbPath))
        || !writeText(projectDir + QStringLiteral("/migrations/0001_loyalty.sql"),
                      QStringLiteral("-- covet:up\n%1-- covet:down\n%2").arg(addUp, addDown))
        || !writeText(projectDir + QStringLiteral("/migrations/0002_drop_notes.sql"),
                      QStringLiteral("-- covet:depends 0001_loyalty\n-- covet:up\n%1-- covet:down\n%2").arg(dropUp, dropDown)))
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the benchmark project"), projectDir);

    bool shown = false;
    QMetaObject::Connection c = QObject::connect(&w, &MainWindow::schemaShown, [&shown]() { shown = true; });
    measure(QStringLiteral("open the project"), [&]() { w.openProject(projectDir); }, [&]() { return shown; });
    QObject::disconnect(c);
    MigrationsView *migrations = w.migrationsView();
    measure(QStringLiteral("Migrations: list, risk of 2 pending"), [&]() { w.showView(QStringLiteral("migrations")); },
            [&]() { return migrations->hasListing() && !migrations->isBusy(); });
    bool applied = false;
    c = QObject::connect(migrations, &MigrationsView::runFinished, [&applied](bool ok) { applied = ok; });
    const auto applyFirst = [&](const QString &name) {
        applied = false;
        return measure(name, [&]() { migrations->apply(QStringLiteral("0001_loyalty")); },
                       [&]() { return applied || (confirmIfAsked(&w), false); });
    };
    if (!applyFirst(QStringLiteral("apply 0001 (%1 values)").arg(dataTables * rows)))
        return fail(Error::Category::Internal, QStringLiteral("applying 0001 did not finish: %1").arg(migrations->errorText()));

    RollbackDesk *desk = w.rollbackDesk();
    measure(QStringLiteral("rollback desk: list"), [&]() { w.showView(QStringLiteral("rollback")); },
            [&]() { return desk->hasListing() && !desk->isBusy(); });
    QSignalSpy assessed(desk, &RollbackDesk::assessed);
    measure(QStringLiteral("risk of rolling 0001 back"), [&]() { desk->rollBackSteps(1); }, [&]() { return assessed.count() > 0; });
    QSignalSpy dry(desk, &RollbackDesk::dryRunFinished);
    measure(QStringLiteral("backup step, dry run + rehearsal"), [&]() { desk->next(); desk->next(); },
            [&]() { return dry.count() > 0 && !desk->isBusy(); });
    QSignalSpy finished(desk, &RollbackDesk::runFinished);
    measure(QStringLiteral("roll back with a backup"), [&]() { desk->next(); desk->rollBackButton()->click(); },
            [&]() { return finished.count() > 0 || (confirmIfAsked(desk), false); });
    if (finished.isEmpty() || !finished.first().first().toBool() || desk->backupIds().isEmpty())
        return fail(Error::Category::Internal, QStringLiteral("the rollback did not finish with a backup: %1").arg(desk->verificationText()));

    BackupsView *backups = w.backupsView();
    QSignalSpy listed(backups, &BackupsView::listed);
    measure(QStringLiteral("Backups view: list"), [&]() { w.showView(QStringLiteral("backups")); backups->refresh(); },
            [&]() { return listed.count() > 0 && !backups->isBusy(); });
    QSignalSpy verified(backups, &BackupsView::operationFinished);
    measure(QStringLiteral("verify the backup"), [&]() { backups->selectBackup(desk->backupIds().first()); backups->verifySelected(); },
            [&]() { return verified.count() > 0; });

    w.showView(QStringLiteral("migrations"));
    if (!applyFirst(QStringLiteral("apply 0001 again")))
        return fail(Error::Category::Internal, QStringLiteral("applying 0001 again did not finish"));
    w.showView(QStringLiteral("rollback"));
    RestoreDialog *restore = nullptr;
    bool restored = false;
    measure(QStringLiteral("restore preview"), [&]() { restore = desk->restoreBackup(); },
            [&]() { return restore && restore->restoreButton()->isEnabled(); });
    if (!restore)
        return fail(Error::Category::Internal, QStringLiteral("the desk offered no restore"));
    QObject::connect(restore, &RestoreDialog::finishedRestore, [&restored](bool ok) { restored = ok; });
    measure(QStringLiteral("restore %1 values").arg(dataTables * rows), [&]() { restore->restoreButton()->click(); },
            [&]() { return restored; });
    restore->close();
    QObject::disconnect(c);
    return restored ? Status{} : fail(Error::Category::Internal, QStringLiteral("the restore failed: %1").arg(restore->resultText()));
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

    // 5. Issue 14: the Migrations view's risk, the rollback desk and the Backups view.
    const int dataTables = std::min(tableCount, 20);
    const int dataRows = 2000;
    if (Status st = rollbackPhases(w, dbPath, tmp.filePath(QStringLiteral("project")), dataTables, dataRows); !st)
        return fail(st.error().toString());

    double worst = 0;
    for (const Phase &p : std::as_const(g_phases))
        worst = std::max(worst, p.stallMs);
    out() << Qt::endl
          << "tables " << tableCount << ", \"email\" matched " << matches << " tables, diff: " << changedObjects
          << " changed objects, " << candidates << " rename candidates; every table rebuilt: " << allChanged
          << " objects, " << sqlSize / 1024 << " KiB of SQL; rollback desk: " << dataTables << " tables of " << dataRows
          << " rows, a loyalty column each applied, rolled back with a backup, verified and restored" << Qt::endl;
    out() << "time to schema shown: " << QString::number(openSeconds, 'f', 2) << " s";
    if (floorSeconds > 0)
        out() << " (floor: sqlite3 .schema " << QString::number(floorSeconds, 'f', 2) << " s, ratio "
              << QString::number(openSeconds / floorSeconds, 'f', 1) << "x)";
    out() << Qt::endl << "longest GUI-thread stall: " << QString::number(worst, 'f', 0) << " ms (target: under 100 ms)" << Qt::endl;
    return 0;
}
