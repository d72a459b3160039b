#include "sqlitegenerator.h"

#include "sqliterebuild.h"

#include "../operations/operationapplier.h"
#include "../operations/operationjson.h"

#include <QRegularExpression>

namespace covet {

Dialect SqliteGenerator::dialect() const
{
    return Dialect::SQLite;
}

const Column *SqliteGenerator::autoincrementColumn(const Table &table)
{
    if (!table.primaryKey || table.primaryKey->columns.size() != 1 || table.withoutRowid)
        return nullptr;
    const Column *c = table.column(table.primaryKey->columns.first());
    if (!c || c->identity != Column::Identity::AutoIncrement || !c->type.isInteger())
        return nullptr;
    return c;
}

QString SqliteGenerator::columnDefinition(const Table &table, const Column &column) const
{
    QString s = quote(column.name);
    const Column *autoinc = autoincrementColumn(table);
    if (autoinc && autoinc->name == column.name) {
        // Only the exact spelling INTEGER makes the column the rowid.
        s += QStringLiteral(" INTEGER ") + constraintPrefix(table.primaryKey->name) + QStringLiteral("PRIMARY KEY AUTOINCREMENT");
    } else {
        const QString type = column.type.toDialect(Dialect::SQLite);
        if (!type.isEmpty())
            s += u' ' + type;
    }
    if (!column.nullable)
        s += QStringLiteral(" NOT NULL");
    if (column.defaultExpr && !column.defaultExpr->trimmed().isEmpty() && !column.isGenerated())
        s += QStringLiteral(" DEFAULT ") + parenthesizedDefault(*column.defaultExpr);
    if (!column.collation.isEmpty())
        s += QStringLiteral(" COLLATE ") + quote(column.collation);
    if (column.isGenerated())
        s += QStringLiteral(" GENERATED ALWAYS AS (%1) %2")
                 .arg(column.generatedExpr.trimmed(), column.generatedStored ? QStringLiteral("STORED") : QStringLiteral("VIRTUAL"));
    return s;
}

QString SqliteGenerator::referencedTable(const Table &, const ForeignKey &fk) const
{
    // A SQLite foreign key always refers to a table of the same database.
    return quote(fk.refTable);
}

QString SqliteGenerator::foreignKeyClause(const Table &table, const ForeignKey &fk) const
{
    QString s = SqlGenerator::foreignKeyClause(table, fk);
    if (fk.deferrable)
        s += fk.initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED") : QStringLiteral(" DEFERRABLE");
    return s;
}

QStringList SqliteGenerator::createTable(const Table &table) const
{
    QStringList elements = tableElements(table, !autoincrementColumn(table));
    for (const ForeignKey &fk : table.foreignKeys)
        elements << foreignKeyClause(table, fk);
    QString s = createTableStatement(table, elements);
    if (table.withoutRowid)
        s += QStringLiteral(" WITHOUT ROWID");
    return {s};
}

QString SqliteGenerator::createIndex(const Table &table, const Index &index) const
{
    // SQLite names the schema on the index, not on the table.
    QString s = QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)")
                    .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(), qualified(table.schema, index.name),
                         quote(table.name), indexParts(index));
    if (!index.where.trimmed().isEmpty())
        s += QStringLiteral(" WHERE ") + index.where.trimmed();
    return s;
}

QString SqliteGenerator::addForeignKey(const Table &, const ForeignKey &) const
{
    return {};   // inline in CREATE TABLE
}

QString SqliteGenerator::triggerFromParts(const Table &table, const Trigger &trigger) const
{
    QString body = withoutTerminator(trigger.body);
    static const QRegularExpression beginRe(QStringLiteral("^BEGIN\\b"), QRegularExpression::CaseInsensitiveOption);
    if (!beginRe.match(body).hasMatch())
        body = QStringLiteral("BEGIN\n  %1;\nEND").arg(body);
    return QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW\n%5")
        .arg(qualified(table.schema, trigger.name), trigger.timing.toUpper(), trigger.events.value(0),
             quote(table.name), body);
}

