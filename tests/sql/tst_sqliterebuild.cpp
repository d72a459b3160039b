// covet-test-labels: engine sqlite
//
// The SQLite table rebuild on a real database: a parent/child ON DELETE
// CASCADE pair, a view over the child and a trigger on it. Rebuilding the
// child (type change + NOT NULL) and the parent must lose no child row, keep
// the view and the trigger working, leave foreign_key_check clean and
// foreign_keys ON; also as SQLite 3.24 (rename/drop column by rebuild) and
// through the sqlite3 shell.

#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "operations/operationapplier.h"
#include "sources/inspector.h"
#include "sql/sqlgenerator.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

const int kChildren = 1000;

QString fixture()
{
    QString sql = QStringLiteral(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT, extra TEXT);\n"
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE, "
        "amount TEXT, note TEXT);\n"
        "CREATE INDEX child_parent_idx ON child (parent_id);\n"
        "CREATE TABLE audit (child_id INTEGER);\n"
        "CREATE VIEW child_view AS SELECT c.id, c.amount, p.name FROM child c JOIN parent p ON p.id = c.parent_id;\n"
        "CREATE TRIGGER child_audit AFTER INSERT ON child BEGIN INSERT INTO audit (child_id) VALUES (NEW.id); END;\n"
        "INSERT INTO parent (id, name, extra) SELECT value, 'p' || value, 'x' FROM generate_series(1, 10);\n");
    return sql;
}

struct Db
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Connection> conn;
    SqlExecutor exec() { return SqlExecutor(conn->database(), Dialect::SQLite); }
    qlonglong value(const QString &sql)
    {
        auto r = exec().rows(sql);
        return r && !r->isEmpty() ? r->first().value(0).toLongLong() : -1;
    }
};

// A database with the fixture and kChildren child rows, foreign keys ON.
std::unique_ptr<Db> makeDb()
{
    auto db = std::make_unique<Db>();
    db->path = db->dir.filePath(QStringLiteral("rebuild.db"));
    auto c = Connection::open(QStringLiteral("sqlite:") + db->path);
    if (!c)
        return nullptr;
    db->conn = std::move(*c);
    SqlExecutor ex = db->exec();
    for (QString s : fixture().split(QStringLiteral(";\n"), Qt::SkipEmptyParts)) {
        // generate_series is not built into every SQLite: use a recursive CTE.
        s.replace(QStringLiteral("FROM generate_series(1, 10)"),
                  QStringLiteral("FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 10) SELECT value FROM n)"));
        if (!ex.exec(s))
            return nullptr;
    }
    if (!ex.exec(QStringLiteral("INSERT INTO child (parent_id, amount, note) WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n "
                                "WHERE v < %1) SELECT 1 + v % 10, CAST(v AS TEXT), 'n' || v FROM n").arg(kChildren))
        || !ex.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return nullptr;
    return db;
}

Schema inspect(Db &db)
{
    SqlExecutor ex = db.exec();
    auto s = Inspector::create(Dialect::SQLite)->inspect(ex);
    return s ? *s : Schema();
}

// Runs statements in order; on an error rolls back and returns it.
QString run(Db &db, const QStringList &statements)
{
    SqlExecutor ex = db.exec();
    for (const QString &s : statements) {
        if (auto r = ex.exec(s); !r) {
            ex.exec(QStringLiteral("ROLLBACK"));
            ex.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
            return r.error().toString();
        }
    }
    return {};
}

AlterColumn change(const Schema &s, const QString &table, const QString &column, SqlType type, bool nullable)
{
    const Column before = *s.table(table)->column(column);
    Column after = before;
    after.type = type;
    after.nullable = nullable;
    return AlterColumn{{}, table, before, after, {}};
}

// Every check of the test: rows, view, trigger, foreign keys, the pragma.
void verifyIntact(Db &db, const QString &noteColumn = QStringLiteral("note"))
{
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM child")), qlonglong(kChildren));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM child_view")), qlonglong(kChildren));
    QCOMPARE(db.value(QStringLiteral("SELECT sum(amount) FROM child")), qlonglong(kChildren) * (kChildren + 1) / 2);
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    QCOMPARE(db.value(QStringLiteral("PRAGMA foreign_keys")), 1);
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('child_view', 'child_audit', 'child_parent_idx')")), 3);
    // The trigger still fires, and the cascade still works.
    const qlonglong audited = db.value(QStringLiteral("SELECT count(*) FROM audit"));
    QVERIFY(db.exec().exec(QStringLiteral("INSERT INTO child (parent_id, amount, %1) VALUES (1, 5, 'new')").arg(noteColumn)));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM audit")), audited + 1);
    QVERIFY(db.exec().exec(QStringLiteral("DELETE FROM parent WHERE id = 2")));
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM child WHERE parent_id = 2")), 0);
    QCOMPARE(db.value(QStringLiteral("SELECT count(*) FROM child")), qlonglong(kChildren + 1 - kChildren / 10));
}

} // namespace

class TestSqliteRebuild : public QObject
{
    Q_OBJECT

private slots:
    void childAndParentRebuilt()
    {
        auto db = makeDb();
        QVERIFY(db);
        const Schema before = inspect(*db);
        QVERIFY(before.table(QStringLiteral("child")));
        const OperationList ops{change(before, QStringLiteral("child"), QStringLiteral("amount"), SqlType(SqlType::Kind::Integer), false),
                                change(before, QStringLiteral("parent"), QStringLiteral("name"), SqlType::varchar(50), false)};
        auto stmts = SqlGenerator::create(Dialect::SQLite)->renderAll(ops, before);
        COVET_VERIFY_OK(stmts);
        QCOMPARE(stmts->count(QStringLiteral("PRAGMA foreign_keys=OFF")), 2);
        const QString error = run(*db, *stmts);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        verifyIntact(*db);
        auto expected = OperationApplier::applyAll(before, ops);
        COVET_VERIFY_OK(expected);
        const Schema after = inspect(*db);
        QCOMPARE(after.table(QStringLiteral("child"))->column(QStringLiteral("amount"))->nullable, false);
        QCOMPARE(after.table(QStringLiteral("child"))->column(QStringLiteral("amount"))->type.kind(), SqlType::Kind::Integer);
        QCOMPARE(after.table(QStringLiteral("child"))->foreignKeys.size(), 1);
        QCOMPARE(after.table(QStringLiteral("parent"))->column(QStringLiteral("name"))->nullable, false);
    }

