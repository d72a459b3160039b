#include "makemigrationjob.h"

#include "core/progress.h"
#include "db/connection.h"
#include "migrations/migrationrepository.h"
#include "runner/migrationrunner.h"
#include "jobpool.h"

#include <QMetaObject>

#include <algorithm>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace covet {

namespace {

// How many of the project's migrations the database has not applied; -1
// when its status cannot be read.
int pendingIn(const DatabaseUrl &url, const ProjectConfig &config)
{
    auto conn = Connection::open(url, QStringLiteral("make-migration-status"), false);
    if (!conn)
        return -1;
    const MigrationRepository repo = MigrationRepository::load(config.migrationsPath());
    MigrationRunner runner(**conn, repo);
    auto states = runner.status();
    if (!states)
        return -1;
    return int(std::count_if(states->cbegin(), states->cend(),
                             [](const MigrationState &s) { return s.state == MigrationState::State::Pending; }));
}

} // namespace

MakeMigrationJob::MakeMigrationJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &MakeMigrationJob::onFinished);
}

MakeMigrationJob::~MakeMigrationJob()
{
    // A half-written migration file is worse than a short wait: let the
    // worker finish (MigrationMaker writes the file last, atomically).
    cancel();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void MakeMigrationJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool MakeMigrationJob::start(const ProjectConfig &config, const MakeMigrationsOptions &options, const RenameDecisions &decisions,
                             const std::optional<DatabaseUrl> &database)
{
    if (m_watcher.isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_bool> flag = m_cancel;
    QPointer<MakeMigrationJob> self(this);
    m_watcher.setFuture(QtConcurrent::run(jobPool(), [config, options, decisions, database, flag, self]() {
        ProgressSink sink;
        sink.cancel = flag.get();
        sink.progress = [self](int done, int total, const QString &what) {
            QMetaObject::invokeMethod(
                self.data(), [self, done, total, what]() {
                    if (self)
                        emit self->progress(done, total, what);
                },
                Qt::QueuedConnection);
        };
        MakeMigrationsOptions o = options;
        o.decisions = &decisions;
        o.prompt = nullptr;   // a worker never asks
        Outcome out{MigrationMaker(config).make(o, &sink), -1};
        if (database && out.result && !sink.cancelled())
            out.pending = pendingIn(*database, config);
        return out;
    }));
    return true;
}

void MakeMigrationJob::onFinished()
{
    const Outcome outcome = m_watcher.result();
    const Result<MakeMigrationsResult> &result = outcome.result;
    m_pending = outcome.pending;
    if (result)
        emit finished(*result);
    else
        emit failed(result.error());
}

} // namespace covet
