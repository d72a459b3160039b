#pragma once

// Shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp): the input as
// the engine receives it, and a check that stops the run with a message
// when a property the engine promises does not hold (libFuzzer then saves
// the input as a crash).

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace covet::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Text as the CLI reads a file or an argument: UTF-8, invalid sequences
// replaced.
inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline void require(bool ok, const char *what, const QString &detail = {})
{
    if (!ok) {
        std::fprintf(stderr, "fuzz property failed: %s\n%s\n", what, detail.toUtf8().constData());
        std::abort();
    }
}

} // namespace covet::fuzz
