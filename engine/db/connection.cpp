#include "connection.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace covet {

namespace {

QAtomicInteger<quint64> g_counter;

QString uniqueName(const QString &purpose)
{
    return QStringLiteral("covet-%1-%2-%3")
        .arg(purpose.isEmpty() ? QStringLiteral("conn") : purpose)
        .arg(quintptr(QThread::currentThreadId()), 0, 16)
        .arg(g_counter.fetchAndAddRelaxed(1));
}

// The server's own message (not the driver's "QPSQL: Unable to connect")
// and what was tried: host:port, database, user; the password only as
// given or not.
QString connectFailure(const DatabaseUrl &url, const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    text = url.mask(text).simplified();
    if (text.endsWith(u'.'))
        text.chop(1);
    if (url.dialect() == Dialect::SQLite)
        return QStringLiteral("cannot open the SQLite database %1: %2").arg(url.database(), text);
    const int port = url.port() > 0 ? url.port() : (url.dialect() == Dialect::PostgreSQL ? 5432 : 3306);
    const QString host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    const QString user = url.user().isEmpty() ? QStringLiteral("(default)") : url.user();
    const QString password = url.resolvePassword().isEmpty() ? QStringLiteral("none") : QStringLiteral("***");
    return QStringLiteral("cannot connect: %1 (tried %2:%3, database %4, user %5, password %6); check the server is running, "
                          "the URL and the credentials")
        .arg(text, host, QString::number(port), url.database(), user, password);
}

} // namespace

Connection::Connection(QString name, DatabaseUrl url) : m_name(std::move(name)), m_url(std::move(url)) {}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Connection>> Connection::open(const QString &url, const QString &purpose, bool createSqlite)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return std::unexpected(parsed.error());
    return open(*parsed, purpose, createSqlite);
}

Result<std::unique_ptr<Connection>> Connection::open(const DatabaseUrl &url, const QString &purpose, bool createSqlite)
{
    const QString driver = url.driverName();
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        const QString package = url.dialect() == Dialect::PostgreSQL ? QStringLiteral("libqt6sql6-psql")
                              : url.dialect() == Dialect::MySQL      ? QStringLiteral("libqt6sql6-mysql")
                                                                     : QStringLiteral("libqt6sql6-sqlite");
        return fail(Error::Category::Connection,
                    QStringLiteral("the Qt SQL driver %1 is not installed; install %2 (scripts/install-deps.sh does)").arg(driver, package),
                    url.display());
    }
    if (url.dialect() == Dialect::SQLite && !url.isMemory() && !createSqlite && !QFileInfo::exists(url.database()))
        return fail(Error::Category::NotFound, QStringLiteral("SQLite database file does not exist"), url.database());

    std::unique_ptr<Connection> conn(new Connection(uniqueName(purpose), url));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, conn->m_name);
        QStringList options;
        switch (url.dialect()) {
        case Dialect::SQLite:
            db.setDatabaseName(url.database());
            options << QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
            break;
        case Dialect::PostgreSQL: {
            db.setHostName(url.host());
            if (url.port() > 0)
                db.setPort(url.port());
            db.setDatabaseName(url.database());
            db.setUserName(url.user());
            db.setPassword(url.resolvePassword());
            options << QStringLiteral("connect_timeout=%1").arg(url.param(QStringLiteral("connect_timeout")).isEmpty()
                                                                 ? QStringLiteral("5") : url.param(QStringLiteral("connect_timeout")));
            const QString sslmode = url.param(QStringLiteral("sslmode"));
            if (!sslmode.isEmpty())
                options << QStringLiteral("sslmode=") + sslmode;
            options << QStringLiteral("application_name=covet");
            break;
        }
        case Dialect::MySQL:
            db.setHostName(url.host());
            if (url.port() > 0)
                db.setPort(url.port());
            db.setDatabaseName(url.database());
            db.setUserName(url.user());
            db.setPassword(url.resolvePassword());
            options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=5");
            break;
        }
        db.setConnectOptions(options.join(u';'));
        if (!db.open())
            return fail(Error::Category::Connection, connectFailure(url, db.lastError()), url.display());
        QSqlQuery q(db);
        if (url.dialect() == Dialect::SQLite) {
            q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        } else if (url.dialect() == Dialect::MySQL) {
            q.exec(QStringLiteral("SET NAMES utf8mb4"));
        } else if (url.dialect() == Dialect::PostgreSQL) {
            q.exec(QStringLiteral("SET client_min_messages = warning"));
            const QString schema = url.schemaParam();
            if (!schema.isEmpty()) {
                q.prepare(QStringLiteral("SELECT set_config('search_path', $1, false)"));
                QString quoted = schema;
                quoted.replace(u'"', QStringLiteral("\"\""));
                q.addBindValue(u'"' + quoted + u'"');
                if (!q.exec())
                    return fail(Error::Category::Connection, QStringLiteral("cannot set search_path: %1").arg(q.lastError().text()),
                                url.display());
            }
        }
    }
    if (auto st = conn->readServerVersion(); !st)
        return std::unexpected(st.error());
    return conn;
}

Status Connection::readServerVersion()
{
    QSqlQuery q(database());
    switch (m_url.dialect()) {
    case Dialect::SQLite:
        if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next()) {
            const QString v = q.value(0).toString();
            m_serverVersion = QStringLiteral("SQLite ") + v;
            const QStringList parts = v.split(u'.');
            m_versionNumber = parts.value(0).toInt() * 1000000 + parts.value(1).toInt() * 1000 + parts.value(2).toInt();
        }
        break;
    case Dialect::PostgreSQL:
        if (q.exec(QStringLiteral("SELECT current_setting('server_version'), current_setting('server_version_num')::int")) && q.next()) {
            m_serverVersion = QStringLiteral("PostgreSQL ") + q.value(0).toString().section(u' ', 0, 0);
            m_versionNumber = q.value(1).toInt();
        }
        break;
    case Dialect::MySQL:
        if (q.exec(QStringLiteral("SELECT VERSION()")) && q.next()) {
            const QString v = q.value(0).toString();
            m_mariadb = v.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive);
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)")).match(v);
            m_serverVersion = (m_mariadb ? QStringLiteral("MariaDB ") : QStringLiteral("MySQL ")) + (m.hasMatch() ? m.captured(0) : v);
            if (m.hasMatch())
                m_versionNumber = m.captured(1).toInt() * 10000 + m.captured(2).toInt() * 100 + m.captured(3).toInt();
        }
        break;
    }
    if (m_serverVersion.isEmpty())
        return fail(Error::Category::Connection, QStringLiteral("connected, but could not read the server version"), m_url.display());
    return {};
}

} // namespace covet
