#include "inspector.h"

#include "mysqlinspector.h"
#include "postgresinspector.h"
#include "sqliteinspector.h"

namespace covet {

std::unique_ptr<Inspector> Inspector::create(Dialect dialect)
{
    switch (dialect) {
    case Dialect::SQLite: return std::make_unique<SqliteInspector>();
    case Dialect::PostgreSQL: return std::make_unique<PostgresInspector>();
    case Dialect::MySQL: return std::make_unique<MysqlInspector>();
    }
    return nullptr;
}

Error Inspector::cancelledError(Dialect dialect)
{
    QString what;
    switch (dialect) {
    case Dialect::SQLite: what = QStringLiteral("the SQLite schema"); break;
    case Dialect::PostgreSQL: what = QStringLiteral("the PostgreSQL catalog"); break;
    case Dialect::MySQL: what = QStringLiteral("the MySQL/MariaDB catalog"); break;
    }
    return Error(Error::Category::Cancelled, QStringLiteral("inspection of %1 was cancelled; the schema was not read").arg(what));
}

} // namespace covet
