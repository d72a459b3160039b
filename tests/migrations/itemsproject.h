#pragma once
// A SQLite project shared by the makemigrations suites (engine and CLI):
// items(id, title) in 0001; the models rename title to heading with another
// length, which scores below the project's 0.99 threshold.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace covet::test {

inline void writeItemsProject(const QString &dir)
{
    const auto put = [&dir](const char *name, const QByteArray &text) {
        const QString path = dir + QLatin1Char('/') + QLatin1String(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
    };
    put("covet.yaml", "dialect: sqlite\nmigrations: migrations\nmodels: models.yaml\nrenames: {detect: true, threshold: 0.99}\n");
    put("migrations/0001_items.sql", "-- covet:up\nCREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL);\n"
                                     "-- covet:down\nDROP TABLE items;\n");
    put("models.yaml", "dialect: sqlite\ntables:\n  - name: items\n    columns:\n"
                       "      - {name: id, type: integer, nullable: false}\n"
                       "      - {name: heading, type: varchar(200), nullable: false}\n"
                       "    primary_key: [id]\n");
}

} // namespace covet::test
