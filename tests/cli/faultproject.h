#pragma once
// The project the fault suites (tst_clifaults, tst_cliconnectionfaults,
// tst_cliload) run `covet` against, and how they judge what a fault left.
//  0001_base: items (5,000 rows) and big (COVET_FAULT_ROWS rows, default
//    200,000), the kept data.
//  0002_long: long schema steps: big.num integer -> bigint (a rewrite; a
//    rebuild on SQLite), an index on big.pad, items.note, items.label
//    widened (a rebuild of items on SQLite), an index on big.num.
// After a fault the database must be as before 0002_long or as after it,
// or (MySQL/MariaDB only) part-way with the steps in effect recorded; the
// rows of the kept columns are unchanged (TableChecksum) and the migration
// lock is free again.
#include "audit/auditstatus.h"
#include "db/migrationlock.h"
#include "runner/runverifier.h"
#include "safety/tablechecksum.h"
#include "../migrations/migrationtestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace covet::test {

inline int faultRows()
{
    return qEnvironmentVariableIsSet("COVET_FAULT_ROWS") ? qEnvironmentVariableIntValue("COVET_FAULT_ROWS") : 200000;
}

// How many kill points per dialect and direction (the full matrix: 50).
inline int faultPoints(int byDefault)
{
    return qEnvironmentVariableIsSet("COVET_FAULT_POINTS") ? qEnvironmentVariableIntValue("COVET_FAULT_POINTS") : byDefault;
}

// INSERT INTO table (columns) of `rows` generated rows: `values` uses x.
inline QByteArray fillSql(Dialect d, const QByteArray &table, const QByteArray &columns, QByteArray values, int rows)
{
    const QByteArray n = QByteArray::number(rows);
    if (d == Dialect::SQLite)
        return "INSERT INTO " + table + " (" + columns + ") WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + n
               + ") SELECT " + values + " FROM c";
    if (d == Dialect::PostgreSQL)
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + values + " FROM generate_series(1, " + n + ") x";
    values.replace("'item ' || x", "CONCAT('item ', x)").replace("'pad ' || x", "CONCAT('pad ', x)");
    return "INSERT INTO " + table + " (" + columns + ") SELECT " + values.replace("x", "seq") + " FROM seq_1_to_" + n;
}

inline QByteArray baseMigration(Dialect d, int bigRows = faultRows())
{
    return R"(operations:
  - op: create_table
    definition:
      name: items
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: label, type: varchar(50)}
        - {name: qty, type: integer}
      primary_key: {columns: [id]}
  - op: create_table
    definition:
      name: big
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: num, type: integer}
        - {name: pad, type: varchar(80)}
      primary_key: {columns: [id]}
  - op: run_sql
    forward: ")" + fillSql(d, "items", "id, label, qty", "x, 'item ' || x, x % 97", 5000) + R"("
    reverse: DELETE FROM items
  - op: run_sql
    forward: ")" + fillSql(d, "big", "id, num, pad", "x, x % 1000, 'pad ' || x", bigRows) + R"("
    reverse: DELETE FROM big
)";
}

// The long steps, one operation each (tst_clisquashfaults spreads them over
// the migrations a squash replaces).
inline const QByteArray kNumToBigint = R"(  - op: alter_column
    table: big
    column: num
    before: {name: num, type: integer}
    after: {name: num, type: bigint}
)";
inline const QByteArray kIndexPad = R"(  - op: create_index
    table: big
    index: {name: idx_big_pad, parts: [{column: pad}]}
)";
inline const QByteArray kAddNote = R"(  - op: add_column
    table: items
    column: {name: note, type: varchar(40)}
)";
inline const QByteArray kWidenLabel = R"(  - op: alter_column
    table: items
    column: label
    before: {name: label, type: varchar(50)}
    after: {name: label, type: varchar(120)}
)";
inline const QByteArray kIndexNum = R"(  - op: create_index
    table: big
    index: {name: idx_big_num, parts: [{column: num}]}
)";
inline const QByteArray kLongMigration =
    "dependencies: [0001_base]\noperations:\n" + kNumToBigint + kIndexPad + kAddNote + kWidenLabel + kIndexNum;

// A finished `covet` process started by the fault suites.
struct CliRun
{
    int exitCode = -1;
    bool crashed = false;   // killed, or ended by a signal
    QString out;
    QString err;
    qint64 ms = 0;
};

enum class Outcome { Before, After, Partial };

inline const char *outcomeName(Outcome o)
{
    return o == Outcome::Before ? "before" : o == Outcome::After ? "after" : "part-way (recorded)";
}

