// Benchmark (issue 13): back up and restore one dropped column of a
// 1,000,000-row table, Covet against the floor — the same copy by hand in
// the dialect's shell: CREATE TABLE … AS SELECT key, column for the backup,
// UPDATE … FROM for the restore, into the column dropped and re-added,
// timed by the shell (sqlite3 .timer, psql \timing).
// Covet does more: it checksums the saved rows when it takes the backup and
// verifies the restored rows against that checksum before COMMIT, and
// records both in its catalog. Best of 3 each. SQLite always; PostgreSQL
// when COVET_TEST_PG_URL is set (scripts/test-servers.sh). Target: ≤ 1.3×.
//
//   bench_backup            environment: COVET_BENCH_ROWS (default 1000000), COVET_TEST_PG_URL
#include "sqlitebench.h"
#include "testsupport.h"

#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "safety/backuprestorer.h"
#include "safety/backupstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <limits>

using namespace covet;

namespace {

QTextStream out(stdout);

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_backup: " << message << Qt::endl;
    return 1;
}

struct Figures
{
    double backup = std::numeric_limits<double>::max();
    double restore = std::numeric_limits<double>::max();
};

DataAtStake stake()
{
    DataAtStake s;
    s.migrationId = QStringLiteral("0002_drop_note");
    s.step = 0;
    s.kind = DataAtStake::Kind::Columns;
    s.table = QStringLiteral("items");
    s.columns = {QStringLiteral("note")};
    s.key = {QStringLiteral("id")};
    s.rows = bench::rows();   // what the analysis counted (a stake of 0 is skipped)
    return s;
}

// Covet: take the backup, drop and re-add the column (not timed), restore.
std::optional<QString> covetOnce(Connection &conn, Figures &f)
{
    SqlExecutor sql(conn.database(), conn.dialect());
    BackupStore store(sql, DialectCapabilities::of(conn));
    QElapsedTimer t;
    t.start();
    const bool tx = conn.dialect() != Dialect::MySQL;
    if (tx)
        (void)sql.exec(QStringLiteral("BEGIN"));
    auto taken = store.take({stake()}, BackupContext{{QStringLiteral("0002_drop_note")}, QStringLiteral("manual"), QStringLiteral("bench"), {}, {}});
    if (!taken || !*taken)
        return taken ? QStringLiteral("nothing was backed up") : taken.error().toString();
    if (tx)
        (void)sql.exec(QStringLiteral("COMMIT"));
    f.backup = std::min(f.backup, t.elapsed() / 1000.0);
    if (auto r = sql.exec(QStringLiteral("ALTER TABLE items DROP COLUMN note")); !r)
        return r.error().toString();
    if (auto r = sql.exec(QStringLiteral("ALTER TABLE items ADD COLUMN note TEXT")); !r)
        return r.error().toString();
    t.restart();
    auto restored = BackupRestorer(store).restore((*taken)->id, QStringLiteral("bench"));
    if (!restored)
        return restored.error().toString();
    if (!restored->ok())
        return restored->toText();
    f.restore = std::min(f.restore, t.elapsed() / 1000.0);
    (void)store.drop((*taken)->id);
    return std::nullopt;
}

// The floor: the same typed into the shell, timed by the shell itself
// (sqlite3 .timer, psql \\timing): the statements' time, without the
// process start and the connection.
QString shellOnce(const QString &exe, const QStringList &args, const QString &script, double &seconds)
{
    const bool psql = exe.endsWith(QStringLiteral("psql"));
    QProcess p;
    p.start(exe, args);
    p.write(((psql ? QStringLiteral("\\timing on\n") : QStringLiteral(".timer on\n")) + script).toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return exe + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError());
    static const QRegularExpression psqlTime(QStringLiteral("^Time: ([0-9.]+) ms"), QRegularExpression::MultilineOption);
    static const QRegularExpression sqliteTime(QStringLiteral("^Run Time: real ([0-9.]+)"), QRegularExpression::MultilineOption);
    double total = 0;
    int found = 0;
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (auto it = (psql ? psqlTime : sqliteTime).globalMatch(text); it.hasNext(); ++found)
        total += it.next().captured(1).toDouble() / (psql ? 1000.0 : 1.0);
    if (found == 0)
        return exe + QStringLiteral(" printed no timing: ") + text;
    seconds = std::min(seconds, total);
    return {};
}

const QString kFloorBackup = QStringLiteral("BEGIN;\nCREATE TABLE bk AS SELECT id, note FROM items;\nCOMMIT;\n");
const QString kFloorReset = QStringLiteral("DROP TABLE IF EXISTS bk;\nALTER TABLE items DROP COLUMN note;\nALTER TABLE items ADD COLUMN note TEXT;\n");
const QString kFloorRestore = QStringLiteral("BEGIN;\nUPDATE items SET note = bk.note FROM bk WHERE items.id = bk.id;\nCOMMIT;\n");

