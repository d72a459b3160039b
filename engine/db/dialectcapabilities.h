#pragma once

#include "../schema/dialect.h"

#include <QString>

namespace covet {

class Connection;

// What one database server can do, decided once: the runner, the planner,
// the SQL generators, the safety analysis, the CLI and Covet Studio ask this
// value instead of branching on Dialect::MySQL themselves.
//
// Built from a live connection (dialect, server version, MariaDB or MySQL)
// or, for planning without a database, from the dialect alone with the
// oldest version Covet supports for it (SQLite: the version SqlGenerator
// assumes unless told; servers: PostgreSQL 12, MySQL 8.0, MariaDB 10.5).
struct DialectCapabilities
{
    Dialect dialect = Dialect::SQLite;
    int version = 0;        // 150005, 101106, 3040001; 0 when unknown
    bool mariadb = false;

    // DDL runs inside a transaction and rolls back with it (PostgreSQL,
    // SQLite). MySQL/MariaDB commit each DDL statement at once.
    bool transactionalDdl = true;
    // A dry run can execute the SQL in a transaction that is rolled back.
    bool executesDryRun = true;
    // A lock that is not a table lock and dies with the session
    // (pg_advisory_lock, GET_LOCK); SQLite uses its write lock instead.
    bool advisoryLocks = false;
    // Named schemas (CREATE SCHEMA) a table can live in.
    bool namespaces = false;
    // ALTER TABLE … RENAME COLUMN / DROP COLUMN without a table rebuild.
    bool nativeRenameColumn = true;
    bool nativeDropColumn = true;
    // ALTER TABLE changes beyond rename/add/drop column need SQLite's
    // 12-step table rebuild.
    bool rebuildsTables = false;
    // Adding a foreign key creates an index on its columns (named after the
    // key) that dropping the key leaves behind (InnoDB): a squash must not
    // cancel a foreign key's drop.
    bool foreignKeyLeavesIndex = false;
    // ADD COLUMN … AFTER c / FIRST: a column can be put back where it was.
    bool columnPosition = false;
    // CREATE INDEX CONCURRENTLY; ADD CONSTRAINT … NOT VALID.
    bool concurrentIndex = false;
    bool notValidConstraints = false;
    // ALGORITHM=INSTANT for ADD COLUMN (MySQL 8.0.12+, MariaDB 10.3.2+) and
    // ALGORITHM=INPLACE for index builds.
    bool instantAddColumn = false;
    bool inplaceIndex = false;
    // Changing a column's type in place (PostgreSQL ALTER TYPE, MySQL
    // MODIFY); SQLite rebuilds the table.
    bool alterColumnType = true;

    static DialectCapabilities of(Dialect dialect, int version = 0, bool mariadb = false);
    static DialectCapabilities of(const Connection &connection);

    // "PostgreSQL", "MariaDB", "MySQL", "SQLite": for messages.
    QString productName() const;
    // Why a dry run only prints (empty when it can execute).
    QString dryRunLimitation() const;
};

} // namespace covet
