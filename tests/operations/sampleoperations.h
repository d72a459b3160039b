#pragma once

// One operation of every type, each applicable to richSchema(PostgreSQL)
// canonicalized: shared by the applier, reverser and JSON tests.

#include "../sql/richschema.h"

#include "operations/operation.h"

#include <QList>
#include <QString>

namespace covet::test {

struct SampleOperation
{
    QString label;
    Operation op;
};

inline Schema richPgSchema()
{
    Schema s = richSchema(Dialect::PostgreSQL);
    s.canonicalize();
    return s;
}

inline QList<SampleOperation> sampleOperations()
{
    using K = SqlType::Kind;
    const Schema rich = richPgSchema();
    QList<SampleOperation> out;

    Table audit;
    audit.name = QStringLiteral("audit");
    audit.columns << makeColumn(QStringLiteral("id"), SqlType(K::BigInt), false) << makeColumn(QStringLiteral("what"), SqlType(K::Text));
    audit.primaryKey = PrimaryKey{QStringLiteral("audit_pkey"), {QStringLiteral("id")}};
    out << SampleOperation{QStringLiteral("create_table"), CreateTable{audit}};
    out << SampleOperation{QStringLiteral("drop_table"), DropTable{{}, QStringLiteral("order_items")}};
    out << SampleOperation{QStringLiteral("rename_table"), RenameTable{{}, QStringLiteral("customers"), QStringLiteral("clients")}};
    Column note2 = makeColumn(QStringLiteral("note2"), SqlType::varchar(30));
    note2.defaultExpr = QStringLiteral("'x'");
    out << SampleOperation{QStringLiteral("add_column"), AddColumn{{}, QStringLiteral("orders"), note2}};
    out << SampleOperation{QStringLiteral("drop_column"), DropColumn{{}, QStringLiteral("orders"), QStringLiteral("status")}};
    const Column status = *rich.table(QStringLiteral("orders"))->column(QStringLiteral("status"));
    Column wider = status;
    wider.type = SqlType::varchar(40);
    wider.nullable = true;
    out << SampleOperation{QStringLiteral("alter_column"), AlterColumn{{}, QStringLiteral("orders"), status, wider, QStringLiteral("status::varchar(40)")}};
    out << SampleOperation{QStringLiteral("rename_column"), RenameColumn{{}, QStringLiteral("customers"), QStringLiteral("id"), QStringLiteral("customer_id")}};
    Index byNote;
    byNote.name = QStringLiteral("orders_note_idx");
    byNote.parts << columnPart(QStringLiteral("note")) << expressionPart(QStringLiteral("lower(note)"));
    byNote.where = QStringLiteral("note IS NOT NULL");
    out << SampleOperation{QStringLiteral("create_index"), CreateIndex{{}, QStringLiteral("orders"), byNote}};
    out << SampleOperation{QStringLiteral("drop_index"), DropIndex{{}, QStringLiteral("orders"), QStringLiteral("orders_open_idx")}};
    ForeignKey toHead;
    toHead.name = QStringLiteral("employees_self_fk");
    toHead.columns = {QStringLiteral("department_id")};
    toHead.refTable = QStringLiteral("employees");
    toHead.refColumns = {QStringLiteral("id")};
    toHead.onDelete = ForeignKey::Action::SetNull;
    out << SampleOperation{QStringLiteral("add_foreign_key"), AddForeignKey{{}, QStringLiteral("employees"), toHead}};
    out << SampleOperation{QStringLiteral("drop_foreign_key"),
                           DropForeignKey{{}, QStringLiteral("orders"), rich.table(QStringLiteral("orders"))->foreignKeys.first()}};
    out << SampleOperation{QStringLiteral("add_check"), AddCheck{{}, QStringLiteral("order_items"), Check{QStringLiteral("qty_positive"), QStringLiteral("qty > 0")}}};
    out << SampleOperation{QStringLiteral("drop_check"), DropCheck{{}, QStringLiteral("orders"), Check{QStringLiteral("orders_total_check"), {}}}};
    out << SampleOperation{QStringLiteral("add_unique"),
                           AddUnique{{}, QStringLiteral("orders"), UniqueConstraint{QStringLiteral("orders_note_key"), {QStringLiteral("note")}}}};
    out << SampleOperation{QStringLiteral("drop_unique"),
                           DropUnique{{}, QStringLiteral("customers"), UniqueConstraint{QStringLiteral("customers_email_key"), {}}}};
    out << SampleOperation{QStringLiteral("set_primary_key"),
                           SetPrimaryKey{{}, QStringLiteral("order_items"), rich.table(QStringLiteral("order_items"))->primaryKey,
                                         PrimaryKey{QStringLiteral("order_items_pkey"), {QStringLiteral("id"), QStringLiteral("order_no")}}}};
    out << SampleOperation{QStringLiteral("create_view"),
                           CreateView{View{QStringLiteral("billing"), QStringLiteral("recent"), QStringLiteral("SELECT id FROM billing.invoices"), true}}};
    out << SampleOperation{QStringLiteral("drop_view"), DropView{{}, QStringLiteral("customer_orders")}};
    Trigger t;
    t.name = QStringLiteral("customers_touch");
    t.timing = QStringLiteral("AFTER");
    t.events = {QStringLiteral("UPDATE"), QStringLiteral("DELETE")};
    t.forEachRow = false;
    t.body = QStringLiteral("EXECUTE FUNCTION covet_touch()");
    out << SampleOperation{QStringLiteral("create_trigger"), CreateTrigger{{}, QStringLiteral("customers"), t}};
    out << SampleOperation{QStringLiteral("drop_trigger"), DropTrigger{{}, QStringLiteral("orders"), QStringLiteral("orders_touch")}};
    out << SampleOperation{QStringLiteral("create_enum"),
                           CreateEnum{EnumType{QStringLiteral("billing"), QStringLiteral("state"), {QStringLiteral("draft"), QStringLiteral("sent")}}}};
    out << SampleOperation{QStringLiteral("drop_enum"), DropEnum{{}, QStringLiteral("mood")}};
    EnumType mood = *rich.enumType(QStringLiteral("mood"));
    EnumType moreMood = mood;
    moreMood.values << QStringLiteral("ecstatic");
    out << SampleOperation{QStringLiteral("alter_enum"), AlterEnum{mood, moreMood}};
    RunSql sql;
    sql.forward = QStringLiteral("UPDATE orders SET note = 'x'");
    sql.reverse = QStringLiteral("UPDATE orders SET note = NULL");
    sql.forwardByDialect.insert(QStringLiteral("mysql"), QStringLiteral("UPDATE `orders` SET note = 'x'"));
    out << SampleOperation{QStringLiteral("run_sql"), sql};
    out << SampleOperation{QStringLiteral("create_namespace"), CreateNamespace{QStringLiteral("archive")}};
    out << SampleOperation{QStringLiteral("drop_namespace"), DropNamespace{QStringLiteral("billing")}};
    return out;
}

// Tables with their columns sorted by name: re-adding a dropped column puts
// it last, as the databases do.
inline Schema withColumnsByName(Schema s)
{
    s.canonicalize();
    for (Table &t : s.tables)
        std::sort(t.columns.begin(), t.columns.end(), [](const Column &a, const Column &b) { return a.name < b.name; });
    return s;
}

} // namespace covet::test
