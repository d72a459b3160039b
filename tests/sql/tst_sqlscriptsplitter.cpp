// covet-test-labels: engine
//
// SqlScriptSplitter: statement boundaries as each dialect's shell sees them.

#include "sql/sqlscriptsplitter.h"

#include <QTest>

using namespace covet;
using Statements = QList<SqlScriptSplitter::Statement>;

namespace {

Statements splitOk(const QString &script, Dialect d)
{
    auto r = SqlScriptSplitter::split(script, d);
    if (!r) {
        qWarning("unexpected split error: %s", qPrintable(r.error().toString()));
        return {};
    }
    return *r;
}

QStringList sqlOf(const Statements &s)
{
    QStringList out;
    for (const auto &st : s)
        out << st.sql;
    return out;
}

QList<int> linesOf(const Statements &s)
{
    QList<int> out;
    for (const auto &st : s)
        out << st.line;
    return out;
}

} // namespace

class TestSqlScriptSplitter : public QObject
{
    Q_OBJECT

private slots:
    void plainStatementsAndLines()
    {
        const Statements s = splitOk(QStringLiteral("CREATE TABLE a (x int);\n\n  CREATE TABLE b (y int);\nSELECT 1"), Dialect::SQLite);
        QCOMPARE(sqlOf(s), (QStringList{QStringLiteral("CREATE TABLE a (x int)"), QStringLiteral("CREATE TABLE b (y int)"),
                                        QStringLiteral("SELECT 1")}));
        QCOMPARE(linesOf(s), (QList<int>{1, 3, 4}));
        QVERIFY(splitOk(QStringLiteral("  ;\n;; -- only a comment\n/* and another */"), Dialect::PostgreSQL).isEmpty());
    }

