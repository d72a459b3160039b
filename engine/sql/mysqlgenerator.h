#pragma once

#include "sqlgenerator.h"

namespace covet {

// MySQL/MariaDB DDL: AUTO_INCREMENT, character sets and collations, column
// and table comments, ENGINE, FULLTEXT/SPATIAL/HASH indexes and prefix
// lengths, foreign keys added after every table, DELIMITER for trigger bodies
// in scripts. Operations: MODIFY COLUMN with the full new definition, RENAME
// COLUMN (MySQL 8, MariaDB 10.5), DROP FOREIGN KEY (with InnoDB's own index
// for the key) / DROP INDEX by name, and
// DROP CONSTRAINT for checks (MariaDB 10.2+ and MySQL 8.0.19+ both accept
// it; MariaDB has no DROP CHECK).
class MysqlGenerator : public SqlGenerator
{
public:
    Dialect dialect() const override;
    QStringList createTable(const Table &table) const override;
    QString createIndex(const Table &table, const Index &index) const override;
    // Whether InnoDB surely holds an index of its own, named after it, for
    // the foreign key `fkName` of `table` (as the model has the table) that
    // serves no other key; dropping the key drops that index too.
    static bool hasImplicitIndex(const Table &table, const QString &fkName);

protected:
    Result<QStringList> renderOperation(const Operation &op, const Schema &before) const override;
    QString triggerFromParts(const Table &table, const Trigger &trigger) const override;
    QString columnDefinition(const Table &table, const Column &column) const override;
    QString scriptText(const ScriptStatement &statement) const override;
    QString primaryKeyClause(const PrimaryKey &pk) const override;
    QString indexPart(const IndexPart &part) const override;
    // Both actions always written: MySQL reads an omitted action back as
    // RESTRICT, an explicit NO ACTION as NO ACTION.
    QString foreignKeyActions(const ForeignKey &fk) const override;
    // DROP FOREIGN KEY, DROP INDEX (uniques), DROP CONSTRAINT (checks).
    QString dropConstraintAction(ConstraintKind kind) const override;
    // The table options after the closing parenthesis: ENGINE, charset, comment.
    QString tableOptions(const Table &table) const;

    // MySQL takes an AUTO_INCREMENT column only as a key, in the statement
    // that adds it (which numbers the rows the table has): an AddColumn of
    // such a column whose table's next key change is a SetPrimaryKey onto
    // exactly that column renders both in one ALTER TABLE ([DROP PRIMARY
    // KEY,] ADD PRIMARY KEY), and that SetPrimaryKey renders nothing.
    Result<QStringList> renderInPlan(const OperationList &ops, qsizetype i, const Schema &before) const override;

private:
    // The index of the SetPrimaryKey that ops[i] (an AddColumn) takes in, or -1.
    static qsizetype keyTakenWith(const OperationList &ops, qsizetype i);
};

} // namespace covet
