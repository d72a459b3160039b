#include "databaseurl.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace covet {

namespace {

QString pgpassLookup(const QString &host, int port, const QString &db, const QString &user)
{
    QString path = qEnvironmentVariable("PGPASSFILE");
    if (path.isEmpty())
        path = QDir::homePath() + QStringLiteral("/.pgpass");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QString portText = QString::number(port < 0 ? 5432 : port);
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        // host:port:database:username:password, with \: and \\ escapes
        QStringList fields;
        QString cur;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == u'\\' && i + 1 < line.size()) {
                cur += line.at(++i);
            } else if (c == u':' && fields.size() < 4) {
                fields << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        fields << cur;
        if (fields.size() != 5)
            continue;
        auto match = [](const QString &pattern, const QString &value) { return pattern == u"*" || pattern == value; };
        if (match(fields[0], host) && match(fields[1], portText) && match(fields[2], db) && match(fields[3], user))
            return fields[4];
    }
    return {};
}

} // namespace

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl u;
    u.m_dialect = Dialect::SQLite;
    u.m_scheme = QStringLiteral("sqlite");
    u.m_database = path;
    return u;
}

// A URL is passed on as toString() (to child processes, saved connections):
// one whose text does not read back as the same URL is refused here rather
// than naming another database there. Unicode noncharacters (U+FFFFF, ...)
// do that: percent-encoded, Qt reads them back as U+FFFD.
Result<DatabaseUrl> DatabaseUrl::parse(const QString &input)
{
    auto u = parseText(input);
    if (!u)
        return u;
    auto again = parseText(u->toString());
    if (!again || *again != *u)
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("the URL holds characters that do not survive being written back (a Unicode noncharacter or an "
                                   "invalid sequence); remove them"),
                    QStringLiteral("database URL %1").arg(u->display()));
    return u;
}

Result<DatabaseUrl> DatabaseUrl::parseText(const QString &input)
{
    const QString text = input.trimmed();
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("not a database URL; expected sqlite:FILE, postgresql://user@host:port/db or mysql://user@host:port/db"),
                    QStringLiteral("'%1'").arg(text));
    const QString scheme = text.left(colon).toLower();
    DatabaseUrl u;
    u.m_scheme = scheme;
    if (scheme == u"sqlite" || scheme == u"sqlite3") {
        u.m_dialect = Dialect::SQLite;
        QString rest = text.mid(colon + 1);
        if (rest == u":memory:" || rest == u"//:memory:") {
            u.m_database = QStringLiteral(":memory:");
        } else {
            if (rest.startsWith(QLatin1String("///")))
                rest = rest.mid(2);            // sqlite:///abs -> /abs
            else if (rest.startsWith(QLatin1String("//")))
                rest = rest.mid(2);            // sqlite://rel -> rel
            const qsizetype q = rest.indexOf(u'?');
            if (q >= 0) {
                const QUrlQuery query(rest.mid(q + 1));
                for (const auto &item : query.queryItems(QUrl::FullyDecoded))
                    u.m_params.insert(item.first, item.second);
                rest = rest.left(q);
            }
            // The text was trimmed as a whole; the file name before a '?' is trimmed too
            // ("sqlite:my ?mode=ro" names "my"), so that toString() reads back the same.
            rest = rest.trimmed();
            if (rest.isEmpty())
                return fail(Error::Category::InvalidInput, QStringLiteral("SQLite URL names no file; use sqlite:path/to/file.db or sqlite::memory:"),
                            QStringLiteral("'%1'").arg(text));
            u.m_database = rest;
        }
        return u;
    }
    if (scheme == u"postgresql" || scheme == u"postgres" || scheme == u"pg")
        u.m_dialect = Dialect::PostgreSQL;
    else if (scheme == u"mysql" || scheme == u"mariadb")
        u.m_dialect = Dialect::MySQL;
    else
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("unknown database scheme '%1'; use sqlite:, postgresql:// or mysql:// (mariadb://)").arg(scheme),
                    QStringLiteral("database URL"));

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        // QUrl's message quotes the URL and its user info: quote the URL with the password masked instead.
        const QUrl masked(redacted(text), QUrl::StrictMode);
        return fail(Error::Category::InvalidInput,
                    QStringLiteral("malformed URL (%1); expected %2://user@host:port/database")
                        .arg(!masked.isValid()         ? masked.errorString()
                             : masked.host().isEmpty() ? QStringLiteral("no host in \"%1\"").arg(redacted(text))
                                                       : QStringLiteral("the password holds characters a URL cannot; percent-encode them"),
                             scheme),
                    QStringLiteral("database URL"));
    }
    u.m_host = url.host();
    u.m_port = url.port(-1);
    u.m_user = url.userName(QUrl::FullyDecoded);
    u.m_password = url.password(QUrl::FullyDecoded);
    u.m_database = url.path(QUrl::FullyDecoded);
    if (u.m_database.startsWith(u'/'))
        u.m_database = u.m_database.mid(1);
    if (u.m_database.isEmpty())
        return fail(Error::Category::InvalidInput, QStringLiteral("the URL names no database; add /DATABASE after the host"),
                    QStringLiteral("database URL %1").arg(u.display()));
    const QUrlQuery query(url);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        u.m_params.insert(item.first, item.second);
    return u;
}

