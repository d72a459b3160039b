// covet-test-labels: gui sqlite
// Issue 16 part 5: Squash… in the Migrations view, through its real widgets
// on a real SQLite project on disk — the action opens the dialog, a range is
// chosen and previewed off the GUI thread (the figures are the engine's
// plan), Write adds the squashed migration (never over an existing file) and
// the view lists it with its squash case; squashing turned off in
// covet.yaml disables the action; a range with a plain SQL migration cannot
// be written, and the dialog says why; rehearsing a squash that is only
// recorded says that nothing runs.
#include "../cli/clifixtures.h"
#include "../migrations/migrationtestsupport.h"
#include "db/connection.h"
#include "dialogs/squashdialog.h"
#include "editors/sqleditor.h"
#include "migrations/projectconfig.h"
#include "migrations/squashproject.h"
#include "app/studiostyle.h"
#include "jobs/rehearsaljob.h"
#include "rehearseaction.h"
#include "views/rehearsalbanner.h"
#include "models/migrationlistmodel.h"
#include "views/migrationsview.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::writeMigration;

namespace {

// items in 0001, a column in 0002, an index in 0003, the column renamed in
// 0004; `extra` lines go into covet.yaml. Nothing is applied to app.db yet.
QString makeProject(const QTemporaryDir &tmp, const QString &name, const QByteArray &extra = {})
{
    const QString dir = tmp.filePath(name);
    const QString migrations = dir + QStringLiteral("/migrations");
    QDir().mkpath(migrations);
    test::writeFile(dir + QStringLiteral("/covet.yaml"), "dialect: sqlite\ndatabase: sqlite:app.db\nmigrations: migrations\n" + extra);
    writeMigration(migrations, QStringLiteral("0001_items.yaml"), test::kItemsMigration);
    writeMigration(migrations, QStringLiteral("0002_qty.yaml"), test::kQtyMigration);
    writeMigration(migrations, QStringLiteral("0003_index.yaml"), test::kIndexMigration);
    writeMigration(migrations, QStringLiteral("0004_rename.yaml"), test::kRenameMigration);
    // An empty database: nothing applied yet.
    if (auto c = Connection::open(DatabaseUrl::sqliteFile(dir + QStringLiteral("/app.db")), QStringLiteral("make"), true); !c)
        qWarning("%s", qPrintable(c.error().toString()));
    return dir;
}

// The ids _covet_migrations records, in order.
QStringList historyIds(const QString &dbPath)
{
    QStringList ids;
    auto c = Connection::open(DatabaseUrl::sqliteFile(dbPath), QStringLiteral("history"));
    if (!c) {
        qWarning("%s", qPrintable(c.error().toString()));
        return ids;
    }
    QSqlQuery q((*c)->database());
    if (!q.exec(QStringLiteral("SELECT id FROM _covet_migrations ORDER BY id")))
        qWarning("%s", qPrintable(q.lastError().text()));
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

} // namespace

class TestSquashDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    static bool openView(MigrationsView &view, const QString &project)
    {
        auto config = ProjectConfig::read(project + QStringLiteral("/covet.yaml"));
        if (!config) {
            qWarning("%s", qPrintable(config.error().toString()));
            return false;
        }
        view.resize(1100, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        QSignalSpy listed(&view, &MigrationsView::listShown);
        QSignalSpy failed(&view, &MigrationsView::listFailed);
        view.setProject(*config);
        if (!QTest::qWaitFor([&]() { return !listed.isEmpty() || !failed.isEmpty(); }, 30000) || !failed.isEmpty()) {
            qWarning("not listed: %s", qPrintable(view.errorText()));
            return false;
        }
        return QTest::qWaitFor([&]() { return !view.isBusy(); }, 30000);
    }

    // Clicks Squash… and waits for the dialog to read the project.
    static SquashDialog *openDialog(MigrationsView &view)
    {
        if (!view.squashButton()->isEnabled())
            return nullptr;
        QTest::mouseClick(view.squashButton(), Qt::LeftButton);
        SquashDialog *dialog = view.squashDialog();
        if (!dialog || !QTest::qWaitFor([&]() { return dialog->isLoaded() && !dialog->isBusy(); }, 30000))
            return nullptr;
        return dialog;
    }

    static bool previewAndWait(SquashDialog *dialog)
    {
        QSignalSpy previewed(dialog, &SquashDialog::previewed);
        QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
        // The plan runs on a job: the GUI thread is free meanwhile.
        if (!dialog->isBusy() || dialog->previewButton()->isEnabled())
            return false;
        return previewed.wait(30000) && !dialog->isBusy();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QLocale::setDefault(QLocale::c());
    }

