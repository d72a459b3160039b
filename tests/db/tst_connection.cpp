// covet-test-labels: engine sqlite postgres mysql
#include "testsupport.h"

#include "db/connection.h"
#include "db/sqlexecutor.h"

#include <QTcpServer>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace covet;

namespace {

// A loopback port with nothing listening on it.
int closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const int port = s.serverPort();
    s.close();
    return port;
}

QString withPassword(const QString &url, const QString &password)
{
    auto u = DatabaseUrl::parse(url);
    u->setPassword(password);
    return u->toString();
}

} // namespace

class TstConnection : public QObject
{
    Q_OBJECT

private slots:
    void sqliteOpensAndReportsVersion()
    {
        QTemporaryDir dir;
        auto c = Connection::open(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("a.db")));
        COVET_VERIFY_OK(c);
        QVERIFY((*c)->serverVersion().startsWith(QStringLiteral("SQLite 3.")));
        QVERIFY((*c)->serverVersionNumber() >= 3035000);
        SqlExecutor ex((*c)->database(), Dialect::SQLite);
        auto fk = ex.rows(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(fk);
        QCOMPARE(fk->first().first().toInt(), 1);   // enforced on every Covet connection
    }

    void connectionsAreUniquePerThread()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("t.db"));
        auto a = Connection::open(url);
        QVERIFY(a);
        QString otherName;
        auto future = QtConcurrent::run([&] {
            auto b = Connection::open(url, QStringLiteral("worker"));
            if (b)
                otherName = (*b)->name();
            return bool(b);
        });
        QVERIFY(future.result());
        QVERIFY(!otherName.isEmpty());
        QVERIFY(otherName != (*a)->name());
        QVERIFY(!QSqlDatabase::contains(otherName));   // removed when the worker's Connection died
    }

    void executorBindsAndCounts()
    {
        auto c = Connection::open(QStringLiteral("sqlite::memory:"));
        QVERIFY(c);
        SqlExecutor ex((*c)->database(), Dialect::SQLite);
        QVERIFY(ex.exec(QStringLiteral("CREATE TABLE t (v TEXT)")));
        const QString hostile = QStringLiteral("'); DROP TABLE t; --");
        QVERIFY(ex.exec(QStringLiteral("INSERT INTO t VALUES (?)"), {hostile}));
        auto rows = ex.rows(QStringLiteral("SELECT v FROM t WHERE v = ?"), {hostile});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(ex.statementCount(), 3);
        auto bad = ex.exec(QStringLiteral("SELEC nonsense"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().category(), Error::Category::Database);
        QVERIFY(bad.error().location().contains(QStringLiteral("SELEC nonsense")));
    }

    void unreachableServers_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("postgresql") << "postgresql";
        QTest::newRow("mysql") << "mysql";
    }
    void unreachableServers()
    {
        QFETCH(QString, scheme);
        const QString url = QStringLiteral("%1://covet:secretpw@127.0.0.1:%2/covet").arg(scheme).arg(closedPort());
        auto c = Connection::open(url);
        QVERIFY(!c);
        QCOMPARE(c.error().category(), Error::Category::Connection);
        QVERIFY2(c.error().toString().contains(QStringLiteral("127.0.0.1")), qPrintable(c.error().toString()));
        QVERIFY(!c.error().toString().contains(QStringLiteral("secretpw")));
        QVERIFY(c.error().exitCode() != 0);
    }

    // A result that fails part way is an error naming the statement, never
    // the rows that came before the failure (PostgreSQL streams rows, a
    // megabyte here, then sends the error; SQLite fails at the step that
    // overflows).
    void resultFailingPartWayIsAnError_data()
    {
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::newRow("sqlite") << QString()
                                << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 600) "
                                                  "SELECT CASE WHEN x < 500 THEN x ELSE abs(-9223372036854775807 - (x - 499)) END FROM c")
                                << QStringLiteral("overflow");
        QTest::newRow("postgresql") << QStringLiteral("COVET_TEST_PG_URL")
                                    << QStringLiteral("SELECT CASE WHEN g < 20000 THEN repeat('x', 50) ELSE (1 / (g - g))::text END "
                                                      "FROM generate_series(1, 20001) g")
                                    << QStringLiteral("division by zero");
    }
    void resultFailingPartWayIsAnError()
    {
        QFETCH(QString, env);
        QFETCH(QString, sql);
        QFETCH(QString, message);
        QString url = QStringLiteral("sqlite::memory:");
        if (!env.isEmpty()) {
            url = test::serverUrl(env.toLatin1().constData());
            if (url.isEmpty())
                QSKIP("the server is not configured");
        }
        auto c = Connection::open(url);
        COVET_VERIFY_OK(c);
        SqlExecutor ex((*c)->database(), (*c)->dialect());
        for (const bool prepared : {false, true}) {
            auto rows = prepared ? ex.rowsPrepared(sql, {}) : ex.rows(sql);
            QVERIFY2(!rows, qPrintable(QStringLiteral("%1 rows and no error").arg(rows ? rows->size() : 0)));
            QVERIFY2(rows.error().toString().contains(message, Qt::CaseInsensitive), qPrintable(rows.error().toString()));
            QVERIFY2(rows.error().toString().contains(sql.left(40)), qPrintable(rows.error().toString()));
        }
        // The connection is still usable.
        auto one = ex.rows(QStringLiteral("SELECT 1"));
        COVET_VERIFY_OK(one);
        QCOMPARE(one->size(), 1);
    }

    void postgresWrongPassword()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        auto ok = Connection::open(url);
        COVET_VERIFY_OK(ok);
        QVERIFY((*ok)->serverVersion().startsWith(QStringLiteral("PostgreSQL ")));
        auto c = Connection::open(withPassword(url, QStringLiteral("Wr0ngPassw0rd")));
        QVERIFY(!c);
        QCOMPARE(c.error().category(), Error::Category::Connection);
        QVERIFY(c.error().toString().contains(QStringLiteral("password"), Qt::CaseInsensitive));
        QVERIFY(!c.error().toString().contains(QStringLiteral("Wr0ngPassw0rd")));
    }

    void postgresSchemaParameterSetsSearchPath()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        QVERIFY(db->execScript(QStringLiteral("CREATE SCHEMA \"odd \"\"schema\"\"\";\n")));
        DatabaseUrl u = db->url();
        auto withSchema = DatabaseUrl::parse(u.toString() + QStringLiteral("?schema=odd%20%22schema%22"));
        QVERIFY(withSchema);
        auto c = Connection::open(*withSchema);
        COVET_VERIFY_OK(c);
        SqlExecutor ex((*c)->database(), Dialect::PostgreSQL);
        auto rows = ex.rows(QStringLiteral("SELECT current_schema()"));
        QVERIFY(rows);
        QCOMPARE(rows->first().first().toString(), QStringLiteral("odd \"schema\""));
    }

    void mysqlWrongPassword()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        auto ok = Connection::open(url);
        COVET_VERIFY_OK(ok);
        QVERIFY((*ok)->serverVersion().startsWith(QStringLiteral("MariaDB ")) || (*ok)->serverVersion().startsWith(QStringLiteral("MySQL ")));
        auto c = Connection::open(withPassword(url, QStringLiteral("Wr0ngPassw0rd")));
        QVERIFY(!c);
        QCOMPARE(c.error().category(), Error::Category::Connection);
        QVERIFY(c.error().toString().contains(QStringLiteral("denied"), Qt::CaseInsensitive));
        QVERIFY(!c.error().toString().contains(QStringLiteral("Wr0ngPassw0rd")));
    }
};

QTEST_GUILESS_MAIN(TstConnection)
#include "tst_connection.moc"
