// covet-test-labels: engine sqlite postgres mysql
// Issue 13.3 and its proof, on all three databases with hostile identifiers:
// a rollback that drops a populated column backs it up first; restoring
// into the dropped column is refused with nothing changed and says what to
// run; after `migrate` re-creates it, restore gives back every value
// (checksums equal, and the dialect's own shell sees the same values); a
// backup that cannot be written stops the rollback with the database
// unchanged; an edited backup table fails verify.
#include "runner/migrationrunner.h"
#include "safety/backuprestorer.h"
#include "safety/backupstore.h"
#include "../migrations/migrationtestsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using test::scalar;
using test::writeMigration;

namespace {

// A table and a column a careless quoter would break on.
const QString kTable = QStringLiteral("cu\"st 'om;ers");
const QString kColumn = QStringLiteral("no\"te; --");

QByteArray yamlQuoted(const QString &s)
{
    QString q = s;
    q.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return (u'"' + q + u'"').toUtf8();
}

QByteArray init()
{
    return "operations:\n  - op: create_table\n    definition:\n      name: " + yamlQuoted(kTable)
        + "\n      columns:\n        - {name: id, type: integer, nullable: false}\n        - {name: name, type: varchar(40)}\n"
          "      primary_key: {columns: [id]}\n";
}

QByteArray addNote()
{
    return "dependencies: [0001_init]\noperations:\n  - op: add_column\n    table: " + yamlQuoted(kTable) + "\n    column: {name: "
        + yamlQuoted(kColumn) + ", type: varchar(200)}\n";
}

QString q(Dialect d, const QString &name)
{
    if (d == Dialect::MySQL)
        return u'`' + QString(name).replace(u'`', QStringLiteral("``")) + u'`';
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

// Every (id, note) of the table as the dialect's own command-line shell
// reads it, folded into one digest.
QString shellDigest(const test::ScratchDatabase &db)
{
    const Dialect d = db.url().dialect();
    const QString t = q(d, kTable);
    const QString c = q(d, kColumn);
    QProcess p;
    if (d == Dialect::SQLite) {
        p.start(QStringLiteral("sqlite3"), {db.url().database(),
                                            QStringLiteral("SELECT count(*) || ':' || coalesce(sum(length(%2)), 0) || ':' || "
                                                           "group_concat(id || '=' || coalesce(%2, '~'), ',') FROM (SELECT * FROM %1 ORDER BY id)")
                                                .arg(t, c)});
    } else if (d == Dialect::PostgreSQL) {
        p.start(QStringLiteral("psql"), {db.urlString(), QStringLiteral("-Atc"),
                                         QStringLiteral("SELECT count(*) || ':' || md5(string_agg(id || '=' || coalesce(%2, '~'), ',' ORDER BY id)) FROM %1")
                                             .arg(t, c)});
    } else {
        const DatabaseUrl &u = db.url();
        p.start(QStringLiteral("mysql"),
                {QStringLiteral("-h"), u.host(), QStringLiteral("-P"), QString::number(u.port()), QStringLiteral("-u"), u.user(),
                 QStringLiteral("-p") + u.password(), u.database(), QStringLiteral("-N"), QStringLiteral("-e"),
                 QStringLiteral("SET SESSION group_concat_max_len = 10000000; SELECT concat(count(*), ':', md5(group_concat(concat(id, '=', "
                                "coalesce(%2, '~')) ORDER BY id SEPARATOR ','))) FROM %1")
                     .arg(t, c)});
    }
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("shell failed: ") + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

struct Project
{
    QTemporaryDir dir;
    MigrationRepository repo;
};

Result<RunReport> run(Connection &conn, const QString &dir, bool forward, bool confirm = true)
{
    const MigrationRepository repo = MigrationRepository::load(dir);
    MigrationRunner runner(conn, repo);
    RunOptions o;
    o.confirmDataLoss = confirm;
    return forward ? runner.migrate(o) : runner.rollback(o);
}

// Both migrations applied, 2,000 notes (every seventh NULL, some with
// quotes, a semicolon and non-ASCII text).
bool setUp(Connection &conn, const QString &dir)
{
    writeMigration(dir, QStringLiteral("0001_init.yaml"), init());
    writeMigration(dir, QStringLiteral("0002_note.yaml"), addNote());
    if (auto r = run(conn, dir, true); !r) {
        qWarning() << r.error().toString();
        return false;
    }
    SqlExecutor sql(conn.database(), conn.dialect());
    for (int i = 1; i <= 2000; i += 400) {
        QStringList rows;
        for (int k = i; k < i + 400; ++k)
            rows << QStringLiteral("(%1, 'n%1', %2)").arg(k).arg(k % 7 == 0 ? QStringLiteral("NULL") : QStringLiteral("'it''s #%1; Grüße'").arg(k));
        if (auto r = sql.exec(QStringLiteral("INSERT INTO %1 (id, name, %2) VALUES ").arg(q(conn.dialect(), kTable), q(conn.dialect(), kColumn))
                              + rows.join(u','));
            !r) {
            qWarning() << r.error().toString();
            return false;
        }
    }
    return true;
}

bool hasColumn(Connection &conn)
{
    const Schema s = test::inspectSchema(conn);
    const Table *t = s.table(kTable);
    return t && t->column(kColumn);
}

} // namespace

class TestBackupRestore : public QObject
{
    Q_OBJECT

private slots:
    void rollbackBackupMigrateRestore_data() { test::addDialectRows(); }
    void rollbackBackupMigrateRestore()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        QVERIFY(setUp(conn, dir.path()));
        const QString digestBefore = shellDigest(*db);
        QVERIFY2(digestBefore.startsWith(QStringLiteral("2000:")), qPrintable(digestBefore));

        // Without the DBA's yes the rollback is refused and nothing changes.
        auto refused = run(conn, dir.path(), false, false);
        QVERIFY(!refused);
        QVERIFY(hasColumn(conn));

        auto back = run(conn, dir.path(), false);
        COVET_VERIFY_OK(back);
        QCOMPARE(back->backups.size(), 1);
        const BackupRecord backup = back->backups.first();
        QCOMPARE(backup.direction, QStringLiteral("rollback"));
        QCOMPARE(backup.items.size(), 1);
        QCOMPARE(backup.items.first().rows, 2000);   // every row: key and value (NULLs included, so restore is exact)
        QVERIFY(backup.items.first().columns.contains(kColumn));
        QCOMPARE(backup.items.first().key, QStringList{QStringLiteral("id")});
        QVERIFY(!hasColumn(conn));
        QVERIFY(back->verification.ok());

        SqlExecutor sql(conn.database(), d);
        BackupStore store(sql, DialectCapabilities::of(conn));
        {
            auto v = store.verify(backup.id);
            COVET_VERIFY_OK(v);
            QVERIFY2(v->ok(), qPrintable(v->toText()));
        }
        {
            // Its size on disk, as the database reports it for the backup table
            // (dbstat / pg_total_relation_size / DATA_LENGTH + INDEX_LENGTH):
            // at least a page, far less than 2,000 rows could ever take.
            auto rec = store.get(backup.id);
            COVET_VERIFY_OK(rec);
            QCOMPARE(rec->items.size(), 1);
            QCOMPARE(rec->bytes(), rec->items.first().bytes);
            QVERIFY2(rec->bytes() >= 4096 && rec->bytes() < 4 * 1024 * 1024, qPrintable(QString::number(rec->bytes())));
            QCOMPARE(rec->toJson().value(QStringLiteral("bytes")).toInteger(), rec->bytes());
        }

        // The column is gone: restore refuses, says what to run, changes nothing.
        BackupRestorer restorer(store);
        auto early = restorer.restore(backup.id, QStringLiteral("tester"));
        QVERIFY(!early);
        QCOMPARE(early.error().category(), Error::Category::NotFound);
        QVERIFY2(early.error().message().contains(kColumn) && early.error().message().contains(QStringLiteral("covet migrate")),
                 qPrintable(early.error().message()));
        QVERIFY(!hasColumn(conn));
        {
            auto rec = store.get(backup.id);
            COVET_VERIFY_OK(rec);
            QCOMPARE(rec->status, QStringLiteral("kept"));
        }

        // migrate re-creates it empty; restore puts every value back.
        auto again = run(conn, dir.path(), true);
        COVET_VERIFY_OK(again);
        QVERIFY(hasColumn(conn));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(%1) FROM %2").arg(q(d, kColumn), q(d, kTable))), 0);
        auto preview = restorer.preview(backup.id);
        COVET_VERIFY_OK(preview);
        auto restored = restorer.restore(backup.id, QStringLiteral("tester"));
        COVET_VERIFY_OK(restored);
        QVERIFY2(restored->ok(), qPrintable(restored->toText()));
        QCOMPARE(shellDigest(*db), digestBefore);
        auto rec = store.get(backup.id);
        COVET_VERIFY_OK(rec);
        QCOMPARE(rec->status, QStringLiteral("restored"));
        QCOMPARE(rec->restoredBy, QStringLiteral("tester"));
    }

    // A table no migration made (the database had it before it used Covet)
    // dropped by a plain SQL migration: the key comes from the live catalog,
    // so the backup keeps the column with its key (not a copy of the whole
    // table that could never go back into the re-populated table) and a
    // restore after the rollback puts every value back.
    void baselineTableKeepsItsKey_data() { test::addDialectRows(); }
    void baselineTableKeepsItsKey()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        SqlExecutor sql(conn.database(), d);
        const QString t = q(d, kTable);
        const QString c = q(d, kColumn);
        COVET_VERIFY_OK(sql.exec(QStringLiteral("CREATE TABLE %1 (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40), %2 VARCHAR(200))").arg(t, c)));
        QStringList rows;
        for (int k = 1; k <= 2000; ++k)
            rows << QStringLiteral("(%1, 'n%1', %2)").arg(k).arg(k % 7 == 0 ? QStringLiteral("NULL") : QStringLiteral("'it''s #%1; Grüße'").arg(k));
        COVET_VERIFY_OK(sql.exec(QStringLiteral("INSERT INTO %1 (id, name, %2) VALUES ").arg(t, c) + rows.join(u',')));
        QTemporaryDir dir;
        writeMigration(dir.path(), QStringLiteral("0001_drop_note.sql"),
                       QStringLiteral("-- covet:up\nALTER TABLE %1 DROP COLUMN %2;\n-- covet:down\nALTER TABLE %1 ADD COLUMN %2 VARCHAR(200);\n")
                           .arg(t, c)
                           .toUtf8());
        const QString digestBefore = shellDigest(*db);
        QVERIFY2(digestBefore.startsWith(QStringLiteral("2000:")), qPrintable(digestBefore));

        auto forward = run(conn, dir.path(), true);
        COVET_VERIFY_OK(forward);
        QCOMPARE(forward->backups.size(), 1);
        const BackupItem item = forward->backups.first().items.value(0);
        QCOMPARE(item.kind, DataAtStake::Kind::Columns);
        QCOMPARE(item.key, QStringList{QStringLiteral("id")});
        QCOMPARE(item.rows, 2000);
        QVERIFY(!hasColumn(conn));

        COVET_VERIFY_OK(run(conn, dir.path(), false));
        QVERIFY(hasColumn(conn));
        BackupStore store(sql, DialectCapabilities::of(conn));
        BackupRestorer restorer(store);
        auto preview = restorer.preview(forward->backups.first().id);
        COVET_VERIFY_OK(preview);
        QVERIFY2(preview->ok(), qPrintable(preview->toText()));
        auto restored = restorer.restore(forward->backups.first().id, QStringLiteral("tester"));
        COVET_VERIFY_OK(restored);
        QVERIFY2(restored->ok(), qPrintable(restored->toText()));
        QCOMPARE(shellDigest(*db), digestBefore);
    }

