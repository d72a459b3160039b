#pragma once

#include "datatags.h"

#include <QString>

namespace covet {

// How a project runs migrations against one environment, decided once by
// ProjectConfig::runSettings() from covet.yaml; the CLI and Covet Studio
// both hand it to the runner (RunOptions::settings) instead of reading the
// file themselves.
struct RunSettings
{
    QString environment;             // recorded in the audit log and the conflicts table
    bool confirm = false;            // the environment needs its name typed (or --yes)
    bool audit = true;               // audit_log
    bool backupBeforeDataLoss = true;   // safety.backup_before_data_loss (alias: backups.before_destructive)
    int backupRetentionDays = 30;    // safety.backup_retention_days; 0 keeps backups forever
    bool verifyAfterRun = true;      // safety.verify_after_run: schema and untouched row counts checked after a run
    QString lintFailOn = QStringLiteral("high");   // safety.fail_on: the level `covet lint` fails at
    // dev_url (or --dev-url): a scratch server where plain SQL migrations are
    // replayed when a later YAML migration needs what they did; empty: a
    // temporary database on the target's own server.
    QString devUrl;
    DataTags dataTags;               // data_tags: recorded with each execution that touches a tagged object
    bool operator==(const RunSettings &) const = default;
};

} // namespace covet
