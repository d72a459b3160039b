// covet-test-labels: engine
// One test per rule of the squash optimiser: the expected shorter list, and
// that it applies to the same schema as the original list (from a starting
// schema where the rule is about an existing table).
#include "operations/operationapplier.h"
#include "operations/squashoptimizer.h"

#include <QTest>

using namespace covet;

namespace {

using K = SqlType::Kind;
const DialectCapabilities kPg = DialectCapabilities::of(Dialect::PostgreSQL);

Column col(const QString &name, K kind = K::Integer, bool nullable = true)
{
    Column c;
    c.name = name;
    c.type = SqlType(kind);
    c.nullable = nullable;
    return c;
}

Table table(const QString &name, const QStringList &columns = {})
{
    Table t;
    t.name = name;
    t.columns << col(QStringLiteral("id"), K::BigInt, false);
    for (const QString &c : columns)
        t.columns << col(c);
    t.primaryKey = PrimaryKey{name + QStringLiteral("_pkey"), {QStringLiteral("id")}};
    return t;
}

Index index(const QString &name, const QString &column)
{
    Index i;
    i.name = name;
    i.parts << IndexPart{column, {}, false, -1};
    return i;
}

RunSql sql(const QString &text)
{
    RunSql r;
    r.forward = text;
    return r;
}

AlterColumn alter(const Column &before, const Column &after)
{
    AlterColumn a;
    a.table = QStringLiteral("users");
    a.before = before;
    a.after = after;
    return a;
}

Schema start()
{
    Schema s;
    s.tables << table(QStringLiteral("users"), {QStringLiteral("email")}) << table(QStringLiteral("orders"), {QStringLiteral("user_id")});
    return s;
}

// The optimised list, after checking it applies like the original.
OperationList squash(const OperationList &ops, const Schema &from = start())
{
    const SquashedOperations out = SquashOptimizer::optimize(ops, kPg, &from);
    auto a = OperationApplier::applyAll(from, ops);
    auto b = OperationApplier::applyAll(from, out.operations);
    if (!a || !b) {
        qWarning("original: %s / squashed: %s", qPrintable(a ? QString() : a.error().toString()),
                 qPrintable(b ? QString() : b.error().toString()));
        return {sql(QStringLiteral("does not apply"))};
    }
    a->canonicalize();
    b->canonicalize();
    if (*a != *b) {
        qWarning("the squashed list gives another schema");
        return {sql(QStringLiteral("differs"))};
    }
    return out.operations;
}

} // namespace

class TestSquashOptimizer : public QObject
{
    Q_OBJECT

private slots:
    void foldsIntoCreateTable()
    {
        Table t = table(QStringLiteral("items"));
        ForeignKey fk{QStringLiteral("items_user_fk"), {QStringLiteral("user_id")}, {}, QStringLiteral("users"), {QStringLiteral("id")}};
        Check check{QStringLiteral("items_qty"), QStringLiteral("qty > 0")};
        const OperationList ops{CreateTable{t},
                                AddColumn{{}, QStringLiteral("items"), col(QStringLiteral("user_id"))},
                                AddColumn{{}, QStringLiteral("items"), col(QStringLiteral("qty"))},
                                CreateIndex{{}, QStringLiteral("items"), index(QStringLiteral("items_user_idx"), QStringLiteral("user_id"))},
                                AddForeignKey{{}, QStringLiteral("items"), fk},
                                AddCheck{{}, QStringLiteral("items"), check},
                                AddUnique{{}, QStringLiteral("items"), UniqueConstraint{QStringLiteral("items_qty_key"), {QStringLiteral("qty")}}}};
        Table expected = t;
        expected.columns << col(QStringLiteral("user_id")) << col(QStringLiteral("qty"));
        expected.indexes << index(QStringLiteral("items_user_idx"), QStringLiteral("user_id"));
        expected.foreignKeys << fk;
        expected.checks << check;
        expected.uniques << UniqueConstraint{QStringLiteral("items_qty_key"), {QStringLiteral("qty")}};
        QCOMPARE(squash(ops), (OperationList{CreateTable{expected}}));
    }

