// covet-test-labels: engine sqlite postgres mysql
// The audit log read back on all three databases: filters and paging over a
// scripted history, statistics equal to the hand counts of auditseed.h,
// alerts firing exactly at their thresholds, each kind of chain break
// (edited, deleted, inserted, reordered) detected and named, and audit
// tables of the first layout and of hash versions 2 and 3 upgraded in place
// with their chains still verifying (and version 4's fields covered).
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "audit/auditrecorder.h"
#include "audit/auditstatistics.h"
#include "audit/conflictrecorder.h"
#include "db/sqltimestamp.h"
#include "migrations/projectconfig.h"
#include "sources/schemasource.h"
#include "sql/identifierquoter.h"
#include "../migrations/migrationtestsupport.h"
#include "auditseed.h"

#include <QTest>
#include <QTimeZone>

using namespace covet;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    void dialects() { test::addDialectRows(); }
    static QString serverFor(Dialect d) { return test::serverFor(d); }
    static bool haveServer(Dialect d) { return d == Dialect::SQLite || !serverFor(d).isEmpty(); }
    static bool seed(SqlExecutor &sql)
    {
        if (!AuditRecorder::ensure(sql))
            return false;
        for (const AuditEntry &e : test::seededAudit())
            if (!AuditRecorder::record(sql, e))
                return false;
        return true;
    }
    QString table(SqlExecutor &sql) const { return IdentifierQuoter::quote(sql.dialect(), AuditRecorder::tableName()); }
    // The audit table as an older Covet made it: the entry columns from
    // `keep` on dropped again.
    Status olderLayout(SqlExecutor &sql, qsizetype keep) const
    {
        if (Status st = AuditRecorder::ensure(sql); !st)
            return st;
        const QStringList cols = AuditRecorder::entryColumns();
        // No run index before run_id (SQLite would refuse, MySQL narrow it; PostgreSQL drops it too).
        if (sql.dialect() != Dialect::PostgreSQL && keep <= cols.indexOf(QStringLiteral("run_id")))
            if (auto dropped = sql.exec(QStringLiteral("DROP INDEX %1%2")
                                            .arg(IdentifierQuoter::quote(sql.dialect(), QStringLiteral("_covet_migration_audit_run")),
                                                 sql.dialect() == Dialect::MySQL ? QStringLiteral(" ON ") + table(sql) : QString()));
                !dropped)
                return std::unexpected(dropped.error());
        for (qsizetype i = keep; i < cols.size(); ++i)
            if (auto dropped = sql.exec(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(table(sql), IdentifierQuoter::quote(sql.dialect(), cols.at(i))));
                !dropped)
                return std::unexpected(dropped.error());
        return textTimestamps(sql);
    }
    // Older Covets kept the timestamps as ISO 8601 text on every database.
    Status textTimestamps(SqlExecutor &sql) const
    {
        const Dialect d = sql.dialect();
        if (d == Dialect::SQLite)
            return {};
        const QString alter = d == Dialect::PostgreSQL ? QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE VARCHAR(255), ALTER COLUMN %3 TYPE VARCHAR(255)")
                                                       : QStringLiteral("ALTER TABLE %1 MODIFY %2 VARCHAR(255) NOT NULL, MODIFY %3 VARCHAR(255) NOT NULL");
        if (auto r = sql.exec(alter.arg(table(sql), col(sql, "started_at"), col(sql, "finished_at"))); !r)
            return std::unexpected(r.error());
        return {};
    }
    // The type of a column as the catalog names it ("timestamp with time zone", "datetime", "text").
    QString columnType(SqlExecutor &sql, const char *column) const { return columnType(sql, AuditRecorder::tableName(), column); }
    QString columnType(SqlExecutor &sql, const QString &tableName, const char *column) const
    {
        if (sql.dialect() == Dialect::SQLite) {
            auto r = sql.rows(QStringLiteral("SELECT lower(type) FROM pragma_table_info(?) WHERE name = ?"), {tableName, QString::fromLatin1(column)});
            return r && !r->isEmpty() ? r->first().value(0).toString() : QString();
        }
        auto r = sql.rows(QStringLiteral("SELECT lower(data_type) FROM information_schema.columns WHERE table_name = ? AND column_name = ? AND table_schema = %1")
                              .arg(sql.dialect() == Dialect::PostgreSQL ? QStringLiteral("current_schema()") : QStringLiteral("DATABASE()")),
                          {tableName, QString::fromLatin1(column)});
        return r && !r->isEmpty() ? r->first().value(0).toString() : QString();
    }
    // A row as an older recorder wrote it: its first `columns` entry
    // columns, chained onto *prev (which becomes its hash).
    Status insertAsWritten(SqlExecutor &sql, const AuditEntry &e, qsizetype columns, QString *prev) const
    {
        const QStringList cols = AuditRecorder::entryColumns().mid(0, columns) + QStringList{QStringLiteral("prev_hash"), QStringLiteral("row_hash")};
        QStringList quoted;
        for (const QString &c : cols)
            quoted << IdentifierQuoter::quote(sql.dialect(), c);
        const QString hash = AuditRecorder::rowHash(*prev, e);
        // The timestamps as text, as the older recorder wrote them.
        const QVariantList values = AuditRecorder::values(e, Dialect::SQLite).mid(0, columns) + QVariantList{*prev, hash};
        auto inserted = sql.execPrepared(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                             .arg(table(sql), quoted.join(u','), SqlExecutor::placeholders(values.size())),
                                         values);
        if (!inserted)
            return std::unexpected(inserted.error());
        *prev = hash;
        return {};
    }
    QString col(SqlExecutor &sql, const char *c) const { return IdentifierQuoter::quote(sql.dialect(), QString::fromLatin1(c)); }

