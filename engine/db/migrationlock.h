#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "connection.h"

#include <memory>

namespace covet {

// One migration runner at a time per database.
//  - PostgreSQL: a session advisory lock (pg_try_advisory_lock, retried
//    until the timeout); the server releases it when the session ends, so a
//    crashed runner never leaves it behind.
//  - MySQL/MariaDB: GET_LOCK(name, timeout), name derived from the
//    database; released when the connection closes.
//  - SQLite: the database's write lock. SQLite cannot hold it across the
//    run and still let a rebuild switch foreign keys off, so acquire() sets
//    the busy timeout and proves the write lock can be taken (BEGIN
//    IMMEDIATE); the runner then takes it again for every migration with
//    BEGIN IMMEDIATE and re-reads the history inside it. The journal makes
//    a crashed writer's transaction disappear.
// On timeout: a Conflict error naming who holds the lock where the server
// can tell (PostgreSQL pg_stat_activity, MySQL processlist).
class MigrationLock
{
public:
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    static Result<std::unique_ptr<MigrationLock>> acquire(Connection &connection, int timeoutMs,
                                                          const ProgressSink *progress = nullptr);
    // Releases the lock (also done by the destructor).
    void release();
    int timeoutMs() const { return m_timeoutMs; }

    // The SQL that begins the runner's transaction: BEGIN IMMEDIATE on
    // SQLite (takes the write lock, waiting up to the busy timeout).
    static QString beginStatement(Dialect dialect);
    // The message for a SQLite database whose write lock was not free.
    static QString sqliteBusyMessage(const Connection &connection, int timeoutMs);

private:
    MigrationLock(Connection &connection, int timeoutMs) : m_connection(&connection), m_timeoutMs(timeoutMs) {}
    static QString holder(Connection &connection);

    Connection *m_connection = nullptr;
    int m_timeoutMs = 0;
    bool m_held = false;
};

} // namespace covet
