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
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
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