Result<QStringList> SqliteGenerator::renderOperation(const Operation &op, const Schema &before) const
{
    auto rebuild = SqliteRebuild::tableToRebuild(*this, op, before);
    if (!rebuild)
        return std::unexpected(rebuild.error());
    if (*rebuild)
        return fail(Error::Category::Internal, QStringLiteral("SQLite: this operation needs a table rebuild (renderBatches)"));
    auto alter = [this](const QString &ns, const QString &table, const QString &action) { return QStringList{alterTable(ns, table, action)}; };
    if (const auto *o = std::get_if<RenameTable>(&op))
        return alter(o->schema, o->from, QStringLiteral("RENAME TO ") + quote(o->to));
    if (const auto *o = std::get_if<AddColumn>(&op)) {
        auto t = tableOf(before, o->schema, o->table);
        if (!t)
            return std::unexpected(t.error());
        QStringList out = alter(o->schema, o->table, QStringLiteral("ADD COLUMN ") + columnDefinition(**t, o->column));
        if (!o->backfill.trimmed().isEmpty())
            out << QStringLiteral("UPDATE %1 SET %2 = (%3)").arg(qualified(o->schema, o->table), quote(o->column.name), o->backfill.trimmed());
        return out;
    }
    if (std::holds_alternative<AlterColumn>(op))
        return QStringList();   // a comment only: SQLite keeps none
    if (const auto *o = std::get_if<DropIndex>(&op))
        return QStringList{QStringLiteral("DROP INDEX ") + qualified(o->schema, o->name)};
    if (const auto *o = std::get_if<DropTrigger>(&op))
        return QStringList{QStringLiteral("DROP TRIGGER ") + qualified(o->schema, o->name)};
    if (std::holds_alternative<DropEnum>(op) || std::holds_alternative<AlterEnum>(op) || std::holds_alternative<DropNamespace>(op))
        return QStringList();
    if (auto common = renderCommon(op, before))
        return *common;
    return fail(Error::Category::Internal, QStringLiteral("SQLite: operation not rendered"));
}

Result<QList<OperationGroup>> SqliteGenerator::renderGroups(const OperationList &ops, const Schema &before, bool applied) const
{
    Schema state = before;
    QList<OperationGroup> out;
    auto where = [&](qsizetype i) { return QStringLiteral("operation %1 (%2)").arg(i + 1).arg(OperationJson::name(ops.at(i))); };
    for (qsizetype i = 0; i < ops.size(); ++i) {
        auto target = SqliteRebuild::tableToRebuild(*this, ops.at(i), state);
        if (!target)
            return std::unexpected(target.error().withContext(where(i)));
        if (!*target) {
            auto stmts = renderOperation(ops.at(i), state);
            if (!stmts)
                return std::unexpected(stmts.error().withContext(where(i)));
            // After the last operation the schema is needed only to check it applies, which the caller did.
            if (!applied || i + 1 < ops.size())
                if (auto ok = OperationApplier::apply(state, ops.at(i)); !ok)
                    return std::unexpected(ok.error().withContext(where(i)));
            OperationGroup g{i, 1, {}};
            if (!stmts->isEmpty())
                g.batches << SqlBatch{*stmts, false};
            out << g;
            continue;
        }
        const qsizetype first = i;
        SqliteRebuild rebuild(*this, state, (*target)->first, (*target)->second);
        if (auto ok = rebuild.add(ops.at(i)); !ok)
            return std::unexpected(ok.error().withContext(where(i)));
        while (i + 1 < ops.size() && rebuild.canAbsorb(ops.at(i + 1))) {
            ++i;
            if (auto ok = rebuild.add(ops.at(i)); !ok)
                return std::unexpected(ok.error().withContext(where(i)));
        }
        auto stmts = rebuild.statements();
        if (!stmts)
            return std::unexpected(stmts.error().withContext(where(i)));
        out << OperationGroup{first, i - first + 1, {SqlBatch{*stmts, true}}};
        state = rebuild.schemaAfter();
    }
    return out;
}

Result<QList<SqlBatch>> SqliteGenerator::renderBatches(const OperationList &ops, const Schema &before) const
{
    auto groups = renderGroups(ops, before);
    if (!groups)
        return std::unexpected(groups.error());
    // In-place statements share one batch; each rebuild is its own.
    QList<SqlBatch> out;
    for (const OperationGroup &g : *groups) {
        for (const SqlBatch &b : g.batches) {
            if (!b.foreignKeysOff && !out.isEmpty() && !out.last().foreignKeysOff)
                out.last().statements << b.statements;
            else
                out << b;
        }
    }
    return out;
}

} // namespace covet
