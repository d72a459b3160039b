#include "migrationrunner.h"

#include "auditrecorder.h"
#include "migrationgraph.h"
#include "migrationlock.h"
#include "migrationplanner.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSysInfo>

namespace covet {

namespace {

// SQLite: turns foreign keys off (outside any transaction), returning the
// setting to give back with PRAGMA foreign_keys=<it>.
QString foreignKeysOff(SqlExecutor &sql)
{
    auto fk = sql.rows(QStringLiteral("PRAGMA foreign_keys"));
    const QString remembered = (fk && !fk->isEmpty()) ? fk->first().value(0).toString() : QStringLiteral("1");
    (void)sql.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    return remembered;
}

} // namespace

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

struct MigrationRunner::Session
{
    std::unique_ptr<MigrationLock> lock;   // none for a dry run that only prints
    QList<AppliedMigration> applied;
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
    if (const QStringList modified = modifiedMessages(*applied); !modified.isEmpty())
        return fail(Error::Category::Conflict,
                    QStringLiteral("refusing to %1: %2. Restore the file as it was applied (a change belongs in a new migration); "
                                   "`covet verify` lists every mismatch")
                        .arg(verb, modified.join(QStringLiteral("; "))));
    session.applied = std::move(*applied);
    return session;
}

Result<RunReport> MigrationRunner::execute(const QList<Plan> &plans, const RunOptions &options, RunReport report)
{
    for (const Plan &p : plans)
        report.sql += p.script();
    if (options.dryRun) {
        if (options.executeDryRun)
            if (auto st = dryExecute(plans, report); !st)
                return std::unexpected(st.error());
        return report;
    }
    int n = 0;
    for (const Plan &p : plans) {
        if (options.progress && options.progress->cancelled())
            return fail(Error::Category::Cancelled,
                        p.forward ? QStringLiteral("cancelled after %1 of %2 migrations; the rest are still pending").arg(n).arg(plans.size())
                                  : QStringLiteral("cancelled after rolling back %1 of %2 migrations").arg(n).arg(plans.size()));
        if (options.progress)
            options.progress->report(n, int(plans.size()), p.migration->id);
        if (auto st = runPlan(p, options, report); !st)
            return std::unexpected(st.error());
        ++n;
    }
    if (options.progress)
        options.progress->report(n, int(plans.size()), QString());
    return report;
}

Result<RunReport> MigrationRunner::migrate(const RunOptions &options)
{
    auto session = begin(options, QStringLiteral("migrate"));
    if (!session)
        return std::unexpected(session.error());
    const QList<AppliedMigration> &applied = session->applied;
    RunReport report;
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
    return execute(plans, options, std::move(report));
}

Result<RunReport> MigrationRunner::rollback(const RunOptions &options)
{
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
    return execute(plans, options, RunReport{});
}

Status MigrationRunner::runPlan(const Plan &plan, const RunOptions &options, RunReport &report)
{
    if (options.progress)
        options.progress->message(QStringLiteral("%1 %2").arg(plan.forward ? QStringLiteral("applying") : QStringLiteral("rolling back"), plan.migration->id));
    const bool transactional = options.fake || (m_connection.dialect() != Dialect::MySQL && plan.migration->transactional);
    if (transactional) {
        bool skipped = false;
        if (auto st = runTransactional(plan, options, report, skipped); !st)
            return st;
        if (skipped)
            report.skipped << plan.migration->id;
        else
            report.done << plan.migration->id;
        return {};
    }
    if (auto st = runStepwise(plan, options); !st)
        return st;
    report.done << plan.migration->id;
    return {};
}

Status MigrationRunner::executeBatches(const QList<SqlBatch> &batches, int *executed)
{
    for (const SqlBatch &b : batches) {
        if (b.foreignKeysOff && m_connection.dialect() == Dialect::SQLite) {
            // Standalone rebuild, following SqlBatch's contract.
            const QString remembered = foreignKeysOff(m_sql);
            auto restore = [&] { (void)m_sql.exec(QStringLiteral("PRAGMA foreign_keys=%1").arg(remembered.toInt())); };
            if (auto r = m_sql.exec(MigrationLock::beginStatement(Dialect::SQLite)); !r) {
                restore();
                return std::unexpected(r.error());
            }
            for (const QString &s : b.statements) {
                if (auto r = m_sql.exec(s); !r) {
                    (void)m_sql.exec(QStringLiteral("ROLLBACK"));
                    restore();
                    return std::unexpected(r.error());
                }
            }
            if (auto r = m_sql.exec(QStringLiteral("COMMIT")); !r) {
                (void)m_sql.exec(QStringLiteral("ROLLBACK"));
                restore();
                return std::unexpected(r.error());
            }
            restore();
            if (executed)
                *executed += int(b.statements.size());
            continue;
        }
        for (const QString &s : b.statements) {
            if (auto r = m_sql.exec(s); !r)
                return std::unexpected(r.error());
            if (executed)
                ++*executed;
        }
    }
    return {};
}

Status MigrationRunner::finish(const Plan &plan, qint64 ms)
{
    if (plan.forward)
        return MigrationHistory::record(m_sql, AppliedMigration{plan.migration->id, plan.migration->checksum, MigrationHistory::nowUtc(),
                                                                 MigrationHistory::currentUser(), ms});
    return MigrationHistory::remove(m_sql, plan.migration->id);
}

void MigrationRunner::audit(const Plan &plan, const RunOptions &options, const QString &started, qint64 ms, const QString &error)
{
    if (!options.audit)
        return;
    AuditEntry e;
    e.migrationId = plan.migration->id;
    e.direction = plan.forward ? QStringLiteral("apply") : QStringLiteral("rollback");
    e.status = error.isEmpty() ? QStringLiteral("success") : QStringLiteral("failure");
    e.startedAt = started;
    e.finishedAt = MigrationHistory::nowUtc();
    e.durationMs = ms;
    e.user = MigrationHistory::osUser();
    e.host = QSysInfo::machineHostName();
    e.environment = options.environment;
    e.sql = options.fake ? QStringLiteral("-- faked: recorded without running\n") + plan.script() : plan.script();
    e.error = error;
    if (auto st = AuditRecorder::record(m_sql, e); !st && options.progress)
        options.progress->message(QStringLiteral("warning: could not write the audit row: %1").arg(st.error().toString()));
}

Status MigrationRunner::runTransactional(const Plan &plan, const RunOptions &options, RunReport &report, bool &skipped)
{
    Q_UNUSED(report);
    const Migration &m = *plan.migration;
    const bool sqlite = m_connection.dialect() == Dialect::SQLite;
    const bool fkOff = sqlite && !options.fake && plan.anyForeignKeysOff();
    const QString remembered = fkOff ? foreignKeysOff(m_sql) : QString();
    auto restore = [&] {
        if (fkOff)
            (void)m_sql.exec(QStringLiteral("PRAGMA foreign_keys=%1").arg(remembered.toInt()));
    };
    if (auto r = m_sql.exec(MigrationLock::beginStatement(m_connection.dialect())); !r) {
        restore();
        if (sqlite)
            return fail(Error::Category::Conflict, MigrationLock::sqliteBusyMessage(m_connection, options.lockTimeoutMs), m.id);
        return std::unexpected(r.error());
    }
    // Another runner (SQLite has no lock across the run) may have done it.
    auto has = MigrationHistory::contains(m_sql, m.id);
    if (!has) {
        (void)m_sql.exec(QStringLiteral("ROLLBACK"));
        restore();
        return std::unexpected(has.error());
    }
    if (*has == plan.forward) {
        (void)m_sql.exec(QStringLiteral("ROLLBACK"));
        restore();
        skipped = true;
        return {};
    }
    const QString started = MigrationHistory::nowUtc();
    QElapsedTimer timer;
    timer.start();
    auto failWith = [&](const QString &where, const Error &e) -> Status {
        (void)m_sql.exec(QStringLiteral("ROLLBACK"));
        restore();
        const QString msg = QStringLiteral("%1 %2 failed at %3: %4. The transaction was rolled back: the database is as it was before, "
                                           "and %2 is %5")
                                .arg(plan.forward ? QStringLiteral("migration") : QStringLiteral("rolling back"), m.id, where, e.toString(),
                                     plan.forward ? QStringLiteral("still pending") : QStringLiteral("still applied"));
        audit(plan, options, started, timer.elapsed(), msg);
        return std::unexpected(Error(Error::Category::Database, msg, m.sourcePath).withStatement(e.statement()));
    };
    if (!options.fake) {
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            const Step &s = plan.steps.at(i);
            if (options.progress)
                options.progress->stepStarted(m.id, int(i), int(plan.steps.size()), s.label);
            for (const SqlBatch &b : s.batches)
                for (const QString &st : b.statements)
                    if (auto r = m_sql.exec(st); !r)
                        return failWith(s.label, r.error());
        }
        if (fkOff) {
            auto bad = m_sql.rows(QStringLiteral("PRAGMA foreign_key_check"));
            if (!bad)
                return failWith(QStringLiteral("the foreign key check"), bad.error());
            if (!bad->isEmpty())
                return failWith(QStringLiteral("the foreign key check"),
                                Error(Error::Category::Database, QStringLiteral("%1 row(s) break a foreign key, first in table %2")
                                                                     .arg(bad->size())
                                                                     .arg(bad->first().value(0).toString())));
        }
    }
    if (auto st = finish(plan, timer.elapsed()); !st)
        return failWith(QStringLiteral("recording it in %1").arg(MigrationHistory::tableName()), st.error());
    audit(plan, options, started, timer.elapsed(), QString());
    if (auto r = m_sql.exec(QStringLiteral("COMMIT")); !r)
        return failWith(QStringLiteral("COMMIT"), r.error());
    restore();
    return {};
}

