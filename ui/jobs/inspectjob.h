#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "schema/schema.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace covet {

// What an inspection produced.
struct InspectOutcome
{
    Schema schema;
    Dialect dialect = Dialect::SQLite;
    QString serverVersion;   // "SQLite 3.40.1"
    QString displayUrl;      // the URL without password
};

// Reads a database's schema off the GUI thread: the worker opens its own
// Connection inside the worker thread (a connection belongs to its thread),
// runs the dialect's Inspector with a ProgressSink whose atomic flag cancel()
// sets, and reports back through a QFutureWatcher on the GUI thread.
class InspectJob : public QObject
{
    Q_OBJECT

public:
    explicit InspectJob(QObject *parent = nullptr);
    ~InspectJob() override;

    // Starts inspecting url; a running job is cancelled first and its
    // result dropped.
    void start(const DatabaseUrl &url);
    bool isRunning() const;
    // Blocks until the worker has finished (tests and shutdown only).
    void waitForFinished();

    // The worker runs the inspection; exposed for tests of the engine path.
    static Result<InspectOutcome> run(const DatabaseUrl &url, const std::atomic_bool *cancel,
                                      const std::function<void(int, int, const QString &)> &progress = {});

public slots:
    void cancel();

signals:
    void started(const QString &displayUrl);
    void progress(int done, int total, const QString &what);
    void finished(const covet::InspectOutcome &outcome);
    void failed(const covet::Error &error);
    void cancelled();

private:
    void onFinished();

    QFutureWatcher<Result<InspectOutcome>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace covet
