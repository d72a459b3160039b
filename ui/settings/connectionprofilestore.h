#pragma once

#include "settings/connectionprofile.h"

#include <QList>

#include <optional>

namespace covet {

// The saved connection profiles, in the application's QSettings (array
// "connections"). Only what ConnectionProfile holds is written: never a
// password (PasswordStore keeps those in the OS keychain).
class ConnectionProfileStore
{
public:
    // Every profile, sorted by name.
    static QList<ConnectionProfile> load();
    static std::optional<ConnectionProfile> find(const QString &name);
    // Adds the profile, or replaces the one named previousName (empty: the
    // profile's own name), so a profile can be renamed.
    static void save(const ConnectionProfile &profile, const QString &previousName = {});
    static void remove(const QString &name);

private:
    static void write(const QList<ConnectionProfile> &profiles);
};

} // namespace covet