class FaultProject
{
public:
    // Creates the scratch database and the project, applies 0001_base and
    // records the schema before and after 0002_long and the kept checksums.
    bool setUp(Dialect d)
    {
        if (!create(d))
            return false;
        writeFile(dir() + QStringLiteral("/migrations/0002_long.yaml"), kLongMigration);
        if (!cliOk({QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0001_base")}))
            return false;
        m_before = inspectSchema(connection());
        m_kept = keptChecksums();
        if (!cliOk({QStringLiteral("migrate")}))
            return false;
        m_after = inspectSchema(connection());
        if (!cliOk(rollbackArgs()))
            return false;
        if (inspectSchema(connection()) != m_before) {
            QTest::qFail("the rollback of 0002_long did not give back the schema before it", __FILE__, __LINE__);
            return false;
        }
        return true;
    }

    // Only the scratch database and the project with 0001_base (audit on,
    // `bigRows` rows in big), nothing applied: for suites with their own
    // migrations after it (tst_clisquashfaults).
    bool create(Dialect d, int bigRows = faultRows())
    {
        m_dialect = d;
        QString error;
        m_db = ScratchDatabase::create(d, serverFor(d), &error);
        if (!m_db) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return false;
        }
        QDir(dir()).mkpath(QStringLiteral("migrations"));
        writeFile(dir() + QStringLiteral("/covet.yaml"), "audit_log: true\n");
        writeFile(dir() + QStringLiteral("/migrations/0001_base.yaml"), baseMigration(d, bigRows));
        return true;
    }

    Dialect dialect() const { return m_dialect; }
    QString dir() const { return m_tmp.path(); }
    QString url() const { return m_db->urlString(); }
    Connection &connection() { return m_db->connection(); }
    ScratchDatabase &database() { return *m_db; }
    static QStringList rollbackArgs() { return {QStringLiteral("rollback"), QStringLiteral("--yes")}; }

    // Starts `covet args` in the project (not waiting).
    std::unique_ptr<QProcess> start(const QStringList &args) const
    {
        auto p = std::make_unique<QProcess>();
        p->setWorkingDirectory(dir());
        p->start(cliPath(), args + QStringList{QStringLiteral("--db"), url()});
        p->waitForStarted();
        return p;
    }

    // Waits for a process started by start() and collects its output.
    // (`outSoFar`, `errSoFar`: what was read from it already.)
    static CliRun finish(QProcess &p, const QStringList &args, int timeoutMs = 300000, const QByteArray &outSoFar = {},
                         const QByteArray &errSoFar = {})
    {
        CliRun r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        r.crashed = p.exitStatus() != QProcess::NormalExit;
        r.exitCode = r.crashed ? -1 : p.exitCode();
        r.out = QString::fromUtf8(outSoFar + p.readAllStandardOutput());
        r.err = QString::fromUtf8(errSoFar + p.readAllStandardError());
        recordCliTranscript(args, r.out, r.err);
        return r;
    }

    // Runs `covet args` and kills it (SIGKILL) after `atMs` unless it ended
    // first (`endedFirst`). With `marker`, the time counts from when a line
    // of its progress output (stderr, flushed per line) holds the marker,
    // put in `*markerAtMs` (-1: it ended without one). CliRun::ms: the
    // whole run.
    CliRun killAt(const QStringList &args, qint64 atMs, bool &endedFirst, const QString &marker = {}, qint64 *markerAtMs = nullptr) const
    {
        QElapsedTimer t;
        t.start();
        auto p = start(args);
        QByteArray out, err;
        qint64 seen = marker.isEmpty() ? 0 : -1;
        while (seen < 0 && p->state() != QProcess::NotRunning) {
            p->waitForReadyRead(10);
            out += p->readAllStandardOutput();
            err += p->readAllStandardError();
            if (err.contains(marker.toUtf8()))
                seen = t.elapsed();
        }
        if (markerAtMs)
            *markerAtMs = seen;
        endedFirst = seen < 0 || p->waitForFinished(int(std::max<qint64>(atMs, 1)));
        if (!endedFirst) {
            p->kill();
            p->waitForFinished(30000);
        }
        CliRun r = finish(*p, args, 300000, out, err);
        r.ms = t.elapsed();
        return r;
    }

    CliRun run(const QStringList &args) const
    {
        QElapsedTimer t;
        t.start();
        auto p = start(args);
        CliRun r = finish(*p, args);
        r.ms = t.elapsed();
        return r;
    }

    bool cliOk(const QStringList &args) const
    {
        const CliRun r = run(args);
        if (r.exitCode != 0) {
            QTest::qFail(qPrintable(QStringLiteral("covet %1 failed (%2):\n%3%4").arg(args.join(u' ')).arg(r.exitCode).arg(r.out, r.err)), __FILE__,
                         __LINE__);
            return false;
        }
        return true;
    }

    // The kept data: every column of items and big that 0001_base created.
    QString keptChecksums()
    {
        SqlExecutor sql(connection().database(), m_dialect);
        const auto items = TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("qty")});
        const auto big = TableChecksum::of(sql, {}, QStringLiteral("big"), {QStringLiteral("id"), QStringLiteral("num"), QStringLiteral("pad")});
        return (items ? items->toString() : errorText(items)) + u' ' + (big ? big->toString() : errorText(big));
    }
    QString expectedChecksums() const { return m_kept; }

