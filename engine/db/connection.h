#pragma once

#include "../core/error.h"
#include "databaseurl.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace covet {

// One open database connection, owned by the thread that opened it. Each
// Connection registers a QSqlDatabase under a unique name and removes it when
// destroyed, so workers never share a connection.
class Connection
{
public:
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Opens the database; for SQLite a missing file is created only when
    // createSqlite is true (otherwise it is a NotFound error).
    static Result<std::unique_ptr<Connection>> open(const DatabaseUrl &url, const QString &purpose = {},
                                                    bool createSqlite = true);
    static Result<std::unique_ptr<Connection>> open(const QString &url, const QString &purpose = {},
                                                    bool createSqlite = true);

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    QString name() const { return m_name; }
    const DatabaseUrl &url() const { return m_url; }
    Dialect dialect() const { return m_url.dialect(); }
    // "PostgreSQL 15.5", "MariaDB 10.11.6", "SQLite 3.40.1"
    QString serverVersion() const { return m_serverVersion; }
    // Numeric version, e.g. 150005 / 101106 / 3040001.
    int serverVersionNumber() const { return m_versionNumber; }
    bool isMariaDb() const { return m_mariadb; }

private:
    Connection(QString name, DatabaseUrl url);
    Status readServerVersion();

    QString m_name;
    DatabaseUrl m_url;
    QString m_serverVersion;
    int m_versionNumber = 0;
    bool m_mariadb = false;
};

} // namespace covet
