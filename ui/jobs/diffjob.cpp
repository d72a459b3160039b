#include "diffjob.h"

#include "core/progress.h"
#include "migrations/desiredschema.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "sql/sqlgenerator.h"
#include "jobpool.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace covet {

namespace {

Error cancelledError(const QString &where)
{
    return Error(Error::Category::Cancelled, QStringLiteral("diff cancelled"), where);
}

} // namespace

DiffJob::DiffJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result<DiffOutcome>>::finished, this, &DiffJob::onFinished);
}

DiffJob::~DiffJob()
{
    cancel();
    m_pending = nullptr;
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

bool DiffJob::isRunning() const
{
    return m_watcher.isRunning() || m_pending != nullptr || m_pendingRediff.has_value();
}

void DiffJob::waitForFinished()
{
    m_watcher.waitForFinished();
}

void DiffJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

Result<DiffSides> DiffJob::loadSides(const QString &desiredSpec, const DatabaseUrl &url, const std::atomic_bool *cancel,
                                     const Schema *knownActual)
{
    ProgressSink sink;
    sink.cancel = cancel;
    DiffSides sides;
    sides.dialect = url.dialect();
    sides.desiredSpec = desiredSpec;
    sides.displayUrl = url.display();

    // The desired side first: a broken models file fails without a connection.
    if (desiredSpec.trimmed().isEmpty())
        return fail(Error::Category::InvalidInput, QStringLiteral("no desired schema given"), desiredSpec);
    SchemaSourceOptions options;
    options.dialect = url.dialect();
    options.progress = &sink;
    auto desired = DesiredSchemaLoader::load(desiredSpec, options);
    if (!desired)
        return std::unexpected(desired.error());
    if (cancel && cancel->load())
        return std::unexpected(cancelledError(url.display()));

    // Opens its own connection here, in the worker thread, unless the
    // caller has the schema already.
    auto actual = knownActual ? Result<Schema>(*knownActual) : SchemaSource::inspectDatabase(url, InspectOptions{}, &sink);
    if (!actual)
        return std::unexpected(actual.error());
    if (cancel && cancel->load())
        return std::unexpected(cancelledError(url.display()));
    sides.desired = std::move(desired->schema);
    sides.hints = desired->hints;
    sides.actual = std::move(*actual);
    return sides;
}

Result<DiffOutcome> DiffJob::diff(const std::shared_ptr<const DiffSides> &sides, const Options &options)
{
    DiffOptions diffOptions;
    diffOptions.renames = options.renames;
    diffOptions.hints = sides->hints;
    diffOptions.decisions = &options.decisions;
    auto result = Differ::diff(sides->actual, sides->desired, diffOptions);
    if (!result)
        return std::unexpected(result.error());
    auto script = SqlGenerator::create(sides->dialect)->migrationScript(result->operations, sides->actual);
    if (!script)
        return std::unexpected(script.error());
    DiffOutcome out;
    out.sides = sides;
    out.result = std::move(*result);
    out.sql = std::move(*script);
    return out;
}

void DiffJob::start(const QString &desiredSpec, const DatabaseUrl &url, const Options &options, const std::optional<Schema> &actual)
{
    cancel();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic_bool> flag = m_cancel;
    const quint64 generation = ++m_generation;
    run([desiredSpec, url, options, flag, generation, actual]() -> Result<DiffOutcome> {
        auto sides = loadSides(desiredSpec, url, flag.get(), actual ? &*actual : nullptr);
        if (!sides)
            return std::unexpected(sides.error());
        auto out = diff(std::make_shared<const DiffSides>(std::move(*sides)), options);
        if (out)
            out->generation = generation;
        return out;
    });
}

bool DiffJob::rediff(const Options &options)
{
    if (!m_sides && !m_watcher.isRunning())
        return false;
    if (m_watcher.isRunning()) {
        // Runs once the current worker is done, on the sides it leaves.
        m_pendingRediff = options;
        return true;
    }
    std::shared_ptr<const DiffSides> sides = m_sides;
    const quint64 generation = ++m_generation;
    run([sides, options, generation]() -> Result<DiffOutcome> {
        auto out = diff(sides, options);
        if (out)
            out->generation = generation;
        return out;
    });
    return true;
}

void DiffJob::run(std::function<Result<DiffOutcome>()> work)
{
    if (m_watcher.isRunning()) {
        // The running worker finishes on its own; the newest request follows it.
        m_pending = std::move(work);
        m_pendingRediff.reset();
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(jobPool(), std::move(work)));
}

void DiffJob::onFinished()
{
    const Result<DiffOutcome> result = m_watcher.result();
    if (result)
        m_sides = result->sides;
    if (m_pending) {
        auto next = std::move(m_pending);
        m_pending = nullptr;
        m_watcher.setFuture(QtConcurrent::run(jobPool(), std::move(next)));
        return;
    }
    if (m_pendingRediff) {
        const Options options = *m_pendingRediff;
        m_pendingRediff.reset();
        if (rediff(options))
            return;
    }
    if (result) {
        emit finished(*result);
    } else if (result.error().category() == Error::Category::Cancelled) {
        emit cancelled();
    } else {
        emit failed(result.error());
    }
}

} // namespace covet
