// covet-test-labels: engine
#include "migrations/migrationgraph.h"
#include "runner/runplan.h"
#include "testsupport.h"

#include <QTest>

using namespace covet;

namespace {

Migration mig(const QString &id, const QStringList &deps = {}, const QStringList &replaces = {})
{
    Migration m;
    m.id = id;
    const auto parts = Migration::parseId(id);
    m.number = parts ? parts->number : 0;
    m.name = parts ? parts->name : QString();
    m.dependencies = deps;
    m.replaces = replaces;
    return m;
}

const QString a = QStringLiteral("0001_a");
const QString b = QStringLiteral("0002_b");
const QString c = QStringLiteral("0003_c");
const QString d = QStringLiteral("0004_d");

} // namespace

class TestMigrationGraph : public QObject
{
    Q_OBJECT

private slots:
    void linearOrder()
    {
        // Given out of order: the graph orders by dependency.
        const auto g = MigrationGraph::build({mig(c, {b}), mig(a), mig(b, {a})});
        QVERIFY2(g.check(), qPrintable(test::errorText(g.check())));
        QCOMPARE(g.order(), (QStringList{a, b, c}));
        QCOMPARE(g.roots(), QStringList{a});
        QCOMPARE(g.leaves(), QStringList{c});
        QCOMPARE(g.ancestors(b), (QStringList{a, b}));
        QCOMPARE(g.descendants(b), (QStringList{b, c}));
        QCOMPARE(g.ordered().size(), 3);
    }

    void dependencyBeatsNumber()
    {
        // 0002 depends on 0003: 0003 comes first.
        const auto g = MigrationGraph::build({mig(a), mig(b, {c}), mig(c, {a})});
        QVERIFY(g.check());
        QCOMPARE(g.order(), (QStringList{a, c, b}));
    }

    void mergedBranchesAreFine()
    {
        const auto g = MigrationGraph::build({mig(a), mig(b, {a}), mig(c, {a}), mig(d, {b, c})});
        QVERIFY2(g.check(), qPrintable(test::errorText(g.check())));
        QCOMPARE(g.order(), (QStringList{a, b, c, d}));
        QCOMPARE(g.dependentsOf(a), (QStringList{b, c}));
    }

    void divergentLeaves()
    {
        const auto g = MigrationGraph::build({mig(a), mig(b, {a}), mig(c, {a})});
        QCOMPARE(g.conflicts().size(), 1);
        const GraphConflict &conflict = g.conflicts().first();
        QCOMPARE(conflict.kind, GraphConflict::Kind::DivergentLeaves);
        QCOMPARE(conflict.ids, (QStringList{b, c}));
        QVERIFY2(conflict.message.contains(QStringLiteral("covet makemigrations --merge")), qPrintable(conflict.message));
        QVERIFY2(conflict.message.contains(QStringLiteral("depend on 0001_a")), qPrintable(conflict.message));
        const Status st = g.check();
        QVERIFY(!st);
        QCOMPARE(st.error().category(), Error::Category::Conflict);
        // Both branches are still ordered.
        QCOMPARE(g.order(), (QStringList{a, b, c}));
    }

    void twoRootsDiverge()
    {
        const auto g = MigrationGraph::build({mig(a), mig(b)});
        QCOMPARE(g.conflicts().size(), 1);
        QVERIFY(g.conflicts().first().message.contains(QStringLiteral("separate branches")));
    }

    void missingDependency()
    {
        const auto g = MigrationGraph::build({mig(a), mig(c, {b})});
        QVERIFY(!g.conflicts().isEmpty());
        const GraphConflict &conflict = g.conflicts().first();
        QCOMPARE(conflict.kind, GraphConflict::Kind::MissingDependency);
        QCOMPARE(conflict.ids, (QStringList{c, b}));
        QVERIFY2(conflict.message.contains(QStringLiteral("0003_c depends on 0002_b, which is not in the migrations directory")),
                 qPrintable(conflict.message));
    }

    void cycle()
    {
        const auto g = MigrationGraph::build({mig(a), mig(b, {a, d}), mig(c, {b}), mig(d, {c})});
        QList<GraphConflict> cycles;
        for (const GraphConflict &x : g.conflicts()) {
            if (x.kind == GraphConflict::Kind::Cycle)
                cycles << x;
        }
        QCOMPARE(cycles.size(), 1);
        QCOMPARE(cycles.first().ids.size(), 3);
        QVERIFY(cycles.first().ids.contains(b) && cycles.first().ids.contains(c) && cycles.first().ids.contains(d));
        QVERIFY2(cycles.first().message.contains(QStringLiteral("dependency cycle")), qPrintable(cycles.first().message));
        QCOMPARE(g.order(), QStringList{a});   // the cycle cannot be ordered
        const Status st = g.check();
        QVERIFY(!st);
        QCOMPARE(st.error().category(), Error::Category::Conflict);
    }

