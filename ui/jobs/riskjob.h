#pragma once

#include "jobs/migratejob.h"

#include <QFutureWatcher>
#include <QObject>

namespace covet {

// What a run would do and what it puts at risk, before it runs: the
// migrations in order, their SQL and the risk graded by the live data.
struct RiskAssessment
{
    MigrateRequest request;
    Dialect dialect = Dialect::SQLite;
    QStringList ids;       // in the order they would run (rollback: last applied first)
    QString sql;           // the plan's script
    RiskReport report;
    QStringList warnings;
};

// Asks MigrationRunner::plan() and assess() off the GUI thread, on a
// connection of its own (nothing is written, no lock is taken).
class RiskJob : public QObject
{
    Q_OBJECT

public:
    explicit RiskJob(QObject *parent = nullptr);
    ~RiskJob() override;

    void assess(const MigrateRequest &request);
    bool isRunning() const { return m_running; }

    static Result<RiskAssessment> compute(const MigrateRequest &request);

signals:
    void assessed(const covet::RiskAssessment &assessment);
    void failed(const covet::Error &error);

private:
    void onFinished();

    QFutureWatcher<Result<RiskAssessment>> m_watcher;
    std::optional<MigrateRequest> m_again;
    bool m_running = false;
};

} // namespace covet
