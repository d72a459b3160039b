#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "safety/backupstore.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace covet {

struct ProgressSink;

// One backup operation, as the Backups view and the rollback desk ask for it.
struct BackupRequest
{
    enum class Action { List, Verify, Preview, Restore, Drop };
    Action action = Action::List;
    DatabaseUrl url;
    qint64 id = 0;           // all but List
};

// What it found or did.
struct BackupOutcome
{
    BackupRequest request;
    QList<BackupRecord> backups;   // List
    BackupCheck check;             // Verify, Preview, Restore
    std::optional<Error> error;
    bool succeeded() const { return !error.has_value(); }
    bool cancelled() const { return error && error->category() == Error::Category::Cancelled; }
};

// Runs BackupStore and BackupRestorer off the GUI thread, one operation at
// a time, each on a connection of its own. A restore reports progress and
// stops at cancel() (its transaction rolled back: nothing is written).
class BackupJob : public QObject
{
    Q_OBJECT

public:
    explicit BackupJob(QObject *parent = nullptr);
    ~BackupJob() override;

    // False when an operation is already running.
    bool start(const BackupRequest &request);
    bool isRunning() const { return m_running; }

    static BackupOutcome execute(const BackupRequest &request, const ProgressSink &sink);

public slots:
    void cancel();

signals:
    void progress(int done, int total, const QString &what);
    void finished(const covet::BackupOutcome &outcome);

private:
    QFutureWatcher<BackupOutcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace covet