    void previewShowsTheEnginesPlanAndWriteAddsTheSquash()
    {
        const QString project = makeProject(m_tmp, QStringLiteral("write"));
        MigrationsView view;
        QVERIFY(openView(view, project));
        QCOMPARE(view.model()->rowCount(), 4);
        SquashDialog *dialog = openDialog(view);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->writeButton()->isEnabled());   // nothing previewed yet
        QCOMPARE(dialog->fromCombo()->count(), 4);
        QCOMPARE(dialog->toCombo()->currentText(), QStringLiteral("0004_rename"));
        // The engine's default name follows the range.
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("squashed_0001_0004"));

        // 0002 … 0004, keeping the newest out: 0002 and 0003.
        dialog->fromCombo()->setCurrentIndex(1);
        dialog->keepRecentSpin()->setValue(1);
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("squashed_0002_0003"));
        QVERIFY(previewAndWait(dialog));
        auto config = ProjectConfig::read(project + QStringLiteral("/covet.yaml"));
        QVERIFY(config);
        auto engine = SquashProject::load(*config, QString());
        QVERIFY(engine);
        SquashRequest request;
        request.from = QStringLiteral("0002_qty");
        request.keepRecent = 1;
        auto expected = engine->plan(request);
        QVERIFY(expected);
        QVERIFY(dialog->plan());
        QCOMPARE(dialog->plan()->range, expected->range);
        QCOMPARE(dialog->plan()->operationsBefore, expected->operationsBefore);
        QCOMPARE(dialog->plan()->operationsAfter, expected->operationsAfter);
        const QString figures = dialog->figuresText();
        QVERIFY2(figures.contains(QStringLiteral("<b>%1</b> operations before → <b>%2</b> after")
                                      .arg(expected->operationsBefore)
                                      .arg(expected->operationsAfter)),
                 qPrintable(figures));
        QVERIFY2(figures.contains(QString::number(expected->reduction() * 100.0, 'f', 1) + QStringLiteral("%")), qPrintable(figures));

        // A range of one migration: nothing to squash, and the dialog says why.
        dialog->fromCombo()->setCurrentIndex(2);
        QVERIFY(dialog->nameEdit()->text().isEmpty());
        QVERIFY(previewAndWait(dialog));
        QVERIFY(!dialog->plan());
        QVERIFY(dialog->figuresText().isEmpty());
        QVERIFY2(dialog->statusText().contains(QStringLiteral("fewer than two migrations")), qPrintable(dialog->statusText()));
        QVERIFY(!dialog->writeButton()->isEnabled());

        // The whole range: four operations become one, proven twice.
        dialog->fromCombo()->setCurrentIndex(0);
        dialog->keepRecentSpin()->setValue(0);
        QVERIFY(!dialog->plan());   // the preview no longer answers the choice
        QVERIFY(!dialog->writeButton()->isEnabled());
        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("compacted"));
        QVERIFY(previewAndWait(dialog));
        expected = engine->plan(SquashRequest{{}, {}, 0, QStringLiteral("compacted"), {}, true});
        QVERIFY(expected && !expected->blocked());
        QCOMPARE(dialog->plan()->operationsBefore, 4);
        QCOMPARE(dialog->plan()->operationsAfter, expected->operationsAfter);
        QCOMPARE(dialog->plan()->squashed.id, QStringLiteral("0005_compacted"));
        QVERIFY2(dialog->figuresText().contains(QStringLiteral("75.0%")), qPrintable(dialog->figuresText()));
        QVERIFY2(dialog->proofText().contains(QStringLiteral("In-memory replay: proven")), qPrintable(dialog->proofText()));
        QVERIFY2(dialog->proofText().contains(QStringLiteral("Scratch database (sqlite): proven")), qPrintable(dialog->proofText()));
        QVERIFY(dialog->conflictsText().isEmpty());
        QVERIFY2(dialog->yamlViewer()->text().contains(QStringLiteral("replaces:")), qPrintable(dialog->yamlViewer()->text()));
        QVERIFY(dialog->yamlViewer()->isReadOnly());
        QVERIFY(dialog->writeButton()->isEnabled());

        QSignalSpy listed(&view, &MigrationsView::listShown);
        QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
        const QString path = QDir(project).filePath(QStringLiteral("migrations/0005_compacted.yaml"));
        QCOMPARE(dialog->writtenPath(), path);
        QVERIFY2(dialog->statusText().contains(path), qPrintable(dialog->statusText()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY2(written.contains(R"(replaces: ["0001_items", "0002_qty", "0003_index", "0004_rename"])"), written.constData());
        QVERIFY(!dialog->writeButton()->isEnabled());   // written: nothing more to write
        // The dialog reads the directory again: only the squash is left to choose.
        QVERIFY(QTest::qWaitFor([&]() { return !dialog->isBusy(); }, 30000));
        QCOMPARE(dialog->fromCombo()->count(), 1);
        QCOMPARE(dialog->fromCombo()->currentText(), QStringLiteral("0005_compacted"));
        QVERIFY(!dialog->previewButton()->isEnabled());
        QVERIFY2(dialog->statusText().contains(path), qPrintable(dialog->statusText()));
        // The view reads the directory again and lists the squash, selected, with its case.
        QVERIFY(!listed.isEmpty() || listed.wait(30000));
        QVERIFY(QTest::qWaitFor([&]() { return !view.isBusy(); }, 30000));
        const int row = view.model()->rowOf(QStringLiteral("0005_compacted"));
        QVERIFY(row >= 0);
        QCOMPARE(view.selectedId(), QStringLiteral("0005_compacted"));
        const QString state = view.model()->index(row, MigrationListModel::StateColumn).data().toString();
        QVERIFY2(state.contains(QStringLiteral("squashed")), qPrintable(state));
        const QString tip = view.model()->index(row, MigrationListModel::StateColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Squashed migration: ")), qPrintable(tip));
        dialog->close();
    }

    void writeNeverOverwritesAFile()
    {
        const QString project = makeProject(m_tmp, QStringLiteral("overwrite"));
        MigrationsView view;
        QVERIFY(openView(view, project));
        SquashDialog *dialog = openDialog(view);
        QVERIFY(dialog);
        QVERIFY(previewAndWait(dialog));
        QVERIFY(dialog->writeButton()->isEnabled());
        // Someone writes a file of that name after the preview.
        const QString path = QDir(project).filePath(QStringLiteral("migrations/0005_squashed_0001_0004.yaml"));
        test::writeFile(path, "operations: []\n");
        QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
        QVERIFY(dialog->writtenPath().isEmpty());
        QVERIFY2(dialog->statusText().contains(QStringLiteral("Nothing was written")), qPrintable(dialog->statusText()));
        QVERIFY2(dialog->statusText().contains(QStringLiteral("never overwrites")), qPrintable(dialog->statusText()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("operations: []\n"));
        dialog->close();
    }

    void squashingTurnedOffDisablesTheAction()
    {
        const QString project = makeProject(m_tmp, QStringLiteral("off"), "squashing:\n  enabled: false\n");
        MigrationsView view;
        QVERIFY(openView(view, project));
        QVERIFY(!view.squashButton()->isEnabled());
        QVERIFY2(view.squashButton()->toolTip().contains(QStringLiteral("turned off in covet.yaml")), qPrintable(view.squashButton()->toolTip()));
        QTest::mouseClick(view.squashButton(), Qt::LeftButton);
        QVERIFY(!view.squashDialog());
    }

    void fewerThanTwoMigrationsDisablesTheAction()
    {
        const QString project = makeProject(m_tmp, QStringLiteral("one"));
        for (const char *name : {"0002_qty.yaml", "0003_index.yaml", "0004_rename.yaml"})
            QVERIFY(QFile::remove(QDir(project).filePath(QStringLiteral("migrations/") + QLatin1String(name))));
        MigrationsView view;
        QVERIFY(openView(view, project));
        QVERIFY(!view.squashButton()->isEnabled());
        QVERIFY2(view.squashButton()->toolTip().contains(QStringLiteral("at least two")), qPrintable(view.squashButton()->toolTip()));
    }

    void aConflictingRangeCannotBeWritten()
    {
        const QString project = makeProject(m_tmp, QStringLiteral("conflict"));
        // A plain SQL migration in the range (a blocking conflict) and a
        // run_sql Covet cannot see into (a barrier: a note).
        writeMigration(project + QStringLiteral("/migrations"), QStringLiteral("0005_fix.sql"),
                       "-- covet:depends 0004_rename\n-- covet:up\nUPDATE items SET quantity = 1;\n-- covet:down\nUPDATE items SET quantity = 0;\n");
        writeMigration(project + QStringLiteral("/migrations"), QStringLiteral("0006_touch.yaml"),
                       "dependencies: [0005_fix]\noperations:\n  - op: run_sql\n    forward: UPDATE items SET label = trim(label)\n");
        MigrationsView view;
        QVERIFY(openView(view, project));
        SquashDialog *dialog = openDialog(view);
        QVERIFY(dialog);
        QCOMPARE(dialog->toCombo()->currentText(), QStringLiteral("0006_touch"));
        QVERIFY(previewAndWait(dialog));
        QVERIFY(dialog->plan() && dialog->plan()->blocked());
        QVERIFY(!dialog->writeButton()->isEnabled());
        const QString conflicts = dialog->conflictsText();
        QVERIFY2(conflicts.contains(QStringLiteral("Conflict — Plain SQL migration (0005_fix)")), qPrintable(conflicts));
        QVERIFY2(conflicts.contains(QStringLiteral("Note — run_sql barrier (0006_touch)")), qPrintable(conflicts));
        QVERIFY2(dialog->statusText().contains(QStringLiteral("Write is disabled")), qPrintable(dialog->statusText()));
        QVERIFY(!QFile::exists(QDir(project).filePath(QStringLiteral("migrations/0007_squashed_0001_0006.yaml"))));

        // Ending the range before it: proven and writable again.
        dialog->toCombo()->setCurrentText(QStringLiteral("0004_rename"));
        QVERIFY(previewAndWait(dialog));
        QVERIFY2(dialog->writeButton()->isEnabled(), qPrintable(dialog->statusText() + dialog->proofText()));
        dialog->close();
    }
    // All four applied, then squashed: the squash is only recorded by the
    // next run. Its rehearsal says that nothing runs (not "nothing is
    // pending", not "rolled back in a transaction"), and changes nothing.
    void rehearsingASquashThatIsOnlyRecordedSaysNothingRuns()
    {
        const QString project = makeProject(m_tmp, QStringLiteral("rehearse"));
        MigrationsView view;
        QVERIFY(openView(view, project));
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        QTest::mouseClick(view.applyButton(), Qt::LeftButton, {}, QPoint(view.applyButton()->width() / 3, view.applyButton()->height() / 2));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view.errorText()));
        QVERIFY(QTest::qWaitFor([&]() { return !view.isBusy(); }, 30000));
        SquashDialog *dialog = openDialog(view);
        QVERIFY(dialog);
        dialog->fromCombo()->setCurrentIndex(0);
        dialog->keepRecentSpin()->setValue(0);
        QVERIFY(previewAndWait(dialog));
        QVERIFY(dialog->writeButton()->isEnabled());
        QSignalSpy listed(&view, &MigrationsView::listShown);
        QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
        dialog->close();
        QVERIFY(!listed.isEmpty() || listed.wait(30000));
        QVERIFY(QTest::qWaitFor([&]() { return !view.isBusy(); }, 30000));
        const QString squashed = dialog->plan() ? dialog->plan()->squashed.id : QStringLiteral("0005_squashed_0001_0004");
        const QString db = project + QStringLiteral("/app.db");
        const QStringList historyBefore = historyIds(db);
        QCOMPARE(historyBefore.size(), 4);

        // Studio lists the squash with its originals, not as pending: there is
        // nothing for its Rehearse to run, and it is off.
        const int row = view.model()->rowOf(squashed);
        QVERIFY(row >= 0);
        QVERIFY(view.model()->states().at(row).state != MigrationState::State::Pending);
        QAction *rehearse = test::rehearseAction(view);
        QVERIFY(rehearse && !rehearse->isEnabled());
        // What `covet migrate` would do is record it; the rehearsal of that
        // run (the job Studio's Rehearse runs) in Studio's banner.
        MigrateRequest request;
        request.url = DatabaseUrl::sqliteFile(db);
        request.migrationsDir = project + QStringLiteral("/migrations");
        const RehearsalOutcome outcome = RehearsalJob::compute(request);
        QVERIFY2(outcome.report, outcome.error ? qPrintable(outcome.error->toString()) : "no report");
        QCOMPARE(outcome.report->recordOnly, QStringList{squashed});
        QVERIFY(outcome.report->nothingRuns());
        QLabel banner;
        QVERIFY(RehearsalBanner::show(&banner, outcome));
        const QString text = banner.text();
        QVERIFY2(text.contains(QStringLiteral("no statement runs. %1 is only recorded as applied").arg(squashed)), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("nothing is pending")) && !text.contains(QStringLiteral("transaction")), qPrintable(text));
        QCOMPARE(banner.styleSheet(), StudioStyle::bannerStyleSheet(StudioStyle::Banner::Ok));
        QCOMPARE(historyIds(db), historyBefore);
    }
};

QTEST_MAIN(TestSquashDialog)
#include "tst_squashdialog.moc"
