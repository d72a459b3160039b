// covet-test-labels: gui sqlite postgres mysql
// Issue 14: the rollback desk driven through its real widgets on real
// databases — a data-losing rollback takes a backup that a restore puts
// back after migrating again; Cancel leaves a consistent state; protected
// environments want their name typed; MySQL/MariaDB dry runs print only;
// the Risk tab shows the engine's counts; the Backups view verifies,
// restores and drops.
#include "demofixture.h"
#include "studiotargetfixture.h"
#include "app/studiostyle.h"
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/restoredialog.h"
#include "models/backuplistmodel.h"
#include "models/migrationlistmodel.h"
#include "models/riskreportmodel.h"
#include "views/backupsview.h"
#include "views/dryrunpane.h"
#include "views/migrationrunpanel.h"
#include "views/migrationsview.h"
#include "views/riskpanel.h"
#include "views/rollbackdesk.h"
#include "../migrations/migrationtestsupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

using namespace covet;
using test::scalar;
using test::writeMigration;

namespace {

constexpr int kRows = 300;

const QByteArray kInit = R"(operations:
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: name, type: varchar(40)}
      primary_key: {columns: [id]}
)";

QByteArray addColumn(const char *previous, const char *column)
{
    return QByteArray("dependencies: [") + previous + "]\noperations:\n  - op: add_column\n    table: customers\n    column: {name: " + column
           + ", type: varchar(40)}\n";
}

// A project over `url`: 0001 creates customers, 0002 adds legacy (then
// filled), 0003 and 0004 add more columns; environment prod asks for confirmation.
QString writeProject(const QTemporaryDir &tmp, const QString &name, const DatabaseUrl &url)
{
    const QString dir = tmp.filePath(name);
    QDir().mkpath(dir + QStringLiteral("/migrations"));
    test::writeFile(dir + QStringLiteral("/covet.yaml"),
                    QStringLiteral("dialect: %1\ndatabase: %2\nmigrations: migrations\nenvironments:\n  prod:\n    database: %2\n    confirm: true\n")
                        .arg(dialectName(url.dialect()), url.toString())
                        .toUtf8());
    writeMigration(dir + QStringLiteral("/migrations"), QStringLiteral("0001_init.yaml"), kInit);
    writeMigration(dir + QStringLiteral("/migrations"), QStringLiteral("0002_legacy.yaml"), addColumn("0001_init", "legacy"));
    writeMigration(dir + QStringLiteral("/migrations"), QStringLiteral("0003_memo.yaml"), addColumn("0002_legacy", "memo"));
    writeMigration(dir + QStringLiteral("/migrations"), QStringLiteral("0004_note.yaml"), addColumn("0003_memo", "note"));
    return dir;
}

void fill(Connection &c)
{
    QStringList rows;
    for (int k = 1; k <= kRows; ++k)
        rows << QStringLiteral("(%1, 'n%1', 'legacy-%1', 'memo-%1')").arg(k);
    SqlExecutor sql(c.database(), c.dialect());
    auto r = sql.exec(QStringLiteral("INSERT INTO customers (id, name, legacy, memo) VALUES ") + rows.join(u','));
    QVERIFY2(r.has_value(), qPrintable(test::errorText(r)));
}

bool hasColumn(Connection &c, const QString &column)
{
    const Schema s = test::inspectSchema(c);
    for (const Table &t : s.tables)
        if (t.name == u"customers")
            for (const Column &col : t.columns)
                if (col.name == column)
                    return true;
    return false;
}

QStringList applied(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT id FROM _covet_migrations ORDER BY id"));
    QStringList out;
    if (rows)
        for (const QVariantList &r : *rows)
            out << r.value(0).toString();
    return out;
}

bool waitListed(RollbackDesk &desk)
{
    return QTest::qWaitFor([&]() { return desk.hasListing() && !desk.isBusy(); }, 60000);
}

