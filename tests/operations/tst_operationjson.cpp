// covet-test-labels: engine
#include "sampleoperations.h"
#include "testsupport.h"

#include "core/yamljson.h"
#include "operations/operationjson.h"
#include "operations/operationshape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace covet;

class TstOperationJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTripEveryType()
    {
        QSet<QString> seen;
        for (const test::SampleOperation &s : test::sampleOperations()) {
            const QJsonObject o = OperationJson::toJson(s.op);
            QCOMPARE(o.value(QLatin1String("op")).toString(), s.label);
            QCOMPARE(OperationJson::name(s.op), s.label);
            // Through text, as a migration file stores it.
            const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(o).toJson()).object();
            auto back = OperationJson::fromJson(reread);
            COVET_VERIFY_OK(back);
            QVERIFY2(*back == s.op, qPrintable(s.label + u' ' + QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))));
            seen.insert(s.label);
        }
        QCOMPARE(seen.size(), qsizetype(std::variant_size_v<Operation>));
    }

    // OperationShape (the keys a migration file's operation may hold) allows
    // every key OperationJson writes, for every operation and for tables
    // holding every kind of column, index, constraint and trigger.
    void shapeAllowsEveryWrittenKey()
    {
        OperationList ops;
        for (const test::SampleOperation &s : test::sampleOperations())
            ops << s.op;
        for (Dialect d : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite})
            for (const Table &t : test::richSchema(d).tables)
                ops << CreateTable{t};
        RunSql perDialect{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2"), {}, {}};
        for (const QString &d : {QStringLiteral("sqlite"), QStringLiteral("postgresql"), QStringLiteral("mysql")}) {
            perDialect.forwardByDialect.insert(d, QStringLiteral("SELECT 3"));
            perDialect.reverseByDialect.insert(d, QStringLiteral("SELECT 4"));
        }
        ops << perDialect;
        for (const Operation &op : std::as_const(ops)) {
            const YamlNode node = YamlJson::fromJson(OperationJson::toJson(op));
            const auto unknown = OperationShape::operation().unknownKeys(node);
            QVERIFY2(unknown.isEmpty(), qPrintable(unknown.isEmpty() ? QString() : unknown.first().message));
        }
    }

    void renameColumnHasTheDocumentedShape()
    {
        const QJsonObject o = OperationJson::toJson(RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at")});
        QCOMPARE(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)),
                 QStringLiteral(R"({"from":"placed","op":"rename_column","table":"orders","to":"placed_at"})"));
        const QJsonObject q = OperationJson::toJson(DropTable{QStringLiteral("billing"), QStringLiteral("invoices")});
        QCOMPARE(q.value(QLatin1String("schema")).toString(), QStringLiteral("billing"));
        QCOMPARE(q.value(QLatin1String("table")).toString(), QStringLiteral("invoices"));
        const QJsonObject add = OperationJson::toJson(AddColumn{{}, QStringLiteral("t"), test::makeColumn(QStringLiteral("c"), SqlType::varchar(10), false)});
        QCOMPARE(add.value(QLatin1String("column")).toObject().value(QLatin1String("type")).toString(), QStringLiteral("varchar(10)"));
        QVERIFY(!add.contains(QLatin1String("schema")));
    }

    void badInputIsRejectedWithWhere()
    {
        auto unknown = OperationJson::fromJson(QJsonObject{{QStringLiteral("op"), QStringLiteral("explode_table")}}, QStringLiteral("m.json ops[3]"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().category(), Error::Category::InvalidInput);
        QVERIFY(unknown.error().message().contains(QStringLiteral("explode_table")));
        QVERIFY(unknown.error().message().contains(QStringLiteral("rename_column")));
        QCOMPARE(unknown.error().location(), QStringLiteral("m.json ops[3]"));

        auto noOp = OperationJson::fromJson(QJsonObject{{QStringLiteral("table"), QStringLiteral("t")}});
        QVERIFY(!noOp);
        QVERIFY(noOp.error().message().contains(QStringLiteral("missing field 'op'")));

        auto noTable = OperationJson::fromJson(QJsonObject{{QStringLiteral("op"), QStringLiteral("drop_column")}, {QStringLiteral("column"), QStringLiteral("c")}});
        QVERIFY(!noTable);
        QVERIFY2(noTable.error().message().contains(QStringLiteral("'table'")), qPrintable(noTable.error().toString()));

        auto noColumn = OperationJson::fromJson(QJsonObject{{QStringLiteral("op"), QStringLiteral("add_column")}, {QStringLiteral("table"), QStringLiteral("t")}});
        QVERIFY(!noColumn);
        QVERIFY2(noColumn.error().message().contains(QStringLiteral("'column'")), qPrintable(noColumn.error().toString()));

        QJsonObject badFk{{QStringLiteral("op"), QStringLiteral("add_foreign_key")}, {QStringLiteral("table"), QStringLiteral("t")}};
        badFk.insert(QStringLiteral("foreign_key"), QJsonObject{{QStringLiteral("columns"), QJsonArray{QStringLiteral("a")}},
                                                                {QStringLiteral("ref_table"), QStringLiteral("p")},
                                                                {QStringLiteral("on_delete"), QStringLiteral("explode")}});
        auto fk = OperationJson::fromJson(badFk);
        QVERIFY(!fk);
        QVERIFY2(fk.error().message().contains(QStringLiteral("foreign key action")), qPrintable(fk.error().toString()));

        auto emptySql = OperationJson::fromJson(QJsonObject{{QStringLiteral("op"), QStringLiteral("run_sql")}});
        QVERIFY(!emptySql);
    }
};

QTEST_GUILESS_MAIN(TstOperationJson)
#include "tst_operationjson.moc"
