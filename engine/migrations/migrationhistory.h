#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace covet {

// One row of _covet_migrations: a migration the database has applied.
struct AppliedMigration
{
    QString id;
    QString checksum;     // Checksum of the file when it was applied
    QString appliedAt;    // ISO 8601, UTC
    QString appliedBy;    // OS user @ host
    qint64 durationMs = 0;
    bool operator==(const AppliedMigration &) const = default;
};

// The history table _covet_migrations in the managed database (the
// connection's default namespace), in the dialect's DDL. The runner writes
// a row in the same transaction as the migration it records (PostgreSQL,
// SQLite), so the history can never disagree with the schema.
class MigrationHistory
{
public:
    static QString tableName() { return QStringLiteral("_covet_migrations"); }

    // Whether the table exists (a dry run must not create it).
    static Result<bool> exists(SqlExecutor &sql);
    // Creates the table when it is missing.
    static Status ensure(SqlExecutor &sql);
    // Every applied migration, oldest first; empty when the table is missing.
    static Result<QList<AppliedMigration>> load(SqlExecutor &sql);
    // Whether any of the ids is recorded (read inside the runner's
    // transaction), in one statement.
    static Result<bool> containsAny(SqlExecutor &sql, const QStringList &ids);
    static Status record(SqlExecutor &sql, const AppliedMigration &row);
    // Removes the rows of the ids, in one statement.
    static Status remove(SqlExecutor &sql, const QStringList &ids);

    // "user@host" of this process.
    static QString currentUser();
    static QString osUser();
    static QString nowUtc();
    // Whether a table exists in the connection's default namespace.
    static Result<bool> tableExists(SqlExecutor &sql, const QString &table);
};

} // namespace covet
