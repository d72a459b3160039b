#include "terminaloutput.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace covet::cli {

TerminalOutput::TerminalOutput(int fd) : m_fd(fd), m_terminal(isatty(fd) == 1)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

QByteArray TerminalOutput::escaped(const QByteArray &utf8)
{
    const auto isC0 = [](uchar c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f; };
    QByteArray out;
    const qsizetype n = utf8.size();
    qsizetype done = 0;   // bytes up to here are copied
    auto escape = [&](qsizetype at, qsizetype length, const QByteArray &text) {
        if (out.isEmpty())
            out.reserve(n + 16);
        out.append(utf8.constData() + done, at - done);
        out.append(text);
        done = at + length;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(utf8.at(i));
        if (c < 0x80) {
            if (isC0(c))
                escape(i, 1, "\\x" + QByteArray::number(c, 16).rightJustified(2, '0'));
            continue;
        }
        // C1 controls (U+0080–U+009F: C2 80–9F), bidi embeddings and
        // overrides (U+202A–U+202E: E2 80 AA–AE) and isolates (U+2066–U+2069: E2 81 A6–A9).
        const uchar c1 = i + 1 < n ? uchar(utf8.at(i + 1)) : 0;
        const uchar c2 = i + 2 < n ? uchar(utf8.at(i + 2)) : 0;
        uint code = 0;
        qsizetype length = 0;
        if (c == 0xc2 && c1 >= 0x80 && c1 <= 0x9f) {
            code = c1;
            length = 2;
        } else if (c == 0xe2 && ((c1 == 0x80 && c2 >= 0xaa && c2 <= 0xae) || (c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9))) {
            code = 0x2000 | ((c1 & 0x0f) << 6) | (c2 & 0x3f);
            length = 3;
        }
        if (length) {
            escape(i, length, "\\u" + QByteArray::number(code, 16).rightJustified(4, '0'));
            i += length - 1;
        }
    }
    if (done == 0)
        return utf8;
    out.append(utf8.constData() + done, n - done);
    return out;
}

bool TerminalOutput::writeAll(const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t written = ::write(m_fd, data, size_t(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            setErrorString(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

qint64 TerminalOutput::writeData(const char *data, qint64 size)
{
    if (m_terminal) {
        const QByteArray shown = escaped(QByteArray::fromRawData(data, qsizetype(size)));
        if (!writeAll(shown.constData(), shown.size()))
            return -1;
    } else if (!writeAll(data, size)) {
        return -1;
    }
    return size;
}

void TerminalOutput::writeControl(QTextStream &stream, const QByteArray &bytes)
{
    stream.flush();
    if (auto *device = dynamic_cast<TerminalOutput *>(stream.device()))
        device->writeAll(bytes.constData(), bytes.size());
    else
        stream << QString::fromUtf8(bytes);
}

} // namespace covet::cli
