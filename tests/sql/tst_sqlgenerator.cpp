// covet-test-labels: engine
//
// Golden SQL per dialect (tests/sql/golden/<dialect>/*.sql), plus the rules
// of the generators that a golden file alone does not pin down. Set
// COVET_UPDATE_GOLDEN=1 to rewrite the golden files from the current output
// (then review the diff).

#include "richschema.h"
#include "testsupport.h"

#include "sql/identifierquoter.h"
#include "sql/mysqlgenerator.h"
#include "sql/sqlgenerator.h"
#include "sql/sqlscriptsplitter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace covet;
using covet::test::makeColumn;

Q_DECLARE_METATYPE(covet::Dialect)

namespace {

QString goldenPath(Dialect d, const QString &name)
{
    return covet::test::sourcePath(QStringLiteral("tests/sql/golden/%1/%2.sql").arg(dialectName(d), name));
}

// Compares text to a golden file; reports the first differing line.
void compareGolden(const QString &actual, Dialect d, const QString &name)
{
    const QString path = goldenPath(d, name);
    if (qEnvironmentVariableIsSet("COVET_UPDATE_GOLDEN")) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.toUtf8());
        return;
    }
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("missing golden file %1 (run with COVET_UPDATE_GOLDEN=1)").arg(path)));
    const QString expected = QString::fromUtf8(f.readAll());
    if (expected == actual)
        return;
    const QStringList e = expected.split(u'\n');
    const QStringList a = actual.split(u'\n');
    for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i) {
        if (e.value(i) != a.value(i))
            QFAIL(qPrintable(QStringLiteral("%1:%2 differs\n  expected: %3\n  actual:   %4").arg(path).arg(i + 1).arg(e.value(i), a.value(i))));
    }
    QFAIL("golden file differs");
}

Table simpleTable(const QString &name)
{
    Table t;
    t.name = name;
    t.columns << makeColumn(QStringLiteral("id"), SqlType(SqlType::Kind::Integer), false);
    t.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
    return t;
}

} // namespace

