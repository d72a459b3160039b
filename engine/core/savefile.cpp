#include "savefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace covet {

Status SaveFile::write(const QString &path, const QByteArray &content, const QString &what, bool overwrite)
{
    return write(path, [&content](QIODevice &device) { return writeAll(device, content); }, what, overwrite);
}

Status SaveFile::write(const QString &path, const Producer &produce, const QString &what, bool overwrite)
{
    const QFileInfo target(path);
    if (!overwrite && target.exists())
        return fail(Error::Category::Conflict, QStringLiteral("the %1 already exists; choose another name, or remove it first").arg(what),
                    path);
    auto cannot = [&](const QString &why) {
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the %1: %2").arg(what, why), path);
    };
    // A device, a pipe, or a name for one (/dev/stdout, /proc/self/fd/1, even
    // when it stands for a redirected file): written in place.
    const bool inPlace = target.exists()
                         && (!target.isFile() || path.startsWith(QLatin1String("/dev/")) || path.startsWith(QLatin1String("/proc/")));
    if (inPlace) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return cannot(f.errorString());
        if (Status written = produce(f); !written)
            return cannot(written.error().message());
        return {};
    }
    QSaveFile f(path);
    // Where no temporary file can be made beside it (a writable file in a
    // read-only directory) the file is written in place, as before.
    f.setDirectWriteFallback(true);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return cannot(f.errorString());
    if (Status written = produce(f); !written) {
        f.cancelWriting();
        return cannot(written.error().message());
    }
    if (!f.commit())
        return cannot(f.errorString());
    return {};
}

Status SaveFile::writeAll(QIODevice &device, const QByteArray &bytes)
{
    // A write cut short (the disk filled up part way) is tried again for the
    // rest, and that try reports the error.
    for (qsizetype done = 0; done < bytes.size();) {
        const qint64 n = device.write(bytes.constData() + done, bytes.size() - done);
        if (n < 0)
            return fail(Error::Category::InvalidInput, device.errorString());
        if (n == 0)
            return fail(Error::Category::InvalidInput, QStringLiteral("the device took no more bytes"));
        done += n;
    }
    return {};
}

} // namespace covet
