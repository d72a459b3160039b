// covet-test-labels: engine sqlite postgres mysql
#include "audit/auditrecorder.h"
#include "migrations/migrationgraph.h"
#include "migrations/migrationhistory.h"
#include "migrations/migrationplanner.h"
#include "migrations/migrationrepository.h"
#include "db/migrationlock.h"
#include "runner/migrationrunner.h"
#include "sources/inspector.h"
#include "migrationtestsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace covet;
using test::scalar;
using test::writeMigration;

namespace {

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: products
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: title, type: varchar(100)}
      primary_key: {columns: [id]}
)";
const QByteArray k0002 = R"(dependencies: [0001_products]
operations:
  - op: add_column
    table: products
    column: {name: sku, type: varchar(32), nullable: false, default: "''"}
  - op: create_index
    table: products
    index: {name: idx_products_sku, parts: [{column: sku}]}
  - op: run_sql
    forward: INSERT INTO products (id, title, sku) VALUES (1, 'a', 'P1')
    reverse: DELETE FROM products WHERE id = 1
)";
// Fails half way: the column is added, then the SQL fails.
const QByteArray k0003Bad = R"(dependencies: [0002_sku]
operations:
  - op: add_column
    table: products
    column: {name: price, type: integer}
  - op: run_sql
    forward: INSERT INTO no_such_table VALUES (1)
    reverse: DELETE FROM no_such_table
)";
const QByteArray k0003Irreversible = R"(dependencies: [0002_sku]
operations:
  - op: run_sql
    forward: UPDATE products SET title = 'b'
)";

bool columnExists(Connection &c, const QString &column)
{
    SqlExecutor sql(c.database(), c.dialect());
    return bool(sql.exec(QStringLiteral("SELECT %1 FROM products WHERE 1 = 0").arg(column)));
}

} // namespace

class TestMigrationRunner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ScratchDatabase> scratch(Dialect d, QString *skip);

