#include "migrationprecondition.h"

#include "../sql/sqlgenerator.h"
#include "../sql/typeconversion.h"

namespace covet {

namespace {

bool hasDefault(const Column &c)
{
    if (!c.defaultExpr)
        return false;
    const QString d = c.defaultExpr->trimmed();
    return !d.isEmpty() && d.compare(QLatin1String("NULL"), Qt::CaseInsensitive) != 0;
}

// The AlterColumn when it turns a nullable column into a NOT NULL one whose
// values can be written (not generated).
const AlterColumn *tightening(const Operation &op)
{
    const auto *a = std::get_if<AlterColumn>(&op);
    if (!a || !a->before.nullable || a->after.nullable || a->after.isGenerated() || a->before.isGenerated())
        return nullptr;
    return a;
}

} // namespace

QString MigrationPrecondition::target() const
{
    return (schema.isEmpty() ? table : schema + u'.' + table) + u'.' + column;
}

Result<std::optional<qint64>> MigrationPrecondition::violations(SqlExecutor &sql, bool onlyIfPresent) const
{
    if (onlyIfPresent) {
        QString query;
        QVariantList binds;
        // EmptyTable is about a column still to be added: the table is enough.
        const bool tableOnly = kind == Kind::EmptyTable;
        switch (sql.dialect()) {
        case Dialect::SQLite:
            query = QStringLiteral("SELECT count(*) FROM pragma_table_info(?, ?)");
            binds = {table, schema.isEmpty() ? QStringLiteral("main") : schema};
            break;
        case Dialect::PostgreSQL:
            query = QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = COALESCE(NULLIF(?, ''), current_schema()) "
                                   "AND table_name = ?");
            binds = {schema, table};
            break;
        case Dialect::MySQL:
            query = QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = COALESCE(NULLIF(?, ''), DATABASE()) "
                                   "AND table_name = ?");
            binds = {schema, table};
            break;
        }
        if (!tableOnly) {
            query += sql.dialect() == Dialect::SQLite ? QStringLiteral(" WHERE name = ?") : QStringLiteral(" AND column_name = ?");
            binds << column;
        }
        auto present = sql.rows(query, binds);
        if (!present)
            return std::unexpected(present.error().withContext(QStringLiteral("looking for %1").arg(target())));
        if (present->isEmpty() || present->first().value(0).toLongLong() == 0)
            return std::optional<qint64>();
    }
    auto rows = sql.rows(countQuery);
    if (!rows)
        return std::unexpected(rows.error().withContext(QStringLiteral("%1: counting the NULLs in %2").arg(migrationId, target())));
    return std::optional<qint64>(rows->isEmpty() ? 0 : rows->first().value(0).toLongLong());
}

