#include "connectionprofilestore.h"

#include <QSettings>

#include <algorithm>

namespace covet {

namespace {

const QString kArray = QStringLiteral("connections");

} // namespace

QList<ConnectionProfile> ConnectionProfileStore::load()
{
    QSettings settings;
    QList<ConnectionProfile> out;
    const int count = settings.beginReadArray(kArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings.value(QStringLiteral("name")).toString();
        p.dialect = dialectFromName(settings.value(QStringLiteral("dialect")).toString()).value_or(Dialect::PostgreSQL);
        p.host = settings.value(QStringLiteral("host")).toString();
        p.port = settings.value(QStringLiteral("port"), -1).toInt();
        p.database = settings.value(QStringLiteral("database")).toString();
        p.user = settings.value(QStringLiteral("user")).toString();
        p.options = settings.value(QStringLiteral("options")).toString();
        p.passwordSource = ConnectionProfile::passwordSourceFromName(settings.value(QStringLiteral("passwordSource")).toString());
        if (!p.name.isEmpty())
            out << p;
    }
    settings.endArray();
    std::sort(out.begin(), out.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

std::optional<ConnectionProfile> ConnectionProfileStore::find(const QString &name)
{
    for (const ConnectionProfile &p : load())
        if (p.name == name)
            return p;
    return std::nullopt;
}

void ConnectionProfileStore::save(const ConnectionProfile &profile, const QString &previousName)
{
    QList<ConnectionProfile> profiles = load();
    const QString replaced = previousName.isEmpty() ? profile.name : previousName;
    profiles.removeIf([&](const ConnectionProfile &p) { return p.name == replaced || p.name == profile.name; });
    profiles << profile;
    write(profiles);
}

void ConnectionProfileStore::remove(const QString &name)
{
    QList<ConnectionProfile> profiles = load();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.name == name; });
    write(profiles);
}

void ConnectionProfileStore::write(const QList<ConnectionProfile> &profiles)
{
    QSettings settings;
    settings.remove(kArray);
    settings.beginWriteArray(kArray, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("dialect"), dialectName(p.dialect));
        settings.setValue(QStringLiteral("host"), p.host);
        settings.setValue(QStringLiteral("port"), p.port);
        settings.setValue(QStringLiteral("database"), p.database);
        settings.setValue(QStringLiteral("user"), p.user);
        settings.setValue(QStringLiteral("options"), p.options);
        settings.setValue(QStringLiteral("passwordSource"), ConnectionProfile::passwordSourceName(p.passwordSource));
    }
    settings.endArray();
    settings.sync();
}

} // namespace covet
