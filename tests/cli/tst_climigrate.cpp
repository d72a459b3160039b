// covet-test-labels: cli sqlite postgres mysql
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::serverFor;
using test::writeFile;

namespace {

QMap<QString, QString> states(const QString &json)
{
    QMap<QString, QString> out;
    const QJsonArray list = QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("migrations")).toArray();
    for (const QJsonValue &v : list)
        out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject().value(QStringLiteral("state")).toString());
    return out;
}

} // namespace

class TestCliMigrate : public QObject
{
    Q_OBJECT

private slots:
    void commands_data();
    void commands();
    void fourRunners_data() { commands_data(); }
    void fourRunners();
};

void TestCliMigrate::commands_data()
{
    test::addDialectRows();
}

void TestCliMigrate::commands()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, serverFor(d));
    QTemporaryDir project;
    const QString dir = project.path();
    QVERIFY(QDir(dir).mkdir(QStringLiteral("migrations")));
    writeFile(dir + QStringLiteral("/covet.yaml"), "database: ${COVET_T_URL}\nenvironments:\n  prod:\n    database: ${COVET_T_URL}\n    confirm: true\n");
    writeFile(dir + QStringLiteral("/migrations/0001_items.yaml"), test::kItemsMigration);
    writeFile(dir + QStringLiteral("/migrations/0002_qty.yaml"), test::kQtyMigration);
    const QStringList env{QStringLiteral("COVET_T_URL=") + db->urlString()};
    QString out, err;

    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir, env), 0);
    QCOMPARE(states(out).value(QStringLiteral("0002_qty")), QStringLiteral("pending"));

    // Dry run: the SQL, nothing changed.
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--dry-run")}, &out, &err, dir, env) == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("CREATE TABLE")), qPrintable(out));
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir, env), 0);
    QCOMPARE(states(out).value(QStringLiteral("0001_items")), QStringLiteral("pending"));

    // Apply with JSON progress.
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--json")}, &out, &err, dir, env) == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("\"event\":\"done\"")), qPrintable(out));
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir, env), 0);
    QCOMPARE(states(out), (QMap<QString, QString>{{QStringLiteral("0001_items"), QStringLiteral("applied")},
                                                  {QStringLiteral("0002_qty"), QStringLiteral("applied")}}));
    QCOMPARE(test::runCli({QStringLiteral("verify")}, &out, &err, dir, env), 0);

    // sqlmigrate backwards.
    QVERIFY2(test::runCli({QStringLiteral("sqlmigrate"), QStringLiteral("0002"), QStringLiteral("--backwards"), QStringLiteral("--db"),
                           db->urlString()},
                          &out, &err, dir, env)
                 == 0,
             qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("DROP COLUMN")), qPrintable(out));

    // Roll back, re-apply.
    QVERIFY2(test::runCli({QStringLiteral("rollback"), QStringLiteral("--steps"), QStringLiteral("1")}, &out, &err, dir, env) == 0, qPrintable(err));
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir, env), 0);
    QCOMPARE(states(out).value(QStringLiteral("0002_qty")), QStringLiteral("pending"));
    QVERIFY2(test::runCli({QStringLiteral("migrate")}, &out, &err, dir, env) == 0, qPrintable(err));

    // An environment that needs confirmation refuses without --yes.
    writeFile(dir + QStringLiteral("/migrations/0003_idx.yaml"), test::kIndexMigration);
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--environment"), QStringLiteral("prod")}, &out, &err, dir, env), 2);
    QVERIFY2(err.contains(QStringLiteral("--yes")), qPrintable(err));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--environment"), QStringLiteral("prod"), QStringLiteral("--yes")}, &out, &err,
                          dir, env)
                 == 0,
             qPrintable(err));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);

    // A tampered applied file: verify fails, migrate refuses, naming the file.
    writeFile(dir + QStringLiteral("/migrations/0002_qty.yaml"), QByteArray(test::kQtyMigration).replace("integer", "bigint"));
    QVERIFY(test::runCli({QStringLiteral("verify")}, &out, &err, dir, env) != 0);
    QVERIFY2(err.contains(QStringLiteral("0002_qty.yaml")), qPrintable(err));
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir, env), 6);   // a conflict
    QCOMPARE(states(out).value(QStringLiteral("0002_qty")), QStringLiteral("modified"));
    writeFile(dir + QStringLiteral("/migrations/0004_more.yaml"), "dependencies: [0003_idx]\noperations: []\n");
    QCOMPARE(test::runCli({QStringLiteral("migrate")}, &out, &err, dir, env), 6);
    QVERIFY2(err.contains(QStringLiteral("0002_qty.yaml")), qPrintable(err));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    writeFile(dir + QStringLiteral("/migrations/0002_qty.yaml"), test::kQtyMigration);

    // Hostile files: a symlink out of the directory, a bad name with SQL.
    QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), dir + QStringLiteral("/migrations/0005_link.yaml")));
    writeFile(dir + QStringLiteral("/migrations/0006_DROP TABLE items;.sql"), "-- covet:up\nDROP TABLE items;\n");
    QVERIFY(test::runCli({QStringLiteral("migrate")}, &out, &err, dir, env) != 0);
    QVERIFY2(err.contains(QStringLiteral("0005_link.yaml")) && err.contains(QStringLiteral("0006_DROP TABLE items;.sql")), qPrintable(err));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM items")), 0);

    // A recorded migration whose file is gone: status says missing, verify fails.
    QFile::remove(dir + QStringLiteral("/migrations/0005_link.yaml"));
    QFile::remove(dir + QStringLiteral("/migrations/0006_DROP TABLE items;.sql"));
    QVERIFY2(test::runCli({QStringLiteral("migrate")}, &out, &err, dir, env) == 0, qPrintable(err));
    QFile::remove(dir + QStringLiteral("/migrations/0004_more.yaml"));
    QCOMPARE(test::runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out, &err, dir, env), 6);   // a conflict
    QCOMPARE(states(out).value(QStringLiteral("0004_more")), QStringLiteral("missing"));
    QVERIFY(test::runCli({QStringLiteral("verify")}, &out, &err, dir, env) != 0);
}

