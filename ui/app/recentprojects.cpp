#include "recentprojects.h"

#include "migrations/projectconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace covet {

namespace {

const QString kRecentKey = QStringLiteral("project/recent");
const QString kLastKey = QStringLiteral("project/last");

void save(const QStringList &dirs)
{
    QSettings().setValue(kRecentKey, dirs);
}

} // namespace

QStringList RecentProjects::load()
{
    const QSettings settings;
    QStringList dirs = settings.value(kRecentKey).toStringList();
    const QString last = settings.value(kLastKey).toString();
    if (!settings.contains(kRecentKey) && !last.isEmpty())
        dirs << last;
    dirs.removeAll(QString());
    dirs.removeDuplicates();
    return dirs.mid(0, kMaximum);
}

void RecentProjects::add(const QString &dir)
{
    QStringList dirs = load();
    dirs.removeAll(dir);
    dirs.prepend(dir);
    save(dirs.mid(0, kMaximum));
}

void RecentProjects::remove(const QString &dir)
{
    QStringList dirs = load();
    dirs.removeAll(dir);
    save(dirs);
}

bool RecentProjects::exists(const QString &dir)
{
    return QFileInfo::exists(QDir(dir).filePath(ProjectConfig::fileName()));
}

} // namespace covet
