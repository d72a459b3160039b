#pragma once

#include <QString>

namespace covet {

// `backfill:` on a column in a models file: the SQL expression that gives
// the rows already in the table their value when the column is added (it
// may name other columns). The differ puts it on the AddColumn; it is not
// part of the schema, and a column that exists already ignores it.
struct BackfillHint
{
    QString schema;      // the table's namespace; empty for the default one
    QString table;
    QString column;
    QString expression;
    QString location;    // "models.yaml:12", for messages

    bool operator==(const BackfillHint &) const = default;
};

} // namespace covet
