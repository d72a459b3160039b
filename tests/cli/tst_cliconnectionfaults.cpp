// covet-test-labels: cli sqlite postgres mysql
// covet-test-cost: 45
// Issue 19, item 1: the faults other than kill -9 of the runner, on the
// project of faultproject.h:
//  - the server connection killed while a step of 0002_long runs
//    (pg_terminate_backend; MariaDB KILL CONNECTION) at three steps: the
//    rewrite of big, the first and the last index;
//  - a full disk on SQLite: `covet migrate` run with a file-size limit
//    (ulimit -f, SIGXFSZ ignored, so writes fail with EFBIG as on a full
//    filesystem) at five limits that stop it at different steps;
//  - the lock holder crashing: a second runner waiting for the lock (and
//    saying who holds it) takes over when the first is killed.
// After each: before or after 0002_long (MariaDB: or part-way, recorded
// and resumable), kept rows unchanged, the lock free, a clear error.
#include "faultproject.h"

#include <QFileInfo>
#include <QTest>
#include <QThread>

using namespace covet;
using namespace covet::test;

namespace {

// Reads the process's output until it contains `text` (or it ends, or
// timeoutMs pass); returns whether it did.
bool waitForOutput(QProcess &p, const QString &text, QByteArray &seen, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        seen += p.readAllStandardOutput() + p.readAllStandardError();
        if (QString::fromUtf8(seen).contains(text))
            return true;
        if (p.state() == QProcess::NotRunning)
            return false;
        p.waitForReadyRead(100);
    }
    return false;
}

// The server session of the covet process `pid` when it is running a
// statement containing every one of `parts`: PostgreSQL backend pid or
// MariaDB connection id; 0 when it did not within 60 s.
qint64 sessionRunning(Connection &c, qint64 covetPid, const QStringList &parts, QProcess &p)
{
    SqlExecutor sql(c.database(), c.dialect());
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000 && p.state() != QProcess::NotRunning) {
        Result<QList<QVariantList>> rows = c.dialect() == Dialect::PostgreSQL
            ? sql.rows(QStringLiteral("SELECT pid, query FROM pg_stat_activity WHERE application_name LIKE ? AND state = 'active'"),
                       {QStringLiteral("covet migrate pid %1 %").arg(covetPid)})
            : sql.rows(QStringLiteral("SELECT ID, INFO FROM information_schema.PROCESSLIST WHERE ID = IS_USED_LOCK(?) AND INFO IS NOT NULL"),
                       {QStringLiteral("covet_migrate:") + c.url().database()});
        if (rows)
            for (const QVariantList &r : *rows) {
                const QString query = r.value(1).toString();
                if (std::all_of(parts.begin(), parts.end(), [&](const QString &s) { return query.contains(s, Qt::CaseInsensitive); }))
                    return r.value(0).toLongLong();
            }
        QThread::msleep(5);
    }
    return 0;
}

// The line of covet's stderr that says what went wrong.
QString errorLine(const QString &err)
{
    for (const QString &line : err.split(u'\n'))
        if (line.startsWith(QStringLiteral("covet: error:")))
            return line.left(300);
    return err.section(u'\n', 0, 0).left(300);
}

} // namespace

class TestCliConnectionFaults : public QObject
{
    Q_OBJECT

private slots:
    void connectionKilled_data();
    void connectionKilled();
    void diskFull();
    void lockHolderCrashes_data();
    void lockHolderCrashes();

private:
    void resume(FaultProject &p);
};

