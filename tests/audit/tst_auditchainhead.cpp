// covet-test-labels: engine sqlite postgres mysql
// A run's audit rows linked to the row it appended last (AuditRecorder's
// `head`), on all three databases: each row after the first is written in
// one statement (SQLite, PostgreSQL), and when the guess is wrong (another writer appended a row
// meanwhile, or the run's last row was rolled back) nothing is inserted on
// it and the row is linked to the real last row, so the chain verifies
// either way and no row is lost or doubled.
#include "audit/auditchain.h"
#include "audit/auditrecorder.h"
#include "migrations/migrationhistory.h"
#include "../migrations/migrationtestsupport.h"
#include "auditseed.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

namespace {

// Three migrations, each creating a table (t1, t2, t3).
void writeThree(const QString &dir)
{
    QString previous;
    for (int i = 1; i <= 3; ++i) {
        const QString id = QStringLiteral("000%1_t%1").arg(i);
        const QByteArray deps = previous.isEmpty() ? QByteArray() : "dependencies: [" + previous.toUtf8() + "]\n";
        covet::test::writeMigration(dir, id + QStringLiteral(".yaml"),
                                    deps + "operations:\n  - op: create_table\n    definition:\n      name: t" + QByteArray::number(i)
                                        + "\n      columns:\n        - {name: id, type: integer, nullable: false}\n"
                                          "      primary_key: {columns: [id]}\n");
        previous = id;
    }
}

// The statements SQLite runs on a connection, through sqlite3_trace_v2 of
// the library the Qt driver loaded (the tests do not link SQLite).
struct SqliteTrace
{
    using TraceFn = int (*)(void *, unsigned, int (*)(unsigned, void *, void *, void *), void *);
    using SqlFn = const char *(*)(void *);
    QStringList statements;
    TraceFn trace = nullptr;
    void *db = nullptr;
    static inline SqlFn sqlOf = nullptr;

    explicit SqliteTrace(const QSqlDatabase &database)
    {
        void *lib = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
        trace = lib ? reinterpret_cast<TraceFn>(dlsym(lib, "sqlite3_trace_v2")) : nullptr;
        sqlOf = lib ? reinterpret_cast<SqlFn>(dlsym(lib, "sqlite3_sql")) : nullptr;
        const QVariant handle = database.driver()->handle();
        db = handle.isValid() ? *static_cast<void *const *>(handle.constData()) : nullptr;
        if (trace && sqlOf && db)
            trace(db, 1 /* SQLITE_TRACE_STMT */, &SqliteTrace::onStatement, this);
    }
    ~SqliteTrace()
    {
        if (trace && db)
            trace(db, 0, nullptr, nullptr);
    }
    bool active() const { return trace && sqlOf && db; }
    static int onStatement(unsigned, void *self, void *statement, void *)
    {
        static_cast<SqliteTrace *>(self)->statements << QString::fromUtf8(sqlOf(statement));
        return 0;
    }
};

} // namespace

using namespace covet;

class TestAuditChainHead : public QObject
{
    Q_OBJECT

private:
    static QString serverFor(Dialect d) { return test::serverFor(d); }
    static bool haveServer(Dialect d) { return d == Dialect::SQLite || !serverFor(d).isEmpty(); }
    // Statements one record() ran, and whether it succeeded.
    static int statementsOf(SqlExecutor &sql, const AuditEntry &e, QString *head)
    {
        sql.resetStatementCount();
        return AuditRecorder::record(sql, e, head) ? sql.statementCount() : -1;
    }
    // The chain, checked: intact with `rows` rows, and its head is `head`.
    static void verifyChain(SqlExecutor &sql, qint64 rows, const QString &head)
    {
        auto v = AuditChain::verify(sql);
        COVET_VERIFY_OK(v);
        QVERIFY2(v->intact(), qPrintable(v->message()));
        QCOMPARE(v->rows, rows);
        QCOMPARE(v->headHash, head);
    }

// The dialect's scratch database into `var`, or a skip (a failure under CI=true) without its server.
#define SCRATCH_DB_OR_SKIP(var, d)                                                                                       \
    if (!haveServer(d)) {                                                                                                \
        if (test::inCi())                                                                                                \
            QFAIL("the PostgreSQL/MariaDB test servers are not set (scripts/test-servers.sh); CI=true forbids skipping"); \
        QSKIP("no test server; start scripts/test-servers.sh");                                                          \
    }                                                                                                                    \
    COVET_SCRATCH_DB(var, d, serverFor(d))

private slots:
    void guessedHead_data() { test::addDialectRows(); }
    void guessedHead()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        SCRATCH_DB_OR_SKIP(db, d);
        SqlExecutor sql(db->connection().database(), d);
        QVERIFY(AuditRecorder::ensure(sql));
        const QList<AuditEntry> rows = test::seededAudit();
        QVERIFY(rows.size() >= 6);

        // The first row of a run reads the last hash (none yet) and inserts.
        QString head;
        QCOMPARE(statementsOf(sql, rows.at(0), &head), 2);
        QVERIFY(!head.isEmpty());
        // The next ones link to it in one statement each (MySQL: read,
        // then insert, as InnoDB would lock the gap the guard reads).
        const int linked = d == Dialect::MySQL ? 2 : 1;
        const int guessedWrong = d == Dialect::MySQL ? 2 : 3;
        QCOMPARE(statementsOf(sql, rows.at(1), &head), linked);
        QCOMPARE(statementsOf(sql, rows.at(2), &head), linked);
        verifyChain(sql, 3, head);

