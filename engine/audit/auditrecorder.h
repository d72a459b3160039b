#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QString>

namespace covet {

// One execution of a migration, as recorded in _covet_migration_audit.
struct AuditEntry
{
    QString migrationId;
    QString direction;     // "apply" | "rollback"
    QString status;        // "success" | "failure"
    QString startedAt;     // ISO 8601 UTC
    QString finishedAt;
    qint64 durationMs = 0;
    QString user;          // OS user
    QString host;
    QString environment;   // covet.yaml environment name, or empty
    QString sql;           // the statements, one per line, ';'-terminated
    QString error;         // empty on success
};

// Writes every execution to _covet_migration_audit, hash-chained: each row
// holds SHA-256(previous row's hash + this row's content), so a deleted or
// edited row breaks the chain (verifyChain()).
//
// A success is recorded inside the migration's transaction; a failure after
// the rollback, in its own transaction, so it survives.
class AuditRecorder
{
public:
    static QString tableName() { return QStringLiteral("_covet_migration_audit"); }

    static Status ensure(SqlExecutor &sql);
    static Status record(SqlExecutor &sql, const AuditEntry &entry);
    // The content a row's hash covers (fields joined with a unit separator).
    static QString content(const AuditEntry &entry);
    // Recomputes the chain; an error names the first row that does not match.
    static Status verifyChain(SqlExecutor &sql);
    static Result<qint64> count(SqlExecutor &sql, const QString &migrationId = {}, const QString &status = {});
};

} // namespace covet
