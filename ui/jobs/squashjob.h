#pragma once

#include "migrations/projectconfig.h"
#include "migrations/squashproject.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace covet {

// What a SquashJob found: the project it read, or the plan of a preview
// (with the squashed migration's YAML), or why neither.
struct SquashOutcome
{
    std::optional<SquashProject> project;
    std::optional<SquashRequest> request;   // a preview's
    std::optional<SquashPlan> plan;
    QByteArray yaml;                        // the squashed migration's file, as Squasher::write would write it
    std::optional<Error> error;
};

// Reads a project for squashing (SquashProject::load: its migrations and the
// checksums its database recorded) and previews squashes
// (SquashProject::plan, with the proof on scratch databases) off the GUI
// thread, one at a time; the newest request follows a running one.
class SquashJob : public QObject
{
    Q_OBJECT

public:
    explicit SquashJob(QObject *parent = nullptr);
    ~SquashJob() override;

    void load(const ProjectConfig &config, const QString &url);
    void preview(const SquashProject &project, const SquashRequest &request);
    bool isRunning() const { return m_running; }

signals:
    void finished(const covet::SquashOutcome &outcome);

private:
    void start(std::function<SquashOutcome()> work);
    void onFinished();

    QFutureWatcher<SquashOutcome> m_watcher;
    std::function<SquashOutcome()> m_again;
    bool m_running = false;
};

} // namespace covet
