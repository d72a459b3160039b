// covet-test-labels: cli sqlite
// `covet squash` on a SQLite project: dry run, writing, never overwriting,
// squashing.enabled, and every database keeps working afterwards — one that
// applied all the originals, a fresh one, one that applied part of them
// (with the files, and once they are deleted), each said by `covet status`;
// conflicts: a replaced migration edited since it was applied, run_sql.
#include "clifixtures.h"
#include "testsupport.h"

#include "migrations/migrationrepository.h"
#include "migrations/squasher.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace covet;
using namespace covet::test;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A project with 0001..0004 and the database `db` (a file in it).
void makeProject(const QString &dir, const QString &db)
{
    write(dir + QStringLiteral("/covet.yaml"), QStringLiteral("dialect: sqlite\ndatabase: sqlite:%1\n").arg(db).toUtf8());
    QDir(dir).mkdir(QStringLiteral("migrations"));
    write(dir + QStringLiteral("/migrations/0001_items.yaml"), kItemsMigration);
    write(dir + QStringLiteral("/migrations/0002_qty.yaml"), kQtyMigration);
    write(dir + QStringLiteral("/migrations/0003_index.yaml"), kIndexMigration);
    write(dir + QStringLiteral("/migrations/0004_rename.yaml"), kRenameMigration);
}

int cli(const QStringList &args, const QString &dir, QString *out = nullptr, QString *err = nullptr)
{
    QString o, e;
    const int code = runCli(args, &o, &e, dir);
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

} // namespace

class TestCliSquash : public QObject
{
    Q_OBJECT

private slots:
    void dryRunWritesNothingAndShowsTheProof()
    {
        QTemporaryDir dir;
        makeProject(dir.path(), QStringLiteral("app.db"));
        QString out, err;
        QCOMPARE(cli({QStringLiteral("squash"), QStringLiteral("--dry-run")}, dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("Operations: 4 before, 1 after (75.0% fewer)")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Proof: proven")), qPrintable(out));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("migrations"))).entryList(QDir::Files).size(), 4);

        QCOMPARE(cli({QStringLiteral("squash"), QStringLiteral("--from"), QStringLiteral("2"), QStringLiteral("--keep-recent"), QStringLiteral("1"),
                      QStringLiteral("--dry-run"), QStringLiteral("--json")},
                     dir.path(), &out, &err),
                 0);
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("replaces")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("operations_before")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("operations_after")).toInt(), 2);
        QVERIFY(o.value(QStringLiteral("proof")).toObject().value(QStringLiteral("proven")).toBool());
        QVERIFY(o.value(QStringLiteral("written")).isNull());
    }

    void writesOnceAndNeverOverwrites()
    {
        QTemporaryDir dir;
        makeProject(dir.path(), QStringLiteral("app.db"));
        const QString path = dir.filePath(QStringLiteral("migrations/0005_mine.yaml"));
        write(path, "operations: []\n");
        QString out, err;
        // 0005_mine takes the number: the squash is 0006, named by --name.
        QCOMPARE(cli({QStringLiteral("squash"), QStringLiteral("--to"), QStringLiteral("0004_rename"), QStringLiteral("--name"),
                      QStringLiteral("mine")},
                     dir.path(), &out, &err),
                 0);
        QVERIFY2(QFile::exists(dir.filePath(QStringLiteral("migrations/0006_mine.yaml"))), qPrintable(out + err));
        QCOMPARE(read(path), QByteArray("operations: []\n"));
        const QByteArray written = read(dir.filePath(QStringLiteral("migrations/0006_mine.yaml")));
        QVERIFY2(written.contains(R"(replaces: ["0001_items", "0002_qty", "0003_index", "0004_rename"])"), written.constData());
        // A file already there under the squash's name is never replaced.
        QTemporaryDir second;
        makeProject(second.path(), QStringLiteral("app.db"));
        const MigrationRepository repository = MigrationRepository::load(second.filePath(QStringLiteral("migrations")));
        auto plan = Squasher::plan(repository.migrations(), covet::Dialect::SQLite, SquashRequest{});
        QVERIFY(plan && !plan->blocked());
        auto first = Squasher::write(*plan, repository.directory());
        QVERIFY(first);
        write(*first, "# mine\n");
        auto again = Squasher::write(*plan, repository.directory());
        QVERIFY(!again);
        QVERIFY2(again.error().message().contains(QStringLiteral("never overwrites")), qPrintable(again.error().toString()));
        QCOMPARE(read(*first), QByteArray("# mine\n"));
    }

    void turnedOffInCovetYaml()
    {
        QTemporaryDir dir;
        makeProject(dir.path(), QStringLiteral("app.db"));
        write(dir.filePath(QStringLiteral("covet.yaml")), "dialect: sqlite\ndatabase: sqlite:app.db\nsquashing:\n  enabled: false\n");
        QString out, err;
        QVERIFY(cli({QStringLiteral("squash")}, dir.path(), &out, &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("squashing is turned off")), qPrintable(err));
    }

