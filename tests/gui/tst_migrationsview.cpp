// covet-test-labels: gui sqlite postgres
#include "studiotargetfixture.h"
#include "app/mainwindow.h"
#include "app/studiostyle.h"
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/migrationerrordialog.h"
#include "editors/sqleditor.h"
#include "runner/demoproject.h"
#include "migrations/migrationhistory.h"
#include "migrations/projectconfig.h"
#include "models/migrationlistmodel.h"
#include "rehearseaction.h"
#include "testsupport.h"
#include "demofixture.h"
#include "../migrations/migrationtestsupport.h"
#include "largeschemafixture.h"
#include "views/migrationrunpanel.h"
#include "views/migrationsview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace covet;

namespace {

using State = MigrationState::State;

// A SQL migration file depending on the one before it.
QString sqlMigration(const QString &dependsOn, const QString &up, const QString &down)
{
    return QStringLiteral("-- covet:depends %1\n-- covet:up\n%2\n-- covet:down\n%3\n").arg(dependsOn, up, down);
}

const QString kBrokenUp = QStringLiteral("CREATE TABLE audit_notes (id INTEGER PRIMARY KEY, note VARCHAR(80));\n"
                                         "INSERT INTO audit_notes (note) VALUES ('first');\n"
                                         "INSERT INTO no_such_table (id) VALUES (1);");

} // namespace

