// covet-test-labels: gui sqlite
// Covet Studio without a project shows its start page, and each of its
// parts works with real widgets: Open the Demo creates and opens the demo,
// Open a Project… asks for a directory and opens it, Connect… opens the
// connection dialog, recent projects reopen with a click (a missing one is
// shown and cannot be opened, and can be forgotten), View > Start Page
// comes back to it.
#include "app/mainwindow.h"
#include "app/recentprojects.h"
#include "dialogs/connectiondialog.h"
#include "models/schematreemodel.h"
#include "views/schemabrowserview.h"
#include "views/startpage.h"

#include "demofixture.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace covet;

class TestStartPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::DemoProjects m_demos;

    static bool schemaShown(const MainWindow &w)
    {
        return !w.isBusy() && w.connectionText().startsWith(QStringLiteral("SQLite")) &&
               w.schemaBrowser()->model()->findObject(QStringLiteral("order_items")).isValid();
    }

    static QAction *viewAction(MainWindow &w, const QString &text)
    {
        for (QAction *menu : w.menuBar()->actions())
            for (QAction *a : menu->menu()->actions())
                if (a->text() == text)
                    return a;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_startpage"));
        qputenv("COVET_DEMO_DIR", m_tmp.filePath(QStringLiteral("demos")).toUtf8());
        QSettings().clear();
    }

    void startsOnTheStartPage()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.isStartPageShown());
        StartPage *page = w.startPage();
        QVERIFY(page->isVisible());
        QVERIFY(!w.schemaBrowser()->isVisible());
        for (QAbstractButton *b : {page->openProjectButton(), page->connectButton(), page->demoButton()}) {
            QVERIFY(b->isVisible() && b->isEnabled());
            QVERIFY(!b->text().isEmpty() && !b->icon().isNull());
        }
        // Nothing opened yet: no list, a note saying what will appear there.
        QVERIFY(!page->recentList()->isVisible());
        auto *none = page->findChild<QLabel *>(QStringLiteral("noRecentProjects"));
        QVERIFY(none && none->isVisible());
    }

    void demoButtonOpensTheDemo()
    {
        MainWindow w;
        w.show();
        QTest::mouseClick(w.startPage()->demoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(schemaShown(w), 15000);
        QVERIFY(!w.isStartPageShown());
        QVERIFY(w.schemaBrowser()->isVisible());
        QVERIFY(w.projectDir().startsWith(m_tmp.filePath(QStringLiteral("demos"))));
        QCOMPARE(RecentProjects::load().value(0), w.projectDir());
        // View > Start Page comes back, listing the demo first and selected.
        QAction *start = viewAction(w, QStringLiteral("S&tart Page"));
        QVERIFY(start && start->isEnabled());
        start->trigger();
        QVERIFY(w.isStartPageShown());
        QCOMPARE(w.startPage()->recentProjects().value(0), w.projectDir());
        QCOMPARE(w.startPage()->recentList()->currentIndex().row(), 0);
    }

    void recentProjectsReopenWithAClick()
    {
        const QString project = m_demos.create();
        QVERIFY(!project.isEmpty());
        const QString gone = m_tmp.filePath(QStringLiteral("gone"));
        RecentProjects::add(gone);
        RecentProjects::add(project);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QListView *list = w.startPage()->recentList();
        QVERIFY(list->isVisible());
        QCOMPARE(w.startPage()->recentProjects().mid(0, 2), (QStringList{project, gone}));
        // The missing one says so and does not open.
        const QModelIndex missing = list->model()->index(1, 0);
        QVERIFY(missing.data().toString().contains(QStringLiteral("(missing)")));
        QVERIFY(!(missing.flags() & Qt::ItemIsEnabled));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(missing).center());
        QVERIFY(w.isStartPageShown());
        QVERIFY(w.errorText().isEmpty());
        // Forgetting it takes it off the list and out of the settings.
        emit w.startPage()->forgetRecentProjectRequested(gone);
        QVERIFY(!w.startPage()->recentProjects().contains(gone));
        QVERIFY(!RecentProjects::load().contains(gone));
        // One click on the project opens it.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
        QTRY_VERIFY_WITH_TIMEOUT(schemaShown(w), 15000);
        QCOMPARE(w.projectDir(), project);
        QVERIFY(!w.isStartPageShown());
    }

    void openProjectAsksForADirectory()
    {
        const QString project = m_demos.create();
        MainWindow w;
        w.show();
        bool answered = false;
        QTimer::singleShot(0, this, [&]() {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->fileMode(), QFileDialog::Directory);
            dialog->setDirectory(QFileInfo(project).absolutePath());
            dialog->selectFile(QFileInfo(project).fileName());
            answered = true;
            QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
        });
        QTest::mouseClick(w.startPage()->openProjectButton(), Qt::LeftButton);
        QVERIFY(answered);
        QTRY_VERIFY_WITH_TIMEOUT(schemaShown(w), 15000);
        QCOMPARE(w.projectDir(), project);
    }

    void connectOpensTheConnectionDialog()
    {
        MainWindow w;
        w.show();
        QTest::mouseClick(w.startPage()->connectButton(), Qt::LeftButton);
        auto *dialog = w.findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // Connecting from the dialog (here a SQLite URL) leaves the start page.
        const QString project = m_demos.create();
        w.openDatabase(test::DemoProjects::databaseUrl(project));
        QTRY_VERIFY_WITH_TIMEOUT(schemaShown(w), 15000);
        QVERIFY(!w.isStartPageShown());
        dialog->close();
    }

    void commandLineViewSkipsTheStartPage()
    {
        MainWindow w;
        QVERIFY(w.isStartPageShown());
        QVERIFY(w.showView(QStringLiteral("migrations")));
        QVERIFY(!w.isStartPageShown());
        QVERIFY(!w.showView(QStringLiteral("bogus")));
    }
};

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
