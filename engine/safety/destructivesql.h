#pragma once

#include "../schema/dialect.h"

#include <QList>
#include <QString>

namespace covet {

// What raw SQL (run_sql, a plain SQL migration) destroys, read with the
// engine's one SQL tokenizer by the dialect's lexical rules (comments and
// literals never count): DROP TABLE/SCHEMA/DATABASE, TRUNCATE, DELETE (also
// under WITH), UPDATE, and ALTER TABLE … DROP [COLUMN] / DROP PARTITION.
// Statements inside a PostgreSQL DO block or a procedural BEGIN … END block
// are read too. Names come out unquoted. The one reader of destructive raw
// SQL: the risk analysis counts what these name, Migration::destructiveChanges()
// lists them.
struct DestructiveSql
{
    enum class Kind { DropTable, DropSchema, Truncate, Delete, Update, DropColumn, DropPartition };
    Kind kind = Kind::DropTable;
    QString schema;
    QString table;           // the schema or database for DropSchema
    QString column;          // DropColumn; the partition for DropPartition
    bool filtered = false;   // DELETE/UPDATE with a WHERE: some rows, not all
    QString statement;       // the statement it was read from

    QString describe() const;   // "drops table orders", "deletes rows of orders", ...
    bool losesData() const { return kind != Kind::Update; }

    // Every destructive target of one statement (DROP TABLE a, b gives two).
    static QList<DestructiveSql> parse(const QString &statement, Dialect dialect);
    // Every destructive target of a script, split into statements.
    static QList<DestructiveSql> scan(const QString &script, Dialect dialect);
};

} // namespace covet
