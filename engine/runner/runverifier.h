#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"
#include "../schema/schema.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace covet {

// The database as a run found it: the inspected schema and the row counts
// of the tables the run does not touch. Read with one inspection (the
// inspector's fixed number of statements) and one counting statement.
struct DatabaseSnapshot
{
    Schema schema;
    QHash<QString, qint64> rows;   // "schema.table" or "table" -> rows
};

// What a run (or an undo) must leave as expected, checked afterwards:
//  - the inspected schema equals the one the migration history describes
//    (compared semantically, as the Differ compares);
//  - the tables the run did not touch hold as many rows as before.
class RunVerifier
{
public:
    explicit RunVerifier(SqlExecutor &sql) : m_sql(sql) {}

    // Inspects the schema and counts the rows of every table not in `touched`
    // (names as "table" or "schema.table", any letter case).
    Result<DatabaseSnapshot> capture(const QStringList &touched);
    // Inspects the schema and counts the rows of `tables` only.
    Result<DatabaseSnapshot> captureOnly(const QStringList &tables);
    // Inspects the schema only.
    Result<Schema> inspect();

    // What differs between an inspected schema and the expected one, one
    // line each ("add column orders.note", read as: what would make the
    // database match); empty when they match.
    static QStringList differences(const Schema &actual, const Schema &expected);
    // Tables of `before` whose row count differs in `after`, as "t: 5 -> 4".
    static QStringList countChanges(const DatabaseSnapshot &before, const DatabaseSnapshot &after);

private:
    // Inspects, and counts the tables named (only) or all the others.
    Result<DatabaseSnapshot> snapshot(const QStringList &names, bool only);
    SqlExecutor &m_sql;
};

} // namespace covet
