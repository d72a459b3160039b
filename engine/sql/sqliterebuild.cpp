#include "sqliterebuild.h"

#include "identifierquoter.h"
#include "sqlitegenerator.h"
#include "typeconversion.h"

#include "../operations/operationapplier.h"

#include <QRegularExpression>

namespace covet {

namespace {

// Whether SQL text names a column: quoted, or as a word (also qualified,
// "NEW.qty", "c.qty").
bool namesColumn(const QString &sql, const QString &column)
{
    if (sql.contains(IdentifierQuoter::quote(Dialect::SQLite, column)))
        return true;
    if (!sql.contains(column, Qt::CaseInsensitive))
        return false;   // no word to look for: no pattern to compile (most texts, every migration)
    const QRegularExpression word(QStringLiteral("(?<![\\w$])%1(?![\\w$])").arg(QRegularExpression::escape(column)),
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(sql).hasMatch();
}

QString triggerText(const Trigger &t)
{
    return t.definition.isEmpty() ? t.body : t.definition;
}

// A default SQLite's ADD COLUMN accepts: a constant (no expression in
// parentheses, no CURRENT_TIME/DATE/TIMESTAMP).
bool constantDefault(const QString &expression)
{
    const QString e = expression.trimmed();
    if (e.startsWith(u'('))
        return false;
    static const QRegularExpression current(QStringLiteral("^CURRENT_(TIME|DATE|TIMESTAMP)$"), QRegularExpression::CaseInsensitiveOption);
    return !current.match(e).hasMatch();
}

bool canAddInPlace(const Column &c)
{
    if (c.identity != Column::Identity::None || (c.isGenerated() && c.generatedStored))
        return false;
    const bool hasDefault = c.defaultExpr && !c.defaultExpr->trimmed().isEmpty();
    if (hasDefault && !constantDefault(*c.defaultExpr))
        return false;
    if (!c.nullable && (!hasDefault || c.defaultExpr->trimmed().compare(u"NULL", Qt::CaseInsensitive) == 0))
        return false;
    return true;
}

// {namespace, table} of a table-local operation, or nullopt.
std::optional<std::pair<QString, QString>> tableOfOperation(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> std::optional<std::pair<QString, QString>> {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn> || std::is_same_v<T, AlterColumn>
                          || std::is_same_v<T, RenameColumn> || std::is_same_v<T, CreateIndex> || std::is_same_v<T, DropIndex>
                          || std::is_same_v<T, AddForeignKey> || std::is_same_v<T, DropForeignKey> || std::is_same_v<T, AddCheck>
                          || std::is_same_v<T, DropCheck> || std::is_same_v<T, AddUnique> || std::is_same_v<T, DropUnique>
                          || std::is_same_v<T, SetPrimaryKey> || std::is_same_v<T, CreateTrigger> || std::is_same_v<T, DropTrigger>)
                return std::pair{o.schema, o.table};
            else
                return std::nullopt;
        },
        op);
}

} // namespace

SqliteRebuild::SqliteRebuild(const SqliteGenerator &generator, const Schema &schema, const QString &ns, const QString &table)
    : m_gen(generator), m_before(schema), m_after(schema), m_ns(ns), m_table(table)
{
    if (const Table *t = schema.table(table, ns))
        for (const Column &c : t->columns)
            if (!c.isGenerated())
                m_source.insert(c.name, c.name);
}

QList<const View *> SqliteRebuild::dependentViews() const
{
    // Views are taken from the schema after the absorbed operations (they
    // do not change views), in dependency order, keeping those that read the
    // table or a view already kept.
    QStringList names{m_table};
    QList<const View *> out;
    const QList<const View *> ordered = m_gen.viewsInDependencyOrder(m_after);
    for (const View *v : ordered) {
        for (const QString &n : names) {
            if (m_gen.mentions(v->definition, n)) {
                out << v;
                names << v->name;
                break;
            }
        }
    }
    return out;
}