        // Another writer appends a row: the run's guess is now wrong. Its
        // guarded insert inserts nothing; the row is linked to the other one.
        QString other;
        QVERIFY(AuditRecorder::record(sql, rows.at(3), &other));
        QVERIFY(other != head);
        QCOMPARE(statementsOf(sql, rows.at(4), &head), guessedWrong);
        verifyChain(sql, 5, head);

        // The run's last row is rolled back with its transaction: the guess
        // points at a row that is not there, and the next row links past it.
        const QString beforeRollback = head;
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QCOMPARE(statementsOf(sql, rows.at(5), &head), linked);
        QVERIFY(sql.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(head != beforeRollback);
        verifyChain(sql, 5, beforeRollback);
        QCOMPARE(statementsOf(sql, rows.at(5), &head), guessedWrong);
        verifyChain(sql, 6, head);
        auto n = AuditRecorder::count(sql);
        COVET_VERIFY_OK(n);
        QCOMPARE(*n, 6);
    }

    // A run reads the chain's last hash once, for its first row; every
    // later row of the run (each migration's, the finished row) links to
    // the row before it in its one INSERT.
    void aRunReadsTheChainOnce()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        QTemporaryDir dir;
        writeThree(dir.path());
        SqliteTrace traced(db->connection().database());
        QVERIFY2(traced.active(), "sqlite3_trace_v2 not found in the loaded SQLite");
        COVET_VERIFY_OK(test::migrateDirectory(db->connection(), dir.path()));
        const QStringList reads = traced.statements.filter(QRegularExpression(QStringLiteral("^SELECT \"row_hash\" FROM")));
        const QStringList guarded = traced.statements.filter(QRegularExpression(QStringLiteral("^INSERT INTO \"_covet_migration_audit\" .* SELECT .* WHERE")));
        QCOMPARE(reads.size(), 1);
        QCOMPARE(guarded.size(), 4);   // three migrations and the finished row
        SqlExecutor sql(db->connection().database(), Dialect::SQLite);
        auto v = AuditChain::verify(sql);
        COVET_VERIFY_OK(v);
        QVERIFY2(v->intact(), qPrintable(v->message()));
        QCOMPARE(v->rows, 5);
    }

    // The audit row of a migration is written in its transaction. When it
    // cannot be written, the migration fails and nothing of it is recorded
    // as applied: on PostgreSQL the failed INSERT aborts the transaction,
    // and a COMMIT after it would roll everything back while Covet said
    // "applied". On MariaDB (DDL commits at once) the migration is in
    // effect and stays recorded as part-way, to be resumed.
    void anAuditRowThatFailsFailsItsMigration_data() { test::addDialectRows(); }
    void anAuditRowThatFailsFailsItsMigration()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        SCRATCH_DB_OR_SKIP(db, d);
        SqlExecutor sql(db->connection().database(), d);
        QVERIFY(AuditRecorder::ensure(sql));
        const QString refuse = QStringLiteral("NEW.migration_id = '0002_t2' AND NEW.status = 'success'");
        if (d == Dialect::SQLite) {
            COVET_EXEC_OK(db->connection(), QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON _covet_migration_audit WHEN %1 "
                                                           "BEGIN SELECT RAISE(ABORT, 'audit row refused'); END").arg(refuse));
        } else if (d == Dialect::PostgreSQL) {
            COVET_EXEC_OK(db->connection(), QStringLiteral("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                                           "IF %1 THEN RAISE EXCEPTION 'audit row refused'; END IF; RETURN NEW; END $$").arg(refuse));
            COVET_EXEC_OK(db->connection(), QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON _covet_migration_audit FOR EACH ROW EXECUTE FUNCTION refuse()"));
        } else {
            COVET_EXEC_OK(db->connection(), QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON _covet_migration_audit FOR EACH ROW BEGIN "
                                                           "IF %1 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit row refused'; END IF; END").arg(refuse));
        }
        QTemporaryDir dir;
        writeThree(dir.path());
        auto run = test::migrateDirectory(db->connection(), dir.path());
        QVERIFY(!run);
        QVERIFY2(run.error().toString().contains(QStringLiteral("audit row refused")), qPrintable(run.error().toString()));
        auto applied = MigrationHistory::load(sql);
        COVET_VERIFY_OK(applied);
        QStringList ids;
        for (const AppliedMigration &a : std::as_const(*applied))
            ids << a.id;
        QCOMPARE(ids, QStringList{QStringLiteral("0001_t1")});
        const bool t2 = bool(sql.exec(QStringLiteral("SELECT 1 FROM t2 WHERE 1 = 0")));
        QCOMPARE(t2, d == Dialect::MySQL);
        if (d == Dialect::MySQL)
            QVERIFY2(run.error().toString().contains(QStringLiteral("could not be recorded")), qPrintable(run.error().toString()));
        QVERIFY(!sql.exec(QStringLiteral("SELECT 1 FROM t3 WHERE 1 = 0")));
    }
};

QTEST_GUILESS_MAIN(TestAuditChainHead)
#include "tst_auditchainhead.moc"
