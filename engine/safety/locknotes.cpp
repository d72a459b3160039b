#include "locknotes.h"

#include "../schema/qualifiedname.h"
#include "../sql/sqlitegenerator.h"
#include "../sql/sqliterebuild.h"

#include <QRegularExpression>

namespace covet {

namespace {

LockNote note(const QString &rule, const QString &schema, const QString &table, const QString &column, const QString &reason,
              const QString &safer, bool alwaysLow = false)
{
    return LockNote{rule, schema, table, column, reason, safer, alwaysLow};
}

// A default PostgreSQL evaluates per row, forcing a rewrite on ADD COLUMN.
bool volatileDefault(const QString &expr)
{
    static const QRegularExpression re(QStringLiteral(R"(\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval)\s*\()"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(expr).hasMatch();
}

QList<LockNote> postgres(const Operation &op)
{
    QList<LockNote> out;
    if (const auto *o = std::get_if<AlterColumn>(&op)) {
        const QString what = qualifiedName(o->schema, o->table);
        if (!o->before.type.equivalent(o->after.type) && !LockNotes::postgresKeepsRows(o->before.type, o->after.type))
            out << note(QStringLiteral("table-rewrite"), o->schema, o->table, o->after.name,
                        QStringLiteral("changing %1.%2 from %3 to %4 rewrites the whole table%5 under an ACCESS EXCLUSIVE lock: reads "
                                       "and writes wait until it ends")
                            .arg(what, o->after.name, o->before.type.canonicalName(), o->after.type.canonicalName(), QStringLiteral("{size}")),
                        QStringLiteral("add a new column of the new type, backfill it in batches, switch the application, then drop "
                                       "the old column"));
        if (o->before.nullable && !o->after.nullable)
            out << note(QStringLiteral("set-not-null-scan"), o->schema, o->table, o->after.name,
                        QStringLiteral("SET NOT NULL on %1.%2 scans the whole table%3 under an ACCESS EXCLUSIVE lock")
                            .arg(what, o->after.name, QStringLiteral("{size}")),
                        QStringLiteral("add CHECK (%1 IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later migration, then SET "
                                       "NOT NULL: PostgreSQL 12+ skips the scan")
                            .arg(o->after.name));
    } else if (const auto *o = std::get_if<AddColumn>(&op)) {
        if (o->column.defaultExpr && volatileDefault(*o->column.defaultExpr))
            out << note(QStringLiteral("table-rewrite"), o->schema, o->table, o->column.name,
                        QStringLiteral("adding %1.%2 with the volatile default %3 rewrites the whole table%4 under an ACCESS EXCLUSIVE lock")
                            .arg(qualifiedName(o->schema, o->table), o->column.name, *o->column.defaultExpr, QStringLiteral("{size}")),
                        QStringLiteral("add the column without a default (or with a constant one), then backfill it in batches"));
        else if (o->column.isGenerated() && o->column.generatedStored)
            out << note(QStringLiteral("table-rewrite"), o->schema, o->table, o->column.name,
                        QStringLiteral("adding the stored generated column %1.%2 rewrites the whole table%3 under an ACCESS EXCLUSIVE lock")
                            .arg(qualifiedName(o->schema, o->table), o->column.name, QStringLiteral("{size}")),
                        QStringLiteral("add a plain column, backfill it in batches, and keep it current with a trigger"));
    } else if (const auto *o = std::get_if<CreateIndex>(&op)) {
        out << note(QStringLiteral("index-without-concurrently"), o->schema, o->table, {},
                    QStringLiteral("CREATE INDEX %1 on %2 without CONCURRENTLY blocks writes to the table%3 while it builds")
                        .arg(o->index.name, qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("CREATE INDEX CONCURRENTLY in a migration marked `transactional: false` (run_sql), which lets "
                                   "writes continue"));
    } else if (const auto *o = std::get_if<AddUnique>(&op)) {
        out << note(QStringLiteral("index-without-concurrently"), o->schema, o->table, {},
                    QStringLiteral("adding UNIQUE (%1) on %2 builds its index while blocking writes to the table%3")
                        .arg(o->unique.columns.join(QStringLiteral(", ")), qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY (transactional: false), then ADD CONSTRAINT … UNIQUE USING INDEX"));
    } else if (const auto *o = std::get_if<SetPrimaryKey>(&op)) {
        if (o->after)
            out << note(QStringLiteral("index-without-concurrently"), o->schema, o->table, {},
                        QStringLiteral("setting the primary key of %1 builds its index under an ACCESS EXCLUSIVE lock%2")
                            .arg(qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                        QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY first, then ADD PRIMARY KEY USING INDEX"));
    } else if (const auto *o = std::get_if<AddForeignKey>(&op)) {
        out << note(QStringLiteral("constraint-validation"), o->schema, o->table, {},
                    QStringLiteral("adding the foreign key %1 checks every row of %2%3 while blocking writes to both tables")
                        .arg(o->foreignKey.name, qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later migration (it only takes a "
                                   "SHARE UPDATE EXCLUSIVE lock)"));
    } else if (const auto *o = std::get_if<AddCheck>(&op)) {
        out << note(QStringLiteral("constraint-validation"), o->schema, o->table, {},
                    QStringLiteral("adding CHECK (%1) scans every row of %2%3 under an ACCESS EXCLUSIVE lock")
                        .arg(o->check.expression, qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later migration"));
    }
    return out;
}

QList<LockNote> mysql(const DialectCapabilities &caps, const Operation &op)
{
    QList<LockNote> out;
    const QString product = caps.productName();
    if (const auto *o = std::get_if<AlterColumn>(&op)) {
        const SqlType &a = o->before.type;
        const SqlType &b = o->after.type;
        const bool widenedVarchar = a.kind() == SqlType::Kind::Varchar && b.kind() == SqlType::Kind::Varchar && b.length() >= a.length()
            && (a.length() * 4 <= 255) == (b.length() * 4 <= 255);
        const bool typeChanged = !a.equivalent(b) && !widenedVarchar;
        if (typeChanged || o->before.charset != o->after.charset || o->before.collation != o->after.collation)
            out << note(QStringLiteral("mysql-copy"), o->schema, o->table, o->after.name,
                        QStringLiteral("changing %1.%2 from %3 to %4 makes %5 copy the whole table%6 (ALGORITHM=COPY): writes wait "
                                       "until it ends")
                            .arg(qualifiedName(o->schema, o->table), o->after.name, a.canonicalName(), b.canonicalName(), product,
                                 QStringLiteral("{size}")),
                        QStringLiteral("add a new column, backfill it in batches, switch, then drop the old one (or use an online "
                                       "schema change tool such as gh-ost or pt-online-schema-change)"));
        else if (o->before.nullable != o->after.nullable)
            out << note(QStringLiteral("mysql-rebuild"), o->schema, o->table, o->after.name,
                        QStringLiteral("changing whether %1.%2 accepts NULL rebuilds the table in place%3 (ALGORITHM=INPLACE)")
                            .arg(qualifiedName(o->schema, o->table), o->after.name, QStringLiteral("{size}")),
                        QStringLiteral("run it when the table is quiet; writes continue but the rebuild takes time and I/O"));
    } else if (const auto *o = std::get_if<AddColumn>(&op)) {
        if (!caps.instantAddColumn || o->column.isGenerated())
            out << note(QStringLiteral("mysql-rebuild"), o->schema, o->table, o->column.name,
                        QStringLiteral("adding %1.%2 rebuilds the table%3 on %4 %5 (no INSTANT add)")
                            .arg(qualifiedName(o->schema, o->table), o->column.name, QStringLiteral("{size}"), product,
                                 QString::number(caps.version)),
                        QStringLiteral("run it when the table is quiet"));
    } else if (const auto *o = std::get_if<DropColumn>(&op)) {
        const bool instant = caps.mariadb ? caps.version >= 100400 : caps.version >= 80029;
        if (!instant)
            out << note(QStringLiteral("mysql-rebuild"), o->schema, o->table, o->column,
                        QStringLiteral("dropping %1.%2 rebuilds the table%3 (no INSTANT drop on this %4 version)")
                            .arg(qualifiedName(o->schema, o->table), o->column, QStringLiteral("{size}"), product),
                        QStringLiteral("run it when the table is quiet"));
    } else if (const auto *o = std::get_if<AddForeignKey>(&op)) {
        out << note(QStringLiteral("mysql-copy"), o->schema, o->table, {},
                    QStringLiteral("adding the foreign key %1 copies %2%3 (ALGORITHM=COPY while foreign_key_checks is on): writes wait")
                        .arg(o->foreignKey.name, qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("add it while the table is small, or with an online schema change tool"));
    } else if (const auto *o = std::get_if<SetPrimaryKey>(&op)) {
        out << note(QStringLiteral("mysql-rebuild"), o->schema, o->table, {},
                    QStringLiteral("changing the primary key of %1 rebuilds the table%2 (the clustered index)")
                        .arg(qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("run it when the table is quiet, or with an online schema change tool"));
    } else if (const auto *o = std::get_if<CreateIndex>(&op)) {
        out << note(QStringLiteral("index-build"), o->schema, o->table, {},
                    QStringLiteral("building index %1 on %2%3 reads the whole table; writes continue (ALGORITHM=INPLACE, LOCK=NONE)")
                        .arg(o->index.name, qualifiedName(o->schema, o->table), QStringLiteral("{size}")),
                    QStringLiteral("run it when the table is quiet if it is large"), true);
    }
    return out;
}

QString tableOf(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> QString {
            if constexpr (requires { o.table; o.schema; })
                if constexpr (std::is_convertible_v<decltype(o.table), QString>)
                    return o.table;
            return {};
        },
        op);
}

QString schemaOf(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> QString {
            if constexpr (requires { o.schema; })
                if constexpr (std::is_convertible_v<decltype(o.schema), QString>)
                    return o.schema;
            return {};
        },
        op);
}

} // namespace

bool LockNotes::postgresKeepsRows(const SqlType &from, const SqlType &to)
{
    using K = SqlType::Kind;
    if (from.arrayDimensions() != to.arrayDimensions())
        return false;
    const K a = from.kind();
    const K b = to.kind();
    if ((a == K::Varchar || a == K::Text) && b == K::Text)
        return true;
    if (a == K::Varchar && b == K::Varchar)
        return to.length() < 0 || (from.length() >= 0 && to.length() >= from.length());
    if (a == K::Decimal && b == K::Decimal)
        return to.precision() < 0 || (from.precision() >= 0 && to.precision() >= from.precision() && to.scale() == from.scale());
    if ((a == K::Timestamp || a == K::TimestampTz || a == K::Time || a == K::TimeTz) && a == b)
        return to.precision() < 0 || (from.precision() >= 0 && to.precision() >= from.precision());
    return false;
}

bool LockNotes::sqliteRebuilds(const DialectCapabilities &caps, const Operation &op, const Schema &before)
{
    SqliteGenerator generator;
    generator.setSqliteVersion(caps.version);
    auto target = SqliteRebuild::tableToRebuild(generator, op, before);
    return target && target->has_value();
}

QList<LockNote> LockNotes::of(const DialectCapabilities &caps, const Operation &op, const Schema &before)
{
    switch (caps.dialect) {
    case Dialect::PostgreSQL:
        return postgres(op);
    case Dialect::MySQL:
        return mysql(caps, op);
    case Dialect::SQLite:
        if (sqliteRebuilds(caps, op, before)) {
            const QString table = tableOf(op);
            const QString schema = schemaOf(op);
            return {note(QStringLiteral("sqlite-rebuild"), schema, table, {},
                         QStringLiteral("SQLite cannot alter %1 in place: Covet rebuilds it, copying every row%2 into a new table while "
                                        "holding the database's write lock")
                             .arg(qualifiedName(schema, table), QStringLiteral("{size}")),
                         QStringLiteral("group changes to one table in one migration so it is rebuilt once; run it when writers "
                                        "can wait"))};
        }
        return {};
    }
    return {};
}

} // namespace covet
