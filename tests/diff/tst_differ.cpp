// covet-test-labels: engine sqlite postgres mysql
#include "../sql/richschema.h"
#include "schema/sqlnames.h"
#include "testsupport.h"

#include "db/sqlexecutor.h"
#include "diff/differ.h"
#include "diff/schemanormalizer.h"
#include "operations/operationapplier.h"
#include "operations/operationdescriber.h"
#include "operations/operationjson.h"
#include "sources/modelsfile.h"
#include "sources/schemasource.h"
#include "sql/sqlgenerator.h"

#include <QTest>

using namespace covet;
using test::makeColumn;
using K = SqlType::Kind;

namespace {

const QString kPgTouchFunction = QStringLiteral(
    "CREATE FUNCTION covet_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");

QStringList names(const OperationList &ops)
{
    QStringList out;
    for (const Operation &op : ops)
        out << OperationDescriber::describe(op);
    return out;
}

QString listing(const OperationList &ops)
{
    return u'\n' + names(ops).join(u'\n');
}

qsizetype position(const OperationList &ops, const QString &description)
{
    return names(ops).indexOf(description);
}

// diff(from, to), then checks the plan: it applies to `from` and the result
// diffs empty against `to`.
DiffResult diffAndCheck(const Schema &from, const Schema &to, const DiffOptions &options = {})
{
    auto r = Differ::diff(from, to, options);
    if (!r) {
        QTest::qFail(qPrintable(r.error().toString()), __FILE__, __LINE__);
        return {};
    }
    auto applied = OperationApplier::applyAll(from, r->operations);
    if (!applied) {
        QTest::qFail(qPrintable(applied.error().toString()), __FILE__, __LINE__);
        return *r;
    }
    DiffOptions plain;
    plain.renames.enabled = false;
    auto again = Differ::diff(*applied, to, plain);
    if (!again || !again->isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("applying the diff does not reach the target:") +
                                (again ? listing(again->operations) : again.error().toString())), __FILE__, __LINE__);
    return *r;
}

Table table(const QString &name, const QList<Column> &columns, const QStringList &pk = {QStringLiteral("id")})
{
    Table t;
    t.name = name;
    t.columns = columns;
    if (!pk.isEmpty())
        t.primaryKey = PrimaryKey{{}, pk};
    return t;
}

ForeignKey fk(const QString &name, const QString &column, const QString &refTable)
{
    ForeignKey f;
    f.name = name;
    f.columns = {column};
    f.refTable = refTable;
    f.refColumns = {QStringLiteral("id")};
    return f;
}

Schema shop()
{
    Schema s;
    s.dialect = Dialect::PostgreSQL;
    Table customers = table(QStringLiteral("customers"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                                          makeColumn(QStringLiteral("email"), SqlType::varchar(200), false),
                                                          makeColumn(QStringLiteral("name"), SqlType(K::Text))});
    Table orders = table(QStringLiteral("orders"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                                    makeColumn(QStringLiteral("customer_id"), SqlType(K::Integer), false),
                                                    makeColumn(QStringLiteral("placed"), SqlType(K::Timestamp)),
                                                    makeColumn(QStringLiteral("order_token"), SqlType::varchar(40)),
                                                    makeColumn(QStringLiteral("total"), SqlType::decimal(10, 2))});
    orders.foreignKeys << fk(QStringLiteral("orders_customer_fk"), QStringLiteral("customer_id"), QStringLiteral("customers"));
    Index byCustomer;
    byCustomer.name = QStringLiteral("orders_customer_idx");
    byCustomer.parts << test::columnPart(QStringLiteral("customer_id"));
    orders.indexes << byCustomer;
    s.tables << customers << orders;
    s.views << View{{}, QStringLiteral("order_totals"), QStringLiteral("SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id"), false};
    s.canonicalize();
    return s;
}

Table &tableOf(Schema &s, const char *name)
{
    return *s.table(QString::fromLatin1(name));
}

Schema inspect(test::ScratchDatabase &db)
{
    auto s = SchemaSource::inspectDatabase(db.url());
    if (!s)
        qFatal("inspection failed: %s", qPrintable(s.error().toString()));
    return *s;
}

