// covet-test-labels: cli postgres mysql
// covet-test-cost: 42
// Issue 19, item 1: the server stopped in the middle of `covet migrate`,
// as a crash or a power cut stops it (PostgreSQL: immediate shutdown, no
// checkpoint; MariaDB: SIGKILL of mariadbd), at points spread over a timed
// run of the long migration of faultproject.h, then started again (crash
// recovery). Covet must stop with an error and no crash of its own; after
// the restart the database is as before or after 0002_long, or — MariaDB
// only — part-way with the steps in effect recorded; the kept rows are
// unchanged; the lock is free; the next run says in the audit that the
// stopped run was interrupted and what is in effect, and finishes the work
// (`--resume` for a part-way state).
// The suite starts servers of its own (scripts/test-servers.sh): it stops
// them, and the other suites share theirs.
#include "faultproject.h"
#include "audit/auditstatus.h"

#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace covet;
using namespace covet::test;

class TestCliServerStop : public QObject
{
    Q_OBJECT

private:
    QString m_serversDir;
    QString m_script = sourcePath(QStringLiteral("scripts/test-servers.sh"));

    bool script(const QStringList &args, QString *out = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral("bash"), QStringList{m_script} + args);
        if (!p.waitForFinished(180000)) {
            p.kill();
            p.waitForFinished();
        }
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("test-servers.sh %s failed: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        // Servers of its own, where the suite has servers (CI always).
        QStringList want;
        if (!serverUrl("COVET_TEST_PG_URL").isEmpty())
            want << QStringLiteral("pg");
        if (!serverUrl("COVET_TEST_MYSQL_URL").isEmpty())
            want << QStringLiteral("mysql");
        if (want.isEmpty())
            return;
        qputenv("COVET_SERVERS", want.join(u' ').toUtf8());
        QString env;
        QVERIFY(script({QStringLiteral("start")}, &env));
        for (const QString &line : env.split(u'\n', Qt::SkipEmptyParts)) {
            // export NAME=VALUE
            const QString assignment = line.section(u' ', 1);
            const QString name = assignment.section(u'=', 0, 0);
            const QString value = assignment.section(u'=', 1);
            qputenv(name.toUtf8().constData(), value.toUtf8());
            if (name == u"COVET_SERVERS_DIR")
                m_serversDir = value;
        }
        QVERIFY(!m_serversDir.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_serversDir.isEmpty())
            script({QStringLiteral("stop"), m_serversDir});
    }

    void serverStopped_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
        QTest::newRow("mariadb") << int(Dialect::MySQL);
    }

    void serverStopped()
    {
        COVET_FAULT_PROJECT(p);
        const QString server = d == Dialect::PostgreSQL ? QStringLiteral("pg") : QStringLiteral("mysql");
        const QStringList migrate{QStringLiteral("migrate")};
        const CliRun timed = p.run(migrate);
        QVERIFY2(timed.exitCode == 0, qPrintable(timed.err));
        QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
        const int points = faultPoints(3);
        QMap<QString, int> outcomes;
        int interruptedRows = 0;
        for (int i = 0; i < points; ++i) {
            const qint64 at = timed.ms * (2 * i + 1) / (2 * points);
            const QString context = QStringLiteral("%1 stopped at %2 of a %3 ms `covet migrate`").arg(server).arg(at).arg(timed.ms);
            const QMap<QString, qint64> before = p.auditStatuses();
            auto proc = p.start(migrate);
            if (proc->waitForFinished(int(std::max<qint64>(at, 1)))) {
                const CliRun r = FaultProject::finish(*proc, migrate);
                QVERIFY2(r.exitCode == 0, qPrintable(r.err));
                outcomes[QStringLiteral("ended before the stop")]++;
                QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
                continue;
            }
            QVERIFY(script({QStringLiteral("crash"), m_serversDir, server}));
            const CliRun r = FaultProject::finish(*proc, migrate, 120000);
            QVERIFY2(!r.crashed, qPrintable(context + QStringLiteral(": covet crashed\n") + r.err));
            QVERIFY(script({QStringLiteral("restart"), m_serversDir, server}));
            p.database().reconnect();
            if (r.exitCode == 0) {
                // Its work and its audit were done; the server went as it exited.
                QCOMPARE(p.recorded(), 1);
                outcomes[QStringLiteral("ended before the stop")]++;
                QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
                continue;
            }
            // Covet stops with an error naming the lost server, and does not crash.
            QVERIFY2(!r.err.trimmed().isEmpty(), qPrintable(context + QStringLiteral(": no error printed")));
            QVERIFY2(p.lockFreeAfterMs() >= 0, qPrintable(context + QStringLiteral(": the lock is still held after 60 s")));
            const auto outcome = p.judge(context);
            if (!outcome)
                return;
            outcomes[QString::fromLatin1(outcomeName(*outcome))]++;
            const QMap<QString, qint64> atStop = p.auditStatuses();
            const bool started = atStop.value(AuditStatus::Started) > before.value(AuditStatus::Started)
                                 && FaultProject::runEnds(atStop) == FaultProject::runEnds(before);
            const qint64 interruptedBefore = p.auditStatuses().value(AuditStatus::Interrupted);
            // The next run finishes the work.
            const QStringList next = *outcome == Outcome::Partial
                                         ? QStringList{QStringLiteral("migrate"), QStringLiteral("--resume"), QStringLiteral("--yes")}
                                         : migrate;
            const CliRun done = p.run(next);
            QVERIFY2(done.exitCode == 0, qPrintable(context + QStringLiteral(": covet %1 after the restart:\n").arg(next.join(u' ')) + done.err));
            QCOMPARE(p.recorded(), 1);
            QVERIFY(p.partials().isEmpty());
            QCOMPARE(p.keptChecksums(), p.expectedChecksums());
            if (started) {
                const qint64 added = p.auditStatuses().value(AuditStatus::Interrupted) - interruptedBefore;
                QVERIFY2(added == 1, qPrintable(context + QStringLiteral(": %1 'interrupted' rows").arg(added)));
                const QString text = p.lastAuditText(AuditStatus::Interrupted);
                QVERIFY2(text.contains(QStringLiteral("0002_long")) && text.contains(QStringLiteral("connection or server was lost")),
                         qPrintable(context + QStringLiteral(": ") + text));
                ++interruptedRows;
            }
            QVERIFY(p.cliOk(FaultProject::rollbackArgs()));
        }
        QStringList parts;
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        qInfo("%s stopped %d times during `covet migrate` (%lld ms run): %s; 'interrupted' rows: %d", qPrintable(server), points, timed.ms,
              qPrintable(parts.join(QStringLiteral(", "))), interruptedRows);
    }
};

QTEST_GUILESS_MAIN(TestCliServerStop)
#include "tst_cliserverstop.moc"
