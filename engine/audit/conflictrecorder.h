#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"
#include "../migrations/migrationhistory.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

class MigrationRepository;

// One conflict a runner command sees between the migrations directory and
// the database.
struct MigrationConflict
{
    // "cycle" | "missing_dependency" | "divergent_leaves" (MigrationGraph),
    // "modified" (an applied migration whose file changed),
    // "missing_file" (recorded as applied, no file on disk).
    QString kind;
    QStringList migrationIds;
    QString detail;   // what is wrong and the way out; no machine-specific paths
    // SHA-256 of kind, ids and detail: the same conflict seen again.
    QString fingerprint() const;
    bool operator==(const MigrationConflict &) const = default;
};

// One row of _covet_migration_conflicts.
struct ConflictRow
{
    qint64 id = 0;
    MigrationConflict conflict;
    QString detectedAt;    // first seen (ISO 8601 UTC)
    QString detectedBy;    // user@host that first saw it
    QString environment;   // covet.yaml environment it was first seen in
    QString lastSeenAt;
    QString lastSeenBy;
    qint64 seenCount = 0;  // how many runner commands saw it
    QString resolvedAt;    // empty while open
    QString resolvedBy;
};

// Keeps _covet_migration_conflicts: the conflicts the runner's commands
// (status, verify, migrate, rollback) detect, and when they went away.
//
//  - One open row per distinct conflict (kind + migrations + detail): seeing
//    it again updates last_seen_at/by and seen_count. A column open_key
//    holds the fingerprint while the row is open (NULL once resolved) under a
//    UNIQUE constraint, so two runners racing (SQLite has no runner lock
//    across a run) cannot open it twice.
//  - An open row whose conflict a command no longer detects is marked
//    resolved (resolved_at/by).
//  - The table (per-dialect DDL, in the connection's default namespace like
//    _covet_migrations) is created on demand: only when there is a conflict
//    to record. Like every _covet_* table, inspection leaves it out
//    (Inspector::isCovetTable).
//  - Each statement runs on its own (no transaction of the caller is
//    needed or used); a command calls sync() before it changes anything.
class ConflictRecorder
{
public:
    static QString tableName() { return QStringLiteral("_covet_migration_conflicts"); }

    // Every conflict of a repository against the applied migrations.
    static QList<MigrationConflict> detect(const MigrationRepository &repository, const QList<AppliedMigration> &applied);
    static Status ensure(SqlExecutor &sql);
    // Records `current` as everything open now (see above).
    static Status sync(SqlExecutor &sql, const QList<MigrationConflict> &current, const QString &environment);
    // The rows, oldest first (open ones only with openOnly); empty when the
    // table does not exist.
    static Result<QList<ConflictRow>> load(SqlExecutor &sql, bool openOnly = false);
};

} // namespace covet
