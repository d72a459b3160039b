// covet-test-labels: engine sqlite postgres mysql
// Issue 11.1 and 11.6: a migration run step by step (MySQL/MariaDB always;
// `transactional: false` elsewhere) that destroys data and then fails is
// undone with the data put back from the backup, verified, and said so
// truthfully; a second interrupt leaves a recorded part-way state that
// status shows and --resume finishes or undoes.
#include "audit/auditrecorder.h"
#include "migrations/partialmigrations.h"
#include "runner/migrationrunner.h"
#include "safety/backupstore.h"
#include "../migrations/migrationtestsupport.h"

#include <QTemporaryDir>
#include <QTest>


using namespace covet;
using test::scalar;
using test::writeMigration;

namespace {

QByteArray initMigration(bool transactional)
{
    return QByteArray(transactional ? "" : "transactional: false\n") + R"(operations:
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: name, type: varchar(40)}
        - {name: legacy, type: varchar(40)}
        - {name: extra, type: integer}
      primary_key: {columns: [id]}
)";
}

// Drops the 5,000 legacy values, then fails.
QByteArray dropThenFail(bool transactional)
{
    return QByteArray(transactional ? "" : "transactional: false\n") + R"(dependencies: [0001_init]
operations:
  - op: drop_column
    table: customers
    column: legacy
  - op: add_column
    table: customers
    column: {name: note, type: text}
  - op: run_sql
    forward: INSERT INTO no_such_table VALUES (1)
    reverse: DELETE FROM no_such_table
)";
}

QByteArray dropOnly(bool transactional)
{
    return QByteArray(transactional ? "" : "transactional: false\n") + R"(dependencies: [0001_init]
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
}

void fill(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    QVERIFY(sql.exec(QStringLiteral("BEGIN")).has_value() || c.dialect() == Dialect::MySQL);
    for (int i = 1; i <= 5000; i += 500) {
        QStringList rows;
        for (int k = i; k < i + 500; ++k)
            rows << QStringLiteral("(%1, 'n%1', 'legacy-%1', %2)").arg(k).arg(k % 7);
        auto r = sql.exec(QStringLiteral("INSERT INTO customers (id, name, legacy, extra) VALUES ") + rows.join(u','));
        QVERIFY2(r.has_value(), qPrintable(test::errorText(r)));
    }
    (void)sql.exec(QStringLiteral("COMMIT"));
}

// The legacy values as one string, in key order, to compare exactly.
QString legacyValues(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT id, legacy FROM customers ORDER BY id"));
    if (!rows)
        return QStringLiteral("error: ") + rows.error().toString();
    QString out;
    for (const QVariantList &r : *rows)
        out += r.value(0).toString() + u'=' + r.value(1).toString() + u';';
    return out;
}

QStringList columnOrder(Connection &c)
{
    QStringList out;
    for (const Table &t : test::inspectSchema(c).tables)
        if (t.name == u"customers")
            for (const Column &col : t.columns)
                out << col.name;
    return out;
}

} // namespace

// Each test's start: a scratch database of the row's dialect, a project
// directory, and 0001_init (non-transactional but on MySQL, which is
// step by step anyway).
#define COVET_STEPWISE_PROJECT()                                                       \
    QFETCH(int, dialect);                                                              \
    const Dialect d = Dialect(dialect);                                                \
    COVET_REQUIRE_DIALECT(d);                                                          \
    QString error;                                                                     \
    auto db = test::ScratchDatabase::create(d, test::serverFor(d), &error);            \
    QVERIFY2(db, qPrintable(error));                                                   \
    Connection &conn = db->connection();                                               \
    QTemporaryDir dir;                                                                 \
    const bool transactional = d == Dialect::MySQL;                                    \
    writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), initMigration(transactional))

