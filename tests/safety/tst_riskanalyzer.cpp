// covet-test-labels: engine sqlite postgres mysql
// Issue 13.1: the risk of a plan graded by the live data on all three
// databases — data-loss counts equal to the rows inserted, foreign-key
// dependents with their rows and ON DELETE action, the same operation on
// an empty table `low`, acknowledged findings kept out of the level, and a
// fixed number of statements whatever the number of tables.
#include "runner/migrationrunner.h"
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
      name: orders
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: note, type: text}
        - {name: status, type: varchar(20)}
      primary_key: {columns: [id]}
  - op: create_table
    definition:
      name: order_items
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: order_id, type: integer}
      primary_key: {columns: [id]}
      foreign_keys:
        - {columns: [order_id], ref_table: orders, ref_columns: [id], on_delete: CASCADE}
)";

const QByteArray k0002 = R"(dependencies: [0001_init]
operations:
  - op: drop_column
    table: orders
    column: note
)";

const QByteArray k0003 = R"(dependencies: [0002_drop_note]
operations:
  - op: drop_table
    table: orders
)";

struct Fixture
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    QString path() const { return dir->path(); }
};

// 0001 applied; orders holds `orders` rows, `notes` of them with a note;
// order_items holds `items` rows referring to orders.
bool setUp(Connection &conn, const QString &dir, int orders, int notes, int items)
{
    writeMigration(dir, QStringLiteral("0001_init.yaml"), k0001);
    writeMigration(dir, QStringLiteral("0002_drop_note.yaml"), k0002);
    writeMigration(dir, QStringLiteral("0003_drop_orders.yaml"), k0003);
    if (auto r = test::migrateDirectory(conn, dir, QStringLiteral("0001_init")); !r) {
        qWarning() << r.error().toString();
        return false;
    }
    SqlExecutor sql(conn.database(), conn.dialect());
    for (int i = 1; i <= orders; i += 250) {
        QStringList rows;
        for (int k = i; k < i + 250 && k <= orders; ++k)
            rows << QStringLiteral("(%1, %2, 'new')").arg(k).arg(k <= notes ? QStringLiteral("'n%1'").arg(k) : QStringLiteral("NULL"));
        if (!sql.exec(QStringLiteral("INSERT INTO orders (id, note, status) VALUES ") + rows.join(u',')))
            return false;
    }
    for (int i = 1; i <= items; i += 250) {
        QStringList rows;
        for (int k = i; k < i + 250 && k <= items; ++k)
            rows << QStringLiteral("(%1, %2)").arg(k).arg(1 + k % orders);
        if (!sql.exec(QStringLiteral("INSERT INTO order_items (id, order_id) VALUES ") + rows.join(u',')))
            return false;
    }
    return true;
}

Result<RiskReport> assess(Connection &conn, const QString &dir, const QString &to = {})
{
    const MigrationRepository repo = MigrationRepository::load(dir);
    MigrationRunner runner(conn, repo);
    RunOptions o;
    o.target = to;
    auto plan = runner.plan(o, true);
    if (!plan)
        return std::unexpected(plan.error());
    return runner.assess(*plan);
}

std::optional<RiskFinding> finding(const RiskReport &r, const QString &rule)
{
    for (const RiskFinding &f : r.findings)
        if (f.rule == rule)
            return f;
    return std::nullopt;
}

} // namespace

class TestRiskAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void countsWhatIsLost_data() { test::addDialectRows(); }
    void countsWhatIsLost()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        QTemporaryDir dir;
        QVERIFY(setUp(db->connection(), dir.path(), 1200, 700, 900));
        auto r = assess(db->connection(), dir.path());
        COVET_VERIFY_OK(r);
        QVERIFY(r->live);
        qDebug().noquote() << r->toText();

        const auto col = finding(*r, QStringLiteral("drop-column"));
        QVERIFY2(col, qPrintable(r->toText()));
        QCOMPARE(col->table, QStringLiteral("orders"));
        QCOMPARE(col->column, QStringLiteral("note"));
        QCOMPARE(col->affected, 700);   // the non-NULL notes inserted
        QCOMPARE(col->rows, 1200);
        QVERIFY(col->losesData);
        QVERIFY(col->level >= RiskLevel::High);

        const auto table = finding(*r, QStringLiteral("drop-table"));
        QVERIFY2(table, qPrintable(r->toText()));
        QCOMPARE(table->table, QStringLiteral("orders"));
        QCOMPARE(table->affected < 0 ? table->rows : table->affected, 1200);
        QCOMPARE(table->level, RiskLevel::High);   // a backup can put it back (docs/safety.md)
        // The dependent table, its rows and what its ON DELETE does.
        const QString deps = table->dependents.join(u'\n');
        QVERIFY2(deps.contains(QStringLiteral("order_items.order_id")) && deps.contains(QStringLiteral("CASCADE"))
                     && deps.contains(QStringLiteral("900 rows")),
                 qPrintable(deps));

        // Backups keep what is at stake: the note column with the key, the table.
        QVERIFY(r->needsBackup());
        QCOMPARE(r->level(), RiskLevel::High);
        QVERIFY(r->losesData());
        QVERIFY2(r->dataLossLines().join(u'\n').contains(QStringLiteral("orders.note")), qPrintable(r->dataLossLines().join(u'\n')));
    }

    // Data-aware: the same drop on an empty table is low and loses nothing.
    void emptyTableIsLow_data() { test::addDialectRows(); }
    void emptyTableIsLow()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        QTemporaryDir dir;
        QVERIFY(setUp(db->connection(), dir.path(), 0, 0, 0));
        auto r = assess(db->connection(), dir.path(), QStringLiteral("0002_drop_note"));
        COVET_VERIFY_OK(r);
        const auto col = finding(*r, QStringLiteral("drop-column"));
        QVERIFY2(col, qPrintable(r->toText()));
        QCOMPARE(col->affected, 0);
        QCOMPARE(col->level, RiskLevel::Low);
        QVERIFY(!r->losesData());
        QVERIFY(!r->needsBackup());
    }

    // The analysis reads with a fixed number of statements: 3 tables or 63.
    void statementsDoNotGrowWithTables_data() { test::addDialectRows(); }
    void statementsDoNotGrowWithTables()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        QTemporaryDir dir;
        QVERIFY(setUp(db->connection(), dir.path(), 50, 10, 20));
        auto few = assess(db->connection(), dir.path());
        COVET_VERIFY_OK(few);
        QVERIFY(few->statements > 0);
        for (int i = 0; i < 60; ++i)
            COVET_EXEC_OK(db->connection(), QStringLiteral("CREATE TABLE extra_%1 (id integer PRIMARY KEY, v text)").arg(i));
        auto many = assess(db->connection(), dir.path());
        COVET_VERIFY_OK(many);
        QCOMPARE(many->statements, few->statements);
        QCOMPARE(finding(*many, QStringLiteral("drop-column"))->affected, 10);
    }

    // A column dropped from a table without a primary key cannot be put
    // back by key: critical, and the run refuses it without --accept-risk.
    void noKeyIsCritical()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_log.yaml"), R"(operations:
  - op: create_table
    definition:
      name: log
      columns:
        - {name: at, type: text}
        - {name: line, type: text}
)");
        writeMigration(dir.path(), QStringLiteral("0002_drop_line.yaml"), R"(dependencies: [0001_log]
operations:
  - op: drop_column
    table: log
    column: line
)");
        {
            auto r = test::migrateDirectory(db->connection(), dir.path(), QStringLiteral("0001_log"));
            COVET_VERIFY_OK(r);
        }
        COVET_EXEC_OK(db->connection(), QStringLiteral("INSERT INTO log VALUES ('a', 'x'), ('b', 'y'), ('c', NULL)"));
        auto r = assess(db->connection(), dir.path());
        COVET_VERIFY_OK(r);
        const auto col = finding(*r, QStringLiteral("drop-column"));
        QVERIFY(col);
        QCOMPARE(col->affected, 2);
        QCOMPARE(col->level, RiskLevel::Critical);
        auto run = test::migrateDirectory(db->connection(), dir.path(), {}, /*confirmDataLoss=*/true);
        QVERIFY(!run);
        QVERIFY2(run.error().message().contains(QStringLiteral("critical")), qPrintable(run.error().message()));
        QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(line) FROM log")), 2);   // nothing ran
    }

    // An acknowledged finding is marked with its reason and leaves the level.
    void acknowledgedFinding()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        QTemporaryDir dir;
        QVERIFY(setUp(db->connection(), dir.path(), 30, 30, 0));
        writeMigration(dir.path(), QStringLiteral("0002_drop_note.yaml"), QByteArray(k0002) + R"(safety:
  acknowledge: [drop-column]
  reason: "notes moved to the notes service in ticket 4711"
)");
        auto r = assess(db->connection(), dir.path(), QStringLiteral("0002_drop_note"));
        COVET_VERIFY_OK(r);
        const auto col = finding(*r, QStringLiteral("drop-column"));
        QVERIFY(col);
        QVERIFY(col->acknowledged);
        QCOMPARE(col->acknowledgement, QStringLiteral("notes moved to the notes service in ticket 4711"));
        QCOMPARE(col->affected, 30);
        QVERIFY(r->level() < RiskLevel::High);
        QVERIFY2(r->toText().contains(QStringLiteral("ticket 4711")), qPrintable(r->toText()));
    }
};

QTEST_GUILESS_MAIN(TestRiskAnalyzer)
#include "tst_riskanalyzer.moc"
