#pragma once
// What the PostgreSQL catalog benchmarks share: the tables they inspect.

#include "db/sqlexecutor.h"

#include <QString>

#include <algorithm>

namespace covet::bench {

// One script creating tables [from, to): 15 columns, a primary key, a
// secondary index and a foreign key to the previous table.
inline QString pgTablesScript(int from, int to)
{
    QString sql;
    sql.reserve((to - from) * 700);
    for (int i = from; i < to; ++i) {
        const QString n = QString::number(i);
        sql += QStringLiteral("CREATE TABLE bench_%1 (\n"
                              "  id bigserial PRIMARY KEY,\n"
                              "  parent_id bigint%2,\n"
                              "  name text NOT NULL,\n"
                              "  email varchar(255),\n"
                              "  price numeric(10,2) NOT NULL DEFAULT 0,\n"
                              "  quantity integer DEFAULT 1,\n"
                              "  active boolean NOT NULL DEFAULT true,\n"
                              "  created_at timestamptz NOT NULL DEFAULT now(),\n"
                              "  updated_at timestamp(3),\n"
                              "  note text,\n"
                              "  code char(8),\n"
                              "  ratio double precision,\n"
                              "  payload jsonb,\n"
                              "  ref uuid,\n"
                              "  tags text[]);\n"
                              "CREATE INDEX bench_%1_name_idx ON bench_%1 (name, created_at);\n")
                   .arg(n, i == 0 ? QString() : QStringLiteral(" REFERENCES bench_%1 (id) ON DELETE CASCADE").arg(i - 1));
    }
    return sql;
}

// Creates tables 0..count-1 in a few large scripts, then analyses the
// catalogs (a catalog never analysed plans its joins badly).
inline Status createPgTables(SqlExecutor &ex, int count)
{
    constexpr int kBatch = 250;
    for (int from = 0; from < count; from += kBatch)
        if (auto r = ex.exec(pgTablesScript(from, std::min(count, from + kBatch))); !r)
            return std::unexpected(r.error());
    if (auto r = ex.exec(QStringLiteral(
            "ANALYZE pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_attrdef, pg_catalog.pg_constraint,"
            " pg_catalog.pg_index, pg_catalog.pg_depend, pg_catalog.pg_type, pg_catalog.pg_description, pg_catalog.pg_trigger"));
        !r)
        return std::unexpected(r.error());
    return {};
}

} // namespace covet::bench
