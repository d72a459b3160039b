#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace covet {

// Writes a whole file atomically (QSaveFile: a temporary file renamed over
// the target), so a crash never leaves half a file behind.
class SaveFile
{
public:
    // `what` names the file in errors ("migration file", "project file").
    // An existing file is a Conflict error unless overwrite is set.
    static Status write(const QString &path, const QByteArray &content, const QString &what, bool overwrite = false);
};

} // namespace covet
