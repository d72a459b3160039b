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
    if (target.exists() && !target.isFile()) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return cannot(f.errorString());
        if (Status written = produce(f); !written)
            return cannot(written.error().message());
        return {};
    }
    QSaveFile f(path);
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
        if (n <= 0)
            return fail(Error::Category::InvalidInput, device.errorString());
        done += n;
    }
    return {};
}

} // namespace covet
