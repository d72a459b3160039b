#include "migrationprecondition.h"

#include "../sql/sqlgenerator.h"

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
        switch (sql.dialect()) {
        case Dialect::SQLite:
            query = QStringLiteral("SELECT count(*) FROM pragma_table_info(?, ?) WHERE name = ?");
            binds = {table, schema.isEmpty() ? QStringLiteral("main") : schema, column};
            break;
        case Dialect::PostgreSQL:
            query = QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = COALESCE(NULLIF(?, ''), current_schema()) "
                                   "AND table_name = ? AND column_name = ?");
            binds = {schema, table, column};
            break;
        case Dialect::MySQL:
            query = QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = COALESCE(NULLIF(?, ''), DATABASE()) "
                                   "AND table_name = ? AND column_name = ?");
            binds = {schema, table, column};
            break;
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
    return QStringLiteral("%1: cannot make %2 NOT NULL: %3 %4 NULL and the column has no default. Give the column a default in the "
                          "pending migration (regenerate it with covet makemigrations after setting a default in the models file) "
                          "or add a run_sql step before it that fills the rows")
        .arg(migrationId, target())
        .arg(rows)
        .arg(rows == 1 ? QStringLiteral("row holds") : QStringLiteral("rows hold"));
}

std::optional<MigrationPrecondition> MigrationPrecondition::forOperation(const Operation &op, const SqlGenerator &generator)
{
    const AlterColumn *a = tightening(op);
    if (!a || hasDefault(a->after))
        return std::nullopt;
    MigrationPrecondition p;
    p.schema = a->schema;
    p.table = a->table;
    p.column = a->before.name;
    p.countQuery = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NULL").arg(generator.qualified(a->schema, a->table), generator.quote(a->before.name));
    return p;
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
