// Benchmark: a migration with two operations on one 1,000,000-row SQLite
// table (qty TEXT -> INTEGER NOT NULL, and a CHECK on price), as the
// migration runner applies it:
//   per operation  - one rebuild per operation, and the NOT NULL check
//                    counted twice before its step (up front, then again
//                    in the transaction): what the planner did before its
//                    rebuilds were merged;
//   merged         - MigrationRunner::migrate as it is now: one rebuild for
//                    both, the NOT NULL check left to the copy;
//   floor          - the same single rebuild typed by hand into sqlite3.
// Best of 3 each, on a fresh copy of the database file every time. Prints
// the rebuild counts (CREATE TABLE covet_new_ statements run) and times.
//
//   bench_sqlite_merged_rebuild     environment: COVET_BENCH_ROWS (default 1000000)
#include "sqlitebench.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "migrations/migrationrepository.h"
#include "runner/migrationrunner.h"
#include "operations/operationapplier.h"
#include "sources/inspector.h"
#include "sql/sqlgenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <limits>

using namespace covet;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_sqlite_merged_rebuild: " << message << Qt::endl;
    return 1;
}

const QByteArray k0001 = R"y(operations:
  - op: create_table
    definition:
      name: items
      columns:
        - {name: id, type: integer, nullable: false}
        - {name: name, type: text, nullable: false}
        - {name: qty, type: text}
        - {name: price, type: double}
        - {name: created, type: text}
      primary_key: {columns: [id]}
      indexes:
        - {name: items_name_idx, parts: [{column: name}]}
        - {name: items_qty_idx, parts: [{column: qty}]}
)y";
const QByteArray k0002 = R"y(dependencies: [0001_items]
operations:
  - op: alter_column
    table: items
    before: {name: qty, type: text}
    after: {name: qty, type: integer, nullable: false}
  - op: add_check
    table: items
    check: {name: price_positive, expression: price >= 0}
)y";

const char *kHand =
    "PRAGMA foreign_keys=OFF;\nBEGIN;\n"
    "CREATE TABLE new_items (id INTEGER NOT NULL, name TEXT NOT NULL, qty INTEGER NOT NULL, price REAL, created TEXT, PRIMARY KEY (id), "
    "CONSTRAINT price_positive CHECK (price >= 0));\n"
    "INSERT INTO new_items (id, name, qty, price, created) SELECT id, name, qty, price, created FROM items;\n"
    "DROP TABLE items;\nALTER TABLE new_items RENAME TO items;\n"
    "CREATE INDEX items_name_idx ON items (name);\nCREATE INDEX items_qty_idx ON items (qty);\n"
    "PRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys=ON;\n";

struct Figure
{
    double seconds = std::numeric_limits<double>::max();
    int rebuilds = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = bench::rows();
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return fail(QStringLiteral("sqlite3 is not installed"));
    QTemporaryDir dir;
    const QString migrations = dir.filePath(QStringLiteral("migrations"));
    QDir().mkpath(migrations);
    bench::writeFile(migrations + QStringLiteral("/0001_items.yaml"), k0001);

    // The template: 0001 applied by the runner, then the rows.
    const QString templ = dir.filePath(QStringLiteral("template.db"));
    {
        auto conn = Connection::open(QStringLiteral("sqlite:") + templ);
        if (!conn)
            return fail(conn.error().toString());
        const auto repo = MigrationRepository::load(migrations);
        MigrationRunner runner(**conn, repo);
        if (auto r = runner.migrate({}); !r)
            return fail(r.error().toString());
        SqlExecutor ex((*conn)->database(), Dialect::SQLite);
        if (auto r = ex.exec(QStringLiteral("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %1) "
                                            "INSERT INTO items (id, name, qty, price, created) SELECT v, 'item ' || (v * 7919 % 1000003), "
                                            "CAST(v % 1000 AS TEXT), v * 0.25, '2024-01-01' FROM n")
                                 .arg(rows));
            !r)
            return fail(r.error().toString());
    }
    bench::writeFile(migrations + QStringLiteral("/0002_change.yaml"), k0002);
    const auto repo = MigrationRepository::load(migrations);
    if (!repo.isValid())
        return fail(repo.status().error().toString());
    auto fresh = [&](const QString &name) { return bench::freshCopy(dir, templ, name); };

    // Floor: one rebuild by hand.
    const QString handFile = dir.filePath(QStringLiteral("hand.sql"));
    bench::writeFile(handFile, kHand);
    Figure floor;
    floor.rebuilds = 1;
    for (int i = 0; i < 3; ++i) {
        const QString db = fresh(QStringLiteral("hand.db"));
        QElapsedTimer t;
        t.start();
        if (QString e = bench::runSqlite3(sqlite3, db, handFile); !e.isEmpty())
            return fail(e);
        floor.seconds = std::min(floor.seconds, t.nsecsElapsed() / 1e9);
    }

