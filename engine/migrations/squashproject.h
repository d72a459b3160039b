#pragma once

#include "../core/error.h"
#include "../schema/dialect.h"
#include "migration.h"
#include "squasher.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace covet {

class ProjectConfig;

// What a squash of a project starts from, gathered in one place for
// `covet squash` and Covet Studio's Squash dialog: whether the project may
// squash at all, its migrations, the ids a range may start and end at, the
// dialect, the checksums its database recorded (to find replaced files
// edited since they were applied) and the scratch server of the proof.
struct SquashProject
{
    // Why squashing is not offered (the GUI words it; the CLI reports
    // unavailableError()).
    enum class Availability { Available, Disabled, TooFew };

    QString configPath;
    QString directory;             // the migrations directory
    QList<Migration> migrations;   // the repository's
    QStringList ids;               // graph order, without migrations already replaced by a squash
    Dialect dialect = Dialect::SQLite;
    QHash<QString, QString> appliedChecksums;   // id -> the checksum recorded when applied
    QString devUrl;                // where the proof also applies both (PostgreSQL/MySQL)
    QStringList warnings;          // what could not be read (not fatal), one line each

    // squashing.enabled off in covet.yaml, or fewer than two migrations to squash.
    static Availability availability(bool squashingEnabled, qsizetype migrationCount);
    Availability availability() const;
    // The error `covet squash` reports for an unavailable project (none when available).
    std::optional<Error> unavailableError() const;

    // Reads the project's migrations and, when `url` names a database that
    // exists, the checksums its history recorded. An error when the
    // migrations directory cannot be read. `devUrl` empty: covet.yaml's.
    static Result<SquashProject> load(const ProjectConfig &config, const QString &url, const QString &devUrl = {});

    // Squasher::plan with this project's migrations, dialect, checksums and scratch server.
    Result<SquashPlan> plan(SquashRequest request) const;
    // The name the squashed migration gets when none is given for the
    // range from..to (ids or numbers; empty: the first/last) less keepRecent.
    QString defaultName(const SquashRequest &request) const;

private:
    bool m_enabled = true;
};

} // namespace covet
