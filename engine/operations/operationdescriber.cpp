#include "operationdescriber.h"

#include <QCoreApplication>

namespace covet {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OperationDescriber", text);
}

QString q(const QString &ns, const QString &name)
{
    return ns.isEmpty() ? name : ns + u'.' + name;
}

QString columnText(const Column &c)
{
    QString s = c.type.canonicalName() + (c.nullable ? QString() : QStringLiteral(" NOT NULL"));
    if (c.defaultExpr)
        s += QStringLiteral(" DEFAULT ") + *c.defaultExpr;
    if (c.identity != Column::Identity::None)
        s += QStringLiteral(" identity ") + identityName(c.identity);
    if (c.isGenerated())
        s += QStringLiteral(" GENERATED AS (") + c.generatedExpr + u')';
    return s;
}

QString list(const QStringList &cols)
{
    return u'(' + cols.join(QStringLiteral(", ")) + u')';
}

QString fkText(const ForeignKey &fk)
{
    QString s = fk.name.isEmpty() ? QString() : fk.name + u' ';
    return s + list(fk.columns) + QStringLiteral(" -> ") + q(fk.refSchema, fk.refTable) + u' ' + list(fk.refColumns);
}

QString indexText(const Index &i)
{
    QStringList parts;
    for (const IndexPart &p : i.parts)
        parts << (p.isExpression() ? p.expression : p.column) + (p.descending ? QStringLiteral(" DESC") : QString());
    QString s = i.name + u' ' + list(parts);
    if (i.unique)
        s = QStringLiteral("unique ") + s;
    if (!i.where.isEmpty())
        s += QStringLiteral(" WHERE ") + i.where;
    return s;
}

QString shortSql(const QString &sql)
{
    QString s = sql.simplified();
    return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
}

struct Describer
{
    QString operator()(const CreateTable &op) const
    {
        return tr("Create table %1 (%2 columns)").arg(op.table.qualifiedName()).arg(op.table.columns.size());
    }
    QString operator()(const DropTable &op) const { return tr("Drop table %1").arg(q(op.schema, op.name)); }
    QString operator()(const RenameTable &op) const { return tr("Rename table %1 to %2").arg(q(op.schema, op.from), op.to); }
    QString operator()(const AddColumn &op) const
    {
        QString s = tr("Add column %1.%2 %3").arg(q(op.schema, op.table), op.column.name, columnText(op.column));
        if (!op.backfill.trimmed().isEmpty())
            s += tr(", existing rows set to %1").arg(op.backfill.trimmed());
        return s;
    }
    QString operator()(const DropColumn &op) const { return tr("Drop column %1.%2").arg(q(op.schema, op.table), op.column); }
    QString operator()(const AlterColumn &op) const
    {
        QString s = tr("Alter column %1.%2: %3").arg(q(op.schema, op.table), op.after.name, OperationDescriber::columnChanges(op.before, op.after));
        if (op.allowLossy)
            s += tr(" (lossy conversion allowed)");
        return s;
    }
    QString operator()(const RenameColumn &op) const
    {
        return tr("Rename column %1.%2 to %3").arg(q(op.schema, op.table), op.from, op.to);
    }
    QString operator()(const CreateIndex &op) const { return tr("Create index %1 on %2").arg(indexText(op.index), q(op.schema, op.table)); }
    QString operator()(const DropIndex &op) const { return tr("Drop index %1 on %2").arg(op.name, q(op.schema, op.table)); }
    QString operator()(const AddForeignKey &op) const
    {
        return tr("Add foreign key %1 on %2").arg(fkText(op.foreignKey), q(op.schema, op.table));
    }
    QString operator()(const DropForeignKey &op) const
    {
        return tr("Drop foreign key %1 on %2").arg(fkText(op.foreignKey), q(op.schema, op.table));
    }
    QString operator()(const AddCheck &op) const
    {
        return tr("Add check %1 (%2) on %3").arg(op.check.name, op.check.expression, q(op.schema, op.table)).simplified();
    }
    QString operator()(const DropCheck &op) const
    {
        return tr("Drop check %1 (%2) on %3").arg(op.check.name, op.check.expression, q(op.schema, op.table)).simplified();
    }
    QString operator()(const AddUnique &op) const
    {
        return tr("Add unique constraint %1 %2 on %3").arg(op.unique.name, list(op.unique.columns), q(op.schema, op.table)).simplified();
    }
    QString operator()(const DropUnique &op) const
    {
        return tr("Drop unique constraint %1 %2 on %3").arg(op.unique.name, list(op.unique.columns), q(op.schema, op.table)).simplified();
    }
    QString operator()(const SetPrimaryKey &op) const
    {
        const QString before = op.before ? list(op.before->columns) : tr("none");
        const QString after = op.after ? list(op.after->columns) : tr("none");
        return tr("Set primary key of %1: %2 -> %3").arg(q(op.schema, op.table), before, after);
    }
    QString operator()(const CreateView &op) const
    {
        return (op.view.materialized ? tr("Create materialized view %1") : tr("Create view %1")).arg(q(op.view.schema, op.view.name));
    }
    QString operator()(const DropView &op) const { return tr("Drop view %1").arg(q(op.schema, op.name)); }
    QString operator()(const CreateTrigger &op) const
    {
        return tr("Create trigger %1 on %2 (%3 %4)")
            .arg(op.trigger.name, q(op.schema, op.table), op.trigger.timing, op.trigger.events.join(QStringLiteral(" OR ")));
    }
    QString operator()(const DropTrigger &op) const { return tr("Drop trigger %1 on %2").arg(op.name, q(op.schema, op.table)); }
    QString operator()(const CreateEnum &op) const
    {
        return tr("Create enum type %1 %2").arg(q(op.enumType.schema, op.enumType.name), list(op.enumType.values));
    }
    QString operator()(const DropEnum &op) const { return tr("Drop enum type %1").arg(q(op.schema, op.name)); }
    QString operator()(const AlterEnum &op) const
    {
        return tr("Alter enum type %1: %2 -> %3").arg(q(op.after.schema, op.after.name), list(op.before.values), list(op.after.values));
    }
    QString operator()(const RunSql &op) const
    {
        QString sql = op.forward;
        if (sql.isEmpty() && !op.forwardByDialect.isEmpty())
            sql = op.forwardByDialect.first();
        return (op.reversible() ? tr("Run SQL: %1") : tr("Run SQL (irreversible): %1")).arg(shortSql(sql));
    }
    QString operator()(const CreateNamespace &op) const { return tr("Create schema %1").arg(op.name); }
    QString operator()(const DropNamespace &op) const { return tr("Drop schema %1").arg(op.name); }
};

} // namespace

