#include "sqlmigratecommand.h"

#include "migratecommand.h"

namespace covet::cli {

void SqlMigrateCommand::addOptions(CommandLineSpec &p) const
{
    MigrateCommand::addTargetOptions(p);
    p.addOption({QStringLiteral("backwards"), QStringLiteral("The SQL that rolls it back.")});
    p.addOption({QStringLiteral("dialect"), QStringLiteral("sqlite, postgresql or mysql (default: covet.yaml's, else the database URL's)."), QStringLiteral("dialect")});
    p.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The migration (id or number)."));
}

int SqlMigrateCommand::run(const QCommandLineParser &p, QTextStream &out, QTextStream &err) const
{
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("sqlmigrate needs one migration id, e.g. covet sqlmigrate 0002"), err);
    auto target = MigrateCommand::openTarget(p, false);
    if (!target)
        return report(target.error(), err);
    std::optional<Dialect> dialect;
    if (p.isSet(QStringLiteral("dialect"))) {
        dialect = dialectFromName(p.value(QStringLiteral("dialect")));
        if (!dialect)
            return usageError(QStringLiteral("unknown --dialect '%1'; use sqlite, postgresql or mysql").arg(p.value(QStringLiteral("dialect"))), err);
    } else if (p.isSet(QStringLiteral("db")) || !target->config.dialect()) {
        auto url = DatabaseUrl::parse(target->url);
        if (!url)
            return report(url.error(), err);
        dialect = url->dialect();
    } else {
        dialect = target->config.dialect();
    }
    auto sql = MigrationRunner::sqlFor(target->repository, *dialect, p.positionalArguments().first(), p.isSet(QStringLiteral("backwards")));
    if (!sql)
        return report(sql.error(), err);
    out << *sql;
    return 0;
}

} // namespace covet::cli
