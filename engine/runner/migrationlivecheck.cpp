#include "migrationlivecheck.h"

#include "migrationrunner.h"

namespace covet {

QString LiveCheckReport::summary() const
{
    if (!checked)
        return QStringLiteral("not checked against %1: %2").arg(database, note);
    if (executed)
        return QStringLiteral("checked against %1: it applies (executed in a transaction that was rolled back)").arg(database);
    return QStringLiteral("checked against %1: the data meets its checks (NOT NULL, type conversions); the statements were not executed")
        .arg(database);
}

Result<LiveCheckReport> MigrationLiveCheck::run(const MigrationRepository &repository, const Migration &migration, Connection &connection,
                                                int lockTimeoutMs)
{
    LiveCheckReport report;
    report.database = connection.url().display();
    const MigrationRepository withNew = repository.withMigration(migration);
    MigrationRunner runner(connection, withNew);
    RunOptions options;
    options.dryRun = true;
    options.executeDryRun = true;
    options.settings.audit = false;
    options.lockTimeoutMs = lockTimeoutMs;
    auto run = runner.migrate(options);
    if (!run) {
        const Error &e = run.error();
        // The runner speaks of a dry run that changed nothing; here nothing is written either.
        QString why = e.message();
        if (why.startsWith(QLatin1String("dry run: ")))
            why = why.mid(9);
        for (const QLatin1String tail : {QLatin1String(". Nothing was changed"), QLatin1String(". Nothing was changed: no migration of this run was applied")})
            if (why.endsWith(tail))
                why.chop(tail.size());
        Error out(e.category(),
                  QStringLiteral("%1 would not apply to %2: %3.\nNothing was written. Change the models file (or the data) and run "
                                 "covet makemigrations again, or write it anyway with --no-db-check")
                      .arg(migration.id, report.database, why),
                  e.location());
        return std::unexpected(out.withStatement(e.statement()));
    }
    report.checked = true;
    report.executed = run->executedDryRun;
    report.warnings = run->warnings;
    return report;
}

} // namespace covet