QString run(test::ScratchDatabase &db, const QStringList &statements)
{
    SqlExecutor ex(db.connection().database(), db.url().dialect());
    for (const QString &s : statements)
        if (auto r = ex.exec(s); !r)
            return r.error().toString();
    return {};
}

} // namespace

class TstDiffer : public QObject
{
    Q_OBJECT

private:
    // The real-inspector checks: the rich schema created in a database,
    // inspected, diffed with itself, with its models-file round trip and
    // with a changed copy (whose plan must reach it).
    void checkInspected(const Schema &inspected)
    {
        auto self = Differ::diff(inspected, inspected);
        COVET_VERIFY_OK(self);
        QVERIFY2(self->isEmpty(), qPrintable(listing(self->operations)));

        auto models = ModelsFile::parse(ModelsFile::write(inspected), QStringLiteral("roundtrip.yaml"));
        COVET_VERIFY_OK(models);
        for (auto [a, b] : {std::pair{inspected, models->schema()}, std::pair{models->schema(), inspected}}) {
            auto rt = Differ::diff(a, b);
            COVET_VERIFY_OK(rt);
            QVERIFY2(rt->isEmpty(), qPrintable(listing(rt->operations)));
        }

        Schema changed = inspected;
        Table &orders = tableOf(changed, "orders");
        orders.column(QStringLiteral("note"))->type = SqlType(K::Text);
        orders.columns << makeColumn(QStringLiteral("shipped_at"), SqlType(K::Timestamp));
        orders.indexes.removeIf([](const Index &i) { return i.name == u"orders_open_idx"; });
        auto renamed = OperationApplier::applyAll(changed, {RenameColumn{{}, QStringLiteral("customers"), QStringLiteral("name"), QStringLiteral("full_name")}});
        COVET_VERIFY_OK(renamed);
        changed = *renamed;
        changed.tables.removeIf([](const Table &t) { return t.name == u"order_items"; });
        const DiffResult r = diffAndCheck(inspected, changed);
        QVERIFY2(position(r.operations, QStringLiteral("Rename column customers.name to full_name")) >= 0, qPrintable(listing(r.operations)));
        QVERIFY(position(r.operations, QStringLiteral("Drop table order_items")) >= 0);
    }

private slots:
    void identicalSchemasGiveNothing_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("sqlite") << int(Dialect::SQLite);
        QTest::newRow("postgresql") << int(Dialect::PostgreSQL);
        QTest::newRow("mysql") << int(Dialect::MySQL);
    }

    void identicalSchemasGiveNothing()
    {
        QFETCH(int, dialect);
        Schema s = test::richSchema(Dialect(dialect));
        s.dialect = Dialect(dialect);
        auto r = Differ::diff(s, s);
        COVET_VERIFY_OK(r);
        QVERIFY2(r->isEmpty(), qPrintable(listing(r->operations)));
        // From nothing to everything and back: every table, view, enum and namespace.
        Schema empty;
        empty.dialect = s.dialect;
        const DiffResult create = diffAndCheck(empty, s);
        QVERIFY(!create.isEmpty());
        const DiffResult drop = diffAndCheck(s, empty);
        QVERIFY(!drop.isEmpty());
    }

    void comparesSemanticallyNotTextually()
    {
        Schema a = shop();
        Schema b = shop();
        Table &ta = tableOf(a, "orders");
        Table &tb = tableOf(b, "orders");
        ta.column(QStringLiteral("total"))->type.setRaw(QStringLiteral("NUMERIC(10, 2)"));
        tb.column(QStringLiteral("total"))->type.setRaw(QStringLiteral("numeric(10,2)"));
        ta.column(QStringLiteral("total"))->defaultExpr = QStringLiteral("0.00");
        tb.column(QStringLiteral("total"))->defaultExpr = QStringLiteral("'0'::numeric");
        ta.column(QStringLiteral("placed"))->defaultExpr = QStringLiteral("CURRENT_TIMESTAMP");
        tb.column(QStringLiteral("placed"))->defaultExpr = QStringLiteral("current_timestamp()");
        ta.checks << Check{QStringLiteral("orders_total_check"), QStringLiteral("total >= 0 AND total < 1000")};
        tb.checks << Check{QStringLiteral("orders_total_check"), QStringLiteral("((\"total\" >= (0)::numeric) and (total < 1000::numeric))")};
        Index partial;
        partial.name = QStringLiteral("orders_open_idx");
        partial.parts << test::columnPart(QStringLiteral("placed"));
        partial.where = QStringLiteral("order_token IS NOT NULL");
        ta.indexes << partial;
        partial.where = QStringLiteral("(\"order_token\" is not null)");
        partial.method = QStringLiteral("btree");
        tb.indexes << partial;
        b.views.first().definition = QStringLiteral(" select customer_id,\n  SUM(total) as total from orders group by customer_id;");
        auto r = Differ::diff(a, b);
        COVET_VERIFY_OK(r);
        QVERIFY2(r->isEmpty(), qPrintable(listing(r->operations)));

        // ... but a real change of an expression is one.
        tb.checks.first().expression = QStringLiteral("total > 0 AND total < 1000");
        auto changed = Differ::diff(a, b);
        COVET_VERIFY_OK(changed);
        QCOMPARE(changed->operations.size(), 2);
        QVERIFY(std::holds_alternative<DropCheck>(changed->operations.at(0)));
        QVERIFY(std::holds_alternative<AddCheck>(changed->operations.at(1)));

        const SchemaNormalizer n(Dialect::PostgreSQL);
        QCOMPARE(n.expression(QStringLiteral("lower( \"Email\" )")), n.expression(QStringLiteral("LOWER(email)")));
        QVERIFY(n.expression(QStringLiteral("name = 'Bob'")) != n.expression(QStringLiteral("name = 'bob'")));   // literals keep their case
        QVERIFY(n.expression(QStringLiteral("lower(a)")) != n.expression(QStringLiteral("upper(a)")));
        QCOMPARE(n.defaultValue(QStringLiteral("NULL")), n.defaultValue(std::nullopt));
        QCOMPARE(n.expression(QStringLiteral("a OR b AND c")), n.expression(QStringLiteral("(a OR (b AND c))")));
        QVERIFY(n.expression(QStringLiteral("(a OR b) AND c")) != n.expression(QStringLiteral("a OR b AND c")));
        QCOMPARE(n.expression(QStringLiteral("(a OR b) AND c")), n.expression(QStringLiteral("(((a) OR (b)) AND (c))")));
        QCOMPARE(n.expression(QStringLiteral("coalesce((a OR b), c)")), n.expression(QStringLiteral("COALESCE(a OR b, c)")));
        QCOMPARE(n.expression(QStringLiteral("x IN ('a', 'b')")), n.expression(QStringLiteral("x in ('a','b')")));
        // Databases qualify names in view texts.
        QCOMPARE(n.expression(QStringLiteral("SELECT id, qty FROM orders")), n.expression(QStringLiteral(" SELECT orders.id,\n    orders.qty\n   FROM orders;")));
        const SchemaNormalizer my(Dialect::MySQL);
        QCOMPARE(my.expression(QStringLiteral("SELECT id, qty FROM orders")),
                 my.expression(QStringLiteral("select `shop`.`orders`.`id` AS `id`,`shop`.`orders`.`qty` AS `qty` from `shop`.`orders`")));
        QCOMPARE(my.expression(QStringLiteral("length(name) > 0")), my.expression(QStringLiteral("octet_length(`name`) > 0")));
        QVERIFY(n.expression(QStringLiteral("length(name) > 0")) != n.expression(QStringLiteral("octet_length(name) > 0")));
        QCOMPARE(n.expression(QStringLiteral("1.50 + t.x")), QStringLiteral("1.50 + x"));

        // Renames follow into SQL texts, but never onto a name already there.
        QCOMPARE(SqlNames::renameIdentifier(QStringLiteral("UPDATE customers SET name = 'name' WHERE \"Name\" = NEW.name -- name"),
                                                    QStringLiteral("name"), QStringLiteral("full_name")),
                 QStringLiteral("UPDATE customers SET full_name = 'name' WHERE \"full_name\" = NEW.full_name -- name"));
        QCOMPARE(SqlNames::renameIdentifier(QStringLiteral("SELECT a, b FROM t"), QStringLiteral("a"), QStringLiteral("b")),
                 QStringLiteral("SELECT a, b FROM t"));
    }

    void tablesAndColumns()
    {
        Schema a = shop();
        Schema b = shop();
        b.tables << table(QStringLiteral("coupons"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false)});
        Table &orders = tableOf(b, "orders");
        orders.columns << makeColumn(QStringLiteral("note"), SqlType(K::Text));
        orders.column(QStringLiteral("total"))->nullable = false;
        orders.columns.removeIf([](const Column &c) { return c.name == u"order_token"; });
        a.tables << table(QStringLiteral("legacy"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                                     makeColumn(QStringLiteral("blob"), SqlType(K::Blob))});
        b.canonicalize();
        a.canonicalize();
        const DiffResult r = diffAndCheck(a, b);
        // The view uses orders.total: dropped before, re-created after.
        const QStringList expected = {
            QStringLiteral("Drop view order_totals"),
            QStringLiteral("Alter column orders.total: NULL -> NOT NULL"),
            QStringLiteral("Add column orders.note text"),
            QStringLiteral("Drop column orders.order_token"),
            QStringLiteral("Create table coupons (1 columns)"),
            QStringLiteral("Create view order_totals"),
            QStringLiteral("Drop table legacy"),
        };
        QCOMPARE(names(r.operations), expected);
    }

    void tableRename()
    {
        Schema a = shop();
        Schema b = shop();
        tableOf(b, "customers").name = QStringLiteral("clients");
        tableOf(b, "orders").foreignKeys.first().refTable = QStringLiteral("clients");
        b.canonicalize();
        const DiffResult r = diffAndCheck(a, b);
        QCOMPARE(names(r.operations), QStringList{QStringLiteral("Rename table customers to clients")});
        QVERIFY(!r.renameCandidates.isEmpty());
        QCOMPARE(r.renameCandidates.first().kind, RenameCandidate::Kind::Table);
        QVERIFY(r.renameCandidates.first().accepted);
    }

    void renameWithTypeChangeIsRenameThenAlter()
    {
        Schema a = shop();
        Schema b = shop();
        Column *placed = tableOf(b, "orders").column(QStringLiteral("placed"));
        placed->name = QStringLiteral("placed_at");
        placed->type = SqlType(K::TimestampTz);
        const DiffResult r = diffAndCheck(a, b);
        QCOMPARE(r.operations.size(), 2);
        QCOMPARE(std::get<RenameColumn>(r.operations.at(0)), (RenameColumn{{}, QStringLiteral("orders"), QStringLiteral("placed"), QStringLiteral("placed_at")}));
        const auto &alter = std::get<AlterColumn>(r.operations.at(1));
        QCOMPARE(alter.before.name, QStringLiteral("placed_at"));
        QCOMPARE(alter.after.type.kind(), K::TimestampTz);
        QCOMPARE(alter.before.type.kind(), K::Timestamp);

        // Without rename detection: a drop and an add.
        DiffOptions off;
        off.renames.enabled = false;
        const DiffResult plain = diffAndCheck(a, b, off);
        QCOMPARE(names(plain.operations), (QStringList{QStringLiteral("Add column orders.placed_at timestamptz"),
                                                      QStringLiteral("Drop column orders.placed")}));
        QVERIFY(plain.renameCandidates.isEmpty());
    }

    void renameOntoTheNameOfADroppedColumn()
    {
        // order_token becomes order_id while the old order_id goes.
        Schema a = shop();
        tableOf(a, "orders").columns << makeColumn(QStringLiteral("order_id"), SqlType(K::Integer));
        Schema b = shop();
        Table &orders = tableOf(b, "orders");
        orders.columns.removeIf([](const Column &c) { return c.name == u"order_token"; });
        orders.columns << makeColumn(QStringLiteral("order_id"), SqlType::varchar(40));
        const DiffResult r = diffAndCheck(a, b);
        QCOMPARE(names(r.operations), (QStringList{QStringLiteral("Drop column orders.order_id"),
                                                  QStringLiteral("Rename column orders.order_token to order_id")}));
        bool reported = false;
        for (const RenameCandidate &c : r.renameCandidates)
            reported |= c.from == u"order_token" && c.to == u"order_id" && c.accepted;
        QVERIFY(reported);
    }

    // Expand and contract finished with a swap: category_id moves aside to
    // old_category_id and the staging new_category_id takes its name. The
    // plan renames in an order that applies.
    void stagingColumnSwapsWithTheColumnItReplaces()
    {
        Schema a, b;
        a.tables << table("listings", {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                       makeColumn(QStringLiteral("category_id"), SqlType(K::Integer)),
                                       makeColumn(QStringLiteral("new_category_id"), SqlType(K::Integer))});
        b.tables << table("listings", {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                       makeColumn(QStringLiteral("category_id"), SqlType(K::Integer)),
                                       makeColumn(QStringLiteral("old_category_id"), SqlType(K::Integer))});
        const DiffResult r = diffAndCheck(a, b);
        QCOMPARE(names(r.operations), (QStringList{QStringLiteral("Rename column listings.category_id to old_category_id"),
                                                  QStringLiteral("Rename column listings.new_category_id to category_id")}));
    }

    // Regression (round-trip seed 20261123): drops on a renamed table named
    // its new name but came before the rename, so the plan did not apply.
    void tableRenameWithDropsNamesTheTableAsItIsThen()
    {
        Schema a = shop();
        tableOf(a, "orders").checks << Check{QStringLiteral("orders_total_check"), QStringLiteral("total >= 0")};
        tableOf(a, "orders").uniques << UniqueConstraint{QStringLiteral("orders_token_key"), {QStringLiteral("order_token")}};
        Schema b = shop();
        Table &archive = tableOf(b, "orders");
        archive.name = QStringLiteral("orders_archive");
        archive.indexes.clear();
        archive.foreignKeys.clear();
        b.views.clear();
        b.canonicalize();
        RenameDecisions decisions;
        RenameCandidate rename;
        rename.kind = RenameCandidate::Kind::Table;
        rename.table = QStringLiteral("orders_archive");
        rename.from = QStringLiteral("orders");
        rename.to = QStringLiteral("orders_archive");
        decisions.set(rename, RenameDecisions::Verdict::Accept);
        DiffOptions options;
        options.decisions = &decisions;
        const DiffResult r = diffAndCheck(a, b, options);
        const qsizetype renamed = position(r.operations, QStringLiteral("Rename table orders to orders_archive"));
        QVERIFY2(renamed >= 0, qPrintable(listing(r.operations)));
        // Every operation applies in turn: each names the table as it is then.
        Schema work = SchemaNormalizer(Dialect::PostgreSQL).comparable(a);
        int drops = 0;
        for (qsizetype i = 0; i < r.operations.size(); ++i) {
            const Operation &op = r.operations.at(i);
            if (std::holds_alternative<DropIndex>(op) || std::holds_alternative<DropForeignKey>(op)
                || std::holds_alternative<DropCheck>(op) || std::holds_alternative<DropUnique>(op)) {
                ++drops;
                QVERIFY2(i > renamed, qPrintable(listing(r.operations)));
            }
            auto ok = OperationApplier::apply(work, op);
            QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString() + listing(r.operations)));
        }
        QCOMPARE(drops, 4);

        // SQL for it runs on a real database.
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        auto gen = SqlGenerator::create(Dialect::SQLite);
        Schema sa = a;
        sa.dialect = Dialect::SQLite;
        sa.views.clear();
        QCOMPARE(run(*db, gen->schemaStatements(sa)), QString());
        Schema sb = b;
        sb.dialect = Dialect::SQLite;
        const Schema inspected = inspect(*db);
        auto sr = Differ::diff(inspected, sb, options);
        COVET_VERIFY_OK(sr);
        auto sql = gen->renderAll(sr->operations, inspected);
        COVET_VERIFY_OK(sql);
        QCOMPARE(run(*db, *sql), QString());
        QVERIFY(inspect(*db).table(QStringLiteral("orders_archive")));
    }

    // Regression (round-trip seed 20261123): an accepted rename onto the name
    // of a column that goes was ignored when the old column of that name had
    // a compatible type; the Differ altered it and dropped the source column.
    void acceptedRenameOntoADroppedCompatibleColumn()
    {
        Schema a = shop();
        tableOf(a, "customers").columns << makeColumn(QStringLiteral("phone"), SqlType(K::BigInt))
                                        << makeColumn(QStringLiteral("rank"), SqlType(K::Integer));
        Schema b = shop();
        tableOf(b, "customers").columns << makeColumn(QStringLiteral("rank"), SqlType(K::BigInt));

        // No decision: a same-named column that changed type is an alter.
        const DiffResult plain = diffAndCheck(a, b);
        QCOMPARE(names(plain.operations), (QStringList{QStringLiteral("Alter column customers.rank: type integer -> bigint"),
                                                      QStringLiteral("Drop column customers.phone")}));

        RenameDecisions decisions;
        RenameCandidate c;
        c.table = QStringLiteral("customers");
        c.from = QStringLiteral("phone");
        c.to = QStringLiteral("rank");
        decisions.set(c, RenameDecisions::Verdict::Accept);
        DiffOptions options;
        options.decisions = &decisions;
        for (bool scored : {true, false}) {
            options.renames.enabled = scored;
            const DiffResult r = diffAndCheck(a, b, options);
            QCOMPARE(names(r.operations), (QStringList{QStringLiteral("Drop column customers.rank"),
                                                      QStringLiteral("Rename column customers.phone to rank")}));
            bool reported = false;
            for (const RenameCandidate &x : r.renameCandidates)
                reported |= x.from == u"phone" && x.to == u"rank" && x.accepted && x.reusesDroppedName == u"rank"
                    && x.source == RenameCandidate::Source::Decision;
            QVERIFY(reported);
        }
    }

    void rejectedRenamesAreReportedAndDecisionsOverride()
    {
        Schema a = shop();
        Schema b = shop();
        tableOf(b, "customers").column(QStringLiteral("name"))->name = QStringLiteral("nickname");
        auto r = Differ::diff(a, b);
        COVET_VERIFY_OK(r);
        QCOMPARE(r->renameCandidates.size(), 1);
        const RenameCandidate c = r->renameCandidates.first();
        QCOMPARE(c.from, QStringLiteral("name"));
        QCOMPARE(c.to, QStringLiteral("nickname"));
        RenameDecisions decisions;
        decisions.set(c, c.accepted ? RenameDecisions::Verdict::Reject : RenameDecisions::Verdict::Accept);
        DiffOptions options;
        options.decisions = &decisions;
        const DiffResult decided = diffAndCheck(a, b, options);
        QCOMPARE(decided.renameCandidates.first().accepted, !c.accepted);
        QCOMPARE(std::holds_alternative<RenameColumn>(decided.operations.first()), !c.accepted);
    }

    void foreignKeysInDependencyOrder()
    {
        Schema a = shop();
        Schema b = shop();
        // A new parent and child, listed child first.
        Table child = table(QStringLiteral("a_lines"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                                        makeColumn(QStringLiteral("invoice_id"), SqlType(K::Integer))});
        child.foreignKeys << fk(QStringLiteral("lines_invoice_fk"), QStringLiteral("invoice_id"), QStringLiteral("b_invoices"));
        b.tables << child << table(QStringLiteral("b_invoices"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false)});
        // A column type change under a foreign key, and a dropped parent.
        tableOf(b, "customers").column(QStringLiteral("id"))->type = SqlType(K::BigInt);
        tableOf(b, "orders").column(QStringLiteral("customer_id"))->type = SqlType(K::BigInt);
        b.canonicalize();
        const DiffResult r = diffAndCheck(a, b);
        const OperationList &ops = r.operations;
        const qsizetype dropFk = position(ops, QStringLiteral("Drop foreign key orders_customer_fk (customer_id) -> customers (id) on orders"));
        const qsizetype alter = position(ops, QStringLiteral("Alter column customers.id: type integer -> bigint"));
        const qsizetype addFk = position(ops, QStringLiteral("Add foreign key orders_customer_fk (customer_id) -> customers (id) on orders"));
        QVERIFY2(dropFk >= 0 && alter > dropFk && addFk > alter, qPrintable(listing(ops)));
        const qsizetype parent = position(ops, QStringLiteral("Create table b_invoices (1 columns)"));
        const qsizetype kid = position(ops, QStringLiteral("Create table a_lines (2 columns)"));
        QVERIFY2(parent >= 0 && kid > parent, qPrintable(listing(ops)));

        // Dropping both: the child first; the foreign key of a kept table to
        // a dropped one goes before it.
        const DiffResult back = diffAndCheck(b, a);
        const qsizetype dropKid = position(back.operations, QStringLiteral("Drop table a_lines"));
        const qsizetype dropParent = position(back.operations, QStringLiteral("Drop table b_invoices"));
        QVERIFY2(dropKid >= 0 && dropParent > dropKid && dropParent == back.operations.size() - 1, qPrintable(listing(back.operations)));

        Schema noCustomers = shop();
        noCustomers.tables.removeIf([](const Table &t) { return t.name == u"customers"; });
        tableOf(noCustomers, "orders").foreignKeys.clear();
        const DiffResult gone = diffAndCheck(shop(), noCustomers);
        QCOMPARE(names(gone.operations), (QStringList{QStringLiteral("Drop foreign key orders_customer_fk (customer_id) -> customers (id) on orders"),
                                                     QStringLiteral("Drop table customers")}));
    }

    void foreignKeyCycleIsBroken()
    {
        Schema empty;
        Schema b;
        Table dept = table(QStringLiteral("departments"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                                           makeColumn(QStringLiteral("head_id"), SqlType(K::Integer))});
        dept.foreignKeys << fk(QStringLiteral("dept_head_fk"), QStringLiteral("head_id"), QStringLiteral("employees"));
        Table emp = table(QStringLiteral("employees"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false),
                                                        makeColumn(QStringLiteral("dept_id"), SqlType(K::Integer))});
        emp.foreignKeys << fk(QStringLiteral("emp_dept_fk"), QStringLiteral("dept_id"), QStringLiteral("departments"));
        emp.foreignKeys << fk(QStringLiteral("emp_manager_fk"), QStringLiteral("id"), QStringLiteral("employees"));   // self: inline
        b.tables << emp << dept;
        b.canonicalize();
        const DiffResult r = diffAndCheck(empty, b);
        QCOMPARE(r.operations.size(), 3);
        const auto &first = std::get<CreateTable>(r.operations.at(0));
        const auto &second = std::get<CreateTable>(r.operations.at(1));
        QCOMPARE(first.table.name, QStringLiteral("departments"));
        QVERIFY(first.table.foreignKeys.isEmpty());
        QCOMPARE(second.table.name, QStringLiteral("employees"));
        QCOMPARE(second.table.foreignKeys.size(), 2);
        QCOMPARE(std::get<AddForeignKey>(r.operations.at(2)).foreignKey.name, QStringLiteral("dept_head_fk"));

        // And dropping the cycle: a foreign key goes first.
        const DiffResult drop = diffAndCheck(b, empty);
        QVERIFY2(std::holds_alternative<DropForeignKey>(drop.operations.first()), qPrintable(listing(drop.operations)));
        QCOMPARE(drop.operations.size(), 3);
    }

    void indexesViewsTriggersEnumsNamespaces()
    {
        Schema a = shop();
        Schema b = shop();
        Table &orders = tableOf(b, "orders");
        orders.indexes.first().parts << test::columnPart(QStringLiteral("placed"));   // changed: drop + create
        orders.columns << makeColumn(QStringLiteral("coupon"), SqlType::varchar(20));
        Index byCoupon;
        byCoupon.name = QStringLiteral("orders_coupon_idx");
        byCoupon.parts << test::columnPart(QStringLiteral("coupon"));
        orders.indexes << byCoupon;
        orders.column(QStringLiteral("total"))->type = SqlType::decimal(12, 2);   // the view uses orders: re-created
        Trigger t;
        t.name = QStringLiteral("orders_touch");
        t.timing = QStringLiteral("BEFORE");
        t.events = {QStringLiteral("UPDATE")};
        t.body = QStringLiteral("EXECUTE FUNCTION touch()");
        orders.triggers << t;
        b.enums << EnumType{QStringLiteral("sales"), QStringLiteral("state"), {QStringLiteral("new"), QStringLiteral("paid")}};
        b.namespaces << QStringLiteral("sales");
        Table s = table(QStringLiteral("receipts"), {makeColumn(QStringLiteral("id"), SqlType(K::Integer), false)});
        s.schema = QStringLiteral("sales");
        b.tables << s;
        b.canonicalize();
        const DiffResult r = diffAndCheck(a, b);
        const OperationList &ops = r.operations;
        const QStringList expected = {
            QStringLiteral("Drop view order_totals"),
            QStringLiteral("Drop index orders_customer_idx on orders"),
            QStringLiteral("Create schema sales"),
            QStringLiteral("Create enum type sales.state (new, paid)"),
            QStringLiteral("Alter column orders.total: type numeric(10,2) -> numeric(12,2)"),
            QStringLiteral("Add column orders.coupon varchar(20)"),
            QStringLiteral("Create table sales.receipts (1 columns)"),
            QStringLiteral("Create index orders_coupon_idx (coupon) on orders"),
            QStringLiteral("Create index orders_customer_idx (customer_id, placed) on orders"),
            QStringLiteral("Create trigger orders_touch on orders (BEFORE UPDATE)"),
            QStringLiteral("Create view order_totals"),
        };
        QCOMPARE(names(ops), expected);

        // Enum values added: AlterEnum.
        Schema c = b;
        c.enums.first().values << QStringLiteral("refunded");
        const DiffResult e = diffAndCheck(b, c);
        QCOMPARE(names(e.operations), QStringList{QStringLiteral("Alter enum type sales.state: (new, paid) -> (new, paid, refunded)")});
    }

    void deterministic()
    {
        Schema a = test::richSchema(Dialect::PostgreSQL);
        Schema b = a;
        b.tables.removeIf([](const Table &t) { return t.name == u"orders" || t.name == u"departments"; });
        b.views.clear();
        auto first = Differ::diff(a, b);
        COVET_VERIFY_OK(first);
        // The same inputs listed in another order give the same list.
        std::reverse(a.tables.begin(), a.tables.end());
        std::reverse(b.tables.begin(), b.tables.end());
        for (int i = 0; i < 3; ++i) {
            auto again = Differ::diff(a, b);
            COVET_VERIFY_OK(again);
            QCOMPARE(names(again->operations), names(first->operations));
            QCOMPARE(again->operations, first->operations);
        }
        QVERIFY(!first->isEmpty());
        diffAndCheck(a, b);
    }

    void sqliteInspected()
    {
        COVET_SCRATCH_DB(db, Dialect::SQLite, QString());
        const Schema rich = test::richSchema(Dialect::SQLite);
        const QString err = run(*db, SqlGenerator::create(Dialect::SQLite)->schemaStatements(rich));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        checkInspected(inspect(*db));
    }

    void postgresInspected()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_PG_URL");
        COVET_SCRATCH_DB(db, Dialect::PostgreSQL, url);
        const Schema rich = test::richSchema(Dialect::PostgreSQL);
        const QString err = run(*db, QStringList{kPgTouchFunction} + SqlGenerator::create(Dialect::PostgreSQL)->schemaStatements(rich));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        checkInspected(inspect(*db));
    }

    void mysqlInspected()
    {
        COVET_REQUIRE_SERVER(url, "COVET_TEST_MYSQL_URL");
        COVET_SCRATCH_DB(db, Dialect::MySQL, url);
        const Schema rich = test::richSchema(Dialect::MySQL);
        const QString err = run(*db, SqlGenerator::create(Dialect::MySQL)->schemaStatements(rich));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        checkInspected(inspect(*db));
    }
};

QTEST_GUILESS_MAIN(TstDiffer)
#include "tst_differ.moc"