class TestMigrationsView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::DemoProjects m_demos;

    QString newDemo() { return m_demos.create(); }
    static DatabaseUrl demoUrl(const QString &project) { return test::DemoProjects::databaseUrl(project); }

    static bool writeFile(const QString &path, const QString &text) { return test::writeFile(path, text.toUtf8()), !QTest::currentTestFailed(); }

    static bool addMigration(const QString &project, const QString &id, const QString &dependsOn, const QString &up,
                             const QString &down)
    {
        return writeFile(QDir(project).filePath(QStringLiteral("migrations/%1.sql").arg(id)), sqlMigration(dependsOn, up, down));
    }

    static QList<QVariantList> query(const DatabaseUrl &url, const QString &sql)
    {
        auto conn = Connection::open(url, QStringLiteral("test-check"), false);
        if (!conn)
            return {{QStringLiteral("cannot open: %1").arg(conn.error().toString())}};
        SqlExecutor ex((*conn)->database(), (*conn)->dialect());
        auto rows = ex.rows(sql);
        return rows ? *rows : QList<QVariantList>{{QStringLiteral("failed: %1").arg(rows.error().toString())}};
    }

    static QStringList column(const QList<QVariantList> &rows)
    {
        QStringList out;
        for (const QVariantList &r : rows)
            out << r.value(0).toString();
        return out;
    }

    // The ids recorded in _covet_migrations.
    static QStringList history(const DatabaseUrl &url)
    {
        return column(query(url, QStringLiteral("SELECT id FROM _covet_migrations ORDER BY id")));
    }

    // The whole SQLite schema (the history tables aside) and a row count.
    static QStringList sqliteSchema(const DatabaseUrl &url)
    {
        QStringList out = column(query(url, QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master "
                                                           "WHERE name NOT LIKE '\\_covet%' ESCAPE '\\' ORDER BY name")));
        out << column(query(url, QStringLiteral("SELECT COUNT(*) FROM products")));
        return out;
    }

    static QList<State> states(const MigrationsView &view)
    {
        QList<State> out;
        for (const MigrationState &s : view.model()->states())
            out << s.state;
        return out;
    }

    static bool waitIdle(const MigrationsView &view, int ms = 30000)
    {
        return QTest::qWaitFor([&]() { return view.hasListing() && !view.isBusy(); }, ms);
    }

    // A shown MigrationsView on a SQLite demo project.
    static bool openView(MigrationsView &view, const QString &project)
    {
        view.resize(1200, 800);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        view.setTarget(test::studioTarget(demoUrl(project), project));
        return waitIdle(view);
    }

    // A shown main window on a new demo project (in `name`), on its Migrations view.
    bool openDemoWindow(MainWindow &window, const QString &name)
    {
        window.resize(1280, 800);
        window.show();
        return QTest::qWaitForWindowExposed(&window) && window.openDemo(m_tmp.filePath(name))
               && window.showView(QStringLiteral("migrations"));
    }

    static void clickRow(MigrationsView &view, const QString &id)
    {
        const QModelIndex index = view.model()->index(view.model()->rowOf(id), MigrationListModel::IdColumn);
        QTest::mouseClick(view.list()->viewport(), Qt::LeftButton, {}, view.list()->visualRect(index).center());
    }

    // Clicks an action button and waits for the run and the new listing.
    static bool clickAndWait(MigrationsView &view, QAbstractButton *button, bool *succeeded = nullptr)
    {
        if (!button->isEnabled())
            return false;
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(button->width() / 3, button->height() / 2));
        if (!finished.wait(60000))
            return false;
        if (succeeded)
            *succeeded = finished.first().first().toBool();
        return waitIdle(view);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_migrationsview"));
    }

    void applyFromTheMainWindowUpdatesTheHistory()
    {
        MainWindow window;
        QVERIFY(openDemoWindow(window, QStringLiteral("mainwindow-demo")));
        MigrationsView &view = *window.migrationsView();
        QVERIFY(view.isVisible());
        QVERIFY(QTest::qWaitFor([&]() { return view.hasListing() && !view.isBusy() && !window.isBusy(); }, 30000));
        const DatabaseUrl url = demoUrl(window.projectDir());

        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Pending}));
        QCOMPARE(view.model()->states().at(2).id, QStringLiteral("0003_product_flags"));
        // What runs next is selected, with its SQL.
        QCOMPARE(view.selectedId(), QStringLiteral("0003_product_flags"));
        QVERIFY(view.sqlEditor()->text().contains("ADD COLUMN discontinued"));
        QVERIFY(view.sqlEditor()->isReadOnly());
        view.backwardsToggle()->click();
        QVERIFY(view.sqlEditor()->text().contains("DROP INDEX idx_customers_country"));
        view.backwardsToggle()->click();
        QCOMPARE(history(url), (QStringList{"0001_initial", "0002_customer_loyalty"}));

        bool ok = false;
        QVERIFY(clickAndWait(view, view.applyButton(), &ok));
        QVERIFY2(ok, qPrintable(view.runPanel()->logText()));
        QVERIFY(QTest::qWaitFor([&]() { return !window.isBusy(); }, 30000));

        // The history and the schema changed; the list shows who and when.
        QCOMPARE(history(url), (QStringList{"0001_initial", "0002_customer_loyalty", "0003_product_flags"}));
        QCOMPARE(column(query(url, "SELECT COUNT(*) FROM pragma_table_info('products') WHERE name = 'discontinued'")), QStringList{"1"});
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Applied}));
        const MigrationState &applied = view.model()->states().at(2);
        QCOMPARE(applied.appliedBy, MigrationHistory::currentUser());
        QVERIFY(!applied.appliedAt.isEmpty());
        QCOMPARE(view.model()->index(2, MigrationListModel::AppliedByColumn).data().toString(), MigrationHistory::currentUser());
        QVERIFY(!view.model()->index(2, MigrationListModel::AppliedAtColumn).data().toString().isEmpty());
        QVERIFY(view.model()->index(2, MigrationListModel::DurationColumn).data().toString().endsWith(" ms")
                || view.model()->index(2, MigrationListModel::DurationColumn).data().toString().endsWith(" s"));

        // Progress, the operations and a timestamped log.
        const QProgressBar *bar = view.runPanel()->progressBar();
        QCOMPARE(bar->maximum(), 1);
        QCOMPARE(bar->value(), 1);
        const QString log = view.runPanel()->logText();
        QVERIFY2(log.contains("0003_product_flags: operation 1 of 2"), qPrintable(log));
        QVERIFY2(log.contains("0003_product_flags: operation 2 of 2"), qPrintable(log));
        QVERIFY2(log.contains("Applied 1 migration(s): 0003_product_flags"), qPrintable(log));
        QVERIFY(QRegularExpression("^\\[\\d\\d:\\d\\d:\\d\\d\\] ", QRegularExpression::MultilineOption).match(log).hasMatch());
        // Nothing is left to apply.
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(!view.dryRunButton()->isEnabled());
    }

    // Each reading of the history is logged once: after Apply the view
    // reads it again, and the main window's reload (the schema changed)
    // adds no second "History of" line. Three hundred more tables make the
    // reload's schema reading finish after the view's own history reading,
    // where the second line used to appear.
    void historyLineAppearsOncePerReading()
    {
        MainWindow window;
        QVERIFY(openDemoWindow(window, QStringLiteral("history-line-demo")));
        MigrationsView &view = *window.migrationsView();
        const auto settled = [&]() {
            // Let a late reload start (and finish) before counting.
            for (int i = 0; i < 4; ++i) {
                QTest::qWait(200);
                if (!QTest::qWaitFor([&]() { return view.hasListing() && !view.isBusy() && !window.isBusy(); }, 30000))
                    return false;
            }
            return true;
        };
        const auto historyLines = [&]() { return int(view.runPanel()->logText().count(QStringLiteral("] History of "))); };
        QVERIFY(settled());
        QCOMPARE(historyLines(), 1);
        const DatabaseUrl url = demoUrl(window.projectDir());
        QVERIFY(test::createLargeSqliteDatabase(url.database(), 300));

        // Refresh reads (and logs) the history once more.
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QVERIFY(settled());
        QCOMPARE(historyLines(), 2);

        bool ok = false;
        QVERIFY(clickAndWait(view, view.applyButton(), &ok));
        QVERIFY2(ok, qPrintable(view.runPanel()->logText()));
        QVERIFY(settled());
        QCOMPARE(history(url), (QStringList{"0001_initial", "0002_customer_loyalty", "0003_product_flags"}));
        QVERIFY2(view.runPanel()->logText().endsWith(QStringLiteral("3 applied, 0 pending")), qPrintable(view.runPanel()->logText()));
        QCOMPARE(historyLines(), 3);
    }

    // A long migration id is shown whole, not cut with an ellipsis: in the
    // main window at its default size (1180x720) its column is as wide as
    // the icon and the text, and the cell lies inside the list.
    void longMigrationIdIsShownWhole()
    {
        MainWindow window;
        QVERIFY(openDemoWindow(window, QStringLiteral("long-id-demo")));
        window.resize(1180, 720);
        MigrationsView &view = *window.migrationsView();
        const QString id = QStringLiteral("0042_add_a_really_long_descriptive_name_for_the_customer_loyalty_table");
        QVERIFY(addMigration(window.projectDir(), id, "0003_product_flags", "CREATE TABLE loyalty (id INTEGER PRIMARY KEY);",
                             "DROP TABLE loyalty;"));
        QVERIFY(QTest::qWaitFor([&]() { return view.hasListing() && !view.isBusy() && !window.isBusy(); }, 30000));
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&]() { return !view.isBusy() && view.model()->rowOf(id) >= 0; }, 30000));
        QTest::qWait(50);   // the columns follow their contents

        QTreeView *list = view.list();
        const QModelIndex index = view.model()->index(view.model()->rowOf(id), MigrationListModel::IdColumn);
        list->scrollTo(index);
        const QRect cell = list->visualRect(index);
        // What the delegate needs for the icon, the whole id and its margins.
        QStyleOptionViewItem option;
        option.initFrom(list->viewport());
        const int icon = list->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, list);
        option.decorationSize = list->iconSize().isValid() ? list->iconSize() : QSize(icon, icon);
        const int needed = list->itemDelegateForIndex(index)->sizeHint(option, index).width();
        QVERIFY(needed > list->fontMetrics().horizontalAdvance(id));
        QVERIFY2(cell.width() >= needed, qPrintable(QStringLiteral("%1 px for %2 px of icon and id").arg(cell.width()).arg(needed)));
        QVERIFY2(cell.left() >= 0 && cell.right() < list->viewport()->width(),
                 qPrintable(QStringLiteral("cell %1..%2 in %3 px").arg(cell.left()).arg(cell.right()).arg(list->viewport()->width())));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(id));
    }

    void applyToHereStopsAtTheSelectedMigration()
    {
        const QString project = newDemo();
        QVERIFY(addMigration(project, "0004_tags", "0003_product_flags", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(40));",
                             "DROP TABLE tags;"));
        QVERIFY(addMigration(project, "0005_notes", "0004_tags", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
                             "DROP TABLE notes;"));
        MigrationsView view;
        QVERIFY(openView(view, project));
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Pending, State::Pending, State::Pending}));

        clickRow(view, "0001_initial");
        QVERIFY(!view.applyToHereButton()->isEnabled());   // not pending
        clickRow(view, "0004_tags");
        QCOMPARE(view.selectedId(), QStringLiteral("0004_tags"));
        QVERIFY(view.sqlEditor()->text().contains("CREATE TABLE tags"));
        bool ok = false;
        QVERIFY(clickAndWait(view, view.applyToHereButton(), &ok));
        QVERIFY(ok);
        QCOMPARE(history(demoUrl(project)), (QStringList{"0001_initial", "0002_customer_loyalty", "0003_product_flags", "0004_tags"}));
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Applied, State::Applied, State::Pending}));
        QCOMPARE(column(query(demoUrl(project), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes'")), QStringList{"0"});
        QCOMPARE(view.runPanel()->progressBar()->maximum(), 2);
        QCOMPARE(view.runPanel()->progressBar()->value(), 2);
    }

    void dryRunShowsTheSqlAndChangesNothing()
    {
        const QString project = newDemo();
        MigrationsView view;
        QVERIFY(openView(view, project));
        const QStringList schemaBefore = sqliteSchema(demoUrl(project));
        bool ok = false;
        QVERIFY(clickAndWait(view, view.dryRunButton(), &ok));
        QVERIFY(ok);
        QCOMPARE(view.detailTabs()->currentIndex(), 1);
        QVERIFY2(view.dryRunEditor()->text().contains("ALTER TABLE products ADD COLUMN discontinued"), qPrintable(view.dryRunEditor()->text()));
        QVERIFY2(view.dryRunResultText().contains("transaction that was rolled back"), qPrintable(view.dryRunResultText()));
        QVERIFY(view.dryRunResultText().contains("Nothing was changed"));
        QCOMPARE(sqliteSchema(demoUrl(project)), schemaBefore);
        QCOMPARE(history(demoUrl(project)), (QStringList{"0001_initial", "0002_customer_loyalty"}));
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Pending}));
    }

    // After Apply the Dry Run tab no longer shows the last dry run's green
    // "Nothing was changed" and SQL, nor the rehearsal's banner: they
    // described migrations that are now applied.
    void applyClearsTheLastDryRunAndRehearsal()
    {
        const QString project = newDemo();
        MigrationsView view;
        QVERIFY(openView(view, project));
        const QString intro = view.dryRunResultText();
        QVERIFY2(intro.startsWith(QStringLiteral("Dry Run shows")), qPrintable(intro));
        QVERIFY(clickAndWait(view, view.dryRunButton()));
        QVERIFY2(view.dryRunResultText().contains("Nothing was changed"), qPrintable(view.dryRunResultText()));
        QVERIFY(view.dryRunEditor()->text().contains("ADD COLUMN discontinued"));
        QSignalSpy rehearsed(&view, &MigrationsView::rehearsalFinished);
        QAction *rehearse = view.findChild<QAction *>(QStringLiteral("rehearseAction"));
        QVERIFY(rehearse && view.dryRunButton()->findChild<QMenu *>()->actions().contains(rehearse));
        rehearse->trigger();
        QVERIFY(rehearsed.count() == 1 || rehearsed.wait(60000));
        QVERIFY(view.rehearsalBanner()->isVisibleTo(&view));
        QVERIFY(waitIdle(view));

        bool ok = false;
        QVERIFY(clickAndWait(view, view.applyButton(), &ok));
        QVERIFY(ok);
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Applied}));
        view.detailTabs()->setCurrentIndex(1);   // the Dry Run tab
        QCOMPARE(view.dryRunResultText(), intro);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("dryRunResult"))->isVisible());
        QVERIFY2(view.dryRunEditor()->text().isEmpty(), qPrintable(view.dryRunEditor()->text()));
        QVERIFY(!view.rehearsalBanner()->isVisibleTo(&view));
        QVERIFY(!view.rehearsal());
    }

    // Rehearse, from the Dry Run button's menu: apply, roll back, apply
    // again each pending migration; the result above the dry run's SQL;
    // nothing changes. A migration whose down part forgets its table is
    // named, red, with the difference.
    void rehearseFromTheDryRunMenu()
    {
        const QString project = newDemo();
        MigrationsView view;
        QVERIFY(openView(view, project));
        const QStringList schemaBefore = sqliteSchema(demoUrl(project));
        QAction *rehearse = test::rehearseAction(view);
        QVERIFY(rehearse && rehearse->isEnabled());
        QSignalSpy done(&view, &MigrationsView::rehearsalFinished);
        rehearse->trigger();
        QVERIFY(!rehearse->isEnabled() || done.count() == 1);   // off while it runs
        QVERIFY(done.wait(60000) || done.count() == 1);
        QCOMPARE(done.first().first().toBool(), true);
        QCOMPARE(view.detailTabs()->currentIndex(), 1);
        QVERIFY(view.rehearsalBanner()->isVisibleTo(&view));
        QVERIFY2(view.rehearsalBanner()->text().contains(QStringLiteral("0003_product_flags: ok")), qPrintable(view.rehearsalBanner()->text()));
        QCOMPARE(view.rehearsalBanner()->styleSheet(), StudioStyle::bannerStyleSheet(StudioStyle::Banner::Ok));
        QCOMPARE(sqliteSchema(demoUrl(project)), schemaBefore);
        QCOMPARE(history(demoUrl(project)), (QStringList{"0001_initial", "0002_customer_loyalty"}));
        QVERIFY(waitIdle(view));

        QVERIFY(addMigration(project, QStringLiteral("0004_tags"), QStringLiteral("0003_product_flags"),
                             QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(40));"), QStringLiteral("SELECT 1;")));
        view.refresh();
        QVERIFY(waitIdle(view));
        done.clear();
        rehearse->trigger();
        QVERIFY(done.wait(60000) || done.count() == 1);
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(view.rehearsal()->report->firstFailure()->id, QStringLiteral("0004_tags"));
        QCOMPARE(view.rehearsal()->report->firstFailure()->failedPhase, QStringLiteral("rollback"));
        const QString text = view.rehearsalBanner()->text();
        QVERIFY2(text.contains(QStringLiteral("0004_tags: its rollback does not restore what applying it changed")) && text.contains(QStringLiteral("tags")),
                 qPrintable(text));
        QCOMPARE(view.rehearsalBanner()->styleSheet(), StudioStyle::bannerStyleSheet(StudioStyle::Banner::Error));
        QCOMPARE(sqliteSchema(demoUrl(project)), schemaBefore);
        QCOMPARE(history(demoUrl(project)), (QStringList{"0001_initial", "0002_customer_loyalty"}));
    }

    void dryRunOfAFailingMigrationShowsTheStatement()
    {
        const QString project = newDemo();
        QVERIFY(addMigration(project, "0004_broken", "0003_product_flags", kBrokenUp, "DROP TABLE audit_notes;"));
        MigrationsView view;
        QVERIFY(openView(view, project));
        const QStringList schemaBefore = sqliteSchema(demoUrl(project));
        bool ok = true;
        QVERIFY(clickAndWait(view, view.dryRunButton(), &ok));
        QVERIFY(!ok);
        QVERIFY(!view.errorDialog());   // shown in the view, not as a dialog
        const QString result = view.dryRunResultText();
        QVERIFY2(result.contains("0004_broken") && result.contains("no such table: no_such_table"), qPrintable(result));
        QVERIFY2(result.contains("INSERT INTO no_such_table (id) VALUES (1)"), qPrintable(result));
        // All the SQL, the failing statement selected in it.
        QVERIFY(view.dryRunEditor()->text().contains("ADD COLUMN discontinued"));
        QVERIFY(view.dryRunEditor()->text().contains("CREATE TABLE audit_notes"));
        QVERIFY2(view.dryRunEditor()->selectedText().contains("no_such_table"), qPrintable(view.dryRunEditor()->selectedText()));
        QCOMPARE(sqliteSchema(demoUrl(project)), schemaBefore);
        QCOMPARE(history(demoUrl(project)), (QStringList{"0001_initial", "0002_customer_loyalty"}));
    }

    void failingMigrationShowsTheErrorAndLeavesTheDatabaseUnchanged()
    {
        const QString project = newDemo();
        MigrationsView view;
        QVERIFY(openView(view, project));
        QVERIFY(clickAndWait(view, view.applyButton()));   // 0002 applied
        QVERIFY(addMigration(project, "0004_broken", "0003_product_flags", kBrokenUp, "DROP TABLE audit_notes;"));
        QSignalSpy listed(&view, &MigrationsView::listShown);
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QVERIFY(listed.wait(30000));
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Applied, State::Pending}));

        const DatabaseUrl url = demoUrl(project);
        const QStringList schemaBefore = sqliteSchema(url);
        const QStringList historyBefore = history(url);
        bool ok = true;
        QVERIFY(clickAndWait(view, view.applyButton(), &ok));
        QVERIFY(!ok);
        QPointer<MigrationErrorDialog> dialog = view.errorDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), static_cast<QWidget *>(dialog.data()));
        QVERIFY2(dialog->headline().contains("0004_broken"), qPrintable(dialog->headline()));
        // The message is readable: no driver prefix, the statement apart.
        QVERIFY2(dialog->message().contains("no such table: no_such_table"), qPrintable(dialog->message()));
        QVERIFY2(dialog->message().contains("rolled back"), qPrintable(dialog->message()));
        QVERIFY2(!dialog->message().contains("statement:"), qPrintable(dialog->message()));
        QCOMPARE(dialog->statementEditor()->text().trimmed(), QStringLiteral("INSERT INTO no_such_table (id) VALUES (1)"));
        QVERIFY(dialog->statementEditor()->isReadOnly());
        QVERIFY(QTest::qWaitFor([&]() { return dialog->databaseState().contains("3 applied, 1 pending"); }, 10000));
        // Nothing of 0003 stayed.
        QCOMPARE(sqliteSchema(url), schemaBefore);
        QCOMPARE(history(url), historyBefore);
        QCOMPARE(states(view), (QList<State>{State::Applied, State::Applied, State::Applied, State::Pending}));
        QVERIFY(view.runPanel()->logText().contains("Failed: migration 0004_broken failed"));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void confirmationAsksForTheEnvironmentsName()
    {
        const QString project = newDemo();
        auto config = ProjectConfig::read(QDir(project).filePath(ProjectConfig::fileName()));
        COVET_VERIFY_OK(config);
        EnvironmentConfig production;
        production.name = QStringLiteral("production");
        production.database = QStringLiteral("sqlite:demo.db");
        production.confirm = true;
        config->setEnvironment(production);

        MigrationsView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setProject(*config, QStringLiteral("production"));
        QVERIFY(waitIdle(view));
        QVERIFY(view.needsConfirmation());
        // The header wraps rather than cutting "(asks for confirmation)", even narrow.
        view.resize(640, 800);
        auto *title = view.findChild<QLabel *>("migrationsTitle");
        QTRY_VERIFY(title->height() >= title->heightForWidth(title->width()));
        QVERIFY(title->text().contains("(asks for confirmation)"));
        view.resize(1200, 800);
        const DatabaseUrl url = demoUrl(project);

        // A wrong name: the button stays disabled, Enter does nothing, Cancel applies nothing.
        QTest::mouseClick(view.applyButton(), Qt::LeftButton, {}, QPoint(5, view.applyButton()->height() / 2));
        QPointer<ConfirmEnvironmentDialog> dialog = view.confirmDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->applyButton()->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), "prod");
        QVERIFY(!dialog->applyButton()->isEnabled());
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QTest::keyClicks(dialog->nameEdit(), "uction ");
        QVERIFY(!dialog->applyButton()->isEnabled());
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
        QVERIFY(!view.isRunning());
        QSignalSpy declined(&view, &MigrationsView::declineRecorded);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QTRY_VERIFY(!dialog);
        QVERIFY(declined.wait(30000));
        QVERIFY(!view.isRunning());
        QCOMPARE(history(url), (QStringList{"0001_initial", "0002_customer_loyalty"}));
        QVERIFY(view.runPanel()->logText().contains("not confirmed"));
        // Declining is audited as the CLI audits a run without --yes.
        QCOMPARE(column(query(url, "SELECT migration_id || ' ' || direction || ' ' || environment FROM _covet_migration_audit WHERE status = 'refused' "
                                   "AND error_text LIKE '%not confirmed in Covet Studio%'")),
                 QStringList{"0003_product_flags apply production"});

        // The right name applies.
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        QTest::mouseClick(view.applyButton(), Qt::LeftButton, {}, QPoint(5, view.applyButton()->height() / 2));
        dialog = view.confirmDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), "production");
        QVERIFY(dialog->applyButton()->isEnabled());
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        QVERIFY(waitIdle(view));
        QCOMPARE(history(url), (QStringList{"0001_initial", "0002_customer_loyalty", "0003_product_flags"}));
        QCOMPARE(column(query(url, "SELECT environment FROM _covet_migration_audit WHERE migration_id = '0003_product_flags' AND status = 'success'")),
                 QStringList{"production"});
    }

    void divergentLeavesShowABannerAndBlockApply()
    {
        const QString project = newDemo();
        // Two branches made in parallel on top of 0002: two leaves.
        QVERIFY(addMigration(project, QStringLiteral("0004_branch_a"), QStringLiteral("0003_product_flags"),
                             QStringLiteral("CREATE TABLE branch_a (id INTEGER PRIMARY KEY);"), QStringLiteral("DROP TABLE branch_a;")));
        QVERIFY(addMigration(project, QStringLiteral("0005_branch_b"), QStringLiteral("0003_product_flags"),
                             QStringLiteral("CREATE TABLE branch_b (id INTEGER PRIMARY KEY);"), QStringLiteral("DROP TABLE branch_b;")));
        MigrationsView view;
        QVERIFY2(openView(view, project), qPrintable(view.errorText()));
        QVERIFY(view.model()->count(State::Pending) >= 1);
        const QString banner = view.conflictText();
        QVERIFY2(banner.contains("divergent_leaves"), qPrintable(banner));
        QVERIFY2(banner.contains("0004_branch_a") && banner.contains("0005_branch_b"), qPrintable(banner));
        QVERIFY2(banner.contains("covet makemigrations --merge"), qPrintable(banner));
        QVERIFY(view.findChild<QLabel *>("migrationsConflicts")->isVisible());
        QVERIFY(view.hasBlockingConflict());
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(view.selectMigration(QStringLiteral("0004_branch_a")));
        QVERIFY(!view.applyToHereButton()->isEnabled());
        QVERIFY(view.dryRunButton()->isEnabled());   // the dry run names the conflict too
        // apply() itself refuses: nothing runs.
        view.apply();
        QVERIFY(!view.isRunning());
        QCOMPARE(history(demoUrl(project)), (QStringList{"0001_initial", "0002_customer_loyalty"}));

        // The way out: a merge migration depending on both leaves; Refresh.
        QVERIFY(writeFile(QDir(project).filePath(QStringLiteral("migrations/0006_merge.sql")),
                          QStringLiteral("-- covet:depends 0004_branch_a 0005_branch_b\n-- covet:up\nCREATE TABLE merged (id INTEGER PRIMARY KEY);\n"
                                         "-- covet:down\nDROP TABLE merged;\n")));
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QVERIFY(waitIdle(view));
        QVERIFY2(view.conflictText().isEmpty(), qPrintable(view.conflictText()));
        QVERIFY(!view.findChild<QLabel *>("migrationsConflicts")->isVisible());
        QVERIFY(view.applyButton()->isEnabled());
    }

    void cancelStopsASlowRun()
    {
        const QString project = newDemo();
        QStringList slow;
        QString previous = QStringLiteral("0003_product_flags");
        for (int i = 4; i <= 9; ++i) {
            const QString id = QStringLiteral("%1_slow_%2").arg(i, 4, 10, QLatin1Char('0')).arg(i);
            // Each writes a few hundred thousand rows: long enough to cancel in.
            QVERIFY(addMigration(project, id, previous,
                                 QStringLiteral("CREATE TABLE slow_%1 AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                                "WHERE x < 400000) SELECT x, printf('row %08d', x) AS label FROM c;")
                                     .arg(i),
                                 QStringLiteral("DROP TABLE slow_%1;").arg(i)));
            slow << id;
            previous = id;
        }
        MigrationsView view;
        QVERIFY(openView(view, project));
        QCOMPARE(view.model()->count(State::Pending), 7);

        QSignalSpy finished(&view, &MigrationsView::runFinished);
        QTest::mouseClick(view.applyButton(), Qt::LeftButton, {}, QPoint(5, view.applyButton()->height() / 2));
        QVERIFY(view.isRunning());
        QVERIFY(!view.applyButton()->isEnabled());
        // Cancel once the first slow migration is running.
        QVERIFY(QTest::qWaitFor([&]() { return view.runPanel()->progressBar()->value() >= 1 || !finished.isEmpty(); }, 60000));
        QVERIFY2(finished.isEmpty(), "the run ended before it could be cancelled");
        QVERIFY(view.cancelButton()->isEnabled());
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.first().first().toBool());
        QVERIFY(waitIdle(view));
        QVERIFY(!view.errorDialog());   // a cancel is no error

        const QStringList applied = history(demoUrl(project));
        const int pending = view.model()->count(State::Pending);
        QVERIFY2(pending >= 1, qPrintable(applied.join(", ")));
        QCOMPARE(applied.size() + pending, 9);
        // Applied ones are a prefix; each slow table exists exactly when its migration is recorded.
        for (int i = 4; i <= 9; ++i) {
            const bool recorded = applied.contains(slow.at(i - 4));
            QCOMPARE(column(query(demoUrl(project), QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'slow_%1'").arg(i))),
                     QStringList{recorded ? "1" : "0"});
        }
        QVERIFY2(view.runPanel()->logText().contains("Cancelled"), qPrintable(view.runPanel()->logText()));
        // The log says what a cancel really does; the bar shows the final count.
        QVERIFY2(view.runPanel()->logText().contains("a migration in progress is rolled back and stays pending; finished "
                                                     "migrations stay applied"),
                 qPrintable(view.runPanel()->logText()));
        const QProgressBar *bar = view.runPanel()->progressBar();
        QCOMPARE(bar->text(), QStringLiteral("%1 of 7 migration(s) done, cancelled").arg(applied.size() - 2));
        QCOMPARE(bar->value(), int(applied.size() - 2));
        QVERIFY(view.applyButton()->isEnabled());
    }

    void postgresDryRunApplyAndFailure()
    {
        COVET_REQUIRE_SERVER(pg, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, pg);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("migrations"));
        QVERIFY(writeFile(dir.filePath("covet.yaml"), "dialect: postgresql\nmigrations: migrations\n"));
        QVERIFY(writeFile(dir.filePath("migrations/0001_items.sql"),
                          "-- covet:up\nCREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
                          "-- covet:down\nDROP TABLE items;\n"));
        QVERIFY(writeFile(dir.filePath("migrations/0002_broken.sql"),
                          sqlMigration("0001_items", "ALTER TABLE items ADD COLUMN price NUMERIC(10,2);\n"
                                                     "INSERT INTO missing_table (id) VALUES (1);",
                                       "ALTER TABLE items DROP COLUMN price;")));
        const QString columns = QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_name = 'items' "
                                               "AND table_schema = current_schema() ORDER BY column_name");

        MigrationsView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(test::studioTarget(db->url(), dir.path()));
        QVERIFY(waitIdle(view));
        QCOMPARE(states(view), (QList<State>{State::Pending, State::Pending}));

        // Dry run up to 0001: executed in a rolled-back transaction.
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        view.dryRun(QStringLiteral("0001_items"));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.takeFirst().first().toBool());
        QVERIFY2(view.dryRunResultText().contains("rolled back"), qPrintable(view.dryRunResultText()));
        QVERIFY(view.dryRunEditor()->text().contains("CREATE TABLE items"));
        QVERIFY(!view.dryRunEditor()->text().contains("missing_table"));
        QVERIFY(waitIdle(view));
        QCOMPARE(column(query(db->url(), columns)), QStringList{});

        clickRow(view, "0001_items");
        QVERIFY(clickAndWait(view, view.applyToHereButton()));
        QCOMPARE(column(query(db->url(), columns)), (QStringList{"id", "name"}));
        QCOMPARE(history(db->url()), QStringList{"0001_items"});

        bool ok = true;
        QVERIFY(clickAndWait(view, view.applyButton(), &ok));
        QVERIFY(!ok);
        QPointer<MigrationErrorDialog> dialog = view.errorDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->statementEditor()->text().contains("INSERT INTO missing_table"), qPrintable(dialog->statementEditor()->text()));
        QVERIFY2(dialog->message().contains("missing_table") && !dialog->message().contains("statement:"), qPrintable(dialog->message()));
        QCOMPARE(column(query(db->url(), columns)), (QStringList{"id", "name"}));   // ADD COLUMN rolled back
        QCOMPARE(history(db->url()), QStringList{"0001_items"});
        dialog->close();
        QTRY_VERIFY(!dialog);
    }
};

QTEST_MAIN(TestMigrationsView)
#include "tst_migrationsview.moc"
