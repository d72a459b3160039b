#pragma once

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace covet {

// The threads Covet Studio's jobs (inspect, list, risk, rehearse, migrate,
// back up, audit) run on: a pool of their own, not QThreadPool's global
// instance. Qt's raster paint engine draws large areas in parallel on the
// global pool and waits for its pieces; with the jobs there too, a window
// repaint queued behind a running migration and a reload's listings, and
// the 2,000-table benchmark measured 100–340 ms GUI stalls after each run.
inline QThreadPool *jobPool()
{
    static QThreadPool *pool = []() {
        // Owned by the application, whose end waits for the running jobs
        // (as it does for the global pool).
        auto *p = new QThreadPool(QCoreApplication::instance());
        // Jobs mostly wait on the database: more of them than cores may run.
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

} // namespace covet
