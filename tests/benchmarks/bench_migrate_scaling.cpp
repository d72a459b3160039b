// Benchmark: how `covet migrate` grows with the size of the history. For
// each point N (default 100, 500, 1,000, 2,000, 5,000) a project of the
// first N migrations of bench_migrate's mix is applied to a fresh database
// by the `covet migrate` binary (process, loading, planning, risk, history
// and audit rows, verification: everything a user waits for), against the
// floor measured in the same run: the same statements, each migration in
// its own BEGIN/COMMIT, through the sqlite3 shell (SQLite on tmpfs, and on
// disk with COVET_BENCH_DISK=1) and through `psql -f` (PostgreSQL). Each
// figure is the median of COVET_BENCH_RUNS runs, the contenders
// interleaved. Printed per point: seconds, milliseconds per migration, the
// marginal cost of the migrations added since the previous point, covet's
// own (its marginal cost less the floor's: flat when nothing of covet's
// grows with the history), and the ratio against the floor. On SQLite a
// third contender, the floor with Covet's bookkeeping rows (the same script
// with the history and audit rows each migration's transaction writes, as
// literal statements), separates what recording a run costs SQLite from
// Covet's own work: "floor+rows s" and covet's ratio to it. Two targets:
// ratio <= 1.2 at every point, covet's own cost flat (printFlatness); exit
// 2 when either is not met.
//
//   bench_migrate_scaling   environment: COVET_BENCH_POINTS (comma-separated, default 100,500,1000,2000,5000),
//                           COVET_BENCH_RUNS (default 3), COVET_BENCH_DISK=1 (also SQLite on the temporary
//                           directory's disk), COVET_TEST_PG_URL (PostgreSQL; skipped when unset),
//                           COVET_BENCH_PG=0 to skip it, COVET_BENCH_CLI (another covet binary to time),
//                           COVET_BENCH_KEEP=1 (keep the projects and the floors' scripts in the temporary directory)
#include "migratebench.h"
#include "testsupport.h"

#include "audit/auditrecorder.h"
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "migrations/migrationhistory.h"
#include "sql/identifierquoter.h"

#include <QCoreApplication>
#include <QDebug>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

using namespace covet;

