#pragma once
// Fresh copies of the SQLite demo project for GUI tests: one directory per
// call under a temporary directory that lives as long as the fixture.
#include "runner/demoproject.h"
#include "db/databaseurl.h"

#include <QDir>
#include <QTemporaryDir>

namespace covet::test {

class DemoProjects
{
public:
    // A new demo project directory; empty (with a warning) when it cannot be created.
    QString create()
    {
        auto project = DemoProject::create(m_tmp.filePath(QStringLiteral("demo%1").arg(++m_count)));
        if (!project)
            qWarning("%s", qPrintable(project.error().toString()));
        return project ? *project : QString();
    }

    static DatabaseUrl databaseUrl(const QString &project)
    {
        return DatabaseUrl::sqliteFile(QDir(project).filePath(DemoProject::databaseFileName()));
    }

    QString filePath(const QString &name) const { return m_tmp.filePath(name); }

private:
    QTemporaryDir m_tmp;
    int m_count = 0;
};

} // namespace covet::test
