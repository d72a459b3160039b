#pragma once

#include "db/databaseurl.h"

#include <QString>

namespace covet {

// What Covet Studio works on: the database, and where it came from — the
// open project's top-level database or one of its environments, a saved
// connection profile, or a URL typed in.
struct StudioTarget
{
    enum class Kind { ProjectDatabase, Environment, Profile, Url };

    Kind kind = Kind::Url;
    QString name;         // the environment or profile; empty otherwise
    QString projectDir;   // the open project; empty without one
    DatabaseUrl url;      // may carry a password (never shown: display() masks it)

    // The project's environment the views use (confirmation, audit): the
    // chosen one, or empty for the project database, a profile or a URL.
    QString environment() const { return kind == Kind::Environment ? name : QString(); }
};

} // namespace covet
