#pragma once

#include "../core/error.h"
#include "sqlexecutor.h"

#include <QString>

namespace covet {

// Small catalog questions every layer asks the same way, one statement each.
class Catalog
{
public:
    // Whether the base table exists (schema empty: the connection's
    // default: PostgreSQL current_schema(), the MySQL database, SQLite main).
    static Result<bool> tableExists(SqlExecutor &sql, const QString &name, const QString &schema = {});
    // The database user the connection runs as ("app@%" on MySQL, the role
    // on PostgreSQL); empty on SQLite, which has none.
    static Result<QString> currentUser(SqlExecutor &sql);
};

} // namespace covet
