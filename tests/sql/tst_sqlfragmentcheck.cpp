// covet-test-labels: engine
//
// SqlFragmentCheck: what an expression, type, view body or trigger field of a
// migration or models file may hold. Hostile texts (statements hidden in a
// default, comment and quoting tricks that differ between servers and their
// settings) are refused; what databases report for real schemas is accepted.
// tst_hostileexpressions runs the hostile ones against the three servers.

#include "sql/sqlfragmentcheck.h"

#include <QTest>

using namespace covet;
using Kind = SqlFragmentCheck::Kind;

Q_DECLARE_METATYPE(SqlFragmentCheck::Kind)

class TestSqlFragmentCheck : public QObject
{
    Q_OBJECT

private:
    static void columns()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<SqlFragmentCheck::Kind>("kind");
    }

private slots:
    void accepted_data()
    {
        columns();
        for (const char *e : {"0", "''", "'it''s'", "'a;b'", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP(3)", "nextval('seq'::regclass)",
                              "now()", "(strftime('%s','now'))", "price * qty", "lower(email)", "total >= 0 AND note <> 'x; y'",
                              "x IN (1, 2, 3)", "ARRAY[1,2]", "a IS DISTINCT FROM b", "CASE WHEN a THEN 1 ELSE 2 END",
                              "'{}'::jsonb", "col::text", "\"Mixed\" > 0", "`x` > 0", "[x] > 0", "b'101'", "x'ff'",
                              "/* why */ 1", "'a' || 'b'", "data->>'key'", "\"on\" > 0", "t.on > 0", "(SELECT max(id) FROM t)"})
            QTest::newRow(e) << QString::fromUtf8(e) << Kind::Expression;
        for (const char *t : {"tsvector", "int(11) unsigned zerofill", "character varying(20)[]", "public.mood", "\"Weird Type\"",
                              "enum('a','b')", "geometry(Point, 4326)", "timestamp(3) with time zone"})
            QTest::newRow(t) << QString::fromUtf8(t) << Kind::Type;
        for (const char *q : {"SELECT 1", "select id from t where x = ';'", " SELECT id\n   FROM t;", "WITH a AS (SELECT 1) SELECT * FROM a",
                              "(SELECT 1) UNION (SELECT 2)", "VALUES (1)", "SELECT 1 -- first\nFROM t", "TABLE t",
                              "SELECT 'a'';DROP TABLE x;--' AS s", "SELECT 1 -- done"})
            QTest::newRow(q) << QString::fromUtf8(q) << Kind::Query;
        for (const char *b : {"EXECUTE FUNCTION touch()", "EXECUTE PROCEDURE f('a;b')", "SET NEW.x = 1",
                              "BEGIN UPDATE t SET a = 1; UPDATE u SET b = CASE WHEN x THEN 1 END; END",
                              "BEGIN IF NEW.a < 0 THEN SET NEW.a = 0; END IF; END",
                              "BEGIN DECLARE x INT; SET x = 1; WHILE x < 3 DO SET x = x + 1; END WHILE; END;",
                              "lbl: BEGIN LEAVE lbl; END lbl",
                              "BEGIN CASE NEW.a WHEN 1 THEN SET NEW.b = 2; ELSE SET NEW.b = 3; END CASE; END",
                              "BEGIN\n  SELECT RAISE(ABORT, 'no; way');\nEND", "BEGIN SET @x := 1; REPEAT SET @x = @x + 1; UNTIL @x > 3 END REPEAT; END",
                              "BEGIN SET NEW.t = NEW.begin; END"})
            QTest::newRow(b) << QString::fromUtf8(b) << Kind::TriggerBody;
        QTest::newRow("statement list with a definition") << "UPDATE t SET a = 1; UPDATE u SET b = 2;" << Kind::TriggerStatementList;
        for (const char *d : {"CREATE TRIGGER trg AFTER UPDATE ON t FOR EACH ROW WHEN NEW.a > 0 BEGIN UPDATE t SET b = 1; END",
                              "CREATE TRIGGER trg BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION touch()",
                              "CREATE TRIGGER `trg` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1",
                              "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a IS NULL THEN SET NEW.a = 1; END IF; END;",
                              "CREATE CONSTRAINT TRIGGER c AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION f()"})
            QTest::newRow(d) << QString::fromUtf8(d) << Kind::TriggerDefinition;
        for (const char *v : {"INSERT", "UPDATE OF a, \"b c\"", "delete", "TRUNCATE"})
            QTest::newRow(v) << QString::fromUtf8(v) << Kind::TriggerEvent;
        for (const char *v : {"BEFORE", "after", "INSTEAD OF", "instead  of"})
            QTest::newRow(v) << QString::fromUtf8(v) << Kind::TriggerTiming;
        QTest::newRow("empty") << QString() << Kind::Expression;
    }

    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(SqlFragmentCheck::Kind, kind);
        const auto problem = SqlFragmentCheck::problem(text, kind);
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    }

    void refused_data()
    {
        columns();
        QTest::addColumn<QString>("fragment");
        const QString sep = QStringLiteral("statement separator");
        // The default, and statements after an expression.
        QTest::newRow("issue 11") << "'x'; DROP TABLE victim CASCADE; CREATE TABLE pwned(i int); SELECT 'x'" << Kind::Expression << sep;
        QTest::newRow("after a number") << "0; DROP TABLE victim" << Kind::Expression << sep;
        QTest::newRow("after a paren") << "0) ; DROP TABLE victim; SELECT (1" << Kind::Expression << sep;
        // Quoting that differs between servers and their settings.
        QTest::newRow("backslash quote") << "'\\'; DROP TABLE victim; SELECT '" << Kind::Expression << "not closed";
        QTest::newRow("mysql backslash quote") << "'a\\' ; DROP TABLE victim; -- '" << Kind::Expression << "";
        QTest::newRow("ansi quotes") << "\"x\\\"; DROP TABLE victim; SELECT \"" << Kind::Expression << "not closed";
        QTest::newRow("one string to PostgreSQL, two to MySQL") << "'a\\''; DROP TABLE victim; --'" << Kind::Expression
                                                                << "reads it)";
        QTest::newRow("dollar quotes") << "$$; DROP TABLE victim; SELECT $$" << Kind::Expression << "";
        QTest::newRow("E string") << "E'a\\'b'" << Kind::Expression << "NO_BACKSLASH_ESCAPES";
        // Comments.
        QTest::newRow("line comment") << "0 -- NOT NULL" << Kind::Expression << "line comment";
        QTest::newRow("hash comment") << "0 # x" << Kind::Expression << "line comment";
        QTest::newRow("nested comment") << "/* /* */ 1; DROP TABLE victim; /* */" << Kind::Expression << "";
        QTest::newRow("unterminated comment") << "0 /* x" << Kind::Expression << "not closed";
        QTest::newRow("executable comment") << "0 /*!50000 ; DROP TABLE victim */" << Kind::Expression << "executable comment";
        QTest::newRow("mariadb executable comment") << "0 /*M! + 1 */" << Kind::Expression << "executable comment";
        QTest::newRow("only a comment") << "/* nothing */" << Kind::Expression << "no SQL";
        QTest::newRow("unterminated string") << "'abc" << Kind::Expression << "not closed";
        // Other clauses of the statement Covet writes.
        QTest::newRow("another column") << "0, pwned int" << Kind::Expression << "','";
        QTest::newRow("references") << "0 REFERENCES victim ON DELETE CASCADE" << Kind::Expression << "REFERENCES";
        QTest::newRow("primary key") << "0 PRIMARY KEY" << Kind::Expression << "PRIMARY";
        QTest::newRow("closing paren") << "x > 0) NOT VALID, CHECK (1 = 1" << Kind::Expression << "parentheses";
        QTest::newRow("select") << "SELECT 1" << Kind::Expression << "SELECT";
        // Types.
        QTest::newRow("type statement") << "int; DROP TABLE victim" << Kind::Type << sep;
        QTest::newRow("type constraint") << "int PRIMARY KEY" << Kind::Type << "PRIMARY";
        QTest::newRow("type not null") << "int NOT NULL" << Kind::Type << "NOT";
        QTest::newRow("type default") << "int DEFAULT 1" << Kind::Type << "DEFAULT";
        QTest::newRow("type list") << "text, pwned int" << Kind::Type << "','";
        // Views.
        QTest::newRow("view two statements") << "SELECT 1; DROP TABLE victim" << Kind::Query << sep;
        QTest::newRow("view delete") << "DELETE FROM victim" << Kind::Query << "SELECT, WITH";
        QTest::newRow("view separator in comment trick") << "SELECT 1 #\n; DROP TABLE victim" << Kind::Query << "";
        // Trigger bodies and definitions.
        QTest::newRow("body two statements") << "EXECUTE FUNCTION f(); DROP TABLE victim" << Kind::TriggerBody << sep;
        QTest::newRow("body statement list") << "UPDATE t SET a = 1; DELETE FROM victim" << Kind::TriggerBody << "BEGIN ... END";
        QTest::newRow("body after its block") << "BEGIN SELECT 1; END; DROP TABLE victim" << Kind::TriggerBody << "goes on after the END";
        QTest::newRow("body begin as a name") << "BEGIN SET begin = 1; END; DROP TABLE victim; END" << Kind::TriggerBody << "BEGIN at line 1";
        QTest::newRow("body case end") << "BEGIN CASE WHEN 1 THEN SELECT 1; END; DROP TABLE victim; END" << Kind::TriggerBody << "END";
        QTest::newRow("body unclosed") << "BEGIN SELECT 1;" << Kind::TriggerBody << "never closed";
        QTest::newRow("body hash comment") << "BEGIN SELECT 1; # END; DROP TABLE victim; END\nEND" << Kind::TriggerBody << "";
        QTest::newRow("definition two statements") << "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f(); DROP TABLE victim"
                                                   << Kind::TriggerDefinition << sep;
        QTest::newRow("definition after its block") << "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END; DROP TABLE victim"
                                                     << Kind::TriggerDefinition << "goes on after the END";
        QTest::newRow("definition not a trigger") << "DROP TABLE victim" << Kind::TriggerDefinition << "CREATE TRIGGER";
        QTest::newRow("event statement") << "INSERT; DROP TABLE victim" << Kind::TriggerEvent << "an event is";
        QTest::newRow("event list") << "INSERT OR DELETE" << Kind::TriggerEvent << "an event is";
        QTest::newRow("timing") << "BEFORE; DROP TABLE victim" << Kind::TriggerTiming << "BEFORE, AFTER";
        QTest::newRow("not rendered body, unterminated") << "UPDATE t SET a = 'x" << Kind::TriggerStatementList << "not closed";
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(SqlFragmentCheck::Kind, kind);
        QFETCH(QString, fragment);
        const auto problem = SqlFragmentCheck::problem(text, kind);
        QVERIFY2(problem, qPrintable(text));
        QVERIFY2(problem->contains(fragment), qPrintable(*problem));
    }

    void findingsNameTheField()
    {
        Table t;
        t.name = QStringLiteral("t");
        Column c;
        c.name = QStringLiteral("a");
        c.defaultExpr = QStringLiteral("0; DROP TABLE victim");
        t.columns << Column{} << c;
        Index i;
        i.name = QStringLiteral("i");
        i.parts << IndexPart{{}, QStringLiteral("lower(a)"), false, -1} << IndexPart{{}, QStringLiteral("a -- x"), false, -1};
        i.where = QStringLiteral("a > 0");
        t.indexes << i;
        t.checks << Check{QStringLiteral("c"), QStringLiteral("a > 0); DROP TABLE victim; --")};
        Trigger tr;
        tr.name = QStringLiteral("trg");
        tr.timing = QStringLiteral("AFTER");
        tr.events = {QStringLiteral("INSERT"), QStringLiteral("DELETE; x")};
        tr.body = QStringLiteral("UPDATE a SET b = 1; UPDATE c SET d = 2");
        tr.definition = QStringLiteral("CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE a SET b = 1; UPDATE c SET d = 2; END");
        t.triggers << tr;
        QStringList paths;
        for (const SqlFragmentCheck::Finding &f : SqlFragmentCheck::checkOperation(CreateTable{t}))
            paths << f.path;
        QCOMPARE(paths, (QStringList{QStringLiteral("definition.columns[1].default"), QStringLiteral("definition.indexes[0].parts[1].expression"),
                                     QStringLiteral("definition.checks[0].expression"), QStringLiteral("definition.triggers[0].events[1]")}));
        const auto alter = SqlFragmentCheck::checkOperation(AlterColumn{{}, QStringLiteral("t"), Column{}, c, QStringLiteral("a; b")});
        QCOMPARE(alter.size(), 2);
        QCOMPARE(alter.at(0).path, QStringLiteral("after.default"));
        QCOMPARE(alter.at(1).path, QStringLiteral("using"));
        Column other;
        other.type = SqlType::parseCanonical(QStringLiteral("tsvector; DROP TABLE victim"));
        QCOMPARE(SqlFragmentCheck::checkColumn(other).value(0).path, QStringLiteral("type"));
        QCOMPARE(SqlFragmentCheck::checkOperation(CreateView{View{{}, QStringLiteral("v"), QStringLiteral("SELECT 1; SELECT 2"), false}})
                     .value(0).path, QStringLiteral("definition"));
    }
};

QTEST_GUILESS_MAIN(TestSqlFragmentCheck)
#include "tst_sqlfragmentcheck.moc"
