#include "dialectcapabilities.h"

#include "connection.h"

namespace covet {

namespace {

// The versions assumed when planning without a database.
constexpr int kSqliteDefault = 3035000;    // SqlGenerator's default
constexpr int kPostgresDefault = 120000;
constexpr int kMysqlDefault = 80000;
constexpr int kMariaDbDefault = 100500;

} // namespace

DialectCapabilities DialectCapabilities::of(Dialect dialect, int version, bool mariadb)
{
    DialectCapabilities c;
    c.dialect = dialect;
    c.mariadb = dialect == Dialect::MySQL && mariadb;
    switch (dialect) {
    case Dialect::SQLite:
        c.version = version > 0 ? version : kSqliteDefault;
        c.transactionalDdl = true;
        c.executesDryRun = true;
        c.nativeRenameColumn = c.version >= 3025000;
        c.nativeDropColumn = c.version >= 3035000;
        c.rebuildsTables = true;
        c.alterColumnType = false;
        break;
    case Dialect::PostgreSQL:
        c.version = version > 0 ? version : kPostgresDefault;
        c.transactionalDdl = true;
        c.executesDryRun = true;
        c.advisoryLocks = true;
        c.namespaces = true;
        c.concurrentIndex = true;
        c.notValidConstraints = true;
        break;
    case Dialect::MySQL:
        c.version = version > 0 ? version : (c.mariadb ? kMariaDbDefault : kMysqlDefault);
        c.transactionalDdl = false;
        c.executesDryRun = false;
        c.advisoryLocks = true;
        c.columnPosition = true;
        c.foreignKeyLeavesIndex = true;
        // RENAME COLUMN: MySQL 8.0, MariaDB 10.5.2 (older: CHANGE with the
        // full definition, which the generator writes anyway).
        c.nativeRenameColumn = c.mariadb ? c.version >= 100502 : c.version >= 80000;
        c.instantAddColumn = c.mariadb ? c.version >= 100302 : c.version >= 80012;
        c.inplaceIndex = true;
        break;
    }
    return c;
}

DialectCapabilities DialectCapabilities::of(const Connection &connection)
{
    return of(connection.dialect(), connection.serverVersionNumber(), connection.isMariaDb());
}

QString DialectCapabilities::productName() const
{
    switch (dialect) {
    case Dialect::SQLite: return QStringLiteral("SQLite");
    case Dialect::PostgreSQL: return QStringLiteral("PostgreSQL");
    case Dialect::MySQL: return mariadb ? QStringLiteral("MariaDB") : QStringLiteral("MySQL");
    }
    return {};
}

QString DialectCapabilities::dryRunLimitation() const
{
    if (executesDryRun)
        return {};
    return QStringLiteral("%1 commits DDL at once, so a dry run cannot execute the SQL; it was only printed").arg(productName());
}

} // namespace covet
