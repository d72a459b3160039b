// covet-test-labels: cli sqlite postgres mysql
// Whole runs in the audit, on every database: a `covet migrate` killed with
// SIGKILL in the middle of a migration leaves its `started` row, and the next
// run records it `interrupted`, naming the migration in progress and what is
// in effect; a refused run is audited; every run that ends writes `finished`
// with its verification result; and `covet audit stats` equals hand counts
// over a scripted history with a killed run, a refusal, a failure and a
// rollback. The chain stays verifiable throughout.
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"
#include "safety/tablechecksum.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace covet;
using test::scalar;
using test::serverFor;
using test::writeFile;

namespace {

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A statement that runs for a while, as long as knob.s says (seconds on the
// servers; millions of rows counted on SQLite, which has no sleep).
QByteArray slowStatement(Dialect d)
{
    switch (d) {
    case Dialect::PostgreSQL: return "SELECT pg_sleep(s) FROM knob";
    case Dialect::MySQL: return "SELECT SLEEP(s) FROM knob";
    case Dialect::SQLite: break;
    }
    return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < (SELECT s FROM knob) * 3000000) SELECT count(*) FROM c";
}

// Where DDL is transactional it first changes the schema and the rows, so
// that "nothing of it is in effect" after the kill means something; MySQL
// runs it step by step (its part-way record is what the audit points to).
QByteArray slowMigration(Dialect d)
{
    QByteArray text = "dependencies: [0001_items]\noperations:\n";
    if (d != Dialect::MySQL)
        text += "  - op: add_column\n    table: items\n    column: {name: note, type: varchar(20)}\n"
                "  - op: run_sql\n    forward: UPDATE items SET label = 'changed'\n    reverse: \"SELECT 1\"\n";
    return text + "  - op: run_sql\n    forward: \"" + slowStatement(d) + "\"\n    reverse: \"SELECT 1\"\n";
}

// What a kill must not change: the inspected schema and the rows.
struct Snapshot
{
    Schema schema;
    QString items;
    QString knob;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto items = TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label")});
    auto knob = TableChecksum::of(sql, {}, QStringLiteral("knob"), {QStringLiteral("s")});
    return {test::inspectSchema(c), items ? items->toString() : items.error().toString(), knob ? knob->toString() : knob.error().toString()};
}

const QByteArray kQty = R"(dependencies: [0002_slow]
operations:
  - op: add_column
    table: items
    column: {name: qty, type: integer, nullable: false, default: "0"}
  - op: run_sql
    forward: INSERT INTO items (id, label, qty) VALUES (1, 'a', 5), (2, 'b', 6)
    reverse: DELETE FROM items
)";
const QByteArray kDropQty = R"(dependencies: [0003_qty]
operations:
  - op: drop_column
    table: items
    column: qty
)";
const QByteArray kBad = R"(dependencies: [0004_drop_qty]
operations:
  - op: run_sql
    forward: INSERT INTO no_such_table VALUES (1)
    reverse: DELETE FROM no_such_table
)";

} // namespace

class TestCliAuditRuns : public QObject
{
    Q_OBJECT

private slots:
    void history_data() { test::addDialectRows(); }
    void history();
};

