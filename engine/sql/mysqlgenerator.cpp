#include "mysqlgenerator.h"

#include "sqlscriptsplitter.h"

#include <QRegularExpression>

#include <concepts>
#include <optional>

namespace covet {

namespace {

// The prefix length of an index part (MySQL "`name`(10)"), if the model
// carries one: IndexPart may gain a `length` field (int or optional<int>).
template <typename Part>
int prefixLength(const Part &part)
{
    if constexpr (requires { { part.length } -> std::convertible_to<int>; }) {
        return int(part.length);
    } else if constexpr (requires { part.length.has_value(); *part.length; }) {
        return part.length.has_value() ? int(*part.length) : -1;
    } else {
        return -1;
    }
}

// Index methods MySQL knows, spelled as keywords.
QString methodKeyword(const QString &method)
{
    const QString m = method.trimmed().toUpper();
    static const QStringList known = {QStringLiteral("BTREE"), QStringLiteral("HASH"), QStringLiteral("RTREE"),
                                      QStringLiteral("FULLTEXT"), QStringLiteral("SPATIAL")};
    return known.contains(m) ? m : QString();
}

} // namespace

Dialect MysqlGenerator::dialect() const
{
    return Dialect::MySQL;
}

QString MysqlGenerator::columnDefinition(const Table &, const Column &column) const
{
    QString type;
    if (column.type.kind() == SqlType::Kind::Enum && column.type.arrayDimensions() == 0) {
        QStringList values;
        for (const QString &v : column.type.enumValues())
            values << literal(v);
        type = QStringLiteral("enum(%1)").arg(values.join(u','));
    } else {
        type = column.type.toDialect(Dialect::MySQL);
    }
    QString s = quote(column.name) + u' ' + type;
    if (!column.charset.isEmpty())
        s += QStringLiteral(" CHARACTER SET ") + quote(column.charset);
    if (!column.collation.isEmpty())
        s += QStringLiteral(" COLLATE ") + quote(column.collation);
    if (column.isGenerated()) {
        // MariaDB refuses NOT NULL and DEFAULT on generated columns.
        s += QStringLiteral(" GENERATED ALWAYS AS (%1) %2")
                 .arg(column.generatedExpr.trimmed(), column.generatedStored ? QStringLiteral("STORED") : QStringLiteral("VIRTUAL"));
    } else {
        if (!column.nullable)
            s += QStringLiteral(" NOT NULL");
        if (column.defaultExpr && !column.defaultExpr->trimmed().isEmpty() && column.identity == Column::Identity::None)
            s += QStringLiteral(" DEFAULT ") + parenthesizedDefault(*column.defaultExpr);
        if (!column.onUpdateExpr.trimmed().isEmpty())
            s += QStringLiteral(" ON UPDATE ") + column.onUpdateExpr.trimmed();
        if (column.identity != Column::Identity::None)
            s += QStringLiteral(" AUTO_INCREMENT");
    }
    if (!column.comment.isEmpty())
        s += QStringLiteral(" COMMENT ") + literal(column.comment);
    return s;
}

QString MysqlGenerator::primaryKeyClause(const PrimaryKey &pk) const
{
    // A MySQL primary key is always named PRIMARY.
    return QStringLiteral("PRIMARY KEY (%1)").arg(quoteList(pk.columns));
}

QString MysqlGenerator::indexPart(const IndexPart &part) const
{
    QString s;
    if (part.isExpression()) {
        s = u'(' + part.expression.trimmed() + u')';
    } else {
        s = quote(part.column);
        if (const int len = prefixLength(part); len > 0)
            s += QStringLiteral("(%1)").arg(len);
    }
    if (part.descending)
        s += QStringLiteral(" DESC");
    return s;
}

QString MysqlGenerator::foreignKeyActions(const ForeignKey &fk) const
{
    return QStringLiteral(" ON DELETE %1 ON UPDATE %2").arg(fkActionSql(fk.onDelete), fkActionSql(fk.onUpdate));
}

QString MysqlGenerator::tableOptions(const Table &table) const
{
    QStringList options;
    if (!table.engine.isEmpty())
        options << QStringLiteral("ENGINE=") + quote(table.engine);
    if (!table.charset.isEmpty())
        options << QStringLiteral("DEFAULT CHARSET=") + quote(table.charset);
    if (!table.collation.isEmpty())
        options << QStringLiteral("COLLATE=") + quote(table.collation);
    if (!table.comment.isEmpty())
        options << QStringLiteral("COMMENT=") + literal(table.comment);
    return options.join(u' ');
}

QStringList MysqlGenerator::createTable(const Table &table) const
{
    QString s = createTableStatement(table, tableElements(table));
    const QString options = tableOptions(table);
    if (!options.isEmpty())
        s += u' ' + options;
    return {s};
}

QString MysqlGenerator::createIndex(const Table &table, const Index &index) const
{
    const QString method = methodKeyword(index.method);
    QString kind;
    if (method == u"FULLTEXT" || method == u"SPATIAL")
        kind = method + u' ';
    else if (index.unique)
        kind = QStringLiteral("UNIQUE ");
    QString s = QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)")
                    .arg(kind, quote(index.name), qualified(table.schema, table.name), indexParts(index));
    if (method == u"HASH" || method == u"RTREE")
        s += QStringLiteral(" USING ") + method;
    return s;
}

