#pragma once

#include "core/error.h"
#include "db/databaseurl.h"

#include <QCoreApplication>
#include <QString>

namespace covet {

// A saved connection of Covet Studio: everything needed to reach a database
// except the password. The password lives in the OS keychain (PasswordStore)
// or is asked for when connecting; a profile never carries it.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    // Where the password comes from when connecting.
    enum class PasswordSource {
        None,       // no password (or the environment/~/.pgpass supplies it)
        Keychain,   // the OS keychain holds it under the profile's name
        Ask,        // asked for each time (the keychain could not store it)
    };

    QString name;
    Dialect dialect = Dialect::PostgreSQL;
    QString host;
    int port = -1;          // -1: the dialect's default
    QString database;       // the database name, or the SQLite file
    QString user;
    QString options;        // URL query parameters: "sslmode=require&schema=app"
    PasswordSource passwordSource = PasswordSource::None;

    bool operator==(const ConnectionProfile &) const = default;

    bool isServer() const { return dialect != Dialect::SQLite; }
    // The database URL with the given password (empty: none); an error
    // names the field to fix.
    Result<DatabaseUrl> url(const QString &password = {}) const;
    // A profile for url (its password is dropped).
    static ConnectionProfile fromUrl(const DatabaseUrl &url, const QString &name = {});
    // "app@db.example.com:5432/shop", "shop.db": what a list shows.
    QString summary() const;

    static QString passwordSourceName(PasswordSource source);   // "none", "keychain", "ask"
    static PasswordSource passwordSourceFromName(const QString &name);
};

} // namespace covet
