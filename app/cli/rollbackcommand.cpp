#include "rollbackcommand.h"

#include "migratecommand.h"

namespace covet::cli {

void RollbackCommand::addOptions(QCommandLineParser &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("to"), QStringLiteral("Roll back every migration applied after this one (it stays applied)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("steps"), QStringLiteral("How many migrations to roll back (default 1)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the SQL; change nothing.")});
    p.addOption({QStringLiteral("execute"), QStringLiteral("With --dry-run (PostgreSQL, SQLite): run the SQL in a transaction that is rolled back.")});
    p.addOption({QStringLiteral("yes"), QStringLiteral("Confirm for an environment that requires confirmation.")});
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
    auto timeout = MigrateCommand::lockTimeout(p);
    if (!timeout)
        return report(timeout.error(), err);
    auto target = MigrateCommand::openTarget(p);
    if (!target)
        return report(target.error(), err);
    const bool dry = p.isSet(QStringLiteral("dry-run"));
    if (!dry && !MigrateCommand::confirmed(*target, p, out, err))
        return 2;
    RunOptions o = MigrateCommand::runOptions(*target, p, *timeout);
    o.steps = steps;
    MigrationRunner runner(*target->connection, target->repository);
    auto r = runner.rollback(o);
    if (!r)
        return report(r.error(), err);
    for (const QString &w : r->warnings)
        err << "covet: warning: " << w << '\n';
    if (dry) {
        out << (r->sql.isEmpty() ? QStringLiteral("-- nothing to roll back\n") : r->sql);
        if (r->executedDryRun)
            out << "-- dry run: the SQL above was executed in a transaction and rolled back; nothing was changed\n";
        return 0;
    }
    if (r->done.isEmpty())
        out << "Nothing to roll back.\n";
    for (const QString &id : r->done)
        out << "Rolled back " << id << '\n';
    return 0;
}

} // namespace covet::cli
