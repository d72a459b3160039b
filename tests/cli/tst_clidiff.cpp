// covet-test-labels: cli sqlite postgres mysql
#include "testsupport.h"

#include "db/sqlexecutor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

const char *kShop =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE, name TEXT);\n"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
    "  placed TIMESTAMP, total NUMERIC(10,2));\n"
    "CREATE INDEX ix_orders_customer ON orders(customer_id);\n";

const char *kModels =
    "tables:\n"
    "  - name: customers\n"
    "    columns:\n"
    "      - {name: id, type: integer, nullable: false}\n"
    "      - {name: email, type: varchar(255), nullable: false}\n"
    "    primary_key: [id]\n";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QJsonObject parseJson(const QString &out)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(e.errorString()), qPrintable(out));
    return doc.object();
}

QStringList opNames(const QJsonObject &o)
{
    QStringList out;
    for (const QJsonValue &v : o.value(QLatin1String("operations")).toArray())
        out << v.toObject().value(QLatin1String("op")).toString();
    return out;
}

} // namespace

class TstCliDiff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_from;   // sqlite: URL of the shop
    QString m_to;     // the shop with orders.placed renamed to placed_at

    QString makeDb(const QString &name, const QString &ddl)
    {
        const QString url = QStringLiteral("sqlite:") + m_dir.filePath(name);
        auto db = Connection::open(url);
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        SqlExecutor ex((*db)->database(), Dialect::SQLite);
        for (const QString &stmt : ddl.split(QStringLiteral(";\n"), Qt::SkipEmptyParts))
            if (!ex.exec(stmt))
                qFatal("cannot run %s", qPrintable(stmt));
        return url;
    }

    QStringList diffArgs(const QStringList &extra) const
    {
        return QStringList{QStringLiteral("diff"), QStringLiteral("--from"), m_from, QStringLiteral("--to"), m_to} + extra;
    }