    void everyDatabaseKeepsWorking()
    {
        QTemporaryDir dir;
        makeProject(dir.path(), QStringLiteral("all.db"));
        QString out, err;
        const auto on = [&](const QString &db) { return QStringList{QStringLiteral("--db"), QStringLiteral("sqlite:") + dir.filePath(db)}; };
        // all.db applied every original; part.db only up to 0002.
        QCOMPARE(cli({QStringLiteral("migrate")}, dir.path(), &out, &err), 0);
        QCOMPARE(cli(QStringList{QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0002_qty")} + on(QStringLiteral("part.db")),
                     dir.path(), &out, &err),
                 0);
        QCOMPARE(cli({QStringLiteral("squash"), QStringLiteral("--from"), QStringLiteral("2")}, dir.path(), &out, &err), 0);
        QVERIFY2(QFile::exists(dir.filePath(QStringLiteral("migrations/") + kSquashed + QStringLiteral(".yaml"))), qPrintable(out + err));

        // Applied all: counts as applied, nothing to run; the next migrate
        // records it (tst_clisquashhistory: on the three databases).
        QCOMPARE(cli({QStringLiteral("status")}, dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("all applied here: counts as applied")), qPrintable(out));
        QCOMPARE(cli({QStringLiteral("migrate")}, dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("Recorded ") + kSquashed + QStringLiteral(" as applied")), qPrintable(out));
        QCOMPARE(cli({QStringLiteral("status")}, dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("recorded as applied itself")), qPrintable(out));
        QCOMPARE(cli({QStringLiteral("migrate")}, dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("up to date")), qPrintable(out));

        // Fresh: only 0001 and the squashed migration run.
        QCOMPARE(cli(QStringList{QStringLiteral("migrate"), QStringLiteral("--json")} + on(QStringLiteral("fresh.db")), dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(kSquashed) && !out.contains(QStringLiteral("0003_index")), qPrintable(out));

        // Partly applied: the remaining originals run, status says so.
        QCOMPARE(cli(QStringList{QStringLiteral("status")} + on(QStringLiteral("part.db")), dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("partly applied here: the remaining originals are applied")), qPrintable(out));
        QCOMPARE(cli(QStringList{QStringLiteral("migrate"), QStringLiteral("--to"), QStringLiteral("0003_index")} + on(QStringLiteral("part.db")),
                     dir.path(), &out, &err),
                 0);

        // Originals deleted while part.db still lacks 0004: a clear error.
        for (const QString &f : {QStringLiteral("0002_qty"), QStringLiteral("0003_index"), QStringLiteral("0004_rename")})
            QVERIFY(QFile::remove(dir.filePath(QStringLiteral("migrations/") + f + QStringLiteral(".yaml"))));
        QVERIFY(cli(QStringList{QStringLiteral("migrate")} + on(QStringLiteral("part.db")), dir.path(), &out, &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("the files of 0004_rename are gone: restore them")), qPrintable(err));
        QCOMPARE(cli(QStringList{QStringLiteral("status")} + on(QStringLiteral("part.db")), dir.path(), &out, &err), 6);
        QVERIFY2(out.contains(QStringLiteral("files of the rest are gone")), qPrintable(out));
        // The others still work without the originals.
        QCOMPARE(cli({QStringLiteral("migrate")}, dir.path(), &out, &err), 0);
        QCOMPARE(cli(QStringList{QStringLiteral("migrate")} + on(QStringLiteral("fresh.db")), dir.path(), &out, &err), 0);
    }

    void conflictsAreReported()
    {
        QTemporaryDir dir;
        makeProject(dir.path(), QStringLiteral("app.db"));
        QString out, err;
        QCOMPARE(cli({QStringLiteral("migrate")}, dir.path(), &out, &err), 0);
        // Edited after it was applied: refused, nothing written.
        write(dir.filePath(QStringLiteral("migrations/0003_index.yaml")), QByteArray(kIndexMigration).replace("idx_items_label", "idx_label"));
        QCOMPARE(cli({QStringLiteral("squash")}, dir.path(), &out, &err), 6);
        QVERIFY2(out.contains(QStringLiteral("0003_index was edited after it was applied")), qPrintable(out));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("migrations"))).entryList(QDir::Files).size(), 4);
        // run_sql: kept as a barrier and said.
        write(dir.filePath(QStringLiteral("migrations/0003_index.yaml")), kIndexMigration);
        write(dir.filePath(QStringLiteral("migrations/0005_fill.yaml")),
              "dependencies: [0004_rename]\noperations:\n  - op: run_sql\n    forward: UPDATE items SET quantity = 1\n");
        QCOMPARE(cli({QStringLiteral("squash"), QStringLiteral("--dry-run")}, dir.path(), &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("Note: 0005_fill has a run_sql operation")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCliSquash)
#include "tst_clisquash.moc"