    void oldVersionRenameAndDrop()
    {
        auto db = makeDb();
        QVERIFY(db);
        const Schema before = inspect(*db);
        auto gen = SqlGenerator::create(Dialect::SQLite);
        gen->setSqliteVersion(3024000);
        const OperationList ops{RenameColumn{{}, QStringLiteral("child"), QStringLiteral("note"), QStringLiteral("remark")},
                                DropColumn{{}, QStringLiteral("parent"), QStringLiteral("extra")}};
        auto stmts = gen->renderAll(ops, before);
        COVET_VERIFY_OK(stmts);
        QVERIFY(!stmts->join(u'\n').contains(QStringLiteral("RENAME COLUMN")));
        QVERIFY(!stmts->join(u'\n').contains(QStringLiteral("DROP COLUMN")));
        QCOMPARE(stmts->count(QStringLiteral("BEGIN")), 2);
        const QString error = run(*db, *stmts);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(db->value(QStringLiteral("SELECT count(*) FROM child WHERE remark = 'n' || id")), qlonglong(kChildren));
        QCOMPARE(db->value(QStringLiteral("SELECT count(*) FROM pragma_table_info('parent') WHERE name = 'extra'")), 0);
        verifyIntact(*db, QStringLiteral("remark"));
    }

    void brokenReferenceAborts()
    {
        auto db = makeDb();
        QVERIFY(db);
        // A child row pointing nowhere, written with the checks off.
        QVERIFY(db->exec().exec(QStringLiteral("PRAGMA foreign_keys=OFF")));
        QVERIFY(db->exec().exec(QStringLiteral("INSERT INTO child (parent_id, amount) VALUES (999, '1')")));
        QVERIFY(db->exec().exec(QStringLiteral("PRAGMA foreign_keys=ON")));
        const Schema before = inspect(*db);
        auto stmts = SqlGenerator::create(Dialect::SQLite)->renderAll(
            {change(before, QStringLiteral("child"), QStringLiteral("amount"), SqlType(SqlType::Kind::Integer), true)}, before);
        COVET_VERIFY_OK(stmts);
        const QString error = run(*db, *stmts);
        QVERIFY2(error.contains(QStringLiteral("foreign_key_check_failed")), qPrintable(error));
        // Rolled back: the old table, all rows, the view and the trigger.
        QCOMPARE(db->value(QStringLiteral("SELECT count(*) FROM child")), qlonglong(kChildren + 1));
        QCOMPARE(db->exec().rows(QStringLiteral("SELECT type FROM pragma_table_info('child') WHERE name = 'amount'"))->first().value(0).toString(), QStringLiteral("TEXT"));
        QCOMPARE(db->value(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('child_view', 'child_audit')")), 2);
        // In an outer transaction the BEGIN fails before anything is dropped.
        QVERIFY(db->exec().exec(QStringLiteral("BEGIN")));
        const QString nested = run(*db, *stmts);
        QVERIFY(!nested.isEmpty());
        QCOMPARE(db->value(QStringLiteral("SELECT count(*) FROM child")), qlonglong(kChildren + 1));
    }

    void scriptThroughSqlite3Shell()
    {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        QVERIFY2(!sqlite3.isEmpty(), "sqlite3 is not installed");
        for (int version : {0, 3024000}) {
            auto db = makeDb();
            QVERIFY(db);
            const Schema before = inspect(*db);
            auto gen = SqlGenerator::create(Dialect::SQLite);
            if (version)
                gen->setSqliteVersion(version);
            const OperationList ops{change(before, QStringLiteral("child"), QStringLiteral("amount"), SqlType(SqlType::Kind::Integer), false),
                                    RenameColumn{{}, QStringLiteral("child"), QStringLiteral("note"), QStringLiteral("remark")},
                                    change(before, QStringLiteral("parent"), QStringLiteral("name"), SqlType::varchar(50), false)};
            auto script = gen->migrationScript(ops, before);
            COVET_VERIFY_OK(script);
            db->conn.reset();
            QFile f(db->dir.filePath(QStringLiteral("migration.sql")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("PRAGMA foreign_keys=ON;\n");
            f.write(script->toUtf8());
            f.write("SELECT 'fk=' || foreign_keys FROM pragma_foreign_keys;\n");
            f.close();
            QProcess p;
            p.setStandardInputFile(f.fileName());
            p.start(sqlite3, {db->path});
            QVERIFY(p.waitForFinished(60000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
            QVERIFY2(out.contains(QStringLiteral("fk=1")), qPrintable(out));
            auto c = Connection::open(QStringLiteral("sqlite:") + db->path);
            COVET_VERIFY_OK(c);
            db->conn = std::move(*c);
            QVERIFY(db->exec().exec(QStringLiteral("PRAGMA foreign_keys=ON")));
            QCOMPARE(db->value(QStringLiteral("SELECT count(*) FROM child WHERE remark = 'n' || id")), qlonglong(kChildren));
            verifyIntact(*db, QStringLiteral("remark"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSqliteRebuild)
#include "tst_sqliterebuild.moc"
