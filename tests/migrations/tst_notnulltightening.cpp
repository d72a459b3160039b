// covet-test-labels: engine sqlite postgres mysql
// Tightening a column to NOT NULL while rows hold NULL: filled from the new
// default, else stopped before anything changes, naming table, column and
// row count. And makemigrations writes the AlterColumn the runner handles.
#include "migrations/migrationhistory.h"
#include "runner/migrationmaker.h"
#include "runner/migrationrunner.h"
#include "safety/tablechecksum.h"
#include "migrationtestsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::inspectSchema;
using test::scalar;
using test::writeMigration;

namespace {

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: orders
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: note, type: varchar(50)}
        - {name: qty, type: integer}
      primary_key: {columns: [id]}
  - op: run_sql
    forward: INSERT INTO orders (id, note, qty) VALUES (1, 'a', NULL); INSERT INTO orders (id, note, qty) VALUES (2, NULL, 5); INSERT INTO orders (id, note, qty) VALUES (3, NULL, 7)
    reverse: DELETE FROM orders
)";
// With a default: the NULLs are filled from it.
const QByteArray k0002Fill = R"(dependencies: [0001_orders]
operations:
  - op: alter_column
    table: orders
    before: {name: qty, type: integer}
    after: {name: qty, type: integer, nullable: false, default: "0"}
)";
// A first migration of the run that does not touch orders.
const QByteArray k0003Other = R"(dependencies: [0002_fill]
operations:
  - op: create_table
    definition:
      name: other
      columns:
        - {name: id, type: bigint, nullable: false}
      primary_key: {columns: [id]}
)";
// The same, plus raw SQL naming orders (without filling note).
const QByteArray k0003Touch = k0003Other + R"(  - op: run_sql
    forward: UPDATE orders SET qty = qty + 0
    reverse: UPDATE orders SET qty = qty
)";
// The AlterColumn making orders.note NOT NULL without a default.
const QByteArray kTightenNote = R"(  - op: alter_column
    table: orders
    before: {name: note, type: varchar(50)}
    after: {name: note, type: varchar(50), nullable: false}
)";
const QByteArray k0004Tighten = "dependencies: [0003_other]\noperations:\n" + kTightenNote;
// A step of the same migration fills the rows first.
const QByteArray k0004FillFirst = R"(dependencies: [0003_other]
operations:
  - op: run_sql
    forward: UPDATE orders SET note = 'n/a' WHERE note IS NULL
    reverse: UPDATE orders SET note = NULL WHERE note = 'n/a'
)" + kTightenNote;

Result<RunReport> migrate(Connection &conn, const QString &dir, bool dryRun = false, bool execute = false)
{
    auto repo = MigrationRepository::load(dir);
    MigrationRunner runner(conn, repo);
    RunOptions o;
    o.dryRun = dryRun;
    o.executeDryRun = execute;
    return runner.migrate(o);
}

std::optional<Column> column(Connection &conn, const QString &table, const QString &name)
{
    const Schema s = test::inspectSchema(conn);
    if (const Table *t = s.table(table))
        for (const Column &c : t->columns)
            if (c.name == name)
                return c;
    return std::nullopt;
}

} // namespace

class TestNotNullTightening : public QObject
{
    Q_OBJECT

private slots:
    void runtime_data() { test::addDialectRows(); }
    void runtime();
    void makemigrationsWritesAlterColumn();
};

