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

    // The words of a statement that ends or starts a transaction, as written
    // ("COMMIT", "BEGIN TRANSACTION", "SET autocommit", "XA START"...), or
    // empty. ROLLBACK TO a savepoint, SAVEPOINT and RELEASE stay inside the
    // transaction and are not such statements.
    static QString transactionControl(const QString &statement, Dialect dialect);
    // Covet runs each migration in a transaction of its own (or records each
    // statement of a non-transactional one as a step): a COMMIT or BEGIN in
    // a migration would end it, so a dry run would keep its changes and a
    // failure could not be undone. The error refusing such a statement,
    // located at `where` (file:line).
    static Error transactionControlError(const QString &words, const QString &where);
    // A script wrapped whole in BEGIN (or START TRANSACTION) ... COMMIT (or
    // END), the way SQL files are often written, runs in the transaction
    // Covet opens for it without the two: drops them and returns true.
    static bool dropTransactionWrapper(QStringList &statements, Dialect dialect);
};

} // namespace covet
