#pragma once

#include "../core/error.h"
#include "../db/dialectcapabilities.h"
#include "../db/sqlexecutor.h"
#include "plannedstep.h"
#include "riskreport.h"

#include <QList>

namespace covet {

// What a plan (the pending migrations forward, or a rollback) destroys,
// locks and breaks, per operation, graded by the live data: the rules of
// docs/safety.md.
//
//  - Data loss: rows of a dropped table, non-NULL values of a dropped
//    column, values a narrowing type change or a removed enum value would
//    destroy or reject, NULLs a NOT NULL without default rejects, what
//    destructive raw SQL (DROP, TRUNCATE, DELETE, ALTER … DROP) removes —
//    counted on the live database.
//  - Foreign-key dependents of what is dropped, with their rows and ON
//    DELETE actions.
//  - Locks and rewrites per dialect and server version (PostgreSQL table
//    rewrites, index builds without CONCURRENTLY, constraint validation
//    without NOT VALID; MySQL/MariaDB ALGORITHM=COPY; SQLite rebuilds), with
//    the table's rows and size.
//  - Irreversible operations, raw SQL without a down part (forward plans).
//
// The live reads are set-wise: one catalog statement and one counting
// statement per plan, whatever the number of tables in the database
// (RiskReport::statements). Tables the run creates before a step count as
// empty; tables it renames are counted under their live name.
// The same operation on an empty or just-created table is `low`; on a
// populated one it is graded by what is at stake.
class RiskAnalyzer
{
public:
    explicit RiskAnalyzer(const DialectCapabilities &capabilities) : m_caps(capabilities) {}

    // Graded by the live database `sql` (its state before the plan runs).
    Result<RiskReport> analyze(SqlExecutor &sql, const QList<PlannedStep> &steps, bool forward) const;
    // From the files alone: no counts; what would lose data is graded as if
    // the table held rows.
    RiskReport analyzeOffline(const QList<PlannedStep> &steps, bool forward) const;

    // Every rule's name (docs/safety.md documents each with its safe path).
    static const QStringList &ruleNames();

    // Tables at or above this many rows make a lock or rewrite `high`.
    static constexpr qint64 largeTableRows = 1000000;

private:
    Result<RiskReport> run(SqlExecutor *sql, const QList<PlannedStep> &steps, bool forward) const;
    DialectCapabilities m_caps;
};

} // namespace covet
