// covet-test-labels: gui sqlite
#include "studiotargetfixture.h"
#include "testsupport.h"
#include "demofixture.h"
#include "../diff/renametables.h"

#include "app/mainwindow.h"
#include "dialogs/createmigrationdialog.h"
#include "diff/renamedecisions.h"
#include "editors/sqleditor.h"
#include "runner/demoproject.h"
#include "migrations/migrationfile.h"
#include "models/diffmodel.h"
#include "operations/operationdescriber.h"
#include "models/renamecandidatemodel.h"
#include "views/diffview.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QHeaderView>
#include <QFile>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace covet;

class TestDiffView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    test::DemoProjects m_demos;

    QString newDemo() { return m_demos.create(); }
    static DatabaseUrl demoUrl(const QString &project) { return test::DemoProjects::databaseUrl(project); }

    // A shown DiffView comparing the demo's models.yaml with its demo.db.
    static bool openDemo(DiffView &view, const QString &project)
    {
        view.resize(1200, 800);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        view.setTarget(test::studioTarget(demoUrl(project), project));
        return QTest::qWaitFor([&]() { return view.hasResult() && !view.isBusy(); }, 15000);
    }

    static void clickRow(QTableView *table, int row)
    {
        const QRect cell = table->visualRect(table->model()->index(row, RenameCandidateModel::OldNameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    }

    static QStringList changesOf(const DiffModel *m, const QString &name)
    {
        QStringList out;
        const QModelIndex parent = m->objectIndex(name);
        for (int r = 0; r < m->rowCount(parent); ++r)
            out << m->index(r, 0, parent).data().toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CovetTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_diffview"));
    }

    void demoShowsTheTwoRenameCandidates()
    {
        const QString project = newDemo();
        QVERIFY(!project.isEmpty());
        DiffView view;
        QVERIFY(openDemo(view, project));
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QVERIFY(view.desiredSpec().endsWith(QStringLiteral("models.yaml")));
        RenameCandidateModel *renames = view.renameModel();
        QVERIFY(renames->rowOf(QStringLiteral("customers"), QStringLiteral("name"), QStringLiteral("full_name")) >= 0);
        QVERIFY(renames->rowOf(QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at")) >= 0);
        const QString sql = view.sqlEditor()->text();
        QVERIFY2(sql.contains(QStringLiteral("RENAME COLUMN \"name\" TO \"full_name\"")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("RENAME COLUMN \"placed\" TO \"placed_at\"")), qPrintable(sql));
        QVERIFY(view.sqlEditor()->isReadOnly());
        QCOMPARE(view.sqlEditor()->dialect(), Dialect::SQLite);
        for (const char *t : {"customers", "orders", "reviews"})
            QVERIFY2(view.model()->objectIndex(QLatin1String(t)).isValid(), t);
        QVERIFY(view.tree()->isExpanded(view.model()->index(0, 0)));
        QVERIFY(view.createMigrationButton()->isEnabled());
    }

    // In the main window at its default size (1180x720) the rename review
    // has room for five candidates, shows each one's Reasons whole (on one
    // line, or wrapped onto lines its row is tall enough for) and keeps the
    // column inside the table.
    void renameReviewShowsFiveRowsAndWholeReasons()
    {
        qputenv("COVET_DEMO_DIR", m_tmp.filePath(QStringLiteral("demos")).toUtf8());
        MainWindow w;
        w.resize(1180, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openDemo(m_tmp.filePath(QStringLiteral("review-demo"))));
        QVERIFY(w.showView(QStringLiteral("diff")));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.diffView()->hasResult() && !w.diffView()->isBusy(), 15000);
        QTableView *table = w.diffView()->renameTable();
        QCOMPARE(table->model()->rowCount(), 2);
        QTest::qWait(50);   // the rows' heights follow the columns' widths

        const QWidget *viewport = table->viewport();
        const int rowRoom = table->verticalHeader()->defaultSectionSize();
        QVERIFY2(viewport->height() >= 5 * rowRoom, qPrintable(QStringLiteral("%1 px for rows of %2 px").arg(viewport->height()).arg(rowRoom)));
        const QFontMetrics fm(table->font());
        const int margin = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex reasons = table->model()->index(row, RenameCandidateModel::ReasonsColumn);
            const QString text = reasons.data().toString();
            QVERIFY(text.contains(QStringLiteral("foreign key")));
            const QRect cell = table->visualRect(reasons);
            QVERIFY2(cell.left() >= 0 && cell.right() < viewport->width() && cell.bottom() < viewport->height(),
                     qPrintable(QStringLiteral("cell %1,%2 %3x%4 in %5x%6").arg(cell.x()).arg(cell.y()).arg(cell.width()).arg(cell.height())
                                    .arg(viewport->width()).arg(viewport->height())));
            const int width = cell.width() - margin;
            const bool oneLine = fm.horizontalAdvance(text) <= width;
            const QRect wrapped = fm.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text);
            QVERIFY2(oneLine || (table->wordWrap() && wrapped.width() <= width && wrapped.height() <= cell.height()),
                     qPrintable(QStringLiteral("\"%1\" needs %2 px (or %3x%4 wrapped) in a cell of %5x%6")
                                    .arg(text).arg(fm.horizontalAdvance(text)).arg(wrapped.width()).arg(wrapped.height())
                                    .arg(cell.width()).arg(cell.height())));
        }
    }

    void acceptingARenameCandidateTurnsDropAddIntoRename()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        QTableView *table = view.renameTable();
        const int row = view.renameModel()->rowOf(QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at"));
        QVERIFY(row >= 0);
        auto *reject = view.findChild<QPushButton *>(QStringLiteral("rejectRename"));
        auto *accept = view.findChild<QPushButton *>(QStringLiteral("acceptRename"));
        QVERIFY(reject && accept);
        QVERIFY(!reject->isEnabled());   // nothing selected yet

        clickRow(table, row);
        QVERIFY(reject->isEnabled());
        QTest::mouseClick(reject, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(view.sqlEditor()->text().contains(QStringLiteral("DROP COLUMN \"placed\"")),
                                  qPrintable(view.sqlEditor()->text()), 10000);
        QVERIFY(!view.sqlEditor()->text().contains(QStringLiteral("RENAME COLUMN \"placed\"")));
        QVERIFY(changesOf(view.model(), QStringLiteral("orders")).join(u'\n').contains(QStringLiteral("placed_at")));
        QCOMPARE(view.renameModel()->index(row, RenameCandidateModel::DecisionColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        // The hint is untouched.
        QVERIFY(view.sqlEditor()->text().contains(QStringLiteral("RENAME COLUMN \"name\" TO \"full_name\"")));

        clickRow(table, row);
        QTest::mouseClick(accept, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(view.sqlEditor()->text().contains(QStringLiteral("RENAME COLUMN \"placed\" TO \"placed_at\"")),
                                  qPrintable(view.sqlEditor()->text()), 10000);
        QVERIFY(!view.sqlEditor()->text().contains(QStringLiteral("DROP COLUMN \"placed\"")));
        // The change tree shows the rename again.
        bool renamed = false;
        const QModelIndex orders = view.model()->objectIndex(QStringLiteral("orders"));
        for (int r = 0; r < view.model()->rowCount(orders); ++r)
            renamed |= view.model()->index(r, 0, orders).data(DiffModel::ChangeKindRole).toInt() == int(DiffModel::ChangeKind::Renamed);
        QVERIFY(renamed);
    }

    void decisionsAreSavedForTheCli()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        auto *save = view.findChild<QPushButton *>(QStringLiteral("saveDecisions"));
        QVERIFY(save && !save->isEnabled());
        const int row = view.renameModel()->rowOf(QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at"));
        QVERIFY(view.renameModel()->setData(view.renameModel()->index(row, RenameCandidateModel::DecisionColumn), Qt::Unchecked,
                                            Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 10000);
        QVERIFY(save->isEnabled());
        const QString path = QDir(project).filePath(QStringLiteral("renames.yaml"));
        QCOMPARE(view.saveDecisions(path), QString());
        auto read = RenameDecisions::read(path);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(read->size(), 1);
        const RenameDecisions::Entry e = read->entries().first();
        QCOMPARE(e.table, QStringLiteral("orders"));
        QCOMPARE(e.from, QStringLiteral("placed"));
        QCOMPARE(e.verdict, RenameDecisions::Verdict::Reject);
        // An unwritable place is an error, not silence.
        QVERIFY(!view.saveDecisions(QDir(project).filePath(QStringLiteral("missing/dir/renames.yaml"))).isEmpty());
    }

    void selectingAnObjectShowsBeforeAndAfter()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        const QModelIndex orders = view.model()->objectIndex(QStringLiteral("orders"));
        QVERIFY(orders.isValid());
        const QRect rect = view.tree()->visualRect(orders);
        QTest::mouseClick(view.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(view.tree()->currentIndex(), orders);
        QVERIFY2(view.beforeEditor()->text().contains(QStringLiteral("\"placed\"")), qPrintable(view.beforeEditor()->text()));
        QVERIFY(!view.beforeEditor()->text().contains(QStringLiteral("placed_at")));
        QVERIFY2(view.afterEditor()->text().contains(QStringLiteral("\"placed_at\"")), qPrintable(view.afterEditor()->text()));
        // A new table is absent before.
        view.tree()->setCurrentIndex(view.model()->objectIndex(QStringLiteral("reviews")));
        QVERIFY(view.beforeEditor()->text().contains(QStringLiteral("not in the database")));
        QVERIFY(view.afterEditor()->text().contains(QStringLiteral("CREATE TABLE \"reviews\"")));
    }

    // Operations are compared, not their one-line descriptions: two
    // "Create table t (1 columns)" with different column types differ.
    void dialogComparesOperationsNotTheirText()
    {
        using renametest::col;
        using renametest::table;
        const OperationList written{CreateTable{table(QStringLiteral("t"), {col(QStringLiteral("x"), QStringLiteral("integer"))})}};
        const OperationList diffed{CreateTable{table(QStringLiteral("t"), {col(QStringLiteral("x"), QStringLiteral("varchar(20)"))})}};
        QCOMPARE(OperationDescriber::describe(written.first()), OperationDescriber::describe(diffed.first()));
        CreateMigrationDialog dialog(QStringLiteral("0002_t.yaml"), written, diffed, 0, QStringLiteral("sqlite:x.db"));
        QCOMPARE(dialog.unseenOperations().size(), 1);
        QVERIFY2(dialog.differenceText().contains(QStringLiteral("Not in this migration")), qPrintable(dialog.differenceText()));
        CreateMigrationDialog same(QStringLiteral("0002_t.yaml"), written, written, 0, QStringLiteral("sqlite:x.db"));
        QVERIFY(same.unseenOperations().isEmpty());
    }

    void createMigrationWritesTheNextFile()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        // The person rejects placed -> placed_at: the migration must follow.
        const int row = view.renameModel()->rowOf(QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at"));
        QVERIFY(view.renameModel()->setVerdict(row, RenameDecisions::Verdict::Reject));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 10000);
        QSignalSpy created(&view, &DiffView::migrationCreated);
        QSignalSpy failed(&view, &DiffView::migrationFailed);
        QVERIFY(!view.createMigration(QStringLiteral("!!!")));
        const Status started = view.createMigration(QStringLiteral("Shop Update"));
        QVERIFY2(started, qPrintable(test::errorText(started)));
        // Written by a worker: the call returns at once, the view is busy
        // and the button disabled until the job reports back.
        QVERIFY(view.isCreatingMigration());
        QVERIFY(view.isBusy());
        QVERIFY(!view.createMigrationButton()->isEnabled());
        QVERIFY(!view.createMigration(QStringLiteral("twice")));   // one at a time
        // Computed first, written only once confirmed: the dialog lists what
        // the file will hold and says why it differs from the Diff (0002 is
        // in the history but not applied to demo.db).
        QTRY_VERIFY_WITH_TIMEOUT(view.createMigrationDialog() != nullptr, 15000);
        CreateMigrationDialog *dialog = view.createMigrationDialog();
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Write 0004_shop_update.yaml?"));
        QVERIFY(!QFileInfo::exists(QDir(project).filePath(QStringLiteral("migrations/0004_shop_update.yaml"))));
        QVERIFY(view.isCreatingMigration());
        QVERIFY(!view.createMigrationButton()->isEnabled());
        const QString lines = dialog->operationLines().join(u'\n');
        QVERIFY2(lines.contains(QStringLiteral("full_name")), qPrintable(lines));
        QVERIFY2(!lines.contains(QStringLiteral("discontinued")), qPrintable(lines));
        const QString note = dialog->differenceText();
        QVERIFY2(note.contains(QStringLiteral("The history has 1 pending migration(s) not yet applied to this database")),
                 qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("discontinued")), qPrintable(note));   // in the Diff, not in the migration
        QCOMPARE(created.count(), 0);
        QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 15000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!view.isCreatingMigration());
        const QString path = created.first().first().toString();
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("0004_shop_update.yaml"));
        auto m = MigrationFile::read(path);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
        QCOMPARE(m->dependencies, QStringList{QStringLiteral("0003_product_flags")});
        bool renamesName = false, renamesPlaced = false, addsDiscontinued = false;
        for (const Operation &op : m->operations) {
            if (const auto *r = std::get_if<RenameColumn>(&op)) {
                renamesName |= r->from == u"name" && r->to == u"full_name";
                renamesPlaced |= r->from == u"placed";
            }
            if (const auto *a = std::get_if<AddColumn>(&op))
                addsDiscontinued |= a->column.name == u"discontinued";
        }
        QVERIFY(renamesName);
        QVERIFY(!renamesPlaced);        // the rejection holds
        QVERIFY(!addsDiscontinued);     // made against the history (0002 has it), not the database
        // The history now matches the models file: nothing more to write.
        QVERIFY(view.createMigration(QStringLiteral("again")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("nothing to write")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(view.errorText().contains(QStringLiteral("nothing to write")));
        QCOMPARE(created.count(), 1);
        QVERIFY(!QFileInfo::exists(QDir(project).filePath(QStringLiteral("migrations/0004_again.yaml"))));
    }

    void createMigrationCancelledWritesNothing()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        QSignalSpy created(&view, &DiffView::migrationCreated);
        QSignalSpy failed(&view, &DiffView::migrationFailed);
        QVERIFY(view.createMigration(QString()));
        QTRY_VERIFY_WITH_TIMEOUT(view.createMigrationDialog() != nullptr, 15000);
        CreateMigrationDialog *dialog = view.createMigrationDialog();
        const QStringList lines = dialog->operationLines();
        QVERIFY(!lines.isEmpty());
        QCOMPARE(dialog->findChild<QListWidget *>(QStringLiteral("migrationOperations"))->count(), lines.size());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!view.createMigrationDialog(), 5000);
        QVERIFY(!view.isCreatingMigration());
        QVERIFY(view.createMigrationButton()->isEnabled());
        QTest::qWait(200);
        QCOMPARE(created.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(QDir(QDir(project).filePath(QStringLiteral("migrations"))).entryList({QStringLiteral("0004_*")}, QDir::Files),
                 QStringList());
    }

    void createMigrationReportsEngineErrors()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        // A broken migration file stops MigrationMaker before it writes anything.
        QFile broken(QDir(project).filePath(QStringLiteral("migrations/0004_broken.yaml")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("operations: [this is not a migration\n");
        broken.close();
        QSignalSpy created(&view, &DiffView::migrationCreated);
        QSignalSpy failed(&view, &DiffView::migrationFailed);
        QVERIFY(view.createMigration(QStringLiteral("next")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
        QCOMPARE(created.count(), 0);
        QVERIFY2(view.errorText().contains(QStringLiteral("0004_broken")), qPrintable(view.errorText()));
        QVERIFY(!view.findChild<QProgressBar *>(QStringLiteral("makeMigrationProgress"))->isVisible());
        QVERIFY(!QFileInfo::exists(QDir(project).filePath(QStringLiteral("migrations/0005_next.yaml"))));
        QVERIFY(view.createMigrationButton()->isEnabled());
    }

    void givenDatabaseSchemaIsReused()
    {
        const QString project = newDemo();
        DiffView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // An empty schema stands in for the database: inspected again, the
        // demo would show only its few changes, not every table as new.
        Schema empty;
        empty.dialect = Dialect::SQLite;
        view.setTarget(test::studioTarget(demoUrl(project), project), empty);
        QTRY_VERIFY_WITH_TIMEOUT(view.hasResult() && !view.isBusy(), 15000);
        QVERIFY(view.reusedDatabaseSchema());
        QCOMPARE(view.model()->objectIndex(QStringLiteral("customers")).data(DiffModel::ChangeKindRole).toInt(),
                 int(DiffModel::ChangeKind::Added));
        // A re-diff (a threshold change) keeps using it.
        QSignalSpy shown(&view, &DiffView::diffShown);
        view.thresholdSlider()->setValue(90);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1 && !view.isBusy(), 10000);
        QCOMPARE(view.model()->objectIndex(QStringLiteral("customers")).data(DiffModel::ChangeKindRole).toInt(),
                 int(DiffModel::ChangeKind::Added));
        // Without one, the view reads the database itself.
        view.setTarget(test::studioTarget(demoUrl(project), project));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 2 && !view.isBusy(), 15000);
        QVERIFY(!view.reusedDatabaseSchema());
        QCOMPARE(view.model()->objectIndex(QStringLiteral("customers")).data(DiffModel::ChangeKindRole).toInt(),
                 int(DiffModel::ChangeKind::Changed));
    }

    void createMigrationNeedsAProject()
    {
        const QString project = newDemo();
        DiffView view;
        view.show();
        view.setDesiredSource(DiffView::SourceKind::ModelsFile, QDir(project).filePath(QStringLiteral("models.yaml")));
        view.setTarget(test::studioTarget(demoUrl(project)));
        QTRY_VERIFY_WITH_TIMEOUT(view.hasResult() && !view.isBusy(), 15000);
        QVERIFY(!view.createMigrationButton()->isEnabled());
        const Status path = view.createMigration(QStringLiteral("x"));
        QVERIFY(!path);
        QVERIFY(path.error().message().contains(QStringLiteral("project")));
    }

    void missingSourceShowsAnError()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        QSignalSpy failed(&view, &DiffView::diffFailed);
        const QString missing = QDir(project).filePath(QStringLiteral("gone.yaml"));
        view.setDesiredSource(DiffView::SourceKind::ModelsFile, missing);
        view.compare();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 10000);
        QVERIFY2(view.errorText().contains(QStringLiteral("gone.yaml")), qPrintable(view.errorText()));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.hasResult());
        QVERIFY(!view.createMigrationButton()->isEnabled());
        // Without a database the view says what to do.
        DiffView unconnected;
        unconnected.compare();
        QVERIFY(unconnected.errorText().contains(QStringLiteral("Connect")));
    }

    void historyAndThresholdRediff()
    {
        const QString project = newDemo();
        DiffView view;
        QVERIFY(openDemo(view, project));
        QCOMPARE(view.thresholdSlider()->value(), 80);   // from covet.yaml
        QSignalSpy shown(&view, &DiffView::diffShown);
        view.thresholdSlider()->setValue(95);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1 && !view.isBusy(), 10000);
        // Migration history as the desired side: 0003 is pending in demo.db.
        view.sourceKindBox()->setCurrentIndex(view.sourceKindBox()->findData(int(DiffView::SourceKind::MigrationHistory)));
        QVERIFY(view.desiredSpec().endsWith(QStringLiteral("migrations")));
        view.compare();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 2 && !view.isBusy(), 15000);
        QVERIFY2(view.sqlEditor()->text().contains(QStringLiteral("discontinued")), qPrintable(view.sqlEditor()->text()));
        QCOMPARE(view.renameModel()->rowCount(), 0);
        // A migration is made from a models or SQL file, not from the history itself.
        QVERIFY(!view.createMigrationButton()->isEnabled());
        QVERIFY(!view.createMigration(QStringLiteral("x")));
    }

    void mainWindowHostsTheDiffView()
    {
        qputenv("COVET_DEMO_DIR", m_tmp.filePath(QStringLiteral("demos")).toUtf8());
        MainWindow w;
        w.show();
        QVERIFY(w.showView(QStringLiteral("diff")));
        QVERIFY(!w.showView(QStringLiteral("bogus")));
        QVERIFY(w.openDemo(m_tmp.filePath(QStringLiteral("mwdemo"))));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.diffView()->hasResult() && !w.diffView()->isBusy(), 15000);
        QCOMPARE(w.diffView()->renameModel()->rowCount(), 2);
        // The diff compared with the schema the main window read, not a second inspection.
        QVERIFY(w.diffView()->reusedDatabaseSchema());
        QVERIFY(w.diffView()->isVisible());
        QVERIFY(w.showView(QStringLiteral("schema")));
        QVERIFY(!w.diffView()->isVisible());
    }
};

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
