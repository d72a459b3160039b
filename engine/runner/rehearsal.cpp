#include "rehearsal.h"

#include "../db/migrationlock.h"
#include "../sources/scratchdatabase.h"
#include "../sql/sqlgenerator.h"
#include "planexecutor.h"
#include "runplan.h"
#include "runverifier.h"

#include <QJsonArray>
#include <QSet>

namespace covet {

const RehearsedMigration *RehearsalReport::firstFailure() const
{
    for (const RehearsedMigration &m : migrations)
        if (!m.ok())
            return &m;
    return nullptr;
}

QString RehearsalReport::toText() const
{
    QString text = rollback ? QStringLiteral("Rehearsal of the rollback (roll back, apply again, roll back again) %1:\n").arg(where)
                            : QStringLiteral("Rehearsal (apply, roll back, apply again) %1:\n").arg(where);
    // The history rows the real run changes besides the migration's own.
    auto history = [](const RehearsedMigration &m) {
        QString out;
        for (const QString &id : m.alsoRecords)
            out += QStringLiteral("        the real run records %1 as applied too: every migration it replaces is applied then\n").arg(id);
        if (!m.alsoRemoves.isEmpty())
            out += QStringLiteral("        the real run removes the history rows of %1 too\n").arg(m.alsoRemoves.join(QStringLiteral(", ")));
        return out;
    };
    for (const RehearsedMigration &m : migrations) {
        if (m.ok()) {
            text += rollback ? QStringLiteral("  ok    %1: rolled back, applied again to the schema it had, rolled back again\n").arg(m.id)
                             : QStringLiteral("  ok    %1: applied, rolled back to the schema before it, applied again\n").arg(m.id);
            text += history(m);
            continue;
        }
        QString why;
        if (!rollback)
            why = m.failedPhase == RehearsedMigration::Rollback ? QStringLiteral("its down part does not restore what its up part changed")
                : m.failedPhase == RehearsedMigration::ApplyAgain ? QStringLiteral("applied again after its rollback, it does not give the same schema")
                                                   : QStringLiteral("applying it does not give the schema its file describes");
        else
            why = m.failedPhase == RehearsedMigration::ReApply ? QStringLiteral("applied again after its rollback, it does not give back the schema it had")
                : m.failedPhase == RehearsedMigration::RollbackAgain ? QStringLiteral("rolled back a second time, it does not give the same schema")
                                                      : QStringLiteral("rolling it back does not give the schema before it");
        text += QStringLiteral("  FAIL  %1: %2\n").arg(m.id, why);
        if (!m.error.isEmpty())
            text += QStringLiteral("        %1\n").arg(m.error);
        for (const QString &d : m.differences)
            text += QStringLiteral("        - %1\n").arg(d);
    }
    if (!notYet.isEmpty())
        text += QStringLiteral("  not rehearsed: %1\n").arg(notYet.join(QStringLiteral(", ")));
    for (const QString &n : notes)
        text += QStringLiteral("  note: %1\n").arg(n);
    if (nothingRuns() && !recordOnly.isEmpty())
        text += QStringLiteral("No statement runs. Nothing was changed.\n");
    else if (nothingRuns())
        text += rollback ? QStringLiteral("  nothing to roll back\n") : QStringLiteral("  nothing is pending\n");
    else if (ok())
        text += rollback ? QStringLiteral("Every migration rolls back and applies again to where it started. Nothing was changed.\n")
                         : QStringLiteral("Every pending migration rolls back to where it started. Nothing was changed.\n");
    else
        text += QStringLiteral("Nothing was changed.\n");
    return text;
}

QJsonObject RehearsalReport::toJson() const
{
    QJsonArray list;
    for (const RehearsedMigration &m : migrations)
        list.append(QJsonObject{{QStringLiteral("id"), m.id},
                                {QStringLiteral("ok"), m.ok()},
                                {QStringLiteral("failed_phase"), m.failedPhase.isEmpty() ? QJsonValue() : QJsonValue(m.failedPhase)},
                                {QStringLiteral("error"), m.error.isEmpty() ? QJsonValue() : QJsonValue(m.error)},
                                {QStringLiteral("differences"), QJsonArray::fromStringList(m.differences)},
                                {QStringLiteral("steps"), QJsonArray::fromStringList(m.steps)},
                                {QStringLiteral("also_records"), QJsonArray::fromStringList(m.alsoRecords)},
                                {QStringLiteral("also_removes"), QJsonArray::fromStringList(m.alsoRemoves)}});
    const RehearsedMigration *f = firstFailure();
    return QJsonObject{{QStringLiteral("ok"), ok()},
                       {QStringLiteral("direction"), rollback ? QStringLiteral("rollback") : QStringLiteral("forward")},
                       {QStringLiteral("where"), where},
                       {QStringLiteral("scratch"), onScratch},
                       {QStringLiteral("migrations"), list},
                       {QStringLiteral("first_failure"), f ? QJsonValue(f->id) : QJsonValue()},
                       {QStringLiteral("not_rehearsed"), QJsonArray::fromStringList(notYet)},
                       {QStringLiteral("record_only"), QJsonArray::fromStringList(recordOnly)},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

namespace {

// Runs a plan's statements; the first error, with the step it belongs to.
Status execute(SqlExecutor &sql, const MigrationPlan &plan)
{
    for (const MigrationStep &s : plan.steps)
        for (const SqlBatch &b : s.batches)
            for (const QString &st : b.statements)
                if (auto r = sql.exec(st); !r)
                    return fail(r.error().category(), QStringLiteral("%1 failed: %2").arg(s.label, r.error().message()), plan.migration->sourcePath);
    return {};
}

// Lines of `now` that were not there already.
QStringList newLines(const QStringList &now, const QStringList &already)
{
    const QSet<QString> old(already.cbegin(), already.cend());
    QStringList out;
    for (const QString &l : now)
        if (!old.contains(l))
            out << l;
    return out;
}

} // namespace

Result<RehearsalReport> Rehearsal::run(const RunPlan &forward, MigrationPlanner &planner)
{
    RehearsalReport report;
    report.rollback = !forward.forward;
    QList<MigrationPlan> up;
    QList<MigrationPlan> down;
    for (qsizetype at = 0; at < forward.plans.size(); ++at) {
        const MigrationPlan &p = forward.plans.at(at);
        if (p.resume != MigrationPlan::Resume::None)
            return fail(Error::Category::Conflict,
                        QStringLiteral("%1 is part-way (a stepwise run stopped in it): finish or undo it first (`covet migrate --resume` or "
                                       "`covet rollback --resume`), then rehearse")
                            .arg(p.migration->id));
        if (p.recordOnly) {   // a squashed migration only recorded: nothing runs, nothing to rehearse
            report.recordOnly << p.migration->id;
            report.notes << QStringLiteral("%1 is only recorded as applied by the real run (every migration it replaces is applied): "
                                           "no statement of it runs, so there is nothing to rehearse")
                                .arg(p.migration->id);
            continue;
        }
        auto back = planner.plan(*p.migration, !forward.forward);
        if (!back) {
            // Irreversible: the rehearsal stops here and says why.
            report.notes << (forward.forward ? QStringLiteral("%1 cannot be rolled back: %2") : QStringLiteral("%1 cannot be applied again: %2"))
                                .arg(p.migration->id, back.error().message());
            for (qsizetype i = at; i < forward.plans.size(); ++i)
                report.notYet << forward.plans.at(i).migration->id;
            break;
        }
        up << p;
        down << *back;
    }

    if (up.isEmpty() && report.notYet.isEmpty() && !report.recordOnly.isEmpty()) {
        report.where = QStringLiteral("with nothing to run");
        return report;
    }
    bool nonTransactional = false;
    for (const MigrationPlan &p : up)
        nonTransactional = nonTransactional || !p.migration->transactional;
    const bool scratch = !m_caps.transactionalDdl || (nonTransactional && !m_devUrl.isEmpty());
    if (!scratch)
        return runOn(m_target, up, down, true, report);

    if (m_devUrl.isEmpty())
        return fail(Error::Category::Unsupported,
                    QStringLiteral("%1 cannot roll back DDL, so Covet rehearses on a scratch database: pass --dev-url with a %1 server "
                                   "(or set dev_url in covet.yaml); Covet creates covet_dev_… there from this database's schema, "
                                   "rehearses, and drops it")
                        .arg(m_caps.productName()));
    auto current = RunVerifier(m_target).inspect();
    if (!current)
        return std::unexpected(current.error());
    auto db = ScratchDatabase::create(m_caps.dialect, m_devUrl, QStringLiteral("--dev-url"));
    if (!db)
        return std::unexpected(db.error().withContext(QStringLiteral("rehearsal")));
    Result<RehearsalReport> result;
    {   // the scratch connection's users end before the drop
        SqlExecutor sql((*db)->connection().database(), m_caps.dialect);
        for (const QString &st : SqlGenerator::create(m_caps.dialect)->schemaStatements(*current))
            if (auto r = sql.exec(st); !r)
                return fail(r.error().category(), QStringLiteral("copying this database's schema to the scratch database %1 failed: %2")
                                                      .arg((*db)->name(), r.error().message()));
        report.onScratch = true;
        report.notes << QStringLiteral("the scratch database holds this database's schema but no rows: statements that depend on the "
                                       "data are rehearsed on empty tables");
        if (!m_caps.transactionalDdl)
            report.notes << QStringLiteral("%1 cannot roll back DDL, so the rehearsal ran on a scratch database").arg(m_caps.productName());
        else
            report.notes << QStringLiteral("a non-transactional migration cannot run inside the rehearsal's transaction, so it ran on a "
                                           "scratch database");
        result = runOn(sql, up, down, false, report);
    }
    if (result)
        result->where = QStringLiteral("on the scratch database %1 (dropped afterwards)").arg((*db)->name());
    if (auto dropped = (*db)->drop(); !dropped && result)
        result->notes << dropped.error().message();
    return result;
}

Result<RehearsalReport> Rehearsal::runOn(SqlExecutor &sql, const QList<MigrationPlan> &up, const QList<MigrationPlan> &down, bool transaction,
                                         RehearsalReport report)
{
    const Dialect d = m_caps.dialect;
    report.where = QStringLiteral("in a transaction rolled back at the end");
    // The three phases: the plan's direction, the other one, the plan's again.
    const QString first = report.rollback ? RehearsedMigration::Rollback : RehearsedMigration::Apply;
    const QString second = report.rollback ? RehearsedMigration::ReApply : RehearsedMigration::Rollback;
    const QString third = report.rollback ? RehearsedMigration::RollbackAgain : RehearsedMigration::ApplyAgain;
    bool fkOff = false;
    for (const MigrationPlan &p : up + down)
        fkOff = fkOff || (d == Dialect::SQLite && p.anyForeignKeysOff());
    const QString remembered = fkOff ? PlanExecutor::sqliteForeignKeysOff(sql) : QString();
    auto finish = [&] {
        if (transaction)
            (void)sql.exec(QStringLiteral("ROLLBACK"));
        if (fkOff)
            (void)sql.exec(QStringLiteral("PRAGMA foreign_keys=%1").arg(remembered.toInt()));
    };
    if (transaction)
        if (auto r = sql.exec(MigrationLock::beginStatement(d)); !r) {
            finish();
            return std::unexpected(r.error().withContext(QStringLiteral("starting the rehearsal's transaction")));
        }
    RunVerifier verifier(sql);
    auto start = verifier.inspect();
    if (!start) {
        finish();
        return std::unexpected(start.error());
    }
    Schema before = *start;
    for (qsizetype i = 0; i < up.size(); ++i) {
        const MigrationPlan &p = up.at(i);
        const QString id = p.migration->id;
        if (transaction && !p.migration->transactional) {
            report.notes << QStringLiteral("%1 is non-transactional (`transactional: false`): it cannot run inside the rehearsal's transaction; "
                                           "pass --dev-url to rehearse it on a scratch database")
                                .arg(id);
            for (qsizetype k = i; k < up.size(); ++k)
                report.notYet << up.at(k).migration->id;
            break;
        }
        if (m_progress) {
            if (m_progress->cancelled()) {
                finish();
                return fail(Error::Category::Cancelled, QStringLiteral("the rehearsal was cancelled; nothing was changed"));
            }
            m_progress->stepStarted(QStringLiteral("migration"), int(i), int(up.size()), id);
        }
        RehearsedMigration result;
        result.id = id;
        for (const MigrationStep &s : p.steps)
            result.steps << s.label;
        for (const Migration *m : p.alsoRecord)
            result.alsoRecords << m->id;
        result.alsoRemoves = p.alsoRemove;
        auto stop = [&](const QString &phase, const QString &error, const QStringList &diff) {
            result.failedPhase = phase;
            result.error = error;
            result.differences = diff;
            report.migrations << result;
            for (qsizetype k = i + 1; k < up.size(); ++k)
                report.notYet << up.at(k).migration->id;
        };
        // 1. apply, compared with the replayed schema after it (when the
        // history could be replayed): the rollback plan starts from it.
        if (auto st = execute(sql, p); !st) {
            stop(first, st.error().message(), {});
            break;
        }
        auto applied = verifier.inspect();
        if (!applied) {
            finish();
            return std::unexpected(applied.error());
        }
        const MigrationPlan &back = down.at(i);
        const std::shared_ptr<const Schema> expectedAfter = back.steps.isEmpty() ? nullptr : back.steps.first().before;
        const std::shared_ptr<const Schema> expectedBefore = p.steps.isEmpty() ? nullptr : p.steps.first().before;
        // Raw SQL is not replayed into the schema (run_sql, SQL files): only
        // the rollback and re-apply checks hold such a migration.
        bool raw = p.migration->isSql();
        for (const MigrationStep &s : p.steps)
            raw = raw || s.rawSql;
        if (expectedAfter && expectedBefore && !raw) {
            const QStringList drift = RunVerifier::differences(before, *expectedBefore);
            const QStringList diff = newLines(RunVerifier::differences(*applied, *expectedAfter), drift);
            if (!diff.isEmpty()) {
                stop(first, {}, diff);
                break;
            }
        }
        // 2. roll back: exactly the schema before the apply.
        if (auto st = execute(sql, back); !st) {
            stop(second, st.error().message(), {});
            break;
        }
        auto rolledBack = verifier.inspect();
        if (!rolledBack) {
            finish();
            return std::unexpected(rolledBack.error());
        }
        if (const QStringList diff = RunVerifier::differences(*rolledBack, before); !diff.isEmpty()) {
            stop(second, {}, diff);
            break;
        }
        // 3. apply again: the same schema as the first time.
        if (auto st = execute(sql, p); !st) {
            stop(third, st.error().message(), {});
            break;
        }
        auto again = verifier.inspect();
        if (!again) {
            finish();
            return std::unexpected(again.error());
        }
        if (const QStringList diff = RunVerifier::differences(*again, *applied); !diff.isEmpty()) {
            stop(third, {}, diff);
            break;
        }
        report.migrations << result;
        before = *again;
    }
    finish();
    return report;
}

} // namespace covet
