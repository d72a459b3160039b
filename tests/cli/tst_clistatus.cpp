// covet-test-labels: cli sqlite postgres mysql
// Review findings on the CLI: status shows conflicts (exit 6, --json
// "conflicts"), a refused dry run still prints its SQL, connection errors
// name the server's message and what was tried, subcommand help, --fake
// output, the `transactional: false` hint for PostgreSQL 25001.
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::writeFile;

class TestCliStatus : public QObject
{
    Q_OBJECT

private slots:
    void conflictsInStatus();
    void refusedDryRunShowsSql();
    void connectionErrors_data();
    void connectionErrors();
    void help();
    void fakeSaysFaking();
    void concurrentlyHint();
    void makemigrationsReplaysSqlOnDevUrl();
    void readOnlyCommandsDoNotCreateTheDatabase();
    void destructiveChangesAreNamedBeforeApplying();
};

namespace {

// A project in dir whose database is url.
void makeProject(const QString &dir, const QString &url)
{
    QVERIFY(QDir(dir).mkpath(QStringLiteral("migrations")));
    writeFile(dir + QStringLiteral("/covet.yaml"), "database: " + url.toUtf8() + "\n");
    writeFile(dir + QStringLiteral("/migrations/0001_items.yaml"), test::kItemsMigration);
}

// A project with an (empty) SQLite database app.db.
void makeSqliteProject(const QString &dir)
{
    makeProject(dir, QStringLiteral("sqlite:app.db"));
    writeFile(dir + QStringLiteral("/app.db"), "");
}

} // namespace

void TestCliStatus::conflictsInStatus()
{
    QTemporaryDir project;
    const QString dir = project.path();
    makeSqliteProject(dir);
    writeFile(dir + QStringLiteral("/migrations/0002_a.yaml"), "dependencies: [0001_items]\noperations: []\n");
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("status")}, &out, &err, dir), 0);

    writeFile(dir + QStringLiteral("/migrations/0003_b.yaml"), "dependencies: [0001_items]\noperations: []\n");
    QCOMPARE(test::runCli({QStringLiteral("status")}, &out, &err, dir), 6);
    QVERIFY2(out.contains(QStringLiteral("pending   0003_b")) && out.contains(QStringLiteral("1 conflict")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("warning: conflict: divergent migrations")) && err.contains(QStringLiteral("--merge")),
             qPrintable(err));

    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir), 6);
    const QJsonObject doc = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("migrations")).toArray().size(), 3);
    const QJsonArray conflicts = doc.value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("divergent_leaves"));
    QCOMPARE(conflicts.first().toObject().value(QStringLiteral("migrations")).toArray().size(), 2);

    // A merge migration resolves it.
    writeFile(dir + QStringLiteral("/migrations/0004_merge.yaml"), "dependencies: [0002_a, 0003_b]\noperations: []\n");
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir), 0);
    QVERIFY(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("conflicts")).toArray().isEmpty());
}

void TestCliStatus::refusedDryRunShowsSql()
{
    QTemporaryDir project;
    const QString dir = project.path();
    makeSqliteProject(dir);
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("migrate")}, &out, &err, dir), 0);
    {
        auto c = Connection::open(QStringLiteral("sqlite:") + dir + QStringLiteral("/app.db"));
        COVET_VERIFY_OK(c);
        SqlExecutor sql((*c)->database(), Dialect::SQLite);
        COVET_VERIFY_OK(sql.exec(QStringLiteral("INSERT INTO items (id, label) VALUES (1, NULL)")));
    }
    writeFile(dir + QStringLiteral("/migrations/0002_tight.yaml"),
              "dependencies: [0001_items]\noperations:\n  - op: alter_column\n    table: items\n"
              "    before: {name: label, type: varchar(50)}\n    after: {name: label, type: varchar(50), nullable: false}\n");
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--dry-run")}, &out, &err, dir), 6);
    QVERIFY2(out.contains(QStringLiteral("-- apply 0002_tight")) && out.contains(QStringLiteral("NOT NULL")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("1 row holds NULL")) && err.contains(QStringLiteral("in the pending migration"))
                 && err.contains(QStringLiteral("run_sql step before it")),
             qPrintable(err));
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--dry-run"), QStringLiteral("--json")}, &out, &err, dir), 6);
    // JSON lines: the plan with its risk, then the error.
    const QStringList lines = out.trimmed().split(u'\n');
    QCOMPARE(QJsonDocument::fromJson(lines.first().toUtf8()).object().value(QStringLiteral("event")).toString(), QStringLiteral("plan"));
    const QJsonObject event = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
    QVERIFY2(event.value(QStringLiteral("sql")).toString().contains(QStringLiteral("-- apply 0002_tight")), qPrintable(out));
}

void TestCliStatus::connectionErrors_data()
{
    QTest::addColumn<QString>("envVar");
    QTest::newRow("postgresql") << QStringLiteral("COVET_TEST_PG_URL");
    QTest::newRow("mysql") << QStringLiteral("COVET_TEST_MYSQL_URL");
}

