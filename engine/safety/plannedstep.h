#pragma once

#include "../operations/operation.h"
#include "../schema/schema.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace covet {

// One step of a run as the safety analysis sees it: which migration it
// belongs to, what it does — typed operations in the direction it runs
// (a rollback step holds the reverse operations), or raw SQL statements —
// and the schema just before it (replayed from the files, not read live).
struct PlannedStep
{
    QString migrationId;
    int stepIndex = 0;                       // within its migration's plan
    QString label;                           // "operation 2 of 3 (Drop column orders.note)"
    OperationList operations;                // empty for raw SQL
    std::shared_ptr<const Schema> before;    // null for raw SQL of a plain SQL migration
    QStringList rawStatements;               // run_sql / plain SQL statements, as they run
    bool hasUndo = true;                     // a stepwise run can take it back
    // What the migration acknowledged (`safety: {acknowledge: [...], reason: ...}`
    // in YAML, `-- covet:acknowledge RULE... : reason` in SQL).
    QStringList acknowledged;
    QString acknowledgement;
};

} // namespace covet
