#pragma once

// Helpers that the column and the table halves of RenameDetector share
// (renamedetector.cpp, renamedetectortables.cpp). Internal to the engine.

#include "renamecandidate.h"
#include "renamedecisions.h"

#include <QList>
#include <QString>

namespace covet::renamedetail {

// Highest score first; then by table, from and to (deterministic).
void sortCandidates(QList<RenameCandidate> &list);
// Applies a decision (if any) to a scored candidate.
void applyDecision(RenameCandidate &c, const RenameDecisions *decisions);
// Whether `name` is `base` with a retiring word (old, legacy, deprecated...)
// before or after its words: old_X, X_old.
bool isRetiredOf(const QString &name, const QString &base);

} // namespace covet::renamedetail
