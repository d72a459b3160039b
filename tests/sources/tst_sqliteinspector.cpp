// covet-test-labels: engine sqlite
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "schema/schemajson.h"
#include "sources/sqliteinspector.h"

#include <QTest>

using namespace covet;

class TstSqliteInspector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ScratchDatabase> m_db;

    Schema inspect(int *statements = nullptr)
    {
        SqlExecutor ex(m_db->connection().database(), Dialect::SQLite);
        SqliteInspector inspector;
        auto schema = inspector.inspect(ex);
        if (!schema)
            qFatal("inspect failed: %s", qPrintable(schema.error().toString()));
        if (statements)
            *statements = ex.statementCount();
        return *schema;
    }

    void run(const QString &script)
    {
        QString error;
        QVERIFY2(m_db->execScript(script, &error), qPrintable(error));
    }

private slots:
    void init()
    {
        m_db = test::ScratchDatabase::create(Dialect::SQLite, {});
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void compositeKeysAndActions()
    {
        run(QStringLiteral(
            "CREATE TABLE parent (a INTEGER NOT NULL, b TEXT NOT NULL, CONSTRAINT pk_parent PRIMARY KEY (a, b));\n"
            "CREATE TABLE child (id INTEGER PRIMARY KEY AUTOINCREMENT, pa INTEGER, pb TEXT,\n"
            "  CONSTRAINT fk_child_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED);\n"));
        const Schema s = inspect();
        const Table *parent = s.table(QStringLiteral("parent"));
        QVERIFY(parent);
        QVERIFY(parent->primaryKey);
        QCOMPARE(parent->primaryKey->name, QStringLiteral("pk_parent"));
        QCOMPARE(parent->primaryKey->columns, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        const Table *child = s.table(QStringLiteral("child"));
        QVERIFY(child);
        QCOMPARE(child->column(QStringLiteral("id"))->identity, Column::Identity::AutoIncrement);
        QCOMPARE(child->column(QStringLiteral("id"))->nullable, false);
        QCOMPARE(child->foreignKeys.size(), 1);
        const ForeignKey &fk = child->foreignKeys.first();
        QCOMPARE(fk.name, QStringLiteral("fk_child_parent"));
        QCOMPARE(fk.columns, QStringList({QStringLiteral("pa"), QStringLiteral("pb")}));
        QCOMPARE(fk.refTable, QStringLiteral("parent"));
        QCOMPARE(fk.refColumns, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(fk.onDelete, ForeignKey::Action::Cascade);
        QCOMPARE(fk.onUpdate, ForeignKey::Action::SetNull);
        QVERIFY(fk.deferrable);
        QVERIFY(fk.initiallyDeferred);
    }

    void implicitReferencedColumns()
    {
        run(QStringLiteral("CREATE TABLE p (id INTEGER PRIMARY KEY);\nCREATE TABLE c (pid INTEGER REFERENCES p);\n"));
        const Schema s = inspect();
        QCOMPARE(s.table(QStringLiteral("c"))->foreignKeys.first().refColumns, QStringList{QStringLiteral("id")});
    }

    void indexesPartialExpressionUnique()
    {
        run(QStringLiteral(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT COLLATE NOCASE, n INTEGER, deleted INTEGER DEFAULT 0,\n"
            "  CONSTRAINT uq_t_n UNIQUE (n), UNIQUE (email, n));\n"
            "CREATE INDEX ix_partial ON t (email) WHERE deleted = 0;\n"
            "CREATE INDEX ix_expr ON t (lower(email), n DESC);\n"
            "CREATE UNIQUE INDEX ux_n ON t (n, id);\n"));
        const Schema s = inspect();
        const Table *t = s.table(QStringLiteral("t"));
        QVERIFY(t);
        QCOMPARE(t->column(QStringLiteral("email"))->collation, QStringLiteral("NOCASE"));
        QCOMPARE(t->column(QStringLiteral("deleted"))->defaultExpr.value_or(QString()), QStringLiteral("0"));
        QCOMPARE(t->indexes.size(), 3);
        const Index *partial = t->index(QStringLiteral("ix_partial"));
        QVERIFY(partial);
        QCOMPARE(partial->where, QStringLiteral("deleted = 0"));
        const Index *expr = t->index(QStringLiteral("ix_expr"));
        QVERIFY(expr);
        QCOMPARE(expr->parts.size(), 2);
        QVERIFY(expr->parts.at(0).isExpression());
        QCOMPARE(expr->parts.at(0).expression, QStringLiteral("lower(email)"));
        QCOMPARE(expr->parts.at(1).column, QStringLiteral("n"));
        QVERIFY(expr->parts.at(1).descending);
        QVERIFY(t->index(QStringLiteral("ux_n"))->unique);
        QCOMPARE(t->uniques.size(), 2);
        QCOMPARE(t->uniques.at(1).name, QStringLiteral("uq_t_n"));   // sorted by name: "" < "uq_t_n"
        QCOMPARE(t->uniques.at(0).columns, QStringList({QStringLiteral("email"), QStringLiteral("n")}));
    }

    void generatedChecksWithoutRowid()
    {
        run(QStringLiteral(
            "CREATE TABLE g (k TEXT PRIMARY KEY, price REAL NOT NULL CHECK (price >= 0), qty INTEGER NOT NULL,\n"
            "  total REAL GENERATED ALWAYS AS (price * qty) STORED, label TEXT AS (upper(k)) VIRTUAL,\n"
            "  CONSTRAINT ck_qty CHECK (qty BETWEEN 0 AND 1000)) WITHOUT ROWID;\n"));
        const Schema s = inspect();
        const Table *g = s.table(QStringLiteral("g"));
        QVERIFY(g);
        QVERIFY(g->withoutRowid);
        QCOMPARE(g->column(QStringLiteral("total"))->generatedExpr, QStringLiteral("price * qty"));
        QVERIFY(g->column(QStringLiteral("total"))->generatedStored);
        QCOMPARE(g->column(QStringLiteral("label"))->generatedExpr, QStringLiteral("upper(k)"));
        QVERIFY(!g->column(QStringLiteral("label"))->generatedStored);
        QCOMPARE(g->column(QStringLiteral("price"))->type.kind(), SqlType::Kind::Double);
        QCOMPARE(g->checks.size(), 2);
        QCOMPARE(g->checks.at(0).expression, QStringLiteral("price >= 0"));
        QCOMPARE(g->checks.at(1).name, QStringLiteral("ck_qty"));
        QCOMPARE(g->checks.at(1).expression, QStringLiteral("qty BETWEEN 0 AND 1000"));
    }

    void typesMapToCanonical()
    {
        run(QStringLiteral("CREATE TABLE ty (a VARCHAR(40), b NUMERIC(10,2), c BOOLEAN, d TIMESTAMP, e BLOB, f BIGINT, g JSON, h UUID, i DATE, j);\n"));
        const Schema s = inspect();
        const Table *t = s.table(QStringLiteral("ty"));
        QCOMPARE(t->column(QStringLiteral("a"))->type.canonicalName(), QStringLiteral("varchar(40)"));
        QCOMPARE(t->column(QStringLiteral("b"))->type.canonicalName(), QStringLiteral("numeric(10,2)"));
        QCOMPARE(t->column(QStringLiteral("c"))->type.kind(), SqlType::Kind::Boolean);
        QCOMPARE(t->column(QStringLiteral("d"))->type.kind(), SqlType::Kind::Timestamp);
        QCOMPARE(t->column(QStringLiteral("e"))->type.kind(), SqlType::Kind::Blob);
        QCOMPARE(t->column(QStringLiteral("f"))->type.kind(), SqlType::Kind::BigInt);
        QCOMPARE(t->column(QStringLiteral("g"))->type.kind(), SqlType::Kind::Json);
        QCOMPARE(t->column(QStringLiteral("h"))->type.kind(), SqlType::Kind::Uuid);
        QCOMPARE(t->column(QStringLiteral("i"))->type.kind(), SqlType::Kind::Date);
        QCOMPARE(t->column(QStringLiteral("j"))->type.kind(), SqlType::Kind::Other);
    }

    void viewsAndTriggers()
    {
        run(QStringLiteral(
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL, updated TEXT);\n"
            "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;\n"
            "CREATE TRIGGER trg_orders_touch AFTER UPDATE OF total ON orders FOR EACH ROW BEGIN"
            " UPDATE orders SET updated = 'now; really' WHERE id = NEW.id; END;\n"));
        const Schema s = inspect();
        QCOMPARE(s.views.size(), 1);
        QCOMPARE(s.views.first().name, QStringLiteral("big_orders"));
        QCOMPARE(s.views.first().definition, QStringLiteral("SELECT id, total FROM orders WHERE total > 100"));
        const Table *o = s.table(QStringLiteral("orders"));
        QCOMPARE(o->triggers.size(), 1);
        const Trigger &tr = o->triggers.first();
        QCOMPARE(tr.name, QStringLiteral("trg_orders_touch"));
        QCOMPARE(tr.timing, QStringLiteral("AFTER"));
        QCOMPARE(tr.events, QStringList{QStringLiteral("UPDATE")});
        QVERIFY(tr.body.contains(QStringLiteral("'now; really'")));
        QVERIFY(tr.definition.startsWith(QStringLiteral("CREATE TRIGGER")));
    }

    void hostileNames()
    {
        run(QStringLiteral(
            "CREATE TABLE \"select\" (\"order\" INTEGER PRIMARY KEY, \"we\"\"ird`; DROP TABLE x;--\" TEXT, \"Müller_ß_表\" TEXT, \"with space\" INTEGER);\n"
            "CREATE INDEX \"ix; \"\"quoted\"\"\" ON \"select\" (\"Müller_ß_表\");\n"
            "CREATE TABLE \"child table\" (\"ref\" INTEGER, CONSTRAINT \"fk \"\"x\"\"\" FOREIGN KEY (\"ref\") REFERENCES \"select\" (\"order\"));\n"));
        const Schema s = inspect();
        const Table *t = s.table(QStringLiteral("select"));
        QVERIFY(t);
        QVERIFY(t->column(QStringLiteral("we\"ird`; DROP TABLE x;--")));
        QVERIFY(t->column(QStringLiteral("Müller_ß_表")));
        QVERIFY(t->column(QStringLiteral("with space")));
        QVERIFY(t->index(QStringLiteral("ix; \"quoted\"")));
        QCOMPARE(t->index(QStringLiteral("ix; \"quoted\""))->parts.first().column, QStringLiteral("Müller_ß_表"));
        const Table *c = s.table(QStringLiteral("child table"));
        QVERIFY(c);
        QCOMPARE(c->foreignKeys.first().name, QStringLiteral("fk \"x\""));
        QCOMPARE(c->foreignKeys.first().refTable, QStringLiteral("select"));
    }

    void covetTablesAreLeftOut()
    {
        run(QStringLiteral("CREATE TABLE _covet_migrations (id TEXT PRIMARY KEY);\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n"));
        const Schema s = inspect();
        QCOMPARE(s.tables.size(), 1);
        QCOMPARE(s.tables.first().name, QStringLiteral("users"));
        SqlExecutor ex(m_db->connection().database(), Dialect::SQLite);
        InspectOptions opts;
        opts.includeCovetTables = true;
        QCOMPARE(SqliteInspector().inspect(ex, opts)->tables.size(), 2);
    }

    void fixedStatementCount()
    {
        auto makeTables = [this](int from, int to) {
            QString script;
            for (int i = from; i < to; ++i)
                script += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, name TEXT NOT NULL, parent INTEGER REFERENCES t%1(id));\n"
                                         "CREATE INDEX ix_t%1 ON t%1 (name);\n").arg(i);
            run(script);
        };
        makeTables(0, 5);
        int five = 0;
        QCOMPARE(inspect(&five).tables.size(), 5);
        makeTables(5, 300);
        int many = 0;
        const Schema s = inspect(&many);
        QCOMPARE(s.tables.size(), 300);
        QCOMPARE(s.tables.last().indexes.size(), 1);
        QCOMPARE(s.tables.last().foreignKeys.size(), 1);
        QCOMPARE(many, five);
        QVERIFY(five <= 4);
    }

    void jsonRoundTrip()
    {
        run(QStringLiteral(
            "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, x VARCHAR(10) NOT NULL DEFAULT 'it''s', y NUMERIC(8,3) CHECK (y > 0));\n"
            "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a (id) ON DELETE CASCADE, g INTEGER AS (a_id * 2));\n"
            "CREATE INDEX ix_b ON b (a_id DESC) WHERE a_id > 3;\n"
            "CREATE VIEW v AS SELECT * FROM b;\n"));
        const Schema s = inspect();
        const QByteArray json = SchemaJson::toCanonicalJson(s);
        auto back = SchemaJson::fromJsonText(json);
        COVET_VERIFY_OK(back);
        QCOMPARE(SchemaJson::toCanonicalJson(*back), json);
        QVERIFY(*back == s);
    }

    void missingFileIsAnError()
    {
        auto conn = Connection::open(QStringLiteral("sqlite:/nonexistent/dir/x.db"), QStringLiteral("t"), false);
        QVERIFY(!conn);
        QCOMPARE(conn.error().category(), Error::Category::NotFound);
        QVERIFY(conn.error().toString().contains(QStringLiteral("/nonexistent/dir/x.db")));
    }
};

QTEST_GUILESS_MAIN(TstSqliteInspector)
#include "tst_sqliteinspector.moc"
