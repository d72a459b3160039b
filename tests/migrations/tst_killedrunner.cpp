// covet-test-labels: engine sqlite postgres
// covet-test-cost: 25
// kill -9 of a runner during long migrations (SQLite, PostgreSQL): the
// database is always either before or after each migration, never between,
// and the history agrees. The runner is this test executable started again
// in child mode (COVET_KILLED_RUNNER_CHILD): it applies the migrations and
// prints "step <migration> <index>" as each operation starts. The kills
// land a random time after a chosen step starts, the steps taken in turn
// over two long migrations, so both outcomes occur for the first one:
// killed during its own steps it is "before"; killed during the second
// migration (its commit well before the process ends) it is "after".
#include "migrations/migrationhistory.h"
#include "db/migrationlock.h"
#include "runner/migrationrunner.h"
#include "migrationtestsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace covet;
using test::scalar;

namespace {

constexpr int kRows = 150000;

const QByteArray k0001 = R"(operations:
  - op: create_table
    definition:
      name: items
      columns:
        - {name: id, type: bigint, nullable: false}
      primary_key: {columns: [id]}
)";

QByteArray longMigration(Dialect d, const QByteArray &id, const QByteArray &dependency, const QByteArray &table)
{
    const QByteArray fill = d == Dialect::SQLite
        ? "INSERT INTO TABLE (id) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ROWS) SELECT x FROM c"
        : "INSERT INTO TABLE (id) SELECT g FROM generate_series(1, ROWS) g";
    QByteArray text = R"(dependencies: [DEP]
operations:
  - op: create_table
    definition:
      name: TABLE
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: pad, type: text}
      primary_key: {columns: [id]}
  - op: run_sql
    forward: "FILL"
    reverse: DELETE FROM TABLE
  - op: run_sql
    forward: UPDATE TABLE SET pad = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
    reverse: UPDATE TABLE SET pad = NULL
  - op: create_index
    table: TABLE
    index: {name: idx_TABLE_pad, parts: [{column: pad}]}
)";
    Q_UNUSED(id);
    return text.replace("FILL", fill).replace("ROWS", QByteArray::number(kRows)).replace("DEP", dependency).replace("TABLE", table);
}

// Child mode: apply every migration, printing each step as it starts.
int runChild()
{
    auto conn = Connection::open(qEnvironmentVariable("COVET_KILLED_RUNNER_URL"), QStringLiteral("killed-runner"));
    if (!conn) {
        std::fprintf(stderr, "%s\n", qPrintable(conn.error().toString()));
        return 2;
    }
    if ((*conn)->dialect() == Dialect::PostgreSQL && (*conn)->serverVersionNumber() >= 140000) {
        // Let the server notice the kill during a long statement.
        SqlExecutor sql((*conn)->database(), Dialect::PostgreSQL);
        (void)sql.exec(QStringLiteral("SET client_connection_check_interval = 100"));
    }
    auto repo = MigrationRepository::load(qEnvironmentVariable("COVET_KILLED_RUNNER_DIR"));
    MigrationRunner runner(**conn, repo);
    ProgressSink sink;
    sink.step = [](const QString &unit, int index, int, const QString &) {
        std::fprintf(stdout, "step %s %d\n", qPrintable(unit), index);
        std::fflush(stdout);
    };
    RunOptions o;
    o.progress = &sink;
    o.lockTimeoutMs = 60000;
    auto r = runner.migrate(o);
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
        return 1;
    }
    std::fprintf(stdout, "done\n");
    std::fflush(stdout);
    return 0;
}

// A child runner; readUntil() returns when `event` was printed (true) or the
// child ended first (false).
class Child
{
public:
    Child(const QString &url, const QString &dir)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COVET_KILLED_RUNNER_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("COVET_KILLED_RUNNER_URL"), url);
        env.insert(QStringLiteral("COVET_KILLED_RUNNER_DIR"), dir);
        m_process.setProcessEnvironment(env);
        m_process.start(QCoreApplication::applicationFilePath(), {});
        m_timer.start();
    }
    bool started() { return m_process.waitForStarted(); }
    bool readUntil(const QString &event)
    {
        while (true) {
            while (m_process.canReadLine()) {
                const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
                m_events << qMakePair(line, m_timer.elapsed());
                if (line == event)
                    return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                return false;
            if (!m_process.waitForReadyRead(60000) && m_process.state() == QProcess::NotRunning && !m_process.canReadLine())
                return false;
        }
    }
    // SIGKILL; false when it had already ended.
    bool kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        m_process.kill();
        m_process.waitForFinished(30000);
        return m_process.exitStatus() == QProcess::CrashExit;
    }
    bool finish()
    {
        if (m_process.state() != QProcess::NotRunning)
            m_process.waitForFinished(120000);
        return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }
    const QList<QPair<QString, qint64>> &events() const { return m_events; }
    qint64 elapsed() const { return m_timer.elapsed(); }

private:
    QProcess m_process;
    QElapsedTimer m_timer;
    QList<QPair<QString, qint64>> m_events;
};

} // namespace

