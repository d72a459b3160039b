#include "verifycommand.h"

#include "migratecommand.h"

namespace covet::cli {

void VerifyCommand::addOptions(QCommandLineParser &p) const
{
    MigrateCommand::addTargetOptions(p);
}

int VerifyCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    auto target = MigrateCommand::openTarget(p);
    if (!target)
        return report(target.error(), err);
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