QString MysqlGenerator::triggerFromParts(const Table &table, const Trigger &trigger) const
{
    return QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW %5")
        .arg(qualified(table.schema, trigger.name), trigger.timing.toUpper(), trigger.events.value(0),
             qualified(table.schema, table.name), withoutTerminator(trigger.body));
}

QString MysqlGenerator::scriptText(const ScriptStatement &statement) const
{
    // The mariadb/mysql client splits on ';': a body holding ';' needs
    // another delimiter for the time of the statement. Outside trigger
    // bodies a ';' can only be inside quotes, which the client skips as the
    // splitter does (the client knows nothing of BEGIN ... END).
    bool needsDelimiter = statement.sql.contains(u';');
    if (needsDelimiter && statement.kind != ScriptStatement::Kind::Trigger) {
        const auto parts = SqlScriptSplitter::split(statement.sql + u';', Dialect::MySQL);
        needsDelimiter = !parts || parts->size() != 1;
    }
    if (!needsDelimiter)
        return statement.sql + QStringLiteral(";\n");
    QString delimiter = QStringLiteral("$$");
    for (const QString &candidate : {QStringLiteral("$$"), QStringLiteral("//"), QStringLiteral(";;"), QStringLiteral("$covet$")}) {
        if (!statement.sql.contains(candidate)) {
            delimiter = candidate;
            break;
        }
    }
    return QStringLiteral("DELIMITER %1\n%2%1\nDELIMITER ;\n").arg(delimiter, statement.sql);
}

QString MysqlGenerator::dropConstraintAction(ConstraintKind kind) const
{
    switch (kind) {
    case ConstraintKind::ForeignKey:
        return QStringLiteral("DROP FOREIGN KEY");
    case ConstraintKind::Unique:
        return QStringLiteral("DROP INDEX");
    case ConstraintKind::Check:
        break;
    }
    return SqlGenerator::dropConstraintAction(kind);
}

// Whether InnoDB holds an index of its own for the foreign key `fkName` of
// `t` (a table as the model has it), one Covet can drop with it: InnoDB
// creates one, named after the key, when no index leads with the key's
// columns (a prefix-length part cannot serve a key), drops it silently when
// such an index comes later, and keeps it when the key is dropped. When
// another key's columns lead this key's or the other way round, the two may
// share one index, named after whichever came first, and the model cannot
// tell which: then the index is left (dropping it would fail with "needed in
// a foreign key constraint", or name an index that does not exist).
bool MysqlGenerator::hasImplicitIndex(const Table &t, const QString &fkName)
{
    const auto same = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) == 0; };
    const auto fk = std::find_if(t.foreignKeys.cbegin(), t.foreignKeys.cend(), [&](const ForeignKey &f) { return same(f.name, fkName); });
    if (fk == t.foreignKeys.cend() || fk->columns.isEmpty())
        return false;
    const auto leads = [&](const QStringList &columns, const QStringList &by) {
        if (columns.size() < by.size())
            return false;
        for (qsizetype i = 0; i < by.size(); ++i)
            if (!same(columns.at(i), by.at(i)))
                return false;
        return true;
    };
    if (t.primaryKey && leads(t.primaryKey->columns, fk->columns))
        return false;
    for (const Index &i : t.indexes) {
        QStringList columns;   // the leading parts that can serve a key: whole columns
        for (const IndexPart &p : i.parts) {
            if (p.isExpression() || p.length >= 0)
                break;
            columns << p.column;
        }
        if (same(i.name, fkName) || leads(columns, fk->columns))
            return false;
    }
    for (const UniqueConstraint &u : t.uniques)
        if (same(u.name, fkName) || leads(u.columns, fk->columns))
            return false;
    for (const ForeignKey &f : t.foreignKeys)
        if (!same(f.name, fkName) && (leads(f.columns, fk->columns) || leads(fk->columns, f.columns)))
            return false;
    return true;
}

qsizetype MysqlGenerator::keyTakenWith(const OperationList &ops, qsizetype i)
{
    const auto *add = std::get_if<AddColumn>(&ops.at(i));
    if (!add || add->column.identity == Column::Identity::None || !add->backfill.trimmed().isEmpty())
        return -1;
    for (qsizetype j = i + 1; j < ops.size(); ++j) {
        const auto *key = std::get_if<SetPrimaryKey>(&ops.at(j));
        if (!key || key->schema != add->schema || key->table != add->table)
            continue;
        // The table's next key change decides.
        return key->after && key->after->columns == QStringList{add->column.name} ? j : -1;
    }
    return -1;
}

