#include "migration.h"

#include "../schema/qualifiedname.h"
#include "../safety/destructivesql.h"

#include <QRegularExpression>

#include <algorithm>

namespace covet {

namespace {

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4}|[1-9]\\d{4,8})_([a-z0-9_]+)$"));
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

namespace {

// "runs <statement>" for every statement of sql that destroys data, read
// by each dialect's rules (a migration file does not know its dialect).
void destructiveStatements(const QString &sql, QStringList &out)
{
    for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
        for (const DestructiveSql &x : DestructiveSql::scan(sql, d)) {
            if (!x.losesData())
                continue;
            const QString line = QStringLiteral("runs %1").arg(x.statement.simplified().left(80));
            if (!out.contains(line))
                out << line;
        }
    }
}

} // namespace

QStringList Migration::destructiveChanges() const
{
    // A column added again as a generated column computes its values: its
    // drop loses nothing (PostgreSQL's way around a type change under it).
    auto regenerated = [this](const DropColumn &d) {
        return std::any_of(operations.begin(), operations.end(), [&](const Operation &op) {
            const auto *a = std::get_if<AddColumn>(&op);
            return a && a->schema == d.schema && a->table == d.table && a->column.name == d.column && a->column.isGenerated();
        });
    };
    QStringList out;
    if (isSql()) {
        destructiveStatements(upSql, out);
        return out;
    }
    for (const Operation &op : operations) {
        if (const auto *t = std::get_if<DropTable>(&op))
            out << QStringLiteral("drops table %1").arg(qualifiedName(t->schema, t->name));
        else if (const auto *c = std::get_if<DropColumn>(&op); c && !regenerated(*c))
            out << QStringLiteral("drops column %1.%2").arg(qualifiedName(c->schema, c->table), c->column);
        else if (const auto *n = std::get_if<DropNamespace>(&op))
            out << QStringLiteral("drops schema %1").arg(n->name);
        else if (const auto *r = std::get_if<RunSql>(&op)) {
            destructiveStatements(r->forward, out);
            for (const QString &sql : r->forwardByDialect)
                destructiveStatements(sql, out);
        }
    }
    return out;
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
    static const QRegularExpression re(QStringLiteral("^(\\d{4}|[1-9]\\d{4,8})_[a-z0-9_]+\\.(yaml|sql)$"));
    return re.match(fileName).hasMatch();
}

} // namespace covet
