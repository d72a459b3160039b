#include "sqlexecutor.h"

#include <QSqlError>
#include <QSqlRecord>

namespace covet {

namespace {

// An error of one statement: located by its text, carrying it whole.
Error statementError(Error::Category category, const QString &text, const QString &sql)
{
    return Error(category, text, QStringLiteral("statement: %1").arg(sql.simplified().left(300))).withStatement(sql);
}

// A driver's error: a lost connection or the database's refusal.
Error::Category categoryOf(const QSqlError &e)
{
    return e.type() == QSqlError::ConnectionError ? Error::Category::Connection : Error::Category::Database;
}

Error prepareError(const QSqlQuery &q, const QString &sql)
{
    return statementError(Error::Category::Database, q.lastError().text().simplified(), sql);
}

} // namespace

Result<QSqlQuery> SqlExecutor::exec(const QString &sql, const QVariantList &binds)
{
    ++m_count;
    if (m_observer)
        m_observer(sql);
    QSqlQuery q(m_db);
    // Rows as they arrive (PostgreSQL: single-row mode), so that the
    // client's work overlaps the server's; a whole result first was measured
    // slower for the catalog reads of `covet inspect`, though it took less CPU.
    q.setForwardOnly(true);
    bool ok = false;
    if (binds.isEmpty()) {
        ok = q.exec(sql);
    } else {
        if (!q.prepare(sql))
            return std::unexpected(prepareError(q, sql));
        for (const QVariant &v : binds)
            q.addBindValue(v);
        ok = q.exec();
    }
    return finished(q, ok, sql);
}

Result<QSqlQuery> SqlExecutor::execPrepared(const QString &sql, const QVariantList &binds)
{
    ++m_count;
    if (m_observer)
        m_observer(sql);
    if (!m_prepared)
        m_prepared = std::make_shared<QHash<QString, QSqlQuery>>();
    auto it = m_prepared->find(sql);
    if (it == m_prepared->end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return std::unexpected(prepareError(q, sql));
        it = m_prepared->insert(sql, q);
    }
    QSqlQuery &q = *it;
    q.finish();   // a SELECT read before may still be open
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    const bool ok = q.exec();
    auto out = finished(q, ok, sql);
    if (!out)
        m_prepared->erase(it);   // prepared again next time (e.g. after a failed transaction)
    return out;
}

Result<QList<QVariantList>> SqlExecutor::rowsPrepared(const QString &sql, const QVariantList &binds)
{
    auto q = execPrepared(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    auto out = readRows(*q, sql);
    q->finish();
    return out;
}

Result<QSqlQuery> SqlExecutor::finished(QSqlQuery &q, bool ok, const QString &sql)
{
    if (!ok) {
        const QSqlError e = q.lastError();
        QString text = e.databaseText().simplified();
        // Qt's SQLite driver refuses a text holding more than one statement
        // before running any of it; SQLite itself has no error then, and its
        // message is "not an error".
        if (text.isEmpty() || text.compare(QLatin1String("not an error"), Qt::CaseInsensitive) == 0)
            text = e.driverText().simplified();
        if (m_dialect == Dialect::SQLite && e.driverText().contains(QLatin1String("multiple statements")))
            text = QStringLiteral("the text holds more than one SQL statement, and SQLite runs one statement per call: nothing "
                                  "of it was run. Split it into statements (run_sql and .sql migrations are split for you); "
                                  "a field such as a default or a check holds one expression, never a statement");
        if (text.isEmpty())
            text = e.text().simplified();
        return std::unexpected(statementError(categoryOf(e), text, sql));
    }
    return q;
}

Result<QList<QVariantList>> SqlExecutor::rows(const QString &sql, const QVariantList &binds)
{
    auto q = exec(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    return readRows(*q, sql);
}

QString SqlExecutor::placeholders(qsizetype n)
{
    QStringList out;
    out.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        out << QStringLiteral("?");
    return out.join(QStringLiteral(", "));
}

Result<QList<QVariantList>> SqlExecutor::readRows(QSqlQuery &q, const QString &sql)
{
    QList<QVariantList> out;
    const int n = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(n);
        for (int i = 0; i < n; ++i)
            row << q.value(i);
        out << row;
    }
    if (Status st = endOfRows(q, sql, out.size()); !st)
        return std::unexpected(st.error());
    return out;
}

Status SqlExecutor::endOfRows(const QSqlQuery &q, const QString &sql, qsizetype rowsRead)
{
    const QSqlError e = q.lastError();
    if (!e.isValid())
        return {};
    QString text = e.databaseText().simplified();
    if (text.isEmpty())
        text = e.text().simplified();
    if (rowsRead >= 0)
        text += QStringLiteral(" (after %1 row(s))").arg(rowsRead);
    else
        text += QStringLiteral(" (part way through the rows)");
    return std::unexpected(statementError(categoryOf(e), text, sql.isEmpty() ? q.lastQuery() : sql));
}

} // namespace covet
