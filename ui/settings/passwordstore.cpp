#include "passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QObject>

#ifdef QT_DBUS_LIB
#include <QDBusConnection>
#endif

namespace covet {

namespace {

// The keychain's error as a DBA reads it. QtKeychain's own text is often
// just "Unknown error" when no Secret Service answers on a headless machine.
Error keychainError(const QKeychain::Job *job)
{
    const QString detail = job->errorString().trimmed();
    QString what;
    Error::Category category = Error::Category::Connection;
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return Error(Error::Category::NotFound, PasswordStore::tr("the keychain holds no password for this connection"), job->key());
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        what = PasswordStore::tr("access to the keychain was denied");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        what = PasswordStore::tr("no keychain is available on this system");
        category = Error::Category::Unsupported;
        break;
    default:
        what = PasswordStore::tr("the keychain failed");
        break;
    }
    if (!detail.isEmpty())
        what += QStringLiteral(" (%1)").arg(detail);
#ifdef QT_DBUS_LIB
    // On Linux the keychain is a D-Bus service: say which part is missing.
    if (!QDBusConnection::sessionBus().isConnected())
        what += PasswordStore::tr("; there is no D-Bus session bus, so no Secret Service (GNOME Keyring, KWallet) can answer");
    else if (job->error() != QKeychain::AccessDenied && job->error() != QKeychain::AccessDeniedByUser)
        what += PasswordStore::tr("; is a Secret Service (GNOME Keyring, KWallet) running and unlocked in this session?");
#endif
    return Error(category, what, job->key());
}

template <typename Job>
Job *newJob(const QString &profile)
{
    auto *job = new Job(PasswordStore::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);   // never a plaintext copy
    job->setKey(profile);
    return job;
}

} // namespace

QString PasswordStore::serviceName()
{
    return QStringLiteral("Covet Studio");
}

void PasswordStore::write(const QString &profile, const QString &password, QObject *context, Done done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(profile);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (done)
            done(j->error() == QKeychain::NoError ? Status{} : Status(std::unexpected(keychainError(j))));
    });
    job->start();
}

void PasswordStore::read(const QString &profile, QObject *context, ReadDone done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(profile);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (!done)
            return;
        if (j->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(j)));
        else
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void PasswordStore::remove(const QString &profile, QObject *context, Done done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(profile);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        if (!done)
            return;
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(ok ? Status{} : Status(std::unexpected(keychainError(j))));
    });
    job->start();
}

} // namespace covet
