#pragma once
// What the SQLite rebuild benchmarks share: the row count, the sqlite3 shell
// as the floor, and fresh copies of a template database.

#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace covet::bench {

// COVET_BENCH_ROWS, default 1,000,000.
inline int rows()
{
    return qEnvironmentVariableIsSet("COVET_BENCH_ROWS") ? qEnvironmentVariableIntValue("COVET_BENCH_ROWS") : 1000000;
}

inline bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) >= 0;
}

// Runs the script file through the sqlite3 shell on `db`; the error, or empty.
inline QString runSqlite3(const QString &exe, const QString &db, const QString &scriptFile)
{
    QProcess p;
    p.setStandardInputFile(scriptFile);
    p.start(exe, {db});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return QStringLiteral("sqlite3 failed: ") + QString::fromUtf8(p.readAllStandardError());
    return {};
}

// A fresh copy of `templ` named `name` in `dir`.
inline QString freshCopy(const QTemporaryDir &dir, const QString &templ, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile::remove(path);
    QFile::copy(templ, path);
    return path;
}

} // namespace covet::bench
