// covet-test-labels: cli sqlite postgres mysql
// Issue 16: a squashed migration in the history, on SQLite, PostgreSQL and
// MariaDB. A database that applied every original records the squashed
// migration itself on the next `covet migrate` (the dry run says it
// would); once the originals' files are deleted, status is clean (their
// rows are "replaced by" it), verify passes, migrate does nothing, and
// `rollback` undoes the squashed migration's down part — the schema is the
// one before the range, the kept columns' rows unchanged, every row of the
// range gone from the history. With the files there, rollback goes through
// the originals (the squash row goes with the first); a fresh database
// applies the squashed migration and rolls it back as one; a partly applied
// one records it with its last original. `covet audit verify` after each.
#include "../migrations/migrationtestsupport.h"
#include "clifixtures.h"
#include "safety/tablechecksum.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;
using namespace covet::test;

namespace {

const QString kSquashed = QStringLiteral("0005_squashed_0002_0004");
const QStringList kOriginals{QStringLiteral("0002_qty"), QStringLiteral("0003_index"), QStringLiteral("0004_rename")};

// One project (0001..0004, audit on) against one scratch database.
struct Project
{
    QTemporaryDir dir;
    QStringList env;
    QString out, err;

    explicit Project(const QString &url)
    {
        QDir(dir.path()).mkdir(QStringLiteral("migrations"));
        writeFile(dir.filePath(QStringLiteral("covet.yaml")), "database: ${COVET_T_URL}\naudit_log: true\n");
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0001_items.yaml"), kItemsMigration);
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0002_qty.yaml"), kQtyMigration);
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0003_index.yaml"), kIndexMigration);
        writeMigration(dir.filePath(QStringLiteral("migrations")), QStringLiteral("0004_rename.yaml"), kRenameMigration);
        env << QStringLiteral("COVET_T_URL=") + url;
    }
    int run(const QStringList &args)
    {
        return runCli(args, &out, &err, dir.path(), env);
    }
    QString said(const QStringList &args) const
    {
        return QStringLiteral("covet %1\n%2%3").arg(args.join(u' '), out, err);
    }
    void removeOriginals()
    {
        for (const QString &id : kOriginals)
            QVERIFY(QFile::remove(dir.filePath(QStringLiteral("migrations/") + id + QStringLiteral(".yaml"))));
    }
};

#define CLI(project, expected, ...)                                                                   \
    do {                                                                                              \
        const QStringList args_{__VA_ARGS__};                                                         \
        const int code_ = (project).run(args_);                                                       \
        QVERIFY2(code_ == (expected), qPrintable((project).said(args_) + QStringLiteral("\nexit %1").arg(code_))); \
    } while (false)

// The dialect of the row, its scratch database `db`, the project `p` on it
// and the connection `c` (skips a server row without its server).
#define SQUASH_PROJECT(d, db, p, c)                \
    QFETCH(int, dialect);                          \
    const Dialect d = Dialect(dialect);            \
    COVET_REQUIRE_DIALECT(d);                      \
    COVET_SCRATCH_DB(db, d, serverFor(d));         \
    Project p(db->urlString());                    \
    Connection &c = db->connection()

QStringList history(Connection &c)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT id FROM _covet_migrations ORDER BY id"));
    QStringList out;
    if (rows)
        for (const auto &r : *rows)
            out << r.value(0).toString();
    return out;
}

QString recordedChecksum(Connection &c, const QString &id)
{
    SqlExecutor sql(c.database(), c.dialect());
    auto rows = sql.rows(QStringLiteral("SELECT checksum FROM _covet_migrations WHERE id = ?"), {id});
    return rows && !rows->isEmpty() ? rows->first().value(0).toString() : QString();
}

const QString S(const char *s)
{
    return QString::fromUtf8(s);
}

} // namespace

