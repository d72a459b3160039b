// covet-test-labels: cli sqlite postgres mysql
// covet-test-cost: 69
// Issue 19, item 1: kill -9 of `covet migrate` and of `covet rollback` at
// points spread evenly over a timed run of the long migration of
// faultproject.h (SQLite rebuilds, PostgreSQL, MariaDB step by step). After
// each kill: the migration lock is free again; the database is as before
// or as after 0002_long, or — MariaDB only — part-way with the steps in
// effect recorded, `covet status` saying so and how to finish or undo it,
// and `--resume` finishing or undoing it; no kept row changed; the audit
// never claims a success that is not in effect.
// COVET_FAULT_POINTS sets the kill points per dialect and direction
// (default 5 in ctest; scripts/fault-matrix.sh runs 50); the figures go
// to docs/reliability.md.
#include "migrations/partialmigrations.h"
#include "faultproject.h"
#include "audit/auditstatus.h"

#include <QTest>

#include <algorithm>
#include <QThread>

using namespace covet;
using namespace covet::test;

namespace {

struct Tally
{
    QMap<QString, int> outcomes;   // "before", "after", "part-way (recorded)", "ended before the kill"
    int auditRowsAdded = 0;        // audit rows written by the killed runs
    int interruptedRows = 0;       // written by the next run for a killed run that had started
    qint64 maxLockWaitMs = 0;
    QString summary(const char *what) const
    {
        QStringList parts;
        for (auto it = outcomes.begin(); it != outcomes.end(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        return QStringLiteral("%1: %2; audit rows added by killed runs: %3; 'interrupted' rows written by the next run: %4; "
                              "lock free again within %5 ms")
            .arg(QString::fromLatin1(what), parts.join(QStringLiteral(", ")))
            .arg(auditRowsAdded)
            .arg(interruptedRows)
            .arg(maxLockWaitMs);
    }
};

qint64 total(const QMap<QString, qint64> &m)
{
    qint64 n = 0;
    for (qint64 v : m)
        n += v;
    return n;
}

} // namespace

class TestCliFaults : public QObject
{
    Q_OBJECT

private slots:
    void killMatrix_data();
    void killMatrix();

private:
    // After a part-way kill (MariaDB): status names it and the way out;
    // --resume (migrate finishes, rollback undoes) leaves no record.
    void resolvePartial(FaultProject &p, bool finish, const QString &context);
};

void TestCliFaults::killMatrix_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("forward");
    for (const auto &[name, d] : {std::pair{"sqlite", Dialect::SQLite}, std::pair{"postgresql", Dialect::PostgreSQL}, std::pair{"mariadb", Dialect::MySQL}}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 migrate").arg(QString::fromLatin1(name)))) << int(d) << true;
        QTest::newRow(qPrintable(QStringLiteral("%1 rollback").arg(QString::fromLatin1(name)))) << int(d) << false;
    }
}

void TestCliFaults::resolvePartial(FaultProject &p, bool finish, const QString &context)
{
    const QList<PartialMigration> part = p.partials();
    QCOMPARE(part.size(), 1);
    const CliRun status = p.run({QStringLiteral("status")});
    QVERIFY2(status.out.contains(QStringLiteral("partial")) && status.out.contains(QStringLiteral("0002_long")),
             qPrintable(context + QStringLiteral(":\n") + status.out + status.err));
    QVERIFY2(status.out.contains(part.first().describe()), qPrintable(context + QStringLiteral(": status does not say what is in effect:\n") + status.out));
    QVERIFY2(status.out.contains(QStringLiteral("covet migrate --resume")) && status.out.contains(QStringLiteral("covet rollback --resume")),
             qPrintable(context + QStringLiteral(": status does not say how to finish or undo it:\n") + status.out));
    // Without --resume a run refuses, naming it.
    const CliRun refused = p.run({QStringLiteral("migrate")});
    QVERIFY2(refused.exitCode != 0 && refused.err.contains(QStringLiteral("0002_long is part-way")), qPrintable(refused.err));
    const QStringList args = finish ? QStringList{QStringLiteral("migrate"), QStringLiteral("--resume"), QStringLiteral("--yes")}
                                    : QStringList{QStringLiteral("rollback"), QStringLiteral("--resume"), QStringLiteral("--yes")};
    const CliRun resumed = p.run(args);
    QVERIFY2(resumed.exitCode == 0, qPrintable(context + QStringLiteral(": covet %1:\n%2%3").arg(args.join(u' '), resumed.out, resumed.err)));
    QVERIFY(p.partials().isEmpty());
}

void TestCliFaults::killMatrix()
{
    COVET_FAULT_PROJECT(p);
    QFETCH(bool, forward);
    const QStringList args = forward ? QStringList{QStringLiteral("migrate")} : FaultProject::rollbackArgs();
    // Rolling back starts from the state after 0002_long.
    auto toStart = [&] {
        const bool applied = p.recorded() == 1;
        if (forward && applied)
            return p.cliOk(FaultProject::rollbackArgs());
        if (!forward && !applied)
            return p.cliOk({QStringLiteral("migrate")});
        return true;
    };
    QVERIFY(toStart());
    // A timed run, to spread the kills over it.
    const CliRun timed = p.run(args);
    QVERIFY2(timed.exitCode == 0, qPrintable(timed.err));
    QVERIFY(toStart());
    const int points = faultPoints(5);
    Tally tally;
    for (int i = 0; i < points; ++i) {
        const qint64 at = timed.ms * (2 * i + 1) / (2 * points);
        const QString context = QStringLiteral("kill -9 of covet %1 at %2 of %3 ms").arg(args.first()).arg(at).arg(timed.ms);
        const QMap<QString, qint64> auditBefore = p.auditRows();
        const QMap<QString, qint64> statusesBefore = p.auditStatuses();
        bool endedFirst = false;
        const CliRun r = p.killAt(args, at, endedFirst);
        const qint64 lockMs = p.lockFreeAfterMs();
        QVERIFY2(lockMs >= 0, qPrintable(context + QStringLiteral(": the migration lock is still held after 60 s")));
        tally.maxLockWaitMs = std::max(tally.maxLockWaitMs, lockMs);
        const auto outcome = p.judge(context);
        if (!outcome)
            return;
        const QMap<QString, qint64> auditAfter = p.auditRows();
        const QMap<QString, qint64> statusesAtKill = p.auditStatuses();
        // A killed run that had written its 'started' row and not yet its
        // end ('finished' is written just before the process exits) has no
        // end: the next run that takes the lock says so in an 'interrupted' row.
        const bool startedThenKilled = !endedFirst && statusesAtKill.value(AuditStatus::Started) > statusesBefore.value(AuditStatus::Started)
                                       && FaultProject::runEnds(statusesAtKill) == FaultProject::runEnds(statusesBefore);
        const qint64 successes = auditAfter.value(QStringLiteral("apply/success")) - auditBefore.value(QStringLiteral("apply/success"));
        const qint64 undone = auditAfter.value(QStringLiteral("rollback/success")) - auditBefore.value(QStringLiteral("rollback/success"));
        // The audit never claims what is not in effect.
        if (forward)
            QVERIFY2(successes == 0 || *outcome == Outcome::After, qPrintable(context + QStringLiteral(": the audit records a success")));
        else
            QVERIFY2(undone == 0 || *outcome == Outcome::Before, qPrintable(context + QStringLiteral(": the audit records a rollback")));
        if (endedFirst) {
            QVERIFY2(r.exitCode == 0, qPrintable(context + QStringLiteral(": ended on its own, but failed:\n") + r.err));
            tally.outcomes[QStringLiteral("ended before the kill")]++;
        } else {
            tally.outcomes[QString::fromLatin1(outcomeName(*outcome))]++;
            tally.auditRowsAdded += int(total(auditAfter) - total(auditBefore));
        }
        if (*outcome == Outcome::Partial) {
            resolvePartial(p, i % 2 == 0, context);   // --resume takes the lock
            if (QTest::currentTestFailed())
                return;
        } else if (startedThenKilled) {
            // A run that takes the lock and changes nothing.
            QVERIFY(p.cliOk({QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0001_base")}));
        }
        if (startedThenKilled) {
            const qint64 interrupted = p.auditStatuses().value(AuditStatus::Interrupted) - statusesAtKill.value(AuditStatus::Interrupted);
            QVERIFY2(interrupted == 1, qPrintable(context + QStringLiteral(": %1 'interrupted' rows after the next run").arg(interrupted)));
            const QString text = p.lastAuditText(AuditStatus::Interrupted);
            QVERIFY2(text.contains(QStringLiteral("0002_long")), qPrintable(context + QStringLiteral(": ") + text));
            // It says what the kill left in effect, as judged above.
            QStringList says;
            if (*outcome == Outcome::Partial)
                says = {QStringLiteral("is part-way")};
            else if ((*outcome == Outcome::Before) == forward)   // nothing of the run's change in effect
                says = {forward ? QStringLiteral("is still pending") : QStringLiteral("is still applied"),
                        forward ? QStringLiteral("is not recorded as applied") : QStringLiteral("is still recorded as applied")};
            else
                says = {forward ? QStringLiteral("was applied before the run ended") : QStringLiteral("was rolled back before the run ended"),
                        QStringLiteral("had finished")};
            QVERIFY2(std::any_of(says.cbegin(), says.cend(), [&](const QString &x) { return text.contains(x); }),
                     qPrintable(context + QStringLiteral(" (%1): the interrupted row says\n").arg(QString::fromLatin1(outcomeName(*outcome))) + text));
            tally.interruptedRows++;
        }
        QVERIFY(toStart());
        QCOMPARE(p.keptChecksums(), p.expectedChecksums());
    }
    const QString line = tally.summary(qPrintable(QStringLiteral("%1 kill -9 of covet %2 over a %3 ms run, %4 points")
                                                       .arg(dialectName(d), args.first())
                                                       .arg(timed.ms)
                                                       .arg(points)));
    qInfo("%s", qPrintable(line));
    // Spread over the run, some kills land before the change is in effect.
    const QString untouched = QString::fromLatin1(outcomeName(forward ? Outcome::Before : Outcome::After));
    if (points >= 5)
        QVERIFY2(tally.outcomes.value(untouched) + tally.outcomes.value(QStringLiteral("part-way (recorded)")) > 0, qPrintable(line));
}

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_clifaults.moc"