QString MigrationPrecondition::failure(qint64 rows) const
{
    const QString count = QStringLiteral("%1 %2").arg(rows).arg(rows == 1 ? QStringLiteral("row holds") : QStringLiteral("rows hold"));
    switch (kind) {
    case Kind::NotNull:
        break;
    case Kind::Unconvertible:
        return QStringLiteral("%1: cannot change %2 from %3 to %4: %5 values that %6. Correct or clear those rows first (a run_sql step "
                              "before this operation), or give the alter_column operation a `using:` expression that converts them")
            .arg(migrationId, target(), fromType, toType, count, what);
    case Kind::Lossy:
        return QStringLiteral("%1: changing %2 from %3 to %4 would change data: %5 values that %6. Covet does not change values "
                              "silently: add `allow_lossy: true` to this alter_column operation to convert them so (`covet makemigrations "
                              "--allow-lossy` writes it), or correct those rows first (a run_sql step before it)")
            .arg(migrationId, target(), fromType, toType, count, what);
    case Kind::EmptyTable:
        return QStringLiteral("%1: cannot add %2 NOT NULL: table %3 has %4 %5 and the column has neither a default nor a backfill, so "
                              "there is no value for %6. Give the column a `default:` (also for new rows) or a `backfill:` expression "
                              "(only for the existing rows) in the models file and run covet makemigrations again, or add `backfill:` "
                              "to this add_column operation")
            .arg(migrationId, target(), schema.isEmpty() ? table : schema + u'.' + table)
            .arg(rows)
            .arg(rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"), rows == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    }
    return QStringLiteral("%1: cannot make %2 NOT NULL: %3 NULL and the column has no default. Give the column a default in the "
                          "pending migration (regenerate it with covet makemigrations after setting a default in the models file) "
                          "or add a run_sql step before it that fills the rows")
        .arg(migrationId, target(), count);
}

QString MigrationPrecondition::question() const
{
    switch (kind) {
    case Kind::NotNull:
        break;
    case Kind::Unconvertible:
        return QStringLiteral("whether %1 holds values that cannot become %2").arg(target(), toType);
    case Kind::Lossy:
        return QStringLiteral("whether %1 holds values that changing it to %2 would alter").arg(target(), toType);
    case Kind::EmptyTable:
        return QStringLiteral("whether table %1 has rows (%2 is added NOT NULL without a value for them)")
            .arg(schema.isEmpty() ? table : schema + u'.' + table, target());
    }
    return QStringLiteral("whether %1 holds NULLs (it becomes NOT NULL without a default)").arg(target());
}

QList<MigrationPrecondition> MigrationPrecondition::forOperation(const Operation &op, const SqlGenerator &generator)
{
    QList<MigrationPrecondition> out;
    // A SQLite table rebuild stops by itself at such a row (see enforcedByStep).
    const bool enforced = generator.dialect() == Dialect::SQLite;
    auto make = [&](Kind k, const QString &ns, const QString &table, const QString &column) {
        MigrationPrecondition p;
        p.kind = k;
        p.schema = ns;
        p.table = table;
        p.column = column;
        p.enforcedByStep = enforced;
        return p;
    };
    if (const auto *add = std::get_if<AddColumn>(&op)) {
        const Column &c = add->column;
        if (!c.nullable && !hasDefault(c) && c.identity == Column::Identity::None && !c.isGenerated() && add->backfill.trimmed().isEmpty()) {
            MigrationPrecondition p = make(Kind::EmptyTable, add->schema, add->table, c.name);
            p.countQuery = QStringLiteral("SELECT COUNT(*) FROM %1").arg(generator.qualified(add->schema, add->table));
            out << p;
        }
        return out;
    }
    const auto *a = std::get_if<AlterColumn>(&op);
    if (!a)
        return out;
    const QString table = generator.qualified(a->schema, a->table);
    const QString col = generator.quote(a->before.name);
    if (const AlterColumn *t = tightening(op); t && !hasDefault(t->after)) {
        MigrationPrecondition p = make(Kind::NotNull, a->schema, a->table, a->before.name);
        p.countQuery = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NULL").arg(table, col);
        out << p;
    }
    // A type change converts the values; a `using` expression is the
    // author's own conversion (PostgreSQL, SQLite: MySQL and MariaDB ignore
    // it, so Covet's checks stand there), and generated values are computed anew.
    const bool usingApplies = !a->usingExpr.trimmed().isEmpty() && generator.dialect() != Dialect::MySQL;
    if (!usingApplies && !a->before.isGenerated() && !a->after.isGenerated()) {
        const TypeConversion conversion(generator.dialect(), a->before, a->after);
        for (const TypeConversion::Check &check : conversion.checks(col)) {
            const bool lossy = check.problem == TypeConversion::Problem::Lossy;
            if (lossy && a->allowLossy)
                continue;
            MigrationPrecondition p = make(lossy ? Kind::Lossy : Kind::Unconvertible, a->schema, a->table, a->before.name);
            p.countQuery = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NOT NULL AND (%3)").arg(table, col, check.predicate);
            p.fromType = a->before.type.toDialect(generator.dialect()).toLower();
            p.toType = a->after.type.toDialect(generator.dialect()).toLower();
            p.what = check.what;
            out << p;
        }
    }
    return out;
}

QString MigrationPrecondition::fillStatement(const Operation &op, const SqlGenerator &generator)
{
    const AlterColumn *a = tightening(op);
    if (!a || !hasDefault(a->after))
        return {};
    const QString col = generator.quote(a->before.name);
    return QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS NULL").arg(generator.qualified(a->schema, a->table), col, a->after.defaultExpr->trimmed());
}

} // namespace covet