private slots:
    void initTestCase()
    {
        const QString shop = QString::fromUtf8(kShop);
        m_from = makeDb(QStringLiteral("from.db"), shop);
        m_to = makeDb(QStringLiteral("to.db"), QString(shop).replace(QStringLiteral("placed TIMESTAMP"), QStringLiteral("placed_at TIMESTAMP")));
    }

    void equalSchemasExitZero()
    {
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), m_from, QStringLiteral("--to"), m_from}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("No differences")), qPrintable(out + err));
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), m_from, QStringLiteral("--to"), m_from,
                               QStringLiteral("--format"), QStringLiteral("json")}, &out, &err), 0);
        QCOMPARE(parseJson(out).value(QLatin1String("operations")).toArray().size(), 0);
    }

    void jsonShape()
    {
        QString out, err;
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--format"), QStringLiteral("json")}), &out, &err), 1);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QJsonObject o = parseJson(out);
        const QJsonArray ops = o.value(QLatin1String("operations")).toArray();
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops.first().toObject(), (QJsonObject{{QStringLiteral("op"), QStringLiteral("rename_column")},
                                                     {QStringLiteral("table"), QStringLiteral("orders")},
                                                     {QStringLiteral("from"), QStringLiteral("placed")},
                                                     {QStringLiteral("to"), QStringLiteral("placed_at")}}));
        const QJsonArray candidates = o.value(QLatin1String("rename_candidates")).toArray();
        QCOMPARE(candidates.size(), 1);
        const QJsonObject c = candidates.first().toObject();
        QCOMPARE(c.value(QLatin1String("kind")).toString(), QStringLiteral("column"));
        QCOMPARE(c.value(QLatin1String("table")).toString(), QStringLiteral("orders"));
        QCOMPARE(c.value(QLatin1String("from")).toString(), QStringLiteral("placed"));
        QCOMPARE(c.value(QLatin1String("to")).toString(), QStringLiteral("placed_at"));
        QVERIFY(c.value(QLatin1String("accepted")).toBool());
        const double score = c.value(QLatin1String("score")).toDouble(-1);
        QVERIFY(score >= 0.8 && score <= 1.0);
        QVERIFY(c.value(QLatin1String("reasons")).toObject().contains(QLatin1String("name")));
    }

    void textListsOperationsAndCandidates()
    {
        QString out, err;
        QCOMPARE(test::runCli(diffArgs({}), &out, &err), 1);
        QVERIFY2(out.contains(QStringLiteral("Rename column orders.placed to placed_at")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("accepted column orders.placed -> placed_at")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("score")));
    }

    void noRenamesGivesDropAndAdd()
    {
        QString out, err;
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--no-renames")}), &out, &err), 1);
        const QJsonObject o = parseJson(out);
        QCOMPARE(opNames(o), (QStringList{QStringLiteral("add_column"), QStringLiteral("drop_column")}));
        QVERIFY(o.value(QLatin1String("rename_candidates")).toArray().isEmpty());
    }

    void thresholdAboveTheScoreRejects()
    {
        QString out, err;
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--rename-threshold"), QStringLiteral("1")}), &out, &err), 1);
        const QJsonObject o = parseJson(out);
        const QJsonObject c = o.value(QLatin1String("rename_candidates")).toArray().first().toObject();
        if (c.value(QLatin1String("score")).toDouble() < 1.0) {
            QVERIFY(!c.value(QLatin1String("accepted")).toBool());
            QCOMPARE(opNames(o), (QStringList{QStringLiteral("add_column"), QStringLiteral("drop_column")}));
        }
    }

    void decisionsFileRejects()
    {
        const QString file = writeFile(m_dir, QStringLiteral("renames.yaml"),
                                       "version: 1\nrenames:\n  - {kind: column, table: orders, from: placed, to: placed_at, decision: reject}\n");
        QString out, err;
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--renames"), file}), &out, &err), 1);
        const QJsonObject o = parseJson(out);
        QCOMPARE(opNames(o), (QStringList{QStringLiteral("add_column"), QStringLiteral("drop_column")}));
        const QJsonObject c = o.value(QLatin1String("rename_candidates")).toArray().first().toObject();
        QVERIFY(!c.value(QLatin1String("accepted")).toBool());
        QCOMPARE(c.value(QLatin1String("source")).toString(), QStringLiteral("decision"));
    }

    void sqlFormatPrintsAScript()
    {
        QString out, err;
        const int code = test::runCli(diffArgs({QStringLiteral("--format"), QStringLiteral("sql")}), &out, &err);
        QVERIFY2(code == 1, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("placed_at")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\"placed\"")), qPrintable(out));   // identifiers quoted
    }

    void errors()
    {
        QString out, err;
        // A missing source file.
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), m_dir.filePath(QStringLiteral("nope.yaml")),
                               QStringLiteral("--to"), m_to}, &out, &err), 3);
        QVERIFY2(err.contains(QStringLiteral("nope.yaml")) && err.contains(QStringLiteral("--from")), qPrintable(err));
        // A bad threshold.
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--rename-threshold"), QStringLiteral("1.5")}), &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("--rename-threshold")), qPrintable(err));
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--rename-threshold"), QStringLiteral("high")}), &out, &err), 2);
        // Missing --to, a bad format, a bad decisions file.
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), m_from}, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("--to")));
        QCOMPARE(test::runCli(diffArgs({QStringLiteral("--format"), QStringLiteral("xml")}), &out, &err), 2);
        const QString bad = writeFile(m_dir, QStringLiteral("bad.yaml"), "renames: [ {kind: column, decision: maybe} ]\n");
        QVERIFY(test::runCli(diffArgs({QStringLiteral("--renames"), bad}), &out, &err) >= 2);
        QVERIFY2(err.contains(QStringLiteral("bad.yaml")), qPrintable(err));
        // A migrations directory is a source: its history replayed, in the
        // dialect given (or the other side's database's).
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("migrations")));
        const QString migrations = m_dir.filePath(QStringLiteral("migrations"));
        writeFile(m_dir, QStringLiteral("migrations/0001_only.yaml"),
                  "operations:\n  - op: create_table\n    definition:\n      name: zz_only_in_history\n      columns:\n"
                  "        - {name: id, type: integer, nullable: false}\n      primary_key: {columns: [id]}\n");
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), migrations, QStringLiteral("--to"), migrations}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("--dialect")) && err.contains(QStringLiteral("migrations directory")), qPrintable(err));
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), migrations, QStringLiteral("--to"), m_to}, &out, &err), 1);
        QVERIFY2(out.contains(QStringLiteral("Drop table zz_only_in_history")), qPrintable(out + err));
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--dialect"), QStringLiteral("sqlite"), QStringLiteral("--from"), migrations,
                               QStringLiteral("--to"), migrations}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("No differences.")), qPrintable(out + err));
    }

    void modelsFileAgainstServers_data()
    {
        QTest::addColumn<QString>("envVar");
        QTest::addColumn<int>("dialect");
        QTest::newRow("postgresql") << QStringLiteral("COVET_TEST_PG_URL") << int(Dialect::PostgreSQL);
        QTest::newRow("mysql") << QStringLiteral("COVET_TEST_MYSQL_URL") << int(Dialect::MySQL);
    }

    void modelsFileAgainstServers()
    {
        QFETCH(QString, envVar);
        QFETCH(int, dialect);
        const QByteArray var = envVar.toLatin1();
        const QString url = test::serverUrl(var.constData());
        if (url.isEmpty()) {
            if (test::inCi())
                QFAIL("the test server is not set (CI=true forbids skipping)");
            QSKIP("test server not set; start it with scripts/test-servers.sh");
        }
        COVET_SCRATCH_DB(db, Dialect(dialect), url);
        QVERIFY(db->execScript(QStringLiteral("CREATE TABLE customers (id integer NOT NULL PRIMARY KEY, email varchar(255) NOT NULL, name text);\n")));
        const QString models = writeFile(m_dir, QStringLiteral("models_%1.yaml").arg(dialect), kModels);
        QString out, err;
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), db->urlString(), QStringLiteral("--to"), models,
                               QStringLiteral("--format"), QStringLiteral("json")}, &out, &err), 1);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QJsonObject o = parseJson(out);
        QCOMPARE(opNames(o), QStringList{QStringLiteral("drop_column")});
        QCOMPARE(o.value(QLatin1String("operations")).toArray().first().toObject().value(QLatin1String("column")).toString(), QStringLiteral("name"));
        // The database against itself: equal.
        QCOMPARE(test::runCli({QStringLiteral("diff"), QStringLiteral("--from"), db->urlString(), QStringLiteral("--to"), db->urlString()}, &out, &err), 0);
    }
};

QTEST_GUILESS_MAIN(TstCliDiff)
#include "tst_clidiff.moc"
