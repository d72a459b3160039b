#pragma once

#include <QString>
#include <QStringList>

namespace covet {

// The projects opened last, most recent first, kept in the settings
// ("project/recent"); the start page lists them. A project opened before
// this list existed ("project/last") starts it.
class RecentProjects
{
public:
    static constexpr int kMaximum = 8;

    static QStringList load();
    // Puts dir (an absolute path) first; the list keeps kMaximum entries.
    static void add(const QString &dir);
    static void remove(const QString &dir);
    // Whether dir still holds a Covet project (covet.yaml).
    static bool exists(const QString &dir);
};

} // namespace covet
