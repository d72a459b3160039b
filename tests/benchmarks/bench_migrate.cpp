// Benchmark: apply 500 small migrations (create table, add column, create
// index: a realistic mix of YAML files) to a fresh database, with the
// engine's MigrationRunner (history row in each migration's transaction,
// audit log, lock) and with the `covet migrate` binary (process and CLI
// overhead included), against the floor: the same SQL statements executed
// directly, each migration in its own BEGIN/COMMIT like the runner —
// through the sqlite3 shell (one script), through QSqlDatabase, and on
// PostgreSQL through `psql -f` (one script). Best of COVET_BENCH_RUNS
// rounds, the contenders interleaved in each, on a fresh database each time.
// SQLite runs on the temporary directory's disk (each COMMIT syncs) and
// again on tmpfs (/dev/shm: no sync cost, so Covet's own work shows).
//
//   bench_migrate     environment: COVET_BENCH_MIGRATIONS (default 500), COVET_BENCH_RUNS (default 3),
//                     COVET_TEST_PG_URL (PostgreSQL part; skipped when unset), COVET_BENCH_PG=0 to skip it
#include "migratebench.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "migrations/migrationgraph.h"
#include "migrations/migrationplanner.h"
#include "migrations/migrationrepository.h"
#include "runner/migrationrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QDebug>

#include <algorithm>
#include <functional>

using namespace covet;

