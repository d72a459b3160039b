#pragma once

#include "../core/error.h"
#include "operation.h"

#include <QHash>

namespace covet {

// Applies operations to a Schema in memory, the way the database would
// apply their SQL: renames follow into primary keys, constraints, indexes
// and the foreign keys of other tables; dropping a column also drops the
// indexes, unique constraints and foreign keys that use it (as PostgreSQL
// does). Migration history is replayed with this, without a database.
// Errors name what is missing or already there ("table public.orders does
// not exist").
class OperationApplier
{
public:
    static Status apply(Schema &schema, const Operation &op);
    static Result<Schema> applyAll(Schema schema, const OperationList &ops);

    // Lookups shared with OperationReverser; -1 / nullptr / an error when absent.
    static Result<Table *> findTable(Schema &schema, const QString &ns, const QString &name);
    static Result<const Table *> findTable(const Schema &schema, const QString &ns, const QString &name);
    // By name when the operation names it, else by columns (and target).
    static qsizetype findForeignKey(const Table &table, const ForeignKey &fk);
    static qsizetype findCheck(const Table &table, const Check &check);
    static qsizetype findUnique(const Table &table, const UniqueConstraint &unique);
    static qsizetype findIndex(const Table &table, const QString &name);
    static qsizetype findTrigger(const Table &table, const QString &name);
    static QString qualified(const QString &ns, const QString &name);

    // Renames columns of many tables in one pass over the schema (the
    // Differ's bulk path; RenameColumn uses it too): tableKey(ns, table) ->
    // old name -> new name, all by their names before any of the renames.
    // The caller has checked that the names exist and do not clash.
    static void renameColumns(Schema &schema, const QHash<QString, QHash<QString, QString>> &renames);
    static QString tableKey(const QString &ns, const QString &name) { return ns + u'\x1f' + name; }
};

} // namespace covet
