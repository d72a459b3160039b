#include "savefile.h"

#include <QFileInfo>
#include <QSaveFile>

namespace covet {

Status SaveFile::write(const QString &path, const QByteArray &content, const QString &what, bool overwrite)
{
    if (!overwrite && QFileInfo::exists(path))
        return fail(Error::Category::Conflict, QStringLiteral("the %1 already exists; choose another name, or remove it first").arg(what),
                    path);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the %1: %2").arg(what, f.errorString()), path);
    f.write(content);
    if (!f.commit())
        return fail(Error::Category::InvalidInput, QStringLiteral("cannot write the %1: %2").arg(what, f.errorString()), path);
    return {};
}

} // namespace covet
