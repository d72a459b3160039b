#include "rollbackcommand.h"

#include "migratecommand.h"

namespace covet::cli {

void RollbackCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("to"), QStringLiteral("Roll back every migration applied after this one (it stays applied)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("steps"), QStringLiteral("How many migrations to roll back (default 1)."), QStringLiteral("n")});
    MigrateCommand::addRunOptions(p);
}

int RollbackCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    if (p.isSet(QStringLiteral("to")) && p.isSet(QStringLiteral("steps")))
        return usageError(QStringLiteral("give either --to ID or --steps N, not both"), err);
    int steps = 1;
    if (p.isSet(QStringLiteral("steps"))) {
        bool ok = false;
        steps = p.value(QStringLiteral("steps")).toInt(&ok);
        if (!ok || steps < 1)
            return usageError(QStringLiteral("--steps must be a positive number, got '%1'").arg(p.value(QStringLiteral("steps"))), err);
    }
    return MigrateCommand::execute(p, out, err, false, steps);
}

} // namespace covet::cli