void TestCliMigrate::fourRunners()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, serverFor(d));
    QTemporaryDir project;
    const QString dir = project.path();
    QVERIFY(QDir(dir).mkdir(QStringLiteral("migrations")));
    writeFile(dir + QStringLiteral("/covet.yaml"), "audit_log: true\n");
    writeFile(dir + QStringLiteral("/migrations/0001_items.yaml"), test::kItemsMigration);
    writeFile(dir + QStringLiteral("/migrations/0002_qty.yaml"), test::kQtyMigration);
    writeFile(dir + QStringLiteral("/migrations/0003_idx.yaml"), test::kIndexMigration);
    QList<QProcess *> procs;
    for (int i = 0; i < 4; ++i) {
        auto *p = new QProcess(this);
        p->setWorkingDirectory(dir);
        p->start(QStringLiteral(COVET_CLI_PATH), {QStringLiteral("migrate"), QStringLiteral("--json"), QStringLiteral("--db"), db->urlString(),
                                                   QStringLiteral("--lock-timeout"), QStringLiteral("60")});
        procs << p;
    }
    int applied = 0;
    for (QProcess *p : procs) {
        QVERIFY(p->waitForFinished(120000));
        const QString out = QString::fromUtf8(p->readAllStandardOutput());
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(p->exitCode() == 0 || err.contains(QStringLiteral("lock")), qPrintable(err));
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(QStringLiteral("event")).toString() == u"done")
                applied += int(o.value(QStringLiteral("applied")).toArray().size());
        }
        delete p;
    }
    QCOMPARE(applied, 3);   // each migration applied exactly once
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'success'")), 3);
    // The run that applied them has its started and finished rows; the
    // others found nothing to do and wrote nothing; none is left open.
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'started'")),
             scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'finished'")));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'interrupted'")), 0);
}

// kill -9 of a runner during long migrations: tests/migrations/tst_killedrunner.cpp.

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_climigrate.moc"
