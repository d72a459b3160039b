// covet-test-labels: engine
#include "sampleoperations.h"
#include "testsupport.h"

#include "operations/operationapplier.h"
#include "operations/operationdescriber.h"
#include "operations/operationreverser.h"

#include <QTest>

using namespace covet;

class TstOperationReverser : public QObject
{
    Q_OBJECT

private slots:
    void reverseAllUndoesAWholeList()
    {
        const Schema before = test::richPgSchema();
        OperationList ops;
        // Every type except those that remove what a later sample uses.
        const QStringList skip = {QStringLiteral("drop_namespace"), QStringLiteral("drop_column"), QStringLiteral("rename_table"),
                                  QStringLiteral("drop_table"), QStringLiteral("drop_enum")};
        for (const test::SampleOperation &s : test::sampleOperations())
            if (!skip.contains(s.label))
                ops << s.op;
        QCOMPARE(ops.size(), qsizetype(std::variant_size_v<Operation>) - skip.size());
        auto after = OperationApplier::applyAll(before, ops);
        COVET_VERIFY_OK(after);
        auto reversed = OperationReverser::reverseAll(ops, before);
        COVET_VERIFY_OK(reversed);
        auto back = OperationApplier::applyAll(*after, *reversed);
        COVET_VERIFY_OK(back);
        QCOMPARE(test::withColumnsByName(*back), test::withColumnsByName(before));
    }

    void dropsComeBackWholeFromTheSchemaBefore()
    {
        const Schema before = test::richPgSchema();
        auto r = OperationReverser::reverse(DropTable{{}, QStringLiteral("orders")}, before);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(std::get<CreateTable>(r->first()).table, *before.table(QStringLiteral("orders")));

        // A dropped column comes back with its index.
        auto c = OperationReverser::reverse(DropColumn{{}, QStringLiteral("orders"), QStringLiteral("status")}, before);
        COVET_VERIFY_OK(c);
        QCOMPARE(c->size(), 2);
        QVERIFY(std::holds_alternative<AddColumn>(c->at(0)));
        QCOMPARE(std::get<CreateIndex>(c->at(1)).index.name, QStringLiteral("orders_open_idx"));
    }

    void runSqlWithoutReverseIsIrreversible()
    {
        RunSql sql;
        sql.forward = QStringLiteral("DELETE FROM orders WHERE total = 0");
        auto r = OperationReverser::reverse(sql, test::richPgSchema());
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::Unsupported);
        QVERIFY2(r.error().message().contains(QStringLiteral("run_sql")), qPrintable(r.error().toString()));
        QVERIFY2(r.error().message().contains(QStringLiteral("cannot be reversed")), qPrintable(r.error().toString()));
        QVERIFY2(r.error().location().contains(QStringLiteral("DELETE FROM orders")), qPrintable(r.error().toString()));

        // In a list, the error says which operation.
        auto all = OperationReverser::reverseAll({DropIndex{{}, QStringLiteral("orders"), QStringLiteral("orders_open_idx")}, sql},
                                                 test::richPgSchema());
        QVERIFY(!all);
        QVERIFY2(all.error().toString().contains(QStringLiteral("operation 2")), qPrintable(all.error().toString()));

        sql.reverseByDialect.insert(QStringLiteral("postgresql"), QStringLiteral("SELECT 1"));
        auto ok = OperationReverser::reverse(sql, test::richPgSchema());
        COVET_VERIFY_OK(ok);
        QCOMPARE(std::get<RunSql>(ok->first()).forwardByDialect.value(QStringLiteral("postgresql")), QStringLiteral("SELECT 1"));
    }

    void missingTargetsAreNamed()
    {
        const Schema before = test::richPgSchema();
        auto r = OperationReverser::reverse(DropIndex{{}, QStringLiteral("orders"), QStringLiteral("ghost_idx")}, before);
        QVERIFY(!r);
        QCOMPARE(r.error().category(), Error::Category::NotFound);
        QVERIFY2(r.error().message().contains(QStringLiteral("index ghost_idx on orders")), qPrintable(r.error().toString()));
        auto t = OperationReverser::reverse(DropTable{QStringLiteral("billing"), QStringLiteral("ghost")}, before);
        QVERIFY(!t);
        QVERIFY2(t.error().toString().contains(QStringLiteral("table billing.ghost does not exist")), qPrintable(t.error().toString()));
    }

    void describerReadsLikeASentence()
    {
        QCOMPARE(OperationDescriber::describe(RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at")}),
                 QStringLiteral("Rename column orders.placed to placed_at"));
        for (const test::SampleOperation &s : test::sampleOperations())
            QVERIFY2(!OperationDescriber::describe(s.op).isEmpty(), qPrintable(s.label));
        const Column a = test::makeColumn(QStringLiteral("total"), SqlType::decimal(10, 2), true);
        const Column b = test::makeColumn(QStringLiteral("total"), SqlType::decimal(12, 2), false);
        QCOMPARE(OperationDescriber::describe(AlterColumn{{}, QStringLiteral("orders"), a, b, {}}),
                 QStringLiteral("Alter column orders.total: type numeric(10,2) -> numeric(12,2), NULL -> NOT NULL"));
    }
};

QTEST_GUILESS_MAIN(TstOperationReverser)
#include "tst_operationreverser.moc"
