#pragma once

#include "core/error.h"
#include "db/databaseurl.h"

#include <QString>

namespace covet {

// The little Covet Studio needs from a project's covet.yaml until the
// engine's project configuration (issue 4) replaces it: the database URL,
// with a relative SQLite path resolved against the project directory.
class ProjectFile
{
public:
    static QString fileName() { return QStringLiteral("covet.yaml"); }
    static bool isProjectDirectory(const QString &dir);
    static Result<DatabaseUrl> databaseUrl(const QString &projectDir);
};

} // namespace covet
