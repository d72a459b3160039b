#pragma once

#include "../core/error.h"
#include "../operations/operation.h"
#include "../schema/schema.h"
#include "migration.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

// The second half of a squash's proof: the originals and the squashed
// operations applied for real, each to its own scratch database that starts
// from the same schema (SQLite: in memory; PostgreSQL/MySQL: a temporary
// database on the --dev-url server, always dropped), then inspected and
// compared. Catches what the in-memory model cannot see (a dialect's own
// behaviour, the SQL the generators write).
class SquashScratch
{
public:
    // The differences between the inspected schemas (empty: equal); an
    // error when a scratch database could not be made or a statement failed.
    static Result<QStringList> compare(const Schema &start, const QList<Migration> &originals, const OperationList &squashed,
                                       Dialect dialect, const QString &devUrl);
    // What differs between two schemas once canonical, one line per table,
    // view, enum type, and the namespaces ("…: in the originals' result,
    // missing from the squashed one").
    static QStringList differences(Schema originals, Schema squashed);
};

} // namespace covet
