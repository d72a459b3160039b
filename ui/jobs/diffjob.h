#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "diff/differ.h"
#include "schema/schema.h"
#include "sources/renamehint.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace covet {

// The two schemas a diff compares, loaded once and kept: re-diffing after a
// rename decision or a threshold change re-runs only Differ::diff.
struct DiffSides
{
    Schema actual;             // the connected database, inspected
    Schema desired;            // the chosen source (models file, SQL file, history, connection)
    QList<RenameHint> hints;   // renamed_from hints of a models file
    Dialect dialect = Dialect::SQLite;
    QString desiredSpec;
    QString displayUrl;
};

// What one diff run produced.
struct DiffOutcome
{
    std::shared_ptr<const DiffSides> sides;
    DiffResult result;
    QString sql;                // the migration script for the dialect
    quint64 generation = 0;     // which request it answers
};

// Compares a desired schema with the connected database off the GUI thread.
// start() loads both sides in a worker (the database through its own
// Connection, opened in that thread) and diffs them; rediff() diffs the kept
// sides again with other options. A newer request supersedes an older one:
// only the latest result is reported.
class DiffJob : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        RenameOptions renames;
        RenameDecisions decisions;
    };

    explicit DiffJob(QObject *parent = nullptr);
    ~DiffJob() override;

    // desiredSpec: a models .yaml, a .sql or .json file, a migrations
    // directory (replayed) or another database URL. actual: the database's
    // schema when the caller has read it already (the schema browser's);
    // absent: the worker inspects the database.
    void start(const QString &desiredSpec, const DatabaseUrl &url, const Options &options,
               const std::optional<Schema> &actual = std::nullopt);
    // Diffs the sides of the last successful start() again; false if none.
    bool rediff(const Options &options);
    bool isRunning() const;
    bool hasSides() const { return m_sides != nullptr; }
    void waitForFinished();

    // The worker steps, exposed for tests and reuse.
    static Result<DiffSides> loadSides(const QString &desiredSpec, const DatabaseUrl &url, const std::atomic_bool *cancel,
                                       const Schema *actual = nullptr);
    static Result<DiffOutcome> diff(const std::shared_ptr<const DiffSides> &sides, const Options &options);

public slots:
    void cancel();

signals:
    void finished(const covet::DiffOutcome &outcome);
    void failed(const covet::Error &error);
    void cancelled();

private:
    void run(std::function<Result<DiffOutcome>()> work);
    void onFinished();

    QFutureWatcher<Result<DiffOutcome>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<const DiffSides> m_sides;
    quint64 m_generation = 0;
    std::function<Result<DiffOutcome>()> m_pending;
    std::optional<Options> m_pendingRediff;
};

} // namespace covet
