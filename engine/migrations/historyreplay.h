#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../schema/dialect.h"
#include "../schema/schema.h"
#include "migration.h"

#include <QHash>
#include <QList>

#include <optional>

namespace covet {

// Replays migration history into a Schema in memory: what the database
// looks like after the given migrations, without a database. makemigrations
// diffs this against the desired schema.
//
// YAML migrations are applied with OperationApplier. Their run_sql
// operations are opaque: they are assumed not to change the schema (use
// typed operations for schema changes).
//
// Plain SQL migrations say nothing Covet can apply to a model:
//  - SQLite: the schema so far is created in an in-memory SQLite database
//    (SqlGenerator::schemaStatements), the "-- covet:up" statements run
//    there, and the result is read back with the SQLite inspector. A failing
//    statement is reported as "file:line" with SQLite's message.
//  - PostgreSQL, MySQL: with devUrl (the CLI's --dev-url), the same in a
//    scratch database on that server (DdlFile: created, always dropped);
//    without one, an Unsupported error naming the migration and --dev-url.
// The schema before each migration of a history, replayed once. Plain SQL
// migrations on PostgreSQL/MySQL are replayed only when a later YAML
// migration (or the end state) needs what they did, consecutive ones
// together in one scratch database; the SQL migrations of such a run all
// get the schema before the run as theirs.
struct ReplayedHistory
{
    QHash<QString, Schema> before;       // by id
    QHash<QString, Error> unknown;       // by id: why the schema before it is not known
    std::optional<Schema> end;           // after the last migration (when asked for)
    Status endStatus;                    // why `end` is missing
    int scratchDatabases = 0;            // server replays it took
};

class HistoryReplay
{
public:
    // Every migration's schema before it; wantEnd: also the final schema.
    // keepBefore false: only the final one (and `unknown`), without a copy
    // of the schema per migration.
    static ReplayedHistory replayAll(const QList<Migration> &ordered, Dialect dialect, const QString &devUrl = {}, bool wantEnd = false,
                                     bool keepBefore = true);

    // `ordered`: dependencies first (MigrationGraph::ordered()). Cancelling
    // through the sink stops between migrations with a Cancelled error.
    static Result<Schema> replay(const QList<Migration> &ordered, Dialect dialect, const ProgressSink *progress = nullptr,
                                 const QString &devUrl = {});
    // Applies one migration to `schema`.
    static Status apply(Schema &schema, const Migration &migration, Dialect dialect, const QString &devUrl = {});

private:
    static Result<Schema> runSqlOnSqlite(const Schema &before, const Migration &migration);
    static Result<Schema> runSqlOnServer(const Schema &before, const QList<Migration> &migrations, Dialect dialect, const QString &devUrl);
};

} // namespace covet