class TestStepwiseUndo : public QObject
{
    Q_OBJECT

private slots:
    void undoRestoresDestroyedData_data();
    void undoRestoresDestroyedData();
    void backupsOffNeedsAcceptRisk_data();
    void backupsOffNeedsAcceptRisk();
    void secondInterruptLeavesRecordedState_data();
    void secondInterruptLeavesRecordedState();
    void rawStepAdviceLeadsOut_data();
    void rawStepAdviceLeadsOut();
};

namespace {

void stepwiseRows()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("mysql") << int(Dialect::MySQL);
    QTest::newRow("sqlite non-transactional") << int(Dialect::SQLite);
    QTest::newRow("postgresql non-transactional") << int(Dialect::PostgreSQL);
}

} // namespace

void TestStepwiseUndo::undoRestoresDestroyedData_data()
{
    stepwiseRows();
}

void TestStepwiseUndo::undoRestoresDestroyedData()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    QString error;
    auto db = test::ScratchDatabase::create(d, test::serverFor(d), &error);
    QVERIFY2(db, qPrintable(error));
    Connection &conn = db->connection();
    QTemporaryDir dir;
    const bool transactional = d == Dialect::MySQL;   // MySQL runs step by step anyway
    writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), initMigration(transactional));
    writeMigration(dir.path(), QStringLiteral("0002_drop_legacy.yaml"), dropThenFail(transactional));
    auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(conn, repo);
    RunOptions first;
    first.target = QStringLiteral("0001_init");
    COVET_VERIFY_OK(runner.migrate(first));
    fill(conn);
    const QString before = legacyValues(conn);
    const QStringList order = columnOrder(conn);
    QCOMPARE(order, (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("legacy"), QStringLiteral("extra")}));

    // Without the confirmation the plan is refused, naming what it destroys.
    {
        auto r = runner.migrate(RunOptions{});
        QVERIFY(!r);
        QVERIFY2(r.error().message().contains(QStringLiteral("5,000")), qPrintable(r.error().message()));
        QVERIFY(r.error().message().contains(QStringLiteral("customers.legacy")));
        QCOMPARE(legacyValues(conn), before);
    }
    RunOptions o;
    o.confirmDataLoss = true;
    auto r = runner.migrate(o);
    QVERIFY(!r);
    const QString msg = r.error().message();
    // The data came back, verified; and the message says exactly that.
    QCOMPARE(legacyValues(conn), before);
    // MySQL/MariaDB put the column back where it was (ADD COLUMN … AFTER);
    // PostgreSQL and SQLite can only add it at the end.
    if (d == Dialect::MySQL)
        QCOMPARE(columnOrder(conn), order);
    QVERIFY2(msg.contains(QStringLiteral("put back the data")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("checksum matches")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("Verified: the schema is as it was before")), qPrintable(msg));
    QVERIFY2(!msg.contains(QStringLiteral("PART-WAY")), qPrintable(msg));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 1);
    // Nothing part-way is left on record, and the audit row says the same.
    SqlExecutor sql(conn.database(), d);
    auto partial = PartialMigrations::load(sql);
    COVET_VERIFY_OK(partial);
    QVERIFY(partial->isEmpty());
    auto audit = sql.rows(QStringLiteral("SELECT error_text FROM _covet_migration_audit WHERE status = 'failure'"));
    COVET_VERIFY_OK(audit);
    QCOMPARE(audit->size(), 1);
    QVERIFY(audit->first().value(0).toString().contains(QStringLiteral("Verified: the schema is as it was before")));
    // The backup stays, intact.
    BackupStore store(sql, runner.capabilities());
    auto backups = store.list();
    COVET_VERIFY_OK(backups);
    QCOMPARE(backups->size(), 1);
    QCOMPARE(backups->first().rows(), 5000);
    auto check = store.verify(backups->first().id);
    COVET_VERIFY_OK(check);
    QVERIFY(check->ok());
}

void TestStepwiseUndo::backupsOffNeedsAcceptRisk_data()
{
    stepwiseRows();
}

