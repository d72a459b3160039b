// covet-test-labels: engine sqlite postgres mysql
// Issue 13.5: `covet migrate --rehearse` applies, rolls back and applies
// again each pending migration, checking the inspected schema after each,
// names the first migration whose down part does not undo its up part with
// the difference, and changes nothing — a rolled-back transaction on
// PostgreSQL and SQLite (with a SQLite table rebuild among the steps), a
// scratch database on MariaDB that is dropped afterwards.
#include "runner/migrationrunner.h"
#include "runner/runverifier.h"
#include "safety/tablechecksum.h"
#include "sources/scratchdatabase.h"
#include "../migrations/migrationtestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::writeMigration;

namespace {

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: customers
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: name, type: varchar(40)}
      primary_key: {columns: [id]}
)";

// Undone by its reverses; on SQLite the type change is a table rebuild.
const QByteArray k0002Good = R"(dependencies: [0001_init]
operations:
  - op: add_column
    table: customers
    column: {name: note, type: text}
  - op: create_index
    table: customers
    index: {name: customers_name, parts: [{column: name}]}
  - op: alter_column
    table: customers
    before: {name: name, type: varchar(40)}
    after: {name: name, type: varchar(80)}
)";

// Its down part forgets the column its up part adds.
const QByteArray k0003Bad = R"(dependencies: [0002_good]
operations:
  - op: run_sql
    forward: ALTER TABLE customers ADD COLUMN flag integer
    reverse: SELECT 1
)";

const QByteArray k0004After = R"(dependencies: [0003_bad]
operations:
  - op: add_column
    table: customers
    column: {name: memo, type: text}
)";

qint64 scratchDatabases(Connection &c)
{
    if (c.dialect() != Dialect::MySQL)
        return 0;
    // This process's only: other suites create theirs meanwhile.
    const QString own = ScratchDatabase::ownPrefix().replace(u'_', QStringLiteral("\\_"));
    return scalar(c, QStringLiteral("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '%1%'").arg(own));
}

} // namespace

