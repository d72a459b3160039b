#pragma once

#include "sqlgenerator.h"

namespace covet {

// SQLite DDL: INTEGER PRIMARY KEY AUTOINCREMENT, foreign keys inline in
// CREATE TABLE, WITHOUT ROWID, partial and expression indexes, generated
// columns, trigger blocks. Operations: native ALTER TABLE where the version
// allows (RENAME TO, RENAME COLUMN since 3.25, ADD COLUMN, DROP COLUMN since
// 3.35), else a table rebuild (SqliteRebuild) merging the consecutive
// operations on that table.
class SqliteGenerator : public SqlGenerator
{
    friend class SqliteRebuild;

public:
    Result<QList<SqlBatch>> renderBatches(const OperationList &ops, const Schema &before) const override;
    Result<QList<OperationGroup>> renderGroups(const OperationList &ops, const Schema &before, bool applied = false) const override;
    Dialect dialect() const override;
    QStringList createTable(const Table &table) const override;
    QString createIndex(const Table &table, const Index &index) const override;
    QString addForeignKey(const Table &table, const ForeignKey &fk) const override;
    // The column written as "INTEGER PRIMARY KEY AUTOINCREMENT", if any.
    static const Column *autoincrementColumn(const Table &table);

protected:
    Result<QStringList> renderOperation(const Operation &op, const Schema &before) const override;
    QString triggerFromParts(const Table &table, const Trigger &trigger) const override;
    QString columnDefinition(const Table &table, const Column &column) const override;
    QString referencedTable(const Table &table, const ForeignKey &fk) const override;
    QString foreignKeyClause(const Table &table, const ForeignKey &fk) const override;
};

} // namespace covet
