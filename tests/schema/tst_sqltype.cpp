// covet-test-labels: engine
#include "testsupport.h"

#include "schema/sqltype.h"

#include <QTest>

using namespace covet;

Q_DECLARE_METATYPE(covet::Dialect)

class TstSqlType : public QObject
{
    Q_OBJECT

private slots:
    void fromDialect_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("canonical");
        const Dialect pg = Dialect::PostgreSQL, my = Dialect::MySQL, lite = Dialect::SQLite;
        QTest::newRow("pg integer") << pg << "integer" << "integer";
        QTest::newRow("pg varchar") << pg << "character varying(255)" << "varchar(255)";
        QTest::newRow("pg varchar unbounded") << pg << "character varying" << "varchar";
        QTest::newRow("pg numeric") << pg << "numeric(10,2)" << "numeric(10,2)";
        QTest::newRow("pg timestamptz") << pg << "timestamp(3) with time zone" << "timestamptz(3)";
        QTest::newRow("pg timestamp") << pg << "timestamp without time zone" << "timestamp";
        QTest::newRow("pg time tz") << pg << "time with time zone" << "timetz";
        QTest::newRow("pg bytea") << pg << "bytea" << "blob";
        QTest::newRow("pg jsonb") << pg << "jsonb" << "jsonb";
        QTest::newRow("pg array") << pg << "integer[]" << "integer[]";
        QTest::newRow("pg 2d array") << pg << "text[][]" << "text[]" "[]";
        QTest::newRow("pg double") << pg << "double precision" << "double";
        QTest::newRow("pg unknown") << pg << "tsvector" << "tsvector";
        QTest::newRow("my int display width") << my << "int(11)" << "integer";
        QTest::newRow("my unsigned") << my << "bigint(20) unsigned" << "bigint unsigned";
        QTest::newRow("my bool") << my << "tinyint(1)" << "boolean";
        QTest::newRow("my tinyint") << my << "tinyint(4)" << "tinyint";
        QTest::newRow("my datetime") << my << "datetime(6)" << "timestamp(6)";
        QTest::newRow("my timestamp") << my << "timestamp" << "timestamptz";
        QTest::newRow("my longtext") << my << "longtext" << "text";
        QTest::newRow("my enum") << my << "enum('a','it''s','c,d')" << "enum('a','it''s','c,d')";
        QTest::newRow("my decimal") << my << "decimal(12,4)" << "numeric(12,4)";
        QTest::newRow("my float") << my << "float" << "real";
        QTest::newRow("my set") << my << "set('x','y')" << "set('x','y')";
        QTest::newRow("lite integer") << lite << "INTEGER" << "integer";
        QTest::newRow("lite int affinity") << lite << "UNSIGNED BIG INT" << "bigint";
        QTest::newRow("lite varchar") << lite << "VARCHAR(40)" << "varchar(40)";
        QTest::newRow("lite nvarchar affinity") << lite << "NATIVE CHARACTER(70)" << "varchar(70)";
        QTest::newRow("lite real") << lite << "REAL" << "double";
        QTest::newRow("lite none") << lite << "" << "any";
    }
    void fromDialect()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, raw);
        QFETCH(QString, canonical);
        const SqlType t = SqlType::fromDialect(dialect, raw);
        QCOMPARE(t.canonicalName(), canonical);
        QCOMPARE(t.raw(), raw);
    }

    void canonicalRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *s : {"boolean", "tinyint", "smallint", "integer", "bigint unsigned", "numeric(10,2)", "numeric(5)",
                              "real", "double", "char(3)", "varchar(255)", "text", "date", "time", "timetz", "timestamp(6)",
                              "timestamptz", "interval", "uuid", "json", "jsonb", "blob", "enum mood('happy','sad')",
                              "enum('a b','c''d')", "integer[]", "varchar(20)[][]"})
            QTest::newRow(s) << QString::fromUtf8(s);
    }
    void canonicalRoundTrip()
    {
        QFETCH(QString, text);
        bool ok = false;
        const SqlType t = SqlType::parseCanonical(text, &ok);
        QVERIFY(ok);
        QCOMPARE(t.canonicalName(), text);
        QCOMPARE(SqlType::parseCanonical(t.canonicalName()), t);
    }

    void enumNamesKeepTheirCase()
    {
        const SqlType t = SqlType::parseCanonical(QStringLiteral("enum Mood_Type('Happy','sad')"));
        QCOMPARE(t.kind(), SqlType::Kind::Enum);
        QCOMPARE(t.enumName(), QStringLiteral("Mood_Type"));
        QCOMPARE(t.enumValues(), QStringList({QStringLiteral("Happy"), QStringLiteral("sad")}));
        QCOMPARE(SqlType::parseCanonical(t.canonicalName()), t);
    }

    void arraysOfUnmodelledTypes()
    {
        const SqlType t = SqlType::fromDialect(Dialect::PostgreSQL, QStringLiteral("point[]"));
        QCOMPARE(t.kind(), SqlType::Kind::Other);
        QCOMPARE(t.canonicalName(), QStringLiteral("point[]"));
        const SqlType back = SqlType::parseCanonical(t.canonicalName());
        QCOMPARE(back.canonicalName(), QStringLiteral("point[]"));
        QCOMPARE(back.arrayDimensions(), 1);
        QVERIFY(back.equivalent(t));
    }

    void unknownCanonicalIsReported()
    {
        bool ok = true;
        const SqlType t = SqlType::parseCanonical(QStringLiteral("varchr(20)"), &ok);
        QVERIFY(!ok);
        QCOMPARE(t.kind(), SqlType::Kind::Other);
    }

    // Rendering a type in a dialect and reading it back gives the same canonical type.
    void renderAndReadBack_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("canonical");
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
            QStringList types = {"boolean", "smallint", "integer", "bigint", "numeric(10,2)", "real", "double", "char(3)",
                                 "varchar(255)", "text", "date", "timestamp", "timestamptz", "blob", "json"};
            if (d == Dialect::PostgreSQL)
                types << "uuid" << "jsonb" << "timetz" << "interval" << "integer[]" << "timestamptz(3)";
            if (d == Dialect::MySQL)
                types << "tinyint" << "mediumint" << "bigint unsigned" << "enum('a','b')" << "timestamp(6)";
            if (d == Dialect::SQLite)
                types << "uuid" << "jsonb" << "tinyint";
            for (const QString &t : types)
                QTest::newRow(qPrintable(dialectName(d) + u' ' + t)) << d << t;
        }
    }
    void renderAndReadBack()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, canonical);
        const SqlType t = SqlType::parseCanonical(canonical);
        const SqlType back = SqlType::fromDialect(dialect, t.toDialect(dialect));
        QVERIFY2(back.equivalent(t), qPrintable(t.toDialect(dialect) + QStringLiteral(" read back as ") + back.canonicalName()));
    }
};

QTEST_GUILESS_MAIN(TstSqlType)
#include "tst_sqltype.moc"
