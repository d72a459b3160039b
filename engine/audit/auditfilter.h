#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace covet {

// Which audit rows to read: every field empty (or invalid) matches all.
struct AuditFilter
{
    QDateTime since;        // started at or after (UTC)
    QDateTime until;        // started before (UTC)
    QString environment;
    QString migration;      // exact migration id
    QString user;           // the OS user or the database user
    QString status;         // AuditStatus (naming started or finished selects those rows)
    // Include the rows that mark a run's start and end (AuditStatus::Started,
    // Finished): left out unless asked for, as they are not executions.
    bool runRows = false;
    QString direction;      // apply | rollback
    QString search;         // a piece of the migration id or the error (case-sensitive, LIKE)
    bool operator==(const AuditFilter &) const = default;

    bool isEmpty() const { return *this == AuditFilter(); }
    QJsonObject toJson() const;
    // "2026-12-01 to 2026-12-06" or "all time".
    QString periodText() const;
};

} // namespace covet
