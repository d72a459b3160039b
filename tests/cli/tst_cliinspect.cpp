// covet-test-labels: cli sqlite postgres mysql
#include "testsupport.h"

#include "schema/schemajson.h"
#include "sources/schemasource.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace covet;

namespace {

const char *kShop =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(255) NOT NULL UNIQUE, name TEXT);\n"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,\n"
    "  total NUMERIC(10,2) CHECK (total >= 0), placed TIMESTAMP DEFAULT CURRENT_TIMESTAMP);\n"
    "CREATE INDEX ix_orders_customer ON orders(customer_id);\n"
    "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;\n";

Schema withoutRawTypes(Schema s)
{
    s.dialect.reset();
    for (Table &t : s.tables)
        for (Column &c : t.columns)
            c.type.setRaw(c.type.kind() == SqlType::Kind::Other ? c.type.raw() : QString());
    return s;
}

} // namespace

class TstCliInspect : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        auto db = Connection::open(QStringLiteral("sqlite:") + m_db);
        COVET_VERIFY_OK(db);
        SqlExecutor ex((*db)->database(), Dialect::SQLite);
        for (const QString &stmt : QString::fromUtf8(kShop).split(QStringLiteral(";\n"), Qt::SkipEmptyParts))
            QVERIFY(ex.exec(stmt));
    }

    void versionAndHelp()
    {
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("--version")}, &out, &err), 0);
        QVERIFY(out.startsWith(QStringLiteral("covet ")));
        QCOMPARE(test::runCli({QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY(out.contains(QStringLiteral("inspect")));
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY(out.contains(QStringLiteral("--format")));
        QVERIFY(out.contains(QStringLiteral("--dev-url")));
        QCOMPARE(test::runCli({}, &out, &err), 2);   // no command: usage, non-zero
    }

    void jsonMatchesTheEngine()
    {
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_db}, &out, &err), 0);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        auto fromCli = SchemaJson::fromJsonText(out.toUtf8());
        COVET_VERIFY_OK(fromCli);
        auto direct = SchemaSource::load(QStringLiteral("sqlite:") + m_db);
        COVET_VERIFY_OK(direct);
        QCOMPARE(*fromCli, *direct);
        QCOMPARE(fromCli->tables.size(), 2);
        QCOMPARE(fromCli->views.size(), 1);
    }

    // --output writes the engine's canonical text; a write that fails (a
    // full disk, a file-size limit) exits non-zero naming the file and the
    // cause, and leaves an existing file as it was, with no stray pieces.
    void outputFileIsWholeOrUntouched()
    {
        auto direct = SchemaSource::load(QStringLiteral("sqlite:") + m_db);
        COVET_VERIFY_OK(direct);
        const QByteArray canonical = SchemaJson::toCanonicalJson(*direct);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("schema.json"));
        const QStringList args{QStringLiteral("inspect"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_db, QStringLiteral("--output"), file};
        QString out, err;
        QCOMPARE(test::runCli(args, &out, &err), 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), canonical);
        written.close();

        const QByteArray earlier = "{\"an\": \"earlier file\"}\n";
        QVERIFY(written.open(QIODevice::WriteOnly | QIODevice::Truncate));
        written.write(earlier);
        written.close();
        QVERIFY(canonical.size() > 2048);   // larger than the 1 KiB limit below
        QProcess limited;
        limited.start(QStringLiteral("bash"), QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -f 1; trap '' XFSZ; exec \"$@\""),
                                                          QStringLiteral("covet-file-limit"), test::cliPath()} + args);
        QVERIFY(limited.waitForFinished(60000));
        const QString limitedErr = QString::fromUtf8(limited.readAllStandardError());
        QCOMPARE(limited.exitStatus(), QProcess::NormalExit);
        QCOMPARE(limited.exitCode(), 2);
        QVERIFY2(limitedErr.contains(file) && limitedErr.contains(QStringLiteral("too large")), qPrintable(limitedErr));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), earlier);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("schema.json")});

        // A device is written in place; its error shows too.
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_db, QStringLiteral("--output"),
                               QStringLiteral("/dev/full")}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("/dev/full")) && err.contains(QStringLiteral("No space left")), qPrintable(err));
    }

    void yamlIsAModelsFileThatReadsBack()
    {
        const QString yaml = m_dir.filePath(QStringLiteral("models.yaml"));
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_db,
                               QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("--output"), yaml}, &out, &err), 0);
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--from"), yaml}, &out, &err), 0);
        auto fromYaml = SchemaJson::fromJsonText(out.toUtf8());
        COVET_VERIFY_OK(fromYaml);
        auto direct = SchemaSource::load(QStringLiteral("sqlite:") + m_db);
        QCOMPARE(withoutRawTypes(*fromYaml).tables, withoutRawTypes(*direct).tables);
    }

    // --format sql is a script the dialect's own shell runs as-is, and it rebuilds the same schema.
    void sqlRunsInTheSqliteShell()
    {
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_db,
                               QStringLiteral("--format"), QStringLiteral("sql")}, &out, &err), 0);
        const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), copy});
        QVERIFY(sqlite.waitForStarted());
        sqlite.write(QByteArrayLiteral("PRAGMA foreign_keys = ON;\n") + out.toUtf8());
        sqlite.closeWriteChannel();
        QVERIFY(sqlite.waitForFinished());
        QVERIFY2(sqlite.exitCode() == 0, sqlite.readAllStandardError().constData());
        auto a = SchemaSource::load(QStringLiteral("sqlite:") + m_db);
        auto b = SchemaSource::load(QStringLiteral("sqlite:") + copy);
        COVET_VERIFY_OK(b);
        QCOMPARE(b->tables.size(), a->tables.size());
        for (int i = 0; i < a->tables.size(); ++i) {
            QCOMPARE(b->tables[i].columns.size(), a->tables[i].columns.size());
            QCOMPARE(b->tables[i].foreignKeys.size(), a->tables[i].foreignKeys.size());
            QCOMPARE(b->tables[i].indexes, a->tables[i].indexes);
        }
    }

    void errorsHaveExitCodesAndNameTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no source") << QStringList{"inspect"} << 2 << "exactly one of --db URL or --from FILE";
        QTest::newRow("both sources") << QStringList{"inspect", "--db", "sqlite::memory:", "--from", "x.yaml"} << 2 << "exactly one";
        QTest::newRow("bad format") << QStringList{"inspect", "--db", "sqlite::memory:", "--format", "xml"} << 2 << "unknown --format 'xml'";
        QTest::newRow("bad dialect") << QStringList{"inspect", "--from", "x.sql", "--dialect", "oracle"} << 2 << "unknown --dialect 'oracle'";
        QTest::newRow("bad url") << QStringList{"inspect", "--db", "oracle://u@h/d"} << 2 << "unknown database scheme";
        QTest::newRow("missing sqlite file") << QStringList{"inspect", "--db", "sqlite:/nonexistent/shop.db"} << 3 << "/nonexistent/shop.db";
        QTest::newRow("missing models file") << QStringList{"inspect", "--from", "/nonexistent/models.yaml"} << 3 << "/nonexistent/models.yaml";
        QTest::newRow("sql without dialect") << QStringList{"inspect", "--from", "schema.sql"} << 2 << "--dialect";
        QTest::newRow("unknown option") << QStringList{"inspect", "--frobnicate"} << 2 << "frobnicate";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command 'frobnicate'";
    }
    void errorsHaveExitCodesAndNameTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        QString out, err;
        QCOMPARE(test::runCli(args, &out, &err, m_dir.path()), code);
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(out.isEmpty());
    }

    void unreachableServerNeverPrintsThePassword_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("postgresql") << "postgresql";
        QTest::newRow("mysql") << "mysql";
    }
    void unreachableServerNeverPrintsThePassword()
    {
        QFETCH(QString, scheme);
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        const int port = s.serverPort();
        s.close();
        QString out, err;
        const int code = test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"),
                                       QStringLiteral("%1://covet:S3cr3tPw@127.0.0.1:%2/covet").arg(scheme).arg(port)}, &out, &err);
        QCOMPARE(code, 4);
        QVERIFY2(err.contains(QStringLiteral("127.0.0.1")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("S3cr3tPw")), qPrintable(err));
        // The password from the environment is masked too.
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"),
                               QStringLiteral("%1://covet@127.0.0.1:%2/covet").arg(scheme).arg(port)}, &out, &err, {},
                              {QStringLiteral("COVET_PASSWORD=Env5ecret"), QStringLiteral("PGPASSWORD=Env5ecret")}), 4);
        QVERIFY(!err.contains(QStringLiteral("Env5ecret")));
    }

    void postgresAndMysqlInspect_data()
    {
        QTest::addColumn<QString>("envVar");
        QTest::addColumn<int>("dialect");
        QTest::newRow("postgresql") << "COVET_TEST_PG_URL" << int(Dialect::PostgreSQL);
        QTest::newRow("mysql") << "COVET_TEST_MYSQL_URL" << int(Dialect::MySQL);
    }
    void postgresAndMysqlInspect()
    {
        QFETCH(QString, envVar);
        QFETCH(int, dialect);
        const QString server = qEnvironmentVariable(envVar.toLatin1().constData());
        if (server.isEmpty()) {
            if (test::inCi())
                QFAIL("test server URL missing under CI=true");
            QSKIP("test server not running");
        }
        COVET_SCRATCH_DB(db, Dialect(dialect), server);
        const QString fk = dialect == int(Dialect::PostgreSQL) ? QStringLiteral("bigint") : QStringLiteral("BIGINT");
        QVERIFY(db->execScript(QStringLiteral("CREATE TABLE parent (id %1 PRIMARY KEY, name VARCHAR(20) NOT NULL);\n"
                                              "CREATE TABLE child (id %1 PRIMARY KEY, parent_id %1 REFERENCES parent (id));\n").arg(fk)));
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"), db->urlString()}, &out, &err), 0);
        QVERIFY2(!err.contains(QStringLiteral("covet_pw")), qPrintable(err));
        auto s = SchemaJson::fromJsonText(out.toUtf8());
        COVET_VERIFY_OK(s);
        QCOMPARE(s->tables.size(), 2);
        QCOMPARE(s->table(QStringLiteral("child"))->foreignKeys.size(), 1);
        // The schema as a script for the other server dialect, through yaml.
        QCOMPARE(test::runCli({QStringLiteral("inspect"), QStringLiteral("--db"), db->urlString(), QStringLiteral("--format"), QStringLiteral("sql")},
                              &out, &err), 0);
        QVERIFY(out.contains(QStringLiteral("CREATE TABLE")));
    }
};

QTEST_GUILESS_MAIN(TstCliInspect)
#include "tst_cliinspect.moc"