QList<std::pair<const Table *, const Trigger *>> SqliteRebuild::dependentTriggers() const
{
    QList<std::pair<const Table *, const Trigger *>> out;
    for (const Table &t : m_after.tables) {
        if (t.name == m_table && t.schema == m_ns)
            continue;
        for (const Trigger &tr : t.triggers)
            if (m_gen.mentions(triggerText(tr), m_table))
                out << std::pair{&t, &tr};
    }
    return out;
}

QString SqliteRebuild::userOf(const QString &column, bool includeOwnDefinition) const
{
    const Table *t = m_after.table(m_table, m_ns);
    if (!t)
        return {};
    for (const View *v : dependentViews())
        if (namesColumn(v->definition, column))
            return QStringLiteral("view %1").arg(v->name);
    for (const Trigger &tr : t->triggers)
        if (namesColumn(triggerText(tr), column))
            return QStringLiteral("trigger %1").arg(tr.name);
    for (const auto &[other, tr] : dependentTriggers())
        if (namesColumn(triggerText(*tr), column))
            return QStringLiteral("trigger %1 on %2").arg(tr->name, other->name);
    if (!includeOwnDefinition)
        return {};
    for (const Check &c : t->checks)
        if (namesColumn(c.expression, column))
            return QStringLiteral("check %1 (%2)").arg(c.name, c.expression);
    for (const Column &c : t->columns)
        if (c.name != column && namesColumn(c.generatedExpr, column))
            return QStringLiteral("generated column %1").arg(c.name);
    for (const Index &i : t->indexes) {
        bool used = namesColumn(i.where, column);
        for (const IndexPart &p : i.parts)
            used = used || (p.isExpression() && namesColumn(p.expression, column));
        if (used)
            return QStringLiteral("index %1").arg(i.name);
    }
    return {};
}

Result<std::optional<std::pair<QString, QString>>> SqliteRebuild::tableToRebuild(const SqliteGenerator &generator,
                                                                                  const Operation &op, const Schema &before)
{
    using Target = std::optional<std::pair<QString, QString>>;
    const Target target = tableOfOperation(op);
    if (!target)
        return Target();
    auto table = OperationApplier::findTable(before, target->first, target->second);
    if (!table)
        return std::unexpected(table.error());
    const int version = generator.sqliteVersion();
    if (const auto *o = std::get_if<AlterColumn>(&op)) {
        Column a = o->after, b = o->before;
        a.comment = b.comment;   // SQLite keeps no comments
        return a == b ? Target() : target;
    }
    if (const auto *o = std::get_if<AddColumn>(&op))
        return canAddInPlace(o->column) ? Target() : target;
    if (const auto *o = std::get_if<RenameColumn>(&op)) {
        if (version >= 3025000)
            return Target();
        SqliteRebuild probe(generator, before, target->first, target->second);
        if (const QString user = probe.userOf(o->from, true); !user.isEmpty())
            return fail(Error::Category::Unsupported,
                        QStringLiteral("SQLite before 3.25 cannot rename column %1.%2: %3 uses it and a table rebuild would not "
                                       "rewrite it; drop it before the rename and create it again after")
                            .arg((*table)->name, o->from, user));
        return target;
    }
    if (const auto *o = std::get_if<DropColumn>(&op)) {
        SqliteRebuild probe(generator, before, target->first, target->second);
        if (const QString user = probe.userOf(o->column, true); !user.isEmpty())
            return fail(Error::Category::Unsupported, QStringLiteral("cannot drop column %1.%2: %3 uses it; drop or change that first")
                                                          .arg((*table)->name, o->column, user));
        if (version < 3035000)
            return target;
        const Table &t = **table;
        bool keyed = t.primaryKey && t.primaryKey->columns.contains(o->column);
        for (const UniqueConstraint &u : t.uniques)
            keyed = keyed || u.columns.contains(o->column);
        for (const Index &i : t.indexes)
            keyed = keyed || i.columnNames().contains(o->column);
        for (const ForeignKey &fk : t.foreignKeys)
            keyed = keyed || fk.columns.contains(o->column);
        for (const Table &other : before.tables)
            for (const ForeignKey &fk : other.foreignKeys)
                keyed = keyed || (fk.refTable == t.name && fk.refColumns.contains(o->column));
        return keyed ? target : Target();
    }
    if (std::holds_alternative<AddForeignKey>(op) || std::holds_alternative<DropForeignKey>(op) || std::holds_alternative<AddCheck>(op)
        || std::holds_alternative<DropCheck>(op) || std::holds_alternative<AddUnique>(op) || std::holds_alternative<DropUnique>(op)
        || std::holds_alternative<SetPrimaryKey>(op))
        return target;
    return Target();   // indexes and triggers: in place
}

