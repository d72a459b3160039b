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

private:
    static bool autoColumnWithoutKey(const Table &table, const Column &column);
    static bool keyOfNewAutoColumn(const Table &table, const SetPrimaryKey &op);
};

} // namespace covet
