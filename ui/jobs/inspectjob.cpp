#include "inspectjob.h"

#include "core/progress.h"
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "sources/inspector.h"

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
    // Opened here, in the worker thread, and closed before it returns.
    auto conn = Connection::open(url, QStringLiteral("studio-inspect"), false);
    if (!conn)
        return std::unexpected(conn.error());
    if (cancel && cancel->load())
        return fail(Error::Category::Cancelled, QStringLiteral("inspection cancelled"), url.display());
    auto inspector = Inspector::create(url.dialect());
    if (!inspector)
        return fail(Error::Category::Unsupported, QStringLiteral("no inspector for this database"), url.display());
    SqlExecutor sql((*conn)->database(), url.dialect());
    ProgressSink sink;
    sink.cancel = cancel;
    sink.progress = progress;
    auto schema = inspector->inspect(sql, InspectOptions{}, &sink);
    if (!schema)
        return std::unexpected(schema.error());
    if (cancel && cancel->load())
        return fail(Error::Category::Cancelled, QStringLiteral("inspection cancelled"), url.display());
    InspectOutcome out;
    out.schema = std::move(*schema);
    out.dialect = url.dialect();
    out.serverVersion = (*conn)->serverVersion();
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
    m_watcher.setFuture(QtConcurrent::run([url, flag, report]() { return run(url, flag.get(), report); }));
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
