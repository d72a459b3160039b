// covet-test-labels: engine
#include "sampleoperations.h"
#include "testsupport.h"

#include "operations/operationapplier.h"
#include "operations/operationjson.h"
#include "operations/operationreverser.h"

#include <QTest>

using namespace covet;

Q_DECLARE_METATYPE(covet::Operation)

class TstOperationApplier : public QObject
{
    Q_OBJECT

private slots:
    void everyTypeIsCovered()
    {
        QSet<QString> names;
        for (const test::SampleOperation &s : test::sampleOperations())
            names.insert(OperationJson::name(s.op));
        QCOMPARE(names.size(), qsizetype(std::variant_size_v<Operation>));
    }

    void applyThenReverseGivesTheOriginal_data()
    {
        QTest::addColumn<Operation>("op");
        for (const test::SampleOperation &s : test::sampleOperations())
            QTest::newRow(qPrintable(s.label)) << s.op;
    }

    void applyThenReverseGivesTheOriginal()
    {
        QFETCH(Operation, op);
        const Schema before = test::richPgSchema();
        auto after = OperationApplier::applyAll(before, {op});
        COVET_VERIFY_OK(after);
        if (!std::holds_alternative<RunSql>(op))
            QVERIFY2(test::withColumnsByName(*after) != test::withColumnsByName(before), "the operation changed nothing");
        auto reverse = OperationReverser::reverse(op, before);
        COVET_VERIFY_OK(reverse);
        auto back = OperationApplier::applyAll(*after, *reverse);
        COVET_VERIFY_OK(back);
        QCOMPARE(test::withColumnsByName(*back), test::withColumnsByName(before));
    }

    void renamesFollowIntoConstraintsAndOtherTables()
    {
        auto s = OperationApplier::applyAll(test::richPgSchema(),
                                            {RenameColumn{{}, QStringLiteral("customers"), QStringLiteral("id"), QStringLiteral("cid")},
                                             RenameTable{{}, QStringLiteral("customers"), QStringLiteral("clients")}});
        COVET_VERIFY_OK(s);
        const Table *clients = s->table(QStringLiteral("clients"));
        QVERIFY(clients);
        QCOMPARE(clients->primaryKey->columns, QStringList{QStringLiteral("cid")});
        const ForeignKey &fk = s->table(QStringLiteral("orders"))->foreignKeys.first();
        QCOMPARE(fk.refTable, QStringLiteral("clients"));
        QCOMPARE(fk.refColumns, QStringList{QStringLiteral("cid")});
        const ForeignKey &invoiceFk = s->table(QStringLiteral("invoices"), QStringLiteral("billing"))->foreignKeys.first();
        QCOMPARE(invoiceFk.refTable, QStringLiteral("clients"));   // an empty refSchema is the default namespace
    }

    void droppingAColumnDropsWhatUsesIt()
    {
        auto s = OperationApplier::applyAll(test::richPgSchema(), {DropColumn{{}, QStringLiteral("orders"), QStringLiteral("status")}});
        COVET_VERIFY_OK(s);
        QVERIFY(!s->table(QStringLiteral("orders"))->index(QStringLiteral("orders_open_idx")));
        QVERIFY(!s->table(QStringLiteral("orders"))->column(QStringLiteral("status")));
    }

    void errorsNameWhatIsMissing_data()
    {
        QTest::addColumn<Operation>("op");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("category");
        const int nf = int(Error::Category::NotFound);
        const int conflict = int(Error::Category::Conflict);
        QTest::newRow("table") << Operation(DropTable{{}, QStringLiteral("nope")}) << QStringLiteral("table nope does not exist") << nf;
        QTest::newRow("qualified table") << Operation(AddColumn{QStringLiteral("billing"), QStringLiteral("orders"), test::makeColumn(QStringLiteral("x"), SqlType(SqlType::Kind::Text))})
                                         << QStringLiteral("table billing.orders does not exist") << nf;
        QTest::newRow("column") << Operation(DropColumn{{}, QStringLiteral("orders"), QStringLiteral("nope")})
                                << QStringLiteral("column orders.nope does not exist") << nf;
        QTest::newRow("rename source") << Operation(RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("nope"), QStringLiteral("x")})
                                       << QStringLiteral("column orders.nope does not exist") << nf;
        QTest::newRow("rename target") << Operation(RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("note"), QStringLiteral("total")})
                                       << QStringLiteral("column orders.total already exists") << conflict;
        QTest::newRow("index") << Operation(DropIndex{{}, QStringLiteral("orders"), QStringLiteral("nope_idx")})
                               << QStringLiteral("index nope_idx on orders does not exist") << nf;
        QTest::newRow("index column") << Operation(CreateIndex{{}, QStringLiteral("orders"), Index{QStringLiteral("i"), {test::columnPart(QStringLiteral("ghost"))}, false, {}, {}}})
                                      << QStringLiteral("column orders.ghost does not exist") << nf;
        QTest::newRow("view") << Operation(DropView{QStringLiteral("billing"), QStringLiteral("v")}) << QStringLiteral("view billing.v does not exist") << nf;
        QTest::newRow("enum") << Operation(DropEnum{{}, QStringLiteral("colour")}) << QStringLiteral("enum type colour does not exist") << nf;
        QTest::newRow("trigger") << Operation(DropTrigger{{}, QStringLiteral("orders"), QStringLiteral("t")})
                                 << QStringLiteral("trigger t on orders does not exist") << nf;
        QTest::newRow("existing table") << Operation(RenameTable{{}, QStringLiteral("orders"), QStringLiteral("customers")})
                                        << QStringLiteral("table customers already exists") << conflict;
        QTest::newRow("namespace") << Operation(DropNamespace{QStringLiteral("nope")}) << QStringLiteral("schema nope does not exist") << nf;
    }

    void errorsNameWhatIsMissing()
    {
        QFETCH(Operation, op);
        QFETCH(QString, message);
        QFETCH(int, category);
        Schema s = test::richPgSchema();
        const Schema original = s;
        auto r = OperationApplier::apply(s, op);
        QVERIFY(!r);
        QVERIFY2(r.error().message().contains(message), qPrintable(r.error().toString()));
        QCOMPARE(int(r.error().category()), category);
        QVERIFY2(r.error().toString().contains(OperationJson::name(op)), qPrintable(r.error().toString()));
        QCOMPARE(s, original);   // a failed operation changes nothing
    }

    void applyAllNamesTheFailingOperation()
    {
        auto r = OperationApplier::applyAll(test::richPgSchema(), {DropTable{{}, QStringLiteral("orders")}, DropTable{{}, QStringLiteral("orders")}});
        QVERIFY(!r);
        QVERIFY2(r.error().toString().contains(QStringLiteral("operation 2")), qPrintable(r.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TstOperationApplier)
#include "tst_operationapplier.moc"