void TestCliConnectionFaults::resume(FaultProject &p)
{
    if (p.partials().isEmpty())
        return;
    const CliRun status = p.run({QStringLiteral("status")});
    QVERIFY2(status.out.contains(QStringLiteral("covet migrate --resume")), qPrintable(status.out));
    const CliRun r = p.run({QStringLiteral("rollback"), QStringLiteral("--resume"), QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
}

void TestCliConnectionFaults::connectionKilled_data()
{
    addServerRows();
}

void TestCliConnectionFaults::connectionKilled()
{
    COVET_FAULT_PROJECT(p);
    const QList<QStringList> steps = {{QStringLiteral("ALTER"), QStringLiteral("num")},
                                      {QStringLiteral("idx_big_pad")},
                                      {QStringLiteral("idx_big_num")}};
    const QString killing = d == Dialect::PostgreSQL ? QStringLiteral("SELECT pg_terminate_backend(%1)") : QStringLiteral("KILL CONNECTION %1");
    QStringList outcomes;
    for (const QStringList &step : steps) {
        const QStringList args{QStringLiteral("migrate")};
        auto proc = p.start(args);
        const qint64 session = sessionRunning(p.connection(), proc->processId(), step, *proc);
        QVERIFY2(session > 0, qPrintable(QStringLiteral("never saw covet run %1").arg(step.join(u' '))));
        COVET_EXEC_OK(p.connection(), killing.arg(session));
        const CliRun r = FaultProject::finish(*proc, args);
        const QString context = QStringLiteral("connection killed during %1").arg(step.join(u' '));
        QVERIFY2(!r.crashed && r.exitCode != 0, qPrintable(context + QStringLiteral(": exit %1\n%2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(QStringLiteral("covet: error:")), qPrintable(context + u'\n' + r.err));
        // MariaDB: the error says the part-way state is recorded and how to finish or undo it.
        if (d == Dialect::MySQL)
            QVERIFY2(r.err.contains(QStringLiteral("covet rollback --resume")), qPrintable(context + u'\n' + r.err));
        QVERIFY2(p.lockFreeAfterMs() >= 0, qPrintable(context));
        const auto outcome = p.judge(context);
        if (!outcome)
            return;
        outcomes << QStringLiteral("%1: %2, exit %3 (%4)").arg(step.join(u' '), QString::fromLatin1(outcomeName(*outcome))).arg(r.exitCode)
                        .arg(errorLine(r.err));
        resume(p);
        if (QTest::currentTestFailed())
            return;
        if (p.recorded() == 1)
            QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
        // The next run completes.
        QVERIFY(p.cliOk(args));
        QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
    }
    qInfo("%s connection killed:\n  %s", qPrintable(dialectName(d)), qPrintable(outcomes.join(QStringLiteral("\n  "))));
}

void TestCliConnectionFaults::diskFull()
{
    FaultProject p;
    if (!p.setUp(Dialect::SQLite))
        return;
    const QString file = p.database().url().database();
    QStringList outcomes;
    int failed = 0;
    qint64 size = 0;
    // The room left, as a fraction of the database file: 0002_long needs
    // about its size again (the rebuilds copy big and items, the indexes).
    for (const double room : {0.02, 0.1, 0.3, 0.6, 0.9}) {
        COVET_EXEC_OK(p.connection(), QStringLiteral("VACUUM"));   // no free pages left from earlier runs
        size = QFileInfo(file).size();
        const qint64 limitKiB = (size + qint64(size * room)) / 1024;
        const QStringList args{QStringLiteral("migrate"), QStringLiteral("--db"), p.url()};
        QProcess proc;
        proc.setWorkingDirectory(p.dir());
        proc.start(QStringLiteral("bash"), QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -f \"$1\"; trap '' XFSZ; shift; exec \"$@\""),
                                                       QStringLiteral("covet-disk-full"), QString::number(limitKiB), cliPath()}
                                                  + args);
        const CliRun r = FaultProject::finish(proc, args);
        const QString context = QStringLiteral("SQLite file limited to %1 KiB (%2 KiB + %3%)").arg(limitKiB).arg(size / 1024).arg(room * 100);
        QVERIFY2(!r.crashed, qPrintable(context + QStringLiteral(": covet crashed\n") + r.err));
        QVERIFY2(p.lockFreeAfterMs() >= 0, qPrintable(context));
        const auto outcome = p.judge(context);
        if (!outcome)
            return;
        QCOMPARE(scalar(p.connection(), QStringLiteral("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")), 0);
        if (r.exitCode != 0) {
            ++failed;
            QCOMPARE(*outcome, Outcome::Before);
            QVERIFY2(r.err.contains(QStringLiteral("covet: error:")), qPrintable(context + u'\n' + r.err));
        }
        outcomes << QStringLiteral("+%1%: %2, exit %3: %4").arg(room * 100).arg(QString::fromLatin1(outcomeName(*outcome))).arg(r.exitCode)
                        .arg(errorLine(r.err));
        if (p.recorded() == 1)
            QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
    }
    qInfo("SQLite disk full (database file %lld KiB):\n  %s", size / 1024, qPrintable(outcomes.join(QStringLiteral("\n  "))));
    QVERIFY2(failed >= 3, "the file-size limit did not stop the migration");
    QVERIFY(p.cliOk({QStringLiteral("migrate")}));
    QCOMPARE(p.judge(QStringLiteral("after the disk-full runs")), std::optional<Outcome>(Outcome::After));
}

void TestCliConnectionFaults::lockHolderCrashes_data()
{
    addDialectRows();
}

void TestCliConnectionFaults::lockHolderCrashes()
{
    COVET_FAULT_PROJECT(p);
    const QStringList holderArgs{QStringLiteral("migrate"), QStringLiteral("--json")};
    auto holder = p.start(holderArgs);
    QByteArray seen;
    QVERIFY2(waitForOutput(*holder, QStringLiteral("\"event\":\"operation\""), seen), seen.constData());
    const QStringList waiterArgs{QStringLiteral("migrate"), QStringLiteral("--lock-timeout"), QStringLiteral("120")};
    auto waiter = p.start(waiterArgs);
    QByteArray waiterSeen;
    if (d != Dialect::SQLite) {
        // It says who holds the lock.
        const QString who = d == Dialect::PostgreSQL ? QStringLiteral("held by PostgreSQL backend pid") : QStringLiteral("held by connection id");
        QVERIFY2(waitForOutput(*waiter, who, waiterSeen), waiterSeen.constData());
        if (d == Dialect::PostgreSQL)
            QVERIFY2(QString::fromUtf8(waiterSeen).contains(QStringLiteral("covet migrate pid %1 ").arg(holder->processId())), waiterSeen.constData());
    } else {
        QThread::msleep(100);   // SQLite: the waiter is in its busy timeout (it cannot say who holds the write lock)
    }
    QVERIFY(holder->state() == QProcess::Running);
    holder->kill();
    holder->waitForFinished();
    const CliRun r = FaultProject::finish(*waiter, waiterArgs);
    if (d == Dialect::MySQL && r.exitCode != 0) {
        // The killed holder left 0002_long part-way: the waiter refuses, naming it; --resume finishes it.
        QVERIFY2(r.err.contains(QStringLiteral("0002_long is part-way")), qPrintable(r.out + r.err));
        QVERIFY(p.cliOk({QStringLiteral("migrate"), QStringLiteral("--resume")}));
    } else {
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }
    QCOMPARE(p.recorded(), 1);
    QCOMPARE(p.judge(QStringLiteral("after the lock holder crashed")), std::optional<Outcome>(Outcome::After));
    qInfo("%s: the waiter took over after the holder was killed: %s", qPrintable(dialectName(d)),
          qPrintable(QString::fromUtf8(waiterSeen).section(u'\n', 0, 0)));
}

QTEST_GUILESS_MAIN(TestCliConnectionFaults)
#include "tst_cliconnectionfaults.moc"
