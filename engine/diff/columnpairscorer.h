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
    // A reference (a foreign key, or a name ending in `_id`) that is the only
    // one of its side: the only reference the table drops, or the only one it
    // adds (RenameDetector::detectColumns sets it).
    bool reference = false;
    bool soleReference = false;
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

    // Whether the new name is the old one with a word appended that names a
    // representation derived from the old value (`password ->
    // password_digest`, `body -> body_html`, `code -> code_hash`): a sibling
    // computed from the column, stored beside or instead of it, not a rename.
    static bool isDerivedSibling(const QString &from, const QString &to);

    // Score floor of a pair of sole references of the same type (see
    // docs/rename-detection.md, "Sole references").
    static constexpr double kSoleReference = 0.84;
    static constexpr double kSoleRetargeted = 0.75;   // both with foreign keys, to different tables
    // Score cap of a derived sibling.
    static constexpr double kDerivedSibling = 0.7;
};

} // namespace covet
