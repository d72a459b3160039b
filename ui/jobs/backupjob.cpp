#include "backupjob.h"

#include "core/localuser.h"
#include "core/progress.h"
#include "db/connection.h"
#include "db/dialectcapabilities.h"
#include "db/sqlexecutor.h"
#include "safety/backuprestorer.h"
#include "jobpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace covet {

BackupJob::BackupJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<BackupOutcome>::finished, this, [this]() {
        m_running = false;
        emit finished(m_watcher.result());
    });
}

BackupJob::~BackupJob()
{
    cancel();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void BackupJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

BackupOutcome BackupJob::execute(const BackupRequest &request, const ProgressSink &sink)
{
    BackupOutcome out;
    out.request = request;
    auto conn = Connection::open(request.url, QStringLiteral("backups"), false);
    if (!conn) {
        out.error = conn.error();
        return out;
    }
    SqlExecutor sql((*conn)->database(), (*conn)->dialect());
    BackupStore store(sql, DialectCapabilities::of(**conn));
    BackupRestorer restorer(store);
    const auto keep = [&out](auto result) {
        if (result)
            out.check = *result;
        else
            out.error = result.error();
    };
    switch (request.action) {
    case BackupRequest::Action::List: {
        auto exists = store.exists();
        if (!exists) {
            out.error = exists.error();
        } else if (*exists) {
            auto list = store.list();
            if (list)
                out.backups = *list;
            else
                out.error = list.error();
        }
        break;
    }
    case BackupRequest::Action::Verify: keep(store.verify(request.id)); break;
    case BackupRequest::Action::Preview: keep(restorer.preview(request.id)); break;
    case BackupRequest::Action::Restore: keep(restorer.restore(request.id, LocalUser::atHost(), {}, &sink)); break;
    case BackupRequest::Action::Drop:
        if (Status dropped = store.drop(request.id); !dropped)
            out.error = dropped.error();
        break;
    }
    return out;
}

bool BackupJob::start(const BackupRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_bool> flag = m_cancel;
    m_watcher.setFuture(QtConcurrent::run(jobPool(), [this, request, flag]() {
        ProgressSink sink;
        sink.cancel = flag.get();
        sink.progress = [this](int done, int total, const QString &what) { emit progress(done, total, what); };
        return execute(request, sink);
    }));
    return true;
}

} // namespace covet
