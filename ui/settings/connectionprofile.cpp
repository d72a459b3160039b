#include "connectionprofile.h"

#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

namespace covet {

Result<DatabaseUrl> ConnectionProfile::url(const QString &password) const
{
    if (database.trimmed().isEmpty())
        return fail(Error::Category::InvalidInput,
                    isServer() ? tr("name the database to connect to") : tr("choose the SQLite database file"), name);
    if (!isServer()) {
        DatabaseUrl u = DatabaseUrl::sqliteFile(database.trimmed());
        return u;
    }
    if (host.trimmed().isEmpty())
        return fail(Error::Category::InvalidInput, tr("name the server's host (e.g. localhost)"), name);
    QUrl u;
    u.setScheme(dialectName(dialect));
    u.setHost(host.trimmed());
    if (port > 0)
        u.setPort(port);
    if (!user.isEmpty())
        u.setUserName(user, QUrl::DecodedMode);
    u.setPath(u'/' + database.trimmed(), QUrl::DecodedMode);
    if (!options.trimmed().isEmpty())
        u.setQuery(QUrlQuery(options.trimmed()));
    if (!u.isValid())
        return fail(Error::Category::InvalidInput, tr("these fields do not make a valid URL: %1").arg(u.errorString()), name);
    auto parsed = DatabaseUrl::parse(u.toString(QUrl::FullyEncoded));
    if (!parsed)
        return parsed;
    parsed->setPassword(password);
    return parsed;
}

ConnectionProfile ConnectionProfile::fromUrl(const DatabaseUrl &url, const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.dialect = url.dialect();
    p.host = url.host();
    p.port = url.port();
    p.database = url.database();
    p.user = url.user();
    QUrlQuery query;
    const auto params = url.params();
    for (auto it = params.begin(); it != params.end(); ++it)
        query.addQueryItem(it.key(), it.value());
    p.options = query.toString(QUrl::FullyDecoded);
    p.passwordSource = url.hasPassword() ? PasswordSource::Keychain : PasswordSource::None;
    return p;
}

QString ConnectionProfile::summary() const
{
    if (!isServer())
        return QFileInfo(database).fileName();
    QString s = user.isEmpty() ? host : user + u'@' + host;
    if (port > 0)
        s += u':' + QString::number(port);
    return s + u'/' + database;
}

QString ConnectionProfile::passwordSourceName(PasswordSource source)
{
    switch (source) {
    case PasswordSource::None: return QStringLiteral("none");
    case PasswordSource::Keychain: return QStringLiteral("keychain");
    case PasswordSource::Ask: return QStringLiteral("ask");
    }
    return {};
}

ConnectionProfile::PasswordSource ConnectionProfile::passwordSourceFromName(const QString &name)
{
    if (name == u"keychain")
        return PasswordSource::Keychain;
    if (name == u"ask")
        return PasswordSource::Ask;
    return PasswordSource::None;
}

} // namespace covet
