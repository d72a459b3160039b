#pragma once

#include "jobs/migratejob.h"
#include "runner/rehearsal.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace covet {

// What a rehearsal found, with the request it answers.
struct RehearsalOutcome
{
    MigrateRequest request;
    std::optional<RehearsalReport> report;
    std::optional<Error> error;   // it could not be rehearsed at all
};

// Rehearses a run off the GUI thread, on a connection of its own: a
// rollback request → MigrationRunner::rehearse(…, false) (roll back, apply
// again, roll back again), else MigrationRunner::rehearse (apply, roll
// back, apply again). Nothing is changed.
class RehearsalJob : public QObject
{
    Q_OBJECT

public:
    explicit RehearsalJob(QObject *parent = nullptr);
    ~RehearsalJob() override;

    void rehearse(const MigrateRequest &request);
    bool isRunning() const { return m_running; }

    static RehearsalOutcome compute(const MigrateRequest &request);

signals:
    void finished(const covet::RehearsalOutcome &outcome);

private:
    void onFinished();

    QFutureWatcher<RehearsalOutcome> m_watcher;
    std::optional<MigrateRequest> m_again;
    bool m_running = false;
};

} // namespace covet
