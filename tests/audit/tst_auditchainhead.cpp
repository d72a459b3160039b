// covet-test-labels: engine sqlite postgres mysql
// A run's audit rows linked to the row it appended last (AuditRecorder's
// `head`), on all three databases: each row after the first is written in
// one statement, and when the guess is wrong (another writer appended a row
// meanwhile, or the run's last row was rolled back) nothing is inserted on
// it and the row is linked to the real last row, so the chain verifies
// either way and no row is lost or doubled.
#include "audit/auditchain.h"
#include "audit/auditrecorder.h"
#include "../migrations/migrationtestsupport.h"
#include "auditseed.h"

#include <QTest>

using namespace covet;

class TestAuditChainHead : public QObject
{
    Q_OBJECT

private:
    static QString serverFor(Dialect d) { return test::serverFor(d); }
    static bool haveServer(Dialect d) { return d == Dialect::SQLite || !serverFor(d).isEmpty(); }
    // Statements one record() ran, and whether it succeeded.
    static int statementsOf(SqlExecutor &sql, const AuditEntry &e, QString *head)
    {
        sql.resetStatementCount();
        return AuditRecorder::record(sql, e, head) ? sql.statementCount() : -1;
    }
    // The chain, checked: intact with `rows` rows, and its head is `head`.
    static void verifyChain(SqlExecutor &sql, qint64 rows, const QString &head)
    {
        auto v = AuditChain::verify(sql);
        COVET_VERIFY_OK(v);
        QVERIFY2(v->intact(), qPrintable(v->message()));
        QCOMPARE(v->rows, rows);
        QCOMPARE(v->headHash, head);
    }

private slots:
    void guessedHead_data() { test::addDialectRows(); }
    void guessedHead()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        if (!haveServer(d)) {
            if (test::inCi())
                QFAIL("the PostgreSQL/MariaDB test servers are not set (scripts/test-servers.sh); CI=true forbids skipping");
            QSKIP("no test server; start scripts/test-servers.sh");
        }
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        QVERIFY(AuditRecorder::ensure(sql));
        const QList<AuditEntry> rows = test::seededAudit();
        QVERIFY(rows.size() >= 6);

        // The first row of a run reads the last hash (none yet) and inserts.
        QString head;
        QCOMPARE(statementsOf(sql, rows.at(0), &head), 2);
        QVERIFY(!head.isEmpty());
        // The next ones link to it in one statement each.
        QCOMPARE(statementsOf(sql, rows.at(1), &head), 1);
        QCOMPARE(statementsOf(sql, rows.at(2), &head), 1);
        verifyChain(sql, 3, head);

        // Another writer appends a row: the run's guess is now wrong. Its
        // guarded insert inserts nothing; the row is linked to the other one.
        QString other;
        QVERIFY(AuditRecorder::record(sql, rows.at(3), &other));
        QVERIFY(other != head);
        QCOMPARE(statementsOf(sql, rows.at(4), &head), 3);
        verifyChain(sql, 5, head);

        // The run's last row is rolled back with its transaction: the guess
        // points at a row that is not there, and the next row links past it.
        const QString beforeRollback = head;
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QCOMPARE(statementsOf(sql, rows.at(5), &head), 1);
        QVERIFY(sql.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(head != beforeRollback);
        verifyChain(sql, 5, beforeRollback);
        QCOMPARE(statementsOf(sql, rows.at(5), &head), 3);
        verifyChain(sql, 6, head);
        auto n = AuditRecorder::count(sql);
        COVET_VERIFY_OK(n);
        QCOMPARE(*n, 6);
    }
};

QTEST_GUILESS_MAIN(TestAuditChainHead)
#include "tst_auditchainhead.moc"
