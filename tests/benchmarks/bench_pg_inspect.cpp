// Benchmark: inspect a PostgreSQL database of 2,000 tables x 15 columns (+ a
// primary key, one secondary index and one foreign key each) and compare with
// the floor: the same catalog queries fetched by one psql call.
//
//   bench_pg_inspect [postgresql://user:pw@host:port/db]   (default: $COVET_TEST_PG_URL)
//   environment: COVET_BENCH_TABLES (default 2000), COVET_BENCH_CLI (the covet
//   binary whose `covet inspect` is timed; default the build's)
#include "pgcatalogbench.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "sources/postgresinspector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTextStream>

#include <algorithm>
#include <limits>

using namespace covet;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_pg_inspect: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString serverUrl = argc > 1 ? QString::fromLocal8Bit(argv[1]) : qEnvironmentVariable("COVET_TEST_PG_URL");
    if (serverUrl.isEmpty())
        return fail(QStringLiteral("pass a postgresql:// URL or set COVET_TEST_PG_URL"));
    const int tableCount = qEnvironmentVariableIsSet("COVET_BENCH_TABLES") ? qEnvironmentVariableIntValue("COVET_BENCH_TABLES") : 2000;

    QString error;
    auto scratch = test::ScratchDatabase::create(Dialect::PostgreSQL, serverUrl, &error);
    if (!scratch)
        return fail(error);

    // Build the database with a few large multi-statement scripts.
    QElapsedTimer timer;
    timer.start();
    {
        SqlExecutor ex(scratch->connection().database(), Dialect::PostgreSQL);
        if (auto r = bench::createPgTables(ex, tableCount); !r)
            return fail(r.error().toString());
    }
    out() << "created " << tableCount << " tables in " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;

    // The inspector: best of 5, each on a fresh connection (like the psql
    // call, the time includes connecting and a backend with cold caches),
    // then best of 5 on one reused connection (warm caches).
    constexpr int kRuns = 5;
    double best = std::numeric_limits<double>::max();
    double bestWarm = std::numeric_limits<double>::max();
    int statements = 0;
    qsizetype tables = 0;
    qsizetype columns = 0;
    QList<qint64> bestPhases;
    for (int run = 0; run < 2 * kRuns; ++run) {
        const bool warm = run >= kRuns;
        QElapsedTimer t;
        t.start();
        std::unique_ptr<Connection> fresh;
        if (!warm) {
            auto conn = Connection::open(scratch->url(), QStringLiteral("bench"));
            if (!conn)
                return fail(conn.error().toString());
            fresh = std::move(*conn);
        }
        SqlExecutor ex(warm ? scratch->connection().database() : fresh->database(), Dialect::PostgreSQL);
        QList<qint64> phases;
        ProgressSink sink;
        sink.progress = [&](int, int, const QString &) { phases << t.nsecsElapsed(); };
        auto schema = PostgresInspector().inspect(ex, {}, &sink);
        const double seconds = t.nsecsElapsed() / 1e9;
        if (!schema)
            return fail(schema.error().toString());
        if (warm) {
            bestWarm = std::min(bestWarm, seconds);
        } else if (seconds < best) {
            best = seconds;
            bestPhases = phases;
        }
        statements = ex.statementCount();
        tables = schema->tables.size();
        columns = 0;
        for (const Table &table : schema->tables)
            columns += table.columns.size();
    }
    if (tables != tableCount)
        return fail(QStringLiteral("inspected %1 tables, expected %2").arg(tables).arg(tableCount));

    // The floor: the same catalog queries through one psql call, best of 5.
    QTemporaryFile queryFile;
    if (!queryFile.open())
        return fail(QStringLiteral("cannot create a temporary file"));
    queryFile.write(PostgresInspector::catalogQueries().join(QStringLiteral(";\n")).toUtf8() + ";\n");
    queryFile.flush();
    const DatabaseUrl &url = scratch->url();
    const QString psqlUrl = QStringLiteral("postgresql://%1@%2:%3/%4")
                                .arg(url.user(), url.host())
                                .arg(url.port() > 0 ? url.port() : 5432)
                                .arg(url.database());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), url.resolvePassword());
    double floor = std::numeric_limits<double>::max();
    for (int run = 0; run < kRuns; ++run) {
        QProcess psql;
        psql.setProcessEnvironment(env);
        psql.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        t.start();
        psql.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                                            QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f"),
                                            queryFile.fileName(), QStringLiteral("-o"), QStringLiteral("/dev/null"), psqlUrl});
        if (!psql.waitForFinished(120000) || psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0)
            return fail(QStringLiteral("psql failed (exit code %1)").arg(psql.exitCode()));
        floor = std::min(floor, t.nsecsElapsed() / 1e9);
    }

    // What a DBA runs: the covet CLI (process start, inspection, the
    // canonical JSON written to a file), best of 5, against the same floor
    // (issue 20: <= 1.0).
    QTemporaryDir cliDir;
    const QString cliOut = cliDir.filePath(QStringLiteral("schema.json"));
    double cli = std::numeric_limits<double>::max();
    qint64 cliBytes = 0;
    for (int run = 0; run < kRuns; ++run) {
        QProcess covet;
        covet.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        t.start();
        covet.start(qEnvironmentVariable("COVET_BENCH_CLI", QStringLiteral(COVET_CLI_PATH)),
                    {QStringLiteral("inspect"), QStringLiteral("--db"), scratch->urlString(), QStringLiteral("--output"), cliOut});
        if (!covet.waitForFinished(120000) || covet.exitStatus() != QProcess::NormalExit || covet.exitCode() != 0)
            return fail(QStringLiteral("covet inspect failed (exit code %1)").arg(covet.exitCode()));
        cli = std::min(cli, t.nsecsElapsed() / 1e9);
        cliBytes = QFileInfo(cliOut).size();
    }
    static const char *const names[] = {"schemas", "enums", "tables", "columns", "constraints", "indexes", "triggers", "views"};
    out() << "phases of the best fresh-connection run (ms): connect=" << QString::number(bestPhases.value(0) / 1e6, 'f', 1);
    for (qsizetype i = 0; i + 1 < bestPhases.size(); ++i)
        out() << ' ' << (i < 8 ? names[i] : "?") << '=' << QString::number((bestPhases[i + 1] - bestPhases[i]) / 1e6, 'f', 1);
    out() << Qt::endl;
    out() << "tables: " << tables << ", columns: " << columns << Qt::endl;
    out() << "inspect: " << QString::number(best, 'f', 3) << " s, statements: " << statements
          << ", floor (one psql call): " << QString::number(floor, 'f', 3) << " s, ratio: " << QString::number(best / floor, 'f', 2)
          << " (target <= 1.5)" << Qt::endl;
    out() << "inspect on a reused connection (warm backend caches): " << QString::number(bestWarm, 'f', 3)
          << " s, ratio: " << QString::number(bestWarm / floor, 'f', 2) << Qt::endl;
    out() << "covet inspect (the CLI, " << QString::number(cliBytes / 1e6, 'f', 1) << " MB of JSON to a file): " << QString::number(cli, 'f', 3)
          << " s, ratio: " << QString::number(cli / floor, 'f', 2) << " (target <= 1.0)" << Qt::endl;
    scratch.reset();   // drops the scratch database
    return 0;
}
