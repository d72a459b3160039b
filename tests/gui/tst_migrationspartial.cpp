// covet-test-labels: gui mysql sqlite
// Issue 19 (and 16): the Migrations view shows the states the list's words
// alone do not explain, as the engine says them, through its real widgets.
//  - A migration a stepwise run left part-way on MariaDB (two interrupts,
//    as a second Ctrl-C): the row says part-way; its tool tip and the note
//    over its SQL say which steps are in effect and which not, and how to
//    finish or undo it in the very words `covet status` prints; every run
//    the engine would refuse is disabled, saying why; Undo and Finish over
//    the SQL take it back and finish it.
//  - A step that was running when Covet stopped (MariaDB: `covet migrate`
//    or `covet rollback` killed with SIGKILL while its ALTER waits for a
//    metadata lock, the ALTER then cancelled or let through): the note marks
//    the step as uncertain in the engine's words, and each way out clicked in
//    the view reaches the right schema as the engine judges the step from the
//    live schema: Undo and a part-way rollback's Finish rollback after a
//    cancelled ALTER, Finish after one let through (which MariaDB usually
//    runs, though it may end it on finding the client gone; either way is
//    checked); a part-way rollback's buttons say what they do for one.
//  - Originals whose files were removed after a squash (SQLite): the rows
//    say replaced by the squashed migration; the note says so and shows what
//    the history recorded (checksum, when, by whom); no error, no blank SQL.
#include "../migrations/migrationtestsupport.h"
#include "studiotargetfixture.h"
#include "core/progress.h"
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/squashdialog.h"
#include "editors/sqleditor.h"
#include "migrations/migrationrepository.h"
#include "migrations/projectconfig.h"
#include "models/migrationlistmodel.h"
#include "runner/partialresume.h"
#include "views/migrationstatenote.h"
#include "views/migrationsview.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QScopeGuard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>


using namespace covet;
using test::writeMigration;

namespace {

using State = MigrationState::State;

const QString kPartial = QStringLiteral("0002_reshape");
const QString kNext = QStringLiteral("0003_next");

// customers, then three steps on it (the drop in the middle), then one more.
const QByteArray kInit = R"(operations:
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: legacy, type: varchar(40)}
      primary_key: {columns: [id]}
)";
const QByteArray kReshape = R"(dependencies: [0001_init]
operations:
  - op: add_column
    table: customers
    column: {name: note, type: text}
  - op: drop_column
    table: customers
    column: legacy
  - op: add_column
    table: customers
    column: {name: memo, type: text}
)";
const QByteArray kExtraStep = R"(  - op: add_column
    table: customers
    column: {name: extra, type: integer}
)";
const QByteArray kNextMigration = R"(dependencies: [0002_reshape]
operations:
  - op: add_column
    table: customers
    column: {name: later, type: integer}
)";

// For the running-step case: its middle step changes another table, which a
// second connection can hold in a metadata lock while the first goes through.
const QByteArray kInitTwoTables = kInit + R"(  - op: create_table
    definition:
      name: orders
      columns:
        - {name: id, type: integer, nullable: false}
      primary_key: {columns: [id]}
)";
const QByteArray kSpread = R"(dependencies: [0001_init]
operations:
  - op: add_column
    table: customers
    column: {name: note, type: text}
  - op: add_column
    table: orders
    column: {name: flag, type: integer}
  - op: add_column
    table: customers
    column: {name: memo, type: text}
)";

QStringList columns(Connection &c, const QString &table = QStringLiteral("customers"))
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND "
                                        "table_name = ? ORDER BY ordinal_position"),
                         {table});
    QStringList out;
    if (rows)
        for (const QVariantList &r : *rows)
            out << r.value(0).toString();
    return out;
}

// A project on the scratch database, its URL through the environment (no
// password in a command line or a transcript); returns its migrations directory.
QString mariaDbProject(const test::ScratchDatabase &db, const QString &project)
{
    const QString migrations = project + QStringLiteral("/migrations");
    QDir().mkpath(migrations);
    qputenv("COVET_T_URL", db.urlString().toUtf8());
    test::writeFile(project + QStringLiteral("/covet.yaml"), "database: ${COVET_T_URL}\nmigrations: migrations\n");
    return migrations;
}

