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
    // A moment (milliseconds since 1970-01-01 UTC) in that spelling.
    static QString utcText(qint64 msecsSinceEpoch);
    // Who git would name as the author of a commit made in `directory`
    // ("Alice Example <alice@example.com>", from `git var GIT_AUTHOR_IDENT`:
    // the repository's and the user's config, GIT_AUTHOR_NAME/EMAIL); empty
    // when git is not installed, the directory is in no repository, or git
    // does not know who you are. Waits at most a few seconds.
    static QString gitAuthor(const QString &directory);
    // Whether a process of this machine with that id is still running (on
    // systems that cannot tell: true, the careful answer).
    static bool processAlive(qint64 pid);
};

} // namespace covet
