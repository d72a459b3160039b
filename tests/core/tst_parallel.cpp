// covet-test-labels: engine
// parallelFor: every index is handed to `work` exactly once, for counts
// below, at and far above the per-thread minimum; more than one thread
// takes part when the machine has more than one core and there is enough
// work; the call returns only when every item is done.
#include "core/parallel.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace covet;

class TestParallel : public QObject
{
    Q_OBJECT

private slots:
    void everyIndexOnce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("minimumEach");
        for (const auto &[count, minimum] : {std::pair{0, 16}, {1, 16}, {15, 16}, {31, 16}, {32, 16}, {1000, 16}, {1000, 1}, {5000, 1}})
            QTest::addRow("%d items, %d each", count, minimum) << count << minimum;
    }
    void everyIndexOnce()
    {
        QFETCH(int, count);
        QFETCH(int, minimumEach);
        std::vector<std::atomic<int>> calls(static_cast<size_t>(count));
        parallelFor(count, [&](qsizetype i) { calls[size_t(i)].fetch_add(1); }, minimumEach);
        for (int i = 0; i < count; ++i)
            QVERIFY2(calls[size_t(i)].load() == 1, qPrintable(QStringLiteral("index %1 called %2 times").arg(i).arg(calls[size_t(i)].load())));
    }

    void usesMoreThanOneThread()
    {
        const bool several = QThread::idealThreadCount() > 1;
        QMutex lock;
        QSet<Qt::HANDLE> threads;
        std::atomic<int> done{0};
        std::atomic<bool> gaveUp{false};
        QElapsedTimer waited;
        waited.start();
        parallelFor(64, [&](qsizetype) {
            {
                QMutexLocker locked(&lock);
                threads.insert(QThread::currentThreadId());
            }
            // With several cores, the first items wait (10 s at most in all)
            // for a second thread to take one: no bet on how fast it starts.
            while (several && !gaveUp.load()) {
                if (waited.elapsed() > 10000) {
                    gaveUp = true;
                    break;
                }
                {
                    QMutexLocker locked(&lock);
                    if (threads.size() > 1)
                        break;
                }
                QThread::msleep(1);
            }
            ++done;
        }, 1);
        QCOMPARE(done.load(), 64);   // all done when it returns
        QVERIFY(threads.contains(QThread::currentThreadId()));
        if (several)
            QVERIFY2(threads.size() > 1, "one thread did all the work on a machine with several cores");
        else
            QCOMPARE(threads.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestParallel)
#include "tst_parallel.moc"
