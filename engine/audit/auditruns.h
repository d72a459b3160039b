#pragma once

#include "auditrecorder.h"

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QList>
#include <QStringList>

namespace covet {

// A run whose `started` row has no end: no `finished`, `failure`,
// `cancelled`, `refused` or `interrupted` row with its run id.
struct OpenRun
{
    qint64 rowId = 0;          // the `started` row
    AuditEntry started;
    QStringList planned;       // the migrations the run set out to run, in order
    qint64 pid = 0;            // the process that wrote it (0: unknown)
    QStringList succeeded;     // planned migrations with a `success` row in the run
};

// Reading the audit by run (two statements at most).
class AuditRuns
{
public:
    // The text of a `started` row: who ran it, then the plan, one id a line.
    static QString startedText(const QStringList &planned, qint64 pid);
    static QStringList plannedOf(const QString &startedText);
    static qint64 pidOf(const QString &startedText);

    static Result<QList<OpenRun>> open(SqlExecutor &sql);
};

} // namespace covet