    // Per operation: each operation its own rebuild batch, the NULL count
    // before the step twice (up front and in the transaction).
    Figure perOperation;
    double countSeconds = std::numeric_limits<double>::max();
    for (int i = 0; i < 3; ++i) {
        const QString db = fresh(QStringLiteral("per.db"));
        auto conn = Connection::open(QStringLiteral("sqlite:") + db);
        if (!conn)
            return fail(conn.error().toString());
        SqlExecutor ex((*conn)->database(), Dialect::SQLite);
        auto before = Inspector::create(Dialect::SQLite)->inspect(ex);
        if (!before)
            return fail(before.error().toString());
        const Migration &m = *repo.find(QStringLiteral("0002"));
        auto gen = SqlGenerator::create(Dialect::SQLite);
        QElapsedTimer t;
        t.start();
        Schema state = *before;
        int rebuilds = 0;
        ex.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
        ex.exec(QStringLiteral("BEGIN IMMEDIATE"));
        for (const Operation &op : m.operations) {
            if (std::holds_alternative<AlterColumn>(op)) {
                QElapsedTimer c;
                c.start();
                for (int k = 0; k < 2; ++k)
                    if (auto r = ex.rows(QStringLiteral("SELECT COUNT(*) FROM \"items\" WHERE \"qty\" IS NULL")); !r)
                        return fail(r.error().toString());
                countSeconds = std::min(countSeconds, c.nsecsElapsed() / 2e9);
            }
            auto batches = gen->renderBatches({op}, state);
            if (!batches)
                return fail(batches.error().toString());
            for (const SqlBatch &b : *batches)
                for (const QString &s : b.statements) {
                    rebuilds += s.startsWith(QLatin1String("CREATE TABLE \"covet_new_")) ? 1 : 0;
                    if (auto r = ex.exec(s); !r)
                        return fail(r.error().toString());
                }
            if (auto ok = OperationApplier::apply(state, op); !ok)
                return fail(ok.error().toString());
        }
        ex.exec(QStringLiteral("COMMIT"));
        perOperation.seconds = std::min(perOperation.seconds, t.nsecsElapsed() / 1e9);
        perOperation.rebuilds = rebuilds;
    }

    // What the NULL check costs as a pass of its own where no index covers
    // the column (here items_qty_idx answers it from the index).
    double scanSeconds = std::numeric_limits<double>::max();
    {
        auto conn = Connection::open(QStringLiteral("sqlite:") + fresh(QStringLiteral("scan.db")));
        if (!conn)
            return fail(conn.error().toString());
        SqlExecutor ex((*conn)->database(), Dialect::SQLite);
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            if (auto r = ex.rows(QStringLiteral("SELECT COUNT(*) FROM \"items\" NOT INDEXED WHERE \"qty\" IS NULL")); !r)
                return fail(r.error().toString());
            scanSeconds = std::min(scanSeconds, t.nsecsElapsed() / 1e9);
        }
    }

    // Merged: the runner as it is.
    Figure merged;
    for (int i = 0; i < 3; ++i) {
        const QString db = fresh(QStringLiteral("merged.db"));
        auto conn = Connection::open(QStringLiteral("sqlite:") + db);
        if (!conn)
            return fail(conn.error().toString());
        MigrationRunner runner(**conn, repo);
        RunOptions o;
        o.settings.audit = false;
        QElapsedTimer t;
        t.start();
        auto r = runner.migrate(o);
        if (!r)
            return fail(r.error().toString());
        merged.seconds = std::min(merged.seconds, t.nsecsElapsed() / 1e9);
        merged.rebuilds = int(r->sql.count(QStringLiteral("CREATE TABLE \"covet_new_")));
        SqlExecutor ex((*conn)->database(), Dialect::SQLite);
        auto n = ex.rows(QStringLiteral("SELECT count(*) FROM items WHERE typeof(qty) = 'integer'"));
        if (!n || n->first().value(0).toInt() != rows)
            return fail(QStringLiteral("the merged rebuild did not convert every qty to an integer"));
    }

    QTextStream out(stdout);
    out << QStringLiteral("rows: %1; two operations on one table (qty TEXT -> INTEGER NOT NULL, CHECK on price)\n").arg(rows);
    out << QStringLiteral("  per operation (before): %1 rebuilds, %2 s (of which the NULL count, run twice, from items_qty_idx: 2 x %3 s)\n")
               .arg(perOperation.rebuilds)
               .arg(perOperation.seconds, 0, 'f', 3)
               .arg(countSeconds, 0, 'f', 3);
    out << QStringLiteral("  merged (MigrationRunner::migrate): %1 rebuild, %2 s; the NULL check is the copy's NOT NULL constraint "
                          "(a counting pass of its own would cost %3 s on a column without an index)\n")
               .arg(merged.rebuilds)
               .arg(merged.seconds, 0, 'f', 3)
               .arg(scanSeconds, 0, 'f', 3);
    out << QStringLiteral("  floor (sqlite3 by hand, one rebuild, no conversion checks): %1 s\n").arg(floor.seconds, 0, 'f', 3);
    out << QStringLiteral("  merged / per operation: %1; merged / floor: %2\n")
               .arg(merged.seconds / perOperation.seconds, 0, 'f', 3)
               .arg(merged.seconds / floor.seconds, 0, 'f', 3);
    return merged.rebuilds == 1 ? 0 : 1;
}
