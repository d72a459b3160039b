#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "diff/renamedecisions.h"
#include "runner/migrationmaker.h"
#include "migrations/projectconfig.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace covet {

// Writes the project's next migration off the GUI thread: MigrationMaker
// replays the history, diffs it against the desired schema and writes the
// file, in a worker. Progress comes back queued to the GUI thread; cancel()
// sets the sink's atomic flag.
class MakeMigrationJob : public QObject
{
    Q_OBJECT

public:
    explicit MakeMigrationJob(QObject *parent = nullptr);
    ~MakeMigrationJob() override;

    // options.decisions is ignored: the job keeps its own copy of decisions.
    // False (nothing started) while a migration is being written.
    // database: also count the project's migrations still pending there
    // (MigrationRunner::status()), for pendingMigrations().
    bool start(const ProjectConfig &config, const MakeMigrationsOptions &options, const RenameDecisions &decisions,
               const std::optional<DatabaseUrl> &database = std::nullopt);
    bool isRunning() const { return m_watcher.isRunning(); }
    // Of the last finished run that was given a database: its pending
    // migrations; -1 when not asked or the status could not be read.
    int pendingMigrations() const { return m_pending; }
    void waitForFinished() { m_watcher.waitForFinished(); }

public slots:
    void cancel();

signals:
    void progress(int done, int total, const QString &what);
    void finished(const covet::MakeMigrationsResult &result);
    void failed(const covet::Error &error);

private:
    void onFinished();

    struct Outcome
    {
        Result<MakeMigrationsResult> result;
        int pending = -1;
    };
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_pending = -1;
};

} // namespace covet
