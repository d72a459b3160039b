// bench_history: a history of 10,000 migrations (COVET_BENCH_MIGRATIONS):
// 1,000 tables, each created by one migration and given nine columns by
// nine more. Prints the time and the peak memory (max RSS so far) of
// loading the directory, planning, `status`, and applying every migration
// to a fresh SQLite database, then `status` and a rollback plan with all of
// them applied; and the floor: the same statements, one transaction per
// migration plus its history row, run by the sqlite3 shell.
#include "runner/migrationrunner.h"
#include "sqlitebench.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTextStream>

#include <sys/resource.h>

using namespace covet;

namespace {

QTextStream out(stdout);

double peakMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

int migrationCount()
{
    return qEnvironmentVariableIsSet("COVET_BENCH_MIGRATIONS") ? qEnvironmentVariableIntValue("COVET_BENCH_MIGRATIONS") : 10000;
}

void line(const char *what, const QElapsedTimer &t, const QString &detail = {})
{
    out << QStringLiteral("  %1 %2 ms, peak memory %3 MiB%4\n")
               .arg(QString::fromLatin1(what).leftJustified(34))
               .arg(double(t.nsecsElapsed()) / 1e6, 9, 'f', 1)
               .arg(peakMiB(), 7, 'f', 1)
               .arg(detail.isEmpty() ? QString() : QStringLiteral(" (") + detail + u')');
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = migrationCount();
    QTemporaryDir dir;
    const QString migrations = dir.filePath(QStringLiteral("migrations"));
    QDir().mkpath(migrations);
    QString floorScript = QStringLiteral("CREATE TABLE history (id TEXT PRIMARY KEY);\n");
    for (int i = 0; i < n; ++i) {
        const int table = i / 10;
        QByteArray text;
        QString statement;
        if (i % 10 == 0) {
            text = QStringLiteral("operations:\n  - op: create_table\n    definition:\n      name: t%1\n      columns:\n"
                                  "        - {name: id, type: integer, nullable: false}\n      primary_key: {columns: [id]}\n")
                       .arg(table)
                       .toUtf8();
            statement = QStringLiteral("CREATE TABLE t%1 (id integer NOT NULL, PRIMARY KEY (id));").arg(table);
        } else {
            text = QStringLiteral("operations:\n  - op: add_column\n    table: t%1\n    column: {name: c%2, type: varchar(40)}\n")
                       .arg(table)
                       .arg(i)
                       .toUtf8();
            statement = QStringLiteral("ALTER TABLE t%1 ADD COLUMN c%2 varchar(40);").arg(table).arg(i);
        }
        const QString id = QStringLiteral("%1_m%2").arg(i + 1, 4, 10, QLatin1Char('0')).arg(i + 1);
        bench::writeFile(migrations + QStringLiteral("/%1.yaml").arg(id), text);
        floorScript += QStringLiteral("BEGIN; %1 INSERT INTO history VALUES ('%2'); COMMIT;\n").arg(statement, id);
    }
    out << "bench_history: " << n << " migrations (" << n / 10 << " tables), SQLite\n";
    QElapsedTimer t;
    t.start();
    const MigrationRepository repo = MigrationRepository::load(migrations);
    if (!repo.isValid()) {
        out << "  loading failed: " << repo.status().error().toString() << '\n';
        return 1;
    }
    line("load the directory", t, QStringLiteral("%1 migrations").arg(repo.migrations().size()));
    QString error;
    auto db = test::ScratchDatabase::create(Dialect::SQLite, {}, &error);
    if (!db) {
        out << "  " << error << '\n';
        return 1;
    }
    MigrationRunner runner(db->connection(), repo);
    RunOptions o;
    t.restart();
    auto plan = runner.plan(o, true);
    line("plan (all pending)", t, plan ? QStringLiteral("%1 migrations").arg(plan->plans.size()) : plan.error().toString());
    t.restart();
    auto status = runner.status();
    line("status (all pending)", t, status ? QStringLiteral("%1 rows").arg(status->size()) : status.error().toString());
    t.restart();
    auto run = runner.migrate(o);
    if (!run) {
        out << "  migrate failed: " << run.error().toString() << '\n';
        return 1;
    }
    const double migrateMs = double(t.nsecsElapsed()) / 1e6;
    line("migrate (all)", t, QStringLiteral("%1 applied").arg(run->done.size()));
    t.restart();
    status = runner.status();
    line("status (all applied)", t, status ? QStringLiteral("%1 rows").arg(status->size()) : status.error().toString());
    t.restart();
    o.steps = 1;
    plan = runner.plan(o, false);
    line("plan a rollback of the last one", t, plan ? QStringLiteral("%1 migrations").arg(plan->plans.size()) : plan.error().toString());
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (!sqlite3.isEmpty()) {
        const QString script = dir.filePath(QStringLiteral("floor.sql"));
        bench::writeFile(script, floorScript.toUtf8());
        t.restart();
        const QString failed = bench::runSqlite3(sqlite3, dir.filePath(QStringLiteral("floor.db")), script);
        const double floorMs = double(t.nsecsElapsed()) / 1e6;
        if (!failed.isEmpty())
            out << "  floor: " << failed << '\n';
        else
            out << QStringLiteral("  floor (sqlite3: the same statements, a transaction and a history row each): %1 ms; migrate/floor = %2\n")
                       .arg(floorMs, 0, 'f', 1)
                       .arg(migrateMs / floorMs, 0, 'f', 1);
    }
    return 0;
}