class TestSqlGenerator : public QObject
{
    Q_OBJECT

private slots:
    void goldenRichSchema_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("postgresql") << Dialect::PostgreSQL;
        QTest::newRow("mysql") << Dialect::MySQL;
        QTest::newRow("sqlite") << Dialect::SQLite;
    }

    void goldenRichSchema()
    {
        QFETCH(Dialect, dialect);
        const auto gen = SqlGenerator::create(dialect);
        QVERIFY(gen);
        QCOMPARE(gen->dialect(), dialect);
        compareGolden(gen->schemaScript(covet::test::richSchema(dialect)), dialect, QStringLiteral("rich_schema"));
    }

    void goldenPieces_data() { goldenRichSchema_data(); }

    // Each piece of the API on its own, one golden file per dialect.
    void goldenPieces()
    {
        QFETCH(Dialect, dialect);
        const auto gen = SqlGenerator::create(dialect);
        const Schema s = covet::test::richSchema(dialect);
        const Table &orders = *s.table(QStringLiteral("orders"));
        QString text;
        text += QStringLiteral("-- createTable(orders)\n") + gen->createTable(orders).join(QStringLiteral(";\n")) + u'\n';
        for (const Index &i : orders.indexes)
            text += QStringLiteral("-- createIndex(%1)\n").arg(i.name) + gen->createIndex(orders, i) + u'\n';
        for (const ForeignKey &fk : orders.foreignKeys)
            text += QStringLiteral("-- addForeignKey(%1)\n").arg(fk.name) + gen->addForeignKey(orders, fk) + u'\n';
        for (const Trigger &t : orders.triggers)
            text += QStringLiteral("-- createTrigger(%1)\n").arg(t.name) + gen->createTrigger(orders, t) + u'\n';
        for (const View &v : s.views)
            text += QStringLiteral("-- createView(%1)\n").arg(v.name) + gen->createView(v) + u'\n';
        EnumType e;
        e.schema = QStringLiteral("billing");
        e.name = QStringLiteral("Status \"x\"");
        e.values = {QStringLiteral("a'b"), QStringLiteral("c\\d")};
        text += QStringLiteral("-- createEnum\n") + gen->createEnum(e) + u'\n';
        compareGolden(text, dialect, QStringLiteral("pieces"));
    }

    void quoting()
    {
        const auto pg = SqlGenerator::create(Dialect::PostgreSQL);
        const auto my = SqlGenerator::create(Dialect::MySQL);
        const auto lite = SqlGenerator::create(Dialect::SQLite);
        QCOMPARE(pg->quote(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(my->quote(QStringLiteral("a`b")), QStringLiteral("`a``b`"));
        QCOMPARE(pg->qualified(QStringLiteral("s"), QStringLiteral("t")), QStringLiteral("\"s\".\"t\""));
        QCOMPARE(lite->qualified(QString(), QStringLiteral("t")), QStringLiteral("\"t\""));
        // Every identifier of the hostile table is quoted: the raw names
        // never appear outside quotes.
        const Schema s = covet::test::richSchema(Dialect::MySQL);
        const QString sql = my->createTable(*s.table(covet::test::hostileTableName())).join(u'\n');
        QVERIFY2(sql.contains(QStringLiteral("`we\"ird ta``ble; sélect`")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("`Or\"der ``Straße```")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("'it''s; -- not a comment'")), qPrintable(sql));
    }

    void dialectSpecificEmptyStatements()
    {
        Table t = simpleTable(QStringLiteral("child"));
        ForeignKey fk;
        fk.name = QStringLiteral("fk");
        fk.columns = {QStringLiteral("id")};
        fk.refTable = QStringLiteral("parent");
        fk.refColumns = {QStringLiteral("id")};
        t.foreignKeys << fk;
        const EnumType e{QString(), QStringLiteral("mood"), {QStringLiteral("a")}};
        QVERIFY(SqlGenerator::create(Dialect::SQLite)->addForeignKey(t, fk).isEmpty());
        QVERIFY(SqlGenerator::create(Dialect::SQLite)->createTable(t).first().contains(QStringLiteral("REFERENCES \"parent\"")));
        QVERIFY(!SqlGenerator::create(Dialect::PostgreSQL)->createTable(t).first().contains(QStringLiteral("REFERENCES")));
        QVERIFY(!SqlGenerator::create(Dialect::MySQL)->createTable(t).first().contains(QStringLiteral("REFERENCES")));
        QCOMPARE(SqlGenerator::create(Dialect::PostgreSQL)->addForeignKey(t, fk),
                 QStringLiteral("ALTER TABLE \"child\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"id\") REFERENCES \"parent\" (\"id\")"));
        QVERIFY(SqlGenerator::create(Dialect::MySQL)->createEnum(e).isEmpty());
        QVERIFY(SqlGenerator::create(Dialect::SQLite)->createEnum(e).isEmpty());
        QCOMPARE(SqlGenerator::create(Dialect::PostgreSQL)->createEnum(e), QStringLiteral("CREATE TYPE \"mood\" AS ENUM ('a')"));
    }

    void columnRendering()
    {
        using K = SqlType::Kind;
        Table t = simpleTable(QStringLiteral("t"));
        Column serial = makeColumn(QStringLiteral("n"), SqlType(K::BigInt), false);
        serial.identity = Column::Identity::AutoIncrement;
        t.columns << serial;
        Column dflt = makeColumn(QStringLiteral("d"), SqlType(K::Text));
        dflt.defaultExpr = QStringLiteral("datetime('now')");
        t.columns << dflt;
        Column lit = makeColumn(QStringLiteral("l"), SqlType(K::Integer));
        lit.defaultExpr = QStringLiteral("-5");
        t.columns << lit;
        const QString pg = SqlGenerator::create(Dialect::PostgreSQL)->createTable(t).first();
        QVERIFY2(pg.contains(QStringLiteral("\"n\" bigserial NOT NULL")), qPrintable(pg));
        const QString lite = SqlGenerator::create(Dialect::SQLite)->createTable(t).first();
        QVERIFY2(lite.contains(QStringLiteral("DEFAULT (datetime('now'))")), qPrintable(lite));
        QVERIFY2(lite.contains(QStringLiteral("DEFAULT -5")), qPrintable(lite));
        QVERIFY2(lite.contains(QStringLiteral("PRIMARY KEY (\"id\")")), qPrintable(lite));

        // SQLite AUTOINCREMENT only inline on a single INTEGER key column.
        Table a = simpleTable(QStringLiteral("a"));
        a.columns.first().identity = Column::Identity::AutoIncrement;
        const QString auto1 = SqlGenerator::create(Dialect::SQLite)->createTable(a).first();
        QVERIFY2(auto1.contains(QStringLiteral("\"id\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL")), qPrintable(auto1));
        QVERIFY2(!auto1.contains(QStringLiteral("PRIMARY KEY (")), qPrintable(auto1));
        const QString myAuto = SqlGenerator::create(Dialect::MySQL)->createTable(a).first();
        QVERIFY2(myAuto.contains(QStringLiteral("`id` int NOT NULL AUTO_INCREMENT")), qPrintable(myAuto));

        // MySQL: backslashes in comments are escaped; generated columns carry
        // no NOT NULL (MariaDB refuses it).
        Table m = simpleTable(QStringLiteral("m"));
        m.comment = QStringLiteral("a\\b 'c'");
        Column g = makeColumn(QStringLiteral("g"), SqlType(K::Integer), false);
        g.generatedExpr = QStringLiteral("id + 1");
        m.columns << g;
        const QString my = SqlGenerator::create(Dialect::MySQL)->createTable(m).first();
        QVERIFY2(my.endsWith(QStringLiteral("COMMENT='a\\\\b ''c'''")), qPrintable(my));
        QVERIFY2(my.contains(QStringLiteral("`g` int GENERATED ALWAYS AS (id + 1) VIRTUAL,")), qPrintable(my));
        const QString pgGen = SqlGenerator::create(Dialect::PostgreSQL)->createTable(m).first();
        QVERIFY2(pgGen.contains(QStringLiteral("\"g\" integer GENERATED ALWAYS AS (id + 1) STORED NOT NULL")), qPrintable(pgGen));
    }

    void dependencyOrder()
    {
        const Schema s = covet::test::richSchema(Dialect::PostgreSQL);
        const QStringList stmts = SqlGenerator::create(Dialect::PostgreSQL)->schemaStatements(s);
        auto position = [&](const QString &prefix) {
            for (qsizetype i = 0; i < stmts.size(); ++i)
                if (stmts.at(i).startsWith(prefix))
                    return i;
            return qsizetype(-1);
        };
        const qsizetype schemaAt = position(QStringLiteral("CREATE SCHEMA \"billing\""));
        const qsizetype enumAt = position(QStringLiteral("CREATE TYPE \"mood\""));
        const qsizetype customersAt = position(QStringLiteral("CREATE TABLE \"customers\""));
        const qsizetype ordersAt = position(QStringLiteral("CREATE TABLE \"orders\""));
        const qsizetype itemsAt = position(QStringLiteral("CREATE TABLE \"order_items\""));
        const qsizetype fkAt = position(QStringLiteral("ALTER TABLE"));
        const qsizetype viewBase = position(QStringLiteral("CREATE VIEW \"customer_orders\""));
        const qsizetype viewTop = position(QStringLiteral("CREATE VIEW \"big_customers\""));
        const qsizetype triggerAt = position(QStringLiteral("CREATE TRIGGER"));
        QVERIFY(schemaAt == 0 && enumAt == 1);
        QVERIFY(customersAt > enumAt && customersAt < ordersAt && ordersAt < itemsAt);
        for (qsizetype i = 0; i < stmts.size(); ++i)
            if (stmts.at(i).startsWith(QLatin1String("CREATE TABLE")))
                QVERIFY2(i < fkAt, "every table comes before the first foreign key");
        QVERIFY(fkAt < viewBase && viewBase < viewTop && viewTop < triggerAt);
    }

    void triggerDefinitionIsUsedVerbatim()
    {
        Table t = simpleTable(QStringLiteral("t"));
        Trigger tr;
        tr.name = QStringLiteral("x");
        tr.timing = QStringLiteral("AFTER");
        tr.events = {QStringLiteral("INSERT")};
        tr.body = QStringLiteral("SELECT 1");
        tr.definition = QStringLiteral("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 2; END;\n");
        QCOMPARE(SqlGenerator::create(Dialect::SQLite)->createTrigger(t, tr),
                 QStringLiteral("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 2; END"));
        tr.definition.clear();
        QCOMPARE(SqlGenerator::create(Dialect::SQLite)->createTrigger(t, tr),
                 QStringLiteral("CREATE TRIGGER \"x\" AFTER INSERT ON \"t\" FOR EACH ROW\nBEGIN\n  SELECT 1;\nEND"));
        tr.body = QStringLiteral("EXECUTE FUNCTION f()");
        tr.events = {QStringLiteral("INSERT"), QStringLiteral("DELETE")};
        tr.forEachRow = false;
        QCOMPARE(SqlGenerator::create(Dialect::PostgreSQL)->createTrigger(t, tr),
                 QStringLiteral("CREATE TRIGGER \"x\" AFTER INSERT OR DELETE ON \"t\" FOR EACH STATEMENT EXECUTE FUNCTION f()"));
    }

    // drop_foreign_key on MySQL takes InnoDB's own index for the key only
    // when it surely exists under the key's name and serves no other key.
    void mysqlImplicitForeignKeyIndex()
    {
        const auto fk = [](const QString &name, const QStringList &columns) {
            ForeignKey f;
            f.name = name;
            f.columns = columns;
            f.refTable = QStringLiteral("p");
            f.refColumns = columns;
            return f;
        };
        const auto idx = [](const QString &name, const QString &column, int length = -1) {
            Index i;
            i.name = name;
            IndexPart p;
            p.column = column;
            p.length = length;
            i.parts << p;
            return i;
        };
        Table t;
        t.name = QStringLiteral("t");
        t.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
        t.foreignKeys << fk(QStringLiteral("fk_a"), {QStringLiteral("a")});
        QVERIFY(MysqlGenerator::hasImplicitIndex(t, QStringLiteral("fk_a")));
        QVERIFY(!MysqlGenerator::hasImplicitIndex(t, QStringLiteral("no_such_key")));
        Table served = t;   // an index of the model leads with the column: InnoDB made none
        served.indexes << idx(QStringLiteral("t_a_idx"), QStringLiteral("a"));
        QVERIFY(!MysqlGenerator::hasImplicitIndex(served, QStringLiteral("fk_a")));
        Table prefix = t;   // a prefix-length part cannot serve a key: InnoDB made its own
        prefix.indexes << idx(QStringLiteral("t_a_prefix"), QStringLiteral("a"), 4);
        QVERIFY(MysqlGenerator::hasImplicitIndex(prefix, QStringLiteral("fk_a")));
        Table byKey = t;    // the primary key leads with it
        byKey.foreignKeys = {fk(QStringLiteral("fk_id"), {QStringLiteral("id")})};
        QVERIFY(!MysqlGenerator::hasImplicitIndex(byKey, QStringLiteral("fk_id")));
        Table tenant = t;   // fk_a (a) uses fk_ab's index (a, b): dropping fk_ab must leave it
        tenant.foreignKeys << fk(QStringLiteral("fk_ab"), {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(!MysqlGenerator::hasImplicitIndex(tenant, QStringLiteral("fk_ab")));
        QVERIFY(!MysqlGenerator::hasImplicitIndex(tenant, QStringLiteral("fk_a")));
        Table twice = t;    // two keys on one column share one index, named after the first
        twice.foreignKeys << fk(QStringLiteral("fk_a2"), {QStringLiteral("a")});
        QVERIFY(!MysqlGenerator::hasImplicitIndex(twice, QStringLiteral("fk_a2")));
    }

    // MySQL takes an AUTO_INCREMENT column only as a key in the statement
    // that adds it: fused with the plan's SetPrimaryKey onto exactly that
    // column, and only then.
    void mysqlAutoIncrementColumnTakesItsKey()
    {
        Table t;
        t.name = QStringLiteral("tickets");
        t.columns << makeColumn(QStringLiteral("code"), SqlType::varchar(20), false);
        t.primaryKey = PrimaryKey{{}, {QStringLiteral("code")}};
        Schema before;
        before.dialect = Dialect::MySQL;
        before.tables << t;
        Column id = makeColumn(QStringLiteral("id"), SqlType(SqlType::Kind::BigInt), false);
        id.identity = Column::Identity::AutoIncrement;
        const auto gen = SqlGenerator::create(Dialect::MySQL);
        const PrimaryKey onCode{{}, {QStringLiteral("code")}}, onId{{}, {QStringLiteral("id")}};
        auto fused = gen->renderAll({AddColumn{{}, t.name, id, {}}, SetPrimaryKey{{}, t.name, onCode, onId}}, before);
        COVET_VERIFY_OK(fused);
        QCOMPARE(*fused, QStringList{QStringLiteral("ALTER TABLE `tickets` ADD COLUMN `id` bigint NOT NULL AUTO_INCREMENT, DROP PRIMARY KEY, "
                                                    "ADD PRIMARY KEY (`id`)")});
        // The key dropped by an earlier operation: only added with the column.
        auto dropped = gen->renderAll({SetPrimaryKey{{}, t.name, onCode, std::nullopt}, AddColumn{{}, t.name, id, {}},
                                       SetPrimaryKey{{}, t.name, std::nullopt, onId}},
                                      before);
        COVET_VERIFY_OK(dropped);
        QCOMPARE(dropped->size(), 2);
        QVERIFY2(dropped->last().endsWith(QLatin1String("AUTO_INCREMENT, ADD PRIMARY KEY (`id`)")), qPrintable(dropped->last()));
        // A key the column does not get alone: nothing is fused (MySQL says
        // what it refuses, the plan is not rewritten).
        const PrimaryKey both{{}, {QStringLiteral("code"), QStringLiteral("id")}};
        auto composite = gen->renderAll({AddColumn{{}, t.name, id, {}}, SetPrimaryKey{{}, t.name, onCode, both}}, before);
        COVET_VERIFY_OK(composite);
        QCOMPARE(composite->size(), 2);
        QVERIFY(!composite->first().contains(QLatin1String("PRIMARY KEY")));
        auto plain = gen->renderAll({AddColumn{{}, t.name, id, {}}}, before);
        COVET_VERIFY_OK(plain);
        QVERIFY(!plain->first().contains(QLatin1String("PRIMARY KEY")));
    }

    void mysqlDelimiterInScripts()
    {
        const QString script = SqlGenerator::create(Dialect::MySQL)->schemaScript(covet::test::richSchema(Dialect::MySQL));
        QVERIFY2(script.contains(QStringLiteral("DELIMITER $$\nCREATE TRIGGER `orders_before_insert`")), qPrintable(script));
        QVERIFY2(script.contains(QStringLiteral("\nEND$$\nDELIMITER ;\n")), qPrintable(script));
        QVERIFY(script.endsWith(QStringLiteral(";\n")));
    }

    void scriptSplitsBackIntoStatements_data() { goldenRichSchema_data(); }

    // The script and the statement list say the same thing: splitting the
    // script as the dialect's shell would gives back the statements.
    void scriptSplitsBackIntoStatements()
    {
        QFETCH(Dialect, dialect);
        const auto gen = SqlGenerator::create(dialect);
        const Schema s = covet::test::richSchema(dialect);
        const auto split = SqlScriptSplitter::split(gen->schemaScript(s), dialect);
        QVERIFY2(split, split ? "" : qPrintable(split.error().toString()));
        QStringList fromScript;
        for (const auto &st : *split)
            fromScript << st.sql;
        QCOMPARE(fromScript, gen->schemaStatements(s));
    }
};

QTEST_GUILESS_MAIN(TestSqlGenerator)
#include "tst_sqlgenerator.moc"