namespace {

QTextStream cout(stdout);

int failed(const QString &why)
{
    qCritical().noquote() << "bench_migrate_scaling:" << why;
    return 1;
}

QList<int> points()
{
    QList<int> out;
    const QString spec = qEnvironmentVariable("COVET_BENCH_POINTS", QStringLiteral("100,500,1000,2000,5000"));
    for (const QString &p : spec.split(u',', Qt::SkipEmptyParts))
        if (const int n = p.trimmed().toInt(); n > 0)
            out << n;
    std::sort(out.begin(), out.end());
    return out;
}

// One point of one place: the floor's and covet's medians, and the floor
// with Covet's bookkeeping rows (0 where it is not measured).
struct Figures
{
    int n = 0;
    double floor = 0;
    double covet = 0;
    double floorWithRows = 0;
};

// Runs floor(round), covet(round) and, when given, withRows(round)
// interleaved `runs` times; their medians.
Result<Figures> race(int n, int runs, const std::function<Result<double>(int)> &floor, const std::function<Result<double>(int)> &covet,
                     const std::function<Result<double>(int)> &withRows = {})
{
    QList<double> f, c, w;
    for (int round = 0; round < runs; ++round) {
        auto a = floor(round);
        if (!a)
            return std::unexpected(a.error().withContext(QStringLiteral("floor, %1 migrations").arg(n)));
        auto b = covet(round);
        if (!b)
            return std::unexpected(b.error().withContext(QStringLiteral("covet migrate, %1 migrations").arg(n)));
        f << *a;
        c << *b;
        if (withRows) {
            auto r = withRows(round);
            if (!r)
                return std::unexpected(r.error().withContext(QStringLiteral("floor with the bookkeeping rows, %1 migrations").arg(n)));
            w << *r;
        }
    }
    return Figures{n, bench::median(f), bench::median(c), bench::median(w)};
}

// The floor with the rows Covet writes in each migration's transaction, as
// literal statements in the same script: the check that no other runner
// applied it, the history row, and the audit row linked to the chain's last
// one (AuditRecorder's guarded insert; the hashes are constants, not
// computed). Covet's own tables are created first with the statements
// MigrationHistory and AuditRecorder run. What is left between this and
// covet is Covet's own work (process, files, plans, hashing, verification);
// what is between the floor and this is what any recorded run costs SQLite
// (each transaction also writes the history and audit pages and their
// indexes).
Result<QByteArray> sqliteScriptWithRows(const QList<QStringList> &migrations)
{
    const Dialect d = Dialect::SQLite;
    auto c = Connection::open(QStringLiteral("sqlite::memory:"), QStringLiteral("bench-bookkeeping"));
    if (!c)
        return std::unexpected(c.error());
    SqlExecutor sql((*c)->database(), d);
    QString s;
    sql.setStatementObserver([&s](const QString &st) {
        if (!st.trimmed().startsWith(QStringLiteral("SELECT"), Qt::CaseInsensitive) && !st.trimmed().startsWith(QStringLiteral("PRAGMA"), Qt::CaseInsensitive))
            s += st + QStringLiteral(";\n");
    });
    if (auto st = MigrationHistory::ensure(sql); !st)
        return std::unexpected(st.error());
    if (auto st = AuditRecorder::ensure(sql); !st)
        return std::unexpected(st.error());
    auto q = [d](const QString &n) { return IdentifierQuoter::quote(d, n); };
    auto lit = [d](const QString &v) { return IdentifierQuoter::literal(d, v); };
    const QString history = q(MigrationHistory::tableName()), audit = q(AuditRecorder::tableName());
    QStringList cols;
    for (const QString &col : AuditRecorder::entryColumns() + QStringList{QStringLiteral("prev_hash"), QStringLiteral("row_hash")})
        cols << q(col);
    const QString checksum(64, u'c');
    QString prev;
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        const QString id = QString::asprintf("%04lld_m%lld", i + 1, i + 1);
        const QString hash = QStringLiteral("%1").arg(i + 1, 64, 10, QChar(u'0'));
        s += QStringLiteral("BEGIN;\nSELECT count(*) FROM %1 WHERE %2 IN (%3);\n").arg(history, q(QStringLiteral("id")), lit(id));
        for (const QString &st : migrations.at(i))
            s += st + QStringLiteral(";\n");
        s += QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6) VALUES (%7, %8, '2026-12-07T21:00:00.000Z', 'covet@bench', 1);\n")
                 .arg(history, q(QStringLiteral("id")), q(QStringLiteral("checksum")), q(QStringLiteral("applied_at")), q(QStringLiteral("applied_by")),
                      q(QStringLiteral("duration_ms")), lit(id), lit(checksum));
        const QStringList values{lit(id), lit(QStringLiteral("apply")), lit(QStringLiteral("success")), lit(QStringLiteral("2026-12-07T21:00:00.000Z")),
                                 lit(QStringLiteral("2026-12-07T21:00:00.001Z")), QStringLiteral("1"), lit(QStringLiteral("covet")), lit(QStringLiteral("bench")),
                                 QStringLiteral("NULL"), lit(migrations.at(i).join(QStringLiteral(";\n"))), QStringLiteral("NULL"), QStringLiteral("NULL"),
                                 lit(checksum), lit(QStringLiteral("low")), QStringLiteral("0"), lit(QString()), QStringLiteral("0"),
                                 QString::number(AuditRecorder::currentHashVersion), lit(QStringLiteral("00000000-0000-0000-0000-000000000000")),
                                 QStringLiteral("NULL"), QStringLiteral("NULL"), lit(QStringLiteral("[[\"table\",\"t\"]]")), QStringLiteral("NULL"),
                                 prev.isEmpty() ? QStringLiteral("NULL") : lit(prev), lit(hash)};
        s += QStringLiteral("INSERT INTO %1 (%2) SELECT %3 WHERE coalesce((SELECT %4 FROM %1 ORDER BY %5 DESC LIMIT 1), '') = %6;\nCOMMIT;\n")
                 .arg(audit, cols.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")), q(QStringLiteral("row_hash")), q(QStringLiteral("id")), lit(prev));
        prev = hash;
    }
    return s.toUtf8();
}

