// Benchmark: the SQLite table rebuild of a 1,000,000-row table with two
// indexes, a trigger and a view (one column's type + NOT NULL changed):
// Covet's renderAll + execution through QtSql against the floor, the same
// 12 steps typed by hand into the sqlite3 shell. Best of 3 each, on a fresh
// copy of the database file every time.
//
//   bench_sqlite_rebuild            environment: COVET_BENCH_ROWS (default 1000000)
#include "sqlitebench.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "sources/inspector.h"
#include "sql/sqlgenerator.h"

#include <QCoreApplication>
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
    QTextStream(stderr) << "bench_sqlite_rebuild: " << message << Qt::endl;
    return 1;
}

const char *kTable = "CREATE TABLE items (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  qty TEXT,\n  price REAL,\n  created TEXT\n)";
const char *kIndexes = "CREATE INDEX items_name_idx ON items (name);\nCREATE INDEX items_qty_idx ON items (qty);\n";
const char *kTrigger = "CREATE TRIGGER items_audit AFTER UPDATE ON items BEGIN INSERT INTO audit (item_id) VALUES (NEW.id); END;\n";
const char *kView = "CREATE VIEW items_view AS SELECT id, name, qty FROM items WHERE qty > 0;\n";

// The 12 steps by hand, as a DBA would type them.
QString handScript()
{
    return QStringLiteral("PRAGMA foreign_keys=OFF;\nBEGIN;\nDROP VIEW items_view;\n"
                          "CREATE TABLE new_items (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  qty INTEGER NOT NULL,\n  price REAL,\n  created TEXT\n);\n"
                          "INSERT INTO new_items (id, name, qty, price, created) SELECT id, name, qty, price, created FROM items;\n"
                          "DROP TABLE items;\nALTER TABLE new_items RENAME TO items;\n")
        + QString::fromLatin1(kIndexes) + QString::fromLatin1(kTrigger) + QString::fromLatin1(kView)
        + QStringLiteral("PRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys=ON;\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = bench::rows();
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return fail(QStringLiteral("sqlite3 is not installed"));
    QTemporaryDir dir;
    const QString templ = dir.filePath(QStringLiteral("template.db"));
    const QString setup = QString::fromLatin1(kTable) + QStringLiteral(";\nCREATE TABLE audit (item_id INTEGER);\n")
                        + QStringLiteral("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %1) "
                                         "INSERT INTO items (id, name, qty, price, created) SELECT v, 'item ' || (v * 7919 % 1000003), "
                                         "CAST(v % 1000 AS TEXT), v * 0.25, '2024-01-01' FROM n;\n").arg(rows)
                        + QString::fromLatin1(kIndexes) + QString::fromLatin1(kTrigger) + QString::fromLatin1(kView);
    const QString setupFile = dir.filePath(QStringLiteral("setup.sql"));
    if (!bench::writeFile(setupFile, setup.toUtf8()))
        return fail(QStringLiteral("cannot write the setup script"));
    if (QString e = bench::runSqlite3(sqlite3, templ, setupFile); !e.isEmpty())
        return fail(e);

    auto fresh = [&](const QString &name) { return bench::freshCopy(dir, templ, name); };

    // Floor: sqlite3 by hand.
    const QString handFile = dir.filePath(QStringLiteral("hand.sql"));
    bench::writeFile(handFile, handScript().toUtf8());
    double floor = std::numeric_limits<double>::max();
    for (int i = 0; i < 3; ++i) {
        const QString db = fresh(QStringLiteral("hand.db"));
        QElapsedTimer t;
        t.start();
        if (QString e = bench::runSqlite3(sqlite3, db, handFile); !e.isEmpty())
            return fail(e);
        floor = std::min(floor, t.nsecsElapsed() / 1e9);
    }

    // Covet: renderAll + execution through QtSql.
    double covet = std::numeric_limits<double>::max();
    bool kept = true;
    for (int i = 0; i < 3; ++i) {
        const QString db = fresh(QStringLiteral("covet.db"));
        auto conn = Connection::open(QStringLiteral("sqlite:") + db);
        if (!conn)
            return fail(conn.error().toString());
        SqlExecutor ex((*conn)->database(), Dialect::SQLite);
        ex.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        auto before = Inspector::create(Dialect::SQLite)->inspect(ex);
        if (!before)
            return fail(before.error().toString());
        const Column qty = *before->table(QStringLiteral("items"))->column(QStringLiteral("qty"));
        Column after = qty;
        after.type = SqlType(SqlType::Kind::Integer);
        after.nullable = false;
        QElapsedTimer t;
        t.start();
        auto stmts = SqlGenerator::create(Dialect::SQLite)->renderAll({AlterColumn{{}, QStringLiteral("items"), qty, after, {}}}, *before);
        if (!stmts)
            return fail(stmts.error().toString());
        for (const QString &s : *stmts)
            if (auto r = ex.exec(s); !r)
                return fail(r.error().toString());
        covet = std::min(covet, t.nsecsElapsed() / 1e9);
        auto count = ex.rows(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('items_name_idx', 'items_qty_idx', 'items_audit', 'items_view')"));
        auto n = ex.rows(QStringLiteral("SELECT count(*) FROM items_view"));
        kept = kept && count && count->first().value(0).toInt() == 4 && n && n->first().value(0).toLongLong() > 0;
    }
    QTextStream(stdout) << QStringLiteral("rebuild: %1 s, floor (sqlite3 by hand): %2 s, ratio: %3 (target <= 1.05); indexes/triggers/views kept: %4")
                               .arg(covet, 0, 'f', 3)
                               .arg(floor, 0, 'f', 3)
                               .arg(covet / floor, 0, 'f', 3)
                               .arg(kept ? QStringLiteral("yes") : QStringLiteral("no"))
                        << Qt::endl;
    return kept ? 0 : 1;
}
