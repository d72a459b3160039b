#include "migrationrunner.h"
#include "migrationrunnerhistory.h"

#include "../audit/auditrecorder.h"
#include "../audit/conflictrecorder.h"
#include "../db/migrationlock.h"
#include "../migrations/historyreplay.h"
#include "../migrations/migrationgraph.h"
#include "../migrations/migrationplanner.h"
#include "../safety/riskanalyzer.h"
#include "partialresume.h"
#include "planexecutor.h"
#include "runaudit.h"
#include "squashplans.h"

#include <QHash>
#include <QSet>

#include <optional>

#include <utility>

namespace covet {

QString MigrationState::name(State s)
{
    switch (s) {
    case State::Applied: return QStringLiteral("applied");
    case State::Pending: return QStringLiteral("pending");
    case State::Modified: return QStringLiteral("modified");
    case State::Missing: return QStringLiteral("missing");
    case State::Partial: return QStringLiteral("partial");
    }
    return {};
}

QStringList MigrationOverview::pendingUpTo(const QString &id) const
{
    if (!selection)
        return {};
    auto ids = selection->pending(id);
    return ids ? *ids : QStringList();
}

RiskReport MigrationOverview::pendingRiskUpTo(const QString &id) const
{
    if (!pendingRisk)
        return {};
    return pendingRisk->only(pendingUpTo(id));
}

QStringList MigrationOverview::rollbackTo(const QString &id) const
{
    if (!selection)
        return {};
    auto ids = selection->rollback(id);
    return ids ? *ids : QStringList();
}


MigrationRunner::MigrationRunner(Connection &connection, const MigrationRepository &repository)
    : m_connection(connection), m_repository(repository), m_caps(DialectCapabilities::of(connection)),
      m_sql(connection.database(), connection.dialect())
{
}

QString MigrationRunner::devUrl(const RunOptions &options) const
{
    if (!options.settings.devUrl.isEmpty())
        return options.settings.devUrl;
    if (!m_devUrl.isEmpty())
        return m_devUrl;
    // A temporary database on the target's own server.
    return m_connection.dialect() == Dialect::SQLite ? QString() : m_connection.url().toString();
}

int MigrationRunner::sqliteVersion() const
{
    return m_connection.dialect() == Dialect::SQLite ? m_connection.serverVersionNumber() : 0;
}

Status MigrationRunner::checkRepository() const
{
    if (!m_repository.isValid()) {
        auto st = m_repository.status();
        return std::unexpected(st.error().withContext(QStringLiteral("nothing was run")));
    }
    return {};
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

Result<MigrationRunner::History> MigrationRunner::readHistory()
{
    History h;
    auto applied = MigrationHistory::load(m_sql);
    if (!applied)
        return std::unexpected(applied.error());
    h.applied = std::move(*applied);
    auto partials = PartialMigrations::load(m_sql);
    if (!partials)
        return std::unexpected(partials.error());
    h.partials = std::move(*partials);
    QSet<QString> ids;
    for (const AppliedMigration &a : std::as_const(h.applied))
        ids.insert(a.id);
    h.graph = std::make_shared<const MigrationGraph>(MigrationGraph::build(m_repository.migrations(), ids));
    return h;
}

Status MigrationRunner::ensureTables(const RunOptions &options)
{
    if (auto st = MigrationHistory::ensure(m_sql); !st)
        return st;
    if (options.settings.audit)
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

Result<RunPlan> MigrationRunner::makePlan(const History &history, const RunOptions &options, bool forward)
{
    RunPlan plan;
    plan.forward = forward;
    plan.graph = history.graph;
    const MigrationGraph &graph = *history.graph;
    if (auto st = graph.check(); !st)
        return std::unexpected(st.error().withContext(QStringLiteral("nothing was run")));
    if (const QStringList modified = modifiedMessages(history.applied); !modified.isEmpty())
        return fail(Error::Category::Conflict,
                    QStringLiteral("refusing to %1: %2. Restore the file as it was applied (a change belongs in a new migration); "
                                   "`covet verify` lists every mismatch")
                        .arg(forward ? QStringLiteral("migrate") : QStringLiteral("roll back"), modified.join(QStringLiteral("; "))));
    if (forward)
        for (const AppliedMigration &a : history.applied)
            if (!m_repository.find(a.id) && graph.appliedSquashOf(a.id).isEmpty())
                plan.warnings << QStringLiteral("%1 is recorded as applied but its file is missing from %2").arg(a.id, m_repository.directory());
    const RunSelection selection(history.graph, history.applied);
    QSet<QString> appliedIds;
    for (const AppliedMigration &a : history.applied)
        appliedIds.insert(a.id);
    // A rollback through a squashed migration's originals replays them in its place.
    plan.order = forward ? graph.ordered() : selection.rollbackOrder();
    MigrationPlanner planner(m_connection.dialect(), plan.order, sqliteVersion(), devUrl(options));
    // A part-way migration is planned over the history it ran in: an
    // original rolled back in its squashed migration's place (whose files
    // and rows are there) is in the rollback order, not in graph.ordered().
    std::optional<MigrationPlanner> resumePlanner;
    if (forward && options.resume && !history.partials.isEmpty())
        resumePlanner.emplace(m_connection.dialect(), selection.rollbackOrder(), sqliteVersion(), devUrl(options));
    QSet<QString> handled;
    for (const PartialMigration &p : history.partials) {
        if (!options.resume)
            return fail(Error::Category::Conflict, PartialResume::refusal(p));
        // migrate --resume leaves it applied; rollback --resume leaves it not applied.
        const bool finish = forward == (p.direction != u"rollback");
        auto pp = PartialResume::plan(resumePlanner ? *resumePlanner : planner, graph, p, finish, m_sql);
        if (!pp)
            return std::unexpected(pp.error().withContext(QStringLiteral("nothing was run")));
        plan.plans << *pp;
        handled.insert(p.id);
    }
    // --resume with nothing part-way must not go on as a plain run: a
    // recovery script run twice, or after a colleague finished the
    // recovery, would apply (or roll back) one migration more.
    if (options.resume && history.partials.isEmpty())
        return fail(Error::Category::NotFound,
                    QStringLiteral("--resume: no migration is part-way, so there is nothing to %1 (an earlier run may have "
                                   "completed the recovery); nothing was run. `covet status` shows the state; run `covet %2` "
                                   "without --resume to %3")
                        .arg(forward ? QStringLiteral("finish") : QStringLiteral("undo"),
                             forward ? QStringLiteral("migrate") : QStringLiteral("rollback"),
                             forward ? QStringLiteral("apply pending migrations") : QStringLiteral("roll back applied ones")));
    if (forward) {
        QString target;
        if (!options.target.isEmpty()) {
            const Migration *t = m_repository.find(options.target);
            if (!t || !graph.contains(t->id))
                return fail(Error::Category::NotFound,
                            QStringLiteral("no migration '%1' to migrate to in %2").arg(options.target, m_repository.directory()));
            target = t->id;
        }
        // Resuming finishes what is part-way and nothing more (as Studio's
        // Finish): the pending ones after it wait for a plain migrate.
        const bool onlyResumed = options.target.isEmpty() && options.resume;
        if (onlyResumed && graph.contains(history.partials.first().id))
            target = history.partials.first().id;
        auto ids = selection.pending(target);
        if (!ids)
            return std::unexpected(ids.error());
        if (onlyResumed && target.isEmpty())
            ids->clear();   // an original its squashed migration replaced: only it
        plan.plans << SquashPlans::recordOnly(graph, target);
        for (const QString &id : std::as_const(*ids)) {
            if (handled.contains(id))
                continue;
            auto p = planner.plan(*graph.migration(id), true);
            if (!p)
                return std::unexpected(p.error().withContext(QStringLiteral("nothing was run")));
            plan.plans << *p;
        }
        SquashPlans::completeSquashes(graph, appliedIds, plan.plans);
    } else if (handled.isEmpty()) {
        QString target = options.target;
        if (const Migration *t = target.isEmpty() ? nullptr : m_repository.find(target))
            target = t->id;
        auto ids = selection.rollback(target, options.steps);
        if (!ids)
            return std::unexpected(ids.error());
        for (const QString &id : std::as_const(*ids)) {
            const Migration *m = SquashPlans::toRollBack(selection, id);
            if (!m)
                return fail(Error::Category::NotFound,
                            QStringLiteral("cannot roll back %1: it is recorded as applied but its file is missing from %2. Nothing was "
                                           "run; restore the file")
                                .arg(id, m_repository.directory()));
            auto p = planner.plan(*m, false);
            if (!p)
                return std::unexpected(p.error());
            plan.plans << *p;
        }
    }
    if (!forward)   // a resumed rollback too (a Revert records nothing)
        SquashPlans::rowsToRemove(selection, appliedIds, plan.plans);
    plan.checks = planner.preconditions(plan.plans);
    return plan;
}

QString MigrationRunner::planKey(const History &history, const RunOptions &options, bool forward) const
{
    if (!history.partials.isEmpty())
        return {};
    QStringList parts{forward ? QStringLiteral("forward") : QStringLiteral("rollback"), options.target, QString::number(options.steps),
                      options.resume ? QStringLiteral("resume") : QString(), devUrl(options)};
    for (const AppliedMigration &a : history.applied)
        parts << a.id << a.checksum;
    return parts.join(QChar(0x1f));
}

Result<RunPlan> MigrationRunner::plan(const RunOptions &options, bool forward)
{
    m_planned.reset();
    if (auto st = checkRepository(); !st)
        return std::unexpected(st.error());
    auto history = readHistory();
    if (!history)
        return std::unexpected(history.error());
    m_conflicts = ConflictRecorder::detect(m_repository, history->applied);
    auto made = makePlan(*history, options, forward);
    if (made) {
        m_plannedKey = planKey(*history, options, forward);
        if (!m_plannedKey.isEmpty())
            m_planned = *made;
    }
    return made;
}

Result<RunPlan> MigrationRunner::planSettled(const RunOptions &options, bool forward)
{
    if (auto st = checkRepository(); !st)
        return std::unexpected(st.error());
    auto lock = MigrationLock::acquire(m_connection, options.lockTimeoutMs, options.progress);
    if (!lock)
        return std::unexpected(lock.error());
    return plan(options, forward);   // the lock is released when this returns; migrate() takes it again
}

Result<RehearsalReport> MigrationRunner::rehearse(const RunOptions &options, bool forward)
{
    auto planned = plan(options, forward);
    if (!planned)
        return std::unexpected(planned.error());
    MigrationPlanner planner(m_connection.dialect(), planned->order, sqliteVersion(), devUrl(options));
    return Rehearsal(m_sql, m_caps, devUrl(options), options.progress).run(*planned, planner);
}

Result<RiskReport> MigrationRunner::assess(const RunPlan &plan)
{
    auto report = RiskAnalyzer(m_caps).analyze(m_sql, plan.plannedSteps(), plan.forward);
    if (!report)
        return std::unexpected(report.error().withContext(QStringLiteral("assessing the risk of the plan")));
    return report;
}

struct MigrationRunner::Session
{
    std::unique_ptr<MigrationLock> lock;   // none for a dry run that only prints
    History history;
    QStringList warnings;
};

Result<MigrationRunner::Session> MigrationRunner::begin(const RunOptions &options, const QString &verb)
{
    Q_UNUSED(verb);
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
    auto history = readHistory();
    if (!history)
        return std::unexpected(history.error());
    if (!options.dryRun)
        recordConflicts(history->applied, options.settings.environment, session.warnings);
    else
        m_conflicts = ConflictRecorder::detect(m_repository, history->applied);
    session.history = std::move(*history);
    return session;
}

Status MigrationRunner::checkBeforeRun(const RunPreconditions &checks, const RunOptions &options, RunReport &report)
{
    if (options.fake)
        return {};
    QStringList broken;
    // A dry run that does not execute cannot leave the byStep ones to their step.
    const bool executes = !options.dryRun || (options.executeDryRun && m_caps.executesDryRun);
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
    if (options.dryRun && (!options.executeDryRun || !m_caps.executesDryRun))
        for (const MigrationPrecondition &c : checks.whenReached)
            report.warnings << QStringLiteral("%1: %2 can only be judged when %3 runs, after the earlier steps of this run that change %4")
                                   .arg(c.migrationId, c.question(), c.stepLabel, c.table);
    return {};
}

Status MigrationRunner::decide(const RunPlan &plan, const RiskReport &risk, const RunOptions &options)
{
    if (options.dryRun || options.fake)
        return {};
    // What runs must be what was reviewed; migrations another runner did
    // meanwhile may drop out (they are reported as skipped), nothing new may come in.
    if (!options.expected.isEmpty()) {
        const QStringList now = plan.ids();
        qsizetype at = 0;
        bool reviewed = true;
        for (const QString &id : now) {
            while (at < options.expected.size() && options.expected.at(at) != id)
                ++at;
            reviewed = reviewed && at < options.expected.size();
        }
        if (!reviewed)
            return fail(Error::Category::Conflict,
                        QStringLiteral("the plan changed since it was reviewed: reviewed %1, now %2. Nothing was run; review the plan again")
                            .arg(options.expected.join(QStringLiteral(", ")), now.isEmpty() ? QStringLiteral("nothing") : now.join(QStringLiteral(", "))));
    }
    const QList<RiskFinding> critical = risk.atLeast(RiskLevel::Critical);
    if (!critical.isEmpty() && !options.acceptRisk) {
        QStringList lines;
        for (const RiskFinding &f : critical)
            lines << QStringLiteral("  %1 · %2: %3").arg(f.migrationId, f.rule, f.reason);
        return fail(Error::Category::Conflict, QStringLiteral("refusing: the risk of this plan is critical:\n%1\nNothing was run. Read the "
                                                              "whole report (--dry-run), then accept the risk explicitly (--accept-risk) to "
                                                              "go ahead")
                                                   .arg(lines.join(u'\n')));
    }
    if (risk.losesData() && !options.confirmDataLoss)
        return fail(Error::Category::Conflict,
                    QStringLiteral("refusing: this plan destroys data:\n  %1\nNothing was run. Confirm that the data may go (--yes, or type "
                                   "the confirmation)%2")
                        .arg(risk.dataLossLines().join(QStringLiteral("\n  ")),
                             options.settings.backupBeforeDataLoss ? QStringLiteral("; Covet backs it up first (`covet backup list`)")
                                                                   : QStringLiteral("; backups are off (safety.backup_before_data_loss)")));
    if (!options.settings.backupBeforeDataLoss && risk.needsBackup() && !options.acceptRisk) {
        for (const MigrationPlan &p : plan.plans) {
            if (!PlanExecutor::stepwise(m_caps, p))
                continue;
            for (const DataAtStake &s : risk.stakes)
                if (s.migrationId == p.migration->id)
                    return fail(Error::Category::Conflict,
                                QStringLiteral("refusing: %1 runs step by step (%2) and destroys data, and with backups off "
                                               "(safety.backup_before_data_loss: false) an undo after a failure could not put that data "
                                               "back. Nothing was run. Turn backups on, or accept the risk (--accept-risk)")
                                    .arg(p.migration->id, m_caps.transactionalDdl ? QStringLiteral("transactional: false")
                                                                                   : m_caps.productName() + QStringLiteral(" commits DDL at once")));
        }
    }
    return {};
}

Result<RunReport> MigrationRunner::execute(const RunPlan &plan, const RunOptions &options, RunReport &report, RunAudit &audit)
{
    report.sql = plan.script();
    if (auto st = checkBeforeRun(plan.checks, options, report); !st) {
        if (const QString w = audit.refused(plan, st.error()); !w.isEmpty())
            report.warnings << w;
        return std::unexpected(st.error());
    }
    PlanExecutor executor(m_connection, m_sql, options, m_caps, audit, &report.risk);
    if (options.dryRun) {
        if (options.executeDryRun)
            if (auto st = executor.dryExecute(plan.plans, report); !st)
                return std::unexpected(st.error());
        return report;
    }
    std::optional<DatabaseSnapshot> before;
    if (options.settings.verifyAfterRun && !options.fake && !plan.plans.isEmpty()) {
        auto snap = RunVerifier(m_sql).capture(PlanExecutor::touchedTables(plan.plans));
        if (snap)
            before = std::move(*snap);
        else {
            report.verification.notDone = QStringLiteral("could not read the database before the run to verify it afterwards: %1").arg(snap.error().toString());
            report.warnings << report.verification.notDone;
        }
    }
    if (const QString w = audit.started(plan); !w.isEmpty())
        report.warnings << w;
    // Every run that is not killed ends with a `finished` audit row.
    auto stopped = [&](const Error &e) -> Result<RunReport> {
        if (const QString w = audit.finished(plan, report, e.message()); !w.isEmpty())
            report.warnings << w;
        return std::unexpected(e);
    };
    int n = 0;
    for (const MigrationPlan &p : plan.plans) {
        if (options.progress && options.progress->cancelled())
            return stopped(Error(Error::Category::Cancelled,
                                 QStringLiteral("cancelled after %1 of %2 migrations, before %3; it and the rest are %4.%5")
                                     .arg(n)
                                     .arg(plan.plans.size())
                                     .arg(p.migration->id, p.forward ? QStringLiteral("still pending") : QStringLiteral("still applied"),
                                          PlanExecutor::soFar(p.forward, report))));
        if (options.progress)
            options.progress->report(n, int(plan.plans.size()), p.migration->id);
        if (auto st = executor.run(p, report); !st)
            return stopped(st.error());
        ++n;
    }
    if (options.progress)
        options.progress->report(n, int(plan.plans.size()), QString());
    if (before)
        verifyAfter(plan, before, report);
    if (const QString w = audit.finished(plan, report); !w.isEmpty())
        report.warnings << w;
    if (!report.backups.isEmpty() && options.settings.backupRetentionDays > 0) {
        BackupStore store(m_sql, m_caps);
        if (auto pruned = store.prune(options.settings.backupRetentionDays); !pruned)
            report.warnings << QStringLiteral("could not drop backups older than %1 days: %2").arg(options.settings.backupRetentionDays).arg(pruned.error().toString());
    }
    return report;
}

Result<RunReport> MigrationRunner::run(const RunOptions &options, bool forward)
{
    m_lastReport = {};
    // The history and audit statements prepared for this run live as long as it.
    struct Release
    {
        SqlExecutor &sql;
        ~Release() { sql.releasePrepared(); }
    } release{m_sql};
    auto session = begin(options, forward ? QStringLiteral("migrate") : QStringLiteral("roll back"));
    if (!session)
        return std::unexpected(session.error());
    RunReport report;
    report.warnings = session->warnings;
    RunAudit audit(m_sql, options);
    const MigrationGraph &graph = *session->history.graph;
    report.warnings << audit.markInterrupted(session->history.applied, session->history.partials, [&](const QString &id) {
        const Migration *m = graph.migration(id);
        return m && PlanExecutor::inOneTransaction(m_caps, *m);
    });
    // The plan plan() made from this very history is the one makePlan() would make.
    std::optional<RunPlan> planned = std::exchange(m_planned, std::nullopt);
    const bool same = planned && m_plannedKey == planKey(session->history, options, forward);
    auto plan = same ? Result<RunPlan>(std::move(*planned)) : makePlan(session->history, options, forward);
    if (!plan)
        return std::unexpected(plan.error());
    report.warnings << plan->warnings;
    if (!options.fake) {
        auto risk = assess(*plan);
        if (!risk)
            return std::unexpected(risk.error());
        report.risk = *risk;
    }
    report.sql = plan->script();
    // One set of the plan's ids, not a list per expected id (O(n^2) for a
    // run of n migrations: 5,000 made 25 million string copies).
    const QStringList planIds = plan->ids();
    const QSet<QString> inPlan(planIds.cbegin(), planIds.cend());
    for (const QString &id : options.expected)
        if (!inPlan.contains(id))
            report.skipped << id;   // done meanwhile by another runner
    m_lastReport = report;
    if (auto st = decide(*plan, report.risk, options); !st) {
        if (const QString w = audit.refused(*plan, st.error()); !w.isEmpty())
            m_lastReport.warnings << w;
        return std::unexpected(st.error());
    }
    auto done = execute(*plan, options, m_lastReport, audit);
    return done;
}

QString MigrationRunner::recordRefusal(const RunPlan &plan, const RunOptions &options, const Error &why)
{
    if (!RunAudit::enabledFor(options) || plan.plans.isEmpty())
        return {};
    if (auto st = ensureTables(options); !st)
        return QStringLiteral("could not record the refusal in the audit: %1").arg(st.error().toString());
    return RunAudit(m_sql, options).refused(plan, why);
}

Result<RunReport> MigrationRunner::migrate(const RunOptions &options)
{
    return run(options, true);
}

Result<RunReport> MigrationRunner::rollback(const RunOptions &options)
{
    return run(options, false);
}

} // namespace covet
