#pragma once

#include <QString>
#include <QStringList>

namespace covet {

// The statuses an audit row can have, and which of them are executions
// (what statistics, alerts and reports count). Readers (CLI filters, the
// Studio Audit view, reports) ask here rather than listing them.
namespace AuditStatus {

inline const QString Success = QStringLiteral("success");
inline const QString Failure = QStringLiteral("failure");
inline const QString Cancelled = QStringLiteral("cancelled");
// A migration whose run was killed or lost its connection before it said
// how it ended: written by the next run that finds the run's `started` row
// without an end.
inline const QString Interrupted = QStringLiteral("interrupted");
// A run that Covet refused before changing anything (a failed precondition,
// a missing confirmation, a critical risk not accepted, a changed plan).
inline const QString Refused = QStringLiteral("refused");
// Bookkeeping of a run: before its first migration, after its last (with the
// verification result).
inline const QString Started = QStringLiteral("started");
inline const QString Finished = QStringLiteral("finished");

inline QStringList all()
{
    return {Success, Failure, Cancelled, Interrupted, Refused, Started, Finished};
}

// A migration executed (or tried to): counted by statistics and reports.
inline bool isExecution(const QString &status)
{
    return status == Success || status == Failure || status == Cancelled || status == Interrupted;
}

// Statuses that end a run (no `interrupted` row is owed for it).
inline QStringList runEnds()
{
    return {Failure, Cancelled, Interrupted, Refused, Finished};
}

} // namespace AuditStatus

// The after-run verification a `finished` row records (empty: it was off).
namespace AuditVerification {

inline const QString Verified = QStringLiteral("verified");
inline const QString Mismatch = QStringLiteral("mismatch");
inline const QString NotVerified = QStringLiteral("not verified");

} // namespace AuditVerification

} // namespace covet
