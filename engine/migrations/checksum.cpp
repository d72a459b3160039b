#include "checksum.h"

#include "../core/yamlreader.h"
#include "../core/yamlwriter.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace covet {

QString Checksum::sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString Checksum::ofYaml(const YamlNode &document)
{
    return sha256(YamlWriter::write(document));
}

QString Checksum::normalizedSql(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace(u'\r', u'\n');
    QStringList lines = t.split(u'\n');
    for (QString &line : lines) {
        qsizetype end = line.size();
        while (end > 0 && line.at(end - 1).isSpace())
            --end;
        line.truncate(end);
    }
    while (!lines.isEmpty() && lines.first().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

QString Checksum::ofSql(const QString &text)
{
    return sha256(normalizedSql(text).toUtf8());
}

Result<QString> Checksum::ofContent(const QByteArray &content, const QString &fileName)
{
    if (fileName.endsWith(QLatin1String(".sql")))
        return ofSql(QString::fromUtf8(content));
    auto doc = YamlReader::parse(content, fileName);
    if (!doc)
        return std::unexpected(doc.error());
    return ofYaml(*doc);
}

} // namespace covet
