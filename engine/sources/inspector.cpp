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

} // namespace covet
