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
#include "clifixtures.h"
#include "safety/tablechecksum.h"

#include <QFile>
#include <QTest>

using namespace covet;
using namespace covet::test;

namespace {

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
        Schema before;
        TableChecksum::Value kept;
        p.applyAndSquash(c, before, kept);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(before.tables.size() == 1);

        // The first migrate after the squash records it (the dry run says it would).
        SQUASH_CLI(p, 0, S("migrate"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- record ") + kSquashed), qPrintable(p.out));
        QVERIFY(!historyIds(c).contains(kSquashed));
        SQUASH_CLI(p, 0, S("migrate"));
        QVERIFY2(p.out.contains(QStringLiteral("Recorded ") + kSquashed + QStringLiteral(" as applied:")), qPrintable(p.out));
        QCOMPARE(historyIds(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index"), S("0004_rename"), kSquashed}));
        QVERIFY(!recordedChecksum(c, kSquashed).isEmpty());
        SQUASH_CLI(p, 0, S("audit"), S("verify"));
        SQUASH_CLI(p, 0, S("migrate"), S("--dry-run"));
        QVERIFY2(!p.out.contains(QStringLiteral("-- record ")) && !p.out.contains(QStringLiteral("-- apply ")), qPrintable(p.out));

        // The originals' files go: status clean, verify passes, migrate does nothing.
        p.removeOriginals();
        SQUASH_CLI(p, 0, S("status"));
        QVERIFY2(p.out.contains(QStringLiteral("replaced by ") + kSquashed) && !p.out.contains(QStringLiteral("missing")), qPrintable(p.out));
        SQUASH_CLI(p, 0, S("verify"));
        SQUASH_CLI(p, 0, S("migrate"), S("--dry-run"));
        QVERIFY2(!p.out.contains(QStringLiteral("-- apply ")) && !p.out.contains(QStringLiteral("-- record ")), qPrintable(p.out));
        QVERIFY2(!p.out.contains(QStringLiteral("missing")) && !p.err.contains(QStringLiteral("missing")), qPrintable(p.out + p.err));
        SQUASH_CLI(p, 0, S("migrate"));
        QCOMPARE(historyIds(c).size(), 5);

        // Into the range: refused, it rolls back only as a whole now.
        SQUASH_CLI(p, 6, S("rollback"), S("--to"), S("0003_index"), S("--dry-run"));
        QVERIFY2(p.err.contains(QStringLiteral("rolls back only as a whole")), qPrintable(p.err));
        // Rollback 1: the squashed migration's down part, every row of the range gone.
        SQUASH_CLI(p, 0, S("rollback"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- roll back ") + kSquashed), qPrintable(p.out));
        QVERIFY2(p.out.contains(QStringLiteral("removes the history rows of 0002_qty, 0003_index, 0004_rename")), qPrintable(p.out));
        SQUASH_CLI(p, 0, S("rollback"), S("--yes"));
        p.verifyBackAt0001(c, before, kept);
        if (QTest::currentTestFailed())
            return;
        // And forward again: a database without the originals applies the squashed migration.
        SQUASH_CLI(p, 0, S("migrate"));
        QCOMPARE(historyIds(c), QStringList({S("0001_items"), kSquashed}));
        SQUASH_CLI(p, 0, S("audit"), S("verify"));
    }

    void originalsPresentRollBackThroughThem_data() { addDialectRows(); }
    void originalsPresentRollBackThroughThem()
    {
        SQUASH_PROJECT(d, db, p, c);
        SQUASH_CLI(p, 0, S("migrate"));
        SQUASH_CLI(p, 0, S("squash"), S("--from"), S("2"));
        SQUASH_CLI(p, 0, S("migrate"));
        QVERIFY(historyIds(c).contains(kSquashed));
        // One step: the last original, and the squash row with it.
        SQUASH_CLI(p, 0, S("rollback"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- roll back 0004_rename")) && !p.out.contains(QStringLiteral("-- roll back ") + kSquashed),
                 qPrintable(p.out));
        SQUASH_CLI(p, 0, S("rollback"), S("--yes"));
        QCOMPARE(historyIds(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index")}));
        SQUASH_CLI(p, 0, S("status"));
        QVERIFY2(p.out.contains(QStringLiteral("partly applied here")), qPrintable(p.out));
        SQUASH_CLI(p, 0, S("audit"), S("verify"));
        // Partly applied: the last original runs and records the squashed migration in its transaction.
        SQUASH_CLI(p, 0, S("migrate"));
        QVERIFY2(p.out.contains(QStringLiteral("Recorded ") + kSquashed + QStringLiteral(" as applied too")), qPrintable(p.out));
        QCOMPARE(historyIds(c), QStringList({S("0001_items"), S("0002_qty"), S("0003_index"), S("0004_rename"), kSquashed}));
        SQUASH_CLI(p, 0, S("audit"), S("verify"));
        SQUASH_CLI(p, 0, S("audit"), S("list"));
        QVERIFY2(p.out.count(kSquashed) >= 2, qPrintable(p.out));   // recorded twice, removed once in between
        // Back to 0001 through the originals, last first.
        SQUASH_CLI(p, 0, S("rollback"), S("--to"), S("0001_items"), S("--yes"));
        QVERIFY2(p.out.indexOf(S("0004_rename")) < p.out.indexOf(S("0002_qty")), qPrintable(p.out));
        QCOMPARE(historyIds(c), QStringList{S("0001_items")});
        QVERIFY(!inspectSchema(c).tables.isEmpty());
        SQUASH_CLI(p, 0, S("audit"), S("verify"));
    }

    void freshDatabaseRollsBackAsOne_data() { addDialectRows(); }
    void freshDatabaseRollsBackAsOne()
    {
        SQUASH_PROJECT(d, db, p, c);
        SQUASH_CLI(p, 0, S("squash"), S("--from"), S("2"));
        SQUASH_CLI(p, 0, S("migrate"), S("--to"), S("0001_items"));
        const Schema before = inspectSchema(c);
        SQUASH_CLI(p, 0, S("migrate"));
        QCOMPARE(historyIds(c), QStringList({S("0001_items"), kSquashed}));
        SQUASH_CLI(p, 0, S("rollback"), S("--dry-run"));
        QVERIFY2(p.out.contains(QStringLiteral("-- roll back ") + kSquashed) && !p.out.contains(QStringLiteral("removes the history rows")),
                 qPrintable(p.out));
        SQUASH_CLI(p, 0, S("rollback"), S("--yes"));
        QCOMPARE(historyIds(c), QStringList{S("0001_items")});
        QCOMPARE(inspectSchema(c), before);
        SQUASH_CLI(p, 0, S("audit"), S("verify"));
    }
};

QTEST_GUILESS_MAIN(TestCliSquashHistory)
#include "tst_clisquashhistory.moc"
