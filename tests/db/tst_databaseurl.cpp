// covet-test-labels: engine
#include "testsupport.h"

#include "db/databaseurl.h"

#include <QTemporaryDir>
#include <QTest>

using namespace covet;

class TstDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("PGPASSWORD");
        qunsetenv("COVET_PASSWORD");
        qunsetenv("PGPASSFILE");
    }

    void sqliteForms_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("database");
        QTest::newRow("relative") << "sqlite:path/to/file.db" << "path/to/file.db";
        QTest::newRow("absolute") << "sqlite:///var/lib/app.db" << "/var/lib/app.db";
        QTest::newRow("memory") << "sqlite::memory:" << ":memory:";
        QTest::newRow("spaces") << "sqlite:my dir/a b.db" << "my dir/a b.db";
        QTest::newRow("space before parameters") << "sqlite:my ?mode=ro" << "my";
    }
    void sqliteForms()
    {
        QFETCH(QString, url);
        QFETCH(QString, database);
        auto u = DatabaseUrl::parse(url);
        QVERIFY2(u, qPrintable(u.error().toString()));
        QCOMPARE(u->dialect(), Dialect::SQLite);
        QCOMPARE(u->database(), database);
        QCOMPARE(u->driverName(), QStringLiteral("QSQLITE"));
    }

    void serverForms()
    {
        auto pg = DatabaseUrl::parse(QStringLiteral("postgresql://app%40corp:s%3Acret@db.example:6543/shop?schema=sales&sslmode=require"));
        QVERIFY2(pg, qPrintable(pg.error().toString()));
        QCOMPARE(pg->dialect(), Dialect::PostgreSQL);
        QCOMPARE(pg->user(), QStringLiteral("app@corp"));
        QCOMPARE(pg->password(), QStringLiteral("s:cret"));
        QCOMPARE(pg->host(), QStringLiteral("db.example"));
        QCOMPARE(pg->port(), 6543);
        QCOMPARE(pg->database(), QStringLiteral("shop"));
        QCOMPARE(pg->schemaParam(), QStringLiteral("sales"));
        QCOMPARE(pg->param(QStringLiteral("sslmode")), QStringLiteral("require"));
        auto my = DatabaseUrl::parse(QStringLiteral("mariadb://root@127.0.0.1/app"));
        QVERIFY(my);
        QCOMPARE(my->dialect(), Dialect::MySQL);
        QCOMPARE(my->port(), -1);
        QCOMPARE(my->driverName(), QStringLiteral("QMYSQL"));
        QVERIFY(DatabaseUrl::parse(QStringLiteral("mysql://u@h:3306/d")));
        QVERIFY(DatabaseUrl::parse(QStringLiteral("postgres://u@h/d")));
    }

    void passwordIsNeverDisplayed()
    {
        auto u = DatabaseUrl::parse(QStringLiteral("postgresql://bob:Tr0ub4dor@h:5432/d"));
        QVERIFY(u);
        QVERIFY(!u->display().contains(QStringLiteral("Tr0ub4dor")));
        QVERIFY(u->display().contains(QStringLiteral("***")));
        QCOMPARE(u->mask(QStringLiteral("FATAL: password Tr0ub4dor rejected")), QStringLiteral("FATAL: password *** rejected"));
        QVERIFY(u->toString().contains(QStringLiteral("Tr0ub4dor")));   // for child processes only
        auto again = DatabaseUrl::parse(u->toString());
        QVERIFY(again);
        QCOMPARE(again->password(), QStringLiteral("Tr0ub4dor"));
    }

    // toString() is what child processes get: it must name the same
    // database (found by tests/fuzz/fuzz_databaseurl: "sqlite:////v/a"
    // came back relative, a password without a user was dropped, a
    // parameter holding & or = split in two, and "sqlite:my ?" named "my ").
    void toStringParsesBack_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("sqlite path starting with //") << "sqlite:////v/var/lib/a.db";
        QTest::newRow("sqlite parameters") << "sqlite:app.db?mode=ro";
        QTest::newRow("password without user") << "mysql://:s3cret@h/d";
        QTest::newRow("parameter with & and =") << "postgresql://u@h/d?application_name=a%26b%3Dc&sslmode=require";
        QTest::newRow("database with /") << "postgresql://u:pw@h:5433/a%2Fb";
        QTest::newRow("sqlite space before ?") << "sqlite:my ?";
    }
    void toStringParsesBack()
    {
        QFETCH(QString, url);
        auto u = DatabaseUrl::parse(url);
        QVERIFY2(u, qPrintable(u.error().toString()));
        auto again = DatabaseUrl::parse(u->toString());
        QVERIFY2(again, qPrintable(u->toString()));
        QCOMPARE(again->dialect(), u->dialect());
        QCOMPARE(again->database(), u->database());
        QCOMPARE(again->user(), u->user());
        QCOMPARE(again->password(), u->password());
        QCOMPARE(again->host(), u->host());
        QCOMPARE(again->port(), u->port());
        QCOMPARE(again->params(), u->params());
        if (u->hasPassword())
            QVERIFY2(!u->display().contains(u->password()) && u->display().contains(QStringLiteral(":***@")), qPrintable(u->display()));
    }

    void badUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no scheme") << "just-a-file.db" << "not a database URL";
        QTest::newRow("unknown scheme") << "oracle://u@h/d" << "unknown database scheme 'oracle'";
        QTest::newRow("no database") << "postgresql://u@h:5432" << "names no database";
        QTest::newRow("no host") << "mysql:///d" << "malformed URL";
        QTest::newRow("empty sqlite") << "sqlite:" << "names no file";
        QTest::newRow("bad port") << "postgresql://u@h:99999999/d" << "malformed URL";
        // Found by fuzz_databaseurl: a noncharacter (U+FFFFF) in a parameter
        // reads back as U+FFFD once written, so toString() named another URL.
        QTest::newRow("noncharacter") << QStringLiteral("postgresql://h:5432/d?k%1=1").arg(QString::fromUcs4(U"\U000FFFFF"))
                                      << "do not survive being written back";
    }
    void badUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, mentions);
        auto u = DatabaseUrl::parse(url);
        QVERIFY(!u);
        QCOMPARE(u.error().category(), Error::Category::InvalidInput);
        QVERIFY2(u.error().toString().contains(mentions), qPrintable(u.error().toString()));
        QCOMPARE(u.error().exitCode(), 2);
    }

    void passwordSources()
    {
        auto u = DatabaseUrl::parse(QStringLiteral("postgresql://bob@dbhost:5433/shop"));
        QVERIFY(u);
        QCOMPARE(u->resolvePassword(), QString());
        QTemporaryDir dir;
        const QString pgpass = dir.filePath(QStringLiteral("pgpass"));
        QFile f(pgpass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# comment\nother:5433:shop:bob:wrong\ndbhost:5433:shop:bob:from\\:pgpass\n*:*:*:*:fallback\n");
        f.close();
        qputenv("PGPASSFILE", pgpass.toUtf8());
        QCOMPARE(u->resolvePassword(), QStringLiteral("from:pgpass"));
        qputenv("COVET_PASSWORD", "from-covet");
        QCOMPARE(u->resolvePassword(), QStringLiteral("from-covet"));
        qputenv("PGPASSWORD", "from-pg");
        QCOMPARE(u->resolvePassword(), QStringLiteral("from-pg"));
        auto my = DatabaseUrl::parse(QStringLiteral("mysql://bob@dbhost/shop"));
        QCOMPARE(my->resolvePassword(), QStringLiteral("from-covet"));   // PGPASSWORD is PostgreSQL's
        auto explicitPw = DatabaseUrl::parse(QStringLiteral("postgresql://bob:inurl@dbhost:5433/shop"));
        QCOMPARE(explicitPw->resolvePassword(), QStringLiteral("inurl"));
    }
};

QTEST_GUILESS_MAIN(TstDatabaseUrl)
#include "tst_databaseurl.moc"