class TestKilledRunner : public QObject
{
    Q_OBJECT

private slots:
    void killed_data();
    void killed();
};

void TestKilledRunner::killed_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("sqlite") << int(Dialect::SQLite);
    QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
}

void TestKilledRunner::killed()
{
    QFETCH(int, dialect);
    const Dialect d = Dialect(dialect);
    COVET_REQUIRE_DIALECT(d);
    COVET_SCRATCH_DB(db, d, test::serverFor(d));
    QElapsedTimer total;
    total.start();
    QTemporaryDir dir;
    test::writeFile(dir.path() + QStringLiteral("/0001_items.yaml"), k0001);
    test::writeFile(dir.path() + QStringLiteral("/0002_long.yaml"), longMigration(d, "0002_long", "0001_items", "big"));
    test::writeFile(dir.path() + QStringLiteral("/0003_longer.yaml"), longMigration(d, "0003_longer", "0002_long", "bigger"));
    const QString url = db->urlString();
    Connection &conn = db->connection();
    auto repo = MigrationRepository::load(dir.path());
    QVERIFY2(repo.isValid(), qPrintable(test::errorText(repo.status())));
    MigrationRunner runner(conn, repo);
    RunOptions base;
    base.lockTimeoutMs = 60000;
    base.confirmDataLoss = true;   // the rollbacks between runs drop the filled tables
    base.target = QStringLiteral("0001_items");
    auto first = runner.migrate(base);
    COVET_VERIFY_OK(first);

    // A timed full run: when each step starts, and how long each lasts.
    QList<QPair<QString, qint64>> steps;   // event, duration until the next event (or the end)
    {
        Child c(url, dir.path());
        QVERIFY(c.started());
        QVERIFY(!c.readUntil(QStringLiteral("never")));
        QVERIFY2(c.finish(), qPrintable(c.errors()));
        const auto &ev = c.events();
        for (qsizetype i = 0; i + 1 < ev.size(); ++i)
            if (ev.at(i).first.startsWith(QStringLiteral("step ")))
                steps << qMakePair(ev.at(i).first, ev.at(i + 1).second - ev.at(i).second);
        QCOMPARE(steps.size(), 8);
        qInfo("timed run: %lld ms", static_cast<long long>(c.elapsed()));
        auto back = runner.rollback(base);
        COVET_VERIFY_OK(back);
    }

    int before = 0, after = 0, finished = 0;
    auto check = [&](bool killed) {
        // The killed runner's session is over once its lock is free (a
        // PostgreSQL backend may still finish a statement or a COMMIT).
        {
            auto lock = MigrationLock::acquire(conn, 60000);
            COVET_VERIFY_OK(lock);
        }
        const qint64 r2 = scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations WHERE id = '0002_long'"));
        const qint64 r3 = scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations WHERE id = '0003_longer'"));
        SqlExecutor sql(conn.database(), d);
        for (const auto &[recorded, table] : {qMakePair(r2, QStringLiteral("big")), qMakePair(r3, QStringLiteral("bigger"))}) {
            const bool exists = *MigrationHistory::tableExists(sql, table);
            if (recorded == 1) {
                QVERIFY2(exists, qPrintable(table));
                QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM %1 WHERE pad IS NOT NULL").arg(table)), qint64(kRows));
            } else {
                QCOMPARE(recorded, 0);
                QVERIFY2(!exists, qPrintable(table + QStringLiteral(" exists but the history does not record its migration")));
            }
        }
        QVERIFY(r3 == 0 || r2 == 1);
        auto verified = runner.verify();
        COVET_VERIFY_OK(verified);
        if (!killed)
            ++finished;
        else
            ++(r2 == 1 ? after : before);
    };

    // The kills: a random time into each step in turn (both migrations).
    for (qsizetype i = 0; i < steps.size() && total.elapsed() < 45000; ++i) {
        Child c(url, dir.path());
        QVERIFY(c.started());
        const bool reached = c.readUntil(steps.at(i).first);
        if (reached)
            QThread::msleep(QRandomGenerator::global()->bounded(quint32(std::max<qint64>(steps.at(i).second, 1))));
        const bool killed = c.kill();
        if (!killed)
            QVERIFY2(c.finish(), qPrintable(c.errors()));
        check(killed);
        if (QTest::currentTestFailed())
            return;
        auto back = runner.rollback(base);
        COVET_VERIFY_OK(back);
    }
    qInfo("kill -9: %d runs left 0002_long before, %d after, %d runs ended before the kill; %lld ms", before, after, finished,
          static_cast<long long>(total.elapsed()));
    QVERIFY2(before > 0, "no kill left the database before 0002_long");
    QVERIFY2(after > 0, "no kill left the database after 0002_long");

    RunOptions all;
    all.lockTimeoutMs = 60000;
    auto rest = runner.migrate(all);
    COVET_VERIFY_OK(rest);
    auto verified = runner.verify();
    COVET_VERIFY_OK(verified);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 3);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("COVET_KILLED_RUNNER_CHILD"))
        return runChild();
    TestKilledRunner test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_killedrunner.moc"
