// covet-test-labels: engine
//
// Golden SQL per dialect and operation (tests/sql/golden/<dialect>/operations/
// <case>.sql: the migration script, then the script of its reverse), plus
// the rules a golden file alone does not pin down: quoting, merged SQLite
// rebuilds, the foreign-keys-off batches, and the errors. Set
// COVET_UPDATE_GOLDEN=1 to rewrite the golden files (then review the diff).

#include "operationcases.h"
#include "testsupport.h"

#include "operations/operationapplier.h"
#include "operations/operationreverser.h"
#include "sql/sqlgenerator.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace covet;
using namespace covet::test;

Q_DECLARE_METATYPE(covet::Dialect)

namespace {

void compareGolden(const QString &actual, const QString &path)
{
    if (qEnvironmentVariableIsSet("COVET_UPDATE_GOLDEN")) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.toUtf8());
        return;
    }
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("missing golden file %1 (run with COVET_UPDATE_GOLDEN=1)").arg(path)));
    const QStringList e = QString::fromUtf8(f.readAll()).split(u'\n');
    const QStringList a = actual.split(u'\n');
    for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i)
        if (e.value(i) != a.value(i))
            QFAIL(qPrintable(QStringLiteral("%1:%2 differs\n  expected: %3\n  actual:   %4").arg(path).arg(i + 1).arg(e.value(i), a.value(i))));
}

std::unique_ptr<SqlGenerator> generator(Dialect d, int sqliteVersion = 0)
{
    auto g = SqlGenerator::create(d);
    if (sqliteVersion)
        g->setSqliteVersion(sqliteVersion);
    return g;
}

} // namespace

