#pragma once

#include <QString>

namespace covet {

// Who runs Covet on this machine, for history, audit and backup records.
class LocalUser
{
public:
    // The OS user: $USER, $USERNAME, else the password database; "unknown"
    // when nothing tells.
    static QString name();
    // "user@host".
    static QString atHost();
    static QString host();
    // Now, in UTC, ISO 8601 with milliseconds ("2026-12-05T21:14:56.123Z").
    static QString nowUtc();
    // Whether a process of this machine with that id is still running (on
    // systems that cannot tell: true, the careful answer).
    static bool processAlive(qint64 pid);
};

} // namespace covet