void TestCliAuditRuns::history()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, serverFor(d));
    QTemporaryDir project;
    const QString dir = project.path();
    QVERIFY(QDir(dir).mkdir(QStringLiteral("migrations")));
    writeFile(dir + QStringLiteral("/covet.yaml"), "database: ${COVET_T_URL}\n");
    writeFile(dir + QStringLiteral("/migrations/0001_items.yaml"), test::kItemsMigration);
    writeFile(dir + QStringLiteral("/migrations/0002_slow.yaml"), slowMigration(d));
    writeFile(dir + QStringLiteral("/migrations/0003_qty.yaml"), kQty);
    const QStringList env{QStringLiteral("COVET_T_URL=") + db->urlString()};
    SqlExecutor sql(db->connection().database(), d);
    QVERIFY(sql.exec(QStringLiteral("CREATE TABLE knob (s INTEGER)")));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO knob VALUES (30)")));

    // 1. 0001 in a run of its own; rows in items; then a run killed with
    // SIGKILL while 0002 runs.
    QString out, err;
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--to"), QStringLiteral("0001_items")}, &out, &err,
                          dir, env)
                 == 0,
             qPrintable(out + err));
    QVERIFY(sql.exec(QStringLiteral("INSERT INTO items (id, label) VALUES (10, 'x'), (11, 'y'), (12, NULL)")));
    const Snapshot before = snapshot(db->connection());
    QVERIFY(before.schema.table(QStringLiteral("items")));
    QProcess run;
    QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
    penv.insert(QStringLiteral("COVET_T_URL"), db->urlString());
    run.setProcessEnvironment(penv);
    run.setWorkingDirectory(dir);
    const QStringList killedArgs{QStringLiteral("migrate"), QStringLiteral("--yes")};
    run.start(test::cliPath(), killedArgs);
    QVERIFY(run.waitForStarted());
    QDeadlineTimer deadline(60000);
    // Its `started` row is committed before 0002 begins.
    while (scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'started'")) != 2
           && !deadline.hasExpired() && run.state() == QProcess::Running)
        QThread::msleep(50);
    QThread::msleep(500);   // into 0002's slow statement
    QVERIFY(run.state() == QProcess::Running);
    run.kill();   // SIGKILL
    QVERIFY(run.waitForFinished());
    QCOMPARE(run.exitStatus(), QProcess::CrashExit);
    test::recordCliTranscript(killedArgs, QString::fromUtf8(run.readAllStandardOutput()), QString::fromUtf8(run.readAllStandardError()));
    // A server goes on with the killed client's statement until it notices:
    // end it, as a DBA would (the lock goes with the session).
    if (d == Dialect::PostgreSQL)
        QVERIFY(sql.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' "
                                        "AND pid <> pg_backend_pid()")));
    if (d == Dialect::MySQL) {
        auto ids = sql.rows(QStringLiteral("SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP%'"));
        QVERIFY(ids);
        for (const QVariantList &r : *ids)
            (void)sql.exec(QStringLiteral("KILL %1").arg(r.value(0).toLongLong()));
    }
    // What the audit will say ("nothing of it is in effect") holds where DDL
    // is transactional: the same schema, the same rows.
    if (d != Dialect::MySQL) {
        const Snapshot after = snapshot(db->connection());
        QVERIFY2(after.schema == before.schema, "the killed run changed the schema");
        QCOMPARE(after.items, before.items);
        QCOMPARE(after.knob, before.knob);
    }
    QVERIFY(sql.exec(QStringLiteral("UPDATE knob SET s = 0")));
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'started'")), 2);

    // 2. The next run records it interrupted and finishes the work. MySQL
    // runs it step by step: its part-way record makes the next run refuse
    // until the person settles it.
    const bool stepwise = d == Dialect::MySQL;
    QStringList again{QStringLiteral("migrate"), QStringLiteral("--yes")};
    QString said;
    if (stepwise) {
        QVERIFY(test::runCli(again, &out, &err, dir, env) != 0);
        QVERIFY2(err.contains(QStringLiteral("part-way")), qPrintable(err));
        said = out + err;
        // Raw SQL was running: Covet cannot tell whether it took effect and
        // says to check by hand and clear the record (a SELECT: nothing to undo).
        QVERIFY(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes"), QStringLiteral("--resume")}, &out, &err, dir, env) != 0);
        QVERIFY2(err.contains(QStringLiteral("_covet_partial_migrations")), qPrintable(err));
        QVERIFY(sql.exec(QStringLiteral("DELETE FROM _covet_partial_migrations WHERE id = '0002_slow'")));
    }
    QVERIFY2(test::runCli(again, &out, &err, dir, env) == 0, qPrintable(out + err));
    said += out + err;
    QVERIFY2(said.contains(QStringLiteral("an earlier run was interrupted")), qPrintable(said));
    QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--status"),
                           QStringLiteral("interrupted")},
                          &out, &err, dir, env),
             0);
    const QJsonArray interrupted = json(out).value(QStringLiteral("rows")).toArray();
    QCOMPARE(interrupted.size(), 1);
    const QJsonObject cut = interrupted.first().toObject();
    QCOMPARE(cut.value(QStringLiteral("migration_id")).toString(), QStringLiteral("0002_slow"));
    QVERIFY2(cut.value(QStringLiteral("error")).toString().contains(stepwise ? QStringLiteral("0002_slow is not recorded as applied")
                                                                              : QStringLiteral("0002_slow is still pending")),
             qPrintable(cut.value(QStringLiteral("error")).toString()));
    QCOMPARE(cut.value(QStringLiteral("hash_version")).toInt(), 4);
    // It carries the killed run's id, as its `started` row does.
    const QString killedRun = cut.value(QStringLiteral("run_id")).toString();
    QVERIFY(!killedRun.isEmpty());
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE run_id = '%1'").arg(killedRun)), 2);
    // A third run finds nothing more to mark.
    QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir, env), 0);
    QVERIFY2(!(out + err).contains(QStringLiteral("interrupted")), qPrintable(out + err));

    // 3. A refusal: a migration that destroys data, without --yes.
    writeFile(dir + QStringLiteral("/migrations/0004_drop_qty.yaml"), kDropQty);
    QVERIFY(test::runCli({QStringLiteral("migrate")}, &out, &err, dir, env) != 0);
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status = 'refused' AND migration_id = "
                                                     "'0004_drop_qty'")),
             1);
    QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir, env) == 0, qPrintable(out + err));
    // 4. A failure, then a rollback.
    writeFile(dir + QStringLiteral("/migrations/0005_bad.yaml"), kBad);
    QVERIFY(test::runCli({QStringLiteral("migrate"), QStringLiteral("--yes")}, &out, &err, dir, env) != 0);
    QFile::remove(dir + QStringLiteral("/migrations/0005_bad.yaml"));
    QVERIFY2(test::runCli({QStringLiteral("rollback"), QStringLiteral("--yes")}, &out, &err, dir, env) == 0, qPrintable(out + err));

    // The run rows: every run that ended has its `finished` row, the
    // successful ones verified.
    QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--status"),
                           QStringLiteral("finished"), QStringLiteral("--limit"), QStringLiteral("100")},
                          &out, &err, dir, env),
             0);
    const QJsonArray finished = json(out).value(QStringLiteral("rows")).toArray();
    // Runs that reached their end: 0001's, the second, the one with 0004,
    // the failing one, the rollback (not the killed one, not the refused one,
    // not the third, which had nothing to do).
    QCOMPARE(finished.size(), 5);
    QCOMPARE(finished.at(0).toObject().value(QStringLiteral("direction")).toString(), QStringLiteral("rollback"));
    QCOMPARE(finished.at(0).toObject().value(QStringLiteral("verification")).toString(), QStringLiteral("verified"));
    QVERIFY2(finished.at(1).toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("no_such_table")),
             qPrintable(finished.at(1).toObject().value(QStringLiteral("error")).toString()));
    QCOMPARE(finished.at(2).toObject().value(QStringLiteral("verification")).toString(), QStringLiteral("verified"));

    // Statistics equal the hand counts: executions 0001 (its own run), 0002
    // interrupted, 0002 + 0003 (second run), 0004, 0005 failed, rollback of 0004.
    QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("stats"), QStringLiteral("--json")}, &out, &err, dir, env), 10);   // alerts crossed
    const QJsonObject s = json(out);
    QCOMPARE(s.value(QStringLiteral("executions")).toInt(), 7);
    QCOMPARE(s.value(QStringLiteral("successes")).toInt(), 5);
    QCOMPARE(s.value(QStringLiteral("failures")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("interrupted")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("cancelled")).toInt(), 0);
    QCOMPARE(s.value(QStringLiteral("rollbacks")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("refusals")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("runs")).toInt(), 5);
    QCOMPARE(s.value(QStringLiteral("verified_runs")).toInt(), 4);
    QCOMPARE(s.value(QStringLiteral("verification_failures")).toInt(), 0);
    // The same by hand, in SQL.
    QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM _covet_migration_audit WHERE status IN ('success', 'failure', "
                                                     "'cancelled', 'interrupted')")),
             7);
    QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("verify")}, &out, &err, dir, env), 0);
    // The default listing leaves the run rows out; --runs shows them.
    QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")}, &out, &err, dir, env), 0);
    QCOMPARE(json(out).value(QStringLiteral("total")).toInt(), 8);   // 7 executions and the refusal
    QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--runs")}, &out, &err, dir, env),
             0);
    QCOMPARE(json(out).value(QStringLiteral("total")).toInt(), 8 + 6 + 5);   // + 6 started, 5 finished
}

QTEST_GUILESS_MAIN(TestCliAuditRuns)
#include "tst_cliauditruns.moc"
