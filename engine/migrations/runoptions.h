#pragma once

#include "../core/progress.h"

#include <QString>
#include <QStringList>

namespace covet {

// How MigrationRunner::migrate() and rollback() run.
struct RunOptions
{
    QString target;                // migrate: apply up to and including it; rollback: roll back to it (it stays applied)
    int steps = 0;                 // rollback: how many migrations (when target is empty); default 1
    bool dryRun = false;           // nothing changes; the SQL is returned
    bool executeDryRun = false;    // dry run on PostgreSQL/SQLite: execute inside a transaction that is rolled back
    bool fake = false;             // record in the history without running the SQL
    QString environment;           // recorded in the audit log and the conflicts table
    bool audit = true;             // write _covet_migration_audit rows
    int lockTimeoutMs = 30000;
    const ProgressSink *progress = nullptr;
};

// What a run did.
struct RunReport
{
    QStringList done;        // ids applied (or rolled back), in order
    QStringList skipped;     // ids another runner applied meanwhile
    QString sql;             // the SQL that ran (or would run, for a dry run), per migration
    QStringList warnings;    // e.g. applied migrations whose file is missing
    bool executedDryRun = false;
};

} // namespace covet
