#pragma once

// A small shop schema (customers, orders, notes_log, a view, a trigger; for
// PostgreSQL also an enum and a namespace) with rows, and one case per
// operation kind: used by the golden SQL tests (tst_operationsql) and, run
// on the real databases, by tst_operationsqlexec.

#include "richschema.h"

#include "operations/operation.h"

#include <QHash>

namespace covet::test {

struct OperationCase
{
    QString name;
    OperationList ops;
    int sqliteVersion = 0;                 // 0: the generator's default
    QList<Dialect> dialects{Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL};
    QHash<QString, QString> renamed;       // "table.column" after -> "table.column" before (for checksums)
};

inline Column col(const QString &name, const SqlType &type, bool nullable = true, const QString &def = {})
{
    Column c = makeColumn(name, type, nullable);
    if (!def.isEmpty())
        c.defaultExpr = def;
    return c;
}

inline Index index(const QString &name, const QStringList &columns, bool unique = false)
{
    Index i;
    i.name = name;
    i.unique = unique;
    for (const QString &c : columns)
        i.parts << columnPart(c);
    return i;
}

inline Trigger touchTrigger(Dialect d, const QString &name)
{
    Trigger t;
    t.name = name;
    t.events = {QStringLiteral("INSERT")};
    if (d == Dialect::PostgreSQL) {
        t.timing = QStringLiteral("BEFORE");
        t.body = QStringLiteral("EXECUTE FUNCTION covet_touch()");
    } else if (d == Dialect::MySQL) {
        t.timing = QStringLiteral("BEFORE");
        t.body = QStringLiteral("SET NEW.qty = NEW.qty + 0");
    } else {
        t.timing = QStringLiteral("AFTER");
        t.body = QStringLiteral("UPDATE customers SET name = name WHERE id = NEW.customer_id");
    }
    return t;
}

// Statements to run before the schema (the PostgreSQL trigger function).
inline QStringList shopSetup(Dialect d)
{
    if (d == Dialect::PostgreSQL)
        return {QStringLiteral("CREATE FUNCTION covet_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")};
    return {};
}

inline Schema shopSchema(Dialect d)
{
    using K = SqlType::Kind;
    Schema s;
    if (d == Dialect::PostgreSQL) {
        s.namespaces << QStringLiteral("legacy");
        s.enums << EnumType{{}, QStringLiteral("mood"), {QStringLiteral("happy"), QStringLiteral("sad")}};
    }
    Table customers;
    customers.name = QStringLiteral("customers");
    customers.columns << col(QStringLiteral("id"), SqlType(K::Integer), false) << col(QStringLiteral("name"), SqlType::varchar(100), false)
                      << col(QStringLiteral("email"), SqlType::varchar(255));
    customers.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
    customers.uniques << UniqueConstraint{QStringLiteral("uq_customers_name"), {QStringLiteral("name")}};
    s.tables << customers;

    Table orders;
    orders.name = QStringLiteral("orders");
    orders.columns << col(QStringLiteral("id"), SqlType(K::Integer), false) << col(QStringLiteral("customer_id"), SqlType(K::Integer), false)
                   << col(QStringLiteral("qty"), SqlType(K::Integer), false, QStringLiteral("1"))
                   << col(QStringLiteral("note"), SqlType::varchar(200)) << col(QStringLiteral("code"), SqlType::varchar(10));
    orders.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
    orders.indexes << index(QStringLiteral("orders_customer_idx"), {QStringLiteral("customer_id")})
                   << index(QStringLiteral("orders_qty_idx"), {QStringLiteral("qty")})
                   << index(QStringLiteral("orders_note_idx"), {QStringLiteral("note")});
    ForeignKey fk;
    fk.name = QStringLiteral("fk_orders_customer");
    fk.columns = {QStringLiteral("customer_id")};
    fk.refTable = QStringLiteral("customers");
    fk.refColumns = {QStringLiteral("id")};
    fk.onDelete = ForeignKey::Action::Cascade;
    orders.foreignKeys << fk;
    orders.checks << Check{QStringLiteral("ck_orders_qty"), QStringLiteral("qty > 0")};
    orders.triggers << touchTrigger(d, QStringLiteral("orders_touch"));
    s.tables << orders;

    Table log;
    log.name = QStringLiteral("notes_log");
    log.columns << col(QStringLiteral("id"), SqlType(K::Integer), false) << col(QStringLiteral("seq"), SqlType(K::Integer), false, QStringLiteral("0"))
                << col(QStringLiteral("order_id"), SqlType(K::Integer)) << col(QStringLiteral("body"), SqlType(K::Text));
    log.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
    log.indexes << index(QStringLiteral("notes_log_order_idx"), {QStringLiteral("order_id")});
    s.tables << log;

    s.views << View{{}, QStringLiteral("order_view"), QStringLiteral("SELECT id, qty FROM orders"), false};
    return s;
}

inline QStringList shopRows()
{
    return {QStringLiteral("INSERT INTO customers (id, name, email) VALUES (1, 'Ann', 'ann@x.org'), (2, 'Bob', 'bob@x.org'), (3, 'Cy', 'cy@x.org')"),
            QStringLiteral("INSERT INTO orders (id, customer_id, qty, note, code) VALUES (1, 1, 2, 'first', '10'), (2, 1, 5, 'second', '20'), "
                           "(3, 2, 1, 'third', '30'), (4, 3, 7, 'fourth', '40'), (5, 3, 3, 'fifth', '50')"),
            QStringLiteral("INSERT INTO notes_log (id, seq, order_id, body) VALUES (1, 0, 1, 'a'), (2, 0, NULL, 'b'), (3, 1, 4, 'c')")};
}

inline QList<OperationCase> operationCases(Dialect d)
{
    using K = SqlType::Kind;
    const QString orders = QStringLiteral("orders"), customers = QStringLiteral("customers"), log = QStringLiteral("notes_log");
    const Schema base = shopSchema(d);
    const Table &o = *base.table(orders);
    const Table &c = *base.table(customers);
    auto alter = [](const QString &table, const Column &before, auto change) {
        Column after = before;
        change(after);
        return AlterColumn{{}, table, before, after, {}};
    };
    QList<OperationCase> cases;
    auto add = [&](const QString &name, OperationList ops) { OperationCase oc; oc.name = name; oc.ops = ops; cases << oc; };

    Table tags;
    tags.name = QStringLiteral("tags");
    tags.columns << col(QStringLiteral("id"), SqlType(K::Integer), false) << col(QStringLiteral("order_id"), SqlType(K::Integer))
                 << col(QStringLiteral("label"), SqlType::varchar(50), false, QStringLiteral("'x'"));
    tags.primaryKey = PrimaryKey{{}, {QStringLiteral("id")}};
    tags.indexes << index(QStringLiteral("tags_order_idx"), {QStringLiteral("order_id")});
    ForeignKey tfk;
    tfk.name = QStringLiteral("fk_tags_order");
    tfk.columns = {QStringLiteral("order_id")};
    tfk.refTable = orders;
    tfk.refColumns = {QStringLiteral("id")};
    tfk.onDelete = ForeignKey::Action::Cascade;
    tags.foreignKeys << tfk;
    add(QStringLiteral("create_table"), {CreateTable{tags}});
    add(QStringLiteral("drop_table"), {DropTable{{}, log}});
    add(QStringLiteral("rename_table"), {RenameTable{{}, customers, QStringLiteral("clients")}});
    add(QStringLiteral("add_column"), {AddColumn{{}, orders, col(QStringLiteral("shipped_on"), SqlType(K::Date))}});
    add(QStringLiteral("add_column_not_null_default"),
        {AddColumn{{}, orders, col(QStringLiteral("priority"), SqlType(K::Integer), false, QStringLiteral("0"))}});
    add(QStringLiteral("add_column_expression_default"),
        {AddColumn{{}, customers, col(QStringLiteral("created_at"), SqlType(K::Timestamp), true, QStringLiteral("CURRENT_TIMESTAMP"))}});
    add(QStringLiteral("drop_column"), {DropColumn{{}, customers, QStringLiteral("email")}});
    add(QStringLiteral("drop_column_indexed"), {DropColumn{{}, orders, QStringLiteral("note")}});
    add(QStringLiteral("alter_column_type"), {alter(orders, *o.column(QStringLiteral("qty")), [](Column &x) { x.type = SqlType(K::BigInt); })});
    {
        AlterColumn a = alter(orders, *o.column(QStringLiteral("code")), [](Column &x) { x.type = SqlType(K::Integer); });
        add(QStringLiteral("alter_column_cast"), {a});
    }
    add(QStringLiteral("alter_column_type_not_null"), {alter(orders, *o.column(QStringLiteral("note")), [](Column &x) {
            x.type = SqlType::varchar(300);
            x.nullable = false;
        })});
    add(QStringLiteral("alter_column_nullable"), {alter(customers, *c.column(QStringLiteral("email")), [](Column &x) { x.nullable = false; })});
    add(QStringLiteral("alter_column_default"),
        {alter(orders, *o.column(QStringLiteral("note")), [](Column &x) { x.defaultExpr = QStringLiteral("'none'"); })});
    add(QStringLiteral("alter_column_identity"), {alter(log, *base.table(log)->column(QStringLiteral("id")), [d](Column &x) {
            x.identity = d == Dialect::PostgreSQL ? Column::Identity::ByDefault : Column::Identity::AutoIncrement;
        })});
    cases << OperationCase{QStringLiteral("rename_column"), {RenameColumn{{}, customers, QStringLiteral("name"), QStringLiteral("full_name")}},
                           0, {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL}, {{QStringLiteral("customers.full_name"), QStringLiteral("customers.name")}}};
    Index ci = index(QStringLiteral("orders_cust_qty_idx"), {QStringLiteral("customer_id"), QStringLiteral("qty")});
    ci.parts[1].descending = true;
    add(QStringLiteral("create_index"), {CreateIndex{{}, orders, ci}});
    add(QStringLiteral("drop_index"), {DropIndex{{}, orders, QStringLiteral("orders_qty_idx")}});
    ForeignKey lfk;
    lfk.name = QStringLiteral("fk_notes_order");
    lfk.columns = {QStringLiteral("order_id")};
    lfk.refTable = orders;
    lfk.refColumns = {QStringLiteral("id")};
    lfk.onDelete = ForeignKey::Action::SetNull;
    add(QStringLiteral("add_foreign_key"), {AddForeignKey{{}, log, lfk}});
    // MySQL: InnoDB makes an index of its own for a key no index serves;
    // drop_foreign_key must take it too (it was left behind, an index the
    // model does not have; a later covering index would replace it silently).
    add(QStringLiteral("drop_foreign_key_with_own_index"),
        {DropIndex{{}, log, QStringLiteral("notes_log_order_idx")}, AddForeignKey{{}, log, lfk}, DropForeignKey{{}, log, lfk}});
    add(QStringLiteral("drop_foreign_key"), {DropForeignKey{{}, orders, o.foreignKeys.first()}});
    add(QStringLiteral("add_check"), {AddCheck{{}, customers, Check{QStringLiteral("ck_customers_name"), QStringLiteral("length(name) > 0")}}});
    add(QStringLiteral("drop_check"), {DropCheck{{}, orders, Check{QStringLiteral("ck_orders_qty"), {}}}});
    add(QStringLiteral("add_unique"), {AddUnique{{}, customers, UniqueConstraint{QStringLiteral("uq_customers_email"), {QStringLiteral("email")}}}});
    add(QStringLiteral("drop_unique"), {DropUnique{{}, customers, UniqueConstraint{QStringLiteral("uq_customers_name"), {}}}});
    add(QStringLiteral("set_primary_key"),
        {SetPrimaryKey{{}, log, PrimaryKey{{}, {QStringLiteral("id")}}, PrimaryKey{{}, {QStringLiteral("id"), QStringLiteral("seq")}}}});
    add(QStringLiteral("create_view"), {CreateView{View{{}, QStringLiteral("customer_view"), QStringLiteral("SELECT id, name FROM customers"), false}}});
    add(QStringLiteral("drop_view"), {DropView{{}, QStringLiteral("order_view")}});
    add(QStringLiteral("create_trigger"), {CreateTrigger{{}, orders, touchTrigger(d, QStringLiteral("orders_touch2"))}});
    add(QStringLiteral("drop_trigger"), {DropTrigger{{}, orders, QStringLiteral("orders_touch")}});
    add(QStringLiteral("run_sql"), {RunSql{QStringLiteral("UPDATE orders SET qty = qty + 1;\nUPDATE orders SET qty = qty - 1"), {}, {}, {}}});
    // Several changes to one table: SQLite makes them one rebuild.
    cases << OperationCase{QStringLiteral("merged_rebuild"),
                           {alter(orders, *o.column(QStringLiteral("note")), [](Column &x) { x.nullable = false; }),
                            AddColumn{{}, orders, col(QStringLiteral("created_at"), SqlType(K::Timestamp), true, QStringLiteral("CURRENT_TIMESTAMP"))},
                            RenameColumn{{}, orders, QStringLiteral("code"), QStringLiteral("ref_code")},
                            AddCheck{{}, orders, Check{QStringLiteral("ck_orders_note"), QStringLiteral("note <> ''")}}},
                           0, {Dialect::SQLite, Dialect::PostgreSQL, Dialect::MySQL}, {{QStringLiteral("orders.ref_code"), QStringLiteral("orders.code")}}};
    // SQLite 3.24 has no RENAME COLUMN and no DROP COLUMN: rebuilds.
    cases << OperationCase{QStringLiteral("rename_column_sqlite324"), {RenameColumn{{}, customers, QStringLiteral("email"), QStringLiteral("mail")}},
                           3024000, {Dialect::SQLite}, {{QStringLiteral("customers.mail"), QStringLiteral("customers.email")}}};
    cases << OperationCase{QStringLiteral("drop_column_sqlite324"), {DropColumn{{}, customers, QStringLiteral("email")}}, 3024000, {Dialect::SQLite}, {}};
    if (d == Dialect::PostgreSQL) {
        QList<Dialect> pg{Dialect::PostgreSQL};
        cases << OperationCase{QStringLiteral("create_enum"), {CreateEnum{EnumType{{}, QStringLiteral("level"), {QStringLiteral("low"), QStringLiteral("it's high")}}}}, 0, pg, {}};
        cases << OperationCase{QStringLiteral("drop_enum"), {DropEnum{{}, QStringLiteral("mood")}}, 0, pg, {}};
        cases << OperationCase{QStringLiteral("alter_enum"),
                               {AlterEnum{*base.enumType(QStringLiteral("mood")),
                                          EnumType{{}, QStringLiteral("mood"), {QStringLiteral("happy"), QStringLiteral("ok"), QStringLiteral("sad"), QStringLiteral("angry")}}}},
                               0, pg, {}};
        cases << OperationCase{QStringLiteral("create_namespace"), {CreateNamespace{QStringLiteral("archive")}}, 0, pg, {}};
        cases << OperationCase{QStringLiteral("drop_namespace"), {DropNamespace{QStringLiteral("legacy")}}, 0, pg, {}};
    }
    cases.removeIf([d](const OperationCase &x) { return !x.dialects.contains(d); });
    return cases;
}

} // namespace covet::test
