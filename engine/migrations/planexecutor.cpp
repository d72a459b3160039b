#include "planexecutor.h"

#include "auditrecorder.h"
#include "migrationhistory.h"
#include "migrationlock.h"

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

QString pendingWord(const MigrationPlan &plan)
{
    return plan.forward ? QStringLiteral("still pending") : QStringLiteral("still applied");
}

QString verb(const MigrationPlan &plan)
{
    return plan.forward ? QStringLiteral("migration") : QStringLiteral("rolling back");
}

} // namespace

struct PlanExecutor::Attempt
{
    QString started = MigrationHistory::nowUtc();
    QElapsedTimer timer;
    Attempt() { timer.start(); }
};

PlanExecutor::PlanExecutor(Connection &connection, SqlExecutor &sql, const RunOptions &options)
    : m_connection(connection), m_sql(sql), m_options(options)
{
}

Error PlanExecutor::withTransactionHint(const Error &e)
{
    // PostgreSQL 25001 (e.g. CREATE INDEX CONCURRENTLY, VACUUM): the
    // statement refuses to run in the migration's transaction.
    if (!e.message().contains(QStringLiteral("cannot run inside a transaction block"), Qt::CaseInsensitive)
        && !e.message().contains(QStringLiteral("25001")))
        return e;
    return Error(e.category(),
                 e.message() + QStringLiteral(" (mark the migration `transactional: false` to run it statement by statement outside "
                                              "a transaction; in a .sql file: a `-- covet:non-transactional` line)"),
                 e.location())
        .withStatement(e.statement());
}

QString PlanExecutor::soFar(bool forward, const RunReport &report)
{
    if (report.done.isEmpty())
        return forward ? QStringLiteral(" No migration was applied in this run.") : QStringLiteral(" No migration was rolled back in this run.");
    return (forward ? QStringLiteral(" Applied in this run (they stay applied): %1.") : QStringLiteral(" Rolled back in this run (they stay rolled back): %1."))
        .arg(report.done.join(QStringLiteral(", ")));
}

Status PlanExecutor::run(const MigrationPlan &plan, RunReport &report)
{
    if (m_options.progress)
        m_options.progress->message(QStringLiteral("%1 %2").arg(m_options.fake ? QStringLiteral("recording as applied (fake)")
                                                                : plan.forward  ? QStringLiteral("applying")
                                                                                : QStringLiteral("rolling back"),
                                                                plan.migration->id));
    const bool transactional = m_options.fake || (m_connection.dialect() != Dialect::MySQL && plan.migration->transactional);
    if (transactional) {
        bool skipped = false;
        if (auto st = runTransactional(plan, report, skipped); !st)
            return st;
        (skipped ? report.skipped : report.done) << plan.migration->id;
        return {};
    }
    if (auto st = runStepwise(plan, report); !st)
        return st;
    report.done << plan.migration->id;
    return {};
}

std::optional<PlanExecutor::Halt> PlanExecutor::haltBefore(const MigrationPlan &plan, const MigrationStep &step)
{
    if (m_options.progress && m_options.progress->cancelled())
        return Halt{QStringLiteral("cancelled during %1, before %2").arg(plan.migration->id, step.label), Error(), Error::Category::Cancelled};
    for (const MigrationPrecondition &c : step.preconditions) {
        if (c.enforcedByStep)
            continue;
        auto rows = c.violations(m_sql, false);
        if (!rows)
            return Halt{QStringLiteral("%1 %2 failed at %3: %4").arg(verb(plan), plan.migration->id, step.label, rows.error().toString()), rows.error(),
                        Error::Category::Database};
        if (**rows > 0)
            return Halt{c.failure(**rows), Error(), Error::Category::Conflict};
    }
    return std::nullopt;
}

std::optional<PlanExecutor::Halt> PlanExecutor::brokenByStep(const MigrationStep &step)
{
    for (const MigrationPrecondition &c : step.preconditions) {
        if (!c.enforcedByStep)
            continue;
        auto rows = c.violations(m_sql, true);
        if (rows && *rows && **rows > 0)
            return Halt{c.failure(**rows), Error(), Error::Category::Conflict};
    }
    return std::nullopt;
}

Status PlanExecutor::executeBatches(const QList<SqlBatch> &batches, int *executed)
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

Status PlanExecutor::finish(const MigrationPlan &plan, qint64 ms)
{
    if (plan.forward)
        return MigrationHistory::record(m_sql, AppliedMigration{plan.migration->id, plan.migration->checksum, MigrationHistory::nowUtc(),
                                                                 MigrationHistory::currentUser(), ms});
    return MigrationHistory::remove(m_sql, plan.migration->id);
}

