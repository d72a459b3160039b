#pragma once

#include "../db/dialectcapabilities.h"
#include "../operations/operation.h"

#include <QList>
#include <QString>

namespace covet {

// How an operation locks or rewrites its table on a dialect and server
// version. The reason has a {size} for the table's size (" (5,000 rows, 2 MB)"),
// which RiskAnalyzer fills from the live database and uses to grade it.
struct LockNote
{
    QString rule;              // table-rewrite, set-not-null-scan, index-without-concurrently,
                               // constraint-validation, mysql-copy, mysql-rebuild, sqlite-rebuild
    QString schema;
    QString table;
    QString column;
    QString reason;
    QString safeAlternative;
    bool alwaysLow = false;    // quick whatever the size (INSTANT, metadata only)
};

class LockNotes
{
public:
    static QList<LockNote> of(const DialectCapabilities &caps, const Operation &op, const Schema &before);

    // PostgreSQL changes the type without rewriting the table (varchar
    // widened or to text, numeric precision raised at the same scale,
    // time precision raised).
    static bool postgresKeepsRows(const SqlType &from, const SqlType &to);
    // Operations SQLite can only do by rebuilding the table.
    static bool sqliteRebuilds(const DialectCapabilities &caps, const Operation &op, const Schema &before);
};

} // namespace covet