void printHeader(const QString &place, const QString &floorName)
{
    cout << place << QStringLiteral(" (floor: %1)").arg(floorName) << Qt::endl;
    cout << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9")
                .arg(QStringLiteral("migrations"), 10)
                .arg(QStringLiteral("floor s"), 9)
                .arg(QStringLiteral("covet s"), 9)
                .arg(QStringLiteral("floor ms/m"), 11)
                .arg(QStringLiteral("covet ms/m"), 11)
                .arg(QStringLiteral("marginal floor"), 15)
                .arg(QStringLiteral("marginal covet"), 15)
                .arg(QStringLiteral("covet's own"), 12)
                .arg(QStringLiteral("ratio"), 6)
         << QStringLiteral(" %1 %2").arg(QStringLiteral("floor+rows s"), 13).arg(QStringLiteral("ratio to it"), 12) << Qt::endl;
}

// One row; the marginal cost is per migration added since `prev`, and
// covet's own is what covet adds to the floor's marginal cost (its history
// and audit rows, loading, planning): flat when nothing of covet's grows with
// the history. Returns covet's own marginal cost in ms (-1 for the first row).
double printRow(const Figures &f, const Figures *prev)
{
    auto ms = [](double s, int n) { return s * 1000 / n; };
    auto text = [](double v) { return QString::number(v, 'f', 3); };
    QString mf = QStringLiteral("-"), mc = QStringLiteral("-"), own = QStringLiteral("-");
    double ownMs = -1;
    if (prev) {
        const double a = ms(f.floor - prev->floor, f.n - prev->n), b = ms(f.covet - prev->covet, f.n - prev->n);
        mf = text(a);
        mc = text(b);
        ownMs = b - a;
        own = text(ownMs);
    }
    cout << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9")
                .arg(f.n, 10)
                .arg(f.floor, 9, 'f', 3)
                .arg(f.covet, 9, 'f', 3)
                .arg(text(ms(f.floor, f.n)), 11)
                .arg(text(ms(f.covet, f.n)), 11)
                .arg(mf, 15)
                .arg(mc, 15)
                .arg(own, 12)
                .arg(f.covet / f.floor, 6, 'f', 2);
    if (f.floorWithRows > 0)
        cout << QStringLiteral(" %1 %2").arg(f.floorWithRows, 13, 'f', 3).arg(f.covet / f.floorWithRows, 12, 'f', 2);
    cout << Qt::endl;
    return ownMs;
}

