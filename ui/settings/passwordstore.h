#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

namespace covet {

// Connection passwords in the OS keychain (QtKeychain: Secret Service /
// KWallet on Linux, Keychain on macOS, Credential Manager on Windows),
// under the service "Covet Studio" and the profile's name. Every call
// returns at once; the keychain answers later through the callback, on the
// GUI thread, unless context is gone by then. QtKeychain's plaintext
// fallback (a QSettings file) is always off: when there is no keychain the
// callback gets the error, and nothing is written anywhere else.
class PasswordStore
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStore)

public:
    using Done = std::function<void(const Status &)>;
    using ReadDone = std::function<void(const Result<QString> &)>;

    static QString serviceName();

    static void write(const QString &profile, const QString &password, QObject *context, Done done);
    // A missing entry is a NotFound error.
    static void read(const QString &profile, QObject *context, ReadDone done);
    // Removing a missing entry is not an error.
    static void remove(const QString &profile, QObject *context, Done done = {});
};

} // namespace covet