namespace {

QTextStream cout(stdout);

// Exit code 1 with the reason on stderr.
int fail(const QString &why)
{
    qCritical().noquote() << "bench_migrate:" << why;
    return 1;
}

using bench::migrationYaml;
using bench::processTime;
using bench::seconds;
using bench::statementsFor;

bool writeFile(const QString &path, const QByteArray &text)
{
    return bench::writeMigrationFile(path, text);
}

using bench::Contender;
using bench::race;

QByteArray script(const QList<QStringList> &migrations, const QString &prelude = {})
{
    return bench::perTransactionScript(migrations, prelude);
}

Result<double> runEngine(const QString &url, const MigrationRepository &repo, int expected)
{
    auto conn = Connection::open(url, QStringLiteral("bench"));
    if (!conn)
        return std::unexpected(conn.error());
    QElapsedTimer t;
    t.start();
    MigrationRunner runner(**conn, repo);
    RunOptions o;
    auto r = runner.migrate(o);
    const double s = seconds(t);
    if (!r)
        return std::unexpected(r.error());
    if (r->done.size() != expected)
        return fail(Error::Category::Internal, QStringLiteral("applied %1 of %2 migrations").arg(r->done.size()).arg(expected));
    return s;
}

void printRow(const QString &what, double s, int n)
{
    cout << QStringLiteral("  %1 %2 s  (%3 ms per migration)").arg(what.leftJustified(44), QString::number(s, 'f', 3), QString::number(s * 1000 / n, 'f', 3))
          << Qt::endl;
}

void printOverhead(const QString &what, double s, double floor, int n)
{
    cout << QStringLiteral("  overhead per migration, %1: %2 ms").arg(what, QString::number((s - floor) * 1000 / n, 'f', 3)) << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = qEnvironmentVariableIsSet("COVET_BENCH_MIGRATIONS") ? qEnvironmentVariableIntValue("COVET_BENCH_MIGRATIONS") : 500;
    const int runs = qEnvironmentVariableIsSet("COVET_BENCH_RUNS") ? std::max(1, qEnvironmentVariableIntValue("COVET_BENCH_RUNS")) : 3;
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return fail(QStringLiteral("sqlite3 is not installed"));

    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project"));
    const QString migrations = project + QStringLiteral("/migrations");
    QDir().mkpath(migrations);
    if (!writeFile(project + QStringLiteral("/covet.yaml"), "audit_log: true\n"))
        return fail(QStringLiteral("cannot write covet.yaml"));
    for (int i = 1; i <= n; ++i)
        if (!writeFile(migrations + QString::asprintf("/%04d_m%d.yaml", i, i), migrationYaml(i)))
            return fail(QStringLiteral("cannot write migration %1").arg(i));

    QElapsedTimer loadTimer;
    loadTimer.start();
    const MigrationRepository repo = MigrationRepository::load(migrations);
    const double load = seconds(loadTimer);
    if (!repo.isValid())
        return fail(repo.status().error().toString());

    cout << QStringLiteral("bench_migrate: %1 migrations (create table / add column x2 / create index), best of %2 runs, fresh database each run")
                 .arg(n)
                 .arg(runs)
          << Qt::endl;
    cout << QStringLiteral("  loading and validating the %1 files (once per run; not in the figures below): %2 s").arg(n).arg(load, 0, 'f', 3)
          << Qt::endl;

    // ---------------------------------------------------------------- SQLite
    int sqliteVersion = 0;
    {
        auto c = Connection::open(QStringLiteral("sqlite::memory:"));
        if (!c)
            return fail(c.error().toString());
        sqliteVersion = (*c)->serverVersionNumber();
    }
    auto stmts = statementsFor(repo, Dialect::SQLite, sqliteVersion);
    if (!stmts)
        return fail(stmts.error().toString());
    qsizetype statementCount = 0;
    for (const QStringList &st : *stmts)
        statementCount += st.size();
    const QString sqliteScript = dir.filePath(QStringLiteral("sqlite.sql"));
    if (!writeFile(sqliteScript, script(*stmts)))
        return fail(QStringLiteral("cannot write the sqlite3 script"));

    // The same four contenders on the working disk and, when there is one,
    // on tmpfs (no fsync cost: what remains is Covet's own work).
    QList<std::pair<QString, QString>> places{{QStringLiteral("disk (%1)").arg(QDir::tempPath()), dir.path()}};
    QTemporaryDir shm(QStringLiteral("/dev/shm/covet-bench-XXXXXX"));
    if (shm.isValid() && QDir::tempPath() != u"/dev/shm")
        places.append({QStringLiteral("tmpfs (/dev/shm)"), shm.path()});
    double headline = 0;
    for (const auto &[where, base] : places) {
        auto freshFile = [&](const QString &name, int round) {
            const QString path = QStringLiteral("%1/%2-%3.db").arg(base, name).arg(round);
            QFile::remove(path);
            return path;
        };
        QList<Contender> c;
        c.append({QStringLiteral("floor: sqlite3 shell, one script"), [&](int round) {
                      return processTime(sqlite3, {freshFile(QStringLiteral("shell"), round)}, sqliteScript);
                  }});
        c.append({QStringLiteral("floor: QSqlDatabase, same statements"), [&](int round) -> Result<double> {
                      const QString name = QStringLiteral("bench-qsql-%1").arg(round);
                      Result<double> s = 0.0;
                      {
                          QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                          d.setDatabaseName(freshFile(QStringLiteral("qsql"), round));
                          if (!d.open())
                              return fail(Error::Category::Connection, d.lastError().text());
                          QSqlQuery q(d);
                          QElapsedTimer t;
                          t.start();
                          bool ok = true;
                          for (const QStringList &m : *stmts) {
                              ok = ok && q.exec(QStringLiteral("BEGIN"));
                              for (const QString &st : m)
                                  ok = ok && q.exec(st);
                              ok = ok && q.exec(QStringLiteral("COMMIT"));
                          }
                          s = seconds(t);
                          if (!ok)
                              s = fail(Error::Category::Database, q.lastError().text());
                      }
                      QSqlDatabase::removeDatabase(name);
                      return s;
                  }});
        c.append({QStringLiteral("Covet MigrationRunner (engine)"), [&](int round) {
                      return runEngine(QStringLiteral("sqlite:") + freshFile(QStringLiteral("engine"), round), repo, n);
                  }});
        c.append({QStringLiteral("covet migrate (process, load, CLI)"), [&](int round) {
                      return processTime(QStringLiteral(COVET_CLI_PATH),
                                         {QStringLiteral("migrate"), QStringLiteral("--db"), QStringLiteral("sqlite:") + freshFile(QStringLiteral("cli"), round)},
                                         {}, project);
                  }});
        if (auto st = race(c, runs); !st)
            return fail(st.error().toString());
        const double shell = c.at(0).best, qsql = c.at(1).best, engine = c.at(2).best, cli = c.at(3).best;
        cout << QStringLiteral("SQLite on %1, %2 statements:").arg(where).arg(statementCount) << Qt::endl;
        for (const Contender &k : std::as_const(c))
            printRow(k.name, k.best, n);
        printOverhead(QStringLiteral("engine vs sqlite3"), engine, shell, n);
        printOverhead(QStringLiteral("engine vs QSqlDatabase"), engine, qsql, n);
        cout << QStringLiteral("  ratio: %1 (target <= 4.0)   [engine / sqlite3 shell; engine / QSqlDatabase: %2; covet migrate / sqlite3 shell: %3]")
                     .arg(engine / shell, 0, 'f', 2)
                     .arg(engine / qsql, 0, 'f', 2)
                     .arg(cli / shell, 0, 'f', 2)
              << Qt::endl;
        headline = std::max(headline, engine / shell);
    }
    const int exitCode = headline <= 4.0 ? 0 : 2;

    // ------------------------------------------------------------ PostgreSQL
    const QString pgUrl = test::serverUrl("COVET_TEST_PG_URL");
    if (pgUrl.isEmpty() || qEnvironmentVariable("COVET_BENCH_PG") == u"0") {
        cout << (pgUrl.isEmpty() ? "PostgreSQL: skipped (COVET_TEST_PG_URL is not set)" : "PostgreSQL: skipped (COVET_BENCH_PG=0)") << Qt::endl;
        return exitCode;
    }
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psql.isEmpty())
        return fail(QStringLiteral("psql is not installed"));
    auto admin = Connection::open(pgUrl, QStringLiteral("bench-admin"));
    if (!admin)
        return fail(admin.error().toString());
    SqlExecutor adminSql((*admin)->database(), Dialect::PostgreSQL);
    const DatabaseUrl parsed = (*admin)->url();
    auto pgStmts = statementsFor(repo, Dialect::PostgreSQL, 0);
    if (!pgStmts)
        return fail(pgStmts.error().toString());
    // A fresh schema per run, all dropped at the end.
    QStringList schemas;
    auto freshSchema = [&](const QString &name, int round) -> Result<QString> {
        const QString schema = QStringLiteral("covet_bench_%1_%2_%3").arg(QCoreApplication::applicationPid()).arg(name).arg(round);
        schemas << schema;
        if (auto r = adminSql.exec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(schema)); !r)
            return std::unexpected(r.error());
        return schema;
    };
    auto urlFor = [&](const QString &schema) {
        return pgUrl + (pgUrl.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?")) + QStringLiteral("schema=") + schema;
    };
    // psql: the same server, user and database; the password through PGPASSWORD.
    QProcessEnvironment psqlEnv = QProcessEnvironment::systemEnvironment();
    if (const QString password = parsed.resolvePassword(); !password.isEmpty())
        psqlEnv.insert(QStringLiteral("PGPASSWORD"), password);
    const QStringList psqlArgs{QStringLiteral("-h"), parsed.host(), QStringLiteral("-p"), QString::number(parsed.port() > 0 ? parsed.port() : 5432),
                               QStringLiteral("-U"), parsed.user(), QStringLiteral("-d"), parsed.database(), QStringLiteral("-q"), QStringLiteral("-X"),
                               QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f")};
    QList<Contender> c;
    c.append({QStringLiteral("floor: psql -f, one script"), [&](int round) -> Result<double> {
                  auto schema = freshSchema(QStringLiteral("psql"), round);
                  if (!schema)
                      return std::unexpected(schema.error());
                  const QString file = dir.filePath(QStringLiteral("pg-%1.sql").arg(round));
                  writeFile(file, script(*pgStmts, QStringLiteral("SET client_min_messages = warning;\nSET search_path TO \"%1\";\n").arg(*schema)));
                  return processTime(psql, psqlArgs + QStringList{file}, {}, {}, psqlEnv);
              }});
    c.append({QStringLiteral("Covet MigrationRunner (engine)"), [&](int round) -> Result<double> {
                  auto schema = freshSchema(QStringLiteral("engine"), round);
                  if (!schema)
                      return std::unexpected(schema.error());
                  return runEngine(urlFor(*schema), repo, n);
              }});
    c.append({QStringLiteral("covet migrate (process, load, CLI)"), [&](int round) -> Result<double> {
                  auto schema = freshSchema(QStringLiteral("cli"), round);
                  if (!schema)
                      return std::unexpected(schema.error());
                  return processTime(QStringLiteral(COVET_CLI_PATH), {QStringLiteral("migrate"), QStringLiteral("--db"), urlFor(*schema)}, {}, project);
              }});
    const Status raced = race(c, runs);
    for (const QString &schema : std::as_const(schemas))
        (void)adminSql.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(schema));
    if (!raced)
        return fail(raced.error().toString());
    cout << QStringLiteral("PostgreSQL (%1; a fresh schema per run, dropped afterwards):").arg(parsed.display()) << Qt::endl;
    for (const Contender &k : std::as_const(c))
        printRow(k.name, k.best, n);
    printOverhead(QStringLiteral("engine vs psql"), c.at(1).best, c.at(0).best, n);
    cout << QStringLiteral("  ratio: %1   [engine / psql; covet migrate / psql: %2]")
                 .arg(c.at(1).best / c.at(0).best, 0, 'f', 2)
                 .arg(c.at(2).best / c.at(0).best, 0, 'f', 2)
          << Qt::endl;
    return exitCode;
}
