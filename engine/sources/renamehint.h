#pragma once

#include <QString>

namespace covet {

// An explicit rename written by the DBA (`renamed_from:` on a table or a
// column in a models file). The differ treats it as a decision that
// overrides rename scores: `from` became `to`.
struct RenameHint
{
    enum Kind { Table, Column };

    Kind kind = Column;
    QString schema;   // the table's namespace; empty for the default one
    QString table;    // the table's (new) name
    QString from;     // the old table or column name
    QString to;       // the new table or column name
    QString location; // where the hint is written ("models.yaml:12"), for messages

    bool operator==(const RenameHint &) const = default;
};

} // namespace covet