    void renamesFoldIntoCreate()
    {
        const OperationList ops{CreateTable{table(QStringLiteral("a"), {QStringLiteral("x")})},
                                RenameColumn{{}, QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("y")},
                                RenameTable{{}, QStringLiteral("a"), QStringLiteral("b")},
                                RenameTable{{}, QStringLiteral("b"), QStringLiteral("c")}};
        Table expected = table(QStringLiteral("a"), {QStringLiteral("y")});
        expected.name = QStringLiteral("c");
        QCOMPARE(squash(ops), (OperationList{CreateTable{expected}}));
    }

    void createAndDropCancel()
    {
        const OperationList ops{CreateTable{table(QStringLiteral("tmp"))}, AddColumn{{}, QStringLiteral("tmp"), col(QStringLiteral("x"))},
                                CreateIndex{{}, QStringLiteral("tmp"), index(QStringLiteral("tmp_x"), QStringLiteral("x"))},
                                DropTable{{}, QStringLiteral("tmp")}};
        QCOMPARE(squash(ops), OperationList{});
    }

    void addAndDropColumnCancel()
    {
        const OperationList ops{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("nick"))},
                                AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("age"))},
                                DropColumn{{}, QStringLiteral("users"), QStringLiteral("nick")}};
        QCOMPARE(squash(ops), (OperationList{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("age"))}}));
    }

    void columnUsedInBetweenIsKept()
    {
        // The index names the column: add and drop must both stay.
        const OperationList ops{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("nick"))},
                                CreateIndex{{}, QStringLiteral("users"), index(QStringLiteral("users_nick"), QStringLiteral("nick"))},
                                DropColumn{{}, QStringLiteral("users"), QStringLiteral("nick")}};
        QCOMPARE(squash(ops).size(), 3);
    }

    void renameChainsCollapse()
    {
        const OperationList ops{RenameColumn{{}, QStringLiteral("users"), QStringLiteral("email"), QStringLiteral("mail")},
                                RenameColumn{{}, QStringLiteral("users"), QStringLiteral("mail"), QStringLiteral("e_mail")},
                                RenameTable{{}, QStringLiteral("orders"), QStringLiteral("purchases")},
                                RenameTable{{}, QStringLiteral("purchases"), QStringLiteral("orders")}};
        QCOMPARE(squash(ops), (OperationList{RenameColumn{{}, QStringLiteral("users"), QStringLiteral("email"), QStringLiteral("e_mail")}}));
    }

    void renameOfAddedColumnRenamesTheAdd()
    {
        const OperationList ops{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("nick"))},
                                RenameColumn{{}, QStringLiteral("users"), QStringLiteral("nick"), QStringLiteral("handle")}};
        QCOMPARE(squash(ops), (OperationList{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("handle"))}}));
    }

    void lastAlterWins()
    {
        Column a = col(QStringLiteral("email"));
        Column b = a;
        b.type = SqlType(K::Text);
        Column c = b;
        c.defaultExpr = QStringLiteral("''");
        Column d = c;
        d.comment = QStringLiteral("contact");
        const OperationList ops{alter(a, b), alter(b, c),
                                alter(c, d)};
        QCOMPARE(squash(ops), (OperationList{alter(a, d)}));
        // Two type changes may change values (text -> int -> text): kept apart.
        Column e = d;
        e.type = SqlType(K::BigInt);
        QCOMPARE(squash({alter(a, b), alter(b, e)}).size(), 2);
    }

    void indexCreateDropCancel()
    {
        const OperationList ops{CreateIndex{{}, QStringLiteral("orders"), index(QStringLiteral("orders_user"), QStringLiteral("user_id"))},
                                AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("age"))},
                                DropIndex{{}, QStringLiteral("orders"), QStringLiteral("orders_user")}};
        QCOMPARE(squash(ops), (OperationList{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("age"))}}));
        ForeignKey fk{QStringLiteral("orders_user_fk"), {QStringLiteral("user_id")}, {}, QStringLiteral("users"), {QStringLiteral("id")}};
        QCOMPARE(squash({AddForeignKey{{}, QStringLiteral("orders"), fk}, DropForeignKey{{}, QStringLiteral("orders"), fk}}), OperationList{});
        // InnoDB keeps the key's index after the drop: the drop stays there.
        const OperationList keyed{AddForeignKey{{}, QStringLiteral("orders"), fk}, DropForeignKey{{}, QStringLiteral("orders"), fk}};
        QCOMPARE(SquashOptimizer::optimize(keyed, DialectCapabilities::of(Dialect::MySQL)).operations, keyed);
    }

    void opsOnDroppedTableLeftOut()
    {
        const OperationList ops{AddColumn{{}, QStringLiteral("orders"), col(QStringLiteral("note"))},
                                CreateIndex{{}, QStringLiteral("orders"), index(QStringLiteral("orders_note"), QStringLiteral("note"))},
                                DropTable{{}, QStringLiteral("orders")}};
        QCOMPARE(squash(ops), (OperationList{DropTable{{}, QStringLiteral("orders")}}));
    }

    void runSqlIsABarrierUnlessElidable()
    {
        RunSql fill = sql(QStringLiteral("UPDATE items SET qty = 1"));
        const OperationList ops{CreateTable{table(QStringLiteral("items"))}, fill,
                                AddColumn{{}, QStringLiteral("items"), col(QStringLiteral("qty"))}};
        QCOMPARE(squash(ops), ops);
        fill.elidable = true;
        const SquashedOperations out = SquashOptimizer::optimize({ops.at(0), fill, ops.at(2)}, kPg);
        QCOMPARE(out.operations.size(), 1);
        QCOMPARE(out.elided, 1);
    }

    void runSqlIsABarrierOnlyForWhatItNames()
    {
        // A fix-up of users: items (named nowhere) still folds across it.
        const RunSql fix = sql(QStringLiteral("UPDATE users SET email = NULL WHERE id > 0 AND \"email\" IN ('', ' ')"));
        const OperationList ops{CreateTable{table(QStringLiteral("items"))}, fix, AddColumn{{}, QStringLiteral("items"), col(QStringLiteral("qty"))}};
        QCOMPARE(squash(ops), (OperationList{CreateTable{table(QStringLiteral("items"), {QStringLiteral("qty")})}, fix}));
        // What it names stays on its side: the add and drop of users.nick do not cancel across it.
        const OperationList named{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("nick"))}, fix,
                                  DropColumn{{}, QStringLiteral("users"), QStringLiteral("nick")}};
        QCOMPARE(squash(named), named);
        // SELECT 1 names nothing: a barrier for nothing.
        QCOMPARE(squash({ops.at(0), sql(QStringLiteral("SELECT 1")), ops.at(2)}).size(), 2);
    }

    void runSqlStaysAFullBarrierWhenInDoubt()
    {
        // A function call, a word that is no data keyword (DDL), a quoted
        // unknown name, text only MySQL runs, a DO block: the SQL may touch
        // anything, so nothing crosses it; and a fix-up of items itself
        // holds items' own operations back.
        for (const QString &text : {QStringLiteral("UPDATE users SET email = lower(email)"),
                                    QStringLiteral("UPDATE users SET email = NULL; DROP TABLE items"),
                                    QStringLiteral("UPDATE users SET \"nick\" = NULL"), QStringLiteral("SELECT 1 /*! , 2 */"),
                                    QStringLiteral("DO $$ BEGIN PERFORM 1; END $$"), QStringLiteral("UPDATE items SET id = id")}) {
            const OperationList ops{CreateTable{table(QStringLiteral("items"))}, sql(text), AddColumn{{}, QStringLiteral("items"), col(QStringLiteral("qty"))}};
            QVERIFY2(squash(ops) == ops, qPrintable(text));
        }
        // A trigger on the named table may do anything, unless its text
        // passes the same reading: then what it names joins the scope.
        Schema withTrigger = start();
        Trigger tr;
        tr.name = QStringLiteral("users_audit");
        tr.timing = QStringLiteral("AFTER");
        tr.events = {QStringLiteral("UPDATE")};
        tr.body = QStringLiteral("EXECUTE FUNCTION users_audit()");
        withTrigger.tables.first().triggers << tr;
        const OperationList ops{CreateTable{table(QStringLiteral("items"))}, sql(QStringLiteral("UPDATE users SET email = NULL")),
                                AddColumn{{}, QStringLiteral("items"), col(QStringLiteral("qty"))}};
        QCOMPARE(squash(ops, withTrigger), ops);
        withTrigger.tables.first().triggers.first().body = QStringLiteral("UPDATE orders SET user_id = NULL WHERE id = 0");
        QCOMPARE(squash(ops, withTrigger).size(), 2);
        const OperationList viaTrigger{AddColumn{{}, QStringLiteral("orders"), col(QStringLiteral("note"))}, ops.at(1),
                                       DropColumn{{}, QStringLiteral("orders"), QStringLiteral("note")}};
        QCOMPARE(squash(viaTrigger, withTrigger), viaTrigger);
    }

    void runSqlReachesTablesWhoseKeysReachIt()
    {
        // orders references users ON DELETE CASCADE: deleting users may
        // change orders; a key without an action only checks orders.
        const RunSql purge = sql(QStringLiteral("DELETE FROM users WHERE id = 0"));
        const OperationList ops{AddColumn{{}, QStringLiteral("orders"), col(QStringLiteral("note"))}, purge,
                                DropColumn{{}, QStringLiteral("orders"), QStringLiteral("note")}};
        QCOMPARE(squash(ops), OperationList{purge});
        ForeignKey fk{QStringLiteral("orders_user_fk"), {QStringLiteral("user_id")}, {}, QStringLiteral("users"), {QStringLiteral("id")}};
        Schema checked = start();
        checked.tables[1].foreignKeys << fk;
        QCOMPARE(squash(ops, checked), OperationList{purge});
        Schema cascading = checked;
        cascading.tables[1].foreignKeys.first().onDelete = ForeignKey::Action::Cascade;
        QCOMPARE(squash(ops, cascading), ops);
        // The key that checks the delete stays on its side of it.
        Table lines = table(QStringLiteral("lines"), {QStringLiteral("user_id")});
        ForeignKey linesFk = fk;
        linesFk.name = QStringLiteral("lines_user_fk");
        lines.foreignKeys << linesFk;
        const OperationList dropped{CreateTable{lines}, purge, DropForeignKey{{}, QStringLiteral("lines"), linesFk}};
        QCOMPARE(squash(dropped), dropped);
    }

    void dropsHoldBackOnlyTheIndexesTheyTake()
    {
        // Dropping orders.user_id takes no index named items_id: the index
        // folds into items across it.
        const OperationList ops{CreateTable{table(QStringLiteral("items"))}, DropColumn{{}, QStringLiteral("orders"), QStringLiteral("user_id")},
                                CreateIndex{{}, QStringLiteral("items"), index(QStringLiteral("items_id"), QStringLiteral("id"))}};
        QCOMPARE(squash(ops).size(), 2);
        // Where the drop takes an index of that name, the name is free only after it.
        Schema indexed = start();
        indexed.tables[1].indexes << index(QStringLiteral("items_id"), QStringLiteral("user_id"));
        QCOMPARE(squash(ops, indexed), ops);
        const OperationList dropTable{ops.at(0), DropTable{{}, QStringLiteral("orders")}, ops.at(2)};
        QCOMPARE(squash(dropTable, indexed), dropTable);
        QCOMPARE(squash(dropTable).size(), 2);
    }

    void columnRenameHoldsBackOnlyTheViewsItRewrites()
    {
        // The view over users is rewritten by the rename; renaming items is
        // not: it folds into its create_table across the column rename.
        Schema viewed = start();
        viewed.views << View{{}, QStringLiteral("contacts"), QStringLiteral("SELECT email FROM users"), false};
        const RenameColumn rename{{}, QStringLiteral("users"), QStringLiteral("email"), QStringLiteral("mail")};
        const OperationList ops{CreateTable{table(QStringLiteral("items"))}, rename, RenameTable{{}, QStringLiteral("items"), QStringLiteral("goods")}};
        Table goods = table(QStringLiteral("items"));
        goods.name = QStringLiteral("goods");
        QCOMPARE(squash(ops, viewed), (OperationList{CreateTable{goods}, rename}));
    }

    void dropColumnWaitsForDropsThatMayUseIt()
    {
        // drop_index names only the index, which is on x: drop_column x must
        // not fold into create_table before it (it would take the index first).
        Table items = table(QStringLiteral("items"), {QStringLiteral("x")});
        items.indexes << index(QStringLiteral("items_x"), QStringLiteral("x"));
        const ForeignKey fk{QStringLiteral("orders_item_fk"), {QStringLiteral("user_id")}, {}, QStringLiteral("items"), {QStringLiteral("id")}};
        const OperationList ops{CreateTable{items}, AddForeignKey{{}, QStringLiteral("orders"), fk},
                                DropIndex{{}, QStringLiteral("items"), QStringLiteral("items_x")}, DropForeignKey{{}, QStringLiteral("orders"), fk},
                                DropColumn{{}, QStringLiteral("items"), QStringLiteral("x")}};
        QCOMPARE(squash(ops), (OperationList{CreateTable{table(QStringLiteral("items"))}}));
    }

    void viewsHoldBackWhatTheyRead()
    {
        // The view reads users: a column rename of users must not move before it.
        const OperationList ops{CreateTable{table(QStringLiteral("t"))},
                                CreateView{View{{}, QStringLiteral("v"), QStringLiteral("SELECT id FROM t"), false}},
                                AddColumn{{}, QStringLiteral("t"), col(QStringLiteral("x"))},
                                DropView{{}, QStringLiteral("v")}};
        // The view holds add_column back in the first round; once create_view
        // + drop_view cancel, the next round folds it.
        Table t = table(QStringLiteral("t"));
        t.columns << col(QStringLiteral("x"));
        QCOMPARE(squash(ops), (OperationList{CreateTable{t}}));
        // With the view staying, add_column stays after it.
        QCOMPARE(squash(ops.mid(0, 3)).size(), 3);
    }

    void enumsFold()
    {
        EnumType mood{{}, QStringLiteral("mood"), {QStringLiteral("sad")}};
        EnumType more = mood;
        more.values << QStringLiteral("happy");
        QCOMPARE(squash({CreateEnum{mood}, AlterEnum{mood, more}}), (OperationList{CreateEnum{more}}));
        QCOMPARE(squash({CreateEnum{mood}, DropEnum{{}, QStringLiteral("mood")}}), OperationList{});
    }

    void pairsMeetAcrossALongDistance()
    {
        // 450 operations on another table in between used to put the add
        // out of the drop's reach (a window of 400).
        OperationList ops{AddColumn{{}, QStringLiteral("users"), col(QStringLiteral("nick"))}};
        for (int i = 0; i < 450; ++i)
            ops << AddColumn{{}, QStringLiteral("orders"), col(QStringLiteral("c%1").arg(i))};
        ops << DropColumn{{}, QStringLiteral("users"), QStringLiteral("nick")};
        QCOMPARE(squash(ops), ops.mid(1, 450));
    }

    void deterministic()
    {
        OperationList ops;
        for (int i = 0; i < 50; ++i) {
            const QString t = QStringLiteral("t%1").arg(i % 7);
            if (i < 7)
                ops << CreateTable{table(t)};
            else
                ops << AddColumn{{}, t, col(QStringLiteral("c%1").arg(i))};
        }
        const SquashedOperations a = SquashOptimizer::optimize(ops, kPg);
        const SquashedOperations b = SquashOptimizer::optimize(ops, kPg);
        QCOMPARE(a.operations, b.operations);
        QCOMPARE(a.rules, b.rules);
        QCOMPARE(a.operations.size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestSquashOptimizer)
#include "tst_squashoptimizer.moc"
