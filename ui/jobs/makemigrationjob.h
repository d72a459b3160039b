#pragma once

#include "core/error.h"
#include "diff/renamedecisions.h"
#include "migrations/migrationmaker.h"
#include "migrations/projectconfig.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

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
    bool start(const ProjectConfig &config, const MakeMigrationsOptions &options, const RenameDecisions &decisions);
    bool isRunning() const { return m_watcher.isRunning(); }
    void waitForFinished() { m_watcher.waitForFinished(); }

public slots:
    void cancel();

signals:
    void progress(int done, int total, const QString &what);
    void finished(const covet::MakeMigrationsResult &result);
    void failed(const covet::Error &error);

private:
    void onFinished();

    QFutureWatcher<Result<MakeMigrationsResult>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace covet
