#pragma once

// The large schema Covet Studio must stay responsive with (shared by
// tests/gui and tests/benchmarks/bench_studio_large): a SQLite database of
// N tables like bench_pg_inspect's — 15 columns, a primary key, a secondary
// index and a foreign key to the previous table each — and a desired side
// that changes 10% of it.

#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "schema/schema.h"
#include "sql/sqlscriptsplitter.h"

#include <QString>

namespace covet::test {

inline QString largeSchemaScript(int tables)
{
    QString sql;
    for (int i = 0; i < tables; ++i) {
        const QString n = QString::number(i);
        sql += QStringLiteral("CREATE TABLE bench_%1 (\n"
                              "  id INTEGER PRIMARY KEY,\n"
                              "  parent_id INTEGER%2,\n"
                              "  name TEXT NOT NULL,\n"
                              "  email VARCHAR(255),\n"
                              "  price NUMERIC(10,2) NOT NULL DEFAULT 0,\n"
                              "  quantity INTEGER DEFAULT 1,\n"
                              "  active BOOLEAN NOT NULL DEFAULT 1,\n"
                              "  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                              "  updated_at TIMESTAMP,\n"
                              "  note TEXT,\n"
                              "  code CHAR(8),\n"
                              "  ratio DOUBLE PRECISION,\n"
                              "  payload TEXT,\n"
                              "  ref VARCHAR(36),\n"
                              "  tags TEXT);\n"
                              "CREATE INDEX bench_%1_name_idx ON bench_%1 (name, created_at);\n")
                   .arg(n, i == 0 ? QString() : QStringLiteral(" REFERENCES bench_%1 (id) ON DELETE CASCADE").arg(i - 1));
    }
    return sql;
}

// Creates the database file at path, in one transaction.
inline Status createLargeSqliteDatabase(const QString &path, int tables)
{
    auto conn = Connection::open(DatabaseUrl::sqliteFile(path), QStringLiteral("large-fixture"));
    if (!conn)
        return std::unexpected(conn.error());
    SqlExecutor ex((*conn)->database(), Dialect::SQLite);
    auto statements = SqlScriptSplitter::split(largeSchemaScript(tables), Dialect::SQLite);
    if (!statements)
        return std::unexpected(statements.error());
    if (auto r = ex.exec(QStringLiteral("BEGIN")); !r)
        return std::unexpected(r.error());
    for (const SqlScriptSplitter::Statement &s : std::as_const(*statements))
        if (auto r = ex.exec(s.sql); !r)
            return std::unexpected(r.error());
    if (auto r = ex.exec(QStringLiteral("COMMIT")); !r)
        return std::unexpected(r.error());
    return {};
}

// The desired side of a diff: every 10th table with "note" renamed to
// "notes" and a column added, every 50th table dropped (its child loses the
// foreign key), 20 new tables.
inline Schema changedLargeSchema(const Schema &actual)
{
    Schema desired = actual;
    QList<Table> tables;
    for (Table t : actual.tables) {
        const int n = t.name.mid(6).toInt();
        if (n % 50 == 49)
            continue;
        if (n % 50 == 0)
            t.foreignKeys.clear();
        if (n % 10 == 3) {
            for (Column &c : t.columns)
                if (c.name == u"note")
                    c.name = QStringLiteral("notes");
            Column extra;
            extra.name = QStringLiteral("discount");
            extra.type = SqlType::decimal(5, 2);
            t.columns << extra;
        }
        tables << t;
    }
    for (int i = 0; i < 20; ++i) {
        Table t;
        t.name = QStringLiteral("new_table_%1").arg(i);
        Column id;
        id.name = QStringLiteral("id");
        id.type = SqlType(SqlType::Kind::Integer);
        id.nullable = false;
        t.columns << id;
        t.primaryKey = PrimaryKey{QString(), {QStringLiteral("id")}};
        tables << t;
    }
    desired.tables = tables;
    return desired;
}

} // namespace covet::test
