#include "squashproject.h"

#include "../db/connection.h"
#include "../db/databaseurl.h"
#include "../db/sqlexecutor.h"
#include "migrationgraph.h"
#include "migrationhistory.h"
#include "migrationrepository.h"
#include "projectconfig.h"

namespace covet {

SquashProject::Availability SquashProject::availability(bool squashingEnabled, qsizetype migrationCount)
{
    if (!squashingEnabled)
        return Availability::Disabled;
    return migrationCount < 2 ? Availability::TooFew : Availability::Available;
}

SquashProject::Availability SquashProject::availability() const
{
    return availability(m_enabled, ids.size());
}

std::optional<Error> SquashProject::unavailableError() const
{
    switch (availability()) {
    case Availability::Available:
        return std::nullopt;
    case Availability::Disabled:
        return Error(Error::Category::InvalidInput,
                     QStringLiteral("squashing is turned off in %1 (squashing: {enabled: false}); set it to true to squash").arg(configPath));
    case Availability::TooFew:
        break;
    }
    return Error(Error::Category::InvalidInput, QStringLiteral("there are %1 migration(s); squashing needs at least two").arg(ids.size()));
}

Result<SquashProject> SquashProject::load(const ProjectConfig &config, const QString &url, const QString &devUrl)
{
    SquashProject p;
    p.configPath = config.path();
    p.m_enabled = config.squashingEnabled();
    const MigrationRepository repository = MigrationRepository::load(config.migrationsPath());
    if (Status st = repository.status(); !st)
        return std::unexpected(st.error());
    p.directory = repository.directory();
    p.migrations = repository.migrations();
    p.ids = MigrationGraph::build(p.migrations).order();
    // The checksums the database recorded, to find replaced files edited since.
    if (!url.isEmpty()) {
        auto c = Connection::open(url, QStringLiteral("squash"), false);
        if (c) {
            SqlExecutor sql((*c)->database(), (*c)->dialect());
            if (auto applied = MigrationHistory::load(sql))
                for (const AppliedMigration &a : *applied)
                    p.appliedChecksums.insert(a.id, a.checksum);
        } else if (c.error().category() != Error::Category::NotFound) {
            p.warnings << c.error().toString() + QStringLiteral("; replaced migrations were not checked against its history");
        }
    }
    const auto parsed = DatabaseUrl::parse(url);
    p.dialect = config.dialect().value_or(parsed ? parsed->dialect() : Dialect::SQLite);
    p.devUrl = devUrl.isEmpty() ? config.devUrl() : devUrl;
    return p;
}

Result<SquashPlan> SquashProject::plan(SquashRequest request) const
{
    if (request.devUrl.isEmpty())
        request.devUrl = devUrl;
    return Squasher::plan(migrations, dialect, request, appliedChecksums);
}

QString SquashProject::defaultName(const SquashRequest &request) const
{
    auto range = Squasher::range(migrations, request);
    if (!range)
        return {};
    const Migration *first = nullptr;
    const Migration *last = nullptr;
    for (const Migration &m : migrations) {
        if (m.id == range->first())
            first = &m;
        if (m.id == range->last())
            last = &m;
    }
    return first && last ? Squasher::defaultName(*first, *last) : QString();
}

} // namespace covet