QString DatabaseUrl::redacted(const QString &text)
{
    const qsizetype start = text.indexOf(QStringLiteral("://"));
    if (start < 0)
        return text;
    const qsizetype at = text.lastIndexOf(u'@');
    const qsizetype colon = text.indexOf(u':', start + 3);
    if (at < 0 || colon < 0 || colon > at)
        return text;
    return text.left(colon + 1) + QStringLiteral("***") + text.mid(at);
}

QString DatabaseUrl::resolvePassword() const
{
    if (!m_password.isEmpty())
        return m_password;
    if (m_dialect == Dialect::PostgreSQL) {
        const QString env = qEnvironmentVariable("PGPASSWORD");
        if (!env.isEmpty())
            return env;
    }
    const QString covet = qEnvironmentVariable("COVET_PASSWORD");
    if (!covet.isEmpty())
        return covet;
    if (m_dialect == Dialect::PostgreSQL)
        return pgpassLookup(m_host, m_port, m_database, m_user);
    return {};
}

// The URL's text, the password masked or not: one composition, so that
// display() and toString() cannot drift apart and toString() parses back
// to the same URL (tests/fuzz/fuzz_databaseurl checks it).
QString DatabaseUrl::compose(bool withPassword) const
{
    auto encoded = [](const QString &text) { return QString::fromUtf8(QUrl::toPercentEncoding(text)); };
    QStringList kv;
    for (auto it = m_params.cbegin(); it != m_params.cend(); ++it)
        kv << encoded(it.key()) + u'=' + encoded(it.value());
    const QString query = kv.isEmpty() ? QString() : u'?' + kv.join(u'&');
    if (m_dialect == Dialect::SQLite) {
        // sqlite://X reads as X: a path starting with // needs the prefix.
        if (m_database.startsWith(QLatin1String("//")))
            return QStringLiteral("sqlite://") + m_database + query;
        return QStringLiteral("sqlite:") + m_database + query;
    }
    QString s = m_scheme + QStringLiteral("://");
    if (!m_user.isEmpty() || !m_password.isEmpty()) {
        s += encoded(m_user);
        if (!m_password.isEmpty())
            s += u':' + (withPassword ? encoded(m_password) : QStringLiteral("***"));
        s += u'@';
    }
    s += m_host.contains(u':') ? u'[' + m_host + u']' : m_host;
    if (m_port >= 0)
        s += u':' + QString::number(m_port);
    return s + u'/' + encoded(m_database) + query;
}

QString DatabaseUrl::display() const
{
    return compose(false);
}

QString DatabaseUrl::toString() const
{
    return compose(true);
}

QString DatabaseUrl::driverName() const
{
    switch (m_dialect) {
    case Dialect::SQLite: return QStringLiteral("QSQLITE");
    case Dialect::PostgreSQL: return QStringLiteral("QPSQL");
    case Dialect::MySQL: return QStringLiteral("QMYSQL");
    }
    return {};
}

QString DatabaseUrl::mask(QString text) const
{
    const QString pw = resolvePassword();
    if (pw.size() >= 1) {
        text.replace(pw, QStringLiteral("***"));
        const QString encoded = QString::fromUtf8(QUrl::toPercentEncoding(pw));
        if (encoded != pw)
            text.replace(encoded, QStringLiteral("***"));
    }
    return text;
}

} // namespace covet