class TestCliSquashHistory : public QObject
{
    Q_OBJECT

private slots:
    void allAppliedThenFilesGone_data() { addDialectRows(); }
    void allAppliedThenFilesGone()
    {
        SQUASH_PROJECT(d, db, p, c);
        CLI(p, 0, S("migrate"), S("--to"), S("0001_items"));
        const Schema before = inspectSchema(c);
        QVERIFY(before.tables.size() == 1);
        COVET_EXEC_OK(c, QStringLiteral("INSERT INTO items (id, label) VALUES (1, 'one'), (2, 'two'), (3, 'three')"));
        SqlExecutor sql(c.database(), d);
        const auto kept = TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label")});
        COVET_VERIFY_OK(kept);
        CLI(p, 0, S("migrate"));
        CLI(p, 0, S("squash"), S("--from"), S("2"));
        QVERIFY2(QFile::exists(p.dir.filePath(QStringLiteral("migrations/") + kSquashed + QStringLiteral(".yaml"))), qPrintable(p.out + p.err));

        // The first migrate after the squash records it (the dry run says it would).
        CLI(p, 0, S("migrate"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- record ") + kSquashed), qPrintable(p.out));
        QVERIFY(!history(c).contains(kSquashed));
        CLI(p, 0, S("migrate"));
        QVERIFY2(p.out.contains(QStringLiteral("Recorded ") + kSquashed + QStringLiteral(" as applied:")), qPrintable(p.out));
        QCOMPARE(history(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index"), S("0004_rename"), kSquashed}));
        QVERIFY(!recordedChecksum(c, kSquashed).isEmpty());
        CLI(p, 0, S("audit"), S("verify"));
        CLI(p, 0, S("migrate"), S("--dry-run"));
        QVERIFY2(!p.out.contains(QStringLiteral("-- record ")) && !p.out.contains(QStringLiteral("-- apply ")), qPrintable(p.out));

        // The originals' files go: status clean, verify passes, migrate does nothing.
        p.removeOriginals();
        CLI(p, 0, S("status"));
        QVERIFY2(p.out.contains(QStringLiteral("replaced by ") + kSquashed) && !p.out.contains(QStringLiteral("missing")), qPrintable(p.out));
        CLI(p, 0, S("verify"));
        CLI(p, 0, S("migrate"), S("--dry-run"));
        QVERIFY2(!p.out.contains(QStringLiteral("-- apply ")) && !p.out.contains(QStringLiteral("-- record ")), qPrintable(p.out));
        QVERIFY2(!p.out.contains(QStringLiteral("missing")) && !p.err.contains(QStringLiteral("missing")), qPrintable(p.out + p.err));
        CLI(p, 0, S("migrate"));
        QCOMPARE(history(c).size(), 5);

        // Into the range: refused, it rolls back only as a whole now.
        CLI(p, 6, S("rollback"), S("--to"), S("0003_index"), S("--dry-run"));
        QVERIFY2(p.err.contains(QStringLiteral("rolls back only as a whole")), qPrintable(p.err));
        // Rollback 1: the squashed migration's down part, every row of the range gone.
        CLI(p, 0, S("rollback"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- roll back ") + kSquashed), qPrintable(p.out));
        QVERIFY2(p.out.contains(QStringLiteral("removes the history rows of 0002_qty, 0003_index, 0004_rename")), qPrintable(p.out));
        CLI(p, 0, S("rollback"), S("--yes"));
        QCOMPARE(history(c), QStringList{S("0001_items")});
        QCOMPARE(inspectSchema(c), before);
        const auto after = TableChecksum::of(sql, {}, QStringLiteral("items"), {QStringLiteral("id"), QStringLiteral("label")});
        COVET_VERIFY_OK(after);
        QCOMPARE(*after, *kept);
        CLI(p, 0, S("audit"), S("verify"));
        // And forward again: a database without the originals applies the squashed migration.
        CLI(p, 0, S("migrate"));
        QCOMPARE(history(c), QStringList({S("0001_items"), kSquashed}));
        CLI(p, 0, S("audit"), S("verify"));
    }

    void originalsPresentRollBackThroughThem_data() { addDialectRows(); }
    void originalsPresentRollBackThroughThem()
    {
        SQUASH_PROJECT(d, db, p, c);
        CLI(p, 0, S("migrate"));
        CLI(p, 0, S("squash"), S("--from"), S("2"));
        CLI(p, 0, S("migrate"));
        QVERIFY(history(c).contains(kSquashed));
        // One step: the last original, and the squash row with it.
        CLI(p, 0, S("rollback"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- roll back 0004_rename")) && !p.out.contains(QStringLiteral("-- roll back ") + kSquashed),
                 qPrintable(p.out));
        CLI(p, 0, S("rollback"), S("--yes"));
        QCOMPARE(history(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index")}));
        CLI(p, 0, S("status"));
        QVERIFY2(p.out.contains(QStringLiteral("partly applied here")), qPrintable(p.out));
        CLI(p, 0, S("audit"), S("verify"));
        // Partly applied: the last original runs and records the squashed migration in its transaction.
        CLI(p, 0, S("migrate"));
        QVERIFY2(p.out.contains(QStringLiteral("Recorded ") + kSquashed + QStringLiteral(" as applied too")), qPrintable(p.out));
        QCOMPARE(history(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index"), S("0004_rename"), kSquashed}));
        CLI(p, 0, S("audit"), S("verify"));
        CLI(p, 0, S("audit"), S("list"));
        QVERIFY2(p.out.count(kSquashed) >= 2, qPrintable(p.out));   // recorded twice, removed once in between
        // Back to 0001 through the originals, last first.
        CLI(p, 0, S("rollback"), S("--to"), S("0001_items"), S("--yes"));
        QVERIFY2(p.out.indexOf(S("0004_rename")) < p.out.indexOf(S("0002_qty")), qPrintable(p.out));
        QCOMPARE(history(c), QStringList{S("0001_items")});
        QVERIFY(!inspectSchema(c).tables.isEmpty());
        CLI(p, 0, S("audit"), S("verify"));
    }

    void freshDatabaseRollsBackAsOne_data() { addDialectRows(); }
    void freshDatabaseRollsBackAsOne()
    {
        SQUASH_PROJECT(d, db, p, c);
        CLI(p, 0, S("squash"), S("--from"), S("2"));
        CLI(p, 0, S("migrate"), S("--to"), S("0001_items"));
        const Schema before = inspectSchema(c);
        CLI(p, 0, S("migrate"));
        QCOMPARE(history(c), QStringList({S("0001_items"), kSquashed}));
        CLI(p, 0, S("rollback"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- roll back ") + kSquashed) && !p.out.contains(QStringLiteral("removes the history rows")),
                 qPrintable(p.out));
        CLI(p, 0, S("rollback"), S("--yes"));
        QCOMPARE(history(c), QStringList{S("0001_items")});
        QCOMPARE(inspectSchema(c), before);
        CLI(p, 0, S("audit"), S("verify"));
    }
};

QTEST_GUILESS_MAIN(TestCliSquashHistory)
#include "tst_clisquashhistory.moc"