    void squashedReplacesOriginals()
    {
        // 0004 squashes 0001..0003; 0005 depends on 0003 (a replaced id).
        const QString s = QStringLiteral("0004_squashed");
        const QString e = QStringLiteral("0005_e");
        const QList<Migration> all{mig(a), mig(b, {a}), mig(c, {b}), mig(s, {}, {a, b, c}), mig(e, {c})};
        const auto fresh = MigrationGraph::build(all);
        QVERIFY2(fresh.check(), qPrintable(test::errorText(fresh.check())));
        QCOMPARE(fresh.order(), (QStringList{s, e}));
        QCOMPARE(fresh.skipped(), (QStringList{a, b, c}));
        QCOMPARE(fresh.dependenciesOf(e), QStringList{s});
        // All originals applied: the squash stands for them too.
        const auto done = MigrationGraph::build(all, {a, b, c});
        QCOMPARE(done.order(), (QStringList{s, e}));
        // Partly applied: the originals are used, the squash is skipped.
        const auto partly = MigrationGraph::build(all, {a});
        QVERIFY2(partly.check(), qPrintable(test::errorText(partly.check())));
        QCOMPARE(partly.order(), (QStringList{a, b, c, e}));
        QCOMPARE(partly.skipped(), QStringList{s});
        // Replaced files deleted after squashing: still fine.
        const auto pruned = MigrationGraph::build({mig(s, {}, {a, b, c}), mig(e, {c})});
        QVERIFY(pruned.check());
        QCOMPARE(pruned.order(), (QStringList{s, e}));
    }

    void squashRecordedAndRolledBack()
    {
        // The cases and what RunSelection rolls back: through the originals
        // while their files are there, else the squashed migration as one.
        const QString s = QStringLiteral("0004_squashed");
        const QString e = QStringLiteral("0005_e");
        const QList<Migration> all{mig(a), mig(b, {a}), mig(c, {b}), mig(s, {a}, {b, c}), mig(e, {c})};
        const QList<Migration> pruned{mig(a), mig(s, {a}, {b, c}), mig(e, {c})};
        auto rows = [](const QStringList &ids) {
            QList<AppliedMigration> out;
            for (const QString &id : ids)
                out << AppliedMigration{id, {}, {}, {}, 0};
            return out;
        };
        auto selection = [&](const QList<Migration> &files, const QStringList &applied) {
            return RunSelection(std::make_shared<const MigrationGraph>(MigrationGraph::build(files, QSet<QString>(applied.begin(), applied.end()))),
                                rows(applied));
        };
        const auto recorded = MigrationGraph::build(all, {a, b, c, s});
        QCOMPARE(recorded.squashCase(s), MigrationGraph::SquashCase::Recorded);
        QCOMPARE(recorded.appliedSquashOf(b), s);
        QVERIFY(recorded.originalsPresent(s));
        QCOMPARE(MigrationGraph::build(all, {a, b, c}).appliedSquashOf(c), s);          // AllApplied
        QVERIFY(MigrationGraph::build(all, {a, b}).appliedSquashOf(b).isEmpty());        // Partial
        QCOMPARE(MigrationGraph::build(all, {a, s}).squashCase(s), MigrationGraph::SquashCase::Fresh);
        QVERIFY(!MigrationGraph::build(pruned, {a, b, c, s}).originalsPresent(s));

        // Files there: the originals, last first; --to an original keeps it.
        const RunSelection through = selection(all, {a, b, c, s, e});
        QCOMPARE(*through.rollback({}, 2), (QStringList{e, c}));
        QCOMPARE(*through.rollback(b), (QStringList{e, c}));
        QCOMPARE(*through.rollback(a), (QStringList{e, c, b}));
        QCOMPARE(through.expandedSquashOf(c), s);
        QCOMPARE(through.rollbackOrder().size(), 4);   // a, b, c, e
        // Files gone: the squashed migration as one; into it is refused.
        const RunSelection whole = selection(pruned, {a, b, c, s, e});
        QCOMPARE(*whole.rollback({}, 2), (QStringList{e, s}));
        QCOMPARE(*whole.rollback(a), (QStringList{e, s}));
        QVERIFY(!whole.rollback(b));
        // Applied fresh: as one.
        QCOMPARE(*selection(all, {a, s}).rollback(), QStringList{s});
    }

    void emptyGraph()
    {
        const auto g = MigrationGraph::build({});
        QVERIFY(g.check());
        QVERIFY(g.order().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrationGraph)
#include "tst_migrationgraph.moc"
