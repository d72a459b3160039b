// Benchmark (issue 13.1): the risk analysis of a plan against a database of
// 2,000 tables — 20 pending migrations, each dropping a populated column of
// its own table — on SQLite and (with COVET_TEST_PG_URL) PostgreSQL.
// Prints the analysis time and the statements it ran, the same for a
// 20-table database (the statement count must not grow with the tables),
// and the floor: the same counts typed by hand as one statement into the
// shell (sqlite3 .timer, psql \timing). Best of 3.
//
//   bench_risk              environment: COVET_BENCH_TABLES (default 2000), COVET_TEST_PG_URL
#include "testsupport.h"

#include "db/connection.h"
#include "runner/migrationrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <limits>

using namespace covet;

namespace {

QTextStream out(stdout);
constexpr int kPlanned = 20;
constexpr int kRows = 100;

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_risk: " << message << Qt::endl;
    return 1;
}

QString tableName(int i) { return QStringLiteral("t%1").arg(i, 4, 10, QLatin1Char('0')); }

// Tables t0000… with kRows rows; migrations 0002…0021 drop t0000.note … t0019.note.
Status populate(Connection &conn, int tables, const QString &dir)
{
    SqlExecutor sql(conn.database(), conn.dialect());
    const bool pg = conn.dialect() == Dialect::PostgreSQL;
    (void)sql.exec(QStringLiteral("BEGIN"));
    for (int i = 0; i < tables; ++i) {
        const QString t = tableName(i);
        if (auto r = sql.exec(QStringLiteral("CREATE TABLE %1 (id integer PRIMARY KEY, note text, v integer)").arg(t)); !r)
            return std::unexpected(r.error());
        const QString fill = pg ? QStringLiteral("INSERT INTO %1 SELECT g, 'n' || g, g FROM generate_series(1, %2) g").arg(t).arg(kRows)
                                : QStringLiteral("WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < %2) "
                                                 "INSERT INTO %1 SELECT g, 'n' || g, g FROM n").arg(t).arg(kRows);
        if (auto r = sql.exec(fill); !r)
            return std::unexpected(r.error());
    }
    (void)sql.exec(QStringLiteral("COMMIT"));
    // The history: one migration creating every table (recorded as applied
    // with --fake semantics), then the drops.
    QDir().mkpath(dir);
    QByteArray init = "operations:\n";
    for (int i = 0; i < tables; ++i)
        init += "  - op: create_table\n    definition:\n      name: " + tableName(i).toUtf8()
              + "\n      columns:\n        - {name: id, type: integer, nullable: false}\n        - {name: note, type: text}\n"
                "        - {name: v, type: integer}\n      primary_key: {columns: [id]}\n";
    QFile f(dir + QStringLiteral("/0001_init.yaml"));
    if (!f.open(QIODevice::WriteOnly) || f.write(init) < 0)
        return fail(Error::Category::NotFound, QStringLiteral("cannot write the migrations"));
    f.close();
    QString previous = QStringLiteral("0001_init");
    for (int i = 0; i < kPlanned; ++i) {
        const QString id = QStringLiteral("%1_drop_note").arg(i + 2, 4, 10, QLatin1Char('0'));
        QFile m(dir + u'/' + id + QStringLiteral(".yaml"));
        if (!m.open(QIODevice::WriteOnly))
            return fail(Error::Category::NotFound, QStringLiteral("cannot write the migrations"));
        m.write(QStringLiteral("dependencies: [%1]\noperations:\n  - op: drop_column\n    table: %2\n    column: note\n").arg(previous, tableName(i)).toUtf8());
        previous = id;
    }
    const MigrationRepository repo = MigrationRepository::load(dir);
    MigrationRunner runner(conn, repo);
    RunOptions o;
    o.fake = true;
    o.target = QStringLiteral("0001_init");
    if (auto r = runner.migrate(o); !r)
        return std::unexpected(r.error());
    return {};
}

struct Measured
{
    double seconds = std::numeric_limits<double>::max();
    int statements = 0;
    qint64 lost = 0;
};

Result<Measured> analyse(Connection &conn, const QString &dir)
{
    const MigrationRepository repo = MigrationRepository::load(dir);
    Measured m;
    for (int i = 0; i < 3; ++i) {
        MigrationRunner runner(conn, repo);
        QElapsedTimer t;
        t.start();
        auto plan = runner.plan(RunOptions{}, true);
        if (!plan)
            return std::unexpected(plan.error());
        auto risk = runner.assess(*plan);
        if (!risk)
            return std::unexpected(risk.error());
        m.seconds = std::min(m.seconds, t.elapsed() / 1000.0);
        m.statements = risk->statements;
        m.lost = 0;
        for (const RiskFinding &f : risk->findings)
            if (f.losesData)
                m.lost += f.affected;
    }
    return m;
}

