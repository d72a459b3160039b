#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace covet {

// Runs statements on one connection: values are always bound, failures come
// back as Error values naming the statement, and every statement is counted
// (the inspectors' fixed-query-count guarantee is tested through this).
class SqlExecutor
{
public:
    SqlExecutor(QSqlDatabase db, Dialect dialect) : m_db(std::move(db)), m_dialect(dialect) {}

    // Executes sql with positional bind values ('?' placeholders).
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // Executes and reads every row into lists of values.
    Result<QList<QVariantList>> rows(const QString &sql, const QVariantList &binds = {});
    // The same for a statement that runs many times with other values
    // (history and audit rows, once per migration): prepared once and kept
    // until releasePrepared() or the executor's end, so that PostgreSQL
    // parses it once instead of PREPARE/EXECUTE/DEALLOCATE every time. The
    // returned query is the kept one: read it before the next call.
    Result<QSqlQuery> execPrepared(const QString &sql, const QVariantList &binds);
    Result<QList<QVariantList>> rowsPrepared(const QString &sql, const QVariantList &binds);
    void releasePrepared() { m_prepared.reset(); }

    int statementCount() const { return m_count; }
    void resetStatementCount() { m_count = 0; }
    QSqlDatabase database() const { return m_db; }
    Dialect dialect() const { return m_dialect; }

    // After a loop of next() over q: the error that ended its rows part way,
    // if one did. A result can fail after some rows (PostgreSQL streams the
    // rows it has, then the error; SQLite fails at a step), and next() then
    // only says there are no more: the rows read so far are not the answer.
    // (sql: the statement's text for the message, by default q's own.)
    static Status endOfRows(const QSqlQuery &q, const QString &sql = {}, qsizetype rowsRead = -1);

    // "?, ?, ?": n placeholders for binding a list (an IN list, a row).
    static QString placeholders(qsizetype n);

    // Called with each statement before it runs (for logs, dry runs, tests).
    void setStatementObserver(std::function<void(const QString &)> observer) { m_observer = std::move(observer); }

private:
    // q after exec(): itself, or the error naming the statement.
    Result<QSqlQuery> finished(QSqlQuery &q, bool ok, const QString &sql);
    // Every row of q, or the error that ended the result part way.
    static Result<QList<QVariantList>> readRows(QSqlQuery &q, const QString &sql);

    QSqlDatabase m_db;
    Dialect m_dialect;
    int m_count = 0;
    std::function<void(const QString &)> m_observer;
    std::shared_ptr<QHash<QString, QSqlQuery>> m_prepared;   // shared by copies, like the connection
};

} // namespace covet
