#pragma once

// A schema with every feature the SQL generators render, per dialect: used
// by the golden tests (tst_sqlgenerator) and, executed on the real
// databases, by the round-trip tests (tst_ddlroundtrip).

#include "schema/schema.h"

namespace covet::test {

inline Column makeColumn(const QString &name, const SqlType &type, bool nullable = true)
{
    Column c;
    c.name = name;
    c.type = type;
    c.nullable = nullable;
    return c;
}

inline IndexPart columnPart(const QString &column, bool descending = false)
{
    IndexPart p;
    p.column = column;
    p.descending = descending;
    return p;
}

inline IndexPart expressionPart(const QString &expression)
{
    IndexPart p;
    p.expression = expression;
    return p;
}

// A name no dialect accepts unquoted: quotes, backticks, spaces, a
// semicolon, a reserved word and non-ASCII letters.
inline QString hostileTableName() { return QStringLiteral("we\"ird ta`ble; sélect"); }
inline QString hostileColumnName() { return QStringLiteral("Or\"der `Straße`"); }

inline Schema richSchema(Dialect d)
{
    using K = SqlType::Kind;
    const bool pg = d == Dialect::PostgreSQL;
    const bool my = d == Dialect::MySQL;
    const bool lite = d == Dialect::SQLite;
    Schema s;

    if (pg) {
        s.namespaces << QStringLiteral("billing");
        EnumType mood;
        mood.name = QStringLiteral("mood");
        mood.values = {QStringLiteral("happy"), QStringLiteral("it's ok"), QStringLiteral("sad")};
        s.enums << mood;
    }

    // customers: identity key, collation, comments, unique, check, enum.
    Table customers;
    customers.name = QStringLiteral("customers");
    {
        Column id = makeColumn(QStringLiteral("id"), SqlType(lite ? K::Integer : K::BigInt), false);
        id.identity = pg ? Column::Identity::Always : Column::Identity::AutoIncrement;
        customers.columns << id;
        Column email = makeColumn(QStringLiteral("email"), SqlType::varchar(255), false);
        email.collation = pg ? QStringLiteral("C") : my ? QStringLiteral("utf8mb4_bin") : QStringLiteral("NOCASE");
        if (my)
            email.charset = QStringLiteral("utf8mb4");
        customers.columns << email;
        Column name = makeColumn(QStringLiteral("name"), SqlType(K::Text));
        if (!lite)
            name.comment = QStringLiteral("Full name, as 'typed' \\ by them");
        customers.columns << name;
        Column created = makeColumn(QStringLiteral("created_at"), SqlType(K::Timestamp), false);
        created.defaultExpr = lite ? QStringLiteral("CURRENT_TIMESTAMP") : pg ? QStringLiteral("CURRENT_TIMESTAMP") : QStringLiteral("current_timestamp()");
        customers.columns << created;
        if (pg) {
            SqlType moodType(K::Enum);
            moodType.setEnumName(QStringLiteral("mood"));
            moodType.setEnumValues({QStringLiteral("happy"), QStringLiteral("it's ok"), QStringLiteral("sad")});
            Column mood = makeColumn(QStringLiteral("mood"), moodType);
            mood.defaultExpr = QStringLiteral("'happy'::mood");
            customers.columns << mood;
            SqlType tags(K::Text);
            tags.setArrayDimensions(1);
            customers.columns << makeColumn(QStringLiteral("tags"), tags);
            customers.columns << makeColumn(QStringLiteral("profile"), SqlType(K::Jsonb));
        } else if (my) {
            SqlType moodType(K::Enum);
            moodType.setEnumValues({QStringLiteral("happy"), QStringLiteral("it's ok"), QStringLiteral("back\\slash")});
            Column mood = makeColumn(QStringLiteral("mood"), moodType);
            mood.defaultExpr = QStringLiteral("'happy'");
            customers.columns << mood;
            Column visits = makeColumn(QStringLiteral("visits"), SqlType(K::Integer), false);
            SqlType unsignedInt(K::Integer);
            unsignedInt.setUnsigned(true);
            visits.type = unsignedInt;
            visits.defaultExpr = QStringLiteral("0");
            customers.columns << visits;
        } else {
            Column born = makeColumn(QStringLiteral("born"), SqlType(K::Date));
            born.defaultExpr = QStringLiteral("date('now')");
            customers.columns << born;
        }
        customers.primaryKey = PrimaryKey{pg ? QStringLiteral("customers_pkey") : QString(), {QStringLiteral("id")}};
        customers.uniques << UniqueConstraint{QStringLiteral("customers_email_key"), {QStringLiteral("email")}};
        customers.checks << Check{QStringLiteral("customers_email_check"), QStringLiteral("email <> ''")};
        if (!lite)
            customers.comment = QStringLiteral("People who buy; \"quoted\"");
        if (my) {
            customers.engine = QStringLiteral("InnoDB");
            customers.charset = QStringLiteral("utf8mb4");
            customers.collation = QStringLiteral("utf8mb4_unicode_ci");
        }
        Index byEmail;
        byEmail.name = QStringLiteral("customers_lower_email_idx");
        byEmail.parts << (my ? columnPart(QStringLiteral("email")) : expressionPart(QStringLiteral("lower(email)")));
        if (my)
            byEmail.parts.first().length = 10;
        customers.indexes << byEmail;
        if (pg) {
            Index gin;
            gin.name = QStringLiteral("customers_profile_idx");
            gin.parts << columnPart(QStringLiteral("profile"));
            gin.method = QStringLiteral("gin");
            customers.indexes << gin;
        }
        if (my) {
            Index ft;
            ft.name = QStringLiteral("customers_name_ft");
            ft.parts << columnPart(QStringLiteral("name"));
            ft.method = QStringLiteral("FULLTEXT");
            customers.indexes << ft;
        }
    }

    // orders: composite primary key, generated columns, FK with actions.
    Table orders;
    orders.name = QStringLiteral("orders");
    {
        orders.columns << makeColumn(QStringLiteral("customer_id"), SqlType(lite ? K::Integer : K::BigInt), false);
        orders.columns << makeColumn(QStringLiteral("order_no"), SqlType(K::Integer), false);
        Column status = makeColumn(QStringLiteral("status"), SqlType::varchar(20), false);
        status.defaultExpr = pg ? QStringLiteral("'open'::character varying") : QStringLiteral("'open'");
        orders.columns << status;
        Column total = makeColumn(QStringLiteral("total"), SqlType::decimal(10, 2), false);
        total.defaultExpr = my ? QStringLiteral("0.00") : QStringLiteral("0");   // as MySQL prints it back
        orders.columns << total;
        Column withTax = makeColumn(QStringLiteral("total_with_tax"), SqlType::decimal(12, 2));
        withTax.generatedExpr = QStringLiteral("total * 1.2");
        withTax.generatedStored = true;
        orders.columns << withTax;
        orders.columns << makeColumn(QStringLiteral("note"), SqlType::varchar(100));
        if (!pg) {
            Column len = makeColumn(QStringLiteral("note_length"), SqlType(K::Integer));
            len.generatedExpr = my ? QStringLiteral("char_length(note)") : QStringLiteral("length(note)");
            len.generatedStored = false;
            orders.columns << len;
        }
        orders.primaryKey = PrimaryKey{pg ? QStringLiteral("orders_pkey") : QString(),
                                       {QStringLiteral("customer_id"), QStringLiteral("order_no")}};
        orders.checks << Check{QStringLiteral("orders_total_check"), QStringLiteral("total >= 0")};
        ForeignKey fk;
        fk.name = QStringLiteral("orders_customer_fk");
        fk.columns = {QStringLiteral("customer_id")};
        fk.refTable = QStringLiteral("customers");
        fk.refColumns = {QStringLiteral("id")};
        fk.onDelete = ForeignKey::Action::Cascade;
        fk.deferrable = !my;
        fk.initiallyDeferred = !my;
        orders.foreignKeys << fk;
        Index open;
        open.name = QStringLiteral("orders_open_idx");
        open.parts << columnPart(QStringLiteral("status")) << columnPart(QStringLiteral("order_no"), true);
        if (!my)
            open.where = pg ? QStringLiteral("((status)::text = 'open'::text)") : QStringLiteral("status = 'open'");
        orders.indexes << open;
        Trigger t;
        t.timing = QStringLiteral("BEFORE");
        t.events = {QStringLiteral("INSERT")};
        if (pg) {
            t.name = QStringLiteral("orders_touch");
            t.events = {QStringLiteral("INSERT"), QStringLiteral("UPDATE")};
            t.body = QStringLiteral("EXECUTE FUNCTION covet_touch()");
        } else if (my) {
            t.name = QStringLiteral("orders_before_insert");
            t.body = QStringLiteral("BEGIN\n  IF NEW.total < 0 THEN\n    SET NEW.total = 0;\n  END IF;\n"
                                    "  SET NEW.note = COALESCE(NEW.note, 'none; really');\nEND");
        } else {
            t.name = QStringLiteral("orders_after_insert");
            t.timing = QStringLiteral("AFTER");
            t.body = QStringLiteral("UPDATE customers SET name = CASE WHEN name IS NULL THEN 'x;y' ELSE name END "
                                    "WHERE id = NEW.customer_id");
        }
        orders.triggers << t;
    }

    // order_items: a composite foreign key, listed before its parent to
    // prove the dependency order.
    Table items;
    items.name = QStringLiteral("order_items");
    {
        Column id = makeColumn(QStringLiteral("id"), SqlType(K::Integer), false);
        id.identity = pg ? Column::Identity::AutoIncrement : Column::Identity::AutoIncrement;
        items.columns << id;
        items.columns << makeColumn(QStringLiteral("customer_id"), SqlType(lite ? K::Integer : K::BigInt), false);
        items.columns << makeColumn(QStringLiteral("order_no"), SqlType(K::Integer), false);
        Column qty = makeColumn(QStringLiteral("qty"), SqlType(K::SmallInt), false);
        qty.defaultExpr = QStringLiteral("1");
        items.columns << qty;
        items.primaryKey = PrimaryKey{pg ? QStringLiteral("order_items_pkey") : QString(), {QStringLiteral("id")}};
        ForeignKey fk;
        fk.name = QStringLiteral("order_items_order_fk");
        fk.columns = {QStringLiteral("customer_id"), QStringLiteral("order_no")};
        fk.refTable = QStringLiteral("orders");
        fk.refColumns = {QStringLiteral("customer_id"), QStringLiteral("order_no")};
        fk.onDelete = ForeignKey::Action::Cascade;
        fk.onUpdate = ForeignKey::Action::Restrict;
        items.foreignKeys << fk;
        Index byOrder;
        byOrder.name = QStringLiteral("order_items_order_idx");
        byOrder.parts << columnPart(QStringLiteral("customer_id")) << columnPart(QStringLiteral("order_no"));
        items.indexes << byOrder;
    }

    // departments <-> employees: a foreign-key cycle.
    Table departments;
    departments.name = QStringLiteral("departments");
    Table employees;
    employees.name = QStringLiteral("employees");
    {
        departments.columns << makeColumn(QStringLiteral("id"), SqlType(K::Integer), false);
        departments.columns << makeColumn(QStringLiteral("head_id"), SqlType(K::Integer));
        departments.primaryKey = PrimaryKey{pg ? QStringLiteral("departments_pkey") : QString(), {QStringLiteral("id")}};
        ForeignKey head;
        head.name = QStringLiteral("departments_head_fk");
        head.columns = {QStringLiteral("head_id")};
        head.refTable = QStringLiteral("employees");
        head.refColumns = {QStringLiteral("id")};
        head.onDelete = ForeignKey::Action::SetNull;
        departments.foreignKeys << head;
        Index byHead;
        byHead.name = QStringLiteral("departments_head_idx");
        byHead.parts << columnPart(QStringLiteral("head_id"));
        departments.indexes << byHead;

        employees.columns << makeColumn(QStringLiteral("id"), SqlType(K::Integer), false);
        employees.columns << makeColumn(QStringLiteral("department_id"), SqlType(K::Integer), false);
        employees.primaryKey = PrimaryKey{pg ? QStringLiteral("employees_pkey") : QString(), {QStringLiteral("id")}};
        ForeignKey dept;
        dept.name = QStringLiteral("employees_department_fk");
        dept.columns = {QStringLiteral("department_id")};
        dept.refTable = QStringLiteral("departments");
        dept.refColumns = {QStringLiteral("id")};
        employees.foreignKeys << dept;
        Index byDept;
        byDept.name = QStringLiteral("employees_department_idx");
        byDept.parts << columnPart(QStringLiteral("department_id"));
        employees.indexes << byDept;
    }

    // A hostile table: every name needs quoting.
    Table hostile;
    hostile.name = hostileTableName();
    {
        hostile.columns << makeColumn(QStringLiteral("select"), SqlType(K::Integer), false);
        Column odd = makeColumn(hostileColumnName(), SqlType::varchar(50));
        odd.defaultExpr = QStringLiteral("'it''s; -- not a comment'");
        if (pg)
            odd.defaultExpr = *odd.defaultExpr + QStringLiteral("::character varying");
        hostile.columns << odd;
        hostile.primaryKey = PrimaryKey{pg ? QStringLiteral("pk \"hostile\"") : QString(), {QStringLiteral("select")}};
        hostile.uniques << UniqueConstraint{QStringLiteral("uq `odd`; drop"), {hostileColumnName()}};
        Index idx;
        idx.name = QStringLiteral("ix \"odd\" `é`");
        idx.parts << columnPart(hostileColumnName(), true);
        idx.unique = true;
        hostile.indexes << idx;
    }

    s.tables << items << orders << customers << departments << employees << hostile;

    if (lite) {
        Table kv;
        kv.name = QStringLiteral("kv");
        kv.columns << makeColumn(QStringLiteral("k"), SqlType(K::Text), false) << makeColumn(QStringLiteral("v"), SqlType(K::Blob));
        kv.primaryKey = PrimaryKey{{}, {QStringLiteral("k")}};
        kv.withoutRowid = true;
        s.tables << kv;
    }
    if (pg) {
        Table invoices;
        invoices.schema = QStringLiteral("billing");
        invoices.name = QStringLiteral("invoices");
        Column id = makeColumn(QStringLiteral("id"), SqlType(K::BigInt), false);
        id.identity = Column::Identity::ByDefault;
        invoices.columns << id << makeColumn(QStringLiteral("customer_id"), SqlType(K::BigInt), false)
                         << makeColumn(QStringLiteral("issued"), SqlType(K::TimestampTz), false);
        invoices.primaryKey = PrimaryKey{QStringLiteral("invoices_pkey"), {QStringLiteral("id")}};
        ForeignKey fk;
        fk.name = QStringLiteral("invoices_customer_fk");
        fk.columns = {QStringLiteral("customer_id")};
        fk.refTable = QStringLiteral("customers");
        fk.refColumns = {QStringLiteral("id")};
        invoices.foreignKeys << fk;
        s.tables << invoices;
    }

    // Views, the dependent one listed first.
    View big;
    big.name = QStringLiteral("big_customers");
    big.definition = QStringLiteral("SELECT customer_orders.customer_id, customer_orders.order_count FROM customer_orders "
                                    "WHERE customer_orders.order_count > 10");
    View co;
    co.name = QStringLiteral("customer_orders");
    co.definition = QStringLiteral("SELECT c.id AS customer_id, count(o.order_no) AS order_count FROM customers c "
                                   "LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id");
    s.views << big << co;
    return s;
}

} // namespace covet::test