private slots:
    // A name PostgreSQL would cut is refused in the migration that brings
    // it, not in a later one that touches its table (an earlier version may
    // have applied it, cut); views' names are checked too.
    void longNamesOnlyWhereTheyAreNew()
    {
        QTemporaryDir dir;
        const QByteArray longIndex(70, 'i');
        test::writeMigration(dir.path(), QStringLiteral("0001_t.yaml"),
                             "operations:\n  - op: create_table\n    definition: {name: t, columns: [{name: id, type: integer, nullable: false}], "
                             "primary_key: {columns: [id]}, indexes: [{name: " + longIndex + ", parts: [{column: id}]}]}\n");
        test::writeMigration(dir.path(), QStringLiteral("0002_c.yaml"),
                             "dependencies: [0001_t]\noperations:\n  - {op: add_column, table: t, column: {name: note, type: text}}\n");
        test::writeMigration(dir.path(), QStringLiteral("0003_v.yaml"),
                             "dependencies: [0002_c]\noperations:\n  - {op: create_view, name: " + QByteArray(64, 'v') + ", definition: SELECT id FROM t}\n");
        const auto repo = MigrationRepository::load(dir.path());
        QVERIFY2(repo.isValid(), qPrintable(repo.isValid() ? QString() : repo.status().error().toString()));
        const MigrationGraph graph = MigrationGraph::build(repo.migrations());
        MigrationPlanner planner(Dialect::PostgreSQL, graph.ordered());
        auto first = planner.plan(*repo.find(QStringLiteral("0001_t")), true);
        QVERIFY(!first);
        QVERIFY2(first.error().message().contains(QStringLiteral("the index name '%1' (table t) is 70 bytes long").arg(QString::fromLatin1(longIndex))),
                 qPrintable(first.error().toString()));
        COVET_VERIFY_OK(planner.plan(*repo.find(QStringLiteral("0002_c")), true));
        auto view = planner.plan(*repo.find(QStringLiteral("0003_v")), true);
        QVERIFY(!view);
        QVERIFY2(view.error().message().contains(QStringLiteral("the view name")), qPrintable(view.error().toString()));
        MigrationPlanner sqlite(Dialect::SQLite, graph.ordered());
        COVET_VERIFY_OK(sqlite.plan(*repo.find(QStringLiteral("0001_t")), true));
    }

    // using: with the type unchanged would run nowhere: refused, not
    // reported as applied (found by a DBA).
    void usingWithoutTypeChangeIsRefused()
    {
        QTemporaryDir dir;
        test::writeMigration(dir.path(), QStringLiteral("0001_t.yaml"),
                             "operations:\n  - op: create_table\n    definition: {name: t, columns: [{name: id, type: integer, nullable: false}, "
                             "{name: price, type: \"numeric(10,2)\"}], primary_key: {columns: [id]}}\n");
        test::writeMigration(dir.path(), QStringLiteral("0002_u.yaml"),
                             "dependencies: [0001_t]\noperations:\n  - op: alter_column\n    table: t\n"
                             "    before: {name: price, type: \"numeric(10,2)\"}\n    after: {name: price, type: \"numeric(10,2)\"}\n"
                             "    using: price * 2\n");
        const auto repo = MigrationRepository::load(dir.path());
        QVERIFY2(repo.isValid(), qPrintable(repo.isValid() ? QString() : repo.status().error().toString()));
        const MigrationGraph graph = MigrationGraph::build(repo.migrations());
        for (const Dialect d : {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL}) {
            MigrationPlanner planner(d, graph.ordered());
            auto plan = planner.plan(*repo.find(QStringLiteral("0002_u")), true);
            QVERIFY(!plan);
            QVERIFY2(plan.error().message().contains(QStringLiteral("alter_column t.price: using: converts")), qPrintable(plan.error().toString()));
        }
    }

    // Issue 12.7: the Migrations listing replays the history once, not 2N times.
    void overviewReplaysOnce()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        QTemporaryDir dir;
        QString previous;
        for (int i = 1; i <= 40; ++i) {
            const QString id = QStringLiteral("%1_t%2").arg(i, 4, 10, QLatin1Char('0')).arg(i);
            const QByteArray deps = previous.isEmpty() ? QByteArray() : "dependencies: [" + previous.toUtf8() + "]\n";
            test::writeMigration(dir.path(), id + QStringLiteral(".yaml"),
                                 deps + "operations:\n  - op: create_table\n    definition:\n      name: t" + QByteArray::number(i)
                                     + "\n      columns:\n        - {name: id, type: integer, nullable: false}\n"
                                       "      primary_key: {columns: [id]}\n");
            previous = id;
        }
        {
            auto r = test::migrateDirectory(db->connection(), dir.path(), QStringLiteral("0025_t25"));
            COVET_VERIFY_OK(r);
        }
        const MigrationRepository repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(db->connection(), repo);
        auto o = runner.overview(true);
        COVET_VERIFY_OK(o);
        QCOMPARE(o->states.size(), 40);
        QCOMPARE(o->upSql.size(), 40);
        QCOMPARE(o->downSql.size(), 40);
        QVERIFY(o->pendingRisk);
        QCOMPARE(o->pendingUpTo(QStringLiteral("0030_t30")).size(), 5);
        QCOMPARE(o->replays, 1);   // was 2 x 40 with a planner per migration and direction
    }

    void runner_data();
    void runner();
    void concurrentRunners_data();
    void concurrentRunners();
    void lockHeldIsNamed_data();
    void lockHeldIsNamed();
    void sqliteRebuild();
};

std::unique_ptr<test::ScratchDatabase> TestMigrationRunner::scratch(Dialect d, QString *error)
{
    return test::ScratchDatabase::create(d, test::serverFor(d), error);
}

void TestMigrationRunner::runner_data()
{
    test::addDialectRows();
}

