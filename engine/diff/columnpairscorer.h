#pragma once

#include "renamecandidate.h"
#include "renamecontext.h"

#include "../schema/schema.h"

namespace covet {

// What a column is, beyond its own definition: unique, foreign-key target,
// ordinal position.
struct ColumnFacts
{
    bool unique = false;
    QString fkTarget;   // "schema.table(col)", empty when none
    QString fkSchema, fkTable, fkColumns;
    double position = 0.5;
};

// One scored column pair, with what the detector's later steps need.
struct ColumnPairScore
{
    RenameCandidate candidate;
    bool identical = false;   // same definition (type, null, default, unique, foreign key)
    bool conflict = false;    // the names denote different things
    double name = 0;          // name similarity
};

// Scores one dropped x added column pair (see docs/rename-detection.md,
// "Column score"): name similarity (NameSimilarity, learned shapes, names
// following a renamed table), type compatibility, nullability, default,
// unique, foreign-key target (through the change's table renames), position,
// Django's rule for the sole pair, repeated transformations, and the caps.
// The score is raw: RenameDetector calibrates what it shows.
class ColumnPairScorer
{
public:
    static ColumnFacts factsOf(const Table &table, const Column &column);
    static ColumnPairScore score(const Table &oldTable, const Column &oldColumn, const ColumnFacts &oldFacts,
                                 const Table &newTable, const Column &newColumn, const ColumnFacts &newFacts, int dropped,
                                 int added, const RenameContext *context = nullptr);
    static QString typeText(const SqlType &type);
};

} // namespace covet
