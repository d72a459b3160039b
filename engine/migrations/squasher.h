#pragma once

#include "../core/error.h"
#include "../operations/squashoptimizer.h"
#include "../schema/dialect.h"
#include "migration.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace covet {

// Which migrations to squash and what to call the result.
struct SquashRequest
{
    QString from;         // first migration of the range (id or number); empty: the first
    QString to;           // last one; empty: the last
    int keepRecent = 0;   // leave the newest N of the range out
    QString name;         // the squashed migration's name; empty: squashed_<first>_<last>
    // Where the proof also applies both for real (SquashScratch): SQLite
    // always (in memory); PostgreSQL/MySQL only with a scratch server here.
    QString devUrl;
    bool scratch = true;  // false: the in-memory proof only (the property test's replay half)
};

// Something that stands in the way of squashing a range, or that the user
// must know about.
struct SquashConflict
{
    enum class Kind {
        DivergentBranches,   // unmerged branches inside the range
        RawSql,              // a plain SQL migration: nothing typed to squash
        RunSqlBarrier,       // run_sql that is not elidable: kept, operations around it squashed apart
        EditedSinceApplied,  // the file differs from the checksum recorded when it was applied
    };
    Kind kind;
    QString migration;   // the id concerned
    QString message;     // what and what to do
    bool blocking = true;
    static QString kindName(Kind k);   // "divergent_branches", "raw_sql", "run_sql_barrier", "edited_since_applied"
};

// The in-memory proof: the range and the squashed migration replayed from
// the same starting schema give equal canonical schemas, and the squashed
// migration's reverse (its down part) gives back the starting schema.
struct SquashProof
{
    bool proven = false;
    bool reversible = false;      // every operation has a way back
    bool scratchChecked = false;  // also applied to scratch databases and compared
    // The in-memory replay proved it (the scratch check runs only after it does).
    bool replayProven() const { return proven || scratchChecked; }
    QStringList differences;      // what differs, one line each (empty when proven)
    QString summary() const;      // one line for people
};

// What `covet squash` would write, and why it may.
struct SquashPlan
{
    QStringList replaced;     // the ids squashed, in graph order (older squashes: with the ids they replace)
    QStringList range;        // the migrations of the range, in graph order
    Migration squashed;       // id, replaces, dependencies, operations
    int operationsBefore = 0;
    int operationsAfter = 0;
    SquashedOperations optimized;
    QList<SquashConflict> conflicts;
    SquashProof proof;

    double reduction() const;   // 0..1: the share of operations gone
    bool blocked() const;       // a blocking conflict or an unproven result
};

// Squashes a range of the migration graph into one YAML migration with
// `replaces:` (the engine's one answer for `covet squash` and Studio).
class Squasher
{
public:
    // `migrations`: the repository's; `appliedChecksums`: id -> the checksum
    // recorded when it was applied (empty when no database was read). The
    // plan is returned even when blocked: its conflicts and proof say why.
    static Result<SquashPlan> plan(const QList<Migration> &migrations, Dialect dialect, const SquashRequest &request,
                                   const QHash<QString, QString> &appliedChecksums = {});
    // The ids of the range `request` names (from, to, keepRecent), in graph
    // order; an error naming the option when it names no range of two or more.
    static Result<QStringList> range(const QList<Migration> &migrations, const SquashRequest &request);
    // squashed_<first>_<last>: the name when the request gives none.
    static QString defaultName(const Migration &first, const Migration &last);
    // Proves `squashed` against `originals` starting from `start`.
    static SquashProof prove(const Schema &start, const QList<Migration> &originals, const OperationList &squashed, Dialect dialect);
    // Writes the plan's migration into `directory`; never overwrites a file
    // (an error naming it and --name). Refuses a blocked plan.
    static Result<QString> write(const SquashPlan &plan, const QString &directory);
};

} // namespace covet
