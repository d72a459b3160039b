#include "partialmigrations.h"

#include "../core/localuser.h"
#include "../db/catalog.h"
#include "../sql/identifierquoter.h"

namespace covet {

namespace {

QString q(const SqlExecutor &sql, const char *name)
{
    return IdentifierQuoter::quote(sql.dialect(), QString::fromLatin1(name));
}

QString partialTable(const SqlExecutor &sql)
{
    return IdentifierQuoter::quote(sql.dialect(), PartialMigrations::tableName());
}

Status ensure(SqlExecutor &sql)
{
    const QString text = sql.dialect() == Dialect::SQLite ? QStringLiteral("TEXT") : QStringLiteral("VARCHAR(255)");
    const QString ddl = QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %10 NOT NULL PRIMARY KEY, %3 %10 NOT NULL, %4 INTEGER NOT NULL, "
                                       "%5 INTEGER NOT NULL, %6 %11, %7 %10 NOT NULL, %8 %10 NOT NULL, %9 %10 NOT NULL)")
                            .arg(partialTable(sql), q(sql, "id"), q(sql, "direction"), q(sql, "steps_done"), q(sql, "step_count"), q(sql, "running_step"),
                                 q(sql, "started_at"), q(sql, "started_by"), q(sql, "updated_at"), text,
                                 sql.dialect() == Dialect::MySQL ? QStringLiteral("TEXT") : text);
    if (auto r = sql.exec(ddl); !r)
        return std::unexpected(r.error().withContext(QStringLiteral("creating %1").arg(PartialMigrations::tableName())));
    return {};
}

} // namespace

QString PartialMigration::describe() const
{
    QString out = stepsDone == 0 ? QStringLiteral("none of its %1 steps is in effect").arg(stepCount)
                  : stepsDone == 1 ? QStringLiteral("step 1 of %1 is in effect").arg(stepCount)
                                   : QStringLiteral("steps 1-%1 of %2 are in effect").arg(stepsDone).arg(stepCount);
    out.prepend(isRollback() ? QStringLiteral("rolling back stopped part-way: ") : QStringLiteral("applying stopped part-way: "));
    if (!runningStep.isEmpty())
        out += QStringLiteral("; %1 was running when Covet stopped and may or may not be in effect").arg(runningStep);
    out += QStringLiteral(" (since %1, by %2)").arg(updatedAt, startedBy);
    return out;
}

QString PartialStep::describe() const
{
    switch (effect) {
    case Effect::InEffect: return QStringLiteral("in effect: %1").arg(label);
    case Effect::NotInEffect: return QStringLiteral("not in effect: %1").arg(label);
    case Effect::Uncertain: return QStringLiteral("running when Covet stopped (may or may not be in effect): %1").arg(label);
    }
    return label;
}

Status PartialMigrations::begin(SqlExecutor &sql, const QString &id, const QString &direction, int stepCount, const QString &user)
{
    if (auto st = ensure(sql); !st)
        return st;
    const QString now = LocalUser::nowUtc();
    (void)clear(sql, id);
    auto r = sql.exec(QStringLiteral("INSERT INTO %1 (%2, %3, %4, %5, %6, %7, %8, %9) VALUES (?, ?, 0, ?, '', ?, ?, ?)")
                          .arg(partialTable(sql), q(sql, "id"), q(sql, "direction"), q(sql, "steps_done"), q(sql, "step_count"), q(sql, "running_step"),
                               q(sql, "started_at"), q(sql, "started_by"), q(sql, "updated_at")),
                      {id, direction, stepCount, now, user, now});
    if (!r)
        return std::unexpected(r.error().withContext(QStringLiteral("recording that %1 starts in %2").arg(id, tableName())));
    return {};
}

Status PartialMigrations::stepStarting(SqlExecutor &sql, const QString &id, const QString &label)
{
    auto r = sql.exec(QStringLiteral("UPDATE %1 SET %2 = ?, %3 = ? WHERE %4 = ?").arg(partialTable(sql), q(sql, "running_step"), q(sql, "updated_at"), q(sql, "id")),
                      {label, LocalUser::nowUtc(), id});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Status PartialMigrations::stepDone(SqlExecutor &sql, const QString &id, int stepsDone)
{
    auto r = sql.exec(QStringLiteral("UPDATE %1 SET %2 = ?, %3 = '', %4 = ? WHERE %5 = ?")
                          .arg(partialTable(sql), q(sql, "steps_done"), q(sql, "running_step"), q(sql, "updated_at"), q(sql, "id")),
                      {stepsDone, LocalUser::nowUtc(), id});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Status PartialMigrations::clear(SqlExecutor &sql, const QString &id)
{
    auto has = Catalog::tableExists(sql, tableName());
    if (!has)
        return std::unexpected(has.error());
    if (!*has)
        return {};
    auto r = sql.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(partialTable(sql), q(sql, "id")), {id});
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QList<PartialMigration>> PartialMigrations::load(SqlExecutor &sql)
{
    QList<PartialMigration> out;
    auto has = Catalog::tableExists(sql, tableName());
    if (!has)
        return std::unexpected(has.error());
    if (!*has)
        return out;
    auto rows = sql.rows(QStringLiteral("SELECT %1, %2, %3, %4, %5, %6, %7, %8 FROM %9 ORDER BY %6")
                             .arg(q(sql, "id"), q(sql, "direction"), q(sql, "steps_done"), q(sql, "step_count"), q(sql, "running_step"),
                                  q(sql, "started_at"), q(sql, "started_by"), q(sql, "updated_at"), partialTable(sql)));
    if (!rows)
        return std::unexpected(rows.error());
    for (const QVariantList &r : *rows)
        out << PartialMigration{r.value(0).toString(), r.value(1).toString(), r.value(2).toInt(), r.value(3).toInt(),
                                r.value(4).toString(), r.value(5).toString(), r.value(6).toString(), r.value(7).toString()};
    return out;
}

} // namespace covet
