// covet-test-labels: engine sqlite
// SQLite table rebuilds in the migration runner: consecutive operations on
// one table are one rebuild (one step, one undo, one label naming them
// all); NOT NULL tightening fills NULLs from the default inside the copy and,
// without a default, is enforced by the copy itself (no counting pass before
// it) yet still refused naming the rows.
#include "migrations/migrationgraph.h"
#include "migrations/migrationhistory.h"
#include "migrations/migrationplanner.h"
#include "runner/migrationrunner.h"
#include "migrationtestsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::writeMigration;
using test::migrateDirectory;

namespace {

const QByteArray k0001 = R"y(operations:
  - op: create_table
    definition:
      name: items
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: price, type: "numeric(10,2)"}
        - {name: qty, type: text}
        - {name: note, type: text}
      primary_key: {columns: [id]}
  - op: create_table
    definition:
      name: other
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: code, type: text}
      primary_key: {columns: [id]}
)y";

// Three operations on items, one on another table, one more on items.
const QByteArray k0002 = R"y(dependencies: [0001_items]
operations:
  - op: alter_column
    table: items
    before: {name: price, type: "numeric(10,2)"}
    after: {name: price, type: integer}
    allow_lossy: true
  - op: alter_column
    table: items
    before: {name: qty, type: text}
    after: {name: qty, type: integer, nullable: false, default: "0"}
  - op: add_check
    table: items
    check: {name: price_positive, expression: price >= 0}
  - op: create_index
    table: other
    index: {name: other_code, parts: [{column: code}]}
  - op: alter_column
    table: items
    before: {name: note, type: text}
    after: {name: note, type: "varchar(40)"}
)y";

const QByteArray k0002Tighten = R"y(dependencies: [0001_items]
operations:
  - op: alter_column
    table: items
    before: {name: note, type: text}
    after: {name: note, type: text, nullable: false}
)y";

// 0001 applied with `rows` in items (id, price, qty, note), `change` pending as 0002.
bool setUp(Connection &conn, const QString &dir, const QByteArray &change, const char *rows)
{
    test::writeMigration(dir, QStringLiteral("0001_items.yaml"), k0001);
    test::writeMigration(dir, QStringLiteral("0002_change.yaml"), change);
    auto r = test::migrateDirectory(conn, dir, QStringLiteral("0001"));
    SqlExecutor sql(conn.database(), Dialect::SQLite);
    auto inserted = r ? sql.exec(QStringLiteral("INSERT INTO items (id, price, qty, note) VALUES ") + QLatin1String(rows)) : Result<QSqlQuery>();
    if (!r || !inserted)
        qWarning() << (r ? inserted.error().toString() : r.error().toString());
    return r && inserted;
}

int rebuilds(const QStringList &statements)
{
    return int(std::count_if(statements.begin(), statements.end(),
                             [](const QString &s) { return s.startsWith(QLatin1String("CREATE TABLE \"covet_new_")); }));
}

} // namespace

class TestRebuildMerge : public QObject
{
    Q_OBJECT

private slots:
    void oneRebuildPerRunOfOperations();
    void appliesAndRollsBack();
    void notNullEnforcedByTheCopy();
};

void TestRebuildMerge::oneRebuildPerRunOfOperations()
{
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_items.yaml"), k0001);
    writeMigration(dir.path(), QStringLiteral("0002_change.yaml"), k0002);
    const auto repo = MigrationRepository::load(dir.path());
    QVERIFY(repo.isValid());
    const MigrationGraph graph = MigrationGraph::build(repo.migrations());
    MigrationPlanner planner(Dialect::SQLite, graph.ordered());
    auto plan = planner.plan(*repo.find(QStringLiteral("0002")), true);
    COVET_VERIFY_OK(plan);
    // items (3 operations) | other's index | items again: two rebuilds, not four.
    QCOMPARE(plan->steps.size(), 3);
    QCOMPARE(rebuilds(plan->statements()), 2);
    QVERIFY2(plan->steps.at(0).label.startsWith(QStringLiteral("operations 1 to 3 of 5, in one table rebuild (Alter column items.price")),
             qPrintable(plan->steps.at(0).label));
    QVERIFY(plan->steps.at(1).label.startsWith(QStringLiteral("operation 4 of 5 (Create index")));
    QVERIFY(plan->steps.at(2).label.startsWith(QStringLiteral("operation 5 of 5 (")));
    // The undo of the merged step is one rebuild too.
    QVERIFY(plan->steps.at(0).undo);
    QStringList undo;
    for (const SqlBatch &b : *plan->steps.at(0).undo)
        undo << b.statements;
    QCOMPARE(rebuilds(undo), 1);
    // The NOT NULL fill is in the copy, not an UPDATE pass of its own.
    const QString script = plan->script();
    QVERIFY2(script.contains(QStringLiteral("coalesce(")) && !script.contains(QStringLiteral("UPDATE ")), qPrintable(script));

    auto back = planner.plan(*repo.find(QStringLiteral("0002")), false);
    COVET_VERIFY_OK(back);
    QCOMPARE(back->steps.size(), 3);
    QCOMPARE(rebuilds(back->statements()), 2);
    QVERIFY2(back->steps.at(2).label.startsWith(QStringLiteral("undo of operations 1 to 3 of 5")), qPrintable(back->steps.at(2).label));
}