    void quotesHideSemicolons()
    {
        const QString script = QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine');\n"
                                              "CREATE TABLE \"x;y\" (\"a\"\"; b\" int);\n"
                                              "SELECT 2");
        for (Dialect d : {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL})
            QCOMPARE(splitOk(script, d).size(), 3);
        // Backticks: MySQL and SQLite identifiers.
        QCOMPARE(splitOk(QStringLiteral("CREATE TABLE `a;b` (`c``;` int); SELECT 1"), Dialect::MySQL).size(), 2);
        QCOMPARE(splitOk(QStringLiteral("CREATE TABLE `a;b` (x int); SELECT 1"), Dialect::SQLite).size(), 2);
        // SQLite [brackets].
        QCOMPARE(splitOk(QStringLiteral("CREATE TABLE [a;b] (x int); SELECT 1"), Dialect::SQLite).size(), 2);
        // MySQL backslash escapes inside strings; PostgreSQL only in E'...'.
        QCOMPARE(splitOk(QStringLiteral("SELECT 'a\\';b'; SELECT 2"), Dialect::MySQL).size(), 2);
        QCOMPARE(splitOk(QStringLiteral("SELECT E'a\\';b'; SELECT 2"), Dialect::PostgreSQL).size(), 2);
        QCOMPARE(splitOk(QStringLiteral("SELECT 'a\\'; SELECT 2"), Dialect::PostgreSQL).size(), 2);
    }

    void commentsHideSemicolons()
    {
        const Statements s = splitOk(QStringLiteral("-- first; not a statement\n"
                                                    "SELECT 1 /* a; b\n c; */ + 2;\n"
                                                    "/* leading; */ SELECT 3; -- trailing;\n"),
                                     Dialect::PostgreSQL);
        QCOMPARE(sqlOf(s), (QStringList{QStringLiteral("SELECT 1 /* a; b\n c; */ + 2"), QStringLiteral("SELECT 3")}));
        QCOMPARE(linesOf(s), (QList<int>{2, 4}));
        // PostgreSQL block comments nest.
        QCOMPARE(splitOk(QStringLiteral("SELECT 1 /* a /* b; */ c; */; SELECT 2"), Dialect::PostgreSQL).size(), 2);
        // MySQL: # comments, and "--" is a comment only before a space.
        QCOMPARE(splitOk(QStringLiteral("# a; b\nSELECT 1; SELECT 5--1;"), Dialect::MySQL).size(), 2);
    }

    void dollarQuotes()
    {
        const QString fn = QStringLiteral("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
                                          "BEGIN\n  NEW.x := 'a;$$b';\n  RETURN NEW;\nEND\n$body$;\n"
                                          "CREATE FUNCTION g() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
                                          "SELECT $1, a$b$c FROM t;");
        const Statements s = splitOk(fn, Dialect::PostgreSQL);
        QCOMPARE(s.size(), 3);
        QVERIFY(s.at(0).sql.endsWith(QStringLiteral("$body$")));
        QCOMPARE(linesOf(s), (QList<int>{1, 7, 8}));
        // Only PostgreSQL has dollar quotes.
        QCOMPARE(splitOk(QStringLiteral("SELECT $$a;b$$"), Dialect::MySQL).size(), 2);
    }

    void triggerBlocks()
    {
        const QString sqlite = QStringLiteral(
            "CREATE TABLE t (a int, b text);\n"
            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
            "  UPDATE t SET b = CASE WHEN a > 1 THEN 'x;' ELSE 'y' END;\n"
            "  DELETE FROM t WHERE a < 0;\n"
            "END;\n"
            "CREATE TEMP TRIGGER \"tr2\" BEFORE DELETE ON t FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'no;'); END;\n"
            "INSERT INTO t VALUES (1, 'end');");
        const Statements s = splitOk(sqlite, Dialect::SQLite);
        QCOMPARE(s.size(), 4);
        QVERIFY(s.at(1).sql.startsWith(QStringLiteral("CREATE TRIGGER tr")));
        QVERIFY(s.at(1).sql.endsWith(QStringLiteral("END")));
        QCOMPARE(linesOf(s), (QList<int>{1, 2, 6, 7}));

        // MySQL compound statements without DELIMITER (as QtSql would send
        // them): IF ... END IF and CASE ... END CASE do not end the block.
        const QString mysql = QStringLiteral(
            "CREATE DEFINER=`root`@`localhost` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\n"
            "BEGIN\n"
            "  IF NEW.a < 0 THEN SET NEW.a = 0; END IF;\n"
            "  CASE NEW.b WHEN 'x' THEN SET NEW.a = 1; ELSE SET NEW.a = 2; END CASE;\n"
            "  SET NEW.b = CASE WHEN NEW.a > 1 THEN 'big' ELSE 'small' END;\n"
            "END;\n"
            "CREATE TABLE `trigger` (`begin` int, `end` int);\n"
            "SELECT 1;");
        const Statements m = splitOk(mysql, Dialect::MySQL);
        QCOMPARE(m.size(), 3);
        QVERIFY(m.at(0).sql.endsWith(QStringLiteral("END")));
        QCOMPARE(linesOf(m), (QList<int>{1, 7, 8}));
        // Tables whose words look like blocks are not blocks.
        QCOMPARE(splitOk(QStringLiteral("CREATE TABLE c (x int CHECK (CASE WHEN x > 0 THEN 1 ELSE 0 END = 1)); SELECT 1;"),
                         Dialect::SQLite).size(), 2);
    }

    void mysqlDelimiter()
    {
        const QString script = QStringLiteral(
            "CREATE TABLE t (a int);\n"
            "DELIMITER //\n"
            "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND//\n"
            "CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END//\n"
            "delimiter ;\n"
            "SELECT 3;\n"
            "DELIMITER $$\n"
            "CREATE TRIGGER y AFTER INSERT ON t FOR EACH ROW BEGIN DELETE FROM t WHERE a = 0; END$$\n"
            "DELIMITER ;\n");
        const Statements s = splitOk(script, Dialect::MySQL);
        QCOMPARE(sqlOf(s), (QStringList{QStringLiteral("CREATE TABLE t (a int)"),
                                        QStringLiteral("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND"),
                                        QStringLiteral("CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END"),
                                        QStringLiteral("SELECT 3"),
                                        QStringLiteral("CREATE TRIGGER y AFTER INSERT ON t FOR EACH ROW BEGIN DELETE FROM t WHERE a = 0; END")}));
        QCOMPARE(linesOf(s), (QList<int>{1, 3, 8, 10, 12}));
        // DELIMITER is MySQL's client directive only.
        QCOMPARE(splitOk(QStringLiteral("DELIMITER //\nSELECT 1//"), Dialect::PostgreSQL).size(), 1);
    }

    void errorsNameTheLine_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("dialect");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("what");
        QTest::newRow("string") << QStringLiteral("SELECT 1;\nSELECT\n 'abc;\n\n") << int(Dialect::SQLite) << 3 << QStringLiteral("string literal");
        QTest::newRow("identifier") << QStringLiteral("SELECT \"a;\nb") << int(Dialect::PostgreSQL) << 1 << QStringLiteral("quoted text (\")");
        QTest::newRow("backtick") << QStringLiteral("\n\nSELECT `a") << int(Dialect::MySQL) << 3 << QStringLiteral("quoted text (`)");
        QTest::newRow("comment") << QStringLiteral("SELECT 1;\n/* never\nclosed") << int(Dialect::MySQL) << 2 << QStringLiteral("/* comment");
        QTest::newRow("nested comment") << QStringLiteral("/* a /* b */\nSELECT 1;") << int(Dialect::PostgreSQL) << 1 << QStringLiteral("/* comment");
        QTest::newRow("dollar") << QStringLiteral("SELECT 1;\n\nCREATE FUNCTION f() AS $fn$ BEGIN; END $f$;") << int(Dialect::PostgreSQL) << 3
                                << QStringLiteral("$fn$");
        QTest::newRow("bracket") << QStringLiteral("SELECT [a") << int(Dialect::SQLite) << 1 << QStringLiteral("[identifier]");
        QTest::newRow("delimiter") << QStringLiteral("SELECT 1;\nDELIMITER\nSELECT 2;") << int(Dialect::MySQL) << 2 << QStringLiteral("DELIMITER");
    }

    void errorsNameTheLine()
    {
        QFETCH(QString, script);
        QFETCH(int, dialect);
        QFETCH(int, line);
        QFETCH(QString, what);
        const auto r = SqlScriptSplitter::split(script, Dialect(dialect));
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::InvalidInput);
        QCOMPARE(r.error().location(), QStringLiteral("line %1").arg(line));
        QVERIFY2(r.error().message().contains(what), qPrintable(r.error().message()));
    }

    // Statements that end or start the migration's transaction are named;
    // savepoints, and BEGIN...END inside a routine body, are not.
    void transactionControl_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("words");
        const int pg = int(Dialect::PostgreSQL), my = int(Dialect::MySQL), lite = int(Dialect::SQLite);
        QTest::newRow("commit") << QStringLiteral("COMMIT") << pg << QStringLiteral("COMMIT");
        QTest::newRow("commit, lower case after a comment") << QStringLiteral("/* c */ commit work") << lite << QStringLiteral("commit");
        QTest::newRow("begin") << QStringLiteral("BEGIN") << pg << QStringLiteral("BEGIN");
        QTest::newRow("begin immediate") << QStringLiteral("BEGIN IMMEDIATE TRANSACTION") << lite << QStringLiteral("BEGIN");
        QTest::newRow("end transaction") << QStringLiteral("END TRANSACTION") << lite << QStringLiteral("END");
        QTest::newRow("abort") << QStringLiteral("ABORT") << pg << QStringLiteral("ABORT");
        QTest::newRow("start transaction") << QStringLiteral("START TRANSACTION READ WRITE") << my << QStringLiteral("START TRANSACTION");
        QTest::newRow("rollback") << QStringLiteral("ROLLBACK") << pg << QStringLiteral("ROLLBACK");
        QTest::newRow("rollback work") << QStringLiteral("rollback work") << my << QStringLiteral("rollback");
        QTest::newRow("prepare transaction") << QStringLiteral("PREPARE TRANSACTION 'x'") << pg << QStringLiteral("PREPARE TRANSACTION");
        QTest::newRow("xa start") << QStringLiteral("XA START 'x'") << my << QStringLiteral("XA START");
        QTest::newRow("set autocommit") << QStringLiteral("SET autocommit = 1") << my << QStringLiteral("SET autocommit");
        QTest::newRow("set session autocommit") << QStringLiteral("SET SESSION autocommit=1") << my << QStringLiteral("SET autocommit");
        QTest::newRow("set @@autocommit") << QStringLiteral("SET @@autocommit = 1") << my << QStringLiteral("SET autocommit");
        QTest::newRow("set @@session.autocommit") << QStringLiteral("SET @@session.autocommit = 1") << my << QStringLiteral("SET autocommit");
        QTest::newRow("rollback to savepoint") << QStringLiteral("ROLLBACK TO SAVEPOINT a") << pg << QString();
        QTest::newRow("rollback transaction to") << QStringLiteral("ROLLBACK TRANSACTION TO a") << lite << QString();
        QTest::newRow("savepoint") << QStringLiteral("SAVEPOINT a") << pg << QString();
        QTest::newRow("release") << QStringLiteral("RELEASE SAVEPOINT a") << my << QString();
        QTest::newRow("prepare a statement") << QStringLiteral("PREPARE q AS SELECT 1") << pg << QString();
        QTest::newRow("do block") << QStringLiteral("DO $$ BEGIN PERFORM 1; END $$") << pg << QString();
        QTest::newRow("trigger body") << QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END") << lite << QString();
        QTest::newRow("a column named commit") << QStringLiteral("UPDATE t SET \"commit\" = 1") << pg << QString();
        QTest::newRow("set another variable") << QStringLiteral("SET search_path = public") << pg << QString();
        QTest::newRow("autocommit in PostgreSQL text") << QStringLiteral("SET application_name = 'autocommit'") << pg << QString();
        QTest::newRow("select") << QStringLiteral("SELECT 1") << lite << QString();
        QTest::newRow("MariaDB compound statement") << QStringLiteral("BEGIN NOT ATOMIC SELECT 1; END") << my << QString();
        QTest::newRow("a user variable") << QStringLiteral("SET @autocommit = 1") << my << QString();
        QTest::newRow("autocommit later in the list") << QStringLiteral("SET sql_mode = '', autocommit = 0") << my << QStringLiteral("SET autocommit");
        QTest::newRow("completion_type") << QStringLiteral("SET completion_type = 2") << my << QStringLiteral("SET completion_type");
        QTest::newRow("@@global.autocommit") << QStringLiteral("SET @@global.autocommit := 0") << my << QStringLiteral("SET autocommit");
    }

    void transactionWrapper()
    {
        QStringList wrapped{QStringLiteral("BEGIN"), QStringLiteral("DELETE FROM t"), QStringLiteral("COMMIT")};
        QVERIFY(SqlScriptSplitter::dropTransactionWrapper(wrapped, Dialect::PostgreSQL));
        QCOMPARE(wrapped, QStringList{QStringLiteral("DELETE FROM t")});
        QStringList started{QStringLiteral("START TRANSACTION"), QStringLiteral("UPDATE t SET a = 1"), QStringLiteral("END")};
        QVERIFY(SqlScriptSplitter::dropTransactionWrapper(started, Dialect::PostgreSQL));
        QCOMPARE(started.size(), 1);
        // Not a wrapper: a COMMIT in the middle, a BEGIN without its COMMIT, a ROLLBACK at the end.
        for (QStringList other : {QStringList{QStringLiteral("BEGIN"), QStringLiteral("COMMIT"), QStringLiteral("DELETE FROM t")},
                                  QStringList{QStringLiteral("BEGIN"), QStringLiteral("DELETE FROM t")},
                                  QStringList{QStringLiteral("BEGIN"), QStringLiteral("DELETE FROM t"), QStringLiteral("ROLLBACK")}}) {
            const QStringList before = other;
            QVERIFY(!SqlScriptSplitter::dropTransactionWrapper(other, Dialect::SQLite));
            QCOMPARE(other, before);
        }
    }

    void transactionControl()
    {
        QFETCH(QString, sql);
        QFETCH(int, dialect);
        QFETCH(QString, words);
        QCOMPARE(SqlScriptSplitter::transactionControl(sql, Dialect(dialect)), words);
    }
};

QTEST_GUILESS_MAIN(TestSqlScriptSplitter)
#include "tst_sqlscriptsplitter.moc"
