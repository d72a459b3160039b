// covet-test-labels: gui sqlite
#include "app/studiotranslations.h"
#include "models/schematreemodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTranslator>

using namespace covet;

namespace {

Column col(const QString &name, const QString &type, bool nullable = true)
{
    Column c;
    c.name = name;
    c.type = SqlType::fromDialect(Dialect::PostgreSQL, type);
    c.type.setRaw(type);
    c.nullable = nullable;
    return c;
}

// Two namespaces, composite keys, every kind of child, an empty table,
// a view in another namespace and an enum.
Schema richSchema()
{
    Schema s;
    s.dialect = Dialect::PostgreSQL;
    s.namespaces = {QStringLiteral("audit"), QStringLiteral("empty_ns")};

    Table customers;
    customers.name = QStringLiteral("customers");
    customers.columns = {col(QStringLiteral("id"), QStringLiteral("integer"), false),
                         col(QStringLiteral("email"), QStringLiteral("character varying(255)"), false),
                         col(QStringLiteral("mood"), QStringLiteral("mood"))};
    customers.columns[1].defaultExpr = QStringLiteral("''::character varying");
    customers.primaryKey = PrimaryKey{QStringLiteral("customers_pkey"), {QStringLiteral("id")}};
    customers.uniques = {UniqueConstraint{QStringLiteral("uq_customers_email"), {QStringLiteral("email")}}};
    customers.checks = {Check{QStringLiteral("ck_email"), QStringLiteral("email LIKE '%@%'")}};
    customers.comment = QStringLiteral("People who buy things");

    Table orders;
    orders.name = QStringLiteral("orders");
    orders.columns = {col(QStringLiteral("id"), QStringLiteral("bigint"), false),
                      col(QStringLiteral("customer_id"), QStringLiteral("integer"), false),
                      col(QStringLiteral("placed_at"), QStringLiteral("timestamp with time zone"), false)};
    orders.primaryKey = PrimaryKey{QStringLiteral("orders_pkey"), {QStringLiteral("id")}};
    Index byCustomer;
    byCustomer.name = QStringLiteral("idx_orders_customer");
    byCustomer.parts = {IndexPart{QStringLiteral("customer_id"), {}, false}, IndexPart{{}, QStringLiteral("date(placed_at)"), true}};
    byCustomer.where = QStringLiteral("customer_id > 0");
    orders.indexes = {byCustomer};
    ForeignKey fk;
    fk.name = QStringLiteral("fk_orders_customer");
    fk.columns = {QStringLiteral("customer_id")};
    fk.refTable = QStringLiteral("customers");
    fk.refColumns = {QStringLiteral("id")};
    fk.onDelete = ForeignKey::Action::Cascade;
    orders.foreignKeys = {fk};
    Trigger trg;
    trg.name = QStringLiteral("trg_orders_touch");
    trg.timing = QStringLiteral("BEFORE");
    trg.events = {QStringLiteral("UPDATE")};
    trg.body = QStringLiteral("EXECUTE FUNCTION touch()");
    orders.triggers = {trg};

    Table log;
    log.schema = QStringLiteral("audit");
    log.name = QStringLiteral("log");
    log.columns = {col(QStringLiteral("at"), QStringLiteral("timestamp without time zone"), false),
                   col(QStringLiteral("what"), QStringLiteral("text"))};

    Table bare;
    bare.schema = QStringLiteral("audit");
    bare.name = QStringLiteral("bare");

    s.tables = {orders, customers, log, bare};
    s.views = {View{QStringLiteral("audit"), QStringLiteral("recent"), QStringLiteral("SELECT * FROM audit.log"), false}};
    s.enums = {EnumType{{}, QStringLiteral("mood"), {QStringLiteral("happy"), QStringLiteral("sad")}}};
    return s;
}

QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data().toString() == name)
            return i;
    }
    return {};
}

} // namespace

class TestSchemaTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English plural forms ("3 columns") come from covet_en.ts.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        StudioTranslations::install(qApp);
    }

    void modelTester()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(richSchema());
        // Walk everything (children are built lazily) while the tester watches.
        int bad = 0;
        std::function<int(const QModelIndex &)> walk = [&](const QModelIndex &p) {
            int n = 1;
            for (int r = 0; r < model.rowCount(p); ++r)
                for (int c = 0; c < model.columnCount(p); ++c) {
                    const QModelIndex i = model.index(r, c, p);
                    if (!i.isValid() || model.parent(i) != p || i.data().toString().isEmpty())
                        ++bad;
                    if (c == 0)
                        n += walk(i);
                }
            return n;
        };
        QVERIFY(walk({}) > 25);
        QCOMPARE(bad, 0);
        model.setSchema(Schema{});
        QCOMPARE(model.rowCount(), 1);   // the (empty) default namespace
        model.setSchema(richSchema());
        model.clear();
    }

    void modelTesterWithFilterProxy()
    {
        SchemaTreeModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(richSchema());
        proxy.setFilterFixedString(QStringLiteral("customer"));
        // default namespace -> customers (table), orders (has customer_id)
        const QModelIndex def = proxy.index(0, 0);
        QCOMPARE(def.data().toString(), QStringLiteral("(default schema)"));
        QStringList names;
        for (int r = 0; r < proxy.rowCount(def); ++r)
            names << proxy.index(r, 0, def).data().toString();
        QCOMPARE(names, (QStringList{QStringLiteral("customers"), QStringLiteral("orders")}));
        QCOMPARE(proxy.rowCount(), 1);   // audit has no match
        proxy.setFilterFixedString(QStringLiteral("recent"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("audit"));
        proxy.setFilterFixedString(QStringLiteral("no such thing"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterFixedString(QString());
        model.setSchema(Schema{});
    }

    void structure()
    {
        SchemaTreeModel model;
        model.setSchema(richSchema());
        // default first, then audit, then the empty namespace that exists
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("audit"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("empty_ns"));
        QVERIFY(!model.hasChildren(model.index(2, 0)));

        const QModelIndex def = model.index(0, 0);
        // tables by name, then the enum
        QCOMPARE(model.rowCount(def), 3);
        QCOMPARE(model.index(0, 0, def).data().toString(), QStringLiteral("customers"));
        QCOMPARE(model.index(1, 0, def).data().toString(), QStringLiteral("orders"));
        QCOMPARE(model.index(2, 0, def).data().toString(), QStringLiteral("mood"));
        QCOMPARE(model.index(2, 1, def).data().toString(), QStringLiteral("happy, sad"));

        const QModelIndex orders = model.index(1, 0, def);
        QCOMPARE(orders.siblingAtColumn(1).data().toString(), QStringLiteral("3 columns"));
        QStringList kids;
        for (int r = 0; r < model.rowCount(orders); ++r)
            kids << model.index(r, 0, orders).data().toString();
        QCOMPARE(kids, (QStringList{QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("placed_at"),
                                    QStringLiteral("Indexes"), QStringLiteral("Foreign keys"), QStringLiteral("Triggers")}));
        QCOMPARE(model.index(2, 1, orders).data().toString(), QStringLiteral("timestamp with time zone NOT NULL"));
        QCOMPARE(model.index(0, 1, orders).data().toString(), QStringLiteral("bigint PRIMARY KEY"));

        const QModelIndex idxGroup = model.index(3, 0, orders);
        QCOMPARE(idxGroup.siblingAtColumn(1).data().toString(), QStringLiteral("1"));
        const QModelIndex idx = model.index(0, 0, idxGroup);
        QCOMPARE(idx.data().toString(), QStringLiteral("idx_orders_customer"));
        QCOMPARE(idx.siblingAtColumn(1).data().toString(), QStringLiteral("(customer_id, (date(placed_at)) DESC) WHERE customer_id > 0"));
        const QModelIndex fk = model.index(0, 0, model.index(4, 0, orders));
        QCOMPARE(fk.siblingAtColumn(1).data().toString(), QStringLiteral("(customer_id) → customers(id) ON DELETE CASCADE"));
        QCOMPARE(fk.data(SchemaTreeModel::QualifiedNameRole).toString(), QStringLiteral("orders.fk_orders_customer"));
        QCOMPARE(SchemaTreeModel::Kind(fk.data(SchemaTreeModel::KindRole).toInt()), SchemaTreeModel::Kind::ForeignKey);

        const QModelIndex customers = model.index(0, 0, def);
        QVERIFY(child(model, customers, QStringLiteral("Unique constraints")).isValid());
        QVERIFY(child(model, customers, QStringLiteral("Checks")).isValid());
        QVERIFY(!child(model, customers, QStringLiteral("Indexes")).isValid());   // empty groups hidden
        QVERIFY(customers.data(Qt::ToolTipRole).toString().contains(QStringLiteral("People who buy things")));

        const QModelIndex bare = child(model, model.index(1, 0), QStringLiteral("bare"));
        QVERIFY(bare.isValid());
        QVERIFY(!model.hasChildren(bare));
    }

    void iconsPerKind()
    {
        SchemaTreeModel model;
        model.setSchema(richSchema());
        const QModelIndex orders = model.index(1, 0, model.index(0, 0));
        for (const QModelIndex &i : {model.index(0, 0), orders, model.index(0, 0, orders), model.index(1, 0, orders)}) {
            const QIcon icon = i.data(Qt::DecorationRole).value<QIcon>();
            QVERIFY2(!icon.isNull() && !icon.pixmap(16, 16).isNull(), qPrintable(i.data().toString()));
        }
        // the primary-key column has its own icon
        QVERIFY(model.index(0, 0, orders).data(Qt::DecorationRole).value<QIcon>().cacheKey()
                != model.index(1, 0, orders).data(Qt::DecorationRole).value<QIcon>().cacheKey());
        QVERIFY(!model.index(0, 1).data(Qt::DecorationRole).isValid());
    }

    void ddlRole()
    {
        SchemaTreeModel model;
        model.setSchema(richSchema());
        const QModelIndex def = model.index(0, 0);
        const QModelIndex orders = model.index(1, 0, def);
        const QString tableDdl = orders.data(SchemaTreeModel::DdlRole).toString();
        QVERIFY2(tableDdl.contains(QStringLiteral("CREATE TABLE \"orders\"")), qPrintable(tableDdl));
        QVERIFY2(tableDdl.contains(QStringLiteral("CREATE INDEX \"idx_orders_customer\"")), qPrintable(tableDdl));
        QVERIFY2(tableDdl.contains(QStringLiteral("FOREIGN KEY")), qPrintable(tableDdl));
        const QModelIndex idx = model.index(0, 0, model.index(3, 0, orders));
        const QString indexDdl = idx.data(SchemaTreeModel::DdlRole).toString();
        QVERIFY2(indexDdl.startsWith(QStringLiteral("CREATE INDEX")) && !indexDdl.contains(QStringLiteral("CREATE TABLE")),
                 qPrintable(indexDdl));
        const QModelIndex view = child(model, model.index(1, 0), QStringLiteral("recent"));
        QVERIFY(view.data(SchemaTreeModel::DdlRole).toString().contains(QStringLiteral("CREATE VIEW")));
        QVERIFY(model.index(0, 0).data(SchemaTreeModel::DdlRole).toString().isEmpty());   // namespace

        // The same table rendered for SQLite: foreign keys inline.
        Schema sqlite = richSchema();
        sqlite.dialect = Dialect::SQLite;
        sqlite.enums.clear();
        model.setSchema(sqlite);
        QCOMPARE(model.dialect(), Dialect::SQLite);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("main"));
    }

    void findObject()
    {
        SchemaTreeModel model;
        model.setSchema(richSchema());
        QCOMPARE(model.findObject(QStringLiteral("orders")).data().toString(), QStringLiteral("orders"));
        QCOMPARE(model.findObject(QStringLiteral("log"), QStringLiteral("audit")).data().toString(), QStringLiteral("log"));
        QVERIFY(!model.findObject(QStringLiteral("log")).isValid());
        QVERIFY(!model.findObject(QStringLiteral("nope")).isValid());
    }

    void germanTranslation()
    {
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/covet_de.qm")));
        QCOMPARE(de.translate("covet::SchemaTreeModel", "Indexes"), QStringLiteral("Indizes"));
        QCOMPARE(de.translate("covet::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(de.translate("covet::SchemaTreeModel", "%n column(s)", nullptr, 3), QStringLiteral("%n Spalten"));
        QCOMPARE(de.translate("covet::SchemaTreeModel", "%n column(s)", nullptr, 1), QStringLiteral("%n Spalte"));
    }

    void largeSchemaIsLazy()
    {
        Schema big;
        big.dialect = Dialect::SQLite;
        for (int i = 0; i < 3000; ++i) {
            Table t;
            t.name = QStringLiteral("t%1").arg(i, 4, 10, QLatin1Char('0'));
            for (int c = 0; c < 15; ++c)
                t.columns << col(QStringLiteral("c%1").arg(c), QStringLiteral("integer"));
            big.tables << t;
        }
        SchemaTreeModel model;
        QElapsedTimer timer;
        timer.start();
        model.setSchema(big);
        QCOMPARE(model.rowCount(model.index(0, 0)), 3000);
        QCOMPARE(model.rowCount(model.index(2999, 0, model.index(0, 0))), 15);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_MAIN(TestSchemaTreeModel)
#include "tst_schematreemodel.moc"
