// covet-test-labels: engine sqlite postgres mysql
//
// DdlFile: a desired schema from a .sql file, read by executing it in a
// scratch database (in-memory SQLite; a covet_dev_* database on the
// --dev-url server, always dropped) and inspecting that.

#include "sources/scratchdatabase.h"
#include "../sql/richschema.h"
#include "../sql/schemacompare.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "sources/ddlfile.h"
#include "sql/sqlgenerator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

const QString kPgTouchFunction = QStringLiteral(
    "-- the trigger function is not part of the model\n"
    "CREATE FUNCTION covet_touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NEW;\nEND\n$$;\n\n");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text.toUtf8());
    return path;
}

// The scratch databases (covet_dev_*) that exist on a server.
QStringList scratchDatabases(Dialect d, const QString &serverUrl)
{
    auto conn = Connection::open(serverUrl, QStringLiteral("ddlfile-test"));
    if (!conn)
        return {QStringLiteral("<cannot connect: %1>").arg(conn.error().toString())};
    SqlExecutor ex((*conn)->database(), d);
    // This process's only: other suites create theirs meanwhile.
    const QString own = ScratchDatabase::ownPrefix().replace(u'_', QStringLiteral("\\_"));
    auto rows = d == Dialect::PostgreSQL
                  ? ex.rows(QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE '%1%' ORDER BY 1").arg(own))
                  : ex.rows(QStringLiteral("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '%1%' ORDER BY 1").arg(own));
    if (!rows)
        return {QStringLiteral("<query failed: %1>").arg(rows.error().toString())};
    QStringList names;
    for (const auto &r : *rows)
        names << r.value(0).toString();
    return names;
}

QString difference(Dialect d, const Schema &expected, const Schema &actual)
{
    covet::test::CompareOptions o;
    o.dialect = d;
    return covet::test::SchemaComparer(o).firstDifference(expected, actual);
}

QString errorText(const Result<Schema> &r)
{
    return r ? QStringLiteral("<no error>") : r.error().toString();
}

} // namespace

class TestDdlFile : public QObject
{
    Q_OBJECT

private slots:
    void sqliteFile()
    {
        QTemporaryDir dir;
        const Schema expected = covet::test::richSchema(Dialect::SQLite);
        const QString path = writeFile(dir, QStringLiteral("schema.sql"),
                                       QStringLiteral("-- generated; read back\n") + SqlGenerator::create(Dialect::SQLite)->schemaScript(expected));
        const auto loaded = DdlFile::load(path, Dialect::SQLite);
        QVERIFY2(loaded, qPrintable(errorText(loaded)));
        QCOMPARE(loaded->dialect, std::optional<Dialect>(Dialect::SQLite));
        const QString d = difference(Dialect::SQLite, expected, *loaded);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    void postgresFile()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        const QStringList before = scratchDatabases(Dialect::PostgreSQL, url);
        QTemporaryDir dir;
        const Schema expected = covet::test::richSchema(Dialect::PostgreSQL);
        const QString path = writeFile(dir, QStringLiteral("schema.sql"),
                                       kPgTouchFunction + SqlGenerator::create(Dialect::PostgreSQL)->schemaScript(expected));
        const auto loaded = DdlFile::load(path, Dialect::PostgreSQL, url);
        QVERIFY2(loaded, qPrintable(errorText(loaded)));
        const QString d = difference(Dialect::PostgreSQL, expected, *loaded);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        QCOMPARE(scratchDatabases(Dialect::PostgreSQL, url), before);
    }

