// covet-test-labels: engine sqlite postgres mysql
// _covet_migration_conflicts: the runner's commands record the conflicts
// they detect, once per distinct conflict, and resolve them when they go.
#include "audit/conflictrecorder.h"
#include "migrations/migrationhistory.h"
#include "runner/migrationrunner.h"
#include "migrationtestsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::writeMigration;

namespace {

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: shelves
      columns:
        - {name: id, type: bigint, nullable: false}
      primary_key: {columns: [id]}
)";
const QByteArray k0002 = R"(dependencies: [0001_shelves]
operations:
  - op: add_column
    table: shelves
    column: {name: label, type: varchar(40)}
)";
const QByteArray k0003 = R"(dependencies: [0001_shelves]
operations:
  - op: add_column
    table: shelves
    column: {name: width, type: integer}
)";
const QByteArray k0004Merge = "dependencies: [0002_label, 0003_width]\noperations: []\n";

QList<ConflictRow> rows(Connection &c, bool openOnly)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto r = ConflictRecorder::load(sql, openOnly);
    return r ? *r : QList<ConflictRow>();
}

} // namespace

class TestConflictRecorder : public QObject
{
    Q_OBJECT

private slots:
    void recorded_data() { test::addDialectRows(); }
    void recorded();
};

void TestConflictRecorder::recorded()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, test::serverFor(d));
    Connection &conn = db->connection();
    SqlExecutor sql(conn.database(), d);
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_shelves.yaml"), k0001);

    // No conflict: the table is not even created.
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.migrate(RunOptions{});
        COVET_VERIFY_OK(r);
        auto st = runner.status();
        COVET_VERIFY_OK(st);
        QCOMPARE(*MigrationHistory::tableExists(sql, ConflictRecorder::tableName()), false);
    }

    // Divergent leaves: recorded once across two runs (and a status).
    writeMigration(dir.path(), QStringLiteral("0002_label.yaml"), k0002);
    writeMigration(dir.path(), QStringLiteral("0003_width.yaml"), k0003);
    for (int run = 1; run <= 2; ++run) {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        RunOptions o;
        o.settings.environment = QStringLiteral("staging");
        auto r = runner.migrate(o);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Conflict);
        const QList<ConflictRow> all = rows(conn, false);
        QCOMPARE(all.size(), 1);
        const ConflictRow &row = all.first();
        QCOMPARE(row.conflict.kind, QStringLiteral("divergent_leaves"));
        QCOMPARE(row.conflict.migrationIds, (QStringList{QStringLiteral("0002_label"), QStringLiteral("0003_width")}));
        QVERIFY2(row.conflict.detail.contains(QStringLiteral("makemigrations --merge")), qPrintable(row.conflict.detail));
        QCOMPARE(row.seenCount, qint64(run));
        QCOMPARE(row.environment, QStringLiteral("staging"));
        QVERIFY(row.detectedBy.contains(u'@'));
        QVERIFY(row.resolvedAt.isEmpty());
    }
    {
        // A dry run writes nothing; status counts it once more.
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        RunOptions dry;
        dry.dryRun = true;
        QVERIFY(!runner.migrate(dry));
        QCOMPARE(rows(conn, true).first().seenCount, qint64(2));
        auto st = runner.status();   // (COVET_VERIFY_OK evaluates its argument twice)
        COVET_VERIFY_OK(st);
        QCOMPARE(rows(conn, true).first().seenCount, qint64(3));
        // Covet's tables stay out of inspection.
        const Schema schema = test::inspectSchema(conn);
        QVERIFY(schema.table(QStringLiteral("shelves")));
        QVERIFY(!schema.table(ConflictRecorder::tableName()));
        for (const Table &t : schema.tables)
            QVERIFY2(!t.name.startsWith(QStringLiteral("_covet_")), qPrintable(t.name));
    }

    // A merge migration resolves it.
    writeMigration(dir.path(), QStringLiteral("0004_merge.yaml"), k0004Merge);
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.migrate(RunOptions{});
        COVET_VERIFY_OK(r);
        QCOMPARE(r->done.size(), 3);
        QVERIFY(rows(conn, true).isEmpty());
        const QList<ConflictRow> all = rows(conn, false);
        QCOMPARE(all.size(), 1);
        QVERIFY(!all.first().resolvedAt.isEmpty());
        QVERIFY(all.first().resolvedBy.contains(u'@'));
    }

    // A modified applied file: recorded once by status, verify and migrate;
    // resolved when the file is restored.
    writeMigration(dir.path(), QStringLiteral("0002_label.yaml"), QByteArray(k0002).replace("varchar(40)", "varchar(80)"));
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto st = runner.status();
        COVET_VERIFY_OK(st);
        QVERIFY(!runner.verify());
        QVERIFY(!runner.migrate(RunOptions{}));
        const QList<ConflictRow> open = rows(conn, true);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().conflict.kind, QStringLiteral("modified"));
        QCOMPARE(open.first().conflict.migrationIds, QStringList{QStringLiteral("0002_label")});
        QVERIFY2(open.first().conflict.detail.contains(QStringLiteral("0002_label.yaml")), qPrintable(open.first().conflict.detail));
        QCOMPARE(open.first().seenCount, qint64(3));
    }
    writeMigration(dir.path(), QStringLiteral("0002_label.yaml"), k0002);
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto ok = runner.verify();
        COVET_VERIFY_OK(ok);
        QVERIFY(rows(conn, true).isEmpty());
        QCOMPARE(rows(conn, false).size(), 2);
    }

    // An applied migration missing on disk.
    auto gone = MigrationHistory::record(sql, AppliedMigration{QStringLiteral("0009_gone"), QStringLiteral("x"), MigrationHistory::nowUtc(),
                                                               QStringLiteral("t@h"), 0});
    COVET_VERIFY_OK(gone);
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        QVERIFY(!runner.verify());
        const QList<ConflictRow> open = rows(conn, true);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().conflict.kind, QStringLiteral("missing_file"));
        QCOMPARE(open.first().conflict.migrationIds, QStringList{QStringLiteral("0009_gone")});
    }
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migration_conflicts")), 3);
}

QTEST_GUILESS_MAIN(TestConflictRecorder)
#include "tst_conflictrecorder.moc"