void TestStepwiseUndo::backupsOffNeedsAcceptRisk()
{
    COVET_STEPWISE_PROJECT();
    writeMigration(dir.path(), QStringLiteral("0002_drop_legacy.yaml"), dropThenFail(transactional));
    auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(conn, repo);
    RunOptions first;
    first.target = QStringLiteral("0001_init");
    COVET_VERIFY_OK(runner.migrate(first));
    fill(conn);
    const QString before = legacyValues(conn);
    RunOptions o;
    o.confirmDataLoss = true;
    o.settings.backupBeforeDataLoss = false;
    auto refused = runner.migrate(o);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(QStringLiteral("--accept-risk")), qPrintable(refused.error().message()));
    QCOMPARE(legacyValues(conn), before);
    // Accepted: the undo cannot put the values back, and says so.
    o.acceptRisk = true;
    auto r = runner.migrate(o);
    QVERIFY(!r);
    const QString msg = r.error().message();
    QVERIFY2(msg.contains(QStringLiteral("NOT RESTORED")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("5,000")), qPrintable(msg));
    QVERIFY2(!msg.contains(QStringLiteral("as it was before")), qPrintable(msg));
    QCOMPARE(r.error().category(), Error::Category::Database);
}

void TestStepwiseUndo::secondInterruptLeavesRecordedState_data()
{
    stepwiseRows();
}

void TestStepwiseUndo::secondInterruptLeavesRecordedState()
{
    COVET_STEPWISE_PROJECT();
    writeMigration(dir.path(), QStringLiteral("0002_drop_legacy.yaml"), dropOnly(transactional));
    auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(conn, repo);
    RunOptions first;
    first.target = QStringLiteral("0001_init");
    COVET_VERIFY_OK(runner.migrate(first));
    fill(conn);
    const QString before = legacyValues(conn);

    // Both interrupts arrive once step 2 (the drop) has run: the run stops
    // before step 3 without undoing anything.
    RunOptions o;
    o.confirmDataLoss = true;
    auto r = test::migrateInterruptedAtStep(runner, o, 2);
    QVERIFY(!r);
    QCOMPARE(r.error().category(), Error::Category::Cancelled);
    QVERIFY2(r.error().message().contains(QStringLiteral("_covet_partial_migrations")), qPrintable(r.error().message()));

    // Status shows exactly which steps are in effect.
    auto states = runner.status();
    COVET_VERIFY_OK(states);
    const MigrationState &s = states->last();
    QCOMPARE(s.id, QStringLiteral("0002_drop_legacy"));
    QCOMPARE(s.state, MigrationState::State::Partial);
    QVERIFY(s.partial.has_value());
    QCOMPARE(s.partial->stepCount, 3);
    QCOMPARE(s.partial->stepsDone, 2);
    QVERIFY(!columnOrder(conn).contains(QStringLiteral("legacy")));

    // A plain migrate refuses, naming the two ways out.
    {
        RunOptions plain;
        plain.confirmDataLoss = true;
        auto again = runner.migrate(plain);
        QVERIFY(!again);
        QVERIFY2(again.error().message().contains(QStringLiteral("--resume")), qPrintable(again.error().message()));
    }
    // rollback --resume undoes what is in effect and puts the data back.
    RunOptions undo;
    undo.resume = true;
    undo.confirmDataLoss = true;
    auto undone = runner.rollback(undo);
    COVET_VERIFY_OK(undone);
    QCOMPARE(legacyValues(conn), before);
    states = runner.status();
    COVET_VERIFY_OK(states);
    QCOMPARE(states->last().state, MigrationState::State::Pending);

    // Interrupted again, then finished with migrate --resume.
    auto again = test::migrateInterruptedAtStep(runner, o, 2);
    QVERIFY(!again);
    RunOptions finish;
    finish.resume = true;
    finish.confirmDataLoss = true;
    auto finished = runner.migrate(finish);
    COVET_VERIFY_OK(finished);
    states = runner.status();
    COVET_VERIFY_OK(states);
    QCOMPARE(states->last().state, MigrationState::State::Applied);
    QCOMPARE(columnOrder(conn), (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("extra"), QStringLiteral("note"),
                                             QStringLiteral("memo")}));
}