// The counts by hand: one statement, timed by the shell.
double floorSeconds(const QString &exe, const QStringList &args, bool psql)
{
    QStringList parts;
    for (int i = 0; i < kPlanned; ++i)
        parts << QStringLiteral("SELECT count(note) FROM %1").arg(tableName(i));
    const QString script = (psql ? QStringLiteral("\\timing on\n") : QStringLiteral(".timer on\n")) + parts.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(";\n");
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < 3; ++i) {
        QProcess p;
        p.start(exe, args);
        p.write(script.toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(120000);
        const QRegularExpression re(psql ? QStringLiteral("Time: ([0-9.]+) ms") : QStringLiteral("Run Time: real ([0-9.]+)"));
        const auto m = re.match(QString::fromUtf8(p.readAllStandardOutput()));
        if (m.hasMatch())
            best = std::min(best, m.captured(1).toDouble() / (psql ? 1000.0 : 1.0));
    }
    return best;
}

int report(const QString &name, Connection &small, Connection &large, const QString &dir, int tables, double floor)
{
    auto a = analyse(small, dir + QStringLiteral("/small"));
    auto b = analyse(large, dir + QStringLiteral("/large"));
    if (!a || !b)
        return fail((a ? b.error() : a.error()).toString());
    out << QStringLiteral("%1: risk of %2 pending migrations (best of 3)\n").arg(name).arg(kPlanned);
    out << QStringLiteral("  %1 tables:   %2 s, %3 statements, %4 values at stake\n").arg(kPlanned, 5).arg(a->seconds, 0, 'f', 3).arg(a->statements).arg(a->lost);
    out << QStringLiteral("  %1 tables:   %2 s, %3 statements, %4 values at stake\n").arg(tables, 5).arg(b->seconds, 0, 'f', 3).arg(b->statements).arg(b->lost);
    out << QStringLiteral("  statements independent of the table count: %1\n").arg(a->statements == b->statements ? QStringLiteral("yes") : QStringLiteral("NO"));
    out << QStringLiteral("  floor (the %1 counts by hand, one statement): %2 s; ratio %3 (Covet also plans, replays the history and reads the catalog)\n")
               .arg(kPlanned).arg(floor, 0, 'f', 3).arg(b->seconds / floor, 0, 'f', 1);
    out.flush();
    return a->statements == b->statements ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int tables = qEnvironmentVariableIsSet("COVET_BENCH_TABLES") ? qEnvironmentVariableIntValue("COVET_BENCH_TABLES") : 2000;
    QTemporaryDir dir;
    {
        auto small = Connection::open(*DatabaseUrl::parse(QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("small.db"))), QStringLiteral("s"));
        auto large = Connection::open(*DatabaseUrl::parse(QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("large.db"))), QStringLiteral("l"));
        if (!small || !large)
            return fail(QStringLiteral("cannot open the SQLite files"));
        if (auto st = populate(**small, kPlanned, dir.filePath(QStringLiteral("sqlite/small"))); !st)
            return fail(st.error().toString());
        if (auto st = populate(**large, tables, dir.filePath(QStringLiteral("sqlite/large"))); !st)
            return fail(st.error().toString());
        const double floor = floorSeconds(QStandardPaths::findExecutable(QStringLiteral("sqlite3")), {dir.filePath(QStringLiteral("large.db"))}, false);
        if (int rc = report(QStringLiteral("SQLite"), **small, **large, dir.filePath(QStringLiteral("sqlite")), tables, floor); rc != 0)
            return rc;
    }
    const QString server = test::serverUrl("COVET_TEST_PG_URL");
    if (server.isEmpty()) {
        out << "PostgreSQL: COVET_TEST_PG_URL is not set (scripts/test-servers.sh); skipped\n";
        return 0;
    }
    QString error;
    auto small = test::ScratchDatabase::create(Dialect::PostgreSQL, server, &error);
    auto large = test::ScratchDatabase::create(Dialect::PostgreSQL, server, &error);
    if (!small || !large)
        return fail(error);
    if (auto st = populate(small->connection(), kPlanned, dir.filePath(QStringLiteral("pg/small"))); !st)
        return fail(st.error().toString());
    if (auto st = populate(large->connection(), tables, dir.filePath(QStringLiteral("pg/large"))); !st)
        return fail(st.error().toString());
    const double floor = floorSeconds(QStandardPaths::findExecutable(QStringLiteral("psql")), {large->urlString(), QStringLiteral("-q")}, true);
    return report(QStringLiteral("PostgreSQL"), small->connection(), large->connection(), dir.filePath(QStringLiteral("pg")), tables, floor);
}
