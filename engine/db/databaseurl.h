#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"

#include <QMap>
#include <QString>

namespace covet {

// A parsed database URL:
//   sqlite:path/to/file.db   sqlite:///abs/path.db   sqlite::memory:
//   postgresql://user[:password]@host[:port]/db?schema=s&sslmode=require
//   mysql://user[:password]@host[:port]/db   (also mariadb://)
// The password is never part of what display() returns.
class DatabaseUrl
{
public:
    static Result<DatabaseUrl> parse(const QString &text);
    static DatabaseUrl sqliteFile(const QString &path);
    // Text that may be a URL, with the password of its user info (between
    // the user's ':' and the last '@') replaced by ***; for quoting input
    // that did not parse.
    static QString redacted(const QString &text);

    Dialect dialect() const { return m_dialect; }
    QString host() const { return m_host; }
    int port() const { return m_port; }          // -1: the dialect's default
    QString user() const { return m_user; }
    QString database() const { return m_database; }   // SQLite: file path or ":memory:"
    bool isMemory() const { return m_database == u":memory:"; }
    QString param(const QString &key) const { return m_params.value(key); }
    QMap<QString, QString> params() const { return m_params; }
    QString schemaParam() const { return m_params.value(QStringLiteral("schema")); }

    bool hasPassword() const { return !m_password.isEmpty(); }
    QString password() const { return m_password; }
    void setPassword(const QString &p) { m_password = p; }
    void setDatabase(const QString &d) { m_database = d; }

    // The password as the URL gives it, else PGPASSWORD (PostgreSQL), else
    // COVET_PASSWORD, else a matching ~/.pgpass entry (PostgreSQL), else empty.
    QString resolvePassword() const;

    // The URL with any password masked as "***": safe to print and log.
    QString display() const;
    // The URL with the password as given (for child processes only).
    QString toString() const;

    QString driverName() const;   // QSQLITE, QPSQL, QMYSQL

    // The same database, reached the same way: dialect, host, port, user,
    // password, database and parameters (not the scheme's spelling:
    // sqlite3: and sqlite:, mariadb:// and mysql:// name the same thing).
    friend bool operator==(const DatabaseUrl &a, const DatabaseUrl &b)
    {
        return a.m_dialect == b.m_dialect && a.m_host == b.m_host && a.m_port == b.m_port && a.m_user == b.m_user
            && a.m_password == b.m_password && a.m_database == b.m_database && a.m_params == b.m_params;
    }

    // Replaces every occurrence of the password in text with "***".
    QString mask(QString text) const;

private:
    static Result<DatabaseUrl> parseText(const QString &text);   // parse() without the round-trip check
    QString compose(bool withPassword) const;

    Dialect m_dialect = Dialect::SQLite;
    QString m_scheme;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_database;
    QMap<QString, QString> m_params;
};

} // namespace covet