Status MigrationRunner::runStepwise(const Plan &plan, const RunOptions &options)
{
    const Migration &m = *plan.migration;
    const QString started = MigrationHistory::nowUtc();
    QElapsedTimer timer;
    timer.start();
    const QString why = m_connection.dialect() == Dialect::MySQL ? QStringLiteral("MySQL/MariaDB commit each DDL statement at once")
                                                                  : QStringLiteral("%1 is non-transactional").arg(m.id);
    QList<qsizetype> done;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const Step &step = plan.steps.at(i);
        int executed = 0;
        if (options.progress) {
            options.progress->stepStarted(m.id, int(i), int(plan.steps.size()), step.label);
            options.progress->message(QStringLiteral("  %1").arg(step.label));
        }
        auto st = executeBatches(step.batches, &executed);
        if (st) {
            done << i;
            continue;
        }
        QString msg = QStringLiteral("%1 %2 failed at %3: %4.").arg(plan.forward ? QStringLiteral("migration") : QStringLiteral("rolling back"), m.id,
                                                                     step.label, st.error().toString());
        QStringList undone;
        QStringList left;   // steps still in effect
        bool stuck = executed > 0;
        if (stuck)
            msg += QStringLiteral(" %1 of its statements had already run and stay in effect (%2).").arg(executed).arg(why);
        for (qsizetype k = done.size() - 1; k >= 0; --k) {
            const Step &d = plan.steps.at(done.at(k));
            if (stuck) {
                left.prepend(d.label);
                continue;
            }
            if (!d.undo) {
                stuck = true;
                left.prepend(d.label);
                msg += QStringLiteral(" %1 has no reverse, so it cannot be undone.").arg(d.label);
                continue;
            }
            if (auto u = executeBatches(*d.undo); !u) {
                stuck = true;
                left.prepend(d.label);
                msg += QStringLiteral(" Undoing %1 failed: %2.").arg(d.label, u.error().toString());
                continue;
            }
            undone.prepend(d.label);
        }
        if (!undone.isEmpty())
            msg += QStringLiteral(" Because %1, Covet undid what had run with the reverses: %2.").arg(why, undone.join(QStringLiteral("; ")));
        if (!stuck)
            msg += QStringLiteral(" The database is as it was before, and %1 is %2.")
                       .arg(m.id, plan.forward ? QStringLiteral("still pending") : QStringLiteral("still applied"));
        else
            msg += QStringLiteral(" THE DATABASE IS PART-WAY: still in effect from %1: %2%3; %4 records %1 as %5. Undo or finish these by hand, "
                                  "then run covet again.")
                       .arg(m.id, left.isEmpty() ? QStringLiteral("nothing else") : left.join(QStringLiteral("; ")),
                            executed > 0 ? QStringLiteral("; and part of ") + step.label : QString(), MigrationHistory::tableName(),
                            plan.forward ? QStringLiteral("not applied") : QStringLiteral("applied"));
        audit(plan, options, started, timer.elapsed(), msg);
        return std::unexpected(Error(Error::Category::Database, msg, m.sourcePath).withStatement(st.error().statement()));
    }
    if (auto st = finish(plan, timer.elapsed()); !st) {
        const QString msg = QStringLiteral("%1 ran completely but could not be recorded: %2. Record it by hand or roll it back by hand")
                                .arg(m.id, st.error().toString());
        audit(plan, options, started, timer.elapsed(), msg);
        return fail(Error::Category::Database, msg, m.sourcePath);
    }
    audit(plan, options, started, timer.elapsed(), QString());
    return {};
}

