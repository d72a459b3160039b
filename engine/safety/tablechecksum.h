#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QString>
#include <QStringList>

namespace covet {

// An order-independent fingerprint of some columns of a table's rows,
// computed by the server in one statement: the row count and the sum
// (mod 2^64 on SQLite, exact elsewhere) of a 64-bit hash of each row's
// values as the dialect prints them —
//  - PostgreSQL: md5(ROW(c1, c2, …)::text);
//  - MySQL/MariaDB: MD5(CONCAT_WS(0x1f, QUOTE(c1), QUOTE(c2), …));
//  - SQLite: covet_checksum(c1, c2, …), an aggregate Covet registers on the
//    connection (FNV-1a over each value's type and bytes, mixed).
// Equal fingerprints over the same columns mean the same multiset of rows
// (up to hash collisions); an edited, deleted or added row changes it.
class TableChecksum
{
public:
    struct Value
    {
        qint64 rows = 0;
        QString sum;
        QString toString() const { return QStringLiteral("%1:%2").arg(rows).arg(sum); }
        static Value fromString(const QString &text);
        bool operator==(const Value &) const = default;
    };

    // Over `columns` of every row of schema.table (where: an optional
    // condition built from quoted identifiers).
    static Result<Value> of(SqlExecutor &sql, const QString &schema, const QString &table, const QStringList &columns,
                            const QString &where = {});
    // Over `columns` of the rows of `target` whose key (keyColumns) appears
    // in `keysFrom` (another table with the same key columns): what a restore
    // wrote, to compare with the backup's own checksum.
    static Result<Value> ofMatching(SqlExecutor &sql, const QString &schema, const QString &target, const QString &keysSchema,
                                    const QString &keysFrom, const QStringList &keyColumns, const QStringList &columns);

    // SQLite: registers covet_checksum() on the connection (idempotent);
    // nothing to do elsewhere.
    static Status prepare(SqlExecutor &sql);

    // PostgreSQL: runs a data-changing statement `dml` (an UPDATE whose
    // target table has the alias `alias`) with RETURNING the columns and
    // gives the checksum of the rows it wrote, as ofMatching() would read
    // them afterwards — without a second pass over the table.
    static Result<Value> ofWritten(SqlExecutor &sql, const QString &dml, const QString &alias, const QStringList &columns);

private:
    static Result<Value> read(SqlExecutor &sql, const QString &text);
    static QString expression(Dialect dialect, const QString &alias, const QStringList &columns);
};

} // namespace covet
