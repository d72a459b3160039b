#include "operationreverser.h"

#include "operationapplier.h"
#include "operationdescriber.h"

namespace covet {

namespace {

using R = Result<OperationList>;

R missing(const QString &what, const Operation &op)
{
    return fail(Error::Category::NotFound, QStringLiteral("%1 does not exist in the schema before the operation").arg(what),
                OperationDescriber::describe(op));
}

struct Reverser
{
    const Schema &before;
    const Operation &self;

    Result<const Table *> table(const QString &ns, const QString &name) const
    {
        auto t = OperationApplier::findTable(before, ns, name);
        if (!t)
            return std::unexpected(t.error().withContext(OperationDescriber::describe(self)));
        return t;
    }

    R operator()(const CreateTable &op) const { return OperationList{DropTable{op.table.schema, op.table.name}}; }
    R operator()(const DropTable &op) const
    {
        auto t = table(op.schema, op.name);
        if (!t)
            return std::unexpected(t.error());
        return OperationList{CreateTable{**t}};
    }
    R operator()(const RenameTable &op) const { return OperationList{RenameTable{op.schema, op.to, op.from}}; }
    R operator()(const AddColumn &op) const { return OperationList{DropColumn{op.schema, op.table, op.column.name}}; }
    R operator()(const DropColumn &op) const
    {
        auto t = table(op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const Column *c = (*t)->column(op.column);
        if (!c)
            return missing(QStringLiteral("column %1.%2").arg((*t)->qualifiedName(), op.column), self);
        // What OperationApplier drops with the column comes back with it.
        // Back where it was (MySQL/MariaDB honour the position).
        const int at = (*t)->columnIndex(op.column);
        OperationList out{AddColumn{op.schema, op.table, *c, {}, at > 0 ? (*t)->columns.at(at - 1).name : QString(), at == 0 && (*t)->columns.size() > 1}};
        if ((*t)->primaryKey && (*t)->primaryKey->columns.contains(op.column))
            out << SetPrimaryKey{op.schema, op.table, std::nullopt, (*t)->primaryKey};
        for (const UniqueConstraint &u : (*t)->uniques)
            if (u.columns.contains(op.column))
                out << AddUnique{op.schema, op.table, u};
        for (const Index &i : (*t)->indexes)
            if (i.columnNames().contains(op.column))
                out << CreateIndex{op.schema, op.table, i};
        for (const ForeignKey &f : (*t)->foreignKeys)
            if (f.columns.contains(op.column))
                out << AddForeignKey{op.schema, op.table, f};
        return out;
    }
    R operator()(const AlterColumn &op) const { return OperationList{AlterColumn{op.schema, op.table, op.after, op.before, {}}}; }
    R operator()(const RenameColumn &op) const { return OperationList{RenameColumn{op.schema, op.table, op.to, op.from}}; }
    R operator()(const CreateIndex &op) const { return OperationList{DropIndex{op.schema, op.table, op.index.name}}; }
    R operator()(const DropIndex &op) const
    {
        auto t = table(op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findIndex(**t, op.name);
        if (i < 0)
            return missing(QStringLiteral("index %1 on %2").arg(op.name, (*t)->qualifiedName()), self);
        return OperationList{CreateIndex{op.schema, op.table, (*t)->indexes.at(i)}};
    }
    R operator()(const AddForeignKey &op) const { return OperationList{DropForeignKey{op.schema, op.table, op.foreignKey}}; }
    R operator()(const DropForeignKey &op) const
    {
        auto t = table(op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findForeignKey(**t, op.foreignKey);
        if (i < 0)
            return missing(QStringLiteral("foreign key %1 on %2")
                               .arg(op.foreignKey.name.isEmpty() ? op.foreignKey.columns.join(u',') : op.foreignKey.name, (*t)->qualifiedName()),
                           self);
        return OperationList{AddForeignKey{op.schema, op.table, (*t)->foreignKeys.at(i)}};
    }
    R operator()(const AddCheck &op) const { return OperationList{DropCheck{op.schema, op.table, op.check}}; }
    R operator()(const DropCheck &op) const
    {
        auto t = table(op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findCheck(**t, op.check);
        if (i < 0)
            return missing(QStringLiteral("check %1 on %2").arg(op.check.name, (*t)->qualifiedName()), self);
        return OperationList{AddCheck{op.schema, op.table, (*t)->checks.at(i)}};
    }
    R operator()(const AddUnique &op) const { return OperationList{DropUnique{op.schema, op.table, op.unique}}; }
    R operator()(const DropUnique &op) const
    {
        auto t = table(op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findUnique(**t, op.unique);
        if (i < 0)
            return missing(QStringLiteral("unique constraint %1 on %2").arg(op.unique.name, (*t)->qualifiedName()), self);
        return OperationList{AddUnique{op.schema, op.table, (*t)->uniques.at(i)}};
    }
    R operator()(const SetPrimaryKey &op) const { return OperationList{SetPrimaryKey{op.schema, op.table, op.after, op.before}}; }
    R operator()(const CreateView &op) const { return OperationList{DropView{op.view.schema, op.view.name}}; }
    R operator()(const DropView &op) const
    {
        const View *v = before.view(op.name, op.schema);
        if (!v)
            return missing(QStringLiteral("view %1").arg(OperationApplier::qualified(op.schema, op.name)), self);
        return OperationList{CreateView{*v}};
    }
    R operator()(const CreateTrigger &op) const { return OperationList{DropTrigger{op.schema, op.table, op.trigger.name}}; }
    R operator()(const DropTrigger &op) const
    {
        auto t = table(op.schema, op.table);
        if (!t)
            return std::unexpected(t.error());
        const qsizetype i = OperationApplier::findTrigger(**t, op.name);
        if (i < 0)
            return missing(QStringLiteral("trigger %1 on %2").arg(op.name, (*t)->qualifiedName()), self);
        return OperationList{CreateTrigger{op.schema, op.table, (*t)->triggers.at(i)}};
    }
    R operator()(const CreateEnum &op) const { return OperationList{DropEnum{op.enumType.schema, op.enumType.name}}; }
    R operator()(const DropEnum &op) const
    {
        const EnumType *e = before.enumType(op.name, op.schema);
        if (!e)
            return missing(QStringLiteral("enum type %1").arg(OperationApplier::qualified(op.schema, op.name)), self);
        return OperationList{CreateEnum{*e}};
    }
    R operator()(const AlterEnum &op) const { return OperationList{AlterEnum{op.after, op.before}}; }
    R operator()(const RunSql &op) const
    {
        if (!op.reversible())
            return fail(Error::Category::Unsupported,
                        QStringLiteral("the run_sql operation has no reverse SQL, so it cannot be reversed; add reverse SQL to it "
                                       "or write the reverse migration by hand"),
                        OperationDescriber::describe(self));
        RunSql r;
        r.forward = op.reverse;
        r.reverse = op.forward;
        r.forwardByDialect = op.reverseByDialect;
        r.reverseByDialect = op.forwardByDialect;
        return OperationList{r};
    }
    R operator()(const CreateNamespace &op) const { return OperationList{DropNamespace{op.name}}; }
    R operator()(const DropNamespace &op) const { return OperationList{CreateNamespace{op.name}}; }
};

} // namespace

Result<OperationList> OperationReverser::reverse(const Operation &op, const Schema &before)
{
    return std::visit(Reverser{before, op}, op);
}

Result<OperationList> OperationReverser::reverseAll(const OperationList &ops, const Schema &before)
{
    Schema state = before;
    QList<OperationList> reversed;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        auto r = reverse(ops.at(i), state);
        if (!r)
            return std::unexpected(r.error().withContext(QStringLiteral("operation %1").arg(i + 1)));
        reversed << *r;
        if (auto ok = OperationApplier::apply(state, ops.at(i)); !ok)
            return std::unexpected(ok.error().withContext(QStringLiteral("operation %1").arg(i + 1)));
    }
    OperationList out;
    for (qsizetype i = reversed.size() - 1; i >= 0; --i)
        out << reversed.at(i);
    return out;
}

} // namespace covet