// A raw SQL step running when Covet stopped: Covet cannot judge it from the
// schema and says how to record what the DBA found. Following that advice
// word for word leads out with --resume (found by a DBA: the old advice,
// "delete the row", left a migration pending whose first step was in
// effect, and the next run failed on it).
void TestStepwiseUndo::rawStepAdviceLeadsOut_data() { stepwiseRows(); }
void TestStepwiseUndo::rawStepAdviceLeadsOut()
{
    COVET_STEPWISE_PROJECT();
    writeMigration(dir.path(), QStringLiteral("0002_raw.yaml"), QByteArray(transactional ? "" : "transactional: false\n") + R"(dependencies: [0001_init]
operations:
  - op: add_column
    table: customers
    column: {name: note, type: text}
  - op: run_sql
    forward: INSERT INTO customers (id, name) VALUES (7, 'seven')
    reverse: DELETE FROM customers WHERE id = 7
  - op: add_column
    table: customers
    column: {name: memo, type: text}
)");
    auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(conn, repo);
    RunOptions first;
    first.target = QStringLiteral("0001_init");
    COVET_VERIFY_OK(runner.migrate(first));
    // Stopped before step 2; then step 2 "ran" (by hand) and Covet was killed
    // before it could record it as done.
    RunOptions o;
    o.confirmDataLoss = true;
    QVERIFY(!test::migrateInterruptedAtStep(runner, o, 1));
    SqlExecutor sql(conn.database(), d);
    COVET_VERIFY_OK(PartialMigrations::stepStarting(sql, QStringLiteral("0002_raw"), QStringLiteral("operation 2 of 3 (run_sql)")));
    COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO customers (id, name) VALUES (7, 'seven')"));
    RunOptions resume;
    resume.resume = true;
    resume.confirmDataLoss = true;
    auto refused = runner.migrate(resume);
    QVERIFY(!refused);
    const QString advice = refused.error().message();
    const QString marker = QStringLiteral("If it took effect, or you finished it: ");
    QVERIFY2(advice.contains(marker) && advice.contains(QStringLiteral("do not delete the row")), qPrintable(advice));
    const qsizetype at = advice.indexOf(marker) + marker.size();
    const QString update = advice.mid(at, advice.indexOf(QStringLiteral(". If it did not"), at) - at);
    QVERIFY2(update.startsWith(QStringLiteral("UPDATE _covet_partial_migrations SET steps_done = 2")), qPrintable(update));
    COVET_EXEC_OK(conn, update);
    // A migration written meanwhile: --resume finishes 0002_raw and nothing more.
    writeMigration(dir.path(), QStringLiteral("0003_more.yaml"), R"(dependencies: [0002_raw]
operations:
  - {op: add_column, table: customers, column: {name: more, type: integer}}
)");
    auto repo2 = MigrationRepository::load(dir.path());
    MigrationRunner runner2(conn, repo2);
    COVET_VERIFY_OK(runner2.migrate(resume));
    auto states = runner2.status();
    COVET_VERIFY_OK(states);
    QCOMPARE(states->size(), 3);
    QCOMPARE(states->at(1).state, MigrationState::State::Applied);
    QCOMPARE(states->at(2).state, MigrationState::State::Pending);
    QCOMPARE(test::scalar(conn, QStringLiteral("SELECT count(*) FROM customers WHERE id = 7")), 1);   // step 2 not run twice
    QVERIFY(columnOrder(conn).contains(QStringLiteral("memo")));
    QVERIFY(!columnOrder(conn).contains(QStringLiteral("more")));
}

QTEST_GUILESS_MAIN(TestStepwiseUndo)
#include "tst_stepwiseundo.moc"
