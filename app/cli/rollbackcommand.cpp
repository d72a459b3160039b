#include "rollbackcommand.h"

#include "migratecommand.h"

namespace covet::cli {

void RollbackCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("to"), QStringLiteral("Roll back every migration applied after this one (it stays applied)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("steps"), QStringLiteral("How many migrations to roll back (default 1)."), QStringLiteral("n")});
    MigrateCommand::addRunOptions(p);
    p.addOption({QStringLiteral("rehearse"),
                 QStringLiteral("Rehearse this rollback: roll back, apply again and roll back again each migration it undoes, checking "
                                "that applying again gives back the schema the database has now, in a transaction that is rolled back "
                                "(MySQL/MariaDB: on a scratch database); change nothing. Exit 1 when the way back does not work.")});
}

int RollbackCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    if (p.isSet(QStringLiteral("to")) && p.isSet(QStringLiteral("steps")))
        return usageError(QStringLiteral("give either --to ID or --steps N, not both"), err);
    int rc = 0;
    const std::optional<int> stepsOption = positiveOption(p, QStringLiteral("steps"), 1, err, &rc);
    if (!stepsOption)
        return rc;
    const int steps = *stepsOption;
    return MigrateCommand::execute(p, out, err, false, steps);
}

} // namespace covet::cli
