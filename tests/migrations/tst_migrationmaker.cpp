// covet-test-labels: engine sqlite
#include "migrations/historyreplay.h"
#include "migrations/migrationfile.h"
#include "migrations/migrationgraph.h"
#include "runner/migrationmaker.h"
#include "migrations/migrationrepository.h"
#include "migrations/projectconfig.h"
#include "itemsproject.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace covet;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A copy of resources/demo (covet.yaml, models.yaml, migrations 0001-0002).
void copyDemo(const QString &target)
{
    const QString source = test::sourcePath(QStringLiteral("resources/demo"));
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString dest = target + u'/' + QDir(source).relativeFilePath(file);
        QDir().mkpath(QFileInfo(dest).absolutePath());
        QFile::copy(file, dest);
    }
}

ProjectConfig readConfig(const QString &dir)
{
    auto c = ProjectConfig::read(dir + QStringLiteral("/covet.yaml"));
    if (!c)
        qFatal("%s", qPrintable(c.error().toString()));
    return *c;
}

template <class T>
int countOps(const OperationList &ops)
{
    int n = 0;
    for (const Operation &op : ops)
        n += std::holds_alternative<T>(op) ? 1 : 0;
    return n;
}

class RecordingPrompt : public RenamePrompt
{
public:
    explicit RecordingPrompt(Answer answer) : m_answer(answer) {}
    Answer ask(const RenameCandidate &c) override
    {
        asked << c;
        return m_answer;
    }
    QList<RenameCandidate> asked;

private:
    Answer m_answer;
};

} // namespace

class TestMigrationMaker : public QObject
{
    Q_OBJECT

private slots:
    void demoProducesRenamesAddedColumnAndTable()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        const MigrationMaker maker(readConfig(dir.path()));

        auto r = maker.make({});
        COVET_VERIFY_OK(r);
        QVERIFY(r->hasChanges());
        const Migration &m = *r->migration;
        QCOMPARE(m.number, 4);
        QCOMPARE(m.dependencies, QStringList{QStringLiteral("0003_product_flags")});
        QVERIFY(QFileInfo::exists(r->path));
        QCOMPARE(QFileInfo(r->path).fileName(), m.fileName());
        QCOMPARE(m.name, QStringLiteral("rename_customers_name_full_name_and_more"));
        QVERIFY2(m.description.contains(u"Rename column customers.name to full_name"), qPrintable(m.description));

