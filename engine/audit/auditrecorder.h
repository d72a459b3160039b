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
    QString status;        // AuditStatus: success | failure | cancelled | interrupted | refused | started | finished
    QString startedAt;     // ISO 8601 UTC with milliseconds ("2026-12-05T21:14:56.123Z")
    QString finishedAt;
    qint64 durationMs = 0;
    QString user;          // OS user
    QString host;
    QString environment;   // covet.yaml environment name, or empty
    QString sql;           // the statements, one per line, ';'-terminated
    QString error;         // empty on success
    // Hash version 2 (rows written since the audit reading of issue 15):
    QString databaseUser = {};   // the user the database knows the connection as
    QString checksum = {};       // the migration file's checksum, as reviewed
    QString riskLevel = {};      // the safety analysis' level: none|low|medium|high|critical (empty: not analysed)
    qint64 rowsAtRisk = 0;       // rows / values the run destroys (counted on the live data before it ran)
    QString acknowledged = {};   // what the person accepted: "accept-risk", "confirmed-data-loss", rules the migration acknowledged
    qint64 backupId = 0;         // the backup taken before it destroyed data (0: none)
    // Hash version 3 (rows written since runs are recorded whole):
    QString runId = {};          // the run this row belongs to (every row of one `covet migrate` / `rollback`)
    QString verification = {};   // finished rows: verified | mismatch | not verified | (empty: verification off)
    // Hash version 4 (rows written since data tags and authors, issue 15):
    QString author = {};         // the migration file's author (empty: the file names none)
    QString objects = {};        // what it changed: TouchedObject::encode() (empty: nothing known)
    QString dataTags = {};       // the data_tags those objects carried when it ran: "phi:patients\npii:customers.email"
    int hashVersion = 4;         // 1 / 2: rows written before these fields existed; the chain covers the fields of their version
    bool operator==(const AuditEntry &) const = default;
};

// Writes every execution to _covet_migration_audit, hash-chained: each row
// holds SHA-256(previous row's hash + this row's content), so a deleted or
// edited row breaks the chain (AuditChain::verify() says where and how).
//
// A success is recorded inside the migration's transaction; a failure after
// the rollback, in its own transaction, so it survives. A run writes a
// `started` row before its first migration (committed on its own, so a run
// killed mid-way leaves it behind: the next run appends an `interrupted` row,
// see AuditRuns) and a `finished` row after its last, with the result of the
// after-run verification.
//
// Tables written before the fields of hash versions 2, 3 and 4 existed are
// upgraded in place by ensure() (nullable columns added); their rows keep
// their hash version and verify as they were written.
class AuditRecorder
{
public:
    static QString tableName() { return QStringLiteral("_covet_migration_audit"); }

    static constexpr int currentHashVersion = 4;
    static Status ensure(SqlExecutor &sql);
    // Appends a row to the chain. `head`, when given, is the hash of the
    // row this writer appended last (empty: none yet) and is set to the new
    // row's: a writer of many rows (a run) then links each to it in one
    // statement that checks it is still the last, instead of reading the
    // last hash first (SQLite and PostgreSQL; MySQL reads first, see the
    // .cpp). The chain is the same either way.
    static Status record(SqlExecutor &sql, const AuditEntry &entry, QString *head = nullptr);
    // The values of an entry in entryColumns() order, bound for `d` (for
    // writers: record, the benchmark). Timestamps: SqlTimestamp::param.
    static QVariantList values(const AuditEntry &entry, Dialect d);
    // The content a row's hash covers (fields joined with a unit separator;
    // version 1 rows: the first eleven fields only; each later version adds its fields).
    static QString content(const AuditEntry &entry);
    // SHA-256 of prev + content(entry).
    static QString rowHash(const QString &prev, const AuditEntry &entry);
    // Recomputes the chain; an error names the first row that does not match
    // and how it was broken (AuditChain::verify).
    static Status verifyChain(SqlExecutor &sql);
    static Result<qint64> count(SqlExecutor &sql, const QString &migrationId = {}, const QString &status = {});
    // Whether the table exists on this connection (one statement).
    static Result<bool> exists(SqlExecutor &sql);

    // The stored columns, in the order of AuditEntry's fields, without id
    // and the two hashes (for readers: AuditLog, AuditChain).
    static QStringList entryColumns();
    // An entry from values read in entryColumns() order starting at `at`
    // (timestamps as their canonical text: SqlTimestamp::text).
    static AuditEntry entryFrom(const QVariantList &row, int at, Dialect d);
};

} // namespace covet