void TestMigrationRunner::runner()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    QString error;
    auto db = scratch(d, &error);
    QVERIFY2(db, qPrintable(error));
    Connection &conn = db->connection();
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_products.yaml"), k0001);
    writeMigration(dir.path(), QStringLiteral("0002_sku.yaml"), k0002);

    // Dry run: the SQL, and nothing changes (not even the history table).
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        RunOptions o;
        o.dryRun = true;
        o.executeDryRun = true;
        auto r = runner.migrate(o);
        COVET_VERIFY_OK(r);
        QVERIFY(r->sql.contains(QStringLiteral("CREATE TABLE")));
        QVERIFY(r->sql.contains(QStringLiteral("idx_products_sku")));
        QCOMPARE(r->executedDryRun, d != Dialect::MySQL);
        SqlExecutor sql(conn.database(), d);
        QCOMPARE(*MigrationHistory::exists(sql), false);
        QCOMPARE(*MigrationHistory::tableExists(sql, QStringLiteral("products")), false);
    }

    // Apply, status, history, audit.
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        RunOptions o;
        o.settings.environment = QStringLiteral("test");
        auto r = runner.migrate(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->done, (QStringList{QStringLiteral("0001_products"), QStringLiteral("0002_sku")}));
        QVERIFY(columnExists(conn, QStringLiteral("sku")));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM products")), 1);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
        SqlExecutor sql(conn.database(), d);
        QCOMPARE(*AuditRecorder::count(sql, {}, QStringLiteral("success")), 2);
        COVET_VERIFY_OK(AuditRecorder::verifyChain(sql));
        auto st = runner.status();
        COVET_VERIFY_OK(st);
        QCOMPARE(st->size(), 2);
        QCOMPARE(st->at(1).state, MigrationState::State::Applied);
        COVET_VERIFY_OK(runner.verify());
        // Nothing left: a second run does nothing.
        auto again = runner.migrate(RunOptions{});
        COVET_VERIFY_OK(again);
        QVERIFY(again->done.isEmpty());
    }

    // Roll back one step, then re-apply.
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        RunOptions o;
        o.steps = 1;
        // It drops the sku column with its value: refused until confirmed.
        auto refused = runner.rollback(o);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("drops column products.sku")), qPrintable(refused.error().message()));
        QVERIFY(columnExists(conn, QStringLiteral("sku")));
        o.confirmDataLoss = true;
        auto r = runner.rollback(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->done, QStringList{QStringLiteral("0002_sku")});
        QCOMPARE(r->backups.size(), 1);
        QVERIFY(!columnExists(conn, QStringLiteral("sku")));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 1);
        auto st = runner.status();
        QCOMPARE(st->at(1).state, MigrationState::State::Pending);
        auto re = runner.migrate(RunOptions{});
        COVET_VERIFY_OK(re);
        QCOMPARE(re->done, QStringList{QStringLiteral("0002_sku")});
        QVERIFY(columnExists(conn, QStringLiteral("sku")));
    }

    // A migration failing half way leaves the database unchanged and is audited.
    writeMigration(dir.path(), QStringLiteral("0003_bad.yaml"), k0003Bad);
    {
        SqlExecutor inspectSql(conn.database(), d);
        auto inspector = Inspector::create(d);
        auto schemaBefore = inspector->inspect(inspectSql);
        COVET_VERIFY_OK(schemaBefore);
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.migrate(RunOptions{});
        QVERIFY(!r);
        QVERIFY2(r.error().message().contains(QStringLiteral("as it was before"), Qt::CaseInsensitive), qPrintable(r.error().message()));
        QVERIFY(!columnExists(conn, QStringLiteral("price")));
        // Verified by inspection: the schema is what it was (on MySQL, restored by the undo).
        auto schemaAfter = inspector->inspect(inspectSql);
        COVET_VERIFY_OK(schemaAfter);
        QVERIFY(*schemaAfter == *schemaBefore);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
        SqlExecutor sql(conn.database(), d);
        QCOMPARE(*AuditRecorder::count(sql, QStringLiteral("0003_bad"), QStringLiteral("failure")), 1);
        COVET_VERIFY_OK(AuditRecorder::verifyChain(sql));
    }

    // An irreversible migration stops a rollback before anything runs.
    writeMigration(dir.path(), QStringLiteral("0003_bad.yaml"), k0003Irreversible);
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        COVET_VERIFY_OK(runner.migrate(RunOptions{}));
        RunOptions o;
        o.target = QStringLiteral("0001_products");
        auto r = runner.rollback(o);
        QVERIFY(!r);
        QVERIFY2(r.error().message().contains(QStringLiteral("irreversible")), qPrintable(r.error().message()));
        QVERIFY(columnExists(conn, QStringLiteral("sku")));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    }

    // A tampered applied file is refused, naming the file; verify reports it.
    writeMigration(dir.path(), QStringLiteral("0002_sku.yaml"), QByteArray(k0002).replace("varchar(32)", "varchar(64)"));
    writeMigration(dir.path(), QStringLiteral("0004_more.yaml"), "dependencies: [0003_bad]\noperations: []\n");
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.migrate(RunOptions{});
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Conflict);
        QVERIFY2(r.error().message().contains(QStringLiteral("0002_sku.yaml")), qPrintable(r.error().message()));
        QVERIFY(!runner.verify());
        auto st = runner.status();
        QCOMPARE(st->at(1).state, MigrationState::State::Modified);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    }
    writeMigration(dir.path(), QStringLiteral("0002_sku.yaml"), k0002);

    // Hostile files: refused with nothing changed.
    writeMigration(dir.path(), QStringLiteral("0005_evil.yaml"), "dependencies: [0004_more]\noperations:\n  - op: exec_shell\n    cmd: rm -rf /\n");
    {
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto r = runner.migrate(RunOptions{});
        QVERIFY(!r);
        QVERIFY2(r.error().toString().contains(QStringLiteral("0005_evil.yaml")), qPrintable(r.error().toString()));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    }
    QFile::remove(dir.path() + QStringLiteral("/0005_evil.yaml"));

    // A recorded migration whose file is gone is reported.
    QFile::remove(dir.path() + QStringLiteral("/0004_more.yaml"));
    {
        SqlExecutor sql(conn.database(), d);
        COVET_VERIFY_OK(MigrationHistory::record(sql, AppliedMigration{QStringLiteral("0009_gone"), QStringLiteral("x"), MigrationHistory::nowUtc(),
                                                                       QStringLiteral("t"), 0}));
        auto repo = MigrationRepository::load(dir.path());
        MigrationRunner runner(conn, repo);
        auto st = runner.status();
        COVET_VERIFY_OK(st);
        QCOMPARE(st->last().id, QStringLiteral("0009_gone"));
        QCOMPARE(st->last().state, MigrationState::State::Missing);
        QVERIFY(!runner.verify());
    }
}