        QCOMPARE(countOps<RenameColumn>(m.operations), 2);
        QCOMPARE(countOps<DropColumn>(m.operations), 0);
        QCOMPARE(countOps<AddColumn>(m.operations), 1);
        QCOMPARE(countOps<CreateTable>(m.operations), 1);
        QVERIFY(m.operations.contains(Operation(RenameColumn{{}, QStringLiteral("customers"), QStringLiteral("name"), QStringLiteral("full_name")})));
        QVERIFY(m.operations.contains(Operation(RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at")})));
        for (const RenameCandidate &c : r->diff.renameCandidates) {
            if (c.from == u"name")
                QCOMPARE(c.source, RenameCandidate::Source::Hint);
            if (c.from == u"placed")
                QCOMPARE(c.source, RenameCandidate::Source::Score);
        }

        // The written file reads back as the migration, and replaying the
        // history now gives the models: a second run finds no changes.
        auto reread = MigrationFile::read(r->path);
        COVET_VERIFY_OK(reread);
        QCOMPARE(reread->operations, m.operations);
        auto again = maker.make({});
        COVET_VERIFY_OK(again);
        QVERIFY(!again->hasChanges());
        QVERIFY(again->diff.isEmpty());
    }

    void dryRunWritesNothing()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        MakeMigrationsOptions o;
        o.dryRun = true;
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        QVERIFY(r->hasChanges());
        QVERIFY(!QFileInfo::exists(r->path));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("migrations"))).entryList(QDir::Files).size(), 3);
    }

    void writesOnlyWhatWasReviewed()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        MakeMigrationsOptions o;
        o.dryRun = true;
        auto preview = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(preview);
        QVERIFY(preview->hasChanges());

        // Something else changed meanwhile: refused, nothing written.
        o.dryRun = false;
        OperationList stale = preview->migration->operations;
        stale.removeLast();
        o.expectedOperations = stale;
        auto refused = MigrationMaker(readConfig(dir.path())).make(o);
        QVERIFY(!refused);
        QCOMPARE(refused.error().category(), Error::Category::Conflict);
        QVERIFY(!QFileInfo::exists(preview->path));

        o.expectedOperations = preview->migration->operations;
        auto written = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(written);
        QCOMPARE(written->path, preview->path);
        QVERIFY(QFileInfo::exists(written->path));
    }

        void belowThresholdIsDropAndAddUnlessDecided()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        const MigrationMaker maker(readConfig(dir.path()));
        MakeMigrationsOptions o;
        o.dryRun = true;

        auto r = maker.make(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->diff.renameCandidates.size(), 1);
        const RenameCandidate c = r->diff.renameCandidates.first();
        QVERIFY2(c.score < 0.99, qPrintable(QString::number(c.score)));
        QVERIFY(!c.accepted);
        QCOMPARE(countOps<DropColumn>(r->migration->operations), 1);
        QCOMPARE(countOps<AddColumn>(r->migration->operations), 1);
        QCOMPARE(countOps<RenameColumn>(r->migration->operations), 0);

        RenameDecisions decisions;
        decisions.set(c, RenameDecisions::Verdict::Accept);
        o.decisions = &decisions;
        auto decided = maker.make(o);
        COVET_VERIFY_OK(decided);
        QCOMPARE(countOps<RenameColumn>(decided->migration->operations), 1);
        QCOMPARE(countOps<DropColumn>(decided->migration->operations), 0);
        QCOMPARE(decided->diff.renameCandidates.first().source, RenameCandidate::Source::Decision);
    }

    void promptDecidesScoredCandidates()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        MakeMigrationsOptions o;
        o.dryRun = true;
        RecordingPrompt accept(RenamePrompt::Answer::Accept);
        o.prompt = &accept;
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(accept.asked.size(), 1);   // asked once, not again after re-diffing
        QCOMPARE(accept.asked.first().from, QStringLiteral("title"));
        QCOMPARE(countOps<RenameColumn>(r->migration->operations), 1);

        RecordingPrompt keep(RenamePrompt::Answer::Default);
        o.prompt = &keep;
        auto kept = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(kept);
        QCOMPARE(keep.asked.size(), 1);
        QCOMPARE(countOps<RenameColumn>(kept->migration->operations), 0);
    }

    void promptIsNotAskedAboutHintsAndCanReject()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        MakeMigrationsOptions o;
        o.dryRun = true;
        RecordingPrompt reject(RenamePrompt::Answer::Reject);
        o.prompt = &reject;
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        // customers.name -> full_name is a renamed_from hint: not asked.
        QCOMPARE(reject.asked.size(), 1);
        QCOMPARE(reject.asked.first().from, QStringLiteral("placed"));
        QCOMPARE(countOps<RenameColumn>(r->migration->operations), 1);
        QVERIFY(r->migration->operations.contains(Operation(DropColumn{{}, QStringLiteral("orders"), QStringLiteral("placed")})));
    }

    void promptAnswersAreMergedIntoTheDecisionsFile()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        QTemporaryDir pristine;
        test::writeItemsProject(pristine.path());
        const QString file = dir.filePath(QStringLiteral("decisions.yaml"));
        const QByteArray before = "version: 1\nrenames:\n  - {kind: table, from: old_a, to: new_a, decision: reject}\n"
                                  "  - {kind: column, table: items, from: title, to: heading, decision: reject}\n";
        writeFile(file, before);
        RecordingPrompt accept(RenamePrompt::Answer::Accept);
        MakeMigrationsOptions o;
        o.prompt = &accept;
        o.answersPath = file;

        o.dryRun = true;   // computes the answers, saves nothing
        auto dry = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(dry);
        QCOMPARE(dry->answers.size(), 1);
        QVERIFY(dry->answersPath.isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        f.close();

        o.dryRun = false;
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->answersPath, file);
        auto saved = RenameDecisions::read(file);
        COVET_VERIFY_OK(saved);
        QCOMPARE(saved->size(), 2);   // the other decision kept, this one updated
        QCOMPARE(saved->verdict(accept.asked.first()), RenameDecisions::Verdict::Accept);
        QCOMPARE(saved->entries().first().from, QStringLiteral("old_a"));
        QCOMPARE(saved->entries().first().verdict, RenameDecisions::Verdict::Reject);

        // Without a prompt, the saved decisions reproduce the same migration...
        MakeMigrationsOptions ci;
        ci.dryRun = true;
        ci.decisions = &*saved;
        auto again = MigrationMaker(readConfig(pristine.path())).make(ci);
        COVET_VERIFY_OK(again);
        QVERIFY(again->hasChanges());
        QCOMPARE(again->migration->operations, r->migration->operations);
        // ...and agree with the migration written (--check: no changes).
        auto check = MigrationMaker(readConfig(dir.path())).make(ci);
        COVET_VERIFY_OK(check);
        QVERIFY(!check->hasChanges());
    }

    void defaultAnswerIsSavedBesideCovetYaml()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        const QString file = dir.filePath(QStringLiteral("renames.yaml"));
        QCOMPARE(MigrationMaker::decisionsPathFor(readConfig(dir.path())), file);
        RecordingPrompt keep(RenamePrompt::Answer::Default);
        MakeMigrationsOptions o;
        o.prompt = &keep;
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->answersPath, file);
        auto saved = RenameDecisions::read(file);
        COVET_VERIFY_OK(saved);
        // Enter kept what the score said (below the threshold: not a rename), and that is recorded.
        QCOMPARE(saved->size(), 1);
        QCOMPARE(saved->verdict(keep.asked.first()), RenameDecisions::Verdict::Reject);
        QCOMPARE(countOps<RenameColumn>(r->migration->operations), 0);

        // A decisions file that does not read is left alone, and nothing is written.
        QTemporaryDir broken;
        test::writeItemsProject(broken.path());
        writeFile(broken.filePath(QStringLiteral("renames.yaml")), "renames: 5\n");
        RecordingPrompt accept(RenamePrompt::Answer::Accept);
        o.prompt = &accept;
        auto bad = MigrationMaker(readConfig(broken.path())).make(o);
        QVERIFY(!bad);
        QVERIFY2(bad.error().message().contains(u"not saved"), qPrintable(bad.error().toString()));
        QVERIFY2(bad.error().location().contains(u"renames.yaml"), qPrintable(bad.error().toString()));
        QCOMPARE(QDir(broken.filePath(QStringLiteral("migrations"))).entryList(QDir::Files).size(), 1);
        QFile f(broken.filePath(QStringLiteral("renames.yaml")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("renames: 5\n"));
    }

    void emptyMigration()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        MakeMigrationsOptions o;
        o.mode = MakeMigrationsOptions::Mode::Empty;
        o.name = QStringLiteral("backfill");
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->migration->id, QStringLiteral("0004_backfill"));
        QVERIFY(r->migration->operations.isEmpty());
        QCOMPARE(r->migration->dependencies, QStringList{QStringLiteral("0003_product_flags")});
        auto reread = MigrationFile::read(r->path);
        COVET_VERIFY_OK(reread);
        QCOMPARE(reread->id, QStringLiteral("0004_backfill"));
    }

    void divergentLeavesNeedAMerge()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        writeFile(dir.filePath(QStringLiteral("migrations/0004_side.yaml")),
                  "dependencies: [0002_customer_loyalty]\noperations:\n  - {op: run_sql, forward: SELECT 1, reverse: SELECT 1}\n");
        const MigrationMaker maker(readConfig(dir.path()));

        auto refused = maker.make({});
        QVERIFY(!refused);
        QCOMPARE(refused.error().category(), Error::Category::Conflict);
        QVERIFY2(refused.error().message().contains(u"--merge"), qPrintable(refused.error().message()));

        MakeMigrationsOptions o;
        o.mode = MakeMigrationsOptions::Mode::Merge;
        auto merged = maker.make(o);
        COVET_VERIFY_OK(merged);
        QCOMPARE(merged->migration->number, 5);
        QStringList deps = merged->migration->dependencies;
        deps.sort();
        QCOMPARE(deps, (QStringList{QStringLiteral("0003_product_flags"), QStringLiteral("0004_side")}));
        QCOMPARE(merged->migration->name, QStringLiteral("merge_0003_0004"));

        const MigrationGraph graph = MigrationGraph::build(MigrationRepository::load(dir.filePath(QStringLiteral("migrations"))).migrations());
        QVERIFY(graph.conflicts().isEmpty());
        QCOMPARE(graph.leaves(), QStringList{QStringLiteral("0005_merge_0003_0004")});

        // Now a single leaf: nothing to merge, and the diff works again.
        QVERIFY(!maker.make(o));
        auto next = maker.make({});
        COVET_VERIFY_OK(next);
        QCOMPARE(next->migration->dependencies, QStringList{QStringLiteral("0005_merge_0003_0004")});
    }

    void sqlDdlAsDesiredSchema()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        writeFile(dir.filePath(QStringLiteral("schema.sql")),
                  "CREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL, price NUMERIC(10,2));\n");
        MakeMigrationsOptions o;
        o.modelsPath = dir.filePath(QStringLiteral("schema.sql"));
        auto r = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->migration->operations.size(), 1);
        QVERIFY(std::holds_alternative<AddColumn>(r->migration->operations.first()));
        QCOMPARE(r->migration->name, QStringLiteral("add_items_price"));
        auto again = MigrationMaker(readConfig(dir.path())).make(o);
        COVET_VERIFY_OK(again);
        QVERIFY(!again->hasChanges());
    }

    void errorsStopBeforeWriting()
    {
        QTemporaryDir dir;
        copyDemo(dir.path());
        const MigrationMaker maker(readConfig(dir.path()));

        MakeMigrationsOptions badName;
        badName.name = QStringLiteral("../evil");
        auto r1 = maker.make(badName);
        QVERIFY(!r1);
        QCOMPARE(r1.error().category(), Error::Category::InvalidInput);

        writeFile(dir.filePath(QStringLiteral("broken.yaml")), "tables:\n  - name: t\n    colums: []\n");
        MakeMigrationsOptions broken;
        broken.modelsPath = dir.filePath(QStringLiteral("broken.yaml"));
        auto r2 = maker.make(broken);
        QVERIFY(!r2);
        QCOMPARE(r2.error().category(), Error::Category::InvalidInput);
        QVERIFY2(r2.error().toString().contains(QStringLiteral("broken.yaml:")), qPrintable(r2.error().toString()));

        MakeMigrationsOptions missing;
        missing.modelsPath = dir.filePath(QStringLiteral("nope.yaml"));
        auto r3 = maker.make(missing);
        QVERIFY(!r3);
        QCOMPARE(r3.error().category(), Error::Category::NotFound);

        // An invalid migration file stops it too.
        writeFile(dir.filePath(QStringLiteral("migrations/0004_bad.yaml")), "operations: [oops\n");
        auto r4 = maker.make({});
        QVERIFY(!r4);
        QVERIFY2(r4.error().toString().contains(QStringLiteral("0004_bad.yaml")), qPrintable(r4.error().toString()));

        QCOMPARE(QDir(dir.filePath(QStringLiteral("migrations"))).entryList(QDir::Files).size(), 4);
    }

    void firstMigrationIsInitial()
    {
        QTemporaryDir dir;
        test::writeItemsProject(dir.path());
        QFile::remove(dir.filePath(QStringLiteral("migrations/0001_items.sql")));
        auto r = MigrationMaker(readConfig(dir.path())).make({});
        COVET_VERIFY_OK(r);
        QCOMPARE(r->migration->id, QStringLiteral("0001_initial"));
        QVERIFY(r->migration->dependencies.isEmpty());
        QCOMPARE(countOps<CreateTable>(r->migration->operations), 1);

        // Without a migrations directory: NotFound, pointing at `covet init`.
        QVERIFY(QDir(dir.filePath(QStringLiteral("migrations"))).removeRecursively());
        auto missing = MigrationMaker(readConfig(dir.path())).make({});
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::NotFound);
    }

    void derivedNames()
    {
        Table t;
        t.name = QStringLiteral("Order Lines");
        QCOMPARE(MigrationMaker::deriveName({CreateTable{t}}), QStringLiteral("create_order_lines"));
        QCOMPARE(MigrationMaker::deriveName({}), QStringLiteral("auto"));
        Column c;
        c.name = QStringLiteral("a");
        const OperationList sameTable{AddColumn{{}, QStringLiteral("t"), c}, DropColumn{{}, QStringLiteral("t"), QStringLiteral("b")}};
        QCOMPARE(MigrationMaker::deriveName(sameTable), QStringLiteral("alter_t"));
        t.name = QString(200, u'x');
        const QString longName = MigrationMaker::deriveName({CreateTable{t}, DropTable{{}, QStringLiteral("y")}});
        QVERIFY(longName.size() <= 60);
        QVERIFY(longName.endsWith(u"_and_more"));
        QVERIFY(MigrationMaker::isValidName(longName));
        QVERIFY(!MigrationMaker::isValidName(QStringLiteral("Bad-Name")));
        QVERIFY(!MigrationMaker::isValidName(QString()));
    }
};

QTEST_GUILESS_MAIN(TestMigrationMaker)
#include "tst_migrationmaker.moc"
