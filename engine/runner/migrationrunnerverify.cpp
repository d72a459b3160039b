#include "migrationrunner.h"

// MigrationRunner's check after a run (RunSettings::verifyAfterRun): the
// inspected schema against the replayed history, untouched row counts.
#include "../migrations/historyreplay.h"
#include "../migrations/migrationgraph.h"
#include "migrationrunnerhistory.h"
#include "planexecutor.h"

#include <QSet>

namespace covet {

void MigrationRunner::verifyAfter(const RunPlan &plan, const std::optional<DatabaseSnapshot> &before, RunReport &report)
{
    RunVerification &v = report.verification;
    auto cannot = [&](const QString &why) {
        v.notDone = why;
        report.warnings << why;
    };
    auto after = RunVerifier(m_sql).capture(PlanExecutor::touchedTables(plan.plans));
    if (!after) {
        cannot(QStringLiteral("could not verify the run: %1").arg(after.error().toString()));
        return;
    }
    v.countChanges = RunVerifier::countChanges(*before, *after);
    v.countsUnchanged = v.countChanges.isEmpty();
    v.tablesCounted = int(before->rows.size());
    // What the history says the database is now.
    auto history = readHistory();
    if (!history) {
        cannot(QStringLiteral("could not verify the run: %1").arg(history.error().toString()));
        return;
    }
    QSet<QString> applied;
    for (const AppliedMigration &a : std::as_const(history->applied))
        applied.insert(a.id);
    const QString scratch = devUrl(RunOptions{});
    auto replayed = [&](const QSet<QString> &ids) -> Result<Schema> {
        QList<Migration> ordered;
        for (const Migration &m : history->graph->ordered())
            if (ids.contains(m.id))
                ordered << m;
        ReplayedHistory h = HistoryReplay::replayAll(ordered, m_connection.dialect(), scratch, true, false);
        if (!h.end)
            return std::unexpected(h.endStatus.error());
        return *h.end;
    };
    auto expected = replayed(applied);
    if (!expected) {
        cannot(QStringLiteral("the schema was not verified: %1").arg(expected.error().toString()));
        return;
    }
    v.done = true;
    v.differences = RunVerifier::differences(after->schema, *expected);
    if (!v.differences.isEmpty()) {
        // Differences that were already there before the run are drift, not
        // the run's doing: reported apart, they do not fail it.
        QSet<QString> wasApplied = applied;
        for (const QString &id : std::as_const(report.done)) {
            if (plan.forward)
                wasApplied.remove(id);
            else
                wasApplied.insert(id);
        }
        if (auto expectedBefore = replayed(wasApplied)) {
            const QStringList old = RunVerifier::differences(before->schema, *expectedBefore);
            QStringList fresh;
            for (const QString &d : std::as_const(v.differences)) {
                if (old.contains(d))
                    v.drift << d;
                else
                    fresh << d;
            }
            v.differences = fresh;
        }
    }
    v.schemaMatches = v.differences.isEmpty();
}

} // namespace covet
