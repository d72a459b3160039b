#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace covet {

// The result of checking _covet_migration_audit's hash chain.
struct ChainVerification
{
    enum class Break {
        None,
        Edited,      // a row's content no longer matches its hash (or it was rewritten with a new hash: the next row names it)
        Deleted,     // rows before this one are gone (its link points at a hash no row holds, and ids are missing)
        Inserted,    // a row Covet did not write: neither its link nor its hash fit, and the next row links past it
        Reordered,   // its link points at a row that comes later: rows were swapped or renumbered
        Missing,     // the chain holds, but migrations the history says were applied after its last row have no `success` row
    };
    qint64 rows = 0;           // rows checked
    qint64 version1Rows = 0;   // of them, rows written before hash version 2 (verified with the fields they had)
    Break kind = Break::None;
    qint64 rowId = 0;          // the first row that breaks the chain (0 when intact)
    QString migrationId;       // that row's migration
    QString detail;            // what exactly does not match
    QString headHash;          // the last row's hash (intact chains: a value to keep elsewhere and compare later)
    bool tableExists = true;   // false: no audit table at all (never turned on, or dropped)
    qint64 applied = 0;        // migrations the history holds as applied
    QStringList unaudited;     // of them, those with no `success` row of their applying
    QStringList missing;       // of those, the ones applied after the log's last row (Missing)
    QStringList notCovered;    // of those, the ones applied between its first and last rows: with the log off, or rows deleted before a later run

    bool intact() const { return kind == Break::None; }
    // Whether the row of that id verifies: every row before the break does,
    // and every row present when only rows are missing (Missing).
    bool verifies(qint64 id) const { return intact() || kind == Break::Missing || id < rowId; }
    static QString breakName(Break b);   // "intact", "edited", "deleted", "inserted", "reordered"
    // One sentence: "intact: 12 rows" or "broken at row 7 (0003_x): edited: ...".
    QString message() const;
    QJsonObject toJson() const;
};

// Recomputes the audit chain in one ordered read and names the first row
// that breaks it and how, then holds the history against it: a migration
// recorded as applied after the log's last row without a `success` row of
// its applying means the newest rows (which nothing links to) were deleted,
// or it was applied with the audit log off (Missing). One applied between
// the first and the last row without its row is not covered: the log was
// off, or the newest rows were deleted before a later run wrote after them
// (the chain cannot tell which). One applied before the first row predates
// the log. A re-apply after a rollback needs a row of its own.
// A missing table is an unbroken, empty chain; `unaudited` then lists every
// applied migration (applied before the log was on, or the table dropped:
// the database cannot tell which).
//
// What a chain cannot prove: the last rows deleted when no migration was
// applied by them (compare headHash with a copy kept elsewhere), every row
// deleted (an empty log looks like one never written), or rows appended by
// someone who recomputes SHA-256 the way Covet does (the hash is not keyed).
class AuditChain
{
public:
    static Result<ChainVerification> verify(SqlExecutor &sql);
};

} // namespace covet
