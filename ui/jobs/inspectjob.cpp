#include "inspectjob.h"

#include "sources/schemasource.h"

#include "core/progress.h"
#include "sources/inspector.h"
#include "jobpool.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace covet {

InspectJob::InspectJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<InspectOutcome>>::finished, this, &InspectJob::onFinished);
}

InspectJob::~InspectJob()
{
    cancel();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

bool InspectJob::isRunning() const
{
    return m_watcher.isRunning();
}

void InspectJob::waitForFinished()
{
    m_watcher.waitForFinished();
}

void InspectJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

Result<InspectOutcome> InspectJob::run(const DatabaseUrl &url, const std::atomic_bool *cancel,
                                       const std::function<void(int, int, const QString &)> &progress)
{
    // The connection is opened in the worker thread and closed before it returns.
    ProgressSink sink;
    sink.cancel = cancel;
    sink.progress = progress;
    InspectOutcome out;
    auto schema = SchemaSource::inspectDatabase(url, InspectOptions{}, &sink, &out.serverVersion);
    if (!schema)
        return std::unexpected(schema.error());
    if (sink.cancelled())
        return std::unexpected(Inspector::cancelledError(url.dialect()));
    out.schema = std::move(*schema);
    out.dialect = url.dialect();
    out.displayUrl = url.display();
    return out;
}

void InspectJob::start(const DatabaseUrl &url)
{
    if (m_watcher.isRunning()) {
        // The old worker finishes on its own; its result is ignored.
        cancel();
        m_watcher.disconnect(this);
        m_watcher.waitForFinished();
        connect(&m_watcher, &QFutureWatcher<Result<InspectOutcome>>::finished, this, &InspectJob::onFinished);
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_bool> flag = m_cancel;
    QPointer<InspectJob> self(this);
    auto report = [self](int done, int total, const QString &what) {
        // Called on the worker thread: hand over to the GUI thread.
        QMetaObject::invokeMethod(
            self.data(), [self, done, total, what]() {
                if (self)
                    emit self->progress(done, total, what);
            },
            Qt::QueuedConnection);
    };
    emit started(url.display());
    m_watcher.setFuture(QtConcurrent::run(jobPool(), [url, flag, report]() { return run(url, flag.get(), report); }));
}

void InspectJob::onFinished()
{
    const Result<InspectOutcome> result = m_watcher.result();
    if (result) {
        emit finished(*result);
    } else if (result.error().category() == Error::Category::Cancelled) {
        emit cancelled();
    } else {
        emit failed(result.error());
    }
}

} // namespace covet