void print(const QString &dialect, int rows, const Figures &covet, const Figures &floor)
{
    out << QStringLiteral("%1, %2 rows, one column (best of 3):\n").arg(dialect).arg(rows);
    out << QStringLiteral("  backup   covet %1 s   floor %2 s   ratio %3\n")
               .arg(covet.backup, 0, 'f', 3).arg(floor.backup, 0, 'f', 3).arg(covet.backup / floor.backup, 0, 'f', 2);
    out << QStringLiteral("  restore  covet %1 s   floor %2 s   ratio %3\n")
               .arg(covet.restore, 0, 'f', 3).arg(floor.restore, 0, 'f', 3).arg(covet.restore / floor.restore, 0, 'f', 2);
    out << QStringLiteral("  total    ratio %1 (target <= 1.30)\n")
               .arg((covet.backup + covet.restore) / (floor.backup + floor.restore), 0, 'f', 2);
    out.flush();
}

const QString kFill = QStringLiteral("INSERT INTO items (id, name, note) SELECT v, 'item ' || v, 'note number ' || (CAST(v AS bigint) * 7919 %% 1000003) FROM %1;\n");

int sqlite(int rows)
{
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        return fail(QStringLiteral("sqlite3 is not installed"));
    QTemporaryDir dir;
    const QString templ = dir.filePath(QStringLiteral("template.db"));
    const QString setupFile = dir.filePath(QStringLiteral("setup.sql"));
    bench::writeFile(setupFile, (QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT);\n"
                                                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < %1) ")
                                     .arg(rows)
                                 + QString(kFill).replace(QStringLiteral("%%"), QStringLiteral("%")).arg(QStringLiteral("n")))
                                    .toUtf8());
    if (QString e = bench::runSqlite3(sqlite3, templ, setupFile); !e.isEmpty())
        return fail(e);
    Figures covet, floor;
    for (int i = 0; i < 3; ++i) {
        const QString path = bench::freshCopy(dir, templ, QStringLiteral("covet.db"));
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///") + path);
        auto conn = Connection::open(*url, QStringLiteral("bench-backup"));
        if (!conn)
            return fail(conn.error().toString());
        if (auto e = covetOnce(**conn, covet))
            return fail(*e);
    }
    for (int i = 0; i < 3; ++i) {
        const QString path = bench::freshCopy(dir, templ, QStringLiteral("floor.db"));
        if (QString e = shellOnce(sqlite3, {path}, kFloorBackup, floor.backup); !e.isEmpty())
            return fail(e);
        double ignored = 0;
        if (QString e = shellOnce(sqlite3, {path}, QStringLiteral("ALTER TABLE items DROP COLUMN note;\nALTER TABLE items ADD COLUMN note TEXT;\n"),
                                  ignored);
            !e.isEmpty())
            return fail(e);
        if (QString e = shellOnce(sqlite3, {path}, kFloorRestore, floor.restore); !e.isEmpty())
            return fail(e);
    }
    print(QStringLiteral("SQLite"), rows, covet, floor);
    return 0;
}

int postgres(int rows)
{
    const QString server = test::serverUrl("COVET_TEST_PG_URL");
    if (server.isEmpty()) {
        out << "PostgreSQL: COVET_TEST_PG_URL is not set (scripts/test-servers.sh); skipped\n";
        return 0;
    }
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psql.isEmpty())
        return fail(QStringLiteral("psql is not installed"));
    QString error;
    auto db = test::ScratchDatabase::create(Dialect::PostgreSQL, server, &error);
    if (!db)
        return fail(error);
    SqlExecutor sql(db->connection().database(), Dialect::PostgreSQL);
    auto setup = [&]() -> Status {
        if (auto r = sql.exec(QStringLiteral("DROP TABLE IF EXISTS items")); !r)
            return std::unexpected(r.error());
        if (auto r = sql.exec(QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, note text)")); !r)
            return std::unexpected(r.error());
        if (auto r = sql.exec(QString(kFill).replace(QStringLiteral("%%"), QStringLiteral("%"))
                                  .arg(QStringLiteral("generate_series(1, %1) AS g(v)").arg(rows))); !r)
            return std::unexpected(r.error());
        if (auto r = sql.exec(QStringLiteral("VACUUM ANALYZE items")); !r)
            return std::unexpected(r.error());
        return {};
    };
    Figures covet, floor;
    for (int i = 0; i < 3; ++i) {
        if (auto st = setup(); !st)
            return fail(st.error().toString());
        if (auto e = covetOnce(db->connection(), covet))
            return fail(*e);
    }
    const QStringList args{db->urlString(), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")};
    for (int i = 0; i < 3; ++i) {
        if (auto st = setup(); !st)
            return fail(st.error().toString());
        if (QString e = shellOnce(psql, args, kFloorBackup, floor.backup); !e.isEmpty())
            return fail(e);
        double ignored = 0;
        if (QString e = shellOnce(psql, args, QStringLiteral("ALTER TABLE items DROP COLUMN note;\nALTER TABLE items ADD COLUMN note TEXT;\n"), ignored);
            !e.isEmpty())
            return fail(e);
        if (QString e = shellOnce(psql, args, kFloorRestore, floor.restore); !e.isEmpty())
            return fail(e);
        (void)sql.exec(QStringLiteral("DROP TABLE IF EXISTS bk"));
    }
    print(QStringLiteral("PostgreSQL"), rows, covet, floor);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = bench::rows();
    if (int rc = sqlite(rows); rc != 0)
        return rc;
    return postgres(rows);
}
