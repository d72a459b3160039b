#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// A migration a stepwise run (MySQL/MariaDB, or `transactional: false`)
// left part-way: some of its steps are in effect, the rest are not.
struct PartialMigration
{
    QString id;
    QString direction;      // "apply" | "rollback"
    int stepsDone = 0;      // steps 1..stepsDone are in effect
    int stepCount = 0;
    QString runningStep;    // a step that had started when the run stopped (may or may not be in effect)
    QString startedAt;      // ISO 8601 UTC
    QString startedBy;      // user@host
    QString updatedAt;
    // "steps 1-2 of 4 in effect (…); step 3 (…) was running when Covet stopped"
    QString describe() const;
    // A rollback stopped part-way (direction "rollback"): the SQL of the run
    // in effect is the migration's rollback SQL.
    bool isRollback() const { return direction == u"rollback"; }
    bool operator==(const PartialMigration &) const = default;
};

// One step of a part-way migration's recorded run: its label (as the runner
// labels it) and whether it is in effect.
struct PartialStep
{
    enum class Effect { InEffect, NotInEffect, Uncertain };   // Uncertain: it was running when the run stopped
    QString label;
    Effect effect = Effect::NotInEffect;
    // "in effect: add column customers.note"
    QString describe() const;
    bool operator==(const PartialStep &) const = default;
};

// The ways out of a part-way migration as the engine judges them now: why
// finishing (`covet migrate --resume`) or undoing it (`covet rollback
// --resume`) would be refused (empty: allowed), and what each destroys
// (RiskReport::dataLossLines()).
struct PartialWays
{
    QString finishRefusal;
    QString undoRefusal;
    QStringList finishDataLoss;
    QStringList undoDataLoss;
    // The run each way is: its target (finish: the migration itself, or none
    // for an original left out of the graph) and the migrations of its plan
    // in order, what a confirmation lists and RunOptions::expected holds.
    QString finishTarget;
    QStringList finishIds;
    QStringList undoIds;
    // Neither way, for `why` (not listed yet, not part-way).
    static PartialWays refused(const QString &why)
    {
        PartialWays w;
        w.finishRefusal = w.undoRefusal = why;
        return w;
    }
    bool canFinish() const { return finishRefusal.isEmpty(); }
    bool canUndo() const { return undoRefusal.isEmpty(); }
};

// _covet_partial_migrations: written before and after every step of a
// stepwise run, outside any transaction, so that a run stopped at any point
// (an error whose undo failed, a second Ctrl-C, kill -9, a lost connection)
// leaves a record of exactly which steps are in effect. A migration that
// completes, or whose steps are all undone, is removed from it.
// `covet status` and Covet Studio show it; `covet migrate --resume`
// finishes it; `covet rollback` undoes it.
class PartialMigrations
{
public:
    static QString tableName() { return QStringLiteral("_covet_partial_migrations"); }

    static Status begin(SqlExecutor &sql, const QString &id, const QString &direction, int stepCount, const QString &user);
    static Status stepStarting(SqlExecutor &sql, const QString &id, const QString &label);
    static Status stepDone(SqlExecutor &sql, const QString &id, int stepsDone);
    static Status clear(SqlExecutor &sql, const QString &id);
    // Every record; empty when the table does not exist.
    static Result<QList<PartialMigration>> load(SqlExecutor &sql);
};

} // namespace covet
