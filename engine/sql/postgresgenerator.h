#pragma once

#include "sqlgenerator.h"

namespace covet {

// PostgreSQL DDL: CREATE SCHEMA/TYPE, identity and serial columns, stored
// generated columns, COMMENT ON, index methods and partial indexes,
// DEFERRABLE foreign keys added after every table. Operations: ALTER COLUMN
// TYPE ... USING where a cast is needed, SET/DROP NOT NULL and DEFAULT,
// identity ADD/SET/DROP, ALTER TYPE ... ADD VALUE, named constraints.
class PostgresGenerator : public SqlGenerator
{
public:
    Dialect dialect() const override;
    QStringList createTable(const Table &table) const override;
    QString createIndex(const Table &table, const Index &index) const override;
    QString createView(const View &view) const override;
    QString createEnum(const EnumType &e) const override;

protected:
    Result<QStringList> renderOperation(const Operation &op, const Schema &before) const override;
    QString triggerFromParts(const Table &table, const Trigger &trigger) const override;
    QString columnDefinition(const Table &table, const Column &column) const override;
    QString createNamespace(const QString &name) const override;
    QString foreignKeyClause(const Table &table, const ForeignKey &fk) const override;
    // The column's type: enum types quoted by name, serial types for AutoIncrement.
    QString columnType(const Column &column) const;
    // ALTER TABLE ... ALTER COLUMN actions, in one statement, plus COMMENT ON.
    Result<QStringList> alterColumn(const AlterColumn &op) const;
    // "ADD VALUE 'x' BEFORE 'y'" statements for values added to an enum.
    Result<QStringList> alterEnum(const AlterEnum &op) const;
};

} // namespace covet