void TestMigrationRunner::concurrentRunners_data()
{
    runner_data();
}

void TestMigrationRunner::concurrentRunners()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    QString error;
    auto db = scratch(d, &error);
    QVERIFY2(db, qPrintable(error));
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_products.yaml"), k0001);
    writeMigration(dir.path(), QStringLiteral("0002_sku.yaml"), k0002);
    const QString url = db->urlString();
    std::atomic_int ok{0};
    std::atomic_int applied{0};
    QStringList errors(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            auto c = Connection::open(url, QStringLiteral("runner%1").arg(i));
            if (!c) {
                errors[i] = c.error().toString();
                return;
            }
            auto repo = MigrationRepository::load(dir.path());
            MigrationRunner runner(**c, repo);
            RunOptions o;
            o.lockTimeoutMs = 20000;
            auto r = runner.migrate(o);
            if (r) {
                ++ok;
                applied += int(r->done.size());
            } else {
                errors[i] = r.error().toString();
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QVERIFY2(ok == 4, qPrintable(errors.join(u'\n')));
    QCOMPARE(applied.load(), 2);   // each migration applied exactly once
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM products")), 1);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
}

void TestMigrationRunner::lockHeldIsNamed_data()
{
    runner_data();
}

void TestMigrationRunner::lockHeldIsNamed()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    QString error;
    auto db = scratch(d, &error);
    QVERIFY2(db, qPrintable(error));
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_products.yaml"), k0001);
    auto holder = Connection::open(db->url(), QStringLiteral("holder"));
    COVET_VERIFY_OK(holder);
    std::optional<SqlExecutor> holdStorage(std::in_place, (*holder)->database(), d);
    SqlExecutor &hold = *holdStorage;
    std::unique_ptr<MigrationLock> held;
    if (d == Dialect::SQLite) {
        COVET_VERIFY_OK(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
    } else {
        auto l = MigrationLock::acquire(**holder, 1000);
        COVET_VERIFY_OK(l);
        held = std::move(*l);
    }
    auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(db->connection(), repo);
    RunOptions o;
    o.lockTimeoutMs = 600;
    auto r = runner.migrate(o);
    QVERIFY(!r);
    QCOMPARE(r.error().category(), Error::Category::Conflict);
    const QString msg = r.error().message();
    if (d == Dialect::PostgreSQL)
        QVERIFY2(msg.contains(QStringLiteral("pid")) && msg.contains(QStringLiteral("covet migrate")), qPrintable(msg));
    else if (d == Dialect::MySQL)
        QVERIFY2(msg.contains(QStringLiteral("connection id")), qPrintable(msg));
    else
        QVERIFY2(msg.contains(QStringLiteral("locked by another writer")), qPrintable(msg));
    // Released (or the holder's connection gone): the runner proceeds.
    if (d == Dialect::SQLite)
        COVET_VERIFY_OK(hold.exec(QStringLiteral("ROLLBACK")));
    held.reset();
    holdStorage.reset();
    holder->reset();
    COVET_VERIFY_OK(runner.migrate(o));
    QVERIFY(columnExists(db->connection(), QStringLiteral("title")));
}

void TestMigrationRunner::sqliteRebuild()
{
    QString error;
    auto db = scratch(Dialect::SQLite, &error);
    QVERIFY2(db, qPrintable(error));
    Connection &conn = db->connection();
    SqlExecutor sql(conn.database(), Dialect::SQLite);
    COVET_VERIFY_OK(sql.exec(QStringLiteral("PRAGMA foreign_keys=ON")));
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_tables.yaml"), R"(operations:
  - op: create_table
    definition:
      name: parent
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: label, type: varchar(10)}
      primary_key: {columns: [id]}
  - op: create_table
    definition:
      name: child
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: parent_id, type: bigint}
      primary_key: {columns: [id]}
      foreign_keys:
        - {columns: [parent_id], ref_table: parent, ref_columns: [id]}
  - op: run_sql
    forward: INSERT INTO parent VALUES (1, '7'); INSERT INTO child VALUES (10, 1)
    reverse: DELETE FROM child; DELETE FROM parent
)");
    // A type change: a table rebuild with foreign keys off.
    writeMigration(dir.path(), QStringLiteral("0002_widen.yaml"), R"(dependencies: [0001_tables]
operations:
  - op: alter_column
    table: parent
    before: {name: label, type: varchar(10)}
    after: {name: label, type: bigint}
)");
    auto repo = MigrationRepository::load(dir.path());
    QVERIFY2(repo.isValid(), qPrintable(test::errorText(repo.status())));
    MigrationRunner runner(conn, repo);
    auto r = runner.migrate(RunOptions{});
    COVET_VERIFY_OK(r);
    QVERIFY2(r->sql.contains(QStringLiteral("foreign_keys=OFF")), qPrintable(r->sql));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM child")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("PRAGMA foreign_keys")), 1);   // restored
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
    // A rebuild that fails after it ran: everything rolled back.
    writeMigration(dir.path(), QStringLiteral("0003_bad.yaml"), R"(dependencies: [0002_widen]
operations:
  - op: alter_column
    table: parent
    before: {name: label, type: bigint}
    after: {name: label, type: text}
  - op: run_sql
    forward: INSERT INTO nowhere VALUES (1)
    reverse: SELECT 1
)");
    auto repo3 = MigrationRepository::load(dir.path());
    MigrationRunner runner3(conn, repo3);
    auto bad = runner3.migrate(RunOptions{});
    QVERIFY(!bad);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
    auto type = sql.rows(QStringLiteral("SELECT type FROM pragma_table_info('parent') WHERE name = 'label'"));
    QCOMPARE(type->first().value(0).toString().toUpper(), QStringLiteral("BIGINT"));
    QCOMPARE(scalar(conn, QStringLiteral("PRAGMA foreign_keys")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM child")), 1);
    // And back.
    QFile::remove(dir.path() + QStringLiteral("/0003_bad.yaml"));
    auto repo2 = MigrationRepository::load(dir.path());
    MigrationRunner runner2(conn, repo2);
    RunOptions o;
    o.steps = 2;
    o.confirmDataLoss = true;
    COVET_VERIFY_OK(runner2.rollback(o));
    QCOMPARE(*MigrationHistory::tableExists(sql, QStringLiteral("parent")), false);
}

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
