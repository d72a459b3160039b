#include "progressprinter.h"
#include "terminaloutput.h"

#include <algorithm>

#include <QJsonDocument>

#include <chrono>
#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace covet::cli {

namespace {

constexpr auto kTick = std::chrono::milliseconds(250);
constexpr qint64 kMinRedrawMs = 40;   // many tiny operations do not flood the terminal

// Written as it is (TerminalOutput::writeControl): the only escape sequence Covet sends.
const QByteArray kEraseLine = QByteArrayLiteral("\r\x1b[2K");

int terminalWidth()
{
    winsize ws{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10)
        return ws.ws_col;
    return 80;
}

} // namespace

ProgressPrinter::Mode ProgressPrinter::modeFor(bool json)
{
    if (json)
        return Mode::Json;
    return isatty(STDERR_FILENO) == 1 ? Mode::Terminal : Mode::Lines;
}

QString ProgressPrinter::seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', ms < 10000 ? 2 : 1);
}

ProgressPrinter::ProgressPrinter(Mode mode, bool forward, QTextStream &out, QTextStream &err)
    : m_mode(mode), m_finishedVerb(forward ? QStringLiteral("applied") : QStringLiteral("rolled back")),
      m_activeVerb(forward ? QStringLiteral("applying") : QStringLiteral("rolling back")), m_out(out), m_err(err)
{
    m_timer.start();
    m_migrationTimer.start();
    m_drawn.start();
    m_sink.progress = [this](int done, int total, const QString &id) { onProgress(done, total, id); };
    m_sink.step = [this](const QString &id, int index, int count, const QString &label) { onStep(id, index, count, label); };
    m_sink.log = [this](const QString &text) { onLog(text); };
    if (m_mode == Mode::Terminal) {
        m_width = terminalWidth();
        m_ticker = std::thread([this] { tick(); });
    }
}

ProgressPrinter::~ProgressPrinter()
{
    stop();
}

void ProgressPrinter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped)
            return;
        m_stopped = true;
        clearStatus();
    }
    m_wake.notify_all();
    if (m_ticker.joinable())
        m_ticker.join();
}

void ProgressPrinter::tick()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopped) {
        m_wake.wait_for(lock, kTick);
        if (!m_stopped && !m_id.isEmpty())
            drawStatus();
    }
}

void ProgressPrinter::jsonLine(QTextStream &out, const QJsonObject &object)
{
    out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

void ProgressPrinter::onProgress(int done, int total, const QString &id)
{
    std::lock_guard lock(m_mutex);
    finishMigration();
    m_total = total;
    if (id.isEmpty())
        return;   // the run is over
    m_id = id;
    m_index = done + 1;
    m_step.clear();
    m_migrationTimer.restart();
    switch (m_mode) {
    case Mode::Json:
        jsonLine(m_out, QJsonObject{{QStringLiteral("event"), QStringLiteral("migration")}, {QStringLiteral("id"), id},
                         {QStringLiteral("index"), m_index}, {QStringLiteral("total"), total},
                         {QStringLiteral("elapsed_ms"), double(m_timer.elapsed())}});
        break;
    case Mode::Lines:
        line(QStringLiteral("[%1/%2] %3 %4").arg(m_index).arg(total).arg(m_activeVerb, id));
        break;
    case Mode::Terminal:
        drawStatus();
        break;
    }
}

void ProgressPrinter::onStep(const QString &id, int index, int count, const QString &label)
{
    std::lock_guard lock(m_mutex);
    // YAML steps say "operation 2 of 3 (...)" themselves; SQL statements do not.
    m_step = label.contains(QStringLiteral(" of %1").arg(count)) ? label : QStringLiteral("%1/%2 %3").arg(index + 1).arg(count).arg(label);
    switch (m_mode) {
    case Mode::Json:
        jsonLine(m_out, QJsonObject{{QStringLiteral("event"), QStringLiteral("operation")}, {QStringLiteral("id"), id},
                         {QStringLiteral("index"), index + 1}, {QStringLiteral("total"), count},
                         {QStringLiteral("label"), label}, {QStringLiteral("elapsed_ms"), double(m_timer.elapsed())}});
        break;
    case Mode::Lines:
        line(QStringLiteral("[%1/%2] %3 %4  (%5)").arg(m_index).arg(m_total).arg(id, m_step, seconds(m_timer.elapsed())));
        break;
    case Mode::Terminal:
        if (m_drawn.elapsed() >= kMinRedrawMs)
            drawStatus();
        break;
    }
}

void ProgressPrinter::onLog(const QString &text)
{
    std::lock_guard lock(m_mutex);
    if (m_mode == Mode::Json) {
        jsonLine(m_out, QJsonObject{{QStringLiteral("event"), QStringLiteral("log")}, {QStringLiteral("message"), text},
                         {QStringLiteral("elapsed_ms"), double(m_timer.elapsed())}});
        return;
    }
    // The runner also announces each migration and (stepwise) each
    // operation as a log line; the progress and step lines already say so.
    static const QStringList announcements{QStringLiteral("applying "), QStringLiteral("rolling back "),
                                           QStringLiteral("recording as applied (fake) ")};
    const bool announcement = std::any_of(announcements.begin(), announcements.end(), [&](const QString &v) { return text == v + m_id; });
    if (!m_id.isEmpty() && (announcement || (text.startsWith(QStringLiteral("  ")) && !m_step.isEmpty() && m_step.endsWith(text.mid(2)))))
        return;
    line(QStringLiteral("%1  (%2)").arg(text, seconds(m_timer.elapsed())));
    if (m_mode == Mode::Terminal && !m_id.isEmpty())
        drawStatus();
}

void ProgressPrinter::finishMigration()
{
    if (m_id.isEmpty())
        return;
    if (m_mode != Mode::Json)
        line(QStringLiteral("[%1/%2] %3 %4 in %5")
                 .arg(m_index)
                 .arg(m_total)
                 .arg(m_id, m_finishedVerb, seconds(m_migrationTimer.elapsed())));
    m_id.clear();
    m_step.clear();
}

void ProgressPrinter::line(const QString &text)
{
    clearStatus();
    m_err << text << '\n';
    m_err.flush();
}

QString ProgressPrinter::statusText() const
{
    // "[2/5] 0002_qty · 0.12 s (total 1.30 s) · operation 1 of 2 (...)": the
    // operation is shortened to fit the terminal, never the time.
    QString s = QStringLiteral("[%1/%2] %3 · %4 (total %5)")
                    .arg(m_index)
                    .arg(m_total)
                    .arg(m_id, seconds(m_migrationTimer.elapsed()), seconds(m_timer.elapsed()));
    if (!m_step.isEmpty())
        s += QStringLiteral(" · ") + m_step;
    if (s.size() >= m_width)
        s = s.left(m_width - 2) + QStringLiteral("…");
    return s;
}

void ProgressPrinter::drawStatus()
{
    if (m_mode != Mode::Terminal || m_id.isEmpty())
        return;
    TerminalOutput::writeControl(m_err, kEraseLine);
    m_err << statusText();
    m_err.flush();
    m_statusShown = true;
    m_drawn.restart();
}

void ProgressPrinter::clearStatus()
{
    if (!m_statusShown)
        return;
    TerminalOutput::writeControl(m_err, kEraseLine);
    m_statusShown = false;
}

} // namespace covet::cli