void PlanExecutor::audit(const MigrationPlan &plan, const Attempt &attempt, const QString &error)
{
    if (!m_options.audit)
        return;
    AuditEntry e;
    e.migrationId = plan.migration->id;
    e.direction = plan.forward ? QStringLiteral("apply") : QStringLiteral("rollback");
    e.status = error.isEmpty() ? QStringLiteral("success") : QStringLiteral("failure");
    e.startedAt = attempt.started;
    e.finishedAt = MigrationHistory::nowUtc();
    e.durationMs = attempt.timer.elapsed();
    e.user = MigrationHistory::osUser();
    e.host = QSysInfo::machineHostName();
    e.environment = m_options.environment;
    e.sql = m_options.fake ? QStringLiteral("-- faked: recorded without running\n") + plan.script() : plan.script();
    e.error = error;
    if (auto st = AuditRecorder::record(m_sql, e); !st && m_options.progress)
        m_options.progress->message(QStringLiteral("warning: could not write the audit row: %1").arg(st.error().toString()));
}

Status PlanExecutor::runTransactional(const MigrationPlan &plan, RunReport &report, bool &skipped)
{
    const Migration &m = *plan.migration;
    const bool sqlite = m_connection.dialect() == Dialect::SQLite;
    const bool fkOff = sqlite && !m_options.fake && plan.anyForeignKeysOff();
    const QString remembered = fkOff ? foreignKeysOff(m_sql) : QString();
    auto restore = [&] {
        if (fkOff)
            (void)m_sql.exec(QStringLiteral("PRAGMA foreign_keys=%1").arg(remembered.toInt()));
    };
    if (auto r = m_sql.exec(MigrationLock::beginStatement(m_connection.dialect())); !r) {
        restore();
        if (sqlite)
            return fail(Error::Category::Conflict, MigrationLock::sqliteBusyMessage(m_connection, m_options.lockTimeoutMs), m.id);
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
    const Attempt attempt;
    auto stop = [&](const Halt &h) -> Status {
        (void)m_sql.exec(QStringLiteral("ROLLBACK"));
        restore();
        QString msg = h.category == Error::Category::Database
            ? QStringLiteral("%1. The transaction was rolled back: the database is as it was before, and %2 is %3").arg(h.head, m.id, pendingWord(plan))
            : QStringLiteral("%1. The transaction was rolled back: nothing of %2 was changed, and it is %3.").arg(h.head, m.id, pendingWord(plan))
                + soFar(plan.forward, report);
        if (h.category == Error::Category::Database && !report.done.isEmpty())
            msg += u'.' + soFar(plan.forward, report);
        audit(plan, attempt, msg);
        return std::unexpected(Error(h.category, msg, m.sourcePath).withStatement(h.cause.statement()));
    };
    auto failWith = [&](const QString &where, const Error &e) {
        return stop(Halt{QStringLiteral("%1 %2 failed at %3: %4").arg(verb(plan), m.id, where, e.toString()), e, Error::Category::Database});
    };
    if (!m_options.fake) {
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            const MigrationStep &s = plan.steps.at(i);
            if (m_options.progress)
                m_options.progress->stepStarted(m.id, int(i), int(plan.steps.size()), s.label);
            if (auto h = haltBefore(plan, s))
                return stop(*h);
            for (const SqlBatch &b : s.batches)
                for (const QString &st : b.statements)
                    if (auto r = m_sql.exec(st); !r) {
                        if (auto h = brokenByStep(s))   // counted inside the transaction, before the rollback
                            return stop(*h);
                        return failWith(s.label, withTransactionHint(r.error()));
                    }
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
    if (auto st = finish(plan, attempt.timer.elapsed()); !st)
        return failWith(QStringLiteral("recording it in %1").arg(MigrationHistory::tableName()), st.error());
    audit(plan, attempt, QString());
    if (auto r = m_sql.exec(QStringLiteral("COMMIT")); !r)
        return failWith(QStringLiteral("COMMIT"), r.error());
    restore();
    return {};
}

Status PlanExecutor::runStepwise(const MigrationPlan &plan, const RunReport &report)
{
    const Migration &m = *plan.migration;
    const Attempt attempt;
    QList<qsizetype> done;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const MigrationStep &step = plan.steps.at(i);
        if (m_options.progress) {
            m_options.progress->stepStarted(m.id, int(i), int(plan.steps.size()), step.label);
            m_options.progress->message(QStringLiteral("  %1").arg(step.label));
        }
        if (auto h = haltBefore(plan, step))
            return std::unexpected(stopStepwise(plan, done, i, 0, *h, report, attempt));
        int executed = 0;
        if (auto st = executeBatches(step.batches, &executed); !st) {
            if (auto broken = brokenByStep(step))
                return std::unexpected(stopStepwise(plan, done, i, executed, *broken, report, attempt));
            const Halt h{QStringLiteral("%1 %2 failed at %3: %4").arg(verb(plan), m.id, step.label, st.error().toString()), st.error(),
                         Error::Category::Database};
            return std::unexpected(stopStepwise(plan, done, i, executed, h, report, attempt));
        }
        done << i;
    }
    if (auto st = finish(plan, attempt.timer.elapsed()); !st) {
        const QString msg = QStringLiteral("%1 ran completely but could not be recorded: %2. Record it by hand or roll it back by hand")
                                .arg(m.id, st.error().toString());
        audit(plan, attempt, msg);
        return fail(Error::Category::Database, msg, m.sourcePath);
    }
    audit(plan, attempt, QString());
    return {};
}

Error PlanExecutor::stopStepwise(const MigrationPlan &plan, const QList<qsizetype> &done, qsizetype at, int executed, const Halt &halt,
                                 const RunReport &report, const Attempt &attempt)
{
    const Migration &m = *plan.migration;
    const QString why = m_connection.dialect() == Dialect::MySQL ? QStringLiteral("MySQL/MariaDB commit each DDL statement at once")
                                                                  : QStringLiteral("%1 is non-transactional").arg(m.id);
    QString msg = halt.head + u'.';
    QStringList undone;
    QStringList left;   // steps still in effect
    bool stuck = executed > 0;
    if (stuck)
        msg += QStringLiteral(" %1 of its statements had already run and stay in effect (%2).").arg(executed).arg(why);
    for (qsizetype k = done.size() - 1; k >= 0; --k) {
        const MigrationStep &d = plan.steps.at(done.at(k));
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
        msg += QStringLiteral(" The database is as it was before, and %1 is %2.").arg(m.id, pendingWord(plan));
    else
        msg += QStringLiteral(" THE DATABASE IS PART-WAY: still in effect from %1: %2%3; %4 records %1 as %5. Undo or finish these by hand, "
                              "then run covet again.")
                   .arg(m.id, left.isEmpty() ? QStringLiteral("nothing else") : left.join(QStringLiteral("; ")),
                        executed > 0 ? QStringLiteral("; and part of ") + plan.steps.at(at).label : QString(), MigrationHistory::tableName(),
                        plan.forward ? QStringLiteral("not applied") : QStringLiteral("applied"));
    if (halt.category != Error::Category::Database || !report.done.isEmpty())
        msg += soFar(plan.forward, report);
    audit(plan, attempt, msg);
    return Error(stuck ? Error::Category::Database : halt.category, msg, m.sourcePath).withStatement(halt.cause.statement());
}

Status PlanExecutor::dryExecute(const QList<MigrationPlan> &plans, RunReport &report)
{
    const Dialect d = m_connection.dialect();
    if (d == Dialect::MySQL) {
        report.warnings << QStringLiteral("MySQL/MariaDB commit DDL at once, so a dry run cannot execute the SQL; it was only printed");
        return {};
    }
    bool fkOff = false;
    for (const MigrationPlan &p : plans)
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
    for (const MigrationPlan &p : plans) {
        if (!p.migration->transactional) {
            report.warnings << QStringLiteral("%1 is non-transactional: the dry run did not execute it or anything after it").arg(p.migration->id);
            break;
        }
        for (const MigrationStep &s : p.steps) {
            for (const MigrationPrecondition &c : s.preconditions) {
                if (c.enforcedByStep)
                    continue;
                auto rows = c.violations(m_sql, false);
                if (rows && **rows == 0)
                    continue;
                restore();
                return std::unexpected(rows ? Error(Error::Category::Conflict, QStringLiteral("dry run: %1. Nothing was changed").arg(c.failure(**rows)),
                                                    p.migration->sourcePath)
                                            : rows.error());
            }
            for (const SqlBatch &b : s.batches)
                for (const QString &st : b.statements)
                    if (auto r = m_sql.exec(st); !r) {
                        if (auto h = brokenByStep(s)) {
                            restore();
                            return std::unexpected(
                                Error(Error::Category::Conflict, QStringLiteral("dry run: %1. Nothing was changed").arg(h->head), p.migration->sourcePath));
                        }
                        restore();
                        return std::unexpected(
                            Error(Error::Category::Database,
                                  QStringLiteral("dry run: %1 would fail at %2: %3. Nothing was changed").arg(p.migration->id, s.label, r.error().toString()),
                                  p.migration->sourcePath)
                                .withStatement(r.error().statement()));
                    }
        }
    }
    restore();
    report.executedDryRun = true;
    return {};
}

} // namespace covet
