#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "migrations/projectconfig.h"

#include <QString>

#include <optional>

namespace covet {

// What Covet Studio works on: the database, and where it came from — the
// open project's top-level database or one of its environments, a saved
// connection profile, or a URL typed in — with the open project's
// covet.yaml, read once when the project was opened: the views ask it for
// paths, run settings and thresholds and never read the file again.
struct StudioTarget
{
    enum class Kind { ProjectDatabase, Environment, Profile, Url };

    Kind kind = Kind::Url;
    QString name;                         // the environment or profile; empty otherwise
    std::optional<ProjectConfig> project; // the open project; none without one
    DatabaseUrl url;                      // may carry a password (never shown: display() masks it)

    // The chosen environment; empty for the project database, a profile or a URL.
    QString environment() const { return kind == Kind::Environment ? name : QString(); }
    QString projectDir() const { return project ? project->baseDirectory() : QString(); }
    // The environment whose settings apply (confirmation, audit, backups).
    QString settingsEnvironment() const { return project ? settingsEnvironment(*project, environment()) : QString(); }
    // The chosen environment, or the project's default one when none is chosen.
    static QString settingsEnvironment(const ProjectConfig &project, const QString &chosen)
    {
        return chosen.isEmpty() ? project.defaultEnvironment() : chosen;
    }

    static StudioTarget ofUrl(const DatabaseUrl &url)
    {
        StudioTarget t;
        t.url = url;
        return t;
    }
    // url in the project in dir (its covet.yaml, read here): the environment
    // named, or the project's database when none is.
    static Result<StudioTarget> inProject(const QString &dir, const DatabaseUrl &url, const QString &environment = {})
    {
        auto config = ProjectConfig::find({}, dir);
        if (!config)
            return std::unexpected(config.error());
        StudioTarget t;
        t.kind = environment.isEmpty() ? Kind::ProjectDatabase : Kind::Environment;
        t.name = environment;
        t.project = std::move(*config);
        t.url = url;
        return t;
    }
};

} // namespace covet
