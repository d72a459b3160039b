#pragma once

#include "core/error.h"
#include "db/databaseurl.h"

#include <QObject>
#include <QString>

namespace covet {

// What a successful connection test found.
struct ConnectionTestOutcome
{
    QString serverVersion;   // "PostgreSQL 15.5"
    QString displayUrl;      // the URL without password
};

// Tests a connection off the GUI thread: the worker opens its own
// Connection (an existing SQLite file is never created), reads the server
// version and runs one catalog query, then closes it. A newer test
// supersedes an older one, whose result is dropped; destroying the job
// never waits for a slow server (the worker finishes on its own).
class ConnectionTestJob : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTestJob(QObject *parent = nullptr);

    void start(const DatabaseUrl &url);
    bool isRunning() const { return m_running; }
    // Forgets the running test: its result will not be reported.
    void abandon();

    // The worker's work, exposed for tests.
    static Result<ConnectionTestOutcome> run(const DatabaseUrl &url);

signals:
    void succeeded(const covet::ConnectionTestOutcome &outcome);
    void failed(const covet::Error &error);

private:
    void onResult(quint64 generation, const Result<ConnectionTestOutcome> &result);

    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace covet
