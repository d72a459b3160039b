#pragma once

#include "../core/error.h"
#include "../operations/operation.h"
#include "../sources/backfillhint.h"
#include "../sources/renamehint.h"
#include "renamecandidate.h"
#include "renamedecisions.h"

#include <QList>

namespace covet {

struct DiffOptions
{
    RenameOptions renames;
    QList<RenameHint> hints;                     // renamed_from in the models file
    QList<BackfillHint> backfills;               // backfill in the models file: set on the AddColumn
    const RenameDecisions *decisions = nullptr;  // a person's accept/reject decisions
};

struct DiffResult
{
    OperationList operations;
    // Every rename candidate, accepted or not (tables first, then columns by table).
    QList<RenameCandidate> renameCandidates;
    bool isEmpty() const { return operations.isEmpty(); }
};

// Schema A -> schema B -> the ordered operations that turn A into B.
// Compares semantically (SchemaNormalizer: types by SqlType::equivalent,
// expressions normalised; what the database made by itself and the target
// does not ask for is left out, see SchemaNormalizer::alignedActual; a target
// without namespaces covers only the default namespace), detects renames with RenameDetector (tables,
// then columns within each matched table pair), and orders the result with
// OperationOrder. Deterministic. Views and triggers that use what changes
// are dropped before and re-created after; foreign keys over a column whose
// type changes likewise; on PostgreSQL (which refuses to change the type of
// a column a generated column uses, or a generation expression) such
// generated columns too, with their indexes, uniques and checks. The plan is
// checked by applying it in memory.
class Differ
{
public:
    static Result<DiffResult> diff(const Schema &from, const Schema &to, const DiffOptions &options = {});
};

} // namespace covet
