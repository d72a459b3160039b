#pragma once

#include "../core/error.h"
#include "../operations/operation.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

class SqliteGenerator;

// The table rebuild of SQLite's ALTER TABLE documentation ("Making Other
// Kinds Of Table Schema Changes"), for the changes SQLite cannot make in
// place: every AlterColumn, constraints and primary keys, ADD COLUMN with a
// key, identity or expression default, and RENAME/DROP COLUMN where the
// version or the column's uses forbid the native statement.
//
// One rebuild takes the consecutive operations on one table (add() while
// canAbsorb()), then statements() writes, for the table as it ends up:
//   drop the views that read the table (and the views reading those) and
//   the triggers of other tables that name it; CREATE TABLE covet_new_X;
//   INSERT INTO covet_new_X (kept columns) SELECT (their values) FROM X;
//   DROP TABLE X; ALTER TABLE covet_new_X RENAME TO X; recreate indexes,
//   triggers and the dropped views and triggers; the foreign-key check.
// The statements hold no PRAGMA and no BEGIN/COMMIT: they must run inside
// one transaction with PRAGMA foreign_keys=OFF set before it (otherwise
// DROP TABLE X fires ON DELETE CASCADE and deletes child rows); see
// SqlBatch::foreignKeysOff. The foreign-key check is a CHECK constraint on a
// temporary table that fails when pragma_foreign_key_check finds a row, so
// a broken reference aborts the transaction in any runner or shell.
//
// The copy carries the data through the changes: a column whose type
// changes is converted the way PostgreSQL and MySQL convert it
// (TypeConversion::sqliteCopyExpression; the alter_column's `using`
// expression instead when it has one), and the copy stops at a value they
// would refuse (and at one they would round or cut, unless the alter_column
// allows it); an added column with a backfill takes it; with
// SqlGenerator::fillsNulls(), a column tightened to NOT NULL takes its
// default where it held NULL. A NOT NULL column left without a value stops
// the copy at its NOT NULL constraint: those checks cost no pass of their
// own.
class SqliteRebuild
{
public:
    SqliteRebuild(const SqliteGenerator &generator, const Schema &schema, const QString &ns, const QString &table);

    // The table `op` needs rebuilt given the schema before it (as
    // {namespace, name}), or nullopt when SQLite can do it in place. An
    // error when no form can do it (a dropped column still used by a view).
    static Result<std::optional<std::pair<QString, QString>>> tableToRebuild(const SqliteGenerator &generator,
                                                                               const Operation &op, const Schema &before);

    // Whether `op` changes this table only and can join the rebuild.
    bool canAbsorb(const Operation &op) const;
    // Applies `op` to the table and follows its columns (renamed, dropped, added).
    Status add(const Operation &op);
    const Schema &schemaAfter() const { return m_after; }

    // The statements (see above); an error when no column is kept.
    Result<QStringList> statements() const;

    // The temporary table that holds the foreign-key check.
    static QString checkTableName() { return QStringLiteral("covet_foreign_key_check"); }

private:
    // Views reading the table, directly or through other views, in creation order.
    QList<const View *> dependentViews() const;
    // Triggers of other tables whose text names the table: {table, trigger}.
    QList<std::pair<const Table *, const Trigger *>> dependentTriggers() const;
    // What still names `column` of the table (a view, a trigger, a check...), or empty.
    QString userOf(const QString &column, bool includeOwnDefinition) const;
    QString newTableName() const;

    const SqliteGenerator &m_gen;
    Schema m_before;
    Schema m_after;
    QString m_ns;
    QString m_table;
    QHash<QString, QString> m_source;   // column of the new table -> its column in the old table
    QHash<QString, QString> m_using;    // column of the new table -> the alter_column's `using` expression
    QHash<QString, QString> m_backfill; // added column -> the add_column's backfill expression
    QSet<QString> m_allowLossy;         // columns whose alter_column says allow_lossy
};

} // namespace covet
