#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace covet {

// Writes a whole file atomically (QSaveFile: a temporary file renamed over
// the target), so a crash or a full disk never leaves half a file behind.
// Every write is checked where it happens: QSaveFile (Qt 6.4) commits a
// file cut short when a buffered write comes up short, so the files are
// opened unbuffered.
class SaveFile
{
public:
    // `what` names the file in errors ("migration file", "project file").
    // An existing file is a Conflict error unless overwrite is set.
    static Status write(const QString &path, const QByteArray &content, const QString &what, bool overwrite = false);

    // The same, with the content written by `produce` into the device it is
    // given, in as many pieces as it likes (large outputs are never held
    // whole). A device, a pipe or a path under /dev or /proc (/dev/stdout)
    // is written in place, and so is a file in a directory where no
    // temporary file can be made.
    using Producer = std::function<Status(QIODevice &)>;
    static Status write(const QString &path, const Producer &produce, const QString &what, bool overwrite = false);

    // Writes all of `bytes`, or fails naming the device's error.
    static Status writeAll(QIODevice &device, const QByteArray &bytes);
};

} // namespace covet
