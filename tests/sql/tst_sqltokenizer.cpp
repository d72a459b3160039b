// covet-test-labels: engine
//
// SqlTokenizer: the engine's one SQL tokenizer, per dialect and per server
// setting (standard_conforming_strings, NO_BACKSLASH_ESCAPES, ANSI_QUOTES).

#include "schema/sqltokenizer.h"

#include <QTest>

using namespace covet;
using Kind = SqlTokenizer::Kind;
using Rules = SqlTokenizer::Rules;

namespace {

// "kind:text" per token, for compact expectations.
QStringList shape(const QString &sql, const Rules &rules)
{
    static const char *names[] = {"w", "n", "qi", "s", "ds", "lc", "bc", "xc", "p"};
    QStringList out;
    for (const SqlTokenizer::Token &t : SqlTokenizer::tokenize(sql, rules))
        out << QStringLiteral("%1:%2%3").arg(QLatin1String(names[int(t.kind)]), t.source(sql), t.unterminated ? QStringLiteral("!") : QString());
    return out;
}

Rules reading(const QString &name)
{
    for (const Rules &r : Rules::everyServerReading())
        if (r.name == name)
            return r;
    qFatal("no reading %s", qPrintable(name));
}

} // namespace

class TestSqlTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void basicKinds()
    {
        const QString sql = QStringLiteral("SELECT a1, 1.5e3 /* c */ FROM t -- end\nWHERE x_y = .5;");
        QCOMPARE(shape(sql, Rules::forDialect(Dialect::PostgreSQL)),
                 (QStringList{"w:SELECT", "w:a1", "p:,", "n:1.5e3", "bc:/* c */", "w:FROM", "w:t", "lc:-- end", "w:WHERE", "w:x_y",
                              "p:=", "n:.5", "p:;"}));
    }

    void positionsAndLines()
    {
        const QString sql = QStringLiteral("a\n  'x\ny' b");
        const auto toks = SqlTokenizer::tokenize(sql, Rules::generic());
        QCOMPARE(toks.size(), 3);
        QCOMPARE(toks.at(1).start, 4);
        QCOMPARE(toks.at(1).end, 9);
        QCOMPARE(toks.at(1).line, 2);
        QCOMPARE(toks.at(2).line, 3);
    }

    void quotingPerDialect_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("reading");
        QTest::addColumn<QStringList>("tokens");
        const QString pg = QStringLiteral("PostgreSQL");
        const QString my = QStringLiteral("MySQL/MariaDB");
        const QString lite = QStringLiteral("SQLite");
        QTest::newRow("pg doubled quote") << "'it''s' x" << pg << QStringList{"s:'it''s'", "w:x"};
        QTest::newRow("pg backslash is a character") << "'a\\' ; x" << pg << QStringList{"s:'a\\'", "p:;", "w:x"};
        QTest::newRow("pg E string") << "E'a\\'b' x" << pg << QStringList{"s:E'a\\'b'", "w:x"};
        QTest::newRow("pg legacy strings") << "'a\\' ; x'" << "PostgreSQL with standard_conforming_strings off"
                                           << QStringList{"s:'a\\' ; x'"};
        QTest::newRow("pg double quote is a name") << "\"a\"\"b\"" << pg << QStringList{"qi:\"a\"\"b\""};
        QTest::newRow("pg dollar quote") << "$$a;b$$ $fn$ x $$ y $fn$ z" << pg << QStringList{"ds:$$a;b$$", "ds:$fn$ x $$ y $fn$", "w:z"};
        QTest::newRow("pg dollar after word") << "a$b$ c" << pg << QStringList{"w:a$b$", "w:c"};
        QTest::newRow("pg parameter") << "$1" << pg << QStringList{"p:$", "n:1"};
        QTest::newRow("pg nested comment") << "/* a /* b */ ; */ x" << pg << QStringList{"bc:/* a /* b */ ; */", "w:x"};
        QTest::newRow("pg backtick is punctuation") << "`a`" << pg << QStringList{"p:`", "w:a", "p:`"};
        QTest::newRow("pg hash is punctuation") << "# x" << pg << QStringList{"p:#", "w:x"};
        QTest::newRow("mysql backslash escape") << "'a\\' ; x'" << my << QStringList{"s:'a\\' ; x'"};
        QTest::newRow("mysql double quote is a string") << "\"a\\\"b\"" << my << QStringList{"s:\"a\\\"b\""};
        QTest::newRow("mysql backtick") << "`a``b`" << my << QStringList{"qi:`a``b`"};
        QTest::newRow("mysql hash comment") << "a # b ; c\nd" << my << QStringList{"w:a", "lc:# b ; c", "w:d"};
        QTest::newRow("mysql dash needs space") << "a --b\nc -- d" << my << QStringList{"w:a", "p:-", "p:-", "w:b", "w:c", "lc:-- d"};
        QTest::newRow("mysql comments do not nest") << "/* a /* b */ ; */" << my << QStringList{"bc:/* a /* b */", "p:;", "p:*", "p:/"};
        QTest::newRow("mysql executable comment") << "/*!50001 DROP */ /*M! x */ /*+ hint */"
                                                  << my << QStringList{"xc:/*!50001 DROP */", "xc:/*M! x */", "xc:/*+ hint */"};
        QTest::newRow("mysql dollar is a word char") << "$$ ; $$" << my << QStringList{"p:$", "p:$", "p:;", "p:$", "p:$"};
        QTest::newRow("mysql no backslash escapes") << "'a\\' ; x'" << "MySQL/MariaDB with NO_BACKSLASH_ESCAPES"
                                                    << QStringList{"s:'a\\'", "p:;", "w:x", "s:'!"};
        QTest::newRow("mysql ansi quotes") << "\"a\\\"; b\"" << "MySQL/MariaDB with ANSI_QUOTES"
                                           << QStringList{"qi:\"a\\\"", "p:;", "w:b", "qi:\"!"};
        QTest::newRow("sqlite brackets") << "[a;b] `c` \"d\"" << lite << QStringList{"qi:[a;b]", "qi:`c`", "qi:\"d\""};
        QTest::newRow("sqlite backslash is a character") << "'a\\'" << lite << QStringList{"s:'a\\'"};
        QTest::newRow("sqlite unterminated comment") << "a /* b" << lite << QStringList{"w:a", "bc:/* b!"};
        QTest::newRow("unterminated string") << "'abc" << lite << QStringList{"s:'abc!"};
        QTest::newRow("unterminated dollar") << "$x$ abc" << pg << QStringList{"ds:$x$ abc!"};
        QTest::newRow("non-ascii word") << "café_über" << lite << QStringList{"w:café_über"};
    }

    void quotingPerDialect()
    {
        QFETCH(QString, sql);
        QFETCH(QString, reading);
        QFETCH(QStringList, tokens);
        const Rules rules = reading == u"PostgreSQL" ? Rules::forDialect(Dialect::PostgreSQL)
                          : reading == u"MySQL/MariaDB" ? Rules::forDialect(Dialect::MySQL)
                          : reading == u"SQLite" ? Rules::forDialect(Dialect::SQLite)
                                                 : ::reading(reading);
        QCOMPARE(shape(sql, rules), tokens);
    }

    void everyServerReadingIsDistinct()
    {
        const QList<Rules> all = Rules::everyServerReading();
        QCOMPARE(all.size(), 7);
        QSet<QString> names;
        for (const Rules &r : all)
            names.insert(r.name);
        QCOMPARE(names.size(), all.size());
    }

    void unquoted()
    {
        const QString sql = QStringLiteral("'it''s' \"a\"\"b\" `c``d` [e]] E'x'");
        const auto toks = SqlTokenizer::tokenize(sql, Rules::forDialect(Dialect::SQLite));
        QCOMPARE(SqlTokenizer::unquoted(toks.at(0), sql), QStringLiteral("it's"));
        QCOMPARE(SqlTokenizer::unquoted(toks.at(1), sql), QStringLiteral("a\"b"));
        QCOMPARE(SqlTokenizer::unquoted(toks.at(2), sql), QStringLiteral("c`d"));
        QCOMPARE(SqlTokenizer::unquoted(toks.at(3), sql), QStringLiteral("e"));
        const auto pg = SqlTokenizer::tokenize(QStringLiteral("E'x'"), Rules::forDialect(Dialect::PostgreSQL));
        QCOMPARE(SqlTokenizer::unquoted(pg.at(0), QStringLiteral("E'x'")), QStringLiteral("x"));
    }

    void incrementalUse()
    {
        const QString sql = QStringLiteral("a b\nc");
        SqlTokenizer tk(sql, Rules::generic());
        SqlTokenizer::Token t;
        QVERIFY(tk.next(&t));
        QVERIFY(tk.next(&t));
        QCOMPARE(t.source(sql), QStringView(u"b"));
        tk.setPosition(0);
        QCOMPARE(tk.line(), 1);
        tk.advanceTo(4);
        QCOMPARE(tk.line(), 2);
        QVERIFY(tk.next(&t));
        QCOMPARE(t.source(sql), QStringView(u"c"));
        QCOMPARE(t.line, 2);
        QVERIFY(!tk.next(&t));
        QVERIFY(tk.atEnd());
    }
};

QTEST_GUILESS_MAIN(TestSqlTokenizer)
#include "tst_sqltokenizer.moc"
