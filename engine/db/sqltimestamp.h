#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace covet {

class SqlExecutor;

// Timestamps in Covet's own tables (audit, backups): UTC, millisecond
// precision, stored as each database's real timestamp type:
//   PostgreSQL      TIMESTAMPTZ
//   MySQL/MariaDB   DATETIME(3), holding UTC (TIMESTAMP would convert by the
//                   session's time zone and ends in 2038)
//   SQLite          TEXT in ISO 8601 ("2026-12-06T15:00:00.123Z"): SQLite has
//                   no timestamp type; its date functions read this text.
// The canonical text of a timestamp is ISO 8601 UTC with milliseconds, the
// form Covet always wrote (and hashed, in the audit chain).
class SqlTimestamp
{
public:
    static QString columnType(Dialect d);
    static QString canonical(const QDateTime &t);          // "yyyy-MM-ddTHH:mm:ss.zzzZ"
    // A bind value for a timestamp column (canonical text in, too).
    static QString param(Dialect d, const QDateTime &t);
    static QString param(Dialect d, const QString &canonicalText);
    // A column value as a UTC QDateTime: a typed value (QMYSQL hands back
    // the stored fields as local time; they are UTC), or text in the
    // canonical form or MySQL's "yyyy-MM-dd HH:mm:ss.zzz".
    static QDateTime read(Dialect d, const QVariant &v);
    // A column value as canonical text. Text is returned as it is stored
    // (an audit row's hash covers exactly that), except MySQL's own text form
    // of a canonical value, left by an upgrade stopped half way.
    static QString text(Dialect d, const QVariant &v);
    // A SQL expression comparable with param(): the column whether it is
    // already a timestamp or still text (a table an older Covet made).
    static QString comparable(Dialect d, const QString &quotedColumn);
    // A SQL condition true for a row whose text column does not hold a
    // canonical timestamp (MySQL: or its own text form).
    static QString notCanonical(Dialect d, const QString &quotedColumn);

    // A text column of an older Covet table made a timestamp column in
    // place (nothing on SQLite). `columns`: each column and whether it is
    // NOT NULL. Done only when every row holds canonical text, so each
    // value reads back as the very text it was (an audit row's hash covers
    // it); otherwise the columns stay text (an audit row edited by hand is
    // named by `covet audit verify`, not hidden by a conversion).
    // PostgreSQL: one ALTER TABLE ... USING; MySQL: the text in its own form
    // first, then MODIFY (text() reads that form back as the same text
    // should the change stop between the two: its DDL is not transactional).
    // Names come quoted for the dialect (the quoting lives above this layer);
    // `table` names the table in errors.
    struct Column
    {
        QString quoted;
        bool notNull = true;
    };
    static Status retype(SqlExecutor &sql, const QString &table, const QString &quotedTable, const QList<Column> &columns);
};

} // namespace covet
