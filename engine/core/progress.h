#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace covet {

// What long engine work reports to, and how it learns it should stop.
// The GUI hands one to a worker; the CLI prints from it. All members may be
// null. Callbacks are invoked on the worker's thread.
struct ProgressSink
{
    std::function<void(int done, int total, const QString &what)> progress;
    std::function<void(const QString &line)> log;
    // Which step of a unit of work starts: e.g. the migration id, the
    // operation's index (0-based) and count, and its label.
    std::function<void(const QString &unit, int step, int steps, const QString &label)> step;
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(int done, int total, const QString &what) const
    {
        if (progress)
            progress(done, total, what);
    }
    void stepStarted(const QString &unit, int index, int count, const QString &label) const
    {
        if (step)
            step(unit, index, count, label);
    }
    void message(const QString &line) const
    {
        if (log)
            log(line);
    }
};

} // namespace covet
