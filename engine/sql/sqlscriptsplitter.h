#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"

#include <QList>
#include <QString>

namespace covet {

// Splits a SQL script into statements the way the dialect's shell does, so
// each can be executed on its own (QtSql runs one statement per call). It
// only finds statement boundaries; it does not parse SQL.
//
// A ';' ends a statement unless it is inside '...', "...", `...` (MySQL,
// SQLite), [...] (SQLite), a -- or /* */ comment (also # in MySQL), a
// PostgreSQL $tag$...$tag$ body, or a BEGIN ... END block of a CREATE
// TRIGGER/FUNCTION/PROCEDURE/EVENT (nested CASE ... END counted). MySQL
// "DELIMITER xx" lines change the terminator as in the mysql/mariadb client.
class SqlScriptSplitter
{
public:
    struct Statement
    {
        QString sql;    // without its terminator, trimmed; comments before it left out
        int line = 0;   // 1-based line where the statement starts

        bool operator==(const Statement &) const = default;
    };

    // An unterminated quote, comment or dollar-quoted body is an
    // InvalidInput error whose location is "line N" (where it starts).
    static Result<QList<Statement>> split(const QString &script, Dialect dialect);
};

} // namespace covet