void TestCliStatus::connectionErrors()
{
    QFETCH(QString, envVar);
    const QString server = test::serverUrl(qPrintable(envVar));
    if (server.isEmpty()) {
        if (test::inCi())
            QFAIL("test server URL not set (CI=true forbids skipping)");
        QSKIP("test server URL not set");
    }
    auto url = DatabaseUrl::parse(server);
    COVET_VERIFY_OK(url);
    url->setPassword(QStringLiteral("not-the-password-42"));
    QTemporaryDir project;
    makeProject(project.path(), QStringLiteral("sqlite:app.db"));
    QString out, err;
    const QStringList env{QStringLiteral("PGPASSWORD="), QStringLiteral("COVET_PASSWORD=")};
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--db"), url->toString()}, &out, &err, project.path(), env), 4);
    QVERIFY2(!err.contains(QStringLiteral("Unable to connect")) && !err.contains(QStringLiteral("QPSQL"))
                 && !err.contains(QStringLiteral("QMYSQL")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("tried %1:%2, database %3, user %4, password ***").arg(url->host()).arg(url->port()).arg(url->database(), url->user())),
             qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("not-the-password-42")), qPrintable(err));
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--db"), url->toString()}, &out, &err, project.path(),
                          env),
             4);
    const QJsonObject e = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("error")).toObject();
    QCOMPARE(e.value(QStringLiteral("exit_code")).toInt(), 4);
    QVERIFY2(e.value(QStringLiteral("message")).toString().contains(QStringLiteral("cannot connect")), qPrintable(out));
}

void TestCliStatus::help()
{
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--help")}, &out, &err), 0);
    QVERIFY2(out.startsWith(QStringLiteral("Usage: covet status [options]")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("help-all")) && !out.contains(QStringLiteral("Qt")), qPrintable(out));
    QCOMPARE(test::runCli({QStringLiteral("--help")}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("makemigrations  Write")), qPrintable(out));
}

void TestCliStatus::fakeSaysFaking()
{
    QTemporaryDir project;
    const QString dir = project.path();
    makeSqliteProject(dir);
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--fake")}, &out, &err, dir), 0);
    QVERIFY2(!out.contains(QStringLiteral("applying")) && !err.contains(QStringLiteral("applying")), qPrintable(out + err));
    QVERIFY2(out.contains(QStringLiteral("Faked 0001_items")), qPrintable(out));
}

void TestCliStatus::concurrentlyHint()
{
    COVET_REQUIRE_SERVER(pg, "COVET_TEST_PG_URL");
    COVET_SCRATCH_DB(db, Dialect::PostgreSQL, pg);
    QTemporaryDir project;
    const QString dir = project.path();
    makeProject(dir, QStringLiteral("${COVET_T_URL}"));
    writeFile(dir + QStringLiteral("/migrations/0002_idx.sql"),
              "-- covet:depends 0001_items\n-- covet:up\nCREATE INDEX CONCURRENTLY idx_items_label ON items (label);\n");
    const QStringList env{QStringLiteral("COVET_T_URL=") + db->urlString()};
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("migrate")}, &out, &err, dir, env), 5);
    QVERIFY2(err.contains(QStringLiteral("transactional: false")), qPrintable(err));
}

void TestCliStatus::makemigrationsReplaysSqlOnDevUrl()
{
    COVET_REQUIRE_SERVER(pg, "COVET_TEST_PG_URL");
    QTemporaryDir project;
    const QString dir = project.path();
    makeProject(dir, pg);
    writeFile(dir + QStringLiteral("/covet.yaml"), "database: " + pg.toUtf8() + "\ndialect: postgresql\nmodels: models.yaml\n");
    writeFile(dir + QStringLiteral("/models.yaml"), "tables:\n  - name: items\n    columns:\n      - {name: id, type: bigint, nullable: false}\n"
                                                    "      - {name: label, type: varchar(50)}\n    primary_key: {columns: [id]}\n");
    writeFile(dir + QStringLiteral("/migrations/0002_idx.sql"),
              "-- covet:depends 0001_items\n-- covet:up\nCREATE INDEX items_label_idx ON items (label);\n");
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("makemigrations"), QStringLiteral("--check"), QStringLiteral("--no-input")}, &out, &err, dir), 7);
    QVERIFY2(err.contains(QStringLiteral("--dev-url")), qPrintable(err));
    // With --dev-url the .sql migration is replayed: the index it creates is seen (the models lack it).
    QCOMPARE(test::runCli({QStringLiteral("makemigrations"), QStringLiteral("--check"), QStringLiteral("--no-input"), QStringLiteral("--dev-url"), pg},
                          &out, &err, dir),
             1);
    QVERIFY2(out.contains(QStringLiteral("Drop index items_label_idx")) && !out.contains(QStringLiteral("table")), qPrintable(out + err));
}