bool shown(MigrationsView &view)
{
    view.resize(1280, 800);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

bool waitIdle(const MigrationsView &view)
{
    return QTest::qWaitFor([&]() { return view.hasListing() && !view.isBusy(); }, 60000);
}

// Clicks `button` and waits for the run it starts and the listing after it;
// confirms the run (typing the word) when it asks.
bool clickAndRun(MigrationsView &view, QAbstractButton *button)
{
    QSignalSpy finished(&view, &MigrationsView::runFinished);
    QSignalSpy listed(&view, &MigrationsView::listShown);
    QTest::mouseClick(button, Qt::LeftButton);
    if (ConfirmEnvironmentDialog *confirm = view.confirmDialog()) {
        QTest::keyClicks(confirm->nameEdit(), confirm->word());
        QTest::mouseClick(confirm->applyButton(), Qt::LeftButton);
    }
    if (!finished.wait(120000) || !finished.first().first().toBool())
        return false;
    return (!listed.isEmpty() || listed.wait(60000)) && waitIdle(view);
}

// Runs `covet args` in the project and kills it (SIGKILL) while the ALTER of
// orders, its second step, waits for the metadata lock another connection
// holds; then either cancels that ALTER (KILL CONNECTION, as a DBA would) or
// lets it through by releasing the lock. Either way the run's record says
// step 2 was running when Covet stopped. Returns "" or what went wrong.
QString killWhileStepTwoWaits(Connection &conn, const DatabaseUrl &url, const QString &project, const QStringList &args, bool letItThrough)
{
    auto blocker = Connection::open(url, QStringLiteral("metadata-lock holder"));
    if (!blocker)
        return blocker.error().toString();
    SqlExecutor hold((*blocker)->database(), Dialect::MySQL);
    for (const char *sql : {"START TRANSACTION", "SELECT COUNT(*) FROM orders"})
        if (auto r = hold.exec(QString::fromLatin1(sql)); !r)
            return r.error().toString();
    QProcess cli;
    // Whatever way this returns, the run is not left running (before the blocker's lock goes, with it).
    const auto stopCli = qScopeGuard([&cli] {
        if (cli.state() != QProcess::NotRunning) {
            cli.kill();
            cli.waitForFinished();
        }
    });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COVET_T_URL"), url.toString());
    cli.setProcessEnvironment(env);
    cli.setWorkingDirectory(project);
    cli.start(test::cliPath(), args);
    // In this scratch database only: other suites run ALTERs on the same server.
    const QString waiting = QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() "
                                           "AND INFO LIKE 'ALTER TABLE `orders` %' AND STATE LIKE 'Waiting for table metadata lock%'");
    QString alterConnection;
    if (!QTest::qWaitFor([&]() { return !(alterConnection = test::scalarText(conn, waiting)).isEmpty() || cli.state() == QProcess::NotRunning; },
                         60000)
        || alterConnection.isEmpty())
        return QStringLiteral("covet %1 never reached the ALTER of orders: %2").arg(args.join(u' '), QString::fromUtf8(cli.readAllStandardError()));
    SqlExecutor sql(conn.database(), conn.dialect());
    auto recorded = PartialMigrations::load(sql);
    if (!recorded || recorded->size() != 1 || recorded->first().stepsDone != 1 || recorded->first().runningStep.isEmpty())
        return QStringLiteral("the record does not say step 2 is running");
    cli.kill();
    cli.waitForFinished();
    // The killed run's server thread is gone (and its migration lock with it) once its statement ended.
    const QString alive = QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %1").arg(alterConnection.toLongLong());
    auto gone = [&]() { return QTest::qWaitFor([&]() { return test::scalarText(conn, alive) == u"0"; }, 60000); };
    if (!letItThrough) {
        // MariaDB may have noticed the client is gone and ended the wait itself: then there is no thread to kill.
        if (auto r = sql.exec(QStringLiteral("KILL CONNECTION %1").arg(alterConnection.toLongLong()));
            !r && !r.error().toString().contains(QStringLiteral("Unknown thread")))
            return r.error().toString();
        // Gone before the lock is released, so that the ALTER cannot be granted it in between.
        if (!gone())
            return QStringLiteral("the killed run's connection %1 stays on the server").arg(alterConnection);
    }
    if (auto r = hold.exec(QStringLiteral("ROLLBACK")); !r)
        return r.error().toString();
    if (letItThrough && !gone())
        return QStringLiteral("the killed run's connection %1 stays on the server").arg(alterConnection);
    return {};
}

} // namespace

