#include "partialresume.h"

#include "../operations/operationapplier.h"
#include "../operations/operationreverser.h"
#include "runverifier.h"

#include <QSet>

namespace covet {

namespace {

// The schema with only `tables` (by name, any case) left in it.
Schema only(Schema s, const QStringList &tables)
{
    QSet<QString> keep;
    for (const QString &t : tables)
        keep.insert(t.toLower());
    s.tables.removeIf([&](const Table &t) { return !keep.contains(t.name.toLower()); });
    s.views.clear();
    s.enums.clear();
    s.namespaces.clear();
    return s;
}

// How many steps are in effect, judging the running one by the live schema.
Result<int> stepsInEffect(const MigrationPlan &full, const PartialMigration &p, SqlExecutor &live)
{
    if (p.runningStep.isEmpty())
        return p.stepsDone;
    if (p.stepsDone >= full.steps.size())
        return p.stepsDone;
    const MigrationStep &running = full.steps.at(p.stepsDone);
    if (running.rawSql || !running.before || running.tables.isEmpty())
        return fail(Error::Category::Conflict,
                    QStringLiteral("%1: %2 was running when Covet stopped, and Covet cannot tell from the schema whether raw SQL took "
                                   "effect. Check by hand, then record what you found (do not delete the row: the steps before it are in "
                                   "effect). If it took effect, or you finished it: UPDATE %3 SET steps_done = %4, running_step = '' WHERE "
                                   "id = '%1'. If it did not, or you undid it: UPDATE %3 SET running_step = '' WHERE id = '%1'. Then "
                                   "`covet migrate --resume` finishes the migration, or `covet rollback --resume` undoes it")
                        .arg(p.id, p.runningStep, PartialMigrations::tableName())
                        .arg(p.stepsDone + 1));
    Schema after = *running.before;
    for (const Operation &op : running.operations)
        if (auto st = OperationApplier::apply(after, op); !st)
            return std::unexpected(st.error());
    auto inspected = RunVerifier(live).inspect();
    if (!inspected)
        return std::unexpected(inspected.error());
    const Schema now = only(*inspected, running.tables);
    const QStringList toAfter = RunVerifier::differences(now, only(after, running.tables));
    if (toAfter.isEmpty())
        return p.stepsDone + 1;
    const QStringList toBefore = RunVerifier::differences(now, only(*running.before, running.tables));
    if (toBefore.isEmpty())
        return p.stepsDone;
    return fail(Error::Category::Conflict,
                QStringLiteral("%1: %2 was running when Covet stopped, and the tables it changes (%3) look neither as before it nor as "
                               "after it. To reach the state after it: %4. To reach the state before it: %5. Fix it by hand, then run "
                               "again")
                    .arg(p.id, p.runningStep, running.tables.join(QStringLiteral(", ")), toAfter.join(QStringLiteral("; ")),
                         toBefore.join(QStringLiteral("; "))));
}

QString stepCountChanged(const PartialMigration &p, qsizetype now)
{
    return QStringLiteral("%1 is part-way with %2 of %3 steps recorded, but its file now has %4 steps: restore the file as it was run")
        .arg(p.id)
        .arg(p.stepsDone)
        .arg(p.stepCount)
        .arg(now);
}

} // namespace

QString PartialResume::migrateResumeDoes(const PartialMigration &p)
{
    return p.direction == u"apply" ? QStringLiteral("finishes it") : QStringLiteral("re-applies what the rollback undid of it");
}

QString PartialResume::rollbackResumeDoes(const PartialMigration &p)
{
    return p.direction == u"apply" ? QStringLiteral("undoes what is in effect of it") : QStringLiteral("finishes rolling it back");
}

QString PartialResume::wayOut(const PartialMigration &p)
{
    return QStringLiteral("`covet migrate --resume` %1; `covet rollback --resume` %2").arg(migrateResumeDoes(p), rollbackResumeDoes(p));
}

const Migration *PartialResume::migrationOf(const MigrationGraph &graph, const QString &id)
{
    // An original rolled back in place of its squashed migration is left out of the graph's nodes.
    return graph.migration(id) ? graph.migration(id) : graph.leftOut(id);
}

Result<QList<PartialStep>> PartialResume::steps(MigrationPlanner &planner, const MigrationGraph &graph, const PartialMigration &p)
{
    const Migration *m = migrationOf(graph, p.id);
    if (!m)
        return fail(Error::Category::NotFound, QStringLiteral("%1 is part-way, but its file is missing: restore it to see its steps").arg(p.id));
    auto full = planner.plan(*m, p.direction != u"rollback");
    if (!full)
        return std::unexpected(full.error());
    if (full->steps.size() != p.stepCount)
        return fail(Error::Category::Conflict, stepCountChanged(p, full->steps.size()));
    QList<PartialStep> out;
    for (int k = 0; k < full->steps.size(); ++k) {
        PartialStep s;
        s.label = full->steps.at(k).label;
        s.effect = k < p.stepsDone                                   ? PartialStep::Effect::InEffect
                   : k == p.stepsDone && !p.runningStep.isEmpty() ? PartialStep::Effect::Uncertain
                                                                  : PartialStep::Effect::NotInEffect;
        out << s;
    }
    return out;
}

QString PartialResume::refusal(const PartialMigration &p)
{
    return QStringLiteral("%1 is part-way: %2. Nothing was run. %3").arg(p.id, p.describe(), wayOut(p));
}

Result<MigrationPlan> PartialResume::plan(MigrationPlanner &planner, const MigrationGraph &graph, const PartialMigration &p, bool finish,
                                          SqlExecutor &live)
{
    const Migration *m = migrationOf(graph, p.id);
    if (!m)
        return fail(Error::Category::NotFound,
                    QStringLiteral("%1 is part-way (%2), but its file is missing: restore it to finish or undo it").arg(p.id, p.describe()));
    const bool recordedForward = p.direction != u"rollback";
    auto full = planner.plan(*m, recordedForward);
    if (!full)
        return std::unexpected(full.error());
    if (full->steps.size() != p.stepCount)
        return fail(Error::Category::Conflict, stepCountChanged(p, full->steps.size()));
    auto done = stepsInEffect(*full, p, live);
    if (!done)
        return std::unexpected(done.error());
    MigrationPlan out;
    out.migration = full->migration;
    out.resume = finish ? MigrationPlan::Resume::Finish : MigrationPlan::Resume::Revert;
    out.stepsBefore = *done;
    out.stepCount = p.stepCount;
    out.recordedDirection = p.direction;
    if (finish) {
        out.forward = recordedForward;
        out.steps = full->steps.mid(*done);
        return out;
    }
    out.forward = !recordedForward;
    for (int k = *done - 1; k >= 0; --k) {
        const MigrationStep &s = full->steps.at(k);
        if (!s.undo)
            return fail(Error::Category::Unsupported,
                        QStringLiteral("%1 is part-way, and %2 (in effect) has no reverse, so it cannot be undone: finish it with "
                                       "`covet migrate --resume`, or undo it by hand")
                            .arg(p.id, s.label));
        MigrationStep u;
        u.label = QStringLiteral("undo of ") + s.label;
        u.batches = *s.undo;
        u.undo = s.batches;
        u.tables = s.tables;
        u.rawSql = s.rawSql;
        if (s.before) {
            Schema after = *s.before;
            bool ok = true;
            for (const Operation &op : s.operations)
                ok = ok && OperationApplier::apply(after, op).has_value();
            if (ok) {
                if (auto rev = OperationReverser::reverseAll(s.operations, *s.before))
                    u.operations = *rev;
                u.before = std::make_shared<const Schema>(std::move(after));
            }
        }
        out.steps << u;
    }
    return out;
}

} // namespace covet
