#pragma once

#include <QMap>
#include <QString>

namespace covet {

// A proposed rename of a table or of a column, with its score in [0,1] and
// the reasons behind it. Produced by RenameDetector; the Differ turns the
// accepted ones into RenameTable / RenameColumn operations, the CLI and the
// GUI show all of them so a person can accept or reject them.
struct RenameCandidate
{
    enum class Kind { Table, Column };
    enum class Source {
        Score,      // accepted (or not) by its score against the threshold
        Hint,       // a `renamed_from` hint in the models file
        Decision,   // an entry of the decisions file (accept or reject)
    };

    Kind kind = Kind::Column;
    QString schema;        // the namespace; empty for the default one
    QString table;         // columns: the table's name in the NEW schema; tables: the new name (== to)
    QString from;
    QString to;
    double score = 0;      // [0,1]
    // Factor -> similarity in [0,1]: "name", "type", "nullability", "default",
    // "unique", "foreign_key", "position", "column_overlap", "structure", "context".
    QMap<QString, double> reasons;
    QString explanation;   // one sentence: "created -> created_at: same definition, '_at' suffix added"
    bool accepted = false; // at/above the threshold, or by a hint or an Accept decision
    Source source = Source::Score;
    // Set when `to` is also the name of an old column that this change drops
    // (the Differ emits that drop before the rename), or of an old table
    // that this rename replaces (the Differ moves it aside first and drops
    // it).
    QString reusesDroppedName;
    // Shown for review only: a dropped column's best pair that the one-to-one
    // matching did not choose (never accepted by score). The candidates that
    // are not alternatives are one-to-one.
    bool alternative = false;

    bool operator==(const RenameCandidate &) const = default;
};

QString renameKindName(RenameCandidate::Kind kind);      // "table", "column"
QString renameSourceName(RenameCandidate::Source source); // "score", "hint", "decision"

struct RenameOptions
{
    double threshold = 0.80;   // candidates scoring at least this are accepted
    bool enabled = true;       // false: no scored candidates (hints and decisions still apply)
};

} // namespace covet