class TestMigrationsPartial : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    // Runs kReshape with a second interrupt once its second step (the drop)
    // has run: it stops there, two of three steps in effect, recorded.
    static void interrupt(Connection &conn, const QString &migrations)
    {
        const MigrationRepository repo = MigrationRepository::load(migrations);
        MigrationRunner runner(conn, repo);
        RunOptions o;
        o.target = kPartial;
        o.confirmDataLoss = true;
        auto r = test::migrateInterruptedAtStep(runner, o, 2);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Cancelled);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        QLocale::setDefault(QLocale::c());
    }

    void partWayOnMariaDbIsShownAndResolvedThroughTheView()
    {
        COVET_REQUIRE_SERVER(server, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, server);
        Connection &conn = db->connection();
        const QString project = m_tmp.filePath(QStringLiteral("partial"));
        const QString migrations = mariaDbProject(*db, project);
        writeMigration(migrations, QStringLiteral("0001_init.yaml"), kInit);
        writeMigration(migrations, kPartial + QStringLiteral(".yaml"), kReshape);
        writeMigration(migrations, kNext + QStringLiteral(".yaml"), kNextMigration);
        COVET_VERIFY_OK(test::migrateDirectory(conn, migrations, QStringLiteral("0001_init")));
        COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO customers (id, legacy) VALUES (1, 'one'), (2, 'two'), (3, 'three')"));
        interrupt(conn, migrations);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(columns(conn), (QStringList{QStringLiteral("id"), QStringLiteral("note")}));

        // What the engine says, and what `covet status` prints of it.
        const MigrationRepository repo = MigrationRepository::load(migrations);
        MigrationRunner runner(conn, repo);
        auto states = runner.status();
        COVET_VERIFY_OK(states);
        const MigrationState engine = states->at(1);
        QCOMPARE(engine.id, kPartial);
        QCOMPARE(engine.state, State::Partial);
        QVERIFY(engine.partial.has_value());
        QCOMPARE(engine.partial->stepsDone, 2);
        QCOMPARE(engine.partialSteps.size(), 3);
        QCOMPARE(engine.partialSteps.at(1).effect, PartialStep::Effect::InEffect);
        QCOMPARE(engine.partialSteps.at(2).effect, PartialStep::Effect::NotInEffect);
        const QString wayOut = PartialResume::wayOut(*engine.partial);
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("status")}, &out, &err, project, {QStringLiteral("COVET_T_URL=") + db->urlString()}), 0);
        QVERIFY2(out.contains(wayOut), qPrintable(out + err));
        QVERIFY2(out.contains(engine.partial->describe()), qPrintable(out));
        for (const PartialStep &step : engine.partialSteps)
            QVERIFY2(out.contains(step.describe()), qPrintable(out));

        MigrationsView view;
        QVERIFY(shown(view));
        view.setTarget(test::studioTarget(db->url(), project));
        QVERIFY2(waitIdle(view), qPrintable(view.errorText()));
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        const int row = view.model()->rowOf(kPartial);
        QCOMPARE(row, 1);
        QCOMPARE(view.model()->stateAt(row)->state, State::Partial);
        QCOMPARE(view.model()->index(row, MigrationListModel::StateColumn).data().toString(), QStringLiteral("part-way"));
        // Not recorded as applied: no when, no duration.
        QVERIFY(view.model()->index(row, MigrationListModel::AppliedAtColumn).data().toString().isEmpty());
        QVERIFY(view.model()->index(row, MigrationListModel::DurationColumn).data().toString().isEmpty());
        const QString tip = view.model()->index(row, MigrationListModel::IdColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(engine.partial->describe()) && tip.contains(wayOut), qPrintable(tip));
        for (const PartialStep &step : engine.partialSteps)
            QVERIFY2(tip.contains(step.describe()), qPrintable(tip));

        // Every run without resume is refused by the engine: disabled, saying why.
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY2(view.applyButton()->toolTip().contains(wayOut), qPrintable(view.applyButton()->toolTip()));
        QVERIFY(!view.dryRunButton()->isEnabled());
        QVERIFY(view.selectMigration(kNext));
        QVERIFY(!view.stateNote()->isVisible());
        QVERIFY(!view.applyToHereButton()->isEnabled());
        QVERIFY2(view.applyToHereButton()->toolTip().contains(wayOut), qPrintable(view.applyToHereButton()->toolTip()));

        // The note over the SQL: in effect step by step, and the way out in the CLI's words.
        QVERIFY(view.selectMigration(kPartial));
        MigrationStateNote *note = view.stateNote();
        QVERIFY(note->isVisible());
        const QString text = note->label()->text();
        QVERIFY2(text.contains(engine.partial->describe().toHtmlEscaped()), qPrintable(text));
        QVERIFY2(text.contains(wayOut.toHtmlEscaped()), qPrintable(text));
        for (const PartialStep &step : engine.partialSteps)
            QVERIFY2(text.contains(step.describe().toHtmlEscaped()), qPrintable(text));
        QVERIFY(note->migrateResumeButton()->isVisible() && note->migrateResumeButton()->isEnabled());
        QVERIFY(note->rollbackResumeButton()->isVisible() && note->rollbackResumeButton()->isEnabled());

        // A file that no longer matches the recorded run: the engine refuses both ways out, and so do the buttons.
        writeMigration(migrations, kPartial + QStringLiteral(".yaml"), kReshape + kExtraStep);
        {
            QSignalSpy listed(&view, &MigrationsView::listShown);
            view.refresh();
            QVERIFY(listed.wait(60000) && waitIdle(view));
        }
        QVERIFY(view.selectMigration(kPartial));
        QVERIFY(note->isVisible());
        QVERIFY(!note->migrateResumeButton()->isEnabled() && !note->rollbackResumeButton()->isEnabled());
        QVERIFY2(note->migrateResumeButton()->toolTip().contains(QStringLiteral("restore the file as it was run")), qPrintable(note->migrateResumeButton()->toolTip()));
        QVERIFY2(note->rollbackResumeButton()->toolTip().contains(QStringLiteral("restore the file as it was run")), qPrintable(note->rollbackResumeButton()->toolTip()));
        writeMigration(migrations, kPartial + QStringLiteral(".yaml"), kReshape);
        {
            QSignalSpy listed(&view, &MigrationsView::listShown);
            view.refresh();
            QVERIFY(listed.wait(60000) && waitIdle(view));
        }
        QVERIFY(view.selectMigration(kPartial));
        QVERIFY(note->migrateResumeButton()->isEnabled() && note->rollbackResumeButton()->isEnabled());

        // Undo: what is in effect is taken back; the data of the dropped column with it.
        QVERIFY2(clickAndRun(view, note->rollbackResumeButton()), qPrintable(view.errorText()));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(kPartial))->state, State::Pending);
        QCOMPARE(columns(conn), (QStringList{QStringLiteral("id"), QStringLiteral("legacy")}));
        QCOMPARE(test::scalarText(conn, QStringLiteral("SELECT GROUP_CONCAT(legacy ORDER BY id) FROM customers")),
                 QStringLiteral("one,two,three"));
        QVERIFY(view.applyButton()->isEnabled());
        QVERIFY(view.selectMigration(kPartial));
        QVERIFY(!view.stateNote()->isVisible());

        // Part-way again; Finish runs the step not in effect and stops there (0003 stays pending).
        interrupt(conn, migrations);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy listed(&view, &MigrationsView::listShown);
        view.refresh();
        QVERIFY(listed.wait(60000) && waitIdle(view));
        QVERIFY(view.selectMigration(kPartial));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(kPartial))->state, State::Partial);
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY2(clickAndRun(view, note->migrateResumeButton()), qPrintable(view.errorText()));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(kPartial))->state, State::Applied);
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(kNext))->state, State::Pending);
        QCOMPARE(columns(conn), (QStringList{QStringLiteral("id"), QStringLiteral("note"), QStringLiteral("memo")}));
        QVERIFY(view.applyButton()->isEnabled());
        QVERIFY(!note->isVisible());
    }

    void runningStepIsUncertainAndEachWayOutReachesTheRightSchema()
    {
        COVET_REQUIRE_SERVER(server, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, server);
        Connection &conn = db->connection();
        const QString project = m_tmp.filePath(QStringLiteral("running"));
        const QString migrations = mariaDbProject(*db, project);
        writeMigration(migrations, QStringLiteral("0001_init.yaml"), kInitTwoTables);
        writeMigration(migrations, QStringLiteral("0002_spread.yaml"), kSpread);
        COVET_VERIFY_OK(test::migrateDirectory(conn, migrations, QStringLiteral("0001_init")));
        COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO customers (id, legacy) VALUES (1, 'one'), (2, 'two')"));
        COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO orders (id) VALUES (10), (20)"));
        const QStringList before{QStringLiteral("id"), QStringLiteral("legacy")};
        const QStringList after{QStringLiteral("id"), QStringLiteral("legacy"), QStringLiteral("note"), QStringLiteral("memo")};
        const QString spread = QStringLiteral("0002_spread");

        MigrationsView view;
        QVERIFY(shown(view));
        view.setTarget(test::studioTarget(db->url(), project));
        QVERIFY2(waitIdle(view), qPrintable(view.errorText()));
        MigrationStateNote *note = view.stateNote();

        // Lists again and checks what the view shows of the part-way state:
        // step 1 in effect, step 2 uncertain in the engine's words, step 3 not.
        auto shownPartWay = [&](const QString &direction) {
            QSignalSpy listed(&view, &MigrationsView::listShown);
            view.refresh();
            QVERIFY(listed.wait(60000) && waitIdle(view));
            QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
            const MigrationState *s = view.model()->stateAt(view.model()->rowOf(spread));
            QCOMPARE(s->state, State::Partial);
            QCOMPARE(s->partial->direction, direction);
            QVERIFY(!s->partial->runningStep.isEmpty());
            QCOMPARE(s->partialSteps.size(), 3);
            QCOMPARE(s->partialSteps.at(0).effect, PartialStep::Effect::InEffect);
            QCOMPARE(s->partialSteps.at(1).effect, PartialStep::Effect::Uncertain);
            QCOMPARE(s->partialSteps.at(2).effect, PartialStep::Effect::NotInEffect);
            QVERIFY(view.selectMigration(spread));
            QVERIFY(note->isVisible());
            const QString text = note->label()->text();
            QVERIFY2(text.contains(s->partial->describe().toHtmlEscaped()), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("? ") + s->partialSteps.at(1).describe().toHtmlEscaped()), qPrintable(text));
            QVERIFY2(s->partialSteps.at(1).describe().contains(QStringLiteral("running when Covet stopped")), qPrintable(text));
            QVERIFY2(text.contains(PartialResume::wayOut(*s->partial).toHtmlEscaped()), qPrintable(text));
            QVERIFY(note->migrateResumeButton()->isEnabled() && note->rollbackResumeButton()->isEnabled());
            // The SQL under the note is the run's: a part-way rollback's is its rollback SQL
            // (the apply SQL adds the columns, the rollback SQL drops them).
            const bool back = direction == QStringLiteral("rollback");
            QCOMPARE(view.backwardsToggle()->isChecked(), back);
            const QString sql = view.sqlEditor()->text();
            QVERIFY2(sql.contains(back ? QStringLiteral("DROP COLUMN") : QStringLiteral("ADD COLUMN")), qPrintable(sql));
            QVERIFY2(!sql.contains(back ? QStringLiteral("ADD COLUMN") : QStringLiteral("DROP COLUMN")), qPrintable(sql));
            const QString title = view.findChild<QLabel *>(QStringLiteral("selectedMigration"))->text();
            QVERIFY2(title.contains(QStringLiteral("rollback SQL, the run that stopped part-way")) == back, qPrintable(title));
        };

        // 1. `covet migrate` killed at step 2, whose ALTER is then cancelled: Undo takes step 1 back.
        QString error = killWhileStepTwoWaits(conn, db->url(), project, {QStringLiteral("migrate")}, false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(columns(conn, QStringLiteral("orders")), QStringList{QStringLiteral("id")});
        shownPartWay(QStringLiteral("apply"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(note->migrateResumeButton()->text(), QStringLiteral("Finish"));
        QCOMPARE(note->rollbackResumeButton()->text(), QStringLiteral("Undo"));
        QVERIFY2(clickAndRun(view, note->rollbackResumeButton()), qPrintable(view.errorText()));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(spread))->state, State::Pending);
        QCOMPARE(columns(conn), before);
        QCOMPARE(columns(conn, QStringLiteral("orders")), QStringList{QStringLiteral("id")});

        // 2. Killed at step 2 again, the ALTER let through after the kill: whether it took
        //    effect is the engine's to judge from the schema; Finish reaches the whole migration.
        error = killWhileStepTwoWaits(conn, db->url(), project, {QStringLiteral("migrate")}, true);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("the ALTER let through after the kill %s", columns(conn, QStringLiteral("orders")).size() == 2 ? "took effect" : "did not");
        shownPartWay(QStringLiteral("apply"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(clickAndRun(view, note->migrateResumeButton()), qPrintable(view.errorText()));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(spread))->state, State::Applied);
        QCOMPARE(columns(conn), after);
        QCOMPARE(columns(conn, QStringLiteral("orders")), (QStringList{QStringLiteral("id"), QStringLiteral("flag")}));

        // 3. `covet rollback` killed at its step 2 (the drop of orders.flag), cancelled: a part-way
        //    rollback, whose buttons say what they do for one; "Finish rollback" finishes it.
        error = killWhileStepTwoWaits(conn, db->url(), project, {QStringLiteral("rollback"), QStringLiteral("--yes")}, false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        shownPartWay(QStringLiteral("rollback"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(note->rollbackResumeButton()->text(), QStringLiteral("Finish rollback"));
        QCOMPARE(note->migrateResumeButton()->text(), QStringLiteral("Re-apply"));
        QVERIFY2(note->rollbackResumeButton()->toolTip().contains(QStringLiteral("finishes rolling it back")),
                 qPrintable(note->rollbackResumeButton()->toolTip()));
        // Rollback SQL was turned on for it: the person can turn it off (the apply SQL, said
        // so), a refresh keeps their choice, and another migration goes back to the apply SQL.
        view.backwardsToggle()->click();
        QVERIFY2(view.sqlEditor()->text().contains(QStringLiteral("ADD COLUMN")), qPrintable(view.sqlEditor()->text()));
        QVERIFY2(view.findChild<QLabel *>(QStringLiteral("selectedMigration"))->text().contains(QStringLiteral("apply SQL")),
                 qPrintable(view.findChild<QLabel *>(QStringLiteral("selectedMigration"))->text()));
        {
            QSignalSpy listed(&view, &MigrationsView::listShown);
            view.refresh();
            QVERIFY(listed.wait(60000) && waitIdle(view));
        }
        QVERIFY(!view.backwardsToggle()->isChecked());
        view.backwardsToggle()->click();
        QVERIFY(view.selectMigration(QStringLiteral("0001_init")));
        QVERIFY(view.backwardsToggle()->isChecked());   // the person's choice now, kept
        view.backwardsToggle()->click();
        QVERIFY(view.selectMigration(spread));
        QVERIFY(view.backwardsToggle()->isChecked());
        QVERIFY(view.selectMigration(QStringLiteral("0001_init")));
        QVERIFY(!view.backwardsToggle()->isChecked());   // turned on for the part-way rollback only
        QVERIFY(view.selectMigration(spread));
        QVERIFY2(clickAndRun(view, note->rollbackResumeButton()), qPrintable(view.errorText()));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(spread))->state, State::Pending);
        QCOMPARE(columns(conn), before);
        QCOMPARE(columns(conn, QStringLiteral("orders")), QStringList{QStringLiteral("id")});
        // No row of a kept column changed on the way.
        QCOMPARE(test::scalarText(conn, QStringLiteral("SELECT GROUP_CONCAT(legacy ORDER BY id) FROM customers")), QStringLiteral("one,two"));
        QCOMPARE(test::scalarText(conn, QStringLiteral("SELECT GROUP_CONCAT(id ORDER BY id) FROM orders")), QStringLiteral("10,20"));
    }

    void originalsRemovedAfterASquashSayWhatReplacedThem()
    {
        const QString project = m_tmp.filePath(QStringLiteral("squashed"));
        const QString migrations = project + QStringLiteral("/migrations");
        QVERIFY(QDir().mkpath(migrations));
        test::writeFile(project + QStringLiteral("/covet.yaml"), "dialect: sqlite\ndatabase: sqlite:app.db\nmigrations: migrations\n");
        writeMigration(migrations, QStringLiteral("0001_init.yaml"), kInit);
        writeMigration(migrations, kPartial + QStringLiteral(".yaml"), kReshape);
        auto conn = Connection::open(DatabaseUrl::sqliteFile(project + QStringLiteral("/app.db")), QStringLiteral("squash-setup"), true);
        COVET_VERIFY_OK(conn);
        COVET_VERIFY_OK(test::migrateDirectory(**conn, migrations, {}, true));
        const QString checksum = test::scalarText(**conn, QStringLiteral("SELECT checksum FROM _covet_migrations WHERE id = '0001_init'"));
        QVERIFY(!checksum.isEmpty());

        auto config = ProjectConfig::read(project + QStringLiteral("/covet.yaml"));
        COVET_VERIFY_OK(config);
        MigrationsView view;
        QVERIFY(shown(view));
        view.setProject(*config);
        QVERIFY2(waitIdle(view), qPrintable(view.errorText()));

        // Squash… through its dialog: the whole range, previewed, written.
        QVERIFY(view.squashButton()->isEnabled());
        QTest::mouseClick(view.squashButton(), Qt::LeftButton);
        SquashDialog *dialog = view.squashDialog();
        QVERIFY(dialog && QTest::qWaitFor([&]() { return dialog->isLoaded() && !dialog->isBusy(); }, 30000));
        QSignalSpy previewed(dialog, &SquashDialog::previewed);
        QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
        QVERIFY(previewed.wait(60000) && QTest::qWaitFor([&]() { return !dialog->isBusy(); }, 30000));
        QVERIFY2(dialog->plan() && dialog->writeButton()->isEnabled(), qPrintable(dialog->statusText()));
        const QString squashed = dialog->plan()->squashed.id;
        QTest::mouseClick(dialog->writeButton(), Qt::LeftButton);
        QVERIFY2(!dialog->writtenPath().isEmpty(), qPrintable(dialog->statusText()));
        dialog->close();
        QVERIFY(QTest::qWaitFor([&]() { return view.model()->rowOf(squashed) >= 0 && !view.isBusy(); }, 60000));

        // The originals' files go; the history still has their rows.
        QVERIFY(QFile::remove(migrations + QStringLiteral("/0001_init.yaml")));
        QVERIFY(QFile::remove(migrations + QStringLiteral("/") + kPartial + QStringLiteral(".yaml")));
        QSignalSpy listed(&view, &MigrationsView::listShown);
        view.refresh();
        QVERIFY(listed.wait(60000) && waitIdle(view));
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        for (const QString &id : {QStringLiteral("0001_init"), kPartial}) {
            const int row = view.model()->rowOf(id);
            QVERIFY2(row >= 0, qPrintable(id));
            QCOMPARE(view.model()->stateAt(row)->state, State::Applied);
            const QString state = view.model()->index(row, MigrationListModel::StateColumn).data().toString();
            QCOMPARE(state, QStringLiteral("applied (replaced)"));
            const QString tip = view.model()->index(row, MigrationListModel::StateColumn).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QStringLiteral("replaced by %1 (its file was removed after the squash)").arg(squashed)), qPrintable(tip));
        }
        QVERIFY(view.selectMigration(QStringLiteral("0001_init")));
        MigrationStateNote *note = view.stateNote();
        QVERIFY(note->isVisible());
        QVERIFY(!note->migrateResumeButton()->isVisible() && !note->rollbackResumeButton()->isVisible());
        QVERIFY2(!view.findChild<QLabel *>(QStringLiteral("selectedMigration"))->text().contains(QStringLiteral("missing")),
                 qPrintable(view.findChild<QLabel *>(QStringLiteral("selectedMigration"))->text()));
        const QString text = note->label()->text();
        const MigrationState *s = view.model()->stateAt(view.model()->rowOf(QStringLiteral("0001_init")));
        QVERIFY2(text.contains(s->squash.toHtmlEscaped()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("replaced by %1 (its file was removed after the squash)").arg(squashed)), qPrintable(text));
        QVERIFY2(text.contains(checksum), qPrintable(text));
        QVERIFY2(text.contains(MigrationListModel::localTime(s->appliedAt)), qPrintable(text));
        const QString sql = view.sqlEditor()->text();
        QVERIFY2(sql.contains(QStringLiteral("There is no file: its changes are in the SQL of the squashed migration")), qPrintable(sql));
        // The squashed migration itself: its case, no history detail to add.
        QVERIFY(view.selectMigration(squashed));
        QVERIFY(view.stateNote()->isVisible());
        QVERIFY2(!view.stateNote()->label()->text().contains(QStringLiteral("There is no file")),
                 qPrintable(view.stateNote()->label()->text()));
    }
};

QTEST_MAIN(TestMigrationsPartial)
#include "tst_migrationspartial.moc"
