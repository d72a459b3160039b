#include "parallel.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

namespace covet {

void parallelFor(qsizetype count, const std::function<void(qsizetype)> &work, qsizetype minimumEach)
{
    const qsizetype threads = std::min<qsizetype>(QThread::idealThreadCount(), count / std::max<qsizetype>(1, minimumEach));
    if (threads <= 1) {
        for (qsizetype i = 0; i < count; ++i)
            work(i);
        return;
    }
    // Each thread takes the next item until none is left, so one slow item
    // does not hold back a share decided in advance.
    std::atomic<qsizetype> next{0};
    const auto drain = [&] {
        for (qsizetype i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            work(i);
    };
    // A pool of our own: the calling thread waits only for these items,
    // never behind unrelated work queued on the global pool.
    QThreadPool pool;
    pool.setMaxThreadCount(int(threads - 1));
    for (qsizetype t = 1; t < threads; ++t)
        pool.start(drain);
    drain();
    pool.waitForDone();
}

} // namespace covet
