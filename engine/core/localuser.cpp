#include "localuser.h"

#ifdef Q_OS_UNIX
#include <cerrno>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>
#endif

#include <QByteArray>
#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>

namespace covet {

QString LocalUser::name()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    if (user.isEmpty()) {
        // Services and containers often run without $USER: ask the system,
        // once per user id (it reads the password database; a run asks for
        // every history and audit row).
        thread_local uid_t askedFor = uid_t(-1);
        thread_local QString answer;
        if (askedFor != geteuid() || answer.isEmpty()) {
            QByteArray buffer(16384, Qt::Uninitialized);
            struct passwd pw;
            struct passwd *found = nullptr;
            if (getpwuid_r(geteuid(), &pw, buffer.data(), size_t(buffer.size()), &found) == 0 && found && found->pw_name)
                answer = QString::fromLocal8Bit(found->pw_name);
            else
                answer = QStringLiteral("uid%1").arg(geteuid());
            askedFor = geteuid();
        }
        user = answer;
    }
#endif
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    return user;
}

QString LocalUser::host()
{
    return QSysInfo::machineHostName();
}

QString LocalUser::atHost()
{
    return name() + u'@' + host();
}

QString LocalUser::nowUtc()
{
    return utcText(QDateTime::currentMSecsSinceEpoch());
}

QString LocalUser::utcText(qint64 ms)
{
    // The text QDateTime::toString(Qt::ISODateWithMs) gives for UTC, written
    // directly: every history and audit row asks, and Qt's formatter costs
    // about 13,000 instructions a call (tst_localuser compares the two).
    const qint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int milli = int(ms - secs * 1000);
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const int daySecs = int(secs - days * 86400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1000 || year > 9999)   // not four digits: Qt's spelling
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    char16_t text[24];
    auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, int(year), 4);
    text[4] = u'-';
    put(5, month, 2);
    text[7] = u'-';
    put(8, day, 2);
    text[10] = u'T';
    put(11, daySecs / 3600, 2);
    text[13] = u':';
    put(14, daySecs / 60 % 60, 2);
    text[16] = u':';
    put(17, daySecs % 60, 2);
    text[19] = u'.';
    put(20, milli, 3);
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

bool LocalUser::processAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    if (pid <= 0)
        return false;
    // Signal 0 checks without sending: EPERM means it exists, as another user.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pid);
    return true;
#endif
}

QString LocalUser::gitAuthor(const QString &directory)
{
    QProcess git;
    git.setProgram(QStringLiteral("git"));
    git.setArguments({QStringLiteral("-C"), directory, QStringLiteral("var"), QStringLiteral("GIT_AUTHOR_IDENT")});
    git.setStandardInputFile(QProcess::nullDevice());
    git.start();
    if (!git.waitForFinished(5000)) {
        git.kill();
        git.waitForFinished(1000);
        return {};
    }
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0)
        return {};
    // "Name <email> 1765012345 +0100": the identity without the time.
    static const QRegularExpression ident(QStringLiteral("^(.*<[^<>]*>)\\s+\\d+\\s+[+-]\\d{4}\\s*$"));
    const QRegularExpressionMatch m = ident.match(QString::fromUtf8(git.readAllStandardOutput()).trimmed());
    return m.hasMatch() ? m.captured(1).simplified() : QString();
}

} // namespace covet