bool SqliteRebuild::canAbsorb(const Operation &op) const
{
    const auto target = tableOfOperation(op);
    if (!target || target->first != m_ns || target->second != m_table)
        return false;
    // A native RENAME COLUMN also rewrites views and triggers; a rebuild
    // does not: leave such a rename to the native statement.
    if (const auto *o = std::get_if<RenameColumn>(&op))
        return m_gen.sqliteVersion() < 3025000 || userOf(o->from, true).isEmpty();
    if (const auto *o = std::get_if<DropColumn>(&op))
        return userOf(o->column, true).isEmpty();
    return true;
}

Status SqliteRebuild::add(const Operation &op)
{
    if (auto ok = OperationApplier::apply(m_after, op); !ok)
        return ok;
    if (const auto *o = std::get_if<RenameColumn>(&op)) {
        if (m_source.contains(o->from))
            m_source.insert(o->to, m_source.take(o->from));
        if (m_using.contains(o->from))
            m_using.insert(o->to, m_using.take(o->from));
        if (m_backfill.contains(o->from))
            m_backfill.insert(o->to, m_backfill.take(o->from));
        if (m_allowLossy.remove(o->from))
            m_allowLossy.insert(o->to);
    } else if (const auto *o = std::get_if<DropColumn>(&op)) {
        m_source.remove(o->column);
        m_using.remove(o->column);
        m_backfill.remove(o->column);
        m_allowLossy.remove(o->column);
    } else if (const auto *o = std::get_if<AlterColumn>(&op)) {
        if (o->after.isGenerated())
            m_source.remove(o->after.name);
        if (!o->usingExpr.trimmed().isEmpty())
            m_using.insert(o->after.name, o->usingExpr.trimmed());
        if (o->allowLossy)
            m_allowLossy.insert(o->after.name);
    } else if (const auto *o = std::get_if<AddColumn>(&op)) {
        if (!o->backfill.trimmed().isEmpty())
            m_backfill.insert(o->column.name, o->backfill.trimmed());
    }
    return {};
}

QString SqliteRebuild::newTableName() const
{
    QString name = QStringLiteral("covet_new_") + m_table;
    while (m_after.table(name, m_ns) || m_before.table(name, m_ns))
        name += u'_';
    return name;
}

