#include "planexecutor.h"

#include "../core/numbertext.h"
#include "../audit/auditrecorder.h"
#include "../migrations/datatags.h"
#include "../core/localuser.h"
#include "../db/migrationlock.h"
#include "../migrations/migrationhistory.h"
#include "../migrations/partialmigrations.h"
#include "../safety/backuprestorer.h"
#include "../audit/auditstatus.h"
#include "runaudit.h"
#include "runverifier.h"

#include <QRegularExpression>
#include <QSet>

namespace covet {

namespace {

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

PlanExecutor::PlanExecutor(Connection &connection, SqlExecutor &sql, const RunOptions &options, const DialectCapabilities &caps,
                           RunAudit &audit, const RiskReport *risk)
    : m_connection(connection), m_sql(sql), m_options(options), m_caps(caps), m_risk(risk), m_runAudit(audit)
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

QString PlanExecutor::sqliteForeignKeysOff(SqlExecutor &sql)
{
    auto fk = sql.rows(QStringLiteral("PRAGMA foreign_keys"));
    const QString remembered = (fk && !fk->isEmpty()) ? fk->first().value(0).toString() : QStringLiteral("1");
    (void)sql.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    return remembered;
}

QStringList PlanExecutor::touchedTables(const QList<MigrationPlan> &plans)
{
    static const QRegularExpression word(QStringLiteral(R"([A-Za-z_][A-Za-z0-9_$]*)"));
    QSet<QString> seen;
    QStringList out;
    auto add = [&](const QString &name) {
        if (!seen.contains(name.toLower())) {
            seen.insert(name.toLower());
            out << name;
        }
    };
    for (const MigrationPlan &p : plans) {
        for (const MigrationStep &s : p.steps) {
            for (const QString &t : s.tables)
                add(t);
            if (!s.rawSql)
                continue;
            // Raw SQL may change any table it names: every word counts.
            for (const SqlBatch &b : s.batches)
                for (const QString &st : b.statements)
                    for (auto it = word.globalMatch(st); it.hasNext();)
                        add(it.next().captured(0));
        }
    }
    return out;
}

bool PlanExecutor::stepwise(const MigrationPlan &plan) const
{
    return !m_options.fake && stepwise(m_caps, plan);
}

int PlanExecutor::recordedDone(const MigrationPlan &plan, int doneInPlan)
{
    switch (plan.resume) {
    case MigrationPlan::Resume::None: return doneInPlan;
    case MigrationPlan::Resume::Finish: return plan.stepsBefore + doneInPlan;
    case MigrationPlan::Resume::Revert: return plan.stepsBefore - doneInPlan;
    }
    return doneInPlan;
}

QString PlanExecutor::recordedDirection(const MigrationPlan &plan)
{
    if (plan.resume != MigrationPlan::Resume::None)
        return plan.recordedDirection;
    return plan.forward ? QStringLiteral("apply") : QStringLiteral("rollback");
}

Status PlanExecutor::run(const MigrationPlan &plan, RunReport &report)
{
    if (m_options.progress)
        m_options.progress->message(QStringLiteral("%1 %2").arg(m_options.fake ? QStringLiteral("recording as applied (fake)")
                                                                : plan.recordOnly ? QStringLiteral("recording as applied (its originals are)")
                                                                : plan.resume == MigrationPlan::Resume::Finish ? QStringLiteral("finishing")
                                                                : plan.resume == MigrationPlan::Resume::Revert ? QStringLiteral("undoing what is in effect of")
                                                                : plan.forward                                 ? QStringLiteral("applying")
                                                                                                               : QStringLiteral("rolling back"),
                                                                plan.migration->id));
    if (!stepwise(plan)) {
        bool skipped = false;
        if (auto st = runTransactional(plan, report, skipped); !st)
            return st;
        (skipped ? report.skipped : report.done) << plan.migration->id;
        if (skipped)
            return {};
        if (plan.recordOnly)
            report.recorded << plan.migration->id;
    } else {
        if (auto st = runStepwise(plan, report); !st)
            return st;
        report.done << plan.migration->id;
    }
    for (const Migration *m : plan.alsoRecord)
        report.recorded << m->id;
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
            const QString remembered = sqliteForeignKeysOff(m_sql);
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
    if (plan.resume == MigrationPlan::Resume::Revert)
        return {};   // back where the history already says it is
    if (plan.forward) {
        // The squashed migrations it completes are recorded with it (MigrationPlan::alsoRecord).
        for (const Migration *m : QList<const Migration *>{plan.migration} + plan.alsoRecord)
            if (auto st = MigrationHistory::record(m_sql, AppliedMigration{m->id, m->checksum, MigrationHistory::nowUtc(),
                                                                           MigrationHistory::currentUser(), m == plan.migration ? ms : 0});
                !st)
                return st;
        return {};
    }
    return MigrationHistory::remove(m_sql, QStringList{plan.migration->id} + plan.alsoRemove);
}

void PlanExecutor::audit(const MigrationPlan &plan, const Attempt &attempt, const QString &error, Error::Category category, qint64 backupId)
{
    if (auto st = writeAudit(plan, attempt, error, category, backupId); !st && m_options.progress)
        m_options.progress->message(QStringLiteral("warning: could not write the audit row: %1").arg(st.error().toString()));
}

Status PlanExecutor::writeAudit(const MigrationPlan &plan, const Attempt &attempt, const QString &error, Error::Category category, qint64 backupId)
{
    if (!m_options.settings.audit)
        return {};
    AuditEntry e = m_runAudit.entry(plan.migration->id, plan.forward,
                                    error.isEmpty()                             ? AuditStatus::Success
                                    : category == Error::Category::Cancelled    ? AuditStatus::Cancelled
                                                                                : AuditStatus::Failure);
    e.startedAt = attempt.started;
    e.durationMs = attempt.timer.elapsed();
    e.sql = m_options.fake ? QStringLiteral("-- faked: recorded without running\n") + plan.script() : plan.script();
    e.error = error;
    e.checksum = plan.migration->checksum;
    e.backupId = backupId;
    // What it changed, the data tags those objects carry now, and who wrote it.
    const QList<TouchedObject> objects = TouchedObject::of(plan);
    e.objects = TouchedObject::encode(objects);
    e.dataTags = m_options.settings.dataTags.tagsOf(objects).join(u'\n');
    e.author = plan.migration->author;
    // What the safety analysis found, and what the person accepted.
    QStringList acknowledged;
    if (m_risk) {
        e.riskLevel = riskLevelName(m_risk->levelOf(plan.migration->id));
        for (const DataAtStake &s : stakesOf(plan))
            e.rowsAtRisk += s.rows;
        for (const RiskFinding &f : m_risk->findingsOf(plan.migration->id))
            if (f.acknowledged && !acknowledged.contains(f.rule))
                acknowledged << f.rule;
    }
    if (m_options.acceptRisk)
        acknowledged.prepend(QStringLiteral("accept-risk"));
    if (m_options.confirmDataLoss && e.rowsAtRisk > 0)
        acknowledged.prepend(QStringLiteral("confirmed-data-loss"));
    e.acknowledged = acknowledged.join(u',');
    QList<AuditEntry> entries{e};
    // A squashed migration recorded with it gets its own row (in the chain).
    for (const Migration *squashed : error.isEmpty() && plan.forward ? plan.alsoRecord : QList<const Migration *>()) {
        AuditEntry r = m_runAudit.entry(squashed->id, true, AuditStatus::Success);
        r.startedAt = attempt.started;
        r.sql = QStringLiteral("-- recorded as applied: every migration it replaces (%1) is applied\n").arg(squashed->replaces.join(QStringLiteral(", ")));
        r.checksum = squashed->checksum;
        r.author = squashed->author;
        entries << r;
    }
    for (const AuditEntry &row : std::as_const(entries))
        if (auto st = m_runAudit.record(row); !st)
            return st;
    return {};
}

QList<DataAtStake> PlanExecutor::stakesOf(const MigrationPlan &plan) const
{
    QList<DataAtStake> out;
    if (!m_risk)
        return out;
    for (const DataAtStake &s : m_risk->stakes)
        if (s.migrationId == plan.migration->id)
            out << s;
    return out;
}

Result<std::optional<BackupRecord>> PlanExecutor::backup(const MigrationPlan &plan)
{
    if (m_options.fake || !m_options.settings.backupBeforeDataLoss)
        return std::optional<BackupRecord>();
    const QList<DataAtStake> stakes = stakesOf(plan);
    if (stakes.isEmpty())
        return std::optional<BackupRecord>();
    BackupContext context{{plan.migration->id}, plan.forward ? QStringLiteral("apply") : QStringLiteral("rollback"), LocalUser::atHost(),
                          m_runAudit.databaseUser(), m_options.settings.environment};
    if (m_options.progress)
        m_options.progress->message(QStringLiteral("  backing up what %1 destroys").arg(plan.migration->id));
    auto taken = BackupStore(m_sql, m_caps).take(stakes, context, nullptr);
    if (!taken)
        return std::unexpected(taken.error());
    return taken;
}

QStringList PlanExecutor::restoreStep(const BackupRecord &backup, int step, RunReport &report)
{
    Q_UNUSED(report);
    QList<int> items;
    for (const BackupItem &i : backup.items)
        if (i.step == step)
            items << i.item;
    if (items.isEmpty())
        return {};
    BackupStore store(m_sql, m_caps);
    auto check = BackupRestorer(store).restoreInPlace(backup, items);
    if (!check)
        return {check.error().toString()};
    QStringList lost;
    for (const BackupCheck::Item &c : check->items) {
        if (!c.ok)
            lost << QStringLiteral("%1: %2").arg(c.source, c.detail);
        else if (m_options.progress)
            m_options.progress->message(QStringLiteral("  put back from backup %1: %2: %3").arg(backup.id).arg(c.source, c.detail));
    }
    return lost;
}

Status PlanExecutor::runTransactional(const MigrationPlan &plan, RunReport &report, bool &skipped)
{
    const Migration &m = *plan.migration;
    const bool sqlite = m_connection.dialect() == Dialect::SQLite;
    const bool fkOff = sqlite && !m_options.fake && plan.anyForeignKeysOff();
    const QString remembered = fkOff ? sqliteForeignKeysOff(m_sql) : QString();
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
    // A squashed migration rolled back in place of its originals may have
    // only their rows (MigrationPlan::alsoRemove).
    auto has = MigrationHistory::containsAny(m_sql, QStringList{m.id} + (plan.forward ? QStringList() : plan.alsoRemove));
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
        audit(plan, attempt, msg, h.category);
        return std::unexpected(Error(h.category, msg, m.sourcePath).withStatement(h.cause.statement()));
    };
    auto failWith = [&](const QString &where, const Error &e) {
        return stop(Halt{QStringLiteral("%1 %2 failed at %3: %4").arg(verb(plan), m.id, where, e.toString()), e, Error::Category::Database});
    };
    // What the migration destroys is kept first, in its transaction.
    auto kept = backup(plan);
    if (!kept)
        return failWith(QStringLiteral("the backup of what it destroys"), kept.error());
    if (!m_options.fake) {
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            const MigrationStep &s = plan.steps.at(i);
            if (m_options.progress)
                m_options.progress->stepStarted(m.id, int(i), int(plan.steps.size()), s.label);
            if (m_options.aborted())
                return stop(Halt{QStringLiteral("stopped at once during %1, before %2").arg(m.id, s.label), Error(), Error::Category::Cancelled});
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
    // In the migration's transaction: a row that cannot be written fails
    // the migration (on PostgreSQL the failed statement has already
    // aborted the transaction, and COMMIT would roll it back in silence).
    if (auto st = writeAudit(plan, attempt, QString(), Error::Category::Database, *kept ? (*kept)->id : 0); !st)
        return failWith(QStringLiteral("writing its row in %1").arg(AuditRecorder::tableName()), st.error());
    if (auto r = m_sql.exec(QStringLiteral("COMMIT")); !r)
        return failWith(QStringLiteral("COMMIT"), r.error());
    restore();
    if (*kept)
        report.backups << **kept;
    return {};
}

Status PlanExecutor::runStepwise(const MigrationPlan &plan, RunReport &report)
{
    const Migration &m = *plan.migration;
    // Kept before anything changes: MySQL commits each DDL statement.
    auto kept = backup(plan);
    if (!kept)
        return std::unexpected(kept.error().withContext(
            QStringLiteral("%1: backing up what it destroys failed, so nothing of it was run; it is %2").arg(m.id, pendingWord(plan))));
    if (*kept)
        report.backups << **kept;
    // What an undo must give back: the schema and the touched tables' rows.
    std::optional<DatabaseSnapshot> snapshot;
    if (auto snap = RunVerifier(m_sql).captureOnly(touchedTables({plan})); snap)
        snapshot = std::move(*snap);
    else if (m_options.progress)
        m_options.progress->message(QStringLiteral("warning: could not read %1's tables before it ran: %2").arg(m.id, snap.error().toString()));
    // Undoing a part-way migration: the backup its run took.
    std::optional<BackupRecord> original;
    if (plan.resume == MigrationPlan::Resume::Revert) {
        auto all = BackupStore(m_sql, m_caps).list();
        if (all)
            for (const BackupRecord &b : *all)
                if (b.status == u"kept" && b.migrations == QStringList{m.id}
                    && b.direction == (plan.recordedDirection == u"rollback" ? QStringLiteral("rollback") : QStringLiteral("apply")))
                    original = b;   // the latest wins
    }
    const Attempt attempt;
    if (plan.resume == MigrationPlan::Resume::None) {
        if (auto st = PartialMigrations::begin(m_sql, m.id, recordedDirection(plan), int(plan.steps.size()), LocalUser::atHost()); !st)
            return std::unexpected(st.error().withContext(QStringLiteral("%1: nothing of it was run").arg(m.id)));
    }
    QList<qsizetype> done;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const MigrationStep &step = plan.steps.at(i);
        if (m_options.progress) {
            m_options.progress->stepStarted(m.id, int(i), int(plan.steps.size()), step.label);
            m_options.progress->message(QStringLiteral("  %1").arg(step.label));
        }
        if (m_options.aborted())
            return std::unexpected(abortStepwise(plan, recordedDone(plan, int(done.size())), QStringLiteral("before ") + step.label, report, attempt));
        if (auto h = haltBefore(plan, step))
            return std::unexpected(stopStepwise(plan, done, i, 0, *h, report, attempt, *kept, snapshot));
        (void)PartialMigrations::stepStarting(m_sql, m.id, step.label);
        int executed = 0;
        if (auto st = executeBatches(step.batches, &executed); !st) {
            if (auto broken = brokenByStep(step)) {
                if (executed == 0)
                    (void)PartialMigrations::stepDone(m_sql, m.id, recordedDone(plan, int(done.size())));
                return std::unexpected(stopStepwise(plan, done, i, executed, *broken, report, attempt, *kept, snapshot));
            }
            const Halt h{QStringLiteral("%1 %2 failed at %3: %4").arg(verb(plan), m.id, step.label, st.error().toString()), st.error(),
                         Error::Category::Database};
            if (executed == 0)
                (void)PartialMigrations::stepDone(m_sql, m.id, recordedDone(plan, int(done.size())));
            return std::unexpected(stopStepwise(plan, done, i, executed, h, report, attempt, *kept, snapshot));
        }
        done << i;
        (void)PartialMigrations::stepDone(m_sql, m.id, recordedDone(plan, int(done.size())));
        // Undoing a part-way migration: what the undone step had destroyed
        // comes back from the backup taken when it ran.
        if (plan.resume == MigrationPlan::Resume::Revert && original) {
            const QStringList lost = restoreStep(*original, plan.stepsBefore - 1 - int(i), report);
            if (!lost.isEmpty()) {
                const QString msg = QStringLiteral("%1: undoing %2 worked, but what it had destroyed could not be put back from backup %3: %4. "
                                                   "%5 records which steps are still in effect")
                                        .arg(m.id, step.label).arg(original->id).arg(lost.join(QStringLiteral("; ")), PartialMigrations::tableName());
                audit(plan, attempt, msg);
                return fail(Error::Category::Database, msg, m.sourcePath);
            }
        }
    }
    // The history row, the end of the part-way record and the audit's
    // success row in one transaction: a server lost between the first two
    // left the migration recorded as applied and as part-way at once (found
    // by tst_cliserverstop); a kill -9 just after a COMMIT that came before
    // the audit row left a rollback in effect that the audit did not claim
    // (found by tst_clisquashfaults). A failed COMMIT takes the success row
    // with it, and the failure is audited below.
    auto settle = [&]() -> Status {
        if (auto r = m_sql.exec(MigrationLock::beginStatement(m_sql.dialect())); !r)
            return std::unexpected(r.error());
        Status st = finish(plan, attempt.timer.elapsed());
        if (st)
            st = PartialMigrations::clear(m_sql, m.id);
        if (!st) {
            (void)m_sql.exec(QStringLiteral("ROLLBACK"));
            return st;
        }
        if (st = writeAudit(plan, attempt, QString(), Error::Category::Database, *kept ? (*kept)->id : 0); !st) {
            (void)m_sql.exec(QStringLiteral("ROLLBACK"));
            return std::unexpected(st.error().withContext(QStringLiteral("writing its row in %1").arg(AuditRecorder::tableName())));
        }
        if (auto r = m_sql.exec(QStringLiteral("COMMIT")); !r)
            return std::unexpected(r.error());
        return {};
    };
    if (auto st = settle(); !st) {
        const QString msg = QStringLiteral("%1 ran completely but could not be recorded: %2. %3 still records it as part-way with "
                                           "every step in effect: `covet migrate --resume` records it, `covet rollback --resume` undoes it")
                                .arg(m.id, st.error().toString(), PartialMigrations::tableName());
        audit(plan, attempt, msg);
        return fail(Error::Category::Database, msg, m.sourcePath);
    }
    return {};
}

Error PlanExecutor::abortStepwise(const MigrationPlan &plan, int inEffect, const QString &where, const RunReport &report, const Attempt &attempt)
{
    const Migration &m = *plan.migration;
    const int count = plan.resume == MigrationPlan::Resume::None ? int(plan.steps.size()) : plan.stepCount;
    QString msg = QStringLiteral("stopped at once during %1, %2 (a second interrupt): nothing was undone. ").arg(m.id, where);
    msg += inEffect == 0 ? QStringLiteral("None of its steps is in effect")
                         : QStringLiteral("%1 of its %2 steps %3 in effect").arg(inEffect).arg(count).arg(inEffect == 1 ? QStringLiteral("is") : QStringLiteral("are"));
    msg += QStringLiteral("; this is recorded in %1 and `covet status` shows it. `covet migrate --resume` finishes it, `covet rollback --resume` "
                          "undoes it.")
               .arg(PartialMigrations::tableName());
    msg += soFar(plan.forward, report);
    audit(plan, attempt, msg, Error::Category::Cancelled);
    return Error(Error::Category::Cancelled, msg, m.sourcePath);
}

Error PlanExecutor::stopStepwise(const MigrationPlan &plan, const QList<qsizetype> &done, qsizetype at, int executed, const Halt &halt,
                                 const RunReport &report, const Attempt &attempt, const std::optional<BackupRecord> &backup,
                                 const std::optional<DatabaseSnapshot> &snapshot)
{
    const Migration &m = *plan.migration;
    const QString why = !m_caps.transactionalDdl ? QStringLiteral("%1 commits each DDL statement at once").arg(m_caps.productName())
                                                 : QStringLiteral("%1 runs step by step").arg(m.id);
    QString msg = halt.head + u'.';
    QStringList undone;
    QStringList left;   // steps still in effect
    QStringList restored;
    QStringList notRestored;
    bool stuck = executed > 0;
    bool aborted = false;
    if (stuck)
        msg += QStringLiteral(" %1 of its statements had already run and stay in effect (%2).").arg(executed).arg(why);
    BackupStore store(m_sql, m_caps);
    BackupRestorer restorer(store);
    int inEffect = int(done.size());
    for (qsizetype k = done.size() - 1; k >= 0; --k) {
        const qsizetype stepIndex = done.at(k);
        const MigrationStep &d = plan.steps.at(stepIndex);
        if (stuck || aborted) {
            left.prepend(d.label);
            continue;
        }
        if (m_options.aborted()) {
            aborted = true;
            left.prepend(d.label);
            continue;
        }
        if (!d.undo) {
            stuck = true;
            left.prepend(d.label);
            msg += QStringLiteral(" %1 has no reverse, so it cannot be undone.").arg(d.label);
            continue;
        }
        (void)PartialMigrations::stepStarting(m_sql, m.id, QStringLiteral("undo of ") + d.label);
        if (auto u = executeBatches(*d.undo); !u) {
            stuck = true;
            left.prepend(d.label);
            msg += QStringLiteral(" Undoing %1 failed: %2.").arg(d.label, u.error().toString());
            (void)PartialMigrations::stepDone(m_sql, m.id, recordedDone(plan, inEffect));
            continue;
        }
        --inEffect;
        (void)PartialMigrations::stepDone(m_sql, m.id, recordedDone(plan, inEffect));
        undone.prepend(d.label);
        // Put back what the step destroyed.
        if (backup) {
            QList<int> items;
            for (const BackupItem &i : backup->items)
                if (i.migrationId == m.id && i.step == int(stepIndex))
                    items << i.item;
            if (!items.isEmpty()) {
                auto check = restorer.restoreInPlace(*backup, items);
                if (!check) {
                    notRestored << QStringLiteral("%1 (%2)").arg(d.label, check.error().toString());
                } else {
                    for (const BackupCheck::Item &c : check->items)
                        (c.ok ? restored : notRestored) << QStringLiteral("%1: %2").arg(c.source, c.detail);
                }
            }
        }
    }
    if (!undone.isEmpty())
        msg += QStringLiteral(" Because %1, Covet undid what had run with the reverses: %2.").arg(why, undone.join(QStringLiteral("; ")));
    if (!restored.isEmpty())
        msg += QStringLiteral(" It put back the data those steps had destroyed from backup %1: %2.").arg(backup->id).arg(restored.join(QStringLiteral("; ")));
    if (!notRestored.isEmpty())
        msg += QStringLiteral(" NOT RESTORED: %1%2.")
                   .arg(notRestored.join(QStringLiteral("; ")),
                        backup ? QStringLiteral(" (the saved values are in backup %1: `covet backup show %1`)").arg(backup->id) : QString());
    // Data a step destroyed without a backup to restore it from.
    if (!backup) {
        for (const DataAtStake &s : stakesOf(plan)) {
            if (s.step < 0 || s.step >= plan.steps.size() || !undone.contains(plan.steps.at(s.step).label))
                continue;
            const QString what = s.kind == DataAtStake::Kind::Table ? QStringLiteral("%1 rows of %2").arg(groupedNumber(s.rows), s.table)
                                                                    : QStringLiteral("%1 values of %2.%3").arg(groupedNumber(s.rows), s.table, s.columns.join(u','));
            notRestored << what;
            msg += QStringLiteral(" NOT RESTORED: %1, which %2 destroyed (no backup was taken: safety.backup_before_data_loss is off).")
                       .arg(what, plan.steps.at(s.step).label);
        }
    }
    bool verified = false;
    if (!stuck && !aborted && notRestored.isEmpty()) {
        if (!snapshot) {
            msg += QStringLiteral(" Covet could not read the tables before the migration, so it cannot verify that the database is as it "
                                  "was before; check it.");
        } else if (auto now = RunVerifier(m_sql).captureOnly(touchedTables({plan})); !now) {
            // Typically the connection is gone (killed, the server stopped): the
            // part-way record written before the step stays, so say where to look.
            msg += QStringLiteral(" Verifying the undo failed (%1). %2 was running and may or may not be in effect; %3 records %4 as "
                                  "part-way: `covet status` shows what is in effect, `covet migrate --resume` finishes it, "
                                  "`covet rollback --resume` undoes it.")
                       .arg(now.error().toString(), plan.steps.at(at).label, PartialMigrations::tableName(), m.id);
        } else {
            const QStringList diff = RunVerifier::differences(now->schema, snapshot->schema);
            const QStringList counts = RunVerifier::countChanges(*snapshot, *now);
            if (diff.isEmpty() && counts.isEmpty()) {
                verified = true;
                msg += QStringLiteral(" Verified: the schema is as it was before (inspected), the row counts of %1 are unchanged%2, and "
                                      "%3 is %4.")
                           .arg(snapshot->rows.isEmpty() ? QStringLiteral("the tables it touches") : QStringList(snapshot->rows.keys()).join(QStringLiteral(", ")),
                                restored.isEmpty() ? QString() : QStringLiteral(", the restored values match their checksums"), m.id,
                                pendingWord(plan));
            } else {
                msg += QStringLiteral(" BUT THE DATABASE IS NOT AS IT WAS BEFORE:%1%2.")
                           .arg(diff.isEmpty() ? QString() : QStringLiteral(" to get back, it would need: ") + diff.join(QStringLiteral("; ")),
                                counts.isEmpty() ? QString() : QStringLiteral(" row counts changed: ") + counts.join(QStringLiteral("; ")));
            }
        }
    }
    if (aborted) {
        msg += QStringLiteral(" The undo was stopped at once (a second interrupt): still in effect from %1: %2; this is recorded in %3, "
                              "`covet status` shows it, `covet migrate --resume` finishes it, `covet rollback --resume` undoes it.")
                   .arg(m.id, left.join(QStringLiteral("; ")), PartialMigrations::tableName());
    } else if (stuck) {
        msg += QStringLiteral(" THE DATABASE IS PART-WAY: still in effect from %1: %2%3; %4 records %1 as %5 and %6 records which steps are "
                              "in effect. Undo or finish these by hand, or with `covet migrate --resume` / `covet rollback --resume`.")
                   .arg(m.id, left.isEmpty() ? QStringLiteral("nothing else") : left.join(QStringLiteral("; ")),
                        executed > 0 ? QStringLiteral("; and part of ") + plan.steps.at(at).label : QString(), MigrationHistory::tableName(),
                        plan.forward ? QStringLiteral("not applied") : QStringLiteral("applied"), PartialMigrations::tableName());
    } else if (inEffect == 0 && plan.resume == MigrationPlan::Resume::None) {
        (void)PartialMigrations::clear(m_sql, m.id);
    }
    if (halt.category != Error::Category::Database || !report.done.isEmpty())
        msg += soFar(plan.forward, report);
    audit(plan, attempt, msg, aborted ? Error::Category::Cancelled : halt.category, backup ? backup->id : 0);
    const bool clean = !stuck && !aborted && notRestored.isEmpty() && verified;
    return Error(aborted ? Error::Category::Cancelled : clean ? halt.category : Error::Category::Database, msg, m.sourcePath)
        .withStatement(halt.cause.statement());
}

} // namespace covet
