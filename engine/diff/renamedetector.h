#pragma once

#include "renamecandidate.h"
#include "renamecontext.h"
#include "renamedecisions.h"

#include "../schema/schema.h"
#include "../sources/renamehint.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <vector>

namespace covet {

// Proposes renames of tables and of columns with a score in [0,1] and the
// reasons behind it (see docs/rename-detection.md):
//  - columns: name similarity (NameSimilarity), type compatibility,
//    nullability, default, unique, foreign-key target, ordinal position, and
//    the context (the only column dropped and the only one added);
//  - tables: name similarity and the overlap of their columns (names and
//    types), primary key, foreign keys and indexes.
// Pairs are matched one-to-one by an optimal assignment (Assignment), pairs
// below a floor of 0.3 are never proposed. Candidates at or above the
// threshold are accepted; those below are returned with accepted=false so a
// person can accept them. A hint or an Accept decision forces acceptance (the
// score is still computed), a Reject decision forces rejection.
// Deterministic, and linear in the number of tables (the matrix of a table is
// its dropped x added columns).
class RenameDetector
{
public:
    explicit RenameDetector(RenameOptions options = {});

    RenameOptions options() const { return m_options; }

    // Candidates among tables dropped from `from` and added in `to`, within
    // the same namespace. Sorted by score, highest first.
    QList<RenameCandidate> detectTables(const Schema &from, const Schema &to, const QList<RenameHint> &hints = {},
                                        const RenameDecisions *decisions = nullptr) const;

    // Candidates among the columns of one table pair (oldTable in `from`,
    // newTable in `to`, matched by name or by a table rename). Includes a
    // rename onto the name of a column that the same change drops
    // (reusesDroppedName). Sorted by score, highest first.
    // `context`: what the rest of the change says (tables renamed in it, name
    // transformations repeated in it); the Differ fills it.
    QList<RenameCandidate> detectColumns(const Table &oldTable, const Table &newTable, const QList<RenameHint> &hints = {},
                                         const RenameDecisions *decisions = nullptr,
                                         const RenameContext *context = nullptr) const;

    // Scores one column pair as detectColumns does (context: how many columns
    // the table drops and adds). Exposed for tests and for the GUI's "why".
    RenameCandidate scoreColumns(const Table &oldTable, const Column &oldColumn, const Table &newTable,
                                 const Column &newColumn, int droppedCount = 1, int addedCount = 1,
                                 const RenameContext *context = nullptr) const;
    RenameCandidate scoreTables(const Table &oldTable, const Table &newTable, int droppedCount = 1, int addedCount = 1) const;

    // 1.0 same canonical type, ~0.8 widening, ~0.4 compatible but lossy, 0 incompatible.
    static double typeCompatibility(const SqlType &from, const SqlType &to);

    // The words a rename removes and adds ("count>strings" for
    // approved_count -> approved_strings); empty when only case or
    // separators change. RenameContext::repeatedTransforms counts these.
    static QString transformKey(const QString &from, const QString &to);

    // The score shown for a raw column score: the raw one from
    // kCalibratedFrom up, below it what such a score meant in real histories
    // (RenameCalibration, learned). The raw score is in reasons["uncalibrated"].
    static double shownScore(double raw);
    static constexpr double kCalibratedFrom = 0.8;

    static constexpr double kFloor = 0.3;
    // A table moved aside: column overlap with the new table of its name
    // below the first, with an added table at least the second.
    static constexpr double kMovedAsideOverlap = 0.4;
    static constexpr double kMovedAsideMatch = 0.75;
    // A name taken over (a chain of renames): the column overlaps of its two
    // renames exceed those of the old table keeping its name (and the
    // dropped table matching the added one) by at least this, in sum.
    static constexpr double kTakenOverGain = 0.2;
    // A rename that replaces a table (the old table of that name goes) is
    // accepted by score only when the names are at least this similar
    // (day_ng -> day); otherwise it is offered at kReplacedCap at most.
    static constexpr double kReplacedNameEvidence = 0.5;
    static constexpr double kReplacedCap = 0.79;
    // Table pairs count towards a repeated rename from this score and this
    // column overlap.
    static constexpr double kRepeatedTableEvidence = 0.5;
    static constexpr double kNearCertain = 0.9;       // Assignment::keepNearCertain
    static constexpr double kNearCertainMargin = 0.1;

private:
    // Raises the table pairs whose name transformation other pairs of the
    // change share (rows: dropped tables, columns: added ones).
    void boostRepeatedTableRenames(std::vector<std::vector<double>> &matrix, std::vector<std::vector<RenameCandidate>> &scored) const;
    // Demotes accepted table renames onto a name that no accepted rename
    // frees and no replaced table (a table key in `replaced`) gives up;
    // `from`: the old tables by RenameContext::tableKey.
    static void keepNamesFree(QList<RenameCandidate> &tables, const QHash<QString, const Table *> &from, const QSet<QString> &replaced);

    RenameOptions m_options;
};

} // namespace covet