QString OperationDescriber::describe(const Operation &op)
{
    return std::visit(Describer{}, op);
}

QString OperationDescriber::columnChanges(const Column &a, const Column &b)
{
    QStringList changes;
    if (!a.type.equivalent(b.type) || a.type.enumName() != b.type.enumName())
        changes << tr("type %1 -> %2").arg(a.type.canonicalName(), b.type.canonicalName());
    if (a.nullable != b.nullable)
        changes << (b.nullable ? tr("NOT NULL -> NULL") : tr("NULL -> NOT NULL"));
    if (a.defaultExpr != b.defaultExpr)
        changes << tr("default %1 -> %2").arg(a.defaultExpr.value_or(tr("none")), b.defaultExpr.value_or(tr("none")));
    if (a.identity != b.identity)
        changes << tr("identity %1 -> %2").arg(identityName(a.identity), identityName(b.identity));
    if (a.generatedExpr != b.generatedExpr || a.generatedStored != b.generatedStored)
        changes << tr("generated %1 -> %2").arg(a.isGenerated() ? a.generatedExpr : tr("none"), b.isGenerated() ? b.generatedExpr : tr("none"));
    if (a.onUpdateExpr != b.onUpdateExpr)
        changes << tr("on update %1 -> %2").arg(a.onUpdateExpr.isEmpty() ? tr("none") : a.onUpdateExpr, b.onUpdateExpr.isEmpty() ? tr("none") : b.onUpdateExpr);
    if (a.collation != b.collation)
        changes << tr("collation %1 -> %2").arg(a.collation.isEmpty() ? tr("default") : a.collation, b.collation.isEmpty() ? tr("default") : b.collation);
    if (a.charset != b.charset)
        changes << tr("charset %1 -> %2").arg(a.charset.isEmpty() ? tr("default") : a.charset, b.charset.isEmpty() ? tr("default") : b.charset);
    if (a.comment != b.comment)
        changes << tr("comment changed");
    return changes.join(QStringLiteral(", "));
}

} // namespace covet
