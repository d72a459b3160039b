// covet-test-labels: gui sqlite
#include "app/mainwindow.h"
#include "app/studiooptions.h"
#include "editors/sqleditor.h"
#include "runner/demoproject.h"
#include "migrations/projectconfig.h"
#include "models/schematreemodel.h"
#include "models/migrationlistmodel.h"
#include "views/diffview.h"
#include "views/migrationsview.h"
#include "views/schemabrowserview.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // Settings of this test never touch the user's.
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        qputenv("COVET_DEMO_DIR", m_tmp.filePath(QStringLiteral("demos")).toUtf8());
    }

    void demoModeLoads()
    {
        MainWindow w;
        w.setPendingSelection(QStringLiteral("orders"));
        w.show();
        const QString dir = StudioOptions::freshDemoDirectory();
        QVERIFY(dir.startsWith(m_tmp.filePath(QStringLiteral("demos"))));
        QVERIFY(w.openDemo(dir));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.connectionText().contains(QStringLiteral("SQLite 3.")), 15000);
        QVERIFY2(w.connectionText().contains(QStringLiteral("demo.db")), qPrintable(w.connectionText()));
        QVERIFY(w.errorText().isEmpty());
        QVERIFY(w.windowTitle().contains(QFileInfo(dir).fileName()));
        // The schema browser shows the demo and the pending selection.
        SchemaBrowserView *b = w.schemaBrowser();
        QVERIFY(b->model()->findObject(QStringLiteral("order_items")).isValid());
        QVERIFY2(b->editor()->text().contains(QStringLiteral("CREATE TABLE \"orders\"")), qPrintable(b->editor()->text()));
        QCOMPARE(QSettings().value(QStringLiteral("project/last")).toString(), w.projectDir());
        // Reload works and ends in the same state.
        w.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 15000);
        QVERIFY(w.connectionText().startsWith(QStringLiteral("SQLite")));
        // A second demo goes into another fresh directory.
        QVERIFY(StudioOptions::freshDemoDirectory() != dir);
    }

    // covet.yaml is read once, when the project is opened: every view asks
    // the target for it. A file broken on disk afterwards changes nothing
    // until the project is opened again (and then it is named).
    void viewsUseTheProjectReadAtOpen()
    {
        MainWindow w;
        w.show();
        const QString dir = StudioOptions::freshDemoDirectory();
        QVERIFY(w.openDemo(dir));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.connectionText().contains(QStringLiteral("SQLite 3.")), 15000);
        QVERIFY(w.target() && w.target()->project);
        QCOMPARE(w.target()->projectDir(), w.projectDir());
        QFile config(QDir(dir).filePath(ProjectConfig::fileName()));
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("database: [unclosed\n");
        config.close();
        w.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 15000);
        QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
        MigrationsView *migrations = w.migrationsView();
        migrations->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!migrations->isBusy() && migrations->model()->rowCount() > 0, 15000);
        QVERIFY2(migrations->errorText().isEmpty(), qPrintable(migrations->errorText()));
        QCOMPARE(w.diffView()->desiredSpec(), QDir(dir).filePath(QStringLiteral("models.yaml")));
        // Opening it again reads the file: the error names it.
        w.openProject(dir);
        QTRY_VERIFY_WITH_TIMEOUT(w.errorText().contains(ProjectConfig::fileName()), 5000);
    }

    void menusHoldOnlyRealItems()
    {
        MainWindow w;
        QStringList menus;
        for (QAction *a : w.menuBar()->actions()) {
            menus << a->text();
            QVERIFY(a->menu());
            for (QAction *item : a->menu()->actions()) {
                if (item->isSeparator())
                    continue;
                QVERIFY2(!item->text().isEmpty(), qPrintable(a->text()));
                // No disabled placeholders: only Reload and Cancel depend on state.
                const bool stateful = item->text().contains(QStringLiteral("Reload")) || item->text().contains(QStringLiteral("Cancel"));
                QVERIFY2(item->isEnabled() || stateful, qPrintable(item->text()));
            }
        }
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"), QStringLiteral("&Help")}));
    }

    void badDatabasePathShowsAReadableError()
    {
        MainWindow w;
        w.show();
        const QString missing = m_tmp.filePath(QStringLiteral("does/not/exist.db"));
        w.openTarget(QStringLiteral("sqlite:") + missing);
        QTRY_VERIFY_WITH_TIMEOUT(!w.errorText().isEmpty(), 15000);
        QVERIFY2(w.errorText().contains(QStringLiteral("exist.db")), qPrintable(w.errorText()));
        QVERIFY2(w.errorText().contains(QStringLiteral("does not exist")), qPrintable(w.errorText()));
        QCOMPARE(w.connectionText(), QStringLiteral("Not connected"));
        QVERIFY(!QFile::exists(missing));

        // Not a URL and not a file.
        w.openTarget(QStringLiteral("nonsense://x"));
        QVERIFY2(w.errorText().contains(QStringLiteral("nonsense")), qPrintable(w.errorText()));

        // A file that is not a SQLite database.
        const QString junk = m_tmp.filePath(QStringLiteral("junk.db"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        w.openTarget(junk);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && !w.errorText().isEmpty(), 15000);
        QVERIFY2(w.errorText().contains(QStringLiteral("junk.db")), qPrintable(w.errorText()));

        // A project without a database line.
        const QString project = m_tmp.filePath(QStringLiteral("broken-project"));
        QVERIFY(QDir().mkpath(project));
        QFile cfg(QDir(project).filePath(ProjectConfig::fileName()));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("dialect: sqlite\n");
        cfg.close();
        w.openProject(project);
        QVERIFY2(w.errorText().contains(QStringLiteral("database:")), qPrintable(w.errorText()));
        // The window still works afterwards.
        QVERIFY(w.openDemo(m_tmp.filePath(QStringLiteral("after-errors"))));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.errorText().isEmpty() && w.connectionText().startsWith(QStringLiteral("SQLite")), 15000);
    }

    void demoIntoExistingProjectIsRefused()
    {
        MainWindow w;
        const QString dir = m_tmp.filePath(QStringLiteral("twice"));
        QVERIFY(w.openDemo(dir));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 15000);
        QVERIFY(!w.openDemo(dir));
        QVERIFY2(w.errorText().contains(QStringLiteral("empty directory")), qPrintable(w.errorText()));
    }

    void projectTargetsResolveRelativeSqlitePaths()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("twice"));
        MainWindow w;
        w.openProject(dir);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), 15000);
        QVERIFY(w.target());
        QCOMPARE(w.target()->url.database(), QDir(dir).absoluteFilePath(QStringLiteral("demo.db")));
        QCOMPARE(w.projectDir(), QFileInfo(dir).absoluteFilePath());
        w.openProject(m_tmp.filePath(QStringLiteral("nowhere")));
        QVERIFY2(w.errorText().contains(QStringLiteral("nowhere")), qPrintable(w.errorText()));
    }

    void commandLine()
    {
        QCommandLineParser parser;
        StudioOptions::setup(parser);
        QVERIFY(parser.parse({QStringLiteral("covet-studio"), QStringLiteral("--demo"), QStringLiteral("--select"),
                              QStringLiteral("orders")}));
        StudioOptions o = StudioOptions::fromParser(parser);
        QVERIFY(o.demo);
        QCOMPARE(o.select, QStringLiteral("orders"));
        QVERIFY(o.target.isEmpty());
        QCommandLineParser p2;
        StudioOptions::setup(p2);
        QVERIFY(p2.parse({QStringLiteral("covet-studio"), QStringLiteral("sqlite:shop.db")}));
        o = StudioOptions::fromParser(p2);
        QVERIFY(!o.demo);
        QCOMPARE(o.target, QStringLiteral("sqlite:shop.db"));
        QCommandLineParser p3;
        StudioOptions::setup(p3);
        QVERIFY(!p3.parse({QStringLiteral("covet-studio"), QStringLiteral("--bogus")}));
    }

    void settingsKeepGeometry()
    {
        {
            MainWindow w;
            w.show();
            w.resize(900, 640);
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(900, 640));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