    // How long until the migration lock could be taken (-1: not within 60 s).
    qint64 lockFreeAfterMs()
    {
        QElapsedTimer t;
        t.start();
        auto lock = MigrationLock::acquire(connection(), 60000);
        return lock ? t.elapsed() : -1;
    }

    qint64 recorded(const QString &id = QStringLiteral("0002_long"))
    {
        return scalar(connection(), QStringLiteral("SELECT count(*) FROM _covet_migrations WHERE id = '%1'").arg(id));
    }

    QList<PartialMigration> partials()
    {
        SqlExecutor sql(connection().database(), m_dialect);
        auto p = PartialMigrations::load(sql);
        return p ? *p : QList<PartialMigration>{};
    }

    // Audit rows of 0002_long by status ("success", "failure", ...).
    QMap<QString, qint64> auditRows()
    {
        QMap<QString, qint64> out;
        SqlExecutor sql(connection().database(), m_dialect);
        auto rows = sql.rows(QStringLiteral("SELECT direction, status, count(*) FROM _covet_migration_audit WHERE migration_id = '0002_long' "
                                            "GROUP BY direction, status"));
        if (rows)
            for (const QVariantList &r : *rows)
                out.insert(r.value(0).toString() + u'/' + r.value(1).toString(), r.value(2).toLongLong());
        return out;
    }

    // Audit rows of every migration by status (started, interrupted, …).
    QMap<QString, qint64> auditStatuses()
    {
        QMap<QString, qint64> out;
        SqlExecutor sql(connection().database(), m_dialect);
        auto rows = sql.rows(QStringLiteral("SELECT status, count(*) FROM _covet_migration_audit GROUP BY status"));
        if (rows)
            for (const QVariantList &r : *rows)
                out.insert(r.value(0).toString(), r.value(1).toLongLong());
        return out;
    }

    // How many rows end a run (finished, failure, refused, …) in auditStatuses().
    static qint64 runEnds(const QMap<QString, qint64> &statuses)
    {
        qint64 n = 0;
        for (const QString &s : AuditStatus::runEnds())
            n += statuses.value(s);
        return n;
    }

    // The text of the newest audit row with this status.
    QString lastAuditText(const QString &status)
    {
        SqlExecutor sql(connection().database(), m_dialect);
        auto rows = sql.rows(QStringLiteral("SELECT migration_id, error_text, sql_text FROM _covet_migration_audit WHERE status = ? ORDER BY id DESC"), {status});
        if (!rows || rows->isEmpty())
            return {};
        const QVariantList &r = rows->first();
        return r.value(0).toString() + u'\n' + r.value(1).toString() + u'\n' + r.value(2).toString();
    }

    // Judges the database after a fault; fails the test (returns nullopt)
    // when it is neither before nor after 0002_long and no part-way state
    // is recorded, or when a kept row changed.
    std::optional<Outcome> judge(const QString &context)
    {
        const Schema now = inspectSchema(connection());
        const qint64 rec = recorded();
        const QList<PartialMigration> part = partials();
        const QString sums = keptChecksums();
        if (sums != m_kept) {
            QTest::qFail(qPrintable(context + QStringLiteral(": kept rows changed: %1, expected %2").arg(sums, m_kept)), __FILE__, __LINE__);
            return std::nullopt;
        }
        if (!part.isEmpty()) {
            if (m_dialect != Dialect::MySQL) {
                QTest::qFail(qPrintable(context + QStringLiteral(": a part-way record on a transactional database: ") + part.first().describe()),
                             __FILE__, __LINE__);
                return std::nullopt;
            }
            return Outcome::Partial;
        }
        if (rec == 1 && now == m_after)
            return Outcome::After;
        if (rec == 0 && now == m_before)
            return Outcome::Before;
        const QStringList toBefore = RunVerifier::differences(now, m_before);
        const QStringList toAfter = RunVerifier::differences(now, m_after);
        QTest::qFail(qPrintable(context + QStringLiteral(": 0002_long recorded %1 time(s), but the schema is neither before (%2) nor after (%3) it")
                                              .arg(rec)
                                              .arg(toBefore.join(QStringLiteral("; ")), toAfter.join(QStringLiteral("; ")))),
                     __FILE__, __LINE__);
        return std::nullopt;
    }

private:
    Dialect m_dialect = Dialect::SQLite;
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchDatabase> m_db;
    Schema m_before;
    Schema m_after;
    QString m_kept;
};

// The data rows "postgresql" and "mariadb" of an int column "dialect".
inline void addServerRows()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
    QTest::newRow("mariadb") << int(Dialect::MySQL);
}

} // namespace covet::test

// The row's dialect `d` and a FaultProject `p` set up on it (returns on failure).
#define COVET_FAULT_PROJECT(p)                    \
    QFETCH(int, dialect);                         \
    const covet::Dialect d = covet::Dialect(dialect); \
    COVET_REQUIRE_DIALECT(d);                     \
    covet::test::FaultProject p;                  \
    if (!p.setUp(d))                              \
    return