QTEST_GUILESS_MAIN(TestCliStatus)
#include "tst_clistatus.moc"

void TestCliStatus::readOnlyCommandsDoNotCreateTheDatabase()
{
    QTemporaryDir project;
    const QString dir = project.path();
    makeProject(dir, QStringLiteral("sqlite:app.db"));
    const QString db = dir + QStringLiteral("/app.db");
    QString out, err;
    // status and verify read it as empty (everything pending) and say so; rollback refuses.
    QCOMPARE(test::runCli({QStringLiteral("status")}, &out, &err, dir), 0);
    QVERIFY2(out.contains(QStringLiteral("pending   0001_items")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("does not exist")) && err.contains(QStringLiteral("was not created")), qPrintable(err));
    QCOMPARE(test::runCli({QStringLiteral("verify")}, &out, &err, dir), 0);
    QVERIFY2(err.contains(QStringLiteral("was not created")), qPrintable(err));
    QCOMPARE(test::runCli({QStringLiteral("rollback"), QStringLiteral("--yes")}, &out, &err, dir), 3);
    QVERIFY2(err.contains(QStringLiteral("does not exist")) && err.contains(QStringLiteral("covet migrate")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(db));
    // migrate creates it.
    QCOMPARE(test::runCli({QStringLiteral("migrate")}, &out, &err, dir), 0);
    QVERIFY(QFileInfo::exists(db));
    QCOMPARE(test::runCli({QStringLiteral("status")}, &out, &err, dir), 0);
}

void TestCliStatus::destructiveChangesAreNamedBeforeApplying()
{
    QTemporaryDir project;
    const QString dir = project.path();
    makeSqliteProject(dir);
    writeFile(dir + QStringLiteral("/migrations/0002_drop_label.yaml"),
              "dependencies: [0001_items]\noperations:\n  - op: drop_column\n    table: items\n    column: label\n");
    QString out, err;
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0001_items")}, &out, &err, dir), 0);
    {
        auto c = Connection::open(QStringLiteral("sqlite:") + dir + QStringLiteral("/app.db"));
        COVET_VERIFY_OK(c);
        SqlExecutor sql((*c)->database(), Dialect::SQLite);
        COVET_VERIFY_OK(sql.exec(QStringLiteral("INSERT INTO items (id, label) VALUES (1, 'a'), (2, 'b'), (3, NULL)")));
    }
    // Without --yes (and no terminal): refused, naming what and how much.
    QCOMPARE(test::runCli({QStringLiteral("migrate")}, &out, &err, dir), 2);
    QVERIFY2(out.contains(QStringLiteral("drops column items.label and its 2 non-NULL values")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("destroys data")) && err.contains(QStringLiteral("--yes")), qPrintable(err));
    // The same in JSON, and in a dry run (which changes nothing and asks nothing).
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--json")}, &out, &err, dir), 2);
    const QStringList lines = out.trimmed().split(u'\n');
    const QJsonObject plan = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(plan.value(QStringLiteral("event")).toString(), QStringLiteral("plan"));
    const QJsonObject finding = plan.value(QStringLiteral("risk")).toObject().value(QStringLiteral("findings")).toArray().first().toObject();
    QCOMPARE(finding.value(QStringLiteral("rule")).toString(), QStringLiteral("drop-column"));
    QCOMPARE(finding.value(QStringLiteral("affected")).toInt(), 2);
    QCOMPARE(QJsonDocument::fromJson(lines.last().toUtf8()).object().value(QStringLiteral("event")).toString(), QStringLiteral("error"));
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--dry-run")}, &out, &err, dir), 0);
    QVERIFY2(out.contains(QStringLiteral("-- ") + QStringLiteral("    [high] drop-column: drops column items.label and its 2 non-NULL values")),
             qPrintable(out));
    // Confirmed: backed up, applied, verified.
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir) == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("Applied 0002_drop_label")) && out.contains(QStringLiteral("Backup 1 keeps what 0002_drop_label destroyed"))
                 && out.contains(QStringLiteral("Verified")),
             qPrintable(out));
    QCOMPARE(test::runCli({QStringLiteral("backup"), QStringLiteral("list")}, &out, &err, dir), 0);
    QVERIFY2(out.contains(QStringLiteral("0002_drop_label")) && out.contains(QStringLiteral("items.label")), qPrintable(out));
    // Backups off in covet.yaml (the old key still works): confirmed, applied, nothing kept.
    writeFile(dir + QStringLiteral("/covet.yaml"), "database: sqlite:app.db\nbackups: {before_destructive: false}\n");
    writeFile(dir + QStringLiteral("/migrations/0003_drop_items.yaml"), "dependencies: [0002_drop_label]\noperations:\n  - op: drop_table\n    table: items\n");
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir) == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("drops table items and its 3 rows")) && !out.contains(QStringLiteral("Backup ")), qPrintable(out));
}