class TestOperationSql : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<int>("index");
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
            const auto cases = operationCases(d);
            for (int i = 0; i < cases.size(); ++i)
                QTest::newRow(qPrintable(dialectName(d) + u'/' + cases.at(i).name)) << d << i;
        }
    }

    void golden()
    {
        QFETCH(Dialect, dialect);
        QFETCH(int, index);
        const OperationCase c = operationCases(dialect).at(index);
        const auto gen = generator(dialect, c.sqliteVersion);
        const Schema before = shopSchema(dialect);
        auto forward = gen->migrationScript(c.ops, before);
        COVET_VERIFY_OK(forward);
        QString text = QStringLiteral("-- %1 (%2)\n").arg(c.name, dialectName(dialect)) + *forward;
        auto after = OperationApplier::applyAll(before, c.ops);
        COVET_VERIFY_OK(after);
        auto reverse = OperationReverser::reverseAll(c.ops, before);
        if (!reverse) {
            text += QStringLiteral("-- reverse: ") + reverse.error().message() + u'\n';
        } else {
            auto back = gen->migrationScript(*reverse, *after);
            text += back ? QStringLiteral("-- reverse\n") + *back : QStringLiteral("-- reverse: ") + back.error().toString() + u'\n';
        }
        compareGolden(text, sourcePath(QStringLiteral("tests/sql/golden/%1/operations/%2.sql").arg(dialectName(dialect), c.name)));
    }

    void renderIsRenderAllOfOne()
    {
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
            const auto gen = generator(d);
            for (const OperationCase &c : operationCases(d)) {
                if (c.ops.size() != 1)
                    continue;
                auto one = gen->render(c.ops.first(), shopSchema(d));
                auto all = gen->renderAll(c.ops, shopSchema(d));
                COVET_VERIFY_OK(one);
                COVET_VERIFY_OK(all);
                QCOMPARE(*one, *all);
            }
        }
    }

    void identifiersAreQuoted()
    {
        Schema s;
        Table t;
        t.name = hostileTableName();
        t.columns << makeColumn(hostileColumnName(), SqlType(SqlType::Kind::Integer));
        s.tables << t;
        const OperationList ops{RenameColumn{{}, t.name, hostileColumnName(), QStringLiteral("x\"y`z")},
                                RenameTable{{}, t.name, QStringLiteral("new`\"name")}};
        auto pg = generator(Dialect::PostgreSQL)->renderAll(ops, s);
        COVET_VERIFY_OK(pg);
        QCOMPARE(pg->at(0), QStringLiteral("ALTER TABLE \"we\"\"ird ta`ble; sélect\" RENAME COLUMN \"Or\"\"der `Straße`\" TO \"x\"\"y`z\""));
        QCOMPARE(pg->at(1), QStringLiteral("ALTER TABLE \"we\"\"ird ta`ble; sélect\" RENAME TO \"new`\"\"name\""));
        auto my = generator(Dialect::MySQL)->renderAll(ops, s);
        COVET_VERIFY_OK(my);
        QCOMPARE(my->at(1), QStringLiteral("RENAME TABLE `we\"ird ta``ble; sélect` TO `new``\"name`"));
        // A literal is escaped too: the SQLite rebuild's foreign-key check names the table.
        Schema lite = s;
        lite.tables[0].foreignKeys << ForeignKey{{}, {hostileColumnName()}, {}, t.name, {hostileColumnName()}};
        auto rebuilt = generator(Dialect::SQLite)->renderAll({AddCheck{{}, t.name, Check{{}, QStringLiteral("1 = 1")}}}, lite);
        COVET_VERIFY_OK(rebuilt);
        QVERIFY(rebuilt->join(u'\n').contains(QStringLiteral("pragma_foreign_key_check('we\"ird ta`ble; sélect')")));
    }

    void sqliteRebuildBatches()
    {
        const auto gen = generator(Dialect::SQLite);
        const OperationCase merged = operationCases(Dialect::SQLite).at(
            [] { auto c = operationCases(Dialect::SQLite); for (int i = 0; i < c.size(); ++i) if (c.at(i).name == u"merged_rebuild") return i; return -1; }());
        auto batches = gen->renderBatches(merged.ops, shopSchema(Dialect::SQLite));
        COVET_VERIFY_OK(batches);
        QCOMPARE(batches->size(), 1);   // four operations, one rebuild
        QVERIFY(batches->first().foreignKeysOff);
        QCOMPARE(batches->first().statements.filter(QStringLiteral("CREATE TABLE \"covet_new_orders\"")).size(), 1);
        QVERIFY(!batches->first().statements.contains(QStringLiteral("BEGIN")));
        auto all = gen->renderAll(merged.ops, shopSchema(Dialect::SQLite));
        COVET_VERIFY_OK(all);
        QCOMPARE(all->first(), QStringLiteral("PRAGMA foreign_keys=OFF"));
        QCOMPARE(all->at(1), QStringLiteral("BEGIN"));
        QCOMPARE(all->at(all->size() - 2), QStringLiteral("COMMIT"));
        QCOMPARE(all->last(), QStringLiteral("PRAGMA foreign_keys=ON"));
        // Native operations are not flagged; an index between two changes splits the rebuild.
        auto native = gen->renderBatches({AddColumn{{}, QStringLiteral("orders"), col(QStringLiteral("x"), SqlType(SqlType::Kind::Integer))}},
                                         shopSchema(Dialect::SQLite));
        COVET_VERIFY_OK(native);
        QCOMPARE(native->size(), 1);
        QVERIFY(!native->first().foreignKeysOff);
        const Column note = *shopSchema(Dialect::SQLite).table(QStringLiteral("orders"))->column(QStringLiteral("note"));
        Column notNull = note;
        notNull.nullable = false;
        auto split = gen->renderBatches({AlterColumn{{}, QStringLiteral("orders"), note, notNull, {}}, DropView{{}, QStringLiteral("order_view")},
                                         AlterColumn{{}, QStringLiteral("orders"), notNull, note, {}}},
                                        shopSchema(Dialect::SQLite));
        COVET_VERIFY_OK(split);
        QCOMPARE(split->size(), 3);
        // Versions: 3.25 renames in place, 3.24 rebuilds; 3.35 drops in place, 3.34 rebuilds.
        const RenameColumn rename{{}, QStringLiteral("customers"), QStringLiteral("email"), QStringLiteral("mail")};
        const DropColumn drop{{}, QStringLiteral("customers"), QStringLiteral("email")};
        for (auto [version, op, rebuilds] : {std::tuple{3025000, Operation(rename), false}, std::tuple{3024000, Operation(rename), true},
                                             std::tuple{3035000, Operation(drop), false}, std::tuple{3034000, Operation(drop), true}}) {
            auto b = generator(Dialect::SQLite, version)->renderBatches({op}, shopSchema(Dialect::SQLite));
            COVET_VERIFY_OK(b);
            QCOMPARE(b->first().foreignKeysOff, rebuilds);
        }
    }

    void errors()
    {
        const Schema s = shopSchema(Dialect::PostgreSQL);
        const auto pg = generator(Dialect::PostgreSQL);
        auto missing = pg->render(DropColumn{{}, QStringLiteral("nope"), QStringLiteral("x")}, s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().category(), Error::Category::NotFound);
        QVERIFY2(missing.error().toString().contains(u"table nope does not exist"), qPrintable(missing.error().toString()));
        // A foreign key without a name that the schema does not know either.
        auto unnamed = pg->render(DropForeignKey{{}, QStringLiteral("orders"), ForeignKey{{}, {QStringLiteral("qty")}, {}, {}, {}}}, s);
        QVERIFY(!unnamed);
        auto shrink = pg->render(AlterEnum{*s.enumType(QStringLiteral("mood")), EnumType{{}, QStringLiteral("mood"), {QStringLiteral("happy")}}}, s);
        QVERIFY(!shrink);
        QCOMPARE(shrink.error().category(), Error::Category::Unsupported);
        QVERIFY(shrink.error().message().contains(u"'sad'"));
        // SQLite: a column a view reads cannot be dropped; before 3.25 it cannot be renamed by a rebuild.
        const Schema lite = shopSchema(Dialect::SQLite);
        auto used = generator(Dialect::SQLite)->render(DropColumn{{}, QStringLiteral("orders"), QStringLiteral("qty")}, lite);
        QVERIFY(!used);
        QCOMPARE(used.error().category(), Error::Category::Unsupported);
        QVERIFY2(used.error().message().contains(u"view order_view"), qPrintable(used.error().message()));
        auto old = generator(Dialect::SQLite, 3024000)->render(RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("qty"), QStringLiteral("q")}, lite);
        QVERIFY(!old);
        QVERIFY2(old.error().message().contains(u"3.25"), qPrintable(old.error().message()));
        auto unnamedGen = pg->render(AlterColumn{{}, QStringLiteral("orders"), *s.table(QStringLiteral("orders"))->column(QStringLiteral("qty")),
                                                 [&] { Column c = *s.table(QStringLiteral("orders"))->column(QStringLiteral("qty"));
                                                       c.generatedExpr = QStringLiteral("id * 2"); return c; }(), {}}, s);
        QVERIFY(!unnamedGen);
        QCOMPARE(unnamedGen.error().category(), Error::Category::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestOperationSql)
#include "tst_operationsql.moc"