Result<QStringList> SqliteRebuild::statements() const
{
    const Table *after = m_after.table(m_table, m_ns);
    if (!after)
        return fail(Error::Category::Internal, QStringLiteral("table %1 vanished during its rebuild").arg(m_table));
    auto q = [](const QString &id) { return IdentifierQuoter::quote(Dialect::SQLite, id); };
    const QString table = IdentifierQuoter::quoteQualified(Dialect::SQLite, m_ns, m_table);
    const QString tmpName = newTableName();

    QStringList targets, sources;
    bool stops = false;   // a conversion may stop the copy
    const Table *old = m_before.table(m_table, m_ns);
    for (const Column &c : after->columns) {
        if (c.isGenerated())
            continue;
        if (m_backfill.contains(c.name) && !m_source.contains(c.name)) {
            targets << q(c.name);
            sources << u'(' + m_backfill.value(c.name) + u')';
            continue;
        }
        const Column *from = old ? old->column(m_source.value(c.name)) : nullptr;
        if (!m_source.contains(c.name) || !from)
            continue;
        QString value = q(from->name);
        if (m_using.contains(c.name)) {
            value = u'(' + m_using.value(c.name) + u')';
        } else {
            const TypeConversion conversion(Dialect::SQLite, *from, c);
            const bool allowLossy = m_allowLossy.contains(c.name);
            stops = stops || conversion.sqliteCopyCanStop(allowLossy);
            value = conversion.sqliteCopyExpression(value, allowLossy);
        }
        const bool hasDefault = c.defaultExpr && !c.defaultExpr->trimmed().isEmpty()
            && c.defaultExpr->trimmed().compare(u"NULL", Qt::CaseInsensitive) != 0;
        if (m_gen.fillsNulls() && from->nullable && !c.nullable && hasDefault)
            value = QStringLiteral("coalesce(%1, %2)").arg(value, c.defaultExpr->trimmed());
        targets << q(c.name);
        sources << value;
    }
    if (targets.isEmpty())
        return fail(Error::Category::Unsupported,
                    QStringLiteral("the rebuild of table %1 would keep none of its columns; drop the table and create it instead").arg(m_table));

    QStringList out;
    const QList<const View *> views = dependentViews();
    const auto triggers = dependentTriggers();
    for (auto it = views.crbegin(); it != views.crend(); ++it)
        out << QStringLiteral("DROP VIEW ") + IdentifierQuoter::quoteQualified(Dialect::SQLite, (*it)->schema, (*it)->name);
    for (const auto &[other, tr] : triggers)
        out << QStringLiteral("DROP TRIGGER ") + IdentifierQuoter::quoteQualified(Dialect::SQLite, other->schema, tr->name);

    Table created = *after;
    created.name = tmpName;
    out << m_gen.createTable(created);
    const QString tmp = IdentifierQuoter::quoteQualified(Dialect::SQLite, m_ns, tmpName);
    // A value the type change cannot carry stops the copy with SQLite's
    // "integer overflow" error (TypeConversion); the comment says so in the
    // statement a failure reports.
    out << (stops ? QStringLiteral("-- covet: a value the new column type cannot take stops this copy (\"integer overflow\")\n") : QString())
            + QStringLiteral("INSERT INTO %1 (%2)\n  SELECT %3 FROM %4")
                  .arg(tmp, targets.join(QStringLiteral(", ")), sources.join(QStringLiteral(", ")), table);
    out << QStringLiteral("DROP TABLE ") + table;
    out << QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(tmp, q(m_table));
    // Indexes after the copy: one sorted build each instead of row-by-row upkeep.
    for (const Index &i : after->indexes)
        out << m_gen.createIndex(*after, i);
    for (const Trigger &tr : after->triggers)
        out << m_gen.createTrigger(*after, tr);
    for (const View *v : views)
        out << m_gen.createView(*v);
    for (const auto &[other, tr] : triggers)
        out << m_gen.createTrigger(*other, *tr);

    // The foreign keys of the table and those pointing at it.
    QStringList checked;
    if (!after->foreignKeys.isEmpty())
        checked << m_table;
    for (const Table &t : m_after.tables)
        for (const ForeignKey &fk : t.foreignKeys)
            if (fk.refTable == m_table && t.schema == m_ns && !checked.contains(t.name))
                checked << t.name;
    if (!checked.isEmpty()) {
        QStringList parts;
        for (const QString &t : checked)
            parts << QStringLiteral("SELECT 1 FROM pragma_foreign_key_check(%1)").arg(IdentifierQuoter::literal(Dialect::SQLite, t));
        const QString check = q(checkTableName());
        out << QStringLiteral("CREATE TEMP TABLE %1 (violations INTEGER CONSTRAINT %2 CHECK (violations = 0))")
                   .arg(check, q(QStringLiteral("foreign_key_check_failed")));
        out << QStringLiteral("INSERT INTO temp.%1 SELECT count(*) FROM (%2)").arg(check, parts.join(QStringLiteral(" UNION ALL ")));
        out << QStringLiteral("DROP TABLE temp.") + check;
    }
    return out;
}

} // namespace covet
