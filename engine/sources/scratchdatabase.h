#pragma once

#include "../core/error.h"
#include "../db/connection.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace covet {

// A uniquely named database (covet_dev_<random>) created on a server for
// work that must not touch the real one — loading a DDL file, replaying
// plain SQL migrations, rehearsing migrations on MySQL/MariaDB — and
// always dropped again (the destructor; drop() to see whether it worked).
// For SQLite: an in-memory database.
class ScratchDatabase
{
public:
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    // devUrl: the server (any database on it); `purpose` names it in
    // messages ("--dev-url", "dev_url"). Errors say what the user needs.
    static Result<std::unique_ptr<ScratchDatabase>> create(Dialect dialect, const QString &devUrl, const QString &purpose = QStringLiteral("--dev-url"));

    Connection &connection() { return *m_conn; }
    QString name() const { return m_name; }
    // Drops it now (closing the connection first); an error when it could not.
    Status drop();

    static QString prefix() { return QStringLiteral("covet_dev_"); }
    // The names this process creates: covet_dev_<pid>_<random> (so that a
    // leak is traced to its process, and checked without other runs' names).
    static QString ownPrefix() { return prefix() + QString::number(QCoreApplication::applicationPid()) + u'_'; }

private:
    ScratchDatabase() = default;
    std::unique_ptr<Connection> m_admin;
    std::unique_ptr<Connection> m_conn;
    QString m_name;
    QString m_display;
    Dialect m_dialect = Dialect::SQLite;
    bool m_dropped = false;
};

} // namespace covet
