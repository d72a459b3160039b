// covet-test-labels: gui mysql sqlite
// Issue 19 (and 16): the Migrations view shows the states the list's words
// alone do not explain, as the engine says them, through its real widgets.
//  - A migration a stepwise run left part-way on MariaDB (two interrupts,
//    as a second Ctrl-C): the row says part-way; its tool tip and the note
//    over its SQL say which steps are in effect and which not, and how to
//    finish or undo it in the very words `covet status` prints; every run
//    the engine would refuse is disabled, saying why; Undo and Finish over
//    the SQL take it back and finish it.
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
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

QStringList columns(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND "
                                        "table_name = 'customers' ORDER BY ordinal_position"));
    QStringList out;
    if (rows)
        for (const QVariantList &r : *rows)
            out << r.value(0).toString();
    return out;
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
        const QString migrations = project + QStringLiteral("/migrations");
        QVERIFY(QDir().mkpath(migrations));
        // The URL through the environment: no password in a command line or a transcript.
        qputenv("COVET_T_URL", db->urlString().toUtf8());
        test::writeFile(project + QStringLiteral("/covet.yaml"), "database: ${COVET_T_URL}\nmigrations: migrations\n");
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
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
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
        QVERIFY(note->finishButton()->isVisible() && note->finishButton()->isEnabled());
        QVERIFY(note->undoButton()->isVisible() && note->undoButton()->isEnabled());

        // A file that no longer matches the recorded run: the engine refuses both ways out, and so do the buttons.
        writeMigration(migrations, kPartial + QStringLiteral(".yaml"), kReshape + kExtraStep);
        {
            QSignalSpy listed(&view, &MigrationsView::listShown);
            view.refresh();
            QVERIFY(listed.wait(60000) && waitIdle(view));
        }
        QVERIFY(view.selectMigration(kPartial));
        QVERIFY(note->isVisible());
        QVERIFY(!note->finishButton()->isEnabled() && !note->undoButton()->isEnabled());
        QVERIFY2(note->finishButton()->toolTip().contains(QStringLiteral("restore the file as it was run")), qPrintable(note->finishButton()->toolTip()));
        QVERIFY2(note->undoButton()->toolTip().contains(QStringLiteral("restore the file as it was run")), qPrintable(note->undoButton()->toolTip()));
        writeMigration(migrations, kPartial + QStringLiteral(".yaml"), kReshape);
        {
            QSignalSpy listed(&view, &MigrationsView::listShown);
            view.refresh();
            QVERIFY(listed.wait(60000) && waitIdle(view));
        }
        QVERIFY(view.selectMigration(kPartial));
        QVERIFY(note->finishButton()->isEnabled() && note->undoButton()->isEnabled());

        // Undo: what is in effect is taken back; the data of the dropped column with it.
        QVERIFY2(clickAndRun(view, note->undoButton()), qPrintable(view.errorText()));
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
        QVERIFY2(clickAndRun(view, note->finishButton()), qPrintable(view.errorText()));
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(kPartial))->state, State::Applied);
        QCOMPARE(view.model()->stateAt(view.model()->rowOf(kNext))->state, State::Pending);
        QCOMPARE(columns(conn), (QStringList{QStringLiteral("id"), QStringLiteral("note"), QStringLiteral("memo")}));
        QVERIFY(view.applyButton()->isEnabled());
        QVERIFY(!note->isVisible());
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
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
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
        QVERIFY(!note->finishButton()->isVisible() && !note->undoButton()->isVisible());
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
