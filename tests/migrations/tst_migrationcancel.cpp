// covet-test-labels: engine sqlite postgres mysql
// Cancel inside a migration: the cancel flag set while the 2nd operation of
// a migration starts rolls that migration back (MySQL: undoes its done
// operations), it stays pending, and the error names what was applied.
#include "audit/auditrecorder.h"
#include "migrations/migrationhistory.h"
#include "runner/migrationrunner.h"
#include "migrationtestsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace covet;
using test::scalar;

namespace {

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: crates
      columns:
        - {name: id, type: bigint, nullable: false}
      primary_key: {columns: [id]}
)";
const QByteArray k0002 = R"(dependencies: [0001_crates]
operations:
  - op: create_table
    definition:
      name: lids
      columns:
        - {name: id, type: bigint, nullable: false}
      primary_key: {columns: [id]}
  - op: add_column
    table: crates
    column: {name: colour, type: varchar(20)}
  - op: create_index
    table: crates
    index: {name: idx_crates_colour, parts: [{column: colour}]}
)";

} // namespace

class TestMigrationCancel : public QObject
{
    Q_OBJECT

private slots:
    void cancelBetweenOperations_data() { test::addDialectRows(); }
    void cancelBetweenOperations();
};

void TestMigrationCancel::cancelBetweenOperations()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, test::serverFor(d));
    Connection &conn = db->connection();
    SqlExecutor sql(conn.database(), d);
    QTemporaryDir dir;
    test::writeFile(dir.path() + QStringLiteral("/0001_crates.yaml"), k0001);
    test::writeFile(dir.path() + QStringLiteral("/0002_lids.yaml"), k0002);
    auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(conn, repo);

    std::atomic_bool cancel{false};
    QStringList started;
    ProgressSink sink;
    sink.cancel = &cancel;
    sink.step = [&](const QString &unit, int index, int, const QString &) {
        started << QStringLiteral("%1#%2").arg(unit).arg(index);
        if (unit == QStringLiteral("0002_lids") && index == 1)
            cancel = true;
    };
    RunOptions o;
    o.progress = &sink;

    // Forwards: 0001 applied, 0002 cancelled as its 2nd operation starts.
    {
        auto r = runner.migrate(o);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Cancelled);
        const QString msg = r.error().message();
        QVERIFY2(msg.contains(QStringLiteral("cancelled during 0002_lids, before operation 2 of 3")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("still pending")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("Applied in this run (they stay applied): 0001_crates.")), qPrintable(msg));
        QCOMPARE(started.last(), QStringLiteral("0002_lids#1"));   // the 2nd operation never ran
        QCOMPARE(*MigrationHistory::tableExists(sql, QStringLiteral("lids")), false);
        QVERIFY(!sql.exec(QStringLiteral("SELECT colour FROM crates WHERE 1 = 0")));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 1);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations WHERE id = '0001_crates'")), 1);
        QCOMPARE(*AuditRecorder::count(sql, QStringLiteral("0002_lids"), QStringLiteral("cancelled")), 1);
        COVET_VERIFY_OK(AuditRecorder::verifyChain(sql));
        auto st = runner.status();
        COVET_VERIFY_OK(st);
        QCOMPARE(st->at(1).state, MigrationState::State::Pending);
    }

    // Without the cancel it applies.
    const Schema withOne = test::inspectSchema(conn);
    cancel = false;
    started.clear();
    {
        RunOptions plain;
        auto r = runner.migrate(plain);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->done, QStringList{QStringLiteral("0002_lids")});
    }

    // Backwards: cancelled as the 2nd undo starts; 0002 stays applied.
    const Schema withTwo = test::inspectSchema(conn);
    {
        sink.step = [&](const QString &unit, int index, int, const QString &) {
            if (unit == QStringLiteral("0002_lids") && index == 1)
                cancel = true;
        };
        RunOptions back = o;
        back.steps = 1;
        auto r = runner.rollback(back);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Cancelled);
        QVERIFY2(r.error().message().contains(QStringLiteral("still applied")), qPrintable(r.error().message()));
        QVERIFY(test::inspectSchema(conn) == withTwo);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
    }
    cancel = false;
    {
        RunOptions back;
        back.steps = 1;
        auto r = runner.rollback(back);
        COVET_VERIFY_OK(r);
        QVERIFY(test::inspectSchema(conn) == withOne);
    }
}

QTEST_GUILESS_MAIN(TestMigrationCancel)
#include "tst_migrationcancel.moc"
