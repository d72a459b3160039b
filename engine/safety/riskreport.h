#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

// How bad a finding is. None only for a report without findings.
enum class RiskLevel { None = 0, Low = 1, Medium = 2, High = 3, Critical = 4 };
QString riskLevelName(RiskLevel level);                       // "none", "low", "medium", "high", "critical"
std::optional<RiskLevel> riskLevelFromName(const QString &name);

// One thing a plan puts at risk, found by a named rule (docs/safety.md).
struct RiskFinding
{
    QString migrationId;
    int step = -1;               // the step within the migration's plan
    QString operation;           // the step's label
    RiskLevel level = RiskLevel::Low;
    QString rule;                // "drop-column", "table-rewrite", ...
    QString schema;
    QString table;
    QString column;
    qint64 rows = -1;            // rows in the table (-1: not known)
    qint64 affected = -1;        // values or rows lost or rejected (-1: not known)
    bool losesData = false;      // the data counted in `affected` is destroyed
    QStringList dependents;      // "order_items.order_id: 5000 rows (ON DELETE CASCADE)"
    QString summary;             // the short form: "drops column orders.note"
    QString reason;              // what happens, in a DBA's words
    QString safeAlternative;     // what to do instead
    bool acknowledged = false;   // the migration acknowledged this rule
    QString acknowledgement;     // and why

    QString target() const;      // "orders.note", "orders" or ""
    QJsonObject toJson() const;
    bool operator==(const RiskFinding &) const = default;
};

// What a backup must keep before a plan runs: the columns a step destroys
// (with the table's primary key, to put them back), or a whole table.
struct DataAtStake
{
    enum class Kind { Columns, Table };
    QString migrationId;
    int step = -1;
    Kind kind = Kind::Columns;
    QString schema;
    QString table;               // as named when its step runs (where the backup copies from)
    QStringList columns;         // Columns: the destroyed columns
    QStringList key;             // the primary key columns (empty: none)
    qint64 rows = 0;             // rows (Table) or non-NULL values (Columns) at stake
    QJsonObject toJson() const;
    bool operator==(const DataAtStake &) const = default;
};

// The findings of one operation (a step of a migration's plan), in plan order.
struct RiskOperation
{
    QString migrationId;
    int step = -1;
    QString operation;           // the step's label
    QList<RiskFinding> findings;
    RiskLevel level() const;     // the highest unacknowledged level (None when all are acknowledged)
};

// The risk of one plan (the pending migrations forward, or a rollback),
// per operation, graded by the live data when it was read.
struct RiskReport
{
    bool forward = true;
    bool live = false;           // counts come from the live database
    QList<RiskFinding> findings; // in plan order
    QList<DataAtStake> stakes;   // what a backup must keep
    int statements = 0;          // statements the analysis ran on the database
    QStringList notes;           // e.g. what could not be counted and why

    // The highest level among findings not acknowledged (None when there is none).
    RiskLevel level() const;
    RiskLevel levelOf(const QString &migrationId) const;
    // The most severe unacknowledged finding of a migration (its reason is a badge's tooltip).
    std::optional<RiskFinding> topFinding(const QString &migrationId) const;
    QList<RiskFinding> findingsOf(const QString &migrationId) const;
    // The findings grouped by the operation they belong to, in plan order.
    QList<RiskOperation> operations() const;
    bool losesData() const;      // some finding destroys counted data
    bool needsBackup() const { return !stakes.isEmpty(); }
    // Unacknowledged findings at or above `level`.
    QList<RiskFinding> atLeast(RiskLevel level) const;
    // The part of the report about these migrations (findings and stakes).
    RiskReport only(const QStringList &migrationIds) const;
    // "drops column orders.note (5,000 values)" for each finding that loses data.
    QStringList dataLossLines() const;

    QJsonObject toJson() const;
    // The report as a DBA reads it in a terminal.
    QString toText() const;
};

} // namespace covet
