// covet-test-labels: engine
#include "safety/riskreport.h"

#include <QTest>

using namespace covet;

namespace {

RiskFinding finding(const QString &migration, int step, const QString &op, RiskLevel level, const QString &rule, bool ack = false)
{
    RiskFinding f;
    f.migrationId = migration;
    f.step = step;
    f.operation = op;
    f.level = level;
    f.rule = rule;
    f.reason = rule + QStringLiteral(" happens");
    f.acknowledged = ack;
    return f;
}

} // namespace

class TestRiskReport : public QObject
{
    Q_OBJECT

private slots:
    void operationsGroupFindingsInPlanOrder()
    {
        RiskReport r;
        r.findings << finding("0002_a", 0, "operation 1 of 2 (drop column t.c)", RiskLevel::High, "drop-column")
                   << finding("0002_a", 0, "operation 1 of 2 (drop column t.c)", RiskLevel::Medium, "sqlite-rebuild")
                   << finding("0002_a", 1, "operation 2 of 2 (drop table u)", RiskLevel::Critical, "drop-table", true)
                   << finding("0003_b", 0, "operation 1 of 1 (drop column t.c)", RiskLevel::Low, "table-rewrite");
        const QList<RiskOperation> ops = r.operations();
        QCOMPARE(ops.size(), 3);
        QCOMPARE(ops.at(0).migrationId, QStringLiteral("0002_a"));
        QCOMPARE(ops.at(0).findings.size(), 2);
        QCOMPARE(ops.at(0).level(), RiskLevel::High);
        // An acknowledged finding does not raise its operation's level.
        QCOMPARE(ops.at(1).findings.size(), 1);
        QCOMPARE(ops.at(1).level(), RiskLevel::None);
        QCOMPARE(ops.at(2).migrationId, QStringLiteral("0003_b"));
        QCOMPARE(ops.at(2).step, 0);
        // Every finding is in exactly one group.
        qsizetype n = 0;
        for (const RiskOperation &op : ops)
            n += op.findings.size();
        QCOMPARE(n, r.findings.size());
        // The text report prints one heading per operation.
        QCOMPARE(r.toText().count(QStringLiteral("0002_a · ")), 2);
    }

    void emptyReportHasNoOperations()
    {
        QVERIFY(RiskReport().operations().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRiskReport)
#include "tst_riskreport.moc"
