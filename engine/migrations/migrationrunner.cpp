#include "migrationrunner.h"

#include "auditrecorder.h"
#include "conflictrecorder.h"
#include "migrationgraph.h"
#include "migrationlock.h"
#include "migrationplanner.h"
#include "planexecutor.h"

#include <QHash>
#include <QSet>

namespace covet {

QString MigrationState::name(State s)
{
    switch (s) {
    case State::Applied: return QStringLiteral("applied");
    case State::Pending: return QStringLiteral("pending");
    case State::Modified: return QStringLiteral("modified");
    case State::Missing: return QStringLiteral("missing");
    }
    return {};
}

MigrationRunner::MigrationRunner(Connection &connection, const MigrationRepository &repository)
    : m_connection(connection), m_repository(repository), m_sql(connection.database(), connection.dialect())
{
}

Status MigrationRunner::checkRepository() const
{
    if (!m_repository.isValid()) {
        auto st = m_repository.status();
        return std::unexpected(st.error().withContext(QStringLiteral("nothing was run")));
    }
    return {};
}

Result<QList<AppliedMigration>> MigrationRunner::loadHistory()
{
    return MigrationHistory::load(m_sql);
}

QStringList MigrationRunner::modifiedMessages(const QList<AppliedMigration> &applied) const
{
    QStringList out;
    for (const AppliedMigration &a : applied) {
        const Migration *m = m_repository.find(a.id);
        if (m && m->id == a.id && m->checksum != a.checksum)
            out << QStringLiteral("%1 was changed after it was applied (recorded checksum %2, the file now has %3)")
                       .arg(m->sourcePath, a.checksum.left(12), m->checksum.left(12));
    }
    return out;
}

Result<QList<MigrationState>> MigrationRunner::status()
{
    if (auto st = checkRepository(); !st)
        return std::unexpected(st.error());
    auto applied = loadHistory();
    if (!applied)
        return std::unexpected(applied.error());
    m_warnings.clear();
    recordConflicts(*applied, m_environment, m_warnings);
    QHash<QString, AppliedMigration> byId;
    QSet<QString> ids;
    for (const AppliedMigration &a : *applied) {
        byId.insert(a.id, a);
        ids.insert(a.id);
    }
    const MigrationGraph graph = MigrationGraph::build(m_repository.migrations(), ids);
    QList<MigrationState> out;
    QSet<QString> listed;
    QStringList order = graph.order();
    for (const QString &id : graph.skipped())
        if (byId.contains(id))
            order << id;
    for (const QString &id : order) {
        const Migration *m = m_repository.find(id);
        MigrationState s;
        s.id = id;
        s.file = m ? m->sourcePath : QString();
        s.fileChecksum = m ? m->checksum : QString();
        if (byId.contains(id)) {
            const AppliedMigration &a = byId.value(id);
            s.appliedAt = a.appliedAt;
            s.appliedBy = a.appliedBy;
            s.durationMs = a.durationMs;
            s.recordedChecksum = a.checksum;
            s.state = (m && m->checksum != a.checksum) ? MigrationState::State::Modified : MigrationState::State::Applied;
        } else {
            s.state = MigrationState::State::Pending;
        }
        out << s;
        listed.insert(id);
    }
    for (const AppliedMigration &a : *applied) {
        if (listed.contains(a.id))
            continue;
        const Migration *m = m_repository.find(a.id);
        MigrationState s;
        s.id = a.id;
        s.appliedAt = a.appliedAt;
        s.appliedBy = a.appliedBy;
        s.durationMs = a.durationMs;
        s.recordedChecksum = a.checksum;
        if (m && m->id == a.id) {
            s.file = m->sourcePath;
            s.fileChecksum = m->checksum;
            s.state = m->checksum != a.checksum ? MigrationState::State::Modified : MigrationState::State::Applied;
        } else {
            s.state = MigrationState::State::Missing;
        }
        out << s;
    }
    return out;
}

Status MigrationRunner::verify()
{
    auto states = status();
    if (!states)
        return std::unexpected(states.error());
    QStringList problems;
    for (const MigrationState &s : *states) {
        if (s.state == MigrationState::State::Modified)
            problems << QStringLiteral("%1 was changed after it was applied (recorded checksum %2, the file now has %3)")
                            .arg(s.file, s.recordedChecksum.left(12), s.fileChecksum.left(12));
        else if (s.state == MigrationState::State::Missing)
            problems << QStringLiteral("%1 is recorded as applied but its file is missing from %2").arg(s.id, m_repository.directory());
    }
    if (!problems.isEmpty())
        return fail(Error::Category::Conflict,
                    problems.join(u'\n') + QStringLiteral("\nrestore the files as they were applied; a change belongs in a new migration"));
    return {};
}

Status MigrationRunner::ensureTables(const RunOptions &options)
{
    if (auto st = MigrationHistory::ensure(m_sql); !st)
        return st;
    if (options.audit)
        return AuditRecorder::ensure(m_sql);
    return {};
}

Result<QString> MigrationRunner::sqlFor(const MigrationRepository &repository, Dialect dialect, const QString &id, bool backwards, int sqliteVersion)
{
    if (!repository.isValid())
        return std::unexpected(repository.status().error());
    const Migration *m = repository.find(id);
    if (!m)
        return fail(Error::Category::NotFound, QStringLiteral("no migration '%1' in %2").arg(id, repository.directory()));
    const MigrationGraph graph = MigrationGraph::build(repository.migrations());
    MigrationPlanner planner(dialect, graph.ordered(), sqliteVersion);
    auto plan = planner.plan(*m, !backwards);
    if (!plan)
        return std::unexpected(plan.error());
    return plan->script();
}

void MigrationRunner::recordConflicts(const QList<AppliedMigration> &applied, const QString &environment, QStringList &warnings)
{
    m_conflicts = ConflictRecorder::detect(m_repository, applied);
    if (auto st = ConflictRecorder::sync(m_sql, m_conflicts, environment); !st)
        warnings << QStringLiteral("could not record the conflicts in %1: %2").arg(ConflictRecorder::tableName(), st.error().toString());
}

struct MigrationRunner::Session
{
    std::unique_ptr<MigrationLock> lock;   // none for a dry run that only prints
    QList<AppliedMigration> applied;
    QStringList warnings;
};

Result<MigrationRunner::Session> MigrationRunner::begin(const RunOptions &options, const QString &verb)
{
    if (auto st = checkRepository(); !st)
        return std::unexpected(st.error());
    Session session;
    if (!options.dryRun || options.executeDryRun) {
        auto l = MigrationLock::acquire(m_connection, options.lockTimeoutMs, options.progress);
        if (!l)
            return std::unexpected(l.error());
        session.lock = std::move(*l);
    }
    if (!options.dryRun)
        if (auto st = ensureTables(options); !st)
            return std::unexpected(st.error());
    auto applied = loadHistory();
    if (!applied)
        return std::unexpected(applied.error());
    if (!options.dryRun)
        recordConflicts(*applied, options.environment, session.warnings);
    else
        m_conflicts = ConflictRecorder::detect(m_repository, *applied);
    if (const QStringList modified = modifiedMessages(*applied); !modified.isEmpty())
        return fail(Error::Category::Conflict,
                    QStringLiteral("refusing to %1: %2. Restore the file as it was applied (a change belongs in a new migration); "
                                   "`covet verify` lists every mismatch")
                        .arg(verb, modified.join(QStringLiteral("; "))));
    session.applied = std::move(*applied);
    return session;
}

Status MigrationRunner::checkBeforeRun(const RunPreconditions &checks, const RunOptions &options, RunReport &report)
{
    if (options.fake)
        return {};
    QStringList broken;
    // A dry run that does not execute cannot leave the byStep ones to their step.
    const bool executes = !options.dryRun || (options.executeDryRun && m_connection.dialect() != Dialect::MySQL);
    for (const MigrationPrecondition &c : checks.beforeRun + (executes ? QList<MigrationPrecondition>() : checks.byStep)) {
        auto rows = c.violations(m_sql, true);
        if (!rows)
            return std::unexpected(rows.error().withContext(QStringLiteral("nothing was run")));
        if (*rows && **rows > 0)
            broken << c.failure(**rows);
    }
    if (!broken.isEmpty())
        return fail(Error::Category::Conflict, QStringLiteral("%1%2. Nothing was changed: no migration of this run was applied")
                                                   .arg(options.dryRun ? QStringLiteral("dry run: ") : QString(), broken.join(QStringLiteral(".\n"))));
    if (options.dryRun && (!options.executeDryRun || m_connection.dialect() == Dialect::MySQL))
        for (const MigrationPrecondition &c : checks.whenReached)
            report.warnings << QStringLiteral("%1: %2 can only be judged when %3 runs, after the earlier steps of this run that change %4")
                                   .arg(c.migrationId, c.question(), c.stepLabel, c.table);
    return {};
}

Result<RunReport> MigrationRunner::execute(const QList<Plan> &plans, const RunPreconditions &checks, const RunOptions &options, RunReport &report)
{
    for (const Plan &p : plans)
        report.sql += p.script();
    if (auto st = checkBeforeRun(checks, options, report); !st)
        return std::unexpected(st.error());
    PlanExecutor executor(m_connection, m_sql, options);
    if (options.dryRun) {
        if (options.executeDryRun)
            if (auto st = executor.dryExecute(plans, report); !st)
                return std::unexpected(st.error());
        return report;
    }
    int n = 0;
    for (const Plan &p : plans) {
        if (options.progress && options.progress->cancelled())
            return fail(Error::Category::Cancelled,
                        QStringLiteral("cancelled after %1 of %2 migrations, before %3; it and the rest are %4.%5")
                            .arg(n)
                            .arg(plans.size())
                            .arg(p.migration->id, p.forward ? QStringLiteral("still pending") : QStringLiteral("still applied"),
                                 PlanExecutor::soFar(p.forward, report)));
        if (options.progress)
            options.progress->report(n, int(plans.size()), p.migration->id);
        if (auto st = executor.run(p, report); !st)
            return std::unexpected(st.error());
        ++n;
    }
    if (options.progress)
        options.progress->report(n, int(plans.size()), QString());
    return report;
}

Result<RunReport> MigrationRunner::migrate(const RunOptions &options)
{
    m_lastReport = {};
    auto session = begin(options, QStringLiteral("migrate"));
    if (!session)
        return std::unexpected(session.error());
    const QList<AppliedMigration> &applied = session->applied;
    RunReport report;
    report.warnings = session->warnings;
    QSet<QString> appliedIds;
    for (const AppliedMigration &a : applied) {
        appliedIds.insert(a.id);
        if (!m_repository.find(a.id))
            report.warnings << QStringLiteral("%1 is recorded as applied but its file is missing from %2").arg(a.id, m_repository.directory());
    }
    const MigrationGraph graph = MigrationGraph::build(m_repository.migrations(), appliedIds);
    if (auto st = graph.check(); !st)
        return std::unexpected(st.error().withContext(QStringLiteral("nothing was run")));
    QStringList wanted = graph.order();
    if (!options.target.isEmpty()) {
        const Migration *t = m_repository.find(options.target);
        if (!t || !graph.contains(t->id))
            return fail(Error::Category::NotFound, QStringLiteral("no migration '%1' to migrate to in %2").arg(options.target, m_repository.directory()));
        wanted = graph.ancestors(t->id);
    }
    MigrationPlanner planner(m_connection.dialect(), graph.ordered(), m_connection.dialect() == Dialect::SQLite ? m_connection.serverVersionNumber() : 0);
    QList<Plan> plans;
    for (const QString &id : wanted) {
        if (appliedIds.contains(id))
            continue;
        auto p = planner.plan(*graph.migration(id), true);
        if (!p)
            return std::unexpected(p.error().withContext(QStringLiteral("nothing was run")));
        plans << *p;
    }
    const RunPreconditions checks = planner.preconditions(plans);
    m_lastReport = std::move(report);
    return execute(plans, checks, options, m_lastReport);
}

Result<RunReport> MigrationRunner::rollback(const RunOptions &options)
{
    m_lastReport = {};
    auto session = begin(options, QStringLiteral("roll back"));
    if (!session)
        return std::unexpected(session.error());
    const QList<AppliedMigration> &applied = session->applied;
    QSet<QString> appliedIds;
    for (const AppliedMigration &a : applied)
        appliedIds.insert(a.id);
    const MigrationGraph graph = MigrationGraph::build(m_repository.migrations(), appliedIds);
    // Applied migrations in graph order; ones whose file is gone go last
    // in the order they were applied (they cannot be rolled back).
    QStringList appliedOrder;
    for (const QString &id : graph.order())
        if (appliedIds.contains(id))
            appliedOrder << id;
    for (const AppliedMigration &a : applied)
        if (!appliedOrder.contains(a.id))
            appliedOrder << a.id;
    QStringList selected;
    if (!options.target.isEmpty()) {
        const Migration *t = m_repository.find(options.target);
        const QString tid = t ? t->id : options.target;
        if (!appliedIds.contains(tid))
            return fail(Error::Category::NotFound, QStringLiteral("cannot roll back to %1: it is not applied").arg(options.target));
        const QStringList after = graph.contains(tid) ? graph.descendants(tid) : QStringList();
        for (const QString &id : appliedOrder)
            if (id != tid && (after.contains(id) || !graph.contains(id)))
                selected.prepend(id);
    } else {
        const int steps = options.steps > 0 ? options.steps : 1;
        for (qsizetype i = appliedOrder.size() - 1; i >= 0 && selected.size() < steps; --i)
            selected << appliedOrder.at(i);
    }
    MigrationPlanner planner(m_connection.dialect(), graph.ordered(), m_connection.dialect() == Dialect::SQLite ? m_connection.serverVersionNumber() : 0);
    QList<Plan> plans;
    for (const QString &id : selected) {
        if (!graph.contains(id))
            return fail(Error::Category::NotFound,
                        QStringLiteral("cannot roll back %1: it is recorded as applied but its file is missing from %2. Nothing was run; "
                                       "restore the file")
                            .arg(id, m_repository.directory()));
        auto p = planner.plan(*graph.migration(id), false);
        if (!p)
            return std::unexpected(p.error());
        plans << *p;
    }
    RunReport report;
    report.warnings = session->warnings;
    const RunPreconditions checks = planner.preconditions(plans);
    m_lastReport = std::move(report);
    return execute(plans, checks, options, m_lastReport);
}

} // namespace covet