class TestRehearsal : public QObject
{
    Q_OBJECT

private slots:
    void namesTheBrokenDownPart_data() { test::addDialectRows(); }
    void namesTheBrokenDownPart()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), k0001);
        writeMigration(dir.path(), QStringLiteral("0002_good.yaml"), k0002Good);
        writeMigration(dir.path(), QStringLiteral("0003_bad.yaml"), k0003Bad);
        writeMigration(dir.path(), QStringLiteral("0004_after.yaml"), k0004After);
        {
            auto r = test::migrateDirectory(conn, dir.path(), QStringLiteral("0001_init"));
            COVET_VERIFY_OK(r);
        }
        COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO customers (id, name) VALUES (1, 'a'), (2, 'b'), (3, NULL)"));
        const Schema before = test::inspectSchema(conn);
        const qint64 scratchBefore = scratchDatabases(conn);
        SqlExecutor sql(conn.database(), d);
        const auto rowsBefore = TableChecksum::of(sql, {}, QStringLiteral("customers"), {QStringLiteral("id"), QStringLiteral("name")});
        COVET_VERIFY_OK(rowsBefore);

        const MigrationRepository repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.rehearse(RunOptions{});
        COVET_VERIFY_OK(r);
        QVERIFY2(!r->ok(), qPrintable(r->toText()));
        QCOMPARE(r->migrations.size(), 2);
        QCOMPARE(r->migrations.at(0).id, QStringLiteral("0002_good"));
        QVERIFY2(r->migrations.at(0).ok(), qPrintable(r->toText()));
        const RehearsedMigration *f = r->firstFailure();
        QVERIFY(f);
        QCOMPARE(f->id, QStringLiteral("0003_bad"));
        QCOMPARE(f->failedPhase, QStringLiteral("rollback"));
        QVERIFY2(f->differences.join(u'\n').contains(QStringLiteral("flag")), qPrintable(r->toText()));
        QCOMPARE(r->notYet, QStringList{QStringLiteral("0004_after")});
        QVERIFY2(r->toText().contains(QStringLiteral("0003_bad: its down part does not restore what its up part changed")), qPrintable(r->toText()));
        QCOMPARE(r->onScratch, d == Dialect::MySQL);
        QVERIFY2(r->where.contains(d == Dialect::MySQL ? QStringLiteral("scratch database covet_dev_") : QStringLiteral("transaction")),
                 qPrintable(r->where));

        // Nothing changed: schema, rows, history; no scratch database left.
        QVERIFY2(RunVerifier::differences(test::inspectSchema(conn), before).isEmpty(),
                 qPrintable(RunVerifier::differences(test::inspectSchema(conn), before).join(u'\n')));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM customers")), 3);
        const auto rowsAfter = TableChecksum::of(sql, {}, QStringLiteral("customers"), {QStringLiteral("id"), QStringLiteral("name")});
        COVET_VERIFY_OK(rowsAfter);
        QCOMPARE(*rowsAfter, *rowsBefore);   // every value as it was
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 1);
        QCOMPARE(scratchDatabases(conn), scratchBefore);
        if (d == Dialect::SQLite)
            QCOMPARE(scalar(conn, QStringLiteral("PRAGMA foreign_keys")), 1);   // given back
    }

    void goodHistoryPasses_data() { test::addDialectRows(); }
    void goodHistoryPasses()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), k0001);
        writeMigration(dir.path(), QStringLiteral("0002_good.yaml"), k0002Good);
        const MigrationRepository repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.rehearse(RunOptions{});
        COVET_VERIFY_OK(r);
        QVERIFY2(r->ok(), qPrintable(r->toText()));
        QCOMPARE(r->migrations.size(), 2);
        QVERIFY(test::inspectSchema(conn).tables.isEmpty() || !test::inspectSchema(conn).table(QStringLiteral("customers")));
        // And then it really applies.
        auto applied = test::migrateDirectory(conn, dir.path());
        COVET_VERIFY_OK(applied);
        QCOMPARE(applied->done.size(), 2);
    }

    // Rehearsing a rollback: roll back → apply again → roll back again. The
    // rollback of 0003_bad leaves its column behind, so applying it again
    // fails: named, with the phase; 0002_good is not reached; nothing changes.
    void rollbackRehearsalNamesTheBrokenOne_data() { test::addDialectRows(); }
    void rollbackRehearsalNamesTheBrokenOne()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), k0001);
        writeMigration(dir.path(), QStringLiteral("0002_good.yaml"), k0002Good);
        writeMigration(dir.path(), QStringLiteral("0003_bad.yaml"), k0003Bad);
        {
            auto r = test::migrateDirectory(conn, dir.path());
            COVET_VERIFY_OK(r);
        }
        COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO customers (id, name) VALUES (1, 'a'), (2, 'b')"));
        const Schema before = test::inspectSchema(conn);
        const qint64 scratchBefore = scratchDatabases(conn);
        const MigrationRepository repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);

        RunOptions all;
        all.target = QStringLiteral("0001_init");
        auto r = runner.rehearse(all, false);
        COVET_VERIFY_OK(r);
        QVERIFY(r->rollback);
        QVERIFY2(!r->ok(), qPrintable(r->toText()));
        const RehearsedMigration *f = r->firstFailure();
        QVERIFY(f);
        QCOMPARE(f->id, QStringLiteral("0003_bad"));
        QCOMPARE(f->failedPhase, QStringLiteral("re-apply"));
        QVERIFY2(!f->error.isEmpty(), qPrintable(r->toText()));
        QCOMPARE(r->notYet, QStringList{QStringLiteral("0002_good")});
        QVERIFY2(r->toText().contains(QStringLiteral("0003_bad: applied again after its rollback, it does not give back the schema it had")),
                 qPrintable(r->toText()));
        QCOMPARE(r->onScratch, d == Dialect::MySQL);

        QVERIFY2(RunVerifier::differences(test::inspectSchema(conn), before).isEmpty(),
                 qPrintable(RunVerifier::differences(test::inspectSchema(conn), before).join(u'\n')));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM customers")), 2);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
        QCOMPARE(scratchDatabases(conn), scratchBefore);
    }

    void rollbackRehearsalOfAGoodHistoryPasses_data() { test::addDialectRows(); }
    void rollbackRehearsalOfAGoodHistoryPasses()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), k0001);
        writeMigration(dir.path(), QStringLiteral("0002_good.yaml"), k0002Good);
        {
            auto r = test::migrateDirectory(conn, dir.path());
            COVET_VERIFY_OK(r);
        }
        COVET_EXEC_OK(conn, QStringLiteral("INSERT INTO customers (id, name) VALUES (1, 'a')"));
        const Schema before = test::inspectSchema(conn);
        const MigrationRepository repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        RunOptions two;
        two.steps = 2;
        auto r = runner.rehearse(two, false);
        COVET_VERIFY_OK(r);
        QVERIFY2(r->ok(), qPrintable(r->toText()));
        QCOMPARE(r->migrations.size(), 2);
        QCOMPARE(r->migrations.at(0).id, QStringLiteral("0002_good"));
        QVERIFY2(r->toText().contains(QStringLiteral("Every migration rolls back and applies again")), qPrintable(r->toText()));
        QVERIFY(RunVerifier::differences(test::inspectSchema(conn), before).isEmpty());
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM customers")), 1);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
    }

    // An irreversible migration cannot be rehearsed: said, not hidden.
    void irreversibleIsNamed()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        Connection &conn = db->connection();
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_init.yaml"), k0001);
        writeMigration(dir.path(), QStringLiteral("0002_raw.yaml"), R"(dependencies: [0001_init]
operations:
  - op: run_sql
    forward: CREATE TABLE t2 (id integer)
)");
        const MigrationRepository repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.rehearse(RunOptions{});
        COVET_VERIFY_OK(r);
        QVERIFY(!r->ok());
        QCOMPARE(r->notYet, QStringList{QStringLiteral("0002_raw")});
        QVERIFY2(r->notes.join(u' ').contains(QStringLiteral("0002_raw cannot be rolled back")), qPrintable(r->toText()));
    }
};

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