// Chooses the target with `choose`, walks through risk, backup and dry run
// to the execute step, clicks Roll Back and returns the confirmation dialog.
template <typename Choose>
ConfirmEnvironmentDialog *walkToConfirmation(RollbackDesk &desk, Choose choose)
{
    QSignalSpy assessed(&desk, &RollbackDesk::assessed);
    if (!choose() || !(assessed.wait(60000) || assessed.count() == 1))
        return nullptr;
    QSignalSpy dry(&desk, &RollbackDesk::dryRunFinished);
    if (!desk.next() || !desk.next() || !(dry.wait(60000) || dry.count() == 1) || !desk.next())
        return nullptr;
    if (!QTest::qWaitFor([&]() { return !desk.isBusy(); }, 60000))   // the rehearsal
        return nullptr;
    QTest::mouseClick(desk.rollBackButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&]() { return desk.confirmDialog() != nullptr; }, 5000))
        return nullptr;
    return desk.confirmDialog();
}

// Waits for the restore preview, clicks Restore and waits until it is done.
bool restoreWithTheDialog(RestoreDialog *restore)
{
    if (!restore || !QTest::qWaitFor([&]() { return restore->restoreButton()->isEnabled(); }, 60000))
        return false;
    QSignalSpy restored(restore, &RestoreDialog::finishedRestore);
    QTest::mouseClick(restore->restoreButton(), Qt::LeftButton);
    return (restored.wait(60000) || restored.count() == 1) && restored.first().first().toBool();
}

} // namespace

class TestRollbackDesk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_count = 0;

    // A scratch database with the project applied through 0004 and filled.
    struct Setup
    {
        std::unique_ptr<test::ScratchDatabase> db;
        QString project;
    };

    void prepare(Dialect d, Setup &out)
    {
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        out.project = writeProject(m_tmp, QStringLiteral("p%1").arg(++m_count), db->url());
        auto migrated = test::migrateDirectory(db->connection(), out.project + QStringLiteral("/migrations"), QStringLiteral("0003_memo"));
        COVET_VERIFY_OK(migrated);
        fill(db->connection());
        if (QTest::currentTestFailed())
            return;
        out.db = std::move(db);
    }