#define NEED_SERVER(d)                                                                                                  \
    do {                                                                                                                \
        if (!haveServer(d)) {                                                                                           \
            if (test::inCi())                                                                                           \
                QFAIL("the PostgreSQL/MariaDB test servers are not set (scripts/test-servers.sh); CI=true forbids skipping"); \
            QSKIP("no test server; start scripts/test-servers.sh");                                                     \
        }                                                                                                               \
    } while (false)

private slots:
    void filtersAndPaging_data() { dialects(); }
    void filtersAndPaging()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        // No table yet: an empty log, not an error.
        auto none = AuditLog::page(sql, AuditFilter());
        COVET_VERIFY_OK(none);
        QCOMPARE(none->total, 0);
        QVERIFY(seed(sql));

        auto count = [&](const AuditFilter &f) {
            auto n = AuditLog::count(sql, f);
            return n ? *n : -1;
        };
        QCOMPARE(count({}), 12);
        AuditFilter f;
        f.environment = QStringLiteral("prod");
        QCOMPARE(count(f), 6);
        f = {};
        f.user = QStringLiteral("carol");
        QCOMPARE(count(f), 4);
        f.user = QStringLiteral("app_rw");   // the database user
        QCOMPARE(count(f), 2);
        f = {};
        f.status = QStringLiteral("failure");
        QCOMPARE(count(f), 4);
        f.status = QStringLiteral("cancelled");
        QCOMPARE(count(f), 1);
        f = {};
        f.direction = QStringLiteral("rollback");
        QCOMPARE(count(f), 1);
        f = {};
        f.migration = QStringLiteral("0003_c");
        QCOMPARE(count(f), 8);
        f = {};
        f.since = utc("2026-11-10T00:00:00");
        QCOMPARE(count(f), 6);
        f = {};
        f.until = utc("2026-11-03T00:00:00");
        QCOMPARE(count(f), 4);
        f.since = utc("2026-11-02T00:00:00");
        f.until = utc("2026-11-11T00:00:00");
        QCOMPARE(count(f), 6);
        f = {};
        f.search = QStringLiteral("0002");
        QCOMPARE(count(f), 2);
        f.search = QStringLiteral("boom");
        QCOMPARE(count(f), 4);
        f.search = QStringLiteral("100%");   // a literal %, not a wildcard
        QCOMPARE(count(f), 0);
        f = {};
        f.environment = QStringLiteral("prod'; DROP TABLE x; --");   // bound, not spliced
        QCOMPARE(count(f), 0);
        f = {};
        f.environment = QStringLiteral("prod");
        f.status = QStringLiteral("failure");
        f.user = QStringLiteral("dave");
        QCOMPARE(count(f), 2);

        // Pages, newest first; a page costs the same statements whatever its size.
        sql.resetStatementCount();
        auto first = AuditLog::page(sql, AuditFilter(), 0, 5);
        const int small = sql.statementCount();
        COVET_VERIFY_OK(first);
        QCOMPARE(first->total, 12);
        QCOMPARE(first->rows.size(), 5);
        QCOMPARE(first->rows.first().id, 12);
        QCOMPARE(first->rows.last().id, 8);
        sql.resetStatementCount();
        auto all = AuditLog::page(sql, AuditFilter(), 0, 100);
        QCOMPARE(sql.statementCount(), small);
        QCOMPARE(all->rows.size(), 12);
        auto last = AuditLog::page(sql, AuditFilter(), 10, 5);
        COVET_VERIFY_OK(last);
        QCOMPARE(last->rows.size(), 2);
        QCOMPARE(last->rows.at(0).id, 2);
        QCOMPARE(last->rows.at(1).id, 1);
        QList<qint64> paged;
        for (qint64 off = 0; off < 12; off += 5) {
            auto p = AuditLog::page(sql, AuditFilter(), off, 5);
            QVERIFY(p);
            for (const AuditRow &r : p->rows)
                paged << r.id;
        }
        QCOMPARE(paged, (QList<qint64>{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));

        // A row reads back as it was written.
        auto row = AuditLog::get(sql, 5);
        COVET_VERIFY_OK(row);
        AuditEntry expected = test::seededAudit().at(4);
        QCOMPARE(row->entry, expected);
        QCOMPARE(AuditLog::get(sql, 999).error().category(), Error::Category::NotFound);
    }

    void statistics_data() { dialects(); }
    void statistics()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        QVERIFY(seed(sql));
        // One open conflict, detected now.
        auto synced = ConflictRecorder::sync(sql, {MigrationConflict{QStringLiteral("modified"), {QStringLiteral("0002_b")},
                                                                     QStringLiteral("0002_b changed after it was applied")}},
                                             QStringLiteral("prod"));
        COVET_VERIFY_OK(synced);
        sql.resetStatementCount();
        auto s = AuditStatistics::compute(sql, AuditFilter());
        COVET_VERIFY_OK(s);
        QVERIFY2(sql.statementCount() <= 4, qPrintable(QString::number(sql.statementCount())));
        QCOMPARE(s->executions, 12);
        QCOMPARE(s->successes, 7);
        QCOMPARE(s->failures, 4);
        QCOMPARE(s->cancelled, 1);
        QCOMPARE(s->rollbacks, 1);
        QCOMPARE(s->applies, 11);
        QCOMPARE(s->conflicts, 1);
        QCOMPARE(s->failuresInARow, 4);
        QCOMPARE(s->longestFailureRun, 4);
        QCOMPARE(s->rowsAtRisk, 7);
        QCOMPARE(s->riskyExecutions, 1);
        QCOMPARE(s->withBackup, 1);
        QCOMPARE(s->successRate(), 7.0 / 12.0);
        QCOMPARE(s->rollbackRate(), 1.0 / 12.0);
        QCOMPARE(s->overall.averageMs, 118.75);
        QCOMPARE(s->overall.medianMs, 75.0);
        QCOMPARE(s->overall.p95Ms, 310.0);
        QCOMPARE(s->overall.maxMs, 310);
        QCOMPARE(s->users, (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("dave [app_rw]")}));
        QCOMPARE(s->perMigration.size(), 3);
        const DurationFigures &c = s->perMigration.at(2);
        QCOMPARE(c.key, QStringLiteral("0003_c"));
        QCOMPARE(c.executions, 8);
        QCOMPARE(c.failures, 5);
        QCOMPARE(c.averageMs, 98.125);
        QCOMPARE(c.medianMs, 35.0);
        QCOMPARE(c.p95Ms, 310.0);
        QCOMPARE(s->perEnvironment.size(), 2);
        QCOMPARE(s->perEnvironment.at(0).key, QStringLiteral("prod"));
        QCOMPARE(s->perEnvironment.at(0).medianMs, 27.5);
        QVERIFY(qFuzzyCompare(s->perEnvironment.at(0).averageMs, 425.0 / 6.0));
        QCOMPARE(s->perEnvironment.at(1).medianMs, 150.0);
        QCOMPARE(s->slowest.first().key, QStringLiteral("0003_c"));
        QCOMPARE(s->days.size(), 6);
        QCOMPARE(s->days.first().day, QDate(2026, 11, 1));
        QCOMPARE(s->days.first().executions, 2);
        QCOMPARE(s->days.at(2).rollbacks, 1);
        QCOMPARE(s->days.last().failures, 2);

        // Filtered: staging only (the conflict was seen in prod).
        AuditFilter staging;
        staging.environment = QStringLiteral("staging");
        auto st = AuditStatistics::compute(sql, staging);
        COVET_VERIFY_OK(st);
        QCOMPARE(st->executions, 6);
        QCOMPARE(st->successes, 5);
        QCOMPARE(st->conflicts, 0);
        QCOMPARE(st->failuresInARow, 0);
        QCOMPARE(st->longestFailureRun, 1);

        // Alerts fire past their thresholds, not at them.
        AuditThresholds t;
        QCOMPARE(s->alerts(t).size(), 4);
        t.successRateBelow = 7.0 / 12.0;
        t.rollbackRateAbove = 1.0 / 12.0;
        t.conflictRateAbove = 1.0 / 12.0;
        t.failuresInARow = 5;
        QCOMPARE(s->alerts(t).size(), 0);
        t.failuresInARow = 4;
        QCOMPARE(s->alerts(t).size(), 1);
        QCOMPARE(s->alerts(t).first().key, QStringLiteral("failures_in_a_row"));
        t.successRateBelow = 0.59;
        QCOMPARE(s->alerts(t).size(), 2);
        QCOMPARE(s->alerts(t).first().key, QStringLiteral("success_rate_below"));
        t = AuditThresholds();
        t.failuresInARow = 0;   // never
        QCOMPARE(st->alerts(t).size(), 2);   // staging: 5 of 6 succeeded (83%), 1 of 6 rolled back
    }

    void chainBreaks_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("row");
        for (auto [name, d] : {std::pair{"sqlite", Dialect::SQLite}, std::pair{"postgresql", Dialect::PostgreSQL}, std::pair{"mysql", Dialect::MySQL}}) {
            QTest::addRow("%s edited", name) << int(d) << QStringLiteral("edited") << qint64(4);
            QTest::addRow("%s rehashed", name) << int(d) << QStringLiteral("rehashed") << qint64(4);
            QTest::addRow("%s deleted", name) << int(d) << QStringLiteral("deleted") << qint64(5);
            QTest::addRow("%s deleted first", name) << int(d) << QStringLiteral("deleted-first") << qint64(2);
            QTest::addRow("%s inserted", name) << int(d) << QStringLiteral("inserted") << qint64(13);
            QTest::addRow("%s inserted before", name) << int(d) << QStringLiteral("inserted-first") << qint64(-1);
            QTest::addRow("%s reordered", name) << int(d) << QStringLiteral("reordered") << qint64(4);
        }
    }
    void chainBreaks()
    {
        QFETCH(int, dialect);
        QFETCH(QString, kind);
        QFETCH(qint64, row);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        QVERIFY(seed(sql));
        auto intact = AuditChain::verify(sql);
        COVET_VERIFY_OK(intact);
        QVERIFY2(intact->intact(), qPrintable(intact->message()));
        QCOMPARE(intact->rows, 12);
        COVET_VERIFY_OK(AuditRecorder::verifyChain(sql));

        const QString t = table(sql);
        const QString id = col(sql, "id");
        auto exec = [&](const QString &text, const QVariantList &binds = {}) {
            auto r = sql.exec(text, binds);
            QVERIFY2(r, qPrintable(test::errorText(r)));
        };
        QString expectedKind = kind;
        if (kind == u"edited") {
            // Someone shortens a slow run.
            exec(QStringLiteral("UPDATE %1 SET %2 = 1 WHERE %3 = 4").arg(t, col(sql, "duration_ms"), id));
        } else if (kind == u"rehashed") {
            // ... and recomputes its hash: the next row no longer links to it.
            auto r = AuditLog::get(sql, 4);
            QVERIFY(r);
            AuditEntry e = r->entry;
            e.user = QStringLiteral("mallory");
            exec(QStringLiteral("UPDATE %1 SET %2 = ?, %3 = ? WHERE %4 = 4").arg(t, col(sql, "os_user"), col(sql, "row_hash"), id),
                 {e.user, AuditRecorder::rowHash(r->prevHash, e)});
            expectedKind = QStringLiteral("edited");
        } else if (kind == u"deleted") {
            exec(QStringLiteral("DELETE FROM %1 WHERE %2 = 4").arg(t, id));
        } else if (kind == u"deleted-first") {
            exec(QStringLiteral("DELETE FROM %1 WHERE %2 = 1").arg(t, id));
            expectedKind = QStringLiteral("deleted");
        } else if (kind == u"inserted" || kind == u"inserted-first") {
            AuditEntry e = test::seededAudit().first();
            e.migrationId = QStringLiteral("9999_forged");
            QStringList cols;
            QStringList marks;
            QVariantList values = AuditRecorder::values(e, d);
            for (const QString &c : AuditRecorder::entryColumns()) {
                cols << IdentifierQuoter::quote(d, c);
                marks << QStringLiteral("?");
            }
            cols << col(sql, "prev_hash") << col(sql, "row_hash");
            marks << QStringLiteral("?") << QStringLiteral("?");
            values << (kind == u"inserted" ? QStringLiteral("not-a-link") : QString()) << QStringLiteral("not-a-hash");
            if (kind == u"inserted-first") {
                cols.prepend(id);
                marks.prepend(QStringLiteral("?"));
                values.prepend(-1);
            }
            exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(t, cols.join(u','), marks.join(u',')), values);
            expectedKind = QStringLiteral("inserted");
        } else if (kind == u"reordered") {
            exec(QStringLiteral("UPDATE %1 SET %2 = 1000 WHERE %2 = 4").arg(t, id));
            exec(QStringLiteral("UPDATE %1 SET %2 = 4 WHERE %2 = 5").arg(t, id));
            exec(QStringLiteral("UPDATE %1 SET %2 = 5 WHERE %2 = 1000").arg(t, id));
        }
        auto v = AuditChain::verify(sql);
        COVET_VERIFY_OK(v);
        QVERIFY(!v->intact());
        QCOMPARE(ChainVerification::breakName(v->kind), expectedKind);
        QCOMPARE(v->rowId, row);
        QVERIFY2(v->message().contains(QStringLiteral("row %1").arg(row)), qPrintable(v->message()));
        QCOMPARE(AuditRecorder::verifyChain(sql).error().category(), Error::Category::Conflict);
    }

    // A new table is made whole in one statement: the columns, types and run index of an upgraded one.
    void newTableEqualsAnUpgradedOne_data() { dialects(); }
    void newTableEqualsAnUpgradedOne()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(fresh, d, serverFor(d));
        COVET_SCRATCH_DB(old, d, serverFor(d));
        SqlExecutor freshSql(fresh->connection().database(), d), oldSql(old->connection().database(), d);
        COVET_VERIFY_OK(AuditRecorder::ensure(freshSql));
        COVET_VERIFY_OK(olderLayout(oldSql, 11));
        COVET_VERIFY_OK(AuditRecorder::ensure(oldSql));
        auto audit = [&](const test::ScratchDatabase &db) {
            auto s = SchemaSource::inspectDatabase(db.url(), InspectOptions{{}, true});
            Table t = s && s->table(AuditRecorder::tableName()) ? *s->table(AuditRecorder::tableName()) : Table();
            std::sort(t.columns.begin(), t.columns.end(), [](const Column &x, const Column &y) { return x.name < y.name; });
            return t;
        };
        const Table a = audit(*fresh), b = audit(*old);
        QVERIFY(a.columns.size() == AuditRecorder::entryColumns().size() + 3 && a.indexes.size() == 1);   // + id, prev_hash, row_hash
        QCOMPARE(a, b);
    }

    void upgradeKeepsOldChain_data() { dialects(); }
    void upgradeKeepsOldChain()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        // The first layout: the version 2 columns dropped again.
        auto layout = olderLayout(sql, 11);
        COVET_VERIFY_OK(layout);
        // Two rows as the old recorder wrote them.
        QString prev;
        for (const AuditEntry &seeded : test::seededAudit().mid(0, 2)) {
            AuditEntry e = seeded;
            e.databaseUser.clear();
            e.checksum.clear();
            e.riskLevel.clear();
            e.hashVersion = 1;
            auto inserted = insertAsWritten(sql, e, 11, &prev);
            COVET_VERIFY_OK(inserted);
        }
        // Upgraded in place; a new row chains onto the old ones.
        auto upgraded = AuditRecorder::ensure(sql);
        COVET_VERIFY_OK(upgraded);
        auto again = AuditRecorder::ensure(sql);   // idempotent
        COVET_VERIFY_OK(again);
        auto recorded = AuditRecorder::record(sql, test::seededAudit().at(4));
        COVET_VERIFY_OK(recorded);
        auto v = AuditChain::verify(sql);
        COVET_VERIFY_OK(v);
        QVERIFY2(v->intact(), qPrintable(v->message()));
        QCOMPARE(v->rows, 3);
        QCOMPARE(v->version1Rows, 2);
        auto old = AuditLog::get(sql, 1);
        QCOMPARE(old->entry.hashVersion, 1);
        QCOMPARE(AuditLog::get(sql, 3)->entry.rowsAtRisk, 7);
        // An old row edited is still caught.
        auto edited = sql.exec(QStringLiteral("UPDATE %1 SET %2 = 'eve' WHERE %3 = 1").arg(table(sql), col(sql, "os_user"), col(sql, "id")));
        COVET_VERIFY_OK(edited);
        auto broken = AuditChain::verify(sql);
        QCOMPARE(broken->kind, ChainVerification::Break::Edited);
        QCOMPARE(broken->rowId, 1);
    }

    // Rows of hash versions 2 and 3 in a table without the version 4
    // columns: upgraded in place, still verifying; a version 4 row's author
    // and objects are covered by its hash.
    void upgradeFromVersions2And3_data() { dialects(); }
    void upgradeFromVersions2And3()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        const qsizetype v3Columns = AuditRecorder::entryColumns().indexOf(QStringLiteral("author"));
        QCOMPARE(v3Columns, 20);
        auto layout = olderLayout(sql, v3Columns);
        COVET_VERIFY_OK(layout);
        QString prev;
        for (int version : {2, 3}) {
            AuditEntry e = test::seededAudit().at(version);
            e.hashVersion = version;
            auto inserted = insertAsWritten(sql, e, v3Columns, &prev);
            COVET_VERIFY_OK(inserted);
        }
        COVET_VERIFY_OK(AuditRecorder::ensure(sql));
        AuditEntry v4 = test::seededAudit().at(4);
        v4.author = QStringLiteral("Alice O'Hara; DROP TABLE x");
        v4.objects = QStringLiteral(R"([["drop","customers","email"]])");
        v4.dataTags = QStringLiteral("pii:customers.email");
        auto recorded = AuditRecorder::record(sql, v4);
        COVET_VERIFY_OK(recorded);
        auto v = AuditChain::verify(sql);
        COVET_VERIFY_OK(v);
        QVERIFY2(v->intact(), qPrintable(v->message()));
        QCOMPARE(v->rows, 3);
        QCOMPARE(AuditLog::get(sql, 1)->entry.hashVersion, 2);
        QCOMPARE(AuditLog::get(sql, 2)->entry.hashVersion, 3);
        const AuditEntry back = AuditLog::get(sql, 3)->entry;
        QCOMPARE(back.hashVersion, 4);
        QCOMPARE(back.author, v4.author);
        QCOMPARE(AuditRow::objectTexts(back), QStringList{QStringLiteral("drop customers.email")});
        // Each version 4 field is covered.
        for (const char *field : {"author", "objects", "data_tags"}) {
            auto kept = sql.rows(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = 3").arg(col(sql, field), table(sql), col(sql, "id")));
            COVET_VERIFY_OK(kept);
            auto edited = sql.exec(QStringLiteral("UPDATE %1 SET %2 = 'x' WHERE %3 = 3").arg(table(sql), col(sql, field), col(sql, "id")));
            COVET_VERIFY_OK(edited);
            auto broken = AuditChain::verify(sql);
            COVET_VERIFY_OK(broken);
            QCOMPARE(broken->kind, ChainVerification::Break::Edited);
            QCOMPARE(broken->rowId, 3);
            auto restored = sql.execPrepared(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = 3").arg(table(sql), col(sql, field), col(sql, "id")),
                                             {kept->first().value(0)});
            COVET_VERIFY_OK(restored);
        }
        QVERIFY(AuditChain::verify(sql)->intact());
    }

    // The timestamps of an older audit table (ISO text) become timestamp
    // columns in place (PostgreSQL TIMESTAMPTZ, MariaDB DATETIME(3) in UTC;
    // SQLite keeps ISO text): every row reads back the text its hash
    // covers, the chain stays intact, time filters still select the same
    // rows. A row edited by hand into other text keeps the table as it is,
    // and verify names that row; MariaDB's half-way state (text in its own
    // form, the column not yet retyped) still verifies and is finished.
    void timestampsBecomeTimestampColumns_data() { dialects(); }
    void timestampsBecomeTimestampColumns()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        const QString typed = d == Dialect::PostgreSQL ? QStringLiteral("timestamp with time zone")
                              : d == Dialect::MySQL    ? QStringLiteral("datetime")
                                                       : QStringLiteral("text");
        {   // A new table has timestamp columns at once.
            COVET_SCRATCH_DB(db, d, serverFor(d));
            SqlExecutor sql(db->connection().database(), d);
            COVET_VERIFY_OK(AuditRecorder::ensure(sql));
            QCOMPARE(columnType(sql, "started_at"), typed);
            QCOMPARE(columnType(sql, "finished_at"), typed);
        }
        for (const QString &variant : {QStringLiteral("upgrade"), QStringLiteral("edited"), QStringLiteral("half-way")}) {
            if (variant == u"half-way" && d != Dialect::MySQL)
                continue;
            COVET_SCRATCH_DB(db, d, serverFor(d));
            SqlExecutor sql(db->connection().database(), d);
            const qsizetype v4Columns = AuditRecorder::entryColumns().size();
            COVET_VERIFY_OK(olderLayout(sql, v4Columns));
            if (d != Dialect::SQLite)
                QCOMPARE(columnType(sql, "started_at"), d == Dialect::PostgreSQL ? QStringLiteral("character varying") : QStringLiteral("varchar"));
            QString prev;
            const QList<AuditEntry> seeded = test::seededAudit();
            for (const AuditEntry &e : seeded)
                COVET_VERIFY_OK(insertAsWritten(sql, e, v4Columns, &prev));
            if (variant == u"edited")   // someone moves a run by an hour, in a form of their own
                COVET_VERIFY_OK(sql.exec(QStringLiteral("UPDATE %1 SET %2 = '2026-11-03 09:00' WHERE %3 = 3").arg(table(sql), col(sql, "started_at"), col(sql, "id"))));
            if (variant == u"half-way") {   // the MariaDB upgrade stopped after its first step
                COVET_VERIFY_OK(sql.exec(QStringLiteral("UPDATE %1 SET %2 = REPLACE(REPLACE(%2, 'T', ' '), 'Z', '')").arg(table(sql), col(sql, "started_at"))));
                auto v = AuditChain::verify(sql);
                COVET_VERIFY_OK(v);
                QVERIFY2(v->intact(), qPrintable(v->message()));
            }
            COVET_VERIFY_OK(AuditRecorder::ensure(sql));
            COVET_VERIFY_OK(AuditRecorder::ensure(sql));   // idempotent
            auto v = AuditChain::verify(sql);
            COVET_VERIFY_OK(v);
            if (variant == u"edited") {
                QCOMPARE(columnType(sql, "started_at"), d == Dialect::SQLite ? QStringLiteral("text")
                                                        : d == Dialect::PostgreSQL ? QStringLiteral("character varying") : QStringLiteral("varchar"));
                QCOMPARE(v->kind, ChainVerification::Break::Edited);
                QCOMPARE(v->rowId, 3);
                continue;
            }
            QCOMPARE(columnType(sql, "started_at"), typed);
            QCOMPARE(columnType(sql, "finished_at"), typed);
            QVERIFY2(v->intact(), qPrintable(v->message()));
            QCOMPARE(v->rows, seeded.size());
            for (qsizetype i = 0; i < seeded.size(); ++i)
                QCOMPARE(AuditLog::get(sql, i + 1)->entry.startedAt, seeded.at(i).startedAt);
            // A new row chains on; its timestamps read back as written.
            AuditEntry next = seeded.last();
            next.startedAt = QStringLiteral("2026-12-06T23:59:59.999Z");
            next.finishedAt = QStringLiteral("2026-12-07T00:00:00.001Z");
            COVET_VERIFY_OK(AuditRecorder::record(sql, next));
            QVERIFY(AuditChain::verify(sql)->intact());
            const AuditEntry back = AuditLog::get(sql, seeded.size() + 1)->entry;
            QCOMPARE(back.startedAt, next.startedAt);
            QCOMPARE(back.finishedAt, next.finishedAt);
            // Time filters compare instants: the last millisecond of a day is in it.
            AuditFilter f;
            f.since = utc("2026-12-06T23:59:59.999");
            QCOMPARE(*AuditLog::count(sql, f), 1);
            f.since = utc("2026-12-07T00:00:00");
            QCOMPARE(*AuditLog::count(sql, f), 0);
            f = {};
            f.until = utc("2026-12-06T23:59:59.999");
            QCOMPARE(*AuditLog::count(sql, f), seeded.size());
            // An edited timestamp is still caught.
            COVET_VERIFY_OK(sql.exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = 2").arg(table(sql), col(sql, "finished_at"), col(sql, "id")),
                                     {SqlTimestamp::param(d, QStringLiteral("2030-01-01T00:00:00.000Z"))}));
            auto broken = AuditChain::verify(sql);
            QCOMPARE(broken->kind, ChainVerification::Break::Edited);
            QCOMPARE(broken->rowId, 2);
        }
    }

    // The conflicts table's timestamps too: text in an older table, retyped
    // on the next sync (detected_at, last_seen_at, and the nullable
    // resolved_at), read back as the same canonical text; a time filter on
    // the statistics still counts the conflict.
    void conflictTimestampsBecomeTimestampColumns_data() { dialects(); }
    void conflictTimestampsBecomeTimestampColumns()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        NEED_SERVER(d);
        COVET_SCRATCH_DB(db, d, serverFor(d));
        SqlExecutor sql(db->connection().database(), d);
        COVET_VERIFY_OK(ConflictRecorder::ensure(sql));
        const QString t = IdentifierQuoter::quote(d, ConflictRecorder::tableName());
        const QString typed = d == Dialect::PostgreSQL ? QStringLiteral("timestamp with time zone")
                              : d == Dialect::MySQL    ? QStringLiteral("datetime")
                                                       : QStringLiteral("text");
        QCOMPARE(columnType(sql, ConflictRecorder::tableName(), "resolved_at"), typed);
        if (d != Dialect::SQLite) {   // as an older Covet made it
            const QString alter = d == Dialect::PostgreSQL
                                      ? QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE VARCHAR(255), ALTER COLUMN %3 TYPE VARCHAR(255), ALTER COLUMN %4 TYPE VARCHAR(255)")
                                      : QStringLiteral("ALTER TABLE %1 MODIFY %2 VARCHAR(255) NOT NULL, MODIFY %3 VARCHAR(255) NOT NULL, MODIFY %4 VARCHAR(255)");
            COVET_VERIFY_OK(sql.exec(alter.arg(t, col(sql, "detected_at"), col(sql, "last_seen_at"), col(sql, "resolved_at"))));
        }
        // Two conflicts as the older Covet recorded them: one resolved.
        const QString insert = QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                   .arg(t, col(sql, "kind"), col(sql, "migration_ids"), col(sql, "detail"), col(sql, "fingerprint"), col(sql, "open_key"),
                                        col(sql, "detected_at"), col(sql, "detected_by"), col(sql, "environment"))
                                   .arg(col(sql, "last_seen_at"), col(sql, "last_seen_by"), col(sql, "seen_count"), col(sql, "resolved_at"));
        const MigrationConflict open{QStringLiteral("modified"), {QStringLiteral("0002_b")}, QStringLiteral("0002_b changed after it was applied")};
        COVET_VERIFY_OK(sql.exec(insert, {open.kind, open.migrationIds.join(u','), open.detail, open.fingerprint(), open.fingerprint(),
                                          QStringLiteral("2026-11-02T10:00:00.250Z"), QStringLiteral("ann@h"), QStringLiteral("prod"),
                                          QStringLiteral("2026-11-03T10:00:00.500Z"), QStringLiteral("ann@h"), 2, QVariant()}));
        COVET_VERIFY_OK(sql.exec(insert, {QStringLiteral("cycle"), QStringLiteral("0003_c"), QStringLiteral("a cycle"), QStringLiteral("f2"), QVariant(),
                                          QStringLiteral("2026-10-01T08:00:00.000Z"), QStringLiteral("bob@h"), QStringLiteral("prod"),
                                          QStringLiteral("2026-10-01T09:00:00.000Z"), QStringLiteral("bob@h"), 1, QStringLiteral("2026-10-02T07:30:00.125Z")}));
        COVET_VERIFY_OK(ConflictRecorder::sync(sql, {open}, QStringLiteral("prod")));
        QCOMPARE(columnType(sql, ConflictRecorder::tableName(), "detected_at"), typed);
        QCOMPARE(columnType(sql, ConflictRecorder::tableName(), "last_seen_at"), typed);
        QCOMPARE(columnType(sql, ConflictRecorder::tableName(), "resolved_at"), typed);
        auto rows = ConflictRecorder::load(sql);
        COVET_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).detectedAt, QStringLiteral("2026-11-02T10:00:00.250Z"));
        QCOMPARE(rows->at(0).seenCount, 3);
        QVERIFY2(rows->at(0).lastSeenAt > QStringLiteral("2026-12"), qPrintable(rows->at(0).lastSeenAt));   // seen again now
        QCOMPARE(rows->at(0).resolvedAt, QString());
        QCOMPARE(rows->at(1).resolvedAt, QStringLiteral("2026-10-02T07:30:00.125Z"));
        AuditFilter f;
        f.since = utc("2026-11-01T00:00:00");
        QCOMPARE(AuditStatistics::compute(sql, f)->conflicts, 1);
        f.since = utc("2026-09-01T00:00:00");
        QCOMPARE(AuditStatistics::compute(sql, f)->conflicts, 2);
    }

    void thresholdsFromConfig()
    {
        auto c = ProjectConfig::parse("audit:\n  alerts:\n    success_rate_below: 99%\n    rollback_rate_above: 10\n"
                                      "    conflict_rate_above: 0.5%\n    failures_in_a_row: 2\n",
                                      QStringLiteral("covet.yaml"), QString());
        COVET_VERIFY_OK(c);
        QCOMPARE(c->auditThresholds().successRateBelow, 0.99);
        QCOMPARE(c->auditThresholds().rollbackRateAbove, 0.10);
        QCOMPARE(c->auditThresholds().conflictRateAbove, 0.005);
        QCOMPARE(c->auditThresholds().failuresInARow, 2);
        auto back = ProjectConfig::parse(c->toYaml(), QStringLiteral("covet.yaml"), QString());
        COVET_VERIFY_OK(back);
        QCOMPARE(back->auditThresholds(), c->auditThresholds());
        auto defaults = ProjectConfig::parse("audit_log: true\n", QStringLiteral("covet.yaml"), QString());
        QCOMPARE(defaults->auditThresholds(), AuditThresholds());

        auto typo = ProjectConfig::parse("audit:\n  alerts:\n    success_rate_under: 90%\n", QStringLiteral("covet.yaml"), QString());
        QVERIFY(!typo);
        QVERIFY2(typo.error().toString().contains(QStringLiteral("success_rate_under")), qPrintable(typo.error().toString()));
        QVERIFY2(typo.error().toString().contains(QStringLiteral("covet.yaml:3")), qPrintable(typo.error().toString()));
        auto bad = ProjectConfig::parse("audit:\n  alerts:\n    rollback_rate_above: lots\n", QStringLiteral("covet.yaml"), QString());
        QVERIFY(!bad);
        QVERIFY2(bad.error().toString().contains(QStringLiteral("percentage")), qPrintable(bad.error().toString()));
        QVERIFY(!ProjectConfig::parse("audit:\n  alert: {}\n", QStringLiteral("covet.yaml"), QString()));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