    // A backup that cannot be written stops the rollback before anything runs.
    void failedBackupStopsRollback_data() { test::addDialectRows(); }
    void failedBackupStopsRollback()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        QVERIFY(setUp(conn, dir.path()));
        const QString digestBefore = shellDigest(*db);
        // The first backup's table name is taken already.
        if (d == Dialect::PostgreSQL) {
            COVET_EXEC_OK(conn, QStringLiteral("CREATE SCHEMA IF NOT EXISTS _covet_backup"));
            COVET_EXEC_OK(conn, QStringLiteral("CREATE TABLE _covet_backup.b1_1 (x integer)"));
        } else {
            COVET_EXEC_OK(conn, QStringLiteral("CREATE TABLE _covet_backup_1_1 (x integer)"));
        }
        auto back = run(conn, dir.path(), false);
        QVERIFY2(!back, "the rollback should stop when its backup fails");
        QVERIFY2(back.error().message().contains(QStringLiteral("backup")), qPrintable(back.error().toString()));
        QVERIFY(hasColumn(conn));
        QCOMPARE(shellDigest(*db), digestBefore);
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(*) FROM _covet_migrations")), 2);
    }

    // An edited backup table fails verify, naming the table.
    void editedBackupFailsVerify_data() { test::addDialectRows(); }
    void editedBackupFailsVerify()
    {
        QFETCH(int, dialect);
        const Dialect d = Dialect(dialect);
        COVET_REQUIRE_DIALECT(d);
        COVET_SCRATCH_DB(db, d, test::serverFor(d));
        Connection &conn = db->connection();
        QTemporaryDir dir;
        QVERIFY(setUp(conn, dir.path()));
        auto back = run(conn, dir.path(), false);
        COVET_VERIFY_OK(back);
        QCOMPARE(back->backups.size(), 1);
        const BackupItem item = back->backups.first().items.first();
        const QString table = item.backupSchema.isEmpty() ? q(d, item.backupTable) : q(d, item.backupSchema) + u'.' + q(d, item.backupTable);
        COVET_EXEC_OK(conn, QStringLiteral("UPDATE %1 SET %2 = 'tampered' WHERE id = 1").arg(table, q(d, kColumn)));
        SqlExecutor sql(conn.database(), d);
        BackupStore store(sql, DialectCapabilities::of(conn));
        auto v = store.verify(back->backups.first().id);
        COVET_VERIFY_OK(v);
        QVERIFY(!v->ok());
        QVERIFY2(v->toText().contains(kTable), qPrintable(v->toText()));
        // And a restore from it is refused by the checksum, changing nothing.
        auto again = run(conn, dir.path(), true);
        COVET_VERIFY_OK(again);
        BackupRestorer restorer(store);
        auto restored = restorer.restore(back->backups.first().id, QStringLiteral("tester"));
        QVERIFY(!restored || !restored->ok());
        QCOMPARE(scalar(conn, QStringLiteral("SELECT count(%1) FROM %2").arg(q(d, kColumn), q(d, kTable))), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
