#pragma once

#include "../core/progress.h"
#include "../migrations/runsettings.h"
#include "../safety/backupstore.h"
#include "../safety/riskreport.h"

#include <QString>
#include <QStringList>

#include <atomic>

namespace covet {

// How MigrationRunner::migrate() and rollback() run.
struct RunOptions
{
    QString target;                // migrate: apply up to and including it; rollback: roll back to it (it stays applied)
    int steps = 0;                 // rollback: how many migrations (when target is empty); default 1
    bool dryRun = false;           // nothing changes; the SQL is returned
    bool executeDryRun = false;    // dry run on PostgreSQL/SQLite: execute inside a transaction that is rolled back
    bool fake = false;             // record in the history without running the SQL
    RunSettings settings;          // from covet.yaml for the environment (ProjectConfig::runSettings)
    int lockTimeoutMs = 30000;
    const ProgressSink *progress = nullptr;

    // Decisions the person made after seeing the plan and its risk
    // (MigrationRunner::plan() and assess()):
    // - the migrations they reviewed, in order: the run refuses when the
    //   plan made under the lock differs (empty: no review to hold it to);
    QStringList expected;
    // - they confirmed that the data the plan destroys may go (--yes, a
    //   typed confirmation); without it a plan that loses data is refused;
    bool confirmDataLoss = false;
    // - they accept a plan whose risk is critical (--accept-risk);
    bool acceptRisk = false;
    // - migrate: finish a migration a stepwise run left part-way (--resume).
    bool resume = false;
    // Set from another thread (the CLI's second Ctrl-C): stop at once after
    // the statement running now, without undoing; the part-way state stays
    // recorded in _covet_partial_migrations for status, --resume and
    // rollback.
    const std::atomic_bool *abort = nullptr;
    bool aborted() const { return abort && abort->load(std::memory_order_relaxed); }
};

// What the run checked afterwards (RunSettings::verifyAfterRun).
struct RunVerification
{
    bool done = false;               // a verification ran
    bool schemaMatches = false;      // the inspected schema equals the replayed one
    QStringList differences;         // what differs because of the run, described
    QStringList drift;               // what differed already before the run (not counted against it)
    bool countsUnchanged = false;    // untouched tables kept their row counts
    QStringList countChanges;        // "orders: 5000 -> 4998"
    int tablesCounted = 0;
    QString notDone;                 // why it could not run (empty: it ran, or it is off)
    bool ok() const { return done && schemaMatches && countsUnchanged; }
    QString toText() const;
};

// What a run did.
struct RunReport
{
    QStringList done;        // ids applied (or rolled back), in order
    QStringList skipped;     // ids another runner applied meanwhile
    // Squashed migrations recorded as applied because every migration they
    // replace is (MigrationPlan::recordOnly, alsoRecord); a record-only one is in done too.
    QStringList recorded;
    QString sql;             // the SQL that ran (or would run, for a dry run), per migration
    QStringList warnings;    // e.g. applied migrations whose file is missing
    bool executedDryRun = false;
    RiskReport risk;                  // the plan's risk, graded by the live data before it ran
    QList<BackupRecord> backups;      // backups taken before data was destroyed
    RunVerification verification;
};

} // namespace covet
