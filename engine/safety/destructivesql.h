#pragma once

#include "../schema/dialect.h"

#include <QList>
#include <QString>

namespace covet {

// What one raw SQL statement (run_sql, a plain SQL migration) destroys,
// read from how it starts: DROP TABLE, TRUNCATE, DELETE FROM, UPDATE, and
// ALTER TABLE … DROP [COLUMN]. Names are unquoted per dialect.
struct DestructiveSql
{
    enum class Kind { DropTable, Truncate, Delete, Update, DropColumn };
    Kind kind = Kind::DropTable;
    QString schema;
    QString table;
    QString column;          // DropColumn
    bool filtered = false;   // DELETE/UPDATE with a WHERE: some rows, not all

    QString describe() const;   // "drops table orders", "deletes rows of orders", ...

    // Every destructive target of `statement` (DROP TABLE a, b gives two).
    static QList<DestructiveSql> parse(const QString &statement, Dialect dialect);
};

} // namespace covet
