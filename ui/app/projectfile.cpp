#include "projectfile.h"

#include "db/databaseurl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace covet {

bool ProjectFile::isProjectDirectory(const QString &dir)
{
    return QFileInfo(dir).isDir() && QFileInfo::exists(QDir(dir).filePath(fileName()));
}

Result<DatabaseUrl> ProjectFile::databaseUrl(const QString &projectDir)
{
    const QDir dir(projectDir);
    QFile f(dir.filePath(fileName()));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(Error::Category::NotFound, QStringLiteral("no covet.yaml here; open a Covet project directory"), dir.absolutePath());
    static const QRegularExpression line(QStringLiteral("^database:\\s*(.*?)\\s*$"));
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        const auto m = line.match(QString::fromUtf8(f.readLine()).trimmed());
        if (!m.hasMatch())
            continue;
        QString value = m.captured(1);
        if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) && value.endsWith(value.front()))
            value = value.mid(1, value.size() - 2);
        auto url = DatabaseUrl::parse(value);
        if (!url)
            return std::unexpected(url.error().withContext(QStringLiteral("%1:%2").arg(f.fileName()).arg(lineNo)));
        if (url->dialect() == Dialect::SQLite && !url->isMemory() && QFileInfo(url->database()).isRelative()) {
            DatabaseUrl resolved = *url;
            resolved.setDatabase(QDir::cleanPath(dir.absoluteFilePath(url->database())));
            return resolved;
        }
        return *url;
    }
    return fail(Error::Category::InvalidInput, QStringLiteral("covet.yaml names no database (add a \"database:\" line)"),
                f.fileName());
}

} // namespace covet
