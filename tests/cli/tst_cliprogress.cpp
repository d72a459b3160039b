// covet-test-labels: cli sqlite
// Progress of `covet migrate` and `covet rollback` through the real CLI on a
// SQLite project: plain lines when stderr is not a terminal, JSON events
// with --json, and the redrawn status line on a (pseudo-)terminal.
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"
#include "terminalsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace covet;
using test::writeFile;

namespace {

const QByteArray kSqlMigration = "-- covet:depends 0003_idx\n-- covet:up\nCREATE TABLE a (x INTEGER);\nCREATE TABLE b (y INTEGER);\n"
                         "-- covet:down\nDROP TABLE b;\nDROP TABLE a;\n";

QList<QJsonObject> events(const QString &out)
{
    QList<QJsonObject> list;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &e);
        if (e.error != QJsonParseError::NoError || !doc.isObject())
            qFatal("not a JSON line: %s", qPrintable(line));
        list << doc.object();
    }
    return list;
}

QList<QJsonObject> ofKind(const QList<QJsonObject> &all, const QString &kind)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : all)
        if (o.value(QStringLiteral("event")).toString() == kind)
            out << o;
    return out;
}

} // namespace

class TestCliProgress : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_project = std::make_unique<QTemporaryDir>();
        m_dir = m_project->path();
        QVERIFY(QDir(m_dir).mkdir(QStringLiteral("migrations")));
        writeFile(m_dir + QStringLiteral("/covet.yaml"), "database: sqlite:app.db\naudit_log: true\n");
        writeFile(m_dir + QStringLiteral("/migrations/0001_items.yaml"), test::kItemsMigration);
        writeFile(m_dir + QStringLiteral("/migrations/0002_qty.yaml"), test::kQtyMigration);
        writeFile(m_dir + QStringLiteral("/migrations/0003_idx.yaml"), test::kIndexMigration);
        writeFile(m_dir + QStringLiteral("/migrations/0004_sql.sql"), kSqlMigration);
    }

    void plainLinesWithoutATerminal()
    {
        QString out, err;
        QVERIFY2(test::runCli({QStringLiteral("migrate")}, &out, &err, m_dir) == 0, qPrintable(err));
        QCOMPARE(out, QStringLiteral("Applied 0001_items\nApplied 0002_qty\nApplied 0003_idx\nApplied 0004_sql\n"
                                     "Verified: the schema matches what the migrations describe.\n"));
        QVERIFY2(!err.contains(u'\x1b') && !err.contains(u'\r'), qPrintable(err));
        const QStringList lines = err.split(u'\n', Qt::SkipEmptyParts);
        // Which migration, which operation, elapsed; one line per finished migration.
        QCOMPARE(lines.value(0), QStringLiteral("[1/4] applying 0001_items"));
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^\[1/4\] 0001_items operation 1 of 1 \(Create table items.*\)  \(\d+\.\d\d s\)$)"))
                     .match(lines.value(1))
                     .hasMatch(),
                 qPrintable(lines.value(1)));
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^\[1/4\] 0001_items applied in \d+\.\d\d s$)")).match(lines.value(2)).hasMatch(),
                 qPrintable(lines.value(2)));
        QVERIFY2(err.contains(QStringLiteral("[3/4] 0003_idx operation 1 of 1 (Create index idx_items_label")), qPrintable(err));
        // SQL statements get their number.
        // Labelled with the file's name and line, not its path.
        QVERIFY2(err.contains(QStringLiteral("[4/4] 0004_sql 2/2 statement 2 (0004_sql.sql:")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("[4/4] 0004_sql applied in ")), qPrintable(err));
        // The runner's own "applying X" log lines are not repeated.
        QCOMPARE(err.count(QStringLiteral("applying 0002_qty")), 1);
        QCOMPARE(lines.size(), 3 + 3 + 3 + 4);

        QVERIFY2(test::runCli({QStringLiteral("rollback"), QStringLiteral("--steps"), QStringLiteral("2")}, &out, &err, m_dir) == 0, qPrintable(err));
        QCOMPARE(out, QStringLiteral("Rolled back 0004_sql\nRolled back 0003_idx\nVerified: the schema matches what the migrations describe.\n"));
        QVERIFY2(err.startsWith(QStringLiteral("[1/2] rolling back 0004_sql\n")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("[2/2] 0003_idx undo of operation 1 of 1 (Create index")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("[2/2] 0003_idx rolled back in ")), qPrintable(err));

        // Nothing to do: no progress at all.
        QVERIFY2(test::runCli({QStringLiteral("rollback"), QStringLiteral("--to"), QStringLiteral("0002")}, &out, &err, m_dir) == 0, qPrintable(err));
        QCOMPARE(out, QStringLiteral("Nothing to roll back.\n"));
        QCOMPARE(err, QString());
    }

    void jsonEvents()
    {
        QString out, err;
        QVERIFY2(test::runCli({QStringLiteral("migrate"), QStringLiteral("--json")}, &out, &err, m_dir) == 0, qPrintable(err));
        QCOMPARE(err, QString());   // stderr stays quiet with --json
        QList<QJsonObject> all = events(out);
        const QList<QJsonObject> migrations = ofKind(all, QStringLiteral("migration"));
        QCOMPARE(migrations.size(), 4);
        QCOMPARE(migrations.at(1).value(QStringLiteral("id")).toString(), QStringLiteral("0002_qty"));
        QCOMPARE(migrations.at(1).value(QStringLiteral("index")).toInt(), 2);
        QCOMPARE(migrations.at(1).value(QStringLiteral("total")).toInt(), 4);
        const QList<QJsonObject> ops = ofKind(all, QStringLiteral("operation"));
        QCOMPARE(ops.size(), 5);
        QVERIFY2(ops.at(2).value(QStringLiteral("label")).toString().contains(QStringLiteral("Create index idx_items_label")),
                 qPrintable(ops.at(2).value(QStringLiteral("label")).toString()));
        const QJsonObject op = ops.at(4);
        QCOMPARE(op.value(QStringLiteral("id")).toString(), QStringLiteral("0004_sql"));
        QCOMPARE(op.value(QStringLiteral("index")).toInt(), 2);
        QCOMPARE(op.value(QStringLiteral("total")).toInt(), 2);
        QVERIFY2(op.value(QStringLiteral("label")).toString().startsWith(QStringLiteral("statement 2 (")),
                 qPrintable(op.value(QStringLiteral("label")).toString()));
        QVERIFY(op.value(QStringLiteral("elapsed_ms")).isDouble());
        double last = -1;
        for (const QJsonObject &o : all) {
            QVERIFY(o.value(QStringLiteral("elapsed_ms")).toDouble() >= last);
            last = o.value(QStringLiteral("elapsed_ms")).toDouble();
        }
        const QJsonObject done = all.last();
        QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("done"));
        QCOMPARE(done.value(QStringLiteral("applied")).toArray().size(), 4);

        // rollback --json: the same events, and what was rolled back.
        QVERIFY2(test::runCli({QStringLiteral("rollback"), QStringLiteral("--json")}, &out, &err, m_dir) == 0, qPrintable(err));
        all = events(out);
        QCOMPARE(ofKind(all, QStringLiteral("migration")).size(), 1);
        QCOMPARE(ofKind(all, QStringLiteral("operation")).size(), 2);
        QCOMPARE(all.last().value(QStringLiteral("event")).toString(), QStringLiteral("done"));
        QCOMPARE(all.last().value(QStringLiteral("rolled_back")).toArray(), QJsonArray{QStringLiteral("0004_sql")});

        // A failure is an "error" event with the exit code, and the message on stderr.
        writeFile(m_dir + QStringLiteral("/migrations/0005_bad.sql"), "-- covet:depends 0004_sql\n-- covet:up\nCREATE TABLE items (z INTEGER);\n");
        QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--json")}, &out, &err, m_dir), 5);
        all = events(out);
        QCOMPARE(all.last().value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QCOMPARE(all.last().value(QStringLiteral("exit_code")).toInt(), 5);
        QVERIFY2(all.last().value(QStringLiteral("message")).toString().contains(QStringLiteral("0005_bad")), qPrintable(out));
        QVERIFY2(err.contains(QStringLiteral("0005_bad")), qPrintable(err));
        // So is a failure before the run: here an unusable option value.
        QCOMPARE(test::runCli({QStringLiteral("migrate"), QStringLiteral("--json"), QStringLiteral("--lock-timeout"), QStringLiteral("soon")}, &out, &err,
                              m_dir),
                 2);
        all = events(out);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.last().value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QCOMPARE(all.last().value(QStringLiteral("exit_code")).toInt(), 2);
    }

    void statusLineOnATerminal()
    {
        if (!test::haveScript())
            QSKIP("util-linux `script` is not installed: cannot give covet a terminal");
        QString screen;
        QCOMPARE(test::runCliOnTerminal({QStringLiteral("migrate")}, m_dir, &screen), 0);
        // The status line is drawn in place: carriage return + erase line...
        QVERIFY2(screen.contains(QStringLiteral("\r\x1b[2K[1/4] 0001_items")), qPrintable(screen));
        // ...and each finished migration stays as a line of its own.
        for (const char *id : {"[1/4] 0001_items applied in ", "[2/4] 0002_qty applied in ", "[3/4] 0003_idx applied in ", "[4/4] 0004_sql applied in "})
            QVERIFY2(screen.contains(QStringLiteral("\r\x1b[2K") + QString::fromLatin1(id)), qPrintable(screen));
        QVERIFY2(screen.contains(QStringLiteral("Applied 0004_sql")), qPrintable(screen));
        // The status line is gone before the result is printed.
        const qsizetype result = screen.indexOf(QStringLiteral("Applied 0001_items"));
        QVERIFY(result > 0);
        QVERIFY2(!screen.mid(result).contains(QStringLiteral("(total ")), qPrintable(screen));

        QCOMPARE(test::runCliOnTerminal({QStringLiteral("rollback"), QStringLiteral("--steps"), QStringLiteral("4")}, m_dir, &screen), 0);
        QVERIFY2(screen.contains(QStringLiteral("\x1b[2K[4/4] 0001_items rolled back in ")), qPrintable(screen));
    }

    // Ctrl-C (SIGINT) stops before the next operation: the migration's
    // transaction is rolled back, what was applied before stays, exit 8.
    void ctrlCStopsBeforeTheNextOperation()
    {
        writeFile(m_dir + QStringLiteral("/migrations/0005_slow.yaml"), R"(dependencies: [0004_sql]
operations:
  - op: run_sql
    forward: "CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT x FROM c"
    reverse: DROP TABLE big
  - op: run_sql
    forward: CREATE TABLE after_big (x INTEGER)
    reverse: DROP TABLE after_big
)");
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.setReadChannel(QProcess::StandardError);
        p.start(QStringLiteral(COVET_CLI_PATH), {QStringLiteral("migrate")});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("0005_slow operation 1 of 2") && timer.elapsed() < 60000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("0005_slow operation 1 of 2"), err.constData());
        QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(60000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 8, err.constData());
        QVERIFY2(err.contains("stopping after the current operation") && err.contains("cancelled"), err.constData());
        QVERIFY2(!err.contains("0005_slow applied"), err.constData());

        QString out, status;
        QCOMPARE(test::runCli({QStringLiteral("status")}, &status, &out, m_dir), 0);
        QVERIFY2(status.contains(QStringLiteral("applied   0004_sql")) && status.contains(QStringLiteral("pending   0005_slow")), qPrintable(status));
        auto conn = Connection::open(QStringLiteral("sqlite:") + m_dir + QStringLiteral("/app.db"));
        QVERIFY(conn);
        QCOMPARE(test::scalar(**conn, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('big', 'after_big')")), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_project;
    QString m_dir;
};

QTEST_GUILESS_MAIN(TestCliProgress)
#include "tst_cliprogress.moc"
