// covet-test-labels: engine
#include "testsupport.h"

#include "core/localuser.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace covet;

// LocalUser::utcText writes the timestamps of history and audit rows itself;
// it must spell every moment exactly as Qt's ISO formatter does, since audit
// row hashes and history rows written by earlier versions used Qt's text.
class TstLocalUser : public QObject
{
    Q_OBJECT

private slots:
    void utcTextIsQtsIsoText_data()
    {
        QTest::addColumn<qint64>("ms");
        auto at = [](int y, int mo, int d, int h, int mi, int s, int msec) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, msec), Qt::UTC).toMSecsSinceEpoch();
        };
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("before the epoch") << qint64(-1);
        QTest::newRow("1969-12-31 midnight") << qint64(-86400000);
        QTest::newRow("leap day 2000") << at(2000, 2, 29, 23, 59, 59, 999);
        QTest::newRow("after the leap day 2000") << at(2000, 3, 1, 0, 0, 0, 0);
        QTest::newRow("no leap day 2100") << at(2100, 3, 1, 0, 0, 0, 1);
        QTest::newRow("leap day 2024") << at(2024, 2, 29, 12, 0, 0, 0);
        QTest::newRow("new year 2027") << at(2026, 12, 31, 23, 59, 59, 999);
        QTest::newRow("year 1000") << at(1000, 1, 1, 0, 0, 0, 0);
        QTest::newRow("year 9999") << at(9999, 12, 31, 23, 59, 59, 999);
        QTest::newRow("year 999") << at(999, 12, 31, 23, 59, 59, 999);
        QTest::newRow("year 10000") << at(10000, 1, 1, 0, 0, 0, 0);
        QTest::newRow("1900, before the epoch") << at(1900, 2, 28, 1, 2, 3, 4);
        QTest::newRow("now") << QDateTime::currentMSecsSinceEpoch();
    }

    void utcTextIsQtsIsoText()
    {
        QFETCH(qint64, ms);
        QCOMPARE(LocalUser::utcText(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }

    void utcTextOverManyMoments()
    {
        // Every day from 1600 to 2400 at a random time of day, and random
        // moments in between.
        QRandomGenerator rng(20261208);
        const qint64 from = QDateTime(QDate(1600, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to = QDateTime(QDate(2400, 12, 31), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        int checked = 0;
        for (qint64 day = from; day <= to; day += 86400000, ++checked) {
            const qint64 ms = day + qint64(rng.bounded(86400000));
            const QString ours = LocalUser::utcText(ms);
            const QString qts = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
            if (ours != qts)
                QFAIL(qPrintable(QStringLiteral("%1 ms: %2, Qt writes %3").arg(ms).arg(ours, qts)));
        }
        QVERIFY(checked > 290000);
        const QString now = LocalUser::nowUtc();
        QCOMPARE(now.size(), 24);
        QVERIFY(QDateTime::fromString(now, Qt::ISODateWithMs).isValid());
    }
};

QTEST_GUILESS_MAIN(TstLocalUser)
#include "tst_localuser.moc"
