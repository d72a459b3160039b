#pragma once
// What the Covet Studio benchmarks share: the stall meter (the longest
// time the GUI thread did not get back to its event loop) and timing a
// phase while the event loop runs.

#include <QElapsedTimer>
#include <QObject>
#include <QTest>
#include <QTimer>

#include <algorithm>

namespace covet::bench {

// Before the QApplication: offscreen unless QT_QPA_PLATFORM says otherwise,
// and the settings in `configDir` rather than the user's.
inline void isolateStudio(const QString &configDir)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", configDir.toUtf8());
}

// The longest gap between two ticks of a 10 ms timer on the GUI thread.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this]() {
            const qint64 now = m_clock.nsecsElapsed();
            m_max = std::max(m_max, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_max = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_max = std::max(m_max, m_clock.nsecsElapsed() - m_last);
        m_timer.stop();
        return m_max / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_max = 0;
};

struct PhaseTiming
{
    double seconds = 0;
    double stallMs = 0;
    bool ok = false;   // `done` held before the timeout
};

// Runs `act`, then processes events until `done` holds and 50 ms more (the
// views paint what they got): the time and the longest GUI stall.
template <typename Act, typename Done>
PhaseTiming timePhase(Act act, Done done, int timeoutMs)
{
    StallMeter meter;
    QElapsedTimer t;
    meter.start();
    t.start();
    act();
    PhaseTiming p;
    p.ok = QTest::qWaitFor(done, timeoutMs);
    QTest::qWait(50);
    p.seconds = t.nsecsElapsed() / 1e9;
    p.stallMs = meter.stopMs();
    return p;
}

} // namespace covet::bench