Result<QStringList> MysqlGenerator::renderInPlan(const OperationList &ops, qsizetype i, const Schema &before) const
{
    if (const auto *key = std::get_if<SetPrimaryKey>(&ops.at(i))) {
        for (qsizetype k = i - 1; k >= 0; --k) {
            if (const auto *earlier = std::get_if<SetPrimaryKey>(&ops.at(k)); earlier && earlier->schema == key->schema && earlier->table == key->table)
                break;
            if (keyTakenWith(ops, k) == i)
                return QStringList();   // set with its column
        }
        return renderOperation(ops.at(i), before);
    }
    auto stmts = renderOperation(ops.at(i), before);
    if (const qsizetype j = keyTakenWith(ops, i); stmts && j >= 0) {
        const auto &key = std::get<SetPrimaryKey>(ops.at(j));
        const Table *t = before.table(key.table, key.schema);
        stmts->last() += QStringLiteral("%1, ADD %2").arg(t && t->primaryKey ? QStringLiteral(", DROP PRIMARY KEY") : QString(),
                                                           primaryKeyClause(*key.after));
    }
    return stmts;
}

Result<QStringList> MysqlGenerator::renderOperation(const Operation &op, const Schema &before) const
{
    if (const auto *o = std::get_if<DropForeignKey>(&op)) {
        // The key's own index goes with it; left behind it would be an index
        // the model does not have (found by tst_squashproperty: a squash that
        // cancelled add + drop of a key differed from the originals applied).
        auto t = tableOf(before, o->schema, o->table);
        if (!t)
            return std::unexpected(t.error());
        auto name = foreignKeyName(**t, o->foreignKey);
        if (!name)
            return std::unexpected(name.error());
        QString action = QStringLiteral("DROP FOREIGN KEY ") + quote(*name);
        if (hasImplicitIndex(**t, *name))
            action += QStringLiteral(", DROP INDEX ") + quote(*name);
        return QStringList{alterTable(o->schema, o->table, action)};
    }
    if (auto common = renderCommon(op, before))
        return *common;
    auto alter = [this](const QString &ns, const QString &table, const QString &action) { return QStringList{alterTable(ns, table, action)}; };
    if (const auto *o = std::get_if<RenameTable>(&op))
        return QStringList{QStringLiteral("RENAME TABLE %1 TO %2").arg(qualified(o->schema, o->from), qualified(o->schema, o->to))};
    if (const auto *o = std::get_if<AddColumn>(&op)) {
        auto t = tableOf(before, o->schema, o->table);
        if (!t)
            return std::unexpected(t.error());
        QString position;
        if (o->first)
            position = QStringLiteral(" FIRST");
        else if (!o->after.isEmpty())
            position = QStringLiteral(" AFTER ") + quote(o->after);
        if (o->backfill.trimmed().isEmpty())
            return alter(o->schema, o->table, QStringLiteral("ADD COLUMN ") + columnDefinition(**t, o->column) + position);
        // A backfill: added nullable, filled, then given its definition
        // (MySQL would otherwise fill a NOT NULL column with 0 or '').
        Column added = o->column;
        added.nullable = true;
        QStringList out = alter(o->schema, o->table, QStringLiteral("ADD COLUMN ") + columnDefinition(**t, added) + position);
        out << QStringLiteral("UPDATE %1 SET %2 = (%3)").arg(qualified(o->schema, o->table), quote(o->column.name), o->backfill.trimmed());
        if (!o->column.nullable)
            out << alterTable(o->schema, o->table, QStringLiteral("MODIFY COLUMN ") + columnDefinition(**t, o->column));
        return out;
    }
    if (const auto *o = std::get_if<AlterColumn>(&op)) {
        auto t = tableOf(before, o->schema, o->table);
        if (!t)
            return std::unexpected(t.error());
        return alter(o->schema, o->table, QStringLiteral("MODIFY COLUMN ") + columnDefinition(**t, o->after));
    }
    if (const auto *o = std::get_if<DropIndex>(&op))
        return QStringList{QStringLiteral("DROP INDEX %1 ON %2").arg(quote(o->name), qualified(o->schema, o->table))};
    if (const auto *o = std::get_if<SetPrimaryKey>(&op)) {
        QStringList actions;
        if (o->before)
            actions << QStringLiteral("DROP PRIMARY KEY");
        if (o->after)
            actions << QStringLiteral("ADD ") + primaryKeyClause(*o->after);
        if (actions.isEmpty())
            return QStringList();
        return alter(o->schema, o->table, actions.join(QStringLiteral(", ")));
    }
    if (const auto *o = std::get_if<DropTrigger>(&op))
        return QStringList{QStringLiteral("DROP TRIGGER ") + qualified(o->schema, o->name)};
    // Enum types are column types here, and a namespace is a database.
    if (std::holds_alternative<DropEnum>(op) || std::holds_alternative<AlterEnum>(op) || std::holds_alternative<DropNamespace>(op))
        return QStringList();
    return fail(Error::Category::Internal, QStringLiteral("MySQL: operation not rendered"));
}

} // namespace covet