Status MigrationRunner::dryExecute(const QList<Plan> &plans, RunReport &report)
{
    const Dialect d = m_connection.dialect();
    if (d == Dialect::MySQL) {
        report.warnings << QStringLiteral("MySQL/MariaDB commit DDL at once, so a dry run cannot execute the SQL; it was only printed");
        return {};
    }
    bool fkOff = false;
    for (const Plan &p : plans)
        fkOff = fkOff || (d == Dialect::SQLite && p.anyForeignKeysOff());
    const QString remembered = fkOff ? foreignKeysOff(m_sql) : QString();
    auto restore = [&] {
        (void)m_sql.exec(QStringLiteral("ROLLBACK"));
        if (fkOff)
            (void)m_sql.exec(QStringLiteral("PRAGMA foreign_keys=%1").arg(remembered.toInt()));
    };
    if (auto r = m_sql.exec(MigrationLock::beginStatement(d)); !r) {
        restore();
        return std::unexpected(r.error());
    }
    for (const Plan &p : plans) {
        if (!p.migration->transactional) {
            report.warnings << QStringLiteral("%1 is non-transactional: the dry run did not execute it or anything after it").arg(p.migration->id);
            break;
        }
        for (const Step &s : p.steps)
            for (const SqlBatch &b : s.batches)
                for (const QString &st : b.statements)
                    if (auto r = m_sql.exec(st); !r) {
                        restore();
                        return std::unexpected(
                            Error(Error::Category::Database,
                                  QStringLiteral("dry run: %1 would fail at %2: %3. Nothing was changed").arg(p.migration->id, s.label, r.error().toString()),
                                  p.migration->sourcePath)
                                .withStatement(r.error().statement()));
                    }
    }
    restore();
    report.executedDryRun = true;
    return {};
}

} // namespace covet