private slots:
    void rollbackBacksUpAndRestoreBringsValuesBack_data() { test::addDialectRows(); }
    void rollbackBacksUpAndRestoreBringsValuesBack()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        Setup s;
        prepare(d, s);
        if (!s.db)
            return;
        Connection &c = s.db->connection();
        RollbackDesk desk;
        desk.resize(1100, 700);
        desk.setTarget(test::studioTarget(s.db->url(), s.project));
        desk.show();
        QVERIFY(waitListed(desk));
        // Applied migrations only are offered.
        QCOMPARE(desk.model()->count(MigrationState::State::Applied), 3);

        // 1-2: roll back to 0001: 0003 and 0002 are undone; legacy and memo values are lost.
        QSignalSpy assessed(&desk, &RollbackDesk::assessed);
        QVERIFY(desk.rollBackTo(QStringLiteral("0001_init")));
        QCOMPARE(desk.rollbackIds(), (QStringList{QStringLiteral("0003_memo"), QStringLiteral("0002_legacy")}));
        QVERIFY(assessed.wait(60000) || assessed.count() == 1);
        QCOMPARE(desk.currentStep(), RollbackDesk::RiskStep);
        QVERIFY(desk.assessment().has_value());
        // The Risk tab shows the engine's counts.
        const RiskReportModel *risk = desk.riskPanel()->model();
        new QAbstractItemModelTester(desk.riskPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &desk);
        QCOMPARE(risk->findingCount(), int(desk.assessment()->report.findings.size()));
        {
            MigrationRepository repo = MigrationRepository::load(s.project + QStringLiteral("/migrations"));
            MigrationRunner runner(c, repo);
            RunOptions o;
            o.target = QStringLiteral("0001_init");
            auto plan = runner.plan(o, false);
            COVET_VERIFY_OK(plan);
            auto engine = runner.assess(*plan);
            COVET_VERIFY_OK(engine);
            QCOMPARE(risk->report().findings, engine->findings);
            qint64 lost = 0;
            for (const RiskFinding &f : engine->findings)
                if (f.losesData)
                    lost += f.affected;
            QCOMPARE(lost, qint64(2 * kRows));
        }
        bool shown = false;
        for (int r = 0; r < risk->rowCount(); ++r)
            for (int f = 0; f < risk->rowCount(risk->index(r, 0)); ++f)
                shown = shown || risk->index(f, RiskReportModel::StakeColumn, risk->index(r, 0)).data().toString().contains(QStringLiteral("300"));
        QVERIFY2(shown, "the data at stake with its count is shown");
        QVERIFY2(desk.riskPanel()->summaryText().contains(QStringLiteral("legacy")), qPrintable(desk.riskPanel()->summaryText()));

        // 3: the backup is on by default.
        QVERIFY(desk.next());
        QCOMPARE(desk.currentStep(), RollbackDesk::BackupStep);
        QVERIFY(desk.backupToggle()->isChecked());
        QVERIFY2(desk.backupText()->text().contains(QStringLiteral("legacy")), qPrintable(desk.backupText()->text()));

        // 4: the dry run executes in a transaction that is rolled back; nothing changes.
        QSignalSpy dry(&desk, &RollbackDesk::dryRunFinished);
        QVERIFY(desk.next());
        QVERIFY(dry.wait(60000));
        QCOMPARE(dry.first().first().toBool(), true);
        QVERIFY2(desk.dryRunPane()->resultText().contains(d == Dialect::MySQL ? QStringLiteral("not executed") : QStringLiteral("rolled back")),
                 qPrintable(desk.dryRunPane()->resultText()));
        // Below it the rehearsal of the rollback: roll back, apply again,
        // roll back again — it restores the schema; still nothing changes.
        QVERIFY(QTest::qWaitFor([&]() { return desk.rehearsal().has_value(); }, 60000));
        QVERIFY2(desk.rehearsal()->report && desk.rehearsal()->report->ok(),
                 qPrintable(desk.rehearsal()->report ? desk.rehearsal()->report->toText() : desk.rehearsal()->error->toString()));
        QVERIFY(desk.rehearsal()->report->rollback);
        QCOMPARE(desk.rehearsal()->report->migrations.size(), 2);
        QVERIFY(desk.rehearsalLabel()->isVisibleTo(&desk));
        QVERIFY2(desk.rehearsalLabel()->text().contains(QStringLiteral("0003_memo: ok"))
                     && desk.rehearsalLabel()->text().contains(QStringLiteral("0002_legacy: ok")),
                 qPrintable(desk.rehearsalLabel()->text()));
        // Green; amber on MariaDB, where it ran on a scratch database.
        QCOMPARE(desk.rehearsalLabel()->styleSheet(),
                 StudioStyle::bannerStyleSheet(d == Dialect::MySQL ? StudioStyle::Banner::Note : StudioStyle::Banner::Ok));
        QCOMPARE(desk.rehearsal()->report->onScratch, d == Dialect::MySQL);
        QVERIFY(hasColumn(c, QStringLiteral("legacy")));
        QCOMPARE(applied(c).size(), 3);
        // Back and forth keeps what was decided.
        QVERIFY(desk.back());
        QVERIFY(desk.backupToggle()->isChecked());
        QVERIFY(desk.next());
        QCOMPARE(desk.currentStep(), RollbackDesk::DryRunStep);

        // 5: roll back; the data loss wants "yes" typed.
        QVERIFY(desk.next());
        QCOMPARE(desk.currentStep(), RollbackDesk::ExecuteStep);
        QVERIFY(desk.rollBackButton()->isEnabled());
        QTest::mouseClick(desk.rollBackButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&]() { return desk.confirmDialog() != nullptr; }, 5000));
        ConfirmEnvironmentDialog *confirm = desk.confirmDialog();
        QCOMPARE(confirm->word(), QStringLiteral("yes"));
        QVERIFY(!confirm->applyButton()->isEnabled());
        QTest::keyClicks(confirm->nameEdit(), QStringLiteral("yes"));
        QVERIFY(confirm->applyButton()->isEnabled());
        QSignalSpy finished(&desk, &RollbackDesk::runFinished);
        QTest::mouseClick(confirm->applyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(desk.verificationText()));

        // 6: verified, with the backups' ids (one per migration that destroyed data).
        QCOMPARE(desk.currentStep(), RollbackDesk::VerifyStep);
        QCOMPARE(desk.backupIds().size(), 2);
        QVERIFY2(desk.verificationText().contains(QStringLiteral("verified")), qPrintable(desk.verificationText()));
        QVERIFY2(desk.verificationText().contains(QStringLiteral("Backup id(s): %1, %2").arg(desk.backupIds().at(0)).arg(desk.backupIds().at(1))),
                 qPrintable(desk.verificationText()));
        QVERIFY(desk.restoreButton()->isEnabled());
        QVERIFY(!hasColumn(c, QStringLiteral("legacy")));
        QCOMPARE(applied(c), QStringList{QStringLiteral("0001_init")});

        // Migrating again brings the columns back empty; Restore… brings every value back.
        auto again = test::migrateDirectory(c, s.project + QStringLiteral("/migrations"), QStringLiteral("0003_memo"));
        COVET_VERIFY_OK(again);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(legacy) FROM customers")), 0);
        RestoreDialog *restore = desk.restoreBackup();
        QVERIFY2(restoreWithTheDialog(restore), restore ? qPrintable(restore->resultText()) : "no restore dialog");
        QCOMPARE(scalar(c, d == Dialect::MySQL ? QStringLiteral("SELECT COUNT(*) FROM customers WHERE legacy = CONCAT('legacy-', id)")
                                               : QStringLiteral("SELECT COUNT(*) FROM customers WHERE legacy = 'legacy-' || CAST(id AS VARCHAR(10))")),
                 qint64(kRows));
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(memo) FROM customers")), qint64(kRows));
        restore->close();

        // The Backups view lists it, verifies it and drops it.
        BackupsView backups;
        new QAbstractItemModelTester(backups.model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &backups);
        QSignalSpy listed(&backups, &BackupsView::listed);
        backups.setDatabase(s.db->url());
        backups.show();
        QVERIFY(listed.wait(30000) || listed.count() > 0);
        QCOMPARE(backups.model()->rowCount(), 2);
        qint64 rows = 0;
        for (int r = 0; r < 2; ++r) {
            QCOMPARE(backups.model()->backupAt(r)->direction, QStringLiteral("rollback"));
            QCOMPARE(backups.model()->backupAt(r)->status, QStringLiteral("restored"));
            rows += backups.model()->backupAt(r)->rows();
        }
        QCOMPARE(rows, qint64(2 * kRows));
        const BackupRecord *b = backups.model()->backupAt(0);
        // Its size on disk, as the engine read it.
        QVERIFY2(b->bytes() > 0, qPrintable(QString::number(b->bytes())));
        QCOMPARE(backups.model()->index(0, BackupListModel::SizeColumn).data().toString(), QLocale().formattedDataSize(b->bytes()));
        QVERIFY(backups.selectBackup(b->id));
        QSignalSpy done(&backups, &BackupsView::operationFinished);
        QTest::mouseClick(backups.verifyButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(backups.model()->checksumText(b->id), QStringLiteral("verified"));
        done.clear();
        QTest::mouseClick(backups.dropButton(), Qt::LeftButton);
        auto *ask = backups.findChild<QInputDialog *>(QStringLiteral("dropBackupDialog"));
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("yes"));
        ask->accept();
        QVERIFY(done.wait(30000));
        const qint64 dropped = b->id;
        QVERIFY(QTest::qWaitFor([&]() { return !backups.isBusy() && backups.model()->rowOf(dropped) >= 0
                                                && backups.model()->backupAt(backups.model()->rowOf(dropped))->status == u"dropped"; }, 30000));
    }

    // A migration whose down part forgets what its up part did: the desk's
    // rehearsal names it, red, with the statement that failed on re-apply.
    void rehearsalNamesABrokenDownPart()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        const QString project = writeProject(m_tmp, QStringLiteral("p%1").arg(++m_count), db->url());
        writeMigration(project + QStringLiteral("/migrations"), QStringLiteral("0004_note.yaml"), R"(dependencies: [0003_memo]
operations:
  - op: run_sql
    forward: ALTER TABLE customers ADD COLUMN flag integer
    reverse: SELECT 1
)");
        auto migrated = test::migrateDirectory(db->connection(), project + QStringLiteral("/migrations"));
        COVET_VERIFY_OK(migrated);
        const Schema before = test::inspectSchema(db->connection());
        RollbackDesk desk;
        desk.resize(1100, 700);
        desk.setTarget(test::studioTarget(db->url(), project));
        desk.show();
        QVERIFY(waitListed(desk));
        QSignalSpy assessed(&desk, &RollbackDesk::assessed);
        QVERIFY(desk.rollBackSteps(1));
        QVERIFY(assessed.wait(60000) || assessed.count() == 1);
        QSignalSpy rehearsed(&desk, &RollbackDesk::rehearsalFinished);
        QVERIFY(desk.next());
        QVERIFY(desk.next());
        QCOMPARE(desk.currentStep(), RollbackDesk::DryRunStep);
        QVERIFY(rehearsed.wait(60000) || rehearsed.count() == 1);
        QCOMPARE(rehearsed.first().first().toBool(), false);
        const RehearsedMigration *f = desk.rehearsal()->report->firstFailure();
        QVERIFY(f);
        QCOMPARE(f->id, QStringLiteral("0004_note"));
        QCOMPARE(f->failedPhase, QStringLiteral("re-apply"));
        const QString text = desk.rehearsalLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("0004_note: applied again after the rollback, it does not give back the schema it had")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("flag")), qPrintable(text));
        QCOMPARE(desk.rehearsalLabel()->styleSheet(), StudioStyle::bannerStyleSheet(StudioStyle::Banner::Error));
        QVERIFY(RunVerifier::differences(test::inspectSchema(db->connection()), before).isEmpty());
        QCOMPARE(applied(db->connection()).size(), 4);
    }

    // The demo out of the box: rolling 0002_customer_loyalty back shows the
    // loyalty values at stake and backs them up; after migrating again,
    // Restore… brings every value back.
    void demoRollbackBacksUpAndRestoresTheLoyaltyValues()
    {
        test::DemoProjects demos;
        const QString project = demos.create();
        QVERIFY(!project.isEmpty());
        const DatabaseUrl url = test::DemoProjects::databaseUrl(project);
        auto conn = Connection::open(url, QStringLiteral("demo check"));
        COVET_VERIFY_OK(conn);
        Connection &c = **conn;
        const QString digest = QStringLiteral("SELECT group_concat(id || ':' || loyalty_points || ':' || ifnull(loyalty_tier, '-'), ',') "
                                              "FROM (SELECT * FROM customers ORDER BY id)");
        const QString before = test::scalarText(c, digest);
        QVERIFY2(before.startsWith(QStringLiteral("1:37:bronze,2:74:bronze,3:0:-,")), qPrintable(before.left(40)));
        RollbackDesk desk;
        desk.setTarget(test::studioTarget(url, project));
        desk.show();
        QVERIFY(waitListed(desk));
        ConfirmEnvironmentDialog *confirm = walkToConfirmation(desk, [&]() { return desk.rollBackSteps(1); });
        QVERIFY(confirm);
        QCOMPARE(desk.rollbackIds(), QStringList{QStringLiteral("0002_customer_loyalty")});
        qint64 lost = 0;
        for (const RiskFinding &f : desk.assessment()->report.findings)
            if (f.losesData)
                lost += f.affected;
        QCOMPARE(lost, 500 + 334);   // every point, and the tiers that are set
        QTest::keyClicks(confirm->nameEdit(), QStringLiteral("yes"));
        QSignalSpy finished(&desk, &RollbackDesk::runFinished);
        QTest::mouseClick(confirm->applyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(desk.verificationText()));
        QCOMPARE(desk.backupIds().size(), 1);
        QVERIFY(!hasColumn(c, QStringLiteral("loyalty_points")));

        COVET_VERIFY_OK(test::migrateDirectory(c, project + QStringLiteral("/migrations"), QStringLiteral("0002_customer_loyalty")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(loyalty_tier) FROM customers")), 0);
        RestoreDialog *restore = desk.restoreBackup();
        QVERIFY2(restoreWithTheDialog(restore), restore ? qPrintable(restore->resultText()) : "no restore dialog");
        QCOMPARE(test::scalarText(c, digest), before);
    }

    void cancelLeavesAConsistentState()
    {
        Setup s;
        prepare(Dialect::SQLite, s);
        if (!s.db)
            return;
        Connection &c = s.db->connection();
        RollbackDesk desk;
        desk.setTarget(test::studioTarget(s.db->url(), s.project));
        desk.show();
        QVERIFY(waitListed(desk));
        QVERIFY(walkToConfirmation(desk, [&]() { return desk.rollBackSteps(3); }));
        QSignalSpy finished(&desk, &RollbackDesk::runFinished);
        QTest::keyClicks(desk.confirmDialog()->nameEdit(), QStringLiteral("yes"));
        QTest::mouseClick(desk.confirmDialog()->applyButton(), Qt::LeftButton);
        // Cancel at once: the runner stops before the next operation.
        QVERIFY(desk.isRunning());
        QTest::mouseClick(desk.runPanel()->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QVERIFY(desk.outcome().has_value());
        QVERIFY2(desk.outcome()->cancelled() || desk.outcome()->succeeded(), qPrintable(desk.verificationText()));
        // Whatever stopped where (a loaded machine may finish all three before
        // the click arrives): each migration is either applied with what it
        // made, or rolled back without it, and newer ones went first.
        const QStringList now = applied(c);
        const bool init = now.contains(QStringLiteral("0001_init"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'customers'")), qint64(init ? 1 : 0));
        if (init) {
            QCOMPARE(hasColumn(c, QStringLiteral("legacy")), now.contains(QStringLiteral("0002_legacy")));
            QCOMPARE(hasColumn(c, QStringLiteral("memo")), now.contains(QStringLiteral("0003_memo")));
            QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM customers")), qint64(kRows));
        }
        QVERIFY(init || now.isEmpty());
        QVERIFY(!now.contains(QStringLiteral("0003_memo")) || now.contains(QStringLiteral("0002_legacy")));
        QVERIFY(!desk.outcome()->succeeded() || now.isEmpty());
        QVERIFY(desk.verificationText().contains(desk.outcome()->cancelled() ? QStringLiteral("cancelled") : QStringLiteral("Rolled back")));
    }

    void protectedEnvironmentWantsItsName()
    {
        Setup s;
        prepare(Dialect::SQLite, s);
        if (!s.db)
            return;
        RollbackDesk desk;
        desk.setTarget(test::studioTarget(s.db->url(), s.project, QStringLiteral("prod")));
        desk.show();
        QVERIFY(waitListed(desk));
        QVERIFY(desk.needsConfirmation());
        ConfirmEnvironmentDialog *confirm = walkToConfirmation(desk, [&]() { return desk.rollBackTo(QStringLiteral("0002_legacy")); });
        QVERIFY(confirm);
        QCOMPARE(confirm->word(), QStringLiteral("prod"));
        QTest::keyClicks(confirm->nameEdit(), QStringLiteral("yes"));
        QVERIFY(!confirm->applyButton()->isEnabled());
        QSignalSpy declined(&desk, &RollbackDesk::declineRecorded);
        confirm->reject();
        QVERIFY(QTest::qWaitFor([&]() { return desk.confirmDialog() == nullptr; }, 5000));
        QVERIFY(declined.wait(30000));
        QVERIFY(!desk.isRunning());
        QCOMPARE(applied(s.db->connection()).size(), 3);
        QVERIFY(desk.runPanel()->logText().contains(QStringLiteral("not confirmed")));
        // Declining is audited: one refused row per migration the rollback would undo.
        QVERIFY(test::scalar(s.db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'refused' AND "
                                                                "direction = 'rollback' AND error_text LIKE '%not confirmed in Covet Studio%'"))
                >= 1);
    }

    void mysqlDryRunPrintsOnly()
    {
        Setup s;
        prepare(Dialect::MySQL, s);
        if (!s.db)
            return;
        RollbackDesk desk;
        desk.setTarget(test::studioTarget(s.db->url(), s.project));
        desk.show();
        QVERIFY(waitListed(desk));
        QSignalSpy assessed(&desk, &RollbackDesk::assessed);
        QVERIFY(desk.rollBackTo(QStringLiteral("0002_legacy")));
        QVERIFY(assessed.wait(60000) || assessed.count() == 1);
        QSignalSpy dry(&desk, &RollbackDesk::dryRunFinished);
        QVERIFY(desk.next());
        QVERIFY(desk.next());
        QVERIFY(dry.wait(60000));
        const QString text = desk.dryRunPane()->resultText();
        QVERIFY2(text.contains(QStringLiteral("MySQL/MariaDB")) && text.contains(QStringLiteral("not executed")), qPrintable(text));
        QCOMPARE(desk.dryRunPane()->banner()->styleSheet(), StudioStyle::bannerStyleSheet(StudioStyle::Banner::Note));
        // The rehearsal runs on a scratch database: amber, and said.
        QVERIFY(QTest::qWaitFor([&]() { return desk.rehearsal().has_value(); }, 60000));
        QVERIFY2(desk.rehearsal()->report, qPrintable(desk.rehearsal()->error ? desk.rehearsal()->error->toString() : QString()));
        QVERIFY2(desk.rehearsal()->report->onScratch, qPrintable(desk.rehearsal()->report->toText()));
        QVERIFY2(desk.rehearsal()->report->ok(), qPrintable(desk.rehearsal()->report->toText()));
        QCOMPARE(desk.rehearsalLabel()->styleSheet(), StudioStyle::bannerStyleSheet(StudioStyle::Banner::Note));
        QVERIFY2(desk.rehearsalLabel()->text().contains(QStringLiteral("scratch database")), qPrintable(desk.rehearsalLabel()->text()));
        QVERIFY(hasColumn(s.db->connection(), QStringLiteral("memo")));
    }

    void migrationsViewShowsPendingRisk()
    {
        Setup s;
        prepare(Dialect::SQLite, s);
        if (!s.db)
            return;
        // A pending migration that drops the filled legacy column.
        writeMigration(s.project + QStringLiteral("/migrations"), QStringLiteral("0005_drop_legacy.yaml"),
                       "dependencies: [0004_note]\noperations:\n  - op: drop_column\n    table: customers\n    column: legacy\n");
        MigrationsView view;
        auto config = ProjectConfig::read(s.project + QStringLiteral("/covet.yaml"));
        COVET_VERIFY_OK(config);
        QSignalSpy listed(&view, &MigrationsView::listShown);
        view.setProject(*config);
        view.setDatabase(s.db->url());
        view.show();
        QVERIFY(QTest::qWaitFor([&]() { return view.hasListing() && !view.isBusy(); }, 60000));
        MigrationListModel *model = view.model();
        const int row = model->rowOf(QStringLiteral("0005_drop_legacy"));
        QVERIFY(row >= 0);
        const QModelIndex badge = model->index(row, MigrationListModel::RiskColumn);
        QVERIFY(badge.data(MigrationListModel::RiskLevelRole).toInt() >= int(RiskLevel::High));
        QVERIFY(!badge.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY2(badge.data(Qt::ToolTipRole).toString().contains(QStringLiteral("legacy")), qPrintable(badge.data(Qt::ToolTipRole).toString()));
        // Applied rows carry no badge; a harmless pending one says so.
        QCOMPARE(model->index(model->rowOf(QStringLiteral("0001_init")), MigrationListModel::RiskColumn).data(MigrationListModel::RiskLevelRole).toInt(), -1);
        // The Risk tab: the selected migration's report, with the engine's count.
        QVERIFY(view.selectMigration(QStringLiteral("0005_drop_legacy")));
        RiskPanel *panel = view.riskPanel();
        new QAbstractItemModelTester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &view);
        QVERIFY(panel->model()->findingCount() > 0);
        const RiskFinding *f = panel->model()->findingAt(panel->tree()->currentIndex());
        QVERIFY(f);
        QCOMPARE(f->rule, QStringLiteral("drop-column"));
        QCOMPARE(f->affected, qint64(kRows));
        QVERIFY(panel->details()->toPlainText().contains(QStringLiteral("300")));
        // All pending: 0004 too.
        panel->allPendingToggle()->setChecked(true);
        QVERIFY(panel->summaryText().contains(QStringLiteral("Every pending migration")));
    }
};

QTEST_MAIN(TestRollbackDesk)
#include "tst_rollbackdesk.moc"
