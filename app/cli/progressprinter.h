#pragma once

#include "core/progress.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace covet::cli {

// Shows a migration run (`covet migrate`, `covet rollback`) as it goes,
// from the runner's ProgressSink: which migration (n/total, id), which
// operation (n/count, label) and the elapsed time.
//
//  - Terminal (stderr is a TTY): one status line redrawn in place ("\r" +
//    erase line), refreshed every 250 ms while an operation runs, and a
//    permanent line per finished migration with its duration.
//  - Lines (stderr is not a TTY): plain lines, no escape codes.
//  - Json: JSON lines on stdout: "migration", "operation" and "log" events.
//
// The command prints its result after stop() (the destructor stops too).
class ProgressPrinter
{
public:
    enum class Mode { Terminal, Lines, Json };
    // Json when json, else Terminal when stderr is a terminal, else Lines.
    static Mode modeFor(bool json);

    // forward: applying (else rolling back). out: stdout (JSON), err: stderr (text).
    ProgressPrinter(Mode mode, bool forward, QTextStream &out, QTextStream &err);
    ~ProgressPrinter();
    ProgressPrinter(const ProgressPrinter &) = delete;
    ProgressPrinter &operator=(const ProgressPrinter &) = delete;

    const ProgressSink *sink() const { return &m_sink; }
    // The flag the runner reads between operations (e.g. set on Ctrl-C).
    void setCancelFlag(const std::atomic_bool *flag) { m_sink.cancel = flag; }
    // The word of a finished migration's line: "applied" (forward), "rolled back"; e.g. "faked".
    void setFinishedVerb(const QString &verb) { m_finishedVerb = verb; }
    // What a migration's start says ("applying", "rolling back", "faking").
    void setActiveVerb(const QString &verb) { m_activeVerb = verb; }
    // Erases the status line and stops refreshing it. Idempotent.
    void stop();
    // One JSON object on one line of out, flushed.
    static void jsonLine(QTextStream &out, const QJsonObject &object);

    static QString seconds(qint64 ms);   // "0.42 s"

private:
    void onProgress(int done, int total, const QString &id);
    void onStep(const QString &id, int index, int count, const QString &label);
    void onLog(const QString &line);
    void finishMigration();                 // the permanent line of the current migration
    void line(const QString &text);         // a permanent line on err (under m_mutex)
    void drawStatus();                      // Terminal: redraw the status line (under m_mutex)
    void clearStatus();                     // Terminal: erase it (under m_mutex)
    QString statusText() const;
    void tick();

    Mode m_mode;
    QString m_finishedVerb;
    QString m_activeVerb;
    QTextStream &m_out;
    QTextStream &m_err;
    ProgressSink m_sink;
    QElapsedTimer m_timer;          // the whole run
    QElapsedTimer m_migrationTimer;
    QElapsedTimer m_drawn;          // throttles redraws
    QString m_id;                   // the migration running, empty between migrations
    int m_index = 0;                // 1-based
    int m_total = 0;
    QString m_step;                 // "operation 2 of 3 (Add column items.qty)", "2/5 statement 2 (...)"
    bool m_statusShown = false;
    int m_width = 80;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopped = false;
    std::thread m_ticker;
};

} // namespace covet::cli
