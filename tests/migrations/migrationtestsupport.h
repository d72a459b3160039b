#pragma once
// Fixture helpers shared by the migration runner tests and the CLI
// migration tests (tests/cli/tst_climigrate.cpp).

#include "core/progress.h"
#include "db/sqlexecutor.h"
#include "runner/migrationrunner.h"
#include "sources/inspector.h"
#include "testsupport.h"

#include <QFile>
#include <QTest>

#include <atomic>

namespace covet::test {

// The data rows "sqlite", "postgresql", "mysql" of an int column "dialect".
inline void addDialectRows()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("sqlite") << int(Dialect::SQLite);
    QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
    QTest::newRow("mysql") << int(Dialect::MySQL);
}

// The test server URL for a dialect (empty for SQLite).
inline QString serverFor(Dialect d)
{
    if (d == Dialect::PostgreSQL)
        return serverUrl("COVET_TEST_PG_URL");
    if (d == Dialect::MySQL)
        return serverUrl("COVET_TEST_MYSQL_URL");
    return {};
}

inline void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(text);
}

// Writes a migration file `name` into the directory `dir`.
inline void writeMigration(const QString &dir, const QString &name, const QByteArray &text)
{
    writeFile(dir + u'/' + name, text);
}

// The live schema (Covet's own tables left out); empty when inspection fails.
inline Schema inspectSchema(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto s = Inspector::create(c.dialect())->inspect(sql);
    return s ? *s : Schema();
}

// The first column of the first row as a number; -1 when there is none.
inline qint64 scalar(Connection &c, const QString &query)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(query);
    return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
}

// The first column of the first row as text; empty when there is none.
inline QString scalarText(Connection &c, const QString &query)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(query);
    return rows && !rows->isEmpty() ? rows->first().value(0).toString() : QString();
}

// Applies the migrations of `dir` (up to `to`, when given) with default options.
// confirmDataLoss: the DBA's "yes" to a plan that destroys or rewrites data.
// Runs `migrate` with both interrupts (cancel and abort) arriving once step
// `step` of a migration (counted from 1) starts: the run stops after the
// step before it, part-way on MySQL/MariaDB (recorded), rolled back where
// DDL is transactional.
inline Result<RunReport> migrateInterruptedAtStep(MigrationRunner &runner, RunOptions o, int step)
{
    std::atomic_bool cancel{false};
    std::atomic_bool abort{false};
    ProgressSink sink;
    sink.cancel = &cancel;
    sink.step = [&](const QString &, int index, int, const QString &) {
        if (index == step) {
            cancel = true;
            abort = true;
        }
    };
    o.progress = &sink;
    o.abort = &abort;
    return runner.migrate(o);
}

inline Result<RunReport> migrateDirectory(Connection &c, const QString &dir, const QString &to = {}, bool confirmDataLoss = false)
{
    const MigrationRepository repo = MigrationRepository::load(dir);
    MigrationRunner runner(c, repo);
    RunOptions o;
    o.target = to;
    o.confirmDataLoss = confirmDataLoss;
    return runner.migrate(o);
}

// Runs one statement, failing the test with its error.
#define COVET_EXEC_OK(connection, statement)                                                    \
    do {                                                                                       \
        covet::SqlExecutor exec_((connection).database(), (connection).dialect());             \
        auto done_ = exec_.exec(statement);                                                    \
        COVET_VERIFY_OK(done_);                                                                \
    } while (false)

} // namespace covet::test

// Skips (fails under CI=true) a PostgreSQL/MySQL row without its server.
#define COVET_REQUIRE_DIALECT(d)                                     \
    if ((d) == covet::Dialect::PostgreSQL) {                         \
        COVET_REQUIRE_SERVER(pg, "COVET_TEST_PG_URL");               \
    } else if ((d) == covet::Dialect::MySQL) {                       \
        COVET_REQUIRE_SERVER(my, "COVET_TEST_MYSQL_URL");            \
    }
