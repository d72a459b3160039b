#include "squashjob.h"

#include "jobpool.h"
#include "migrations/migrationfile.h"

#include <QtConcurrent/QtConcurrentRun>

namespace covet {

SquashJob::SquashJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<SquashOutcome>::finished, this, &SquashJob::onFinished);
}

SquashJob::~SquashJob()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void SquashJob::load(const ProjectConfig &config, const QString &url)
{
    start([config, url]() {
        SquashOutcome out;
        auto project = SquashProject::load(config, url);
        if (project)
            out.project = *project;
        else
            out.error = project.error();
        return out;
    });
}

void SquashJob::preview(const SquashProject &project, const SquashRequest &request)
{
    start([project, request]() {
        SquashOutcome out;
        out.request = request;
        auto plan = project.plan(request);
        if (plan) {
            out.plan = *plan;
            out.yaml = MigrationFile::serialize(plan->squashed);
        } else {
            out.error = plan.error();
        }
        return out;
    });
}

void SquashJob::start(std::function<SquashOutcome()> work)
{
    m_running = true;
    if (m_watcher.isRunning()) {
        m_again = std::move(work);
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(jobPool(), std::move(work)));
}

void SquashJob::onFinished()
{
    const SquashOutcome result = m_watcher.result();
    if (m_again) {
        auto next = std::move(m_again);
        m_again = nullptr;
        start(std::move(next));
        return;
    }
    m_running = false;
    emit finished(result);
}

} // namespace covet
