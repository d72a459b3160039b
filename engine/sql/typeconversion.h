#pragma once

#include "../schema/column.h"
#include "../schema/dialect.h"

#include <QList>
#include <QString>

namespace covet {

// What changing a column's type does to the values it holds, decided once
// for the three dialects (docs/migrations.md, "Type changes and the data").
//
// PostgreSQL (ALTER COLUMN ... TYPE) and MySQL/MariaDB (MODIFY COLUMN)
// convert the values themselves: they round numbers to a whole number or
// to the new scale, cut timestamps to dates, and refuse values that do not
// parse, do not fit the range or are too long. SQLite converts nothing: its
// table rebuild copies every value through sqliteCopyExpression(), which
// does what they do as far as SQLite can, and stops the copy at a value the
// others would refuse.
//
// checks() gives, per dialect, the SQL that finds the rows a change would
// alter (Lossy) or cannot carry (Unconvertible). MigrationPlanner turns
// them into preconditions the runner counts and names: unconvertible rows
// always stop the change; lossy rows stop it unless the operation says
// `allow_lossy: true`.
class TypeConversion
{
public:
    enum class Problem { Unconvertible, Lossy };
    struct Check
    {
        Problem problem = Problem::Unconvertible;
        // SQL, true for a non-NULL old value with this problem.
        QString predicate;
        // What such values are, for the message: "have a fractional part
        // (rounded to a whole number, half away from zero)".
        QString what;
    };

    TypeConversion(Dialect dialect, const Column &before, const Column &after);

    // Whether the declared type changes (else the values are copied as they are).
    bool changesType() const;
    // The checks for `value`, the SQL of the old value (a quoted column).
    // Empty when every value converts exactly.
    QList<Check> checks(const QString &value) const;
    // SQLite: the new value in the table rebuild's copy. At a value in
    // checks() (a lossy one only unless allowLossy) the copy stops with
    // SQLite's "integer overflow" error; the runner then names the rows
    // with the checks. `value` itself when nothing needs converting.
    QString sqliteCopyExpression(const QString &value, bool allowLossy) const;
    // Whether that expression can stop the copy.
    bool sqliteCopyCanStop(bool allowLossy) const;

private:
    // One SQLite storage class ('integer', 'real', 'text', 'blob'): what
    // to copy, and which values are unconvertible or lossy; empty parts
    // mean "as it is", "none".
    struct Branch
    {
        QString storage;
        QString convert;
        QString unconvertible;
        QString lossy;
    };
    QList<Branch> sqliteBranches(const QString &value) const;
    // The copy for an integer target in one comparison; empty for other targets.
    QString sqliteIntegerCopy(const QString &value, bool allowLossy) const;
    QList<Check> serverChecks(const QString &value) const;

    Dialect m_dialect;
    Column m_before;
    Column m_after;
};

} // namespace covet
