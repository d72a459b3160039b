// bench_audit: `covet audit stats` and `verify` over 100,000 audit rows
// (COVET_BENCH_AUDIT_ROWS), on SQLite and, when COVET_TEST_PG_URL and
// COVET_TEST_MYSQL_URL are set, PostgreSQL and MariaDB; and `covet audit
// list` and `covet audit stats` over them from the command line. Prints
// the time and statement count of AuditStatistics, AuditChain::verify and a first AuditLog page, and the ratio against the
// floor: the same aggregate (count, successes, average duration per
// migration) written by hand and run by sqlite3 / psql.
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "audit/auditstatistics.h"
#include "auditbench.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace covet;

namespace {

QTextStream out(stdout);

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// The floor: a hand-written aggregate through the database's own shell.
double floorSeconds(const QString &exe, const QStringList &args, const QString &query)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(exe, args + QStringList{query});
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        out << "  (floor failed: " << QString::fromUtf8(p.readAllStandardError()) << ")\n";
        return -1;
    }
    return seconds(t);
}

// `covet audit <action> --db url` from a project directory: the wall time,
// process start included; -1 when it failed.
double cliSeconds(const QString &url, const QStringList &action)
{
    QTemporaryDir project;
    QFile config(project.filePath(QStringLiteral("covet.yaml")));
    if (!config.open(QIODevice::WriteOnly) || config.write("audit_log: true\n") < 0)
        return -1;
    config.close();
    QProcess p;
    p.setWorkingDirectory(project.path());
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(COVET_CLI_PATH), QStringList{QStringLiteral("audit")} + action + QStringList{QStringLiteral("--db"), url});
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || (p.exitCode() != 0 && p.exitCode() != 10))
        return -1;
    return seconds(t);
}

void measure(const QString &name, SqlExecutor &sql, const QString &floorExe, const QStringList &floorArgs, const QString &url)
{
    const int rows = bench::auditRows();
    QElapsedTimer t;
    t.start();
    if (!bench::seedAudit(sql, rows)) {
        out << name << ": seeding failed\n";
        return;
    }
    out << name << ": " << rows << " audit rows written in " << QString::number(seconds(t), 'f', 2) << " s\n";
    sql.resetStatementCount();
    t.restart();
    auto s = AuditStatistics::compute(sql, AuditFilter());
    const double stats = seconds(t);
    const int statsStatements = sql.statementCount();
    sql.resetStatementCount();
    t.restart();
    auto v = AuditChain::verify(sql);
    const double verify = seconds(t);
    const int verifyStatements = sql.statementCount();
    sql.resetStatementCount();
    t.restart();
    auto page = AuditLog::page(sql, AuditFilter(), 0, 100);
    const double pageTime = seconds(t);
    const int pageStatements = sql.statementCount();
    if (!s || !v || !page || !v->intact()) {
        out << "  failed\n";
        return;
    }
    const QString query = QStringLiteral("SELECT migration_id, count(*), sum(CASE WHEN status = 'success' THEN 1 ELSE 0 END), avg(duration_ms), "
                                         "max(duration_ms) FROM _covet_migration_audit GROUP BY migration_id ORDER BY migration_id");
    const double floor = floorExe.isEmpty() ? -1 : floorSeconds(floorExe, floorArgs, query);
    out << "  stats:  " << QString::number(stats * 1000, 'f', 1) << " ms, " << statsStatements << " statements ("
        << s->executions << " executions, success " << QString::number(s->successRate() * 100, 'f', 2) << "%, p95 "
        << s->overall.p95Ms << " ms, " << s->perMigration.size() << " migrations, " << s->days.size() << " days)\n"
        << "  verify: " << QString::number(verify * 1000, 'f', 1) << " ms, " << verifyStatements << " statements (" << v->rows << " rows, "
        << QString::number(double(v->rows) / verify, 'f', 0) << " rows/s)\n"
        << "  first page of 100: " << QString::number(pageTime * 1000, 'f', 1) << " ms, " << pageStatements << " statements\n";
    out << "  covet audit list: " << QString::number(cliSeconds(url, {QStringLiteral("list")}) * 1000, 'f', 1)
        << " ms; covet audit stats: " << QString::number(cliSeconds(url, {QStringLiteral("stats")}) * 1000, 'f', 1)
        << " ms (the command line, process start included)\n";
    if (floor > 0)
        out << "  floor (" << floorExe.section(u'/', -1) << ", the per-migration aggregate by hand, process start included): "
            << QString::number(floor * 1000, 'f', 1) << " ms; stats/floor = " << QString::number(stats / floor, 'f', 2) << '\n';
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    {
        QString error;
        auto db = test::ScratchDatabase::create(Dialect::SQLite, {}, &error);
        SqlExecutor sql(db->connection().database(), Dialect::SQLite);
        measure(QStringLiteral("SQLite"), sql, QStandardPaths::findExecutable(QStringLiteral("sqlite3")), {db->url().database()}, db->urlString());
    }
    const QString pg = test::serverUrl("COVET_TEST_PG_URL");
    if (!pg.isEmpty()) {
        QString error;
        auto db = test::ScratchDatabase::create(Dialect::PostgreSQL, pg, &error);
        if (!db) {
            out << "PostgreSQL: " << error << '\n';
            return 1;
        }
        SqlExecutor sql(db->connection().database(), Dialect::PostgreSQL);
        measure(QStringLiteral("PostgreSQL"), sql, QStandardPaths::findExecutable(QStringLiteral("psql")),
                {db->urlString(), QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-c")},
                db->urlString());
    } else {
        out << "PostgreSQL: COVET_TEST_PG_URL is not set (scripts/test-servers.sh); skipped\n";
    }
    const QString my = test::serverUrl("COVET_TEST_MYSQL_URL");
    if (!my.isEmpty()) {
        QString error;
        auto db = test::ScratchDatabase::create(Dialect::MySQL, my, &error);
        if (!db) {
            out << "MariaDB: " << error << '\n';
            return 1;
        }
        SqlExecutor sql(db->connection().database(), Dialect::MySQL);
        measure(QStringLiteral("MariaDB"), sql, {}, {}, db->urlString());
    }
    return 0;
}
