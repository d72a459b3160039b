#include "sqlexecutor.h"

#include <QSqlError>
#include <QSqlRecord>

namespace covet {

namespace {

Error prepareError(const QSqlQuery &q, const QString &sql)
{
    return Error(Error::Category::Database, q.lastError().text().simplified(), QStringLiteral("statement: %1").arg(sql.simplified().left(300)))
        .withStatement(sql);
}

} // namespace

Result<QSqlQuery> SqlExecutor::exec(const QString &sql, const QVariantList &binds, Fetch fetch)
{
    ++m_count;
    if (m_observer)
        m_observer(sql);
    QSqlQuery q(m_db);
    // Qt's PostgreSQL driver reads a forward-only query in single-row mode
    // and any other with the whole result; SQLite's would copy every row
    // into a cache of its own, so it stays forward-only there.
    q.setForwardOnly(fetch == Fetch::Streamed || m_dialect != Dialect::PostgreSQL);
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
    auto out = readRows(*q);
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
        const Error::Category cat = (e.type() == QSqlError::ConnectionError) ? Error::Category::Connection : Error::Category::Database;
        return std::unexpected(Error(cat, text, QStringLiteral("statement: %1").arg(sql.simplified().left(300))).withStatement(sql));
    }
    return q;
}

Result<QList<QVariantList>> SqlExecutor::rows(const QString &sql, const QVariantList &binds)
{
    auto q = exec(sql, binds);
    if (!q)
        return std::unexpected(q.error());
    return readRows(*q);
}

QString SqlExecutor::placeholders(qsizetype n)
{
    QStringList out;
    out.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        out << QStringLiteral("?");
    return out.join(QStringLiteral(", "));
}

QList<QVariantList> SqlExecutor::readRows(QSqlQuery &q)
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
    return out;
}

} // namespace covet