void TestNotNullTightening::runtime()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, test::serverFor(d));
    Connection &conn = db->connection();
    QTemporaryDir dir;
    writeMigration(dir.path(), QStringLiteral("0001_orders.yaml"), k0001);
    writeMigration(dir.path(), QStringLiteral("0002_fill.yaml"), k0002Fill);

    // Fill from the default, in the migration's SQL, before the ALTER.
    {
        auto r = migrate(conn, dir.path());
        COVET_VERIFY_OK(r);
        // SQLite's table rebuild fills them in its copy (no UPDATE pass of its own).
        if (d == Dialect::SQLite)
            QVERIFY2(r->sql.contains(QStringLiteral("coalesce(")) && !r->sql.contains(QStringLiteral("UPDATE ")), qPrintable(r->sql));
        else
            QVERIFY2(r->sql.contains(QStringLiteral("SET ")) && r->sql.contains(QStringLiteral("IS NULL")), qPrintable(r->sql));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM orders WHERE qty IS NULL")), 0);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT qty FROM orders WHERE id = 1")), 0);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT qty FROM orders WHERE id = 3")), 7);
        auto qty = column(conn, QStringLiteral("orders"), QStringLiteral("qty"));
        QVERIFY(qty);
        QVERIFY(!qty->nullable);
    }

    // No default, two NULL rows, as the 2nd migration of the run: the run
    // stops before the 1st one changes anything (dry runs say so too).
    writeMigration(dir.path(), QStringLiteral("0003_other.yaml"), k0003Other);
    writeMigration(dir.path(), QStringLiteral("0004_tighten.yaml"), k0004Tighten);
    const Schema before = inspectSchema(conn);
    SqlExecutor sql(conn.database(), d);
    const QStringList orderColumns{QStringLiteral("id"), QStringLiteral("note"), QStringLiteral("qty")};
    const auto rowsBefore = TableChecksum::of(sql, {}, QStringLiteral("orders"), orderColumns);
    COVET_VERIFY_OK(rowsBefore);
    auto expectRefused = [&](const Result<RunReport> &r) {
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Conflict);
        const QString msg = r.error().message();
        QVERIFY2(msg.contains(QStringLiteral("0004_tighten: cannot make orders.note NOT NULL: 2 rows hold NULL and the column has no default")),
                 qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("Nothing was changed")), qPrintable(msg));
        QVERIFY(inspectSchema(conn) == before);
        const auto rowsNow = TableChecksum::of(sql, {}, QStringLiteral("orders"), orderColumns);
        COVET_VERIFY_OK(rowsNow);
        QCOMPARE(rowsNow->toString(), rowsBefore->toString());
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM orders WHERE note IS NULL")), 2);
    };
    expectRefused(migrate(conn, dir.path(), true));
    expectRefused(migrate(conn, dir.path(), true, true));
    expectRefused(migrate(conn, dir.path()));

    // The 1st migration names orders in raw SQL: the check waits for the
    // 2nd one's turn; then the 2nd one is refused with nothing of it changed.
    writeMigration(dir.path(), QStringLiteral("0003_other.yaml"), k0003Touch);
    {
        auto dry = migrate(conn, dir.path(), true);
        COVET_VERIFY_OK(dry);
        QVERIFY2(dry->warnings.join(u'\n').contains(QStringLiteral("can only be judged when")), qPrintable(dry->warnings.join(u'\n')));
        auto r = migrate(conn, dir.path());
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Conflict);
        const QString msg = r.error().message();
        QVERIFY2(msg.contains(QStringLiteral("cannot make orders.note NOT NULL: 2 rows hold NULL")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("Applied in this run (they stay applied): 0003_other")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("0004_tighten")) && msg.contains(QStringLiteral("still pending")), qPrintable(msg));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations WHERE id = '0004_tighten'")), 0);
        auto note = column(conn, QStringLiteral("orders"), QStringLiteral("note"));
        QVERIFY(note && note->nullable);
    }

    // A step of the migration fills the rows: judged right before the
    // AlterColumn, the column has no NULL left and it applies.
    writeMigration(dir.path(), QStringLiteral("0004_tighten.yaml"), k0004FillFirst);
    {
        auto r = migrate(conn, dir.path());
        COVET_VERIFY_OK(r);
        QCOMPARE(r->done, QStringList{QStringLiteral("0004_tighten")});
        auto note = column(conn, QStringLiteral("orders"), QStringLiteral("note"));
        QVERIFY(note && !note->nullable);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM orders WHERE note = 'n/a'")), 2);
        SqlExecutor sql(conn.database(), d);
        QVERIFY(!sql.exec(QStringLiteral("INSERT INTO orders (id, note, qty) VALUES (9, NULL, 1)")));
    }
}

// makemigrations turns "nullable: false" in the models into an
// alter_column; with a default it runs against NULL rows and fills them.
void TestNotNullTightening::makemigrationsWritesAlterColumn()
{
    QTemporaryDir dir;
    const QString path = dir.path();
    QVERIFY(QDir(path).mkdir(QStringLiteral("migrations")));
    test::writeFile(path + QStringLiteral("/covet.yaml"), "dialect: sqlite\nmigrations: migrations\nmodels: models.yaml\n");
    writeMigration(path + QStringLiteral("/migrations"), QStringLiteral("0001_orders.yaml"), k0001);
    test::writeFile(path + QStringLiteral("/models.yaml"),
                    "dialect: sqlite\ntables:\n  - name: orders\n    columns:\n"
                    "      - {name: id, type: bigint, nullable: false}\n"
                    "      - {name: note, type: varchar(50), nullable: false, default: \"'none'\"}\n"
                    "      - {name: qty, type: integer}\n"
                    "    primary_key: [id]\n");
    auto config = ProjectConfig::read(path + QStringLiteral("/covet.yaml"));
    COVET_VERIFY_OK(config);
    auto made = MigrationMaker(*config).make({});
    COVET_VERIFY_OK(made);
    QVERIFY(made->hasChanges());
    const OperationList &ops = made->migration->operations;
    QCOMPARE(ops.size(), 1);
    const auto *alter = std::get_if<AlterColumn>(&ops.first());
    QVERIFY(alter);
    QVERIFY(alter->before.nullable);
    QVERIFY(!alter->after.nullable);

    COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
    auto r = migrate(db->connection(), path + QStringLiteral("/migrations"));
    COVET_VERIFY_OK(r);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM orders WHERE note = 'none'")), 2);
    auto note = column(db->connection(), QStringLiteral("orders"), QStringLiteral("note"));
    QVERIFY(note && !note->nullable);
}

QTEST_GUILESS_MAIN(TestNotNullTightening)
#include "tst_notnulltightening.moc"
