// covet-test-labels: engine sqlite
// SquashProject: what `covet squash` and Studio's Squash dialog both read —
// whether squashing is offered (squashing.enabled, at least two
// migrations), the range ids, the dialect, the default name for a range,
// and the checksums a database recorded (a replaced file edited since it was
// applied is a blocking conflict).
#include "../cli/clifixtures.h"
#include "db/connection.h"
#include "db/sqlexecutor.h"
#include "migrationtestsupport.h"
#include "migrations/migrationhistory.h"
#include "migrations/projectconfig.h"
#include "migrations/squashproject.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

// 0001..0004 (items, a column, an index, a rename); `extra` goes into covet.yaml.
ProjectConfig makeProject(const QString &dir, const QByteArray &extra = {})
{
    const QString migrations = dir + QStringLiteral("/migrations");
    QDir().mkpath(migrations);
    test::writeFile(dir + QStringLiteral("/covet.yaml"), "dialect: sqlite\ndatabase: sqlite:app.db\nmigrations: migrations\n" + extra);
    test::writeMigration(migrations, QStringLiteral("0001_items.yaml"), test::kItemsMigration);
    test::writeMigration(migrations, QStringLiteral("0002_qty.yaml"), test::kQtyMigration);
    test::writeMigration(migrations, QStringLiteral("0003_index.yaml"), test::kIndexMigration);
    test::writeMigration(migrations, QStringLiteral("0004_rename.yaml"), test::kRenameMigration);
    auto config = ProjectConfig::read(dir + QStringLiteral("/covet.yaml"));
    if (!config)
        qFatal("%s", qPrintable(config.error().toString()));
    return *config;
}

} // namespace

class TestSquashProject : public QObject
{
    Q_OBJECT

private slots:
    void availability()
    {
        using A = SquashProject::Availability;
        QCOMPARE(SquashProject::availability(false, 5), A::Disabled);
        QCOMPARE(SquashProject::availability(true, 1), A::TooFew);
        QCOMPARE(SquashProject::availability(true, 2), A::Available);

        QTemporaryDir tmp;
        auto off = SquashProject::load(makeProject(tmp.filePath(QStringLiteral("off")), "squashing:\n  enabled: false\n"), QString());
        QVERIFY(off);
        QCOMPARE(off->availability(), A::Disabled);
        QVERIFY(off->unavailableError());
        QVERIFY2(off->unavailableError()->message().contains(QStringLiteral("squashing is turned off")), qPrintable(off->unavailableError()->message()));
        auto on = SquashProject::load(makeProject(tmp.filePath(QStringLiteral("on"))), QString());
        QVERIFY(on);
        QCOMPARE(on->availability(), A::Available);
        QVERIFY(!on->unavailableError());
    }

    void rangeIdsDialectAndDefaultName()
    {
        QTemporaryDir tmp;
        auto project = SquashProject::load(makeProject(tmp.path()), QString(), QStringLiteral("postgresql://scratch/db"));
        QVERIFY(project);
        QCOMPARE(project->ids, (QStringList{"0001_items", "0002_qty", "0003_index", "0004_rename"}));
        QCOMPARE(project->dialect, Dialect::SQLite);
        QCOMPARE(project->devUrl, QStringLiteral("postgresql://scratch/db"));
        QCOMPARE(project->defaultName({}), QStringLiteral("squashed_0001_0004"));
        SquashRequest request;
        request.from = QStringLiteral("2");
        request.keepRecent = 1;
        QCOMPARE(project->defaultName(request), QStringLiteral("squashed_0002_0003"));
        auto plan = project->plan(request);
        QVERIFY(plan);
        QCOMPARE(plan->squashed.name, QStringLiteral("squashed_0002_0003"));
        // A range of one: no name, and the plan says why.
        request.keepRecent = 2;
        QVERIFY(project->defaultName(request).isEmpty());
        QVERIFY(!project->plan(request));
    }

    void recordedChecksumsFindEditedFiles()
    {
        QTemporaryDir tmp;
        const ProjectConfig config = makeProject(tmp.path());
        const QString url = QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("app.db"));
        {
            auto c = Connection::open(url, QStringLiteral("record"), true);
            QVERIFY(c);
            SqlExecutor sql((*c)->database(), (*c)->dialect());
            QVERIFY(MigrationHistory::ensure(sql));
            QVERIFY(MigrationHistory::record(sql, AppliedMigration{QStringLiteral("0002_qty"), QStringLiteral("0123456789abcdef"),
                                                                   MigrationHistory::nowUtc(), QStringLiteral("me@here"), 1}));
        }
        auto project = SquashProject::load(config, url);
        QVERIFY(project);
        QCOMPARE(project->appliedChecksums.value(QStringLiteral("0002_qty")), QStringLiteral("0123456789abcdef"));
        QVERIFY(project->warnings.isEmpty());
        auto plan = project->plan({});
        QVERIFY(plan);
        QVERIFY(plan->blocked());
        QCOMPARE(plan->conflicts.size(), 1);
        QCOMPARE(plan->conflicts.first().kind, SquashConflict::Kind::EditedSinceApplied);
        QCOMPARE(plan->conflicts.first().migration, QStringLiteral("0002_qty"));

        // A database that does not exist yet: nothing recorded, no warning.
        auto fresh = SquashProject::load(config, QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("none.db")));
        QVERIFY(fresh);
        QVERIFY(fresh->appliedChecksums.isEmpty());
        QVERIFY(fresh->warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSquashProject)
#include "tst_squashproject.moc"
