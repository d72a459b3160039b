#include "migration.h"

#include <QRegularExpression>

namespace covet {

namespace {

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_([a-z0-9_]+)$"));
    return re;
}

} // namespace

bool Migration::isReversible() const
{
    if (isSql())
        return hasDown;
    for (const Operation &op : operations) {
        if (const auto *sql = std::get_if<RunSql>(&op); sql && !sql->reversible())
            return false;
    }
    return true;
}

QString Migration::fileName() const
{
    return id + (isSql() ? QStringLiteral(".sql") : QStringLiteral(".yaml"));
}

std::optional<Migration::IdParts> Migration::parseId(const QString &id)
{
    const auto m = idPattern().match(id);
    if (!m.hasMatch())
        return std::nullopt;
    const int number = m.captured(1).toInt();
    if (number <= 0)
        return std::nullopt;
    return IdParts{number, m.captured(2)};
}

QString Migration::makeId(int number, const QString &name)
{
    return QStringLiteral("%1_%2").arg(number, 4, 10, QLatin1Char('0')).arg(name);
}

bool Migration::isValidFileName(const QString &fileName)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}_[a-z0-9_]+\\.(yaml|sql)$"));
    return re.match(fileName).hasMatch();
}

} // namespace covet
