#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QTextStream>

namespace covet::cli {

// Standard output or error as the CLI writes them. On a terminal, control
// characters that come from outside — identifiers, migration ids, server
// messages — are shown escaped (ESC as \x1b, U+009B as \u009b, a bidi
// override as \u202e), so no name in a database or a file can move the
// cursor, recolour or retitle the terminal or reorder what a DBA reads.
// Piped or redirected, the bytes pass unchanged (a SQL dump or a models file
// keeps its names exactly; JSON escapes them itself). Covet's own terminal
// controls (the progress line's erase) go through writeControl().
class TerminalOutput : public QIODevice
{
public:
    // fd: STDOUT_FILENO or STDERR_FILENO; escapes when it is a terminal.
    explicit TerminalOutput(int fd);
    bool isTerminal() const { return m_terminal; }

    // The text of stream, flushed, then bytes as they are.
    static void writeControl(QTextStream &stream, const QByteArray &bytes);
    // UTF-8 text with its control characters escaped as above.
    static QByteArray escaped(const QByteArray &utf8);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    bool writeAll(const char *data, qint64 size);

    int m_fd;
    bool m_terminal;
};

} // namespace covet::cli
