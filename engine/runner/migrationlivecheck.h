#pragma once

#include "../core/error.h"
#include "../db/connection.h"
#include "../migrations/migration.h"
#include "../migrations/migrationrepository.h"

#include <QString>
#include <QStringList>

namespace covet {

// What trying a new migration on a live database showed.
struct LiveCheckReport
{
    QString database;        // the URL, password masked
    bool checked = false;    // false: `note` says why it was not checked
    bool noDatabase = false; // not checked because the SQLite file does not exist yet: no data to break
    bool executed = false;   // its SQL ran in a transaction that was rolled back (PostgreSQL, SQLite)
    QString note;
    QStringList warnings;    // e.g. MySQL: the statements were not executed
    // One line for a person: "applies to sqlite:shop.db (executed in a
    // transaction that was rolled back)" or why it was not checked.
    QString summary() const;
};

// Tries a migration that is not written yet on a database, the way
// `covet migrate --dry-run --execute` would apply it after the migrations
// still pending there: on PostgreSQL and SQLite every statement runs inside
// one transaction that is rolled back (the migration lock is taken; nothing
// is written, not even Covet's own tables); on MySQL/MariaDB, which commit
// DDL at once, only the data checks run (NOT NULL, type conversions, NOT
// NULL columns added to tables with rows). A migration that would fail is
// an error naming the migration, the statement and why (the runner's
// message), with "nothing was written" and the ways out.
class MigrationLiveCheck
{
public:
    static Result<LiveCheckReport> run(const MigrationRepository &repository, const Migration &migration, Connection &connection,
                                       int lockTimeoutMs = 30000);
};

} // namespace covet
