// covet-test-labels: engine postgres
#include "postgresinspectorfixture.h"

#include <atomic>

using namespace covet;
using namespace covet::test;

class TstPostgresInspectorRobustness : public PostgresInspectorFixture
{
    Q_OBJECT

private slots:
    void init()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        m_serverUrl = url;
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        m_db = std::move(db);
    }
    void cleanup() { m_db.reset(); }

    void hostileNames()
    {
        const QString table = QStringLiteral("we\"ird tab;le");
        const QString sel = QStringLiteral("select");
        const QString order = QStringLiteral("order");
        const QString umlaut = QStringLiteral("Müller_ß_表");
        const QString tick = QStringLiteral("back`tick");
        const QString pk = QStringLiteral("pk \"quoted\"; x");
        const QString uq = QStringLiteral("uq order");
        const QString ck = QStringLiteral("ck;Müller");
        const QString fk = QStringLiteral("fk `from` \"x\"");
        const QString idx = QStringLiteral("idx \"x\"; DROP TABLE y; --");
        const QString schemaName = QStringLiteral("Sch \"ema\" ü");
        RUN_SQL(QStringLiteral(
                    "CREATE TABLE %1 (%2 int, %3 text, %4 int, %5 int,\n"
                    "  CONSTRAINT %6 PRIMARY KEY (%2), CONSTRAINT %7 UNIQUE (%3), CONSTRAINT %8 CHECK (%4 > 0));\n"
                    "CREATE SCHEMA %11;\n"
                    "CREATE TABLE %11.%2 (%3 int, CONSTRAINT %9 FOREIGN KEY (%3) REFERENCES public.%1 (%2));\n"
                    "CREATE INDEX %10 ON %1 (%5, lower(%3));\n"
                    "COMMENT ON COLUMN %1.%4 IS 'ß';\n")
                    .arg(q(table), q(sel), q(order), q(umlaut), q(tick), q(pk), q(uq), q(ck), q(fk), q(idx), q(schemaName)));
        INSPECT(s);
        const Table *t = s.table(table);
        QVERIFY(t);
        QCOMPARE(t->columns.size(), 4);
        QCOMPARE(t->columns.at(0).name, sel);
        QCOMPARE(t->columns.at(1).name, order);
        QCOMPARE(t->columns.at(2).name, umlaut);
        QCOMPARE(t->columns.at(2).comment, QStringLiteral("ß"));
        QCOMPARE(t->columns.at(3).name, tick);
        QCOMPARE(t->primaryKey, std::optional<PrimaryKey>(PrimaryKey{pk, {sel}}));
        QCOMPARE(t->uniques, QList<UniqueConstraint>({{uq, {order}}}));
        QCOMPARE(t->checks.size(), 1);
        QCOMPARE(t->checks.first().name, ck);
        QCOMPARE(t->checks.first().expression, q(umlaut) + QStringLiteral(" > 0"));
        QCOMPARE(t->indexes.size(), 1);
        QCOMPARE(t->indexes.first().name, idx);
        QCOMPARE(t->indexes.first().parts.at(0).column, tick);
        QCOMPARE(t->indexes.first().parts.at(1).expression, QStringLiteral("lower(\"order\")"));

        QCOMPARE(s.namespaces, QStringList{schemaName});
        const Table *other = s.table(sel, schemaName);
        QVERIFY(other);
        QCOMPARE(other->foreignKeys.size(), 1);
        QCOMPARE(other->foreignKeys.first().name, fk);
        QCOMPARE(other->foreignKeys.first().columns, QStringList{order});
        QCOMPARE(other->foreignKeys.first().refSchema, QString());
        QCOMPARE(other->foreignKeys.first().refTable, table);
        QCOMPARE(other->foreignKeys.first().refColumns, QStringList{sel});
        VERIFY_ROUND_TRIP(s);

        // The schema filter binds hostile schema names as values.
        InspectOptions only;
        only.schemas = QStringList{schemaName};
        INSPECT(filtered, only);
        QCOMPARE(filtered.tables.size(), 1);
        QCOMPARE(filtered.tables.first().foreignKeys.first().refColumns, QStringList{sel});
    }

    void statementCountIsFixed()
    {
        auto script = [](int from, int to) {
            QString sql;
            for (int i = from; i < to; ++i) {
                sql += QStringLiteral("CREATE TABLE t_%1 (id serial PRIMARY KEY, parent int %2, name text NOT NULL DEFAULT '',"
                                      " price numeric(8,2), CONSTRAINT t_%1_price CHECK (price >= 0));\n"
                                      "CREATE INDEX t_%1_name ON t_%1 (name);\n"
                                      "CREATE TRIGGER t_%1_trg BEFORE UPDATE ON t_%1 FOR EACH ROW EXECUTE FUNCTION noop();\n"
                                      "CREATE VIEW v_%1 AS SELECT id FROM t_%1;\n")
                           .arg(i)
                           .arg(i == 0 ? QString() : QStringLiteral("REFERENCES t_%1 (id)").arg(i - 1));
            }
            return sql;
        };
        RUN_SQL(QStringLiteral("CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                               "CREATE TYPE color AS ENUM ('red', 'green');\n")
                + script(0, 5));
        int small = 0;
        INSPECT(s5, {}, &small);
        QCOMPARE(s5.tables.size(), 5);
        RUN_SQL(script(5, 300));
        int large = 0;
        INSPECT(s300, {}, &large);
        QCOMPARE(s300.tables.size(), 300);
        QCOMPARE(s300.views.size(), 300);
        QCOMPARE(large, small);
        QCOMPARE(small, int(PostgresInspector::catalogQueries().size()));
        const Table *last = s300.table(QStringLiteral("t_299"));
        QVERIFY(last);
        QCOMPARE(last->columns.size(), 4);
        QCOMPARE(last->foreignKeys.first().refTable, QStringLiteral("t_298"));
        QCOMPARE(last->indexes.first().name, QStringLiteral("t_299_name"));
        QCOMPARE(last->triggers.first().body, QStringLiteral("EXECUTE FUNCTION noop()"));
        QCOMPARE(last->checks.first().expression, QStringLiteral("price >= 0::numeric"));
        QCOMPARE(last->column(QStringLiteral("id"))->identity, Column::Identity::AutoIncrement);
        VERIFY_ROUND_TRIP(s300);

        // The same count with a schema filter (the bound filter adds no statements).
        InspectOptions only;
        only.schemas = list({u"public"});
        int filtered = 0;
        INSPECT(f, only, &filtered);
        QCOMPARE(filtered, small);
        QCOMPARE(f, s300);
    }

    void progressAndCancellation()
    {
        RUN_SQL(QStringLiteral("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n"));
        QList<int> steps;
        ProgressSink sink;
        sink.progress = [&](int done, int total, const QString &what) {
            QCOMPARE(total, 8);
            QVERIFY(!what.isEmpty());
            steps << done;
        };
        INSPECT(s, {}, nullptr, &sink);
        QCOMPARE(s.tables.size(), 2);
        QCOMPARE(steps, QList<int>({0, 1, 2, 3, 4, 5, 6, 7, 8}));

        // Cancelled before the first query: nothing runs.
        std::atomic_bool cancel{true};
        ProgressSink cancelled;
        cancelled.cancel = &cancel;
        int count = -1;
        auto r = inspect({}, &count, &cancelled);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Cancelled);
        QCOMPARE(count, 0);

        // Cancelled mid-way, from the progress callback.
        std::atomic_bool midway{false};
        ProgressSink later;
        later.cancel = &midway;
        later.progress = [&](int done, int, const QString &) {
            if (done == 3)
                midway = true;
        };
        auto r2 = inspect({}, &count, &later);
        QVERIFY(!r2);
        QCOMPARE(r2.error().category(), Error::Category::Cancelled);
        QCOMPARE(count, 3);
    }

    void closedConnectionIsAnError()
    {
        auto conn = Connection::open(m_db->url(), QStringLiteral("pg-closed"));
        QVERIFY(conn);
        QSqlDatabase db = (*conn)->database();
        db.close();
        SqlExecutor ex(db, Dialect::PostgreSQL);
        auto r = PostgresInspector().inspect(ex);
        QVERIFY(!r);
        QVERIFY2(r.error().category() == Error::Category::Database || r.error().category() == Error::Category::Connection,
                 qPrintable(r.error().toString()));
        QVERIFY2(r.error().toString().contains(QLatin1String("schemas")), qPrintable(r.error().toString()));
    }

    void closedPortIsAConnectionError()
    {
        auto url = DatabaseUrl::parse(m_serverUrl);
        QVERIFY(url);
        // Port 1 (tcpmux) is privileged and has no listener on a test machine.
        auto bad = DatabaseUrl::parse(QStringLiteral("postgresql://%1@%2:1/%3").arg(url->user(), url->host(), url->database()));
        QVERIFY(bad);
        bad->setPassword(url->resolvePassword());
        auto conn = Connection::open(*bad, QStringLiteral("pg-closed-port"));
        QVERIFY(!conn);
        QCOMPARE(conn.error().category(), Error::Category::Connection);
        QVERIFY2(conn.error().toString().contains(url->host()), qPrintable(conn.error().toString()));
    }

    void wrongPasswordIsAConnectionErrorWithoutThePassword()
    {
        auto url = DatabaseUrl::parse(m_serverUrl);
        QVERIFY(url);
        const QString secret = QStringLiteral("Wr0ng-S3cret-pw");
        url->setPassword(secret);
        auto conn = Connection::open(*url, QStringLiteral("pg-bad-password"));
        QVERIFY(!conn);
        QCOMPARE(conn.error().category(), Error::Category::Connection);
        const QString text = conn.error().toString();
        QVERIFY2(!text.contains(secret), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(text.contains(url->host()), qPrintable(text));
    }

    void catalogQueriesRunAsGiven()
    {
        // The queries the benchmark hands to psql are exactly what inspect() runs.
        SqlExecutor ex(m_db->connection().database(), Dialect::PostgreSQL);
        QStringList seen;
        ex.setStatementObserver([&](const QString &sql) { seen << sql; });
        auto r = PostgresInspector().inspect(ex);
        QVERIFY(r);
        QCOMPARE(seen, PostgresInspector::catalogQueries());
        for (const QString &query : seen)
            QVERIFY2(!query.contains(u'?'), qPrintable(query));
    }
};

QTEST_GUILESS_MAIN(TstPostgresInspectorRobustness)
#include "tst_postgresinspectorrobustness.moc"
