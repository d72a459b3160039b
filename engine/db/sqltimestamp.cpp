#include "sqltimestamp.h"

#include "sqlexecutor.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace covet {

namespace {

const QString kMySqlTextForm = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");

bool isMySqlTextForm(const QString &s)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}$"));
    return form.match(s).hasMatch();
}

} // namespace

QString SqlTimestamp::columnType(Dialect d)
{
    switch (d) {
    case Dialect::PostgreSQL: return QStringLiteral("TIMESTAMPTZ");
    case Dialect::MySQL: return QStringLiteral("DATETIME(3)");
    case Dialect::SQLite: return QStringLiteral("TEXT");
    }
    return QStringLiteral("TEXT");
}

QString SqlTimestamp::canonical(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString SqlTimestamp::param(Dialect d, const QDateTime &t)
{
    // PostgreSQL reads the canonical text (its "Z" included) into a
    // TIMESTAMPTZ, whatever the session's time zone; MySQL refuses the "T"
    // and "Z" in strict mode.
    return d == Dialect::MySQL ? t.toUTC().toString(kMySqlTextForm) : canonical(t);
}

QString SqlTimestamp::param(Dialect d, const QString &canonicalText)
{
    if (d != Dialect::MySQL)
        return canonicalText;
    const QDateTime t = QDateTime::fromString(canonicalText, Qt::ISODateWithMs);
    return t.isValid() ? param(d, t) : canonicalText;
}

QDateTime SqlTimestamp::read(Dialect d, const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType().id() == QMetaType::QDateTime) {
        const QDateTime t = v.toDateTime();
        if (d == Dialect::MySQL)   // the stored fields, handed back as local time: they are UTC
            return QDateTime(t.date(), t.time(), QTimeZone::utc());
        return t.toUTC();
    }
    QString s = v.toString().trimmed();
    if (isMySqlTextForm(s))
        return QDateTime(QDate::fromString(s.left(10), Qt::ISODate), QTime::fromString(s.mid(11), QStringLiteral("HH:mm:ss.zzz")), QTimeZone::utc());
    s.replace(u' ', u'T');
    if (s.endsWith(QLatin1String("+00")))
        s.chop(3);
    if (!s.endsWith(u'Z'))
        s += u'Z';
    return QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

QString SqlTimestamp::text(Dialect d, const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType().id() == QMetaType::QDateTime)
        return canonical(read(d, v));
    const QString s = v.toString();
    if (d == Dialect::MySQL && isMySqlTextForm(s))
        return canonical(read(d, v));
    return s;
}

QString SqlTimestamp::comparable(Dialect d, const QString &quotedColumn)
{
    if (d != Dialect::MySQL)   // PostgreSQL casts the bound text to the column's type; SQLite compares text
        return quotedColumn;
    return QStringLiteral("CAST(REPLACE(REPLACE(%1, 'T', ' '), 'Z', '') AS DATETIME(3))").arg(quotedColumn);
}

QString SqlTimestamp::notCanonical(Dialect d, const QString &quotedColumn)
{
    const QString date = QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}");
    const QString time = QStringLiteral("[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}");
    switch (d) {
    case Dialect::PostgreSQL: return QStringLiteral("%1 !~ '%2T%3Z$'").arg(quotedColumn, date, time);
    case Dialect::MySQL: return QStringLiteral("%1 NOT REGEXP '%2(T%3Z|[ ]%3)$'").arg(quotedColumn, date, time);
    case Dialect::SQLite: return QStringLiteral("%1 NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'").arg(quotedColumn);
    }
    return QStringLiteral("1 = 0");
}

Status SqlTimestamp::retype(SqlExecutor &sql, const QString &table, const QString &quotedTable, const QList<Column> &columns)
{
    const Dialect d = sql.dialect();
    if (d == Dialect::SQLite || columns.isEmpty())
        return {};
    const QString &t = quotedTable;
    QStringList odd;
    QStringList alter;
    QStringList set;
    for (const Column &c : columns) {
        const QString &col = c.quoted;
        odd << notCanonical(d, col);
        if (d == Dialect::PostgreSQL) {
            alter << QStringLiteral("ALTER COLUMN %1 TYPE %2 USING %1::timestamptz").arg(col, columnType(d));
        } else {
            set << QStringLiteral("%1 = REPLACE(REPLACE(%1, 'T', ' '), 'Z', '')").arg(col);
            alter << QStringLiteral("MODIFY %1 %2%3").arg(col, columnType(d), c.notNull ? QStringLiteral(" NOT NULL") : QString());
        }
    }
    auto count = sql.rows(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(t, odd.join(QStringLiteral(" OR "))));
    if (!count)
        return std::unexpected(count.error().withContext(QStringLiteral("reading the timestamps of %1").arg(table)));
    if (!count->isEmpty() && count->first().value(0).toLongLong() > 0)
        return {};
    QStringList steps;
    if (!set.isEmpty())
        steps << QStringLiteral("UPDATE %1 SET %2").arg(t, set.join(QStringLiteral(", ")));
    steps << QStringLiteral("ALTER TABLE %1 %2").arg(t, alter.join(QStringLiteral(", ")));
    for (const QString &step : steps)
        if (auto r = sql.exec(step); !r)
            return std::unexpected(r.error().withContext(QStringLiteral("turning the timestamps of %1 into timestamp columns").arg(table)));
    return {};
}

} // namespace covet
