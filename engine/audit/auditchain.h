#pragma once

#include "../core/error.h"
#include "../db/sqlexecutor.h"

#include <QJsonObject>
#include <QString>

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
    };
    qint64 rows = 0;           // rows checked
    qint64 version1Rows = 0;   // of them, rows written before hash version 2 (verified with the fields they had)
    Break kind = Break::None;
    qint64 rowId = 0;          // the first row that breaks the chain (0 when intact)
    QString migrationId;       // that row's migration
    QString detail;            // what exactly does not match
    QString headHash;          // the last row's hash (intact chains: a value to keep elsewhere and compare later)

    bool intact() const { return kind == Break::None; }
    static QString breakName(Break b);   // "intact", "edited", "deleted", "inserted", "reordered"
    // One sentence: "intact: 12 rows" or "broken at row 7 (0003_x): edited: ...".
    QString message() const;
    QJsonObject toJson() const;
};

// Recomputes the audit chain in one ordered read and names the first row
// that breaks it and how. A missing table is an intact, empty chain.
//
// What a chain cannot prove: the last rows deleted (nothing links to them;
// compare headHash with a copy kept elsewhere), or rows appended by someone
// who recomputes SHA-256 the way Covet does (the hash is not keyed).
class AuditChain
{
public:
    static Result<ChainVerification> verify(SqlExecutor &sql);
};

} // namespace covet