// Flat: covet's own marginal cost at the last interval is at most 1.5x the
// first one's (taken as 0 when noise made it negative) plus 0.25 ms. Noise
// on a shared machine moves single intervals by ~0.2 ms: a cost that grows
// with the history (a replay or a schema copy per migration) doubles it
// from 500 to 5,000.
bool printFlatness(const QList<double> &own)
{
    if (own.size() < 2) {
        cout << "  flat per-migration cost: needs three points or more" << Qt::endl;
        return true;
    }
    const double first = own.first(), last = own.last();
    const bool flat = last <= std::max(first, 0.0) * 1.5 + 0.25;
    cout << QStringLiteral("  flat per-migration cost: covet's own %1 ms per migration at the first interval, %2 at the last: %3")
                .arg(first, 0, 'f', 3)
                .arg(last, 0, 'f', 3)
                .arg(flat ? QStringLiteral("flat") : QStringLiteral("GROWS"))
         << Qt::endl;
    return flat;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QList<int> ns = points();
    const int runs = qEnvironmentVariableIsSet("COVET_BENCH_RUNS") ? std::max(1, qEnvironmentVariableIntValue("COVET_BENCH_RUNS")) : 3;
    const QString cli = qEnvironmentVariable("COVET_BENCH_CLI", QStringLiteral(COVET_CLI_PATH));
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return failed(QStringLiteral("sqlite3 is not installed"));
    if (ns.isEmpty())
        return failed(QStringLiteral("COVET_BENCH_POINTS names no point"));
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariable("COVET_BENCH_KEEP") != u"1");
    QTemporaryDir shm(QStringLiteral("/dev/shm/covet-scaling-XXXXXX"));
    int sqliteVersion = 0;
    {
        auto c = Connection::open(QStringLiteral("sqlite::memory:"));
        if (!c)
            return failed(c.error().toString());
        sqliteVersion = (*c)->serverVersionNumber();
    }
    const QString pgUrl = test::serverUrl("COVET_TEST_PG_URL");
    const bool withPg = !pgUrl.isEmpty() && qEnvironmentVariable("COVET_BENCH_PG") != u"0";
    cout << QStringLiteral("bench_migrate_scaling: covet migrate (%1) against the per-transaction floor, median of %2 runs, fresh database each run")
                .arg(cli)
                .arg(runs)
         << Qt::endl;

    // The projects and the floors' scripts, one per point.
    QHash<int, QString> projects, sqliteScripts, sqliteRowsScripts, pgScripts;
    for (int n : ns) {
        const QString project = dir.filePath(QStringLiteral("p%1").arg(n));
        if (!bench::writeProject(project, n))
            return failed(QStringLiteral("cannot write the project of %1 migrations").arg(n));
        const MigrationRepository repo = MigrationRepository::load(project + QStringLiteral("/migrations"));
        if (!repo.isValid())
            return failed(repo.status().error().toString());
        projects.insert(n, project);
        auto st = bench::statementsFor(repo, Dialect::SQLite, sqliteVersion);
        if (!st)
            return failed(st.error().toString());
        sqliteScripts.insert(n, dir.filePath(QStringLiteral("sqlite-%1.sql").arg(n)));
        bench::writeMigrationFile(sqliteScripts.value(n), bench::perTransactionScript(*st));
        auto withRows = sqliteScriptWithRows(*st);
        if (!withRows)
            return failed(withRows.error().toString());
        sqliteRowsScripts.insert(n, dir.filePath(QStringLiteral("sqlite-rows-%1.sql").arg(n)));
        bench::writeMigrationFile(sqliteRowsScripts.value(n), *withRows);
        if (withPg) {
            auto pg = bench::statementsFor(repo, Dialect::PostgreSQL, 0);
            if (!pg)
                return failed(pg.error().toString());
            pgScripts.insert(n, dir.filePath(QStringLiteral("pg-%1.sql").arg(n)));
            bench::writeMigrationFile(pgScripts.value(n), bench::perTransactionScript(*pg));
        }
    }
    bool met = true;
    bool flat = true;

    // ---------------------------------------------------------------- SQLite
    QList<std::pair<QString, QString>> places;
    if (shm.isValid())
        places.append({QStringLiteral("SQLite on tmpfs (/dev/shm)"), shm.path()});
    if (qEnvironmentVariable("COVET_BENCH_DISK") == u"1" || !shm.isValid())
        places.append({QStringLiteral("SQLite on disk (%1)").arg(QDir::tempPath()), dir.path()});
    for (const auto &[place, base] : places) {
        printHeader(place, QStringLiteral("sqlite3 shell, one script"));
        std::optional<Figures> prev;
        QList<double> own;   // covet's own marginal cost per interval
        for (int n : ns) {
            auto fresh = [&](const QString &who, int round) {
                const QString path = QStringLiteral("%1/%2-%3-%4.db").arg(base, who).arg(n).arg(round);
                QFile::remove(path);
                return path;
            };
            auto f = race(
                n, runs, [&](int round) { return bench::processTime(sqlite3, {fresh(QStringLiteral("floor"), round)}, sqliteScripts.value(n)); },
                [&](int round) {
                    return bench::processTime(cli, {QStringLiteral("migrate"), QStringLiteral("--db"), QStringLiteral("sqlite:") + fresh(QStringLiteral("covet"), round)},
                                              {}, projects.value(n));
                },
                [&](int round) { return bench::processTime(sqlite3, {fresh(QStringLiteral("rows"), round)}, sqliteRowsScripts.value(n)); });
            if (!f)
                return failed(f.error().toString());
            if (const double o = printRow(*f, prev ? &*prev : nullptr); prev)
                own << o;
            met = met && f->covet / f->floor <= 1.2;
            prev = *f;
            for (int round = 0; round < runs; ++round) {
                (void)fresh(QStringLiteral("floor"), round);
                (void)fresh(QStringLiteral("covet"), round);
                (void)fresh(QStringLiteral("rows"), round);
            }
        }
        flat = printFlatness(own) && flat;
    }

    // ------------------------------------------------------------ PostgreSQL
    if (!withPg) {
        cout << (pgUrl.isEmpty() ? "PostgreSQL: skipped (COVET_TEST_PG_URL is not set)" : "PostgreSQL: skipped (COVET_BENCH_PG=0)") << Qt::endl;
    } else {
        const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        if (psql.isEmpty())
            return failed(QStringLiteral("psql is not installed"));
        auto admin = Connection::open(pgUrl, QStringLiteral("bench-admin"));
        if (!admin)
            return failed(admin.error().toString());
        SqlExecutor adminSql((*admin)->database(), Dialect::PostgreSQL);
        const DatabaseUrl parsed = (*admin)->url();
        QProcessEnvironment psqlEnv = QProcessEnvironment::systemEnvironment();
        if (const QString password = parsed.resolvePassword(); !password.isEmpty())
            psqlEnv.insert(QStringLiteral("PGPASSWORD"), password);
        const QStringList psqlArgs{QStringLiteral("-h"), parsed.host(), QStringLiteral("-p"), QString::number(parsed.port() > 0 ? parsed.port() : 5432),
                                   QStringLiteral("-U"), parsed.user(), QStringLiteral("-d"), parsed.database(), QStringLiteral("-q"),
                                   QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")};
        // A fresh schema per run, dropped right after it.
        auto inSchema = [&](const QString &who, int n, int round, const std::function<Result<double>(const QString &)> &work) -> Result<double> {
            const QString schema = QStringLiteral("covet_scaling_%1_%2_%3_%4").arg(QCoreApplication::applicationPid()).arg(who).arg(n).arg(round);
            if (auto r = adminSql.exec(QStringLiteral("CREATE SCHEMA \"%1\"").arg(schema)); !r)
                return std::unexpected(r.error());
            auto s = work(schema);
            (void)adminSql.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(schema));
            return s;
        };
        printHeader(QStringLiteral("PostgreSQL (%1)").arg(parsed.display()), QStringLiteral("psql -f, one script"));
        std::optional<Figures> prev;
        QList<double> own;   // covet's own marginal cost per interval
        for (int n : ns) {
            auto f = race(
                n, runs,
                [&](int round) {
                    return inSchema(QStringLiteral("psql"), n, round, [&](const QString &schema) {
                        return bench::processTime(psql, psqlArgs + QStringList{QStringLiteral("-c"), QStringLiteral("SET client_min_messages = warning"),
                                                                               QStringLiteral("-c"), QStringLiteral("SET search_path TO \"%1\"").arg(schema),
                                                                               QStringLiteral("-f"), pgScripts.value(n)},
                                                  {}, {}, psqlEnv);
                    });
                },
                [&](int round) {
                    return inSchema(QStringLiteral("covet"), n, round, [&](const QString &schema) {
                        const QString url = pgUrl + (pgUrl.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?")) + QStringLiteral("schema=") + schema;
                        return bench::processTime(cli, {QStringLiteral("migrate"), QStringLiteral("--db"), url}, {}, projects.value(n));
                    });
                });
            if (!f)
                return failed(f.error().toString());
            if (const double o = printRow(*f, prev ? &*prev : nullptr); prev)
                own << o;
            met = met && f->covet / f->floor <= 1.2;
            prev = *f;
        }
        flat = printFlatness(own) && flat;
    }
    cout << QStringLiteral("target: covet migrate <= 1.2x the floor at every point: %1").arg(met ? QStringLiteral("met") : QStringLiteral("NOT met"))
         << Qt::endl;
    cout << QStringLiteral("target: per-migration cost flat in every place: %1").arg(flat ? QStringLiteral("met") : QStringLiteral("NOT met")) << Qt::endl;
    return met && flat ? 0 : 2;
}
