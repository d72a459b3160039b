#include "makemigrationjob.h"

#include "core/progress.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace covet {

MakeMigrationJob::MakeMigrationJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<MakeMigrationsResult>>::finished, this, &MakeMigrationJob::onFinished);
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

bool MakeMigrationJob::start(const ProjectConfig &config, const MakeMigrationsOptions &options, const RenameDecisions &decisions)
{
    if (m_watcher.isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_bool> flag = m_cancel;
    QPointer<MakeMigrationJob> self(this);
    m_watcher.setFuture(QtConcurrent::run([config, options, decisions, flag, self]() {
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
        return MigrationMaker(config).make(o, &sink);
    }));
    return true;
}

void MakeMigrationJob::onFinished()
{
    const Result<MakeMigrationsResult> result = m_watcher.result();
    if (result)
        emit finished(*result);
    else
        emit failed(result.error());
}

} // namespace covet
