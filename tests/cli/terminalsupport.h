#pragma once
// Runs the covet CLI on a pseudo-terminal (util-linux `script`), so that
// stdin, stdout and stderr are TTYs: for the progress line and the rename
// prompt. Shared by the CLI suites.

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace covet::test {

inline bool haveScript()
{
    return !QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty();
}

// Returns the exit code (-1 when it did not finish); `output` gets what the
// terminal showed (stdout and stderr together, "\r\n" line ends). `input`
// is typed into the terminal.
inline int runCliOnTerminal(const QStringList &args, const QString &workingDir, QString *output, const QByteArray &input = {})
{
    auto quote = [](QString s) { return QLatin1Char('\'') + s.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\''); };
    QString command = quote(QStringLiteral(COVET_CLI_PATH));
    for (const QString &a : args)
        command += QLatin1Char(' ') + quote(a);
    QProcess p;
    p.setWorkingDirectory(workingDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    // -e: the child's exit code; -c: the command; /dev/null: no typescript file.
    p.start(QStringLiteral("script"), {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
    if (!p.waitForStarted())
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace covet::test
