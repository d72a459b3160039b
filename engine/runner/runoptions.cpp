#include "runoptions.h"

namespace covet {

QString RunVerification::toText() const
{
    QString out;
    if (!done && countChanges.isEmpty())
        return out;
    if (done)
        out += schemaMatches ? QStringLiteral("Verified: the schema matches what the migrations describe")
                             : QStringLiteral("VERIFICATION FAILED: the schema differs from what the migrations describe:\n  %1\n")
                                   .arg(differences.join(QStringLiteral("\n  ")));
    if (done && schemaMatches)
        out += countsUnchanged && tablesCounted > 0
            ? QStringLiteral("; the %1 %2 the run did not touch kept %3 row counts.\n")
                  .arg(tablesCounted)
                  .arg(tablesCounted == 1 ? QStringLiteral("table") : QStringLiteral("tables"), tablesCounted == 1 ? QStringLiteral("its") : QStringLiteral("their"))
            : QStringLiteral(".\n");
    if (!countsUnchanged)
        out += QStringLiteral("VERIFICATION FAILED: tables the run did not touch changed their row counts (another writer?):\n  %1\n")
                   .arg(countChanges.join(QStringLiteral("\n  ")));
    if (!drift.isEmpty())
        out += QStringLiteral("Note: the database already differed from the migrations before this run (drift, not this run's doing):\n  %1\n")
                   .arg(drift.join(QStringLiteral("\n  ")));
    return out;
}

} // namespace covet
