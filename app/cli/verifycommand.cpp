#include "verifycommand.h"

#include "migratecommand.h"

namespace covet::cli {

void VerifyCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
}

int VerifyCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    auto target = MigrateCommand::openTarget(p, true, MigrateCommand::MissingSqlite::ReadEmpty);
    if (!target)
        return report(target.error(), err);
    if (!target->notice.isEmpty())
        err << "covet: warning: " << target->notice << '\n';
    MigrationRunner runner(*target->connection, target->repository);
    runner.setEnvironment(target->environment);   // recorded with the conflicts it finds
    auto verified = runner.verify();
    for (const QString &w : runner.warnings())
        err << "covet: warning: " << w << '\n';
    if (!verified)
        return report(verified.error(), err);
    out << "OK: every applied migration matches its file.\n";
    return 0;
}

} // namespace covet::cli