void TestRebuildMerge::appliesAndRollsBack()
{
    COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
    Connection &conn = db->connection();
    QTemporaryDir dir;
    QVERIFY(setUp(conn, dir.path(), k0002, "(1, 2.5, '7', 'a'), (2, 3, NULL, NULL), (3, 1.25, ' 12 ', 'c')"));
    auto r = migrateDirectory(conn, dir.path(), {}, /*confirmDataLoss=*/true);   // price 2.5 and 1.25 are rounded
    COVET_VERIFY_OK(r);
    QCOMPARE(r->sql.count(QStringLiteral("CREATE TABLE \"covet_new_")), 2);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM items WHERE typeof(price) = 'integer' AND typeof(qty) = 'integer'")), 3);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT price FROM items WHERE id = 1")), 3);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT qty FROM items WHERE id = 2")), 0);    // filled from the default
    QCOMPARE(scalar(conn, QStringLiteral("SELECT qty FROM items WHERE id = 3")), 12);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%price_positive%'")), 1);

    const auto repo = MigrationRepository::load(dir.path());
    MigrationRunner runner(conn, repo);
    RunOptions o;
    o.steps = 1;
    {
        auto ok3_ = runner.rollback(o);
        COVET_VERIFY_OK(ok3_);
    }
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%price_positive%'")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM pragma_table_info('items') WHERE name = 'qty' AND \"notnull\" = 0")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM items")), 3);
}

void TestRebuildMerge::notNullEnforcedByTheCopy()
{
    COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
    Connection &conn = db->connection();
    QTemporaryDir dir;
    QVERIFY(setUp(conn, dir.path(), k0002Tighten, "(1, NULL, NULL, 'a'), (2, NULL, NULL, NULL), (3, NULL, NULL, NULL)"));

    // The first migration of the run: left to the copy, not counted up front.
    const auto repo = MigrationRepository::load(dir.path());
    const MigrationGraph graph = MigrationGraph::build(repo.migrations());
    MigrationPlanner planner(Dialect::SQLite, graph.ordered());
    auto plan = planner.plan(*repo.find(QStringLiteral("0002")), true);
    COVET_VERIFY_OK(plan);
    const RunPreconditions checks = planner.preconditions({*plan});
    QCOMPARE(checks.beforeRun.size(), 0);
    QCOMPARE(checks.byStep.size(), 1);
    QVERIFY(checks.byStep.first().enforcedByStep);

    // Yet the refusal names table, column and rows, and changes nothing.
    auto r = migrateDirectory(conn, dir.path());
    QVERIFY(!r);
    QCOMPARE(r.error().category(), Error::Category::Conflict);
    QVERIFY2(r.error().message().contains(QStringLiteral("cannot make items.note NOT NULL: 2 rows hold NULL")), qPrintable(r.error().message()));
    QVERIFY2(r.error().message().contains(QStringLiteral("rolled back")), qPrintable(r.error().message()));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM pragma_table_info('items') WHERE name = 'note' AND \"notnull\" = 0")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'covet_new%'")), 0);

    // A printed dry run cannot leave it to the copy: counted up front.
    MigrationRunner runner(conn, repo);
    RunOptions dry;
    dry.dryRun = true;
    auto printed = runner.migrate(dry);
    QVERIFY(!printed);
    QVERIFY2(printed.error().message().contains(QStringLiteral("2 rows hold NULL")), qPrintable(printed.error().message()));
    // Executed, it fails in the copy and is explained the same way.
    dry.executeDryRun = true;
    auto executed = runner.migrate(dry);
    QVERIFY(!executed);
    QVERIFY2(executed.error().message().contains(QStringLiteral("2 rows hold NULL")), qPrintable(executed.error().message()));

    // Fixed data: it applies.
    COVET_EXEC_OK(conn, QStringLiteral("UPDATE items SET note = 'x' WHERE note IS NULL"));
    {
        auto ok7_ = migrateDirectory(conn, dir.path());
        COVET_VERIFY_OK(ok7_);
    }
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM pragma_table_info('items') WHERE name = 'note' AND \"notnull\" = 1")), 1);
}

QTEST_GUILESS_MAIN(TestRebuildMerge)
#include "tst_rebuildmerge.moc"
