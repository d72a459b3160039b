#include "sqlexecutor.h"

#include <QSqlError>
#include <QSqlRecord>

namespace covet {

Result<QSqlQuery> SqlExecutor::exec(const QString &sql, const QVariantList &binds)
{
    ++m_count;
    if (m_observer)
        m_observer(sql);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    bool ok = false;
    if (binds.isEmpty()) {
        ok = q.exec(sql);
    } else {
        if (!q.prepare(sql)) {
            return std::unexpected(Error(Error::Category::Database, q.lastError().text().simplified(),
                                         QStringLiteral("statement: %1").arg(sql.simplified().left(300)))
                                       .withStatement(sql));
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        ok = q.exec();
    }
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
    QList<QVariantList> out;
    const int n = q->record().count();
    while (q->next()) {
        QVariantList row;
        row.reserve(n);
        for (int i = 0; i < n; ++i)
            row << q->value(i);
        out << row;
    }
    return out;
}

} // namespace covet