    void mysqlFile()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        const QStringList before = scratchDatabases(Dialect::MySQL, url);
        QTemporaryDir dir;
        const Schema expected = covet::test::richSchema(Dialect::MySQL);
        const QString script = SqlGenerator::create(Dialect::MySQL)->schemaScript(expected);
        QVERIFY(script.contains(QStringLiteral("DELIMITER")));
        const QString path = writeFile(dir, QStringLiteral("schema.sql"), script);
        const auto loaded = DdlFile::load(path, Dialect::MySQL, url);
        QVERIFY2(loaded, qPrintable(errorText(loaded)));
        const QString d = difference(Dialect::MySQL, expected, *loaded);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        QCOMPARE(scratchDatabases(Dialect::MySQL, url), before);
    }

    void failingStatementNamesFileAndLine()
    {
        const QString text = QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                                            "\n"
                                            "-- a comment; with a semicolon\n"
                                            "CREATE TABLE b (\n"
                                            "  id INTEGER,\n"
                                            "  oops oops oops (\n"
                                            ");\n");
        const auto r = DdlFile::loadText(text, QStringLiteral("models/schema.sql"), Dialect::SQLite);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Database);
        QCOMPARE(r.error().location(), QStringLiteral("models/schema.sql:4"));
        QVERIFY2(r.error().message().contains(QStringLiteral("syntax error")), qPrintable(r.error().toString()));
    }

    void failingStatementOnServers_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("envVar");
        QTest::newRow("postgresql") << int(Dialect::PostgreSQL) << QStringLiteral("COVET_TEST_PG_URL");
        QTest::newRow("mysql") << int(Dialect::MySQL) << QStringLiteral("COVET_TEST_MYSQL_URL");
    }

    // The server's message, file:line, and no scratch database left behind.
    void failingStatementOnServers()
    {
        QFETCH(int, dialect);
        QFETCH(QString, envVar);
        const Dialect d = Dialect(dialect);
        const QString url = d == Dialect::PostgreSQL ? covet::test::serverUrl("COVET_TEST_PG_URL") : covet::test::serverUrl("COVET_TEST_MYSQL_URL");
        if (url.isEmpty()) {
            if (covet::test::inCi())
                QFAIL(qPrintable(envVar + QStringLiteral(" is not set (CI=true forbids skipping)")));
            QSKIP("server URL not set; start the servers with scripts/test-servers.sh");
        }
        const QStringList before = scratchDatabases(d, url);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.sql"),
                                       QStringLiteral("CREATE TABLE a (id int PRIMARY KEY);\n"
                                                      "CREATE TABLE b (a_id int REFERENCES a (id));\n"
                                                      "\n"
                                                      "INSERT INTO missing_table VALUES (1);\n"
                                                      "CREATE TABLE c (x int);\n"));
        const auto r = DdlFile::load(path, d, url);
        QVERIFY(!r);
        QCOMPARE(r.error().location(), path + QStringLiteral(":4"));
        QVERIFY2(r.error().message().contains(QStringLiteral("missing_table")), qPrintable(r.error().toString()));
        QCOMPARE(scratchDatabases(d, url), before);
    }

    void devUrlRequiredForServers()
    {
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL}) {
            const auto r = DdlFile::loadText(QStringLiteral("CREATE TABLE a (id int);"), QStringLiteral("schema.sql"), d);
            QVERIFY(!r);
            QCOMPARE(r.error().category(), Error::Category::InvalidInput);
            QVERIFY2(r.error().message().contains(QStringLiteral("--dev-url")), qPrintable(r.error().toString()));
            QCOMPARE(r.error().location(), QStringLiteral("schema.sql"));
        }
    }

    void unreachableDevUrl()
    {
        // Port 1 on loopback: nothing listens there.
        const auto pg = DdlFile::loadText(QStringLiteral("CREATE TABLE a (id int);"), QStringLiteral("schema.sql"), Dialect::PostgreSQL,
                                          QStringLiteral("postgresql://covet:secret_pw@127.0.0.1:1/postgres"));
        QVERIFY(!pg);
        QCOMPARE(pg.error().category(), Error::Category::Connection);
        QVERIFY2(pg.error().message().contains(QStringLiteral("--dev-url")), qPrintable(pg.error().toString()));
        QVERIFY2(!pg.error().toString().contains(QStringLiteral("secret_pw")), qPrintable(pg.error().toString()));
        const auto my = DdlFile::loadText(QStringLiteral("CREATE TABLE a (id int);"), QStringLiteral("schema.sql"), Dialect::MySQL,
                                          QStringLiteral("mysql://covet:secret_pw@127.0.0.1:1/mysql"));
        QVERIFY(!my);
        QCOMPARE(my.error().category(), Error::Category::Connection);
        // A malformed URL and a URL of the wrong dialect.
        const auto bad = DdlFile::loadText(QStringLiteral("SELECT 1;"), QStringLiteral("s.sql"), Dialect::PostgreSQL, QStringLiteral("nonsense"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().category(), Error::Category::InvalidInput);
        const auto wrong = DdlFile::loadText(QStringLiteral("SELECT 1;"), QStringLiteral("s.sql"), Dialect::PostgreSQL,
                                             QStringLiteral("mysql://covet@127.0.0.1:1/x"));
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message().contains(QStringLiteral("mysql server")), qPrintable(wrong.error().toString()));
    }

    void fileAndSplitErrors()
    {
        const auto missing = DdlFile::load(QStringLiteral("/nonexistent/dir/schema.sql"), Dialect::SQLite);
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::NotFound);
        QCOMPARE(missing.error().location(), QStringLiteral("/nonexistent/dir/schema.sql"));
        const auto unterminated = DdlFile::loadText(QStringLiteral("CREATE TABLE a (id int);\nINSERT INTO a VALUES ('x);\n"),
                                                    QStringLiteral("s.sql"), Dialect::SQLite);
        QVERIFY(!unterminated);
        QCOMPARE(unterminated.error().category(), Error::Category::InvalidInput);
        QCOMPARE(unterminated.error().location(), QStringLiteral("s.sql:2"));
    }

    void emptyFileIsAnEmptySchema()
    {
        const auto r = DdlFile::loadText(QStringLiteral("-- nothing yet\n"), QStringLiteral("empty.sql"), Dialect::SQLite);
        QVERIFY2(r, qPrintable(errorText(r)));
        QVERIFY(r->tables.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDdlFile)
#include "tst_ddlfile.moc"
