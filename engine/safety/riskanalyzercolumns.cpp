#include "riskanalysis.h"

#include "../core/numbertext.h"
#include "../schema/qualifiedname.h"
#include "../sql/typeconversion.h"

// What a change meets in the values of a table: a type change that cannot
// take them as they are (refused, or rewritten by allow_lossy or a using:
// expression), NULLs meeting NOT NULL, enum values removed, rows that
// already share the values of a new unique constraint or index.

namespace covet::riskdetail {

void Analysis::narrowing(const PlannedStep &step, const AlterColumn &op, const Schema &before)
{
    // Narrowed enums (MySQL) read as values removed; everything else through
    // the one decision of what a type change does to values.
    // A using: expression (PostgreSQL, SQLite; MySQL/MariaDB ignore it)
    // rewrites every value, whatever the types say.
    if (!op.usingExpr.trimmed().isEmpty() && m_caps.dialect != Dialect::MySQL) {
        usingRewrites(step, op, before);
        return;
    }
    const TypeConversion conversion(m_caps.dialect, op.before, op.after);
    if (!conversion.changesType())
        return;
    const auto lc = liveColumn(op.schema, op.table, op.before.name);
    const QString what = qualifiedName(op.schema, op.table) + u'.' + op.after.name;
    const QString change = QStringLiteral("%1 -> %2").arg(op.before.type.canonicalName(), op.after.type.canonicalName());
    const QList<TypeConversion::Check> checks = conversion.checks(m_live && lc ? m_live->quote(*lc) : QString(op.before.name));
    for (const TypeConversion::Check &c : checks) {
        const bool lossy = c.problem == TypeConversion::Problem::Lossy;
        Pending p = start(step, QStringLiteral("narrowing-type"), op.schema, op.table, op.after.name);
        p.rowsCount = count(op.schema, op.table);
        if (lc && m_live)
            p.affectedCount = count(op.schema, op.table, QStringLiteral("%1 IS NOT NULL AND (%2)").arg(m_live->quote(*lc), c.predicate));
        // Values a lossy change rewrites are lost unless kept: the column
        // with the key. A using: expression rewrites the values the
        // conversion could not take as they are, whatever the problem
        // (MySQL/MariaDB ignore using:).
        const bool changes = lossy && op.allowLossy;
        p.finding.losesData = changes;
        if (const QStringList key = keyFor(&before, op.schema, op.table); changes && lc && !key.isEmpty())
            p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Columns, op.schema, op.table, {op.before.name}, key, 0};
        const QString problem = c.what;
        const bool allow = op.allowLossy;
        const bool offline = !m_live;
        const bool usingIgnored = !op.usingExpr.trimmed().isEmpty();   // MySQL: usingRewrites() took the others
        const bool created = changes && !lc.has_value() && addedByRun(op.schema, op.table, op.before.name);
        p.grade = [what, change, problem, lossy, allow, offline, usingIgnored, created](RiskFinding &f, qint64, qint64 n) {
            f.summary = QStringLiteral("changes %1 (%2)").arg(what, change);
            if (created) {   // as dropColumn: what this run adds held nothing before it
                f.level = RiskLevel::Low;
                f.affected = 0;
                f.reason = QStringLiteral("changes %1 (%2), which this run adds: no value of the database's is rewritten").arg(what, change);
                return;
            }
            if (n == 0) {
                f.level = RiskLevel::Low;
                f.reason = QStringLiteral("changes %1 (%2); checked on the live data: 0 values %3").arg(what, change, problem);
                return;
            }
            const QString count = n > 0 ? groupedNumber(n) : QStringLiteral("an uncounted number of");
            if (lossy && allow) {
                f.level = RiskLevel::High;
                f.reason = QStringLiteral("changes %1 (%2): %3 values %4, and allow_lossy lets them change").arg(what, change, count, problem);
                f.safeAlternative = QStringLiteral("let Covet back the column up (on by default) so the old values can be restored, or "
                                                   "clean the values first");
            } else {
                f.level = RiskLevel::High;
                f.reason = QStringLiteral("changes %1 (%2): %3 values %4, so the step will be refused%5")
                               .arg(what, change, count, problem, offline ? QStringLiteral(" if the table holds such values") : QString());
                f.safeAlternative = lossy ? QStringLiteral("clean the values first, or set allow_lossy: true on the operation if the change "
                                                           "is meant (Covet keeps the old values in a backup)")
                                          : usingIgnored ? QStringLiteral("clean or convert the values in an earlier migration (MySQL and "
                                                                          "MariaDB ignore the using: expression)")
                                                         : QStringLiteral("clean or convert the values in an earlier migration, or give a "
                                                                          "using: expression");
            }
        };
        m_pending << p;
    }
}

void Analysis::enumValuesRemoved(const PlannedStep &step, const AlterEnum &op, const Schema &before)
{
    QStringList removed;
    for (const QString &v : op.before.values)
        if (!op.after.values.contains(v))
            removed << v;
    if (removed.isEmpty())
        return;
    // Every column of that enum type.
    for (const Table &t : before.tables) {
        for (const Column &c : t.columns) {
            if (c.type.kind() != SqlType::Kind::Enum || c.type.enumName() != op.before.name)
                continue;
            Pending p = start(step, QStringLiteral("enum-value-removed"), t.schema, t.name, c.name);
            const auto lc = liveColumn(t.schema, t.name, c.name);
            p.rowsCount = count(t.schema, t.name);
            if (lc && m_live) {
                QVariantList binds;
                for (const QString &v : removed)
                    binds << v;
                const QString column = m_caps.dialect == Dialect::PostgreSQL ? m_live->quote(*lc) + QStringLiteral("::text") : m_live->quote(*lc);
                p.affectedCount = count(t.schema, t.name, QStringLiteral("%1 IN (%2)").arg(column, SqlExecutor::placeholders(binds.size())), binds);
            }
            const QString what = qualifiedName(t.schema, t.name) + u'.' + c.name;
            const QString values = removed.join(QStringLiteral(", "));
            p.grade = [what, values](RiskFinding &f, qint64, qint64 n) {
                f.summary = QStringLiteral("removes enum values %1 used by %2").arg(values, what);
                f.level = n == 0 ? RiskLevel::Low : RiskLevel::Critical;
                f.reason = n == 0 ? QStringLiteral("removes %1 from the enum of %2; no row holds them").arg(values, what)
                                  : QStringLiteral("removes %1 from the enum of %2, but %3 rows hold them: the change fails or their values "
                                                   "are lost")
                                        .arg(values, what, n > 0 ? groupedNumber(n) : QStringLiteral("an uncounted number of"));
                f.safeAlternative = QStringLiteral("move the rows to another value in an earlier migration, then remove the value");
            };
            m_pending << p;
        }
    }
}

void Analysis::usingRewrites(const PlannedStep &step, const AlterColumn &op, const Schema &before)
{
    Pending p = start(step, QStringLiteral("using-rewrites"), op.schema, op.table, op.after.name);
    const auto lc = liveColumn(op.schema, op.table, op.before.name);
    p.rowsCount = count(op.schema, op.table);
    if (lc && m_live)
        p.affectedCount = count(op.schema, op.table, QStringLiteral("%1 IS NOT NULL").arg(m_live->quote(*lc)));
    p.finding.losesData = true;
    const QStringList key = keyFor(&before, op.schema, op.table);
    if (lc && !key.isEmpty())
        p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Columns, op.schema, op.table, {op.before.name}, key, 0};
    const QString what = qualifiedName(op.schema, op.table) + u'.' + op.after.name;
    const QString change = QStringLiteral("%1 -> %2").arg(op.before.type.canonicalName(), op.after.type.canonicalName());
    const QString expr = op.usingExpr.trimmed();
    const bool created = !lc.has_value() && addedByRun(op.schema, op.table, op.before.name);
    const bool noKey = !created && key.isEmpty();
    p.grade = [what, change, expr, created, noKey](RiskFinding &f, qint64, qint64 n) {
        f.summary = QStringLiteral("rewrites %1 with using: %2 (%3)").arg(what, expr, change);
        if (created || n == 0) {
            f.level = RiskLevel::Low;
            f.affected = 0;
            f.reason = created ? QStringLiteral("rewrites %1 (%2), which this run adds: no value of the database's is rewritten").arg(what, change)
                               : QStringLiteral("rewrites %1 with using: %2 (%3); no row holds a value").arg(what, expr, change);
            return;
        }
        const QString count = n > 0 ? groupedNumber(n) : QStringLiteral("an uncounted number of");
        f.level = noKey ? RiskLevel::Critical : RiskLevel::High;
        f.reason = QStringLiteral("rewrites %1 (%2): the using: expression %3 gives each of %4 values a new one%5")
                       .arg(what, change, expr, count,
                            noKey ? QStringLiteral("; the table has no primary key, so Covet cannot back the old values up") : QString());
        f.safeAlternative = noKey ? QStringLiteral("give the table a primary key first, or copy the column aside in an earlier migration")
                                  : QStringLiteral("let Covet back the column up (on by default) so the old values can be restored");
    };
    m_pending << p;
}

void Analysis::notNull(const PlannedStep &step, const AlterColumn &op, const Schema &before)
{
    if (!op.before.nullable || op.after.nullable || op.after.isGenerated())
        return;
    const bool fills = op.after.defaultExpr.has_value();
    Pending p = start(step, fills ? QStringLiteral("not-null-fills-nulls") : QStringLiteral("not-null-with-nulls"), op.schema, op.table,
                      op.after.name);
    const auto lc = liveColumn(op.schema, op.table, op.before.name);
    p.rowsCount = count(op.schema, op.table);
    if (lc && m_live)
        p.affectedCount = count(op.schema, op.table, QStringLiteral("%1 IS NULL").arg(m_live->quote(*lc)));
    const QString what = qualifiedName(op.schema, op.table) + u'.' + op.after.name;
    if (fills) {
        // The NULLs become the default: which rows were NULL is lost unless
        // the column is kept (a rollback makes it nullable, not NULL again).
        p.finding.losesData = true;
        const QStringList key = keyFor(&before, op.schema, op.table);
        if (lc && !key.isEmpty())
            p.stake = DataAtStake{step.migrationId, step.stepIndex, DataAtStake::Kind::Columns, op.schema, op.table, {op.before.name}, key, 0};
        const QString value = *op.after.defaultExpr;
        const bool created = !lc.has_value() && addedByRun(op.schema, op.table, op.before.name);
        const bool noKey = !created && key.isEmpty();
        p.grade = [what, value, created, noKey](RiskFinding &f, qint64, qint64 nulls) {
            f.summary = QStringLiteral("makes %1 NOT NULL, filling NULLs with %2").arg(what, value);
            if (created) {   // as dropColumn: what this run adds held nothing before it
                f.level = RiskLevel::Low;
                f.affected = 0;
                f.reason = QStringLiteral("makes %1 NOT NULL, which this run adds: no NULL of the database's is overwritten").arg(what);
                return;
            }
            f.level = nulls == 0 ? RiskLevel::Low : noKey ? RiskLevel::Critical : RiskLevel::Medium;
            f.reason = nulls == 0 ? QStringLiteral("makes %1 NOT NULL; no row holds NULL").arg(what)
                       : QStringLiteral("makes %1 NOT NULL: %2 rows hold NULL and are given the default %3; a rollback does not make "
                                        "them NULL again%4")
                             .arg(what, nulls > 0 ? groupedNumber(nulls) : QStringLiteral("an uncounted number of"), value,
                                  noKey ? QStringLiteral(", and the table has no primary key, so Covet cannot back them up") : QString());
            f.safeAlternative = noKey ? QStringLiteral("give the table a primary key first, or fill the NULLs with a value you choose in an "
                                                       "earlier migration")
                                      : QStringLiteral("let Covet back the column up (on by default) so the NULLs can be restored, or fill "
                                                       "them with a value you choose in an earlier migration");
        };
        m_pending << p;
        return;
    }
    p.grade = [what](RiskFinding &f, qint64, qint64 nulls) {
        f.summary = QStringLiteral("makes %1 NOT NULL").arg(what);
        f.level = nulls > 0 ? RiskLevel::High : RiskLevel::Low;
        f.reason = nulls > 0 ? QStringLiteral("makes %1 NOT NULL without a default, but %2 rows hold NULL: the step will be refused")
                                   .arg(what, groupedNumber(nulls))
                             : QStringLiteral("makes %1 NOT NULL without a default%2")
                                   .arg(what, nulls == 0 ? QStringLiteral("; no row holds NULL") : QString());
        f.safeAlternative = QStringLiteral("give the column a default (Covet fills the NULLs from it first), or fill them in an "
                                           "earlier migration");
    };
    m_pending << p;
}

void Analysis::uniqueOnDuplicates(const PlannedStep &step, const QString &schema, const QString &table, const QStringList &columns,
                                  const QString &what)
{
    if (columns.isEmpty())
        return;
    Pending p = start(step, QStringLiteral("unique-on-duplicates"), schema, table, columns.size() == 1 ? columns.first() : QString());
    p.rowsCount = count(schema, table);
    const auto liveTable = m_names.liveTable(schema, table);
    QStringList quoted, present;
    for (const QString &c : columns) {
        const auto lc = liveColumn(schema, table, c);
        if (!lc || !m_live)
            break;
        quoted << m_live->quote(*lc);
        present << quoted.last() + QStringLiteral(" IS NOT NULL");
    }
    // Rows whose values (none NULL: NULLs never collide) another row holds too.
    if (m_live && liveTable && quoted.size() == columns.size()) {
        const QString tuple = quoted.size() == 1 ? quoted.first() : u'(' + quoted.join(QStringLiteral(", ")) + u')';
        p.affectedCount = count(schema, table, QStringLiteral("%1 AND %2 IN (SELECT %3 FROM %4 GROUP BY %3 HAVING COUNT(*) > 1)")
                                                   .arg(present.join(QStringLiteral(" AND ")), tuple, quoted.join(QStringLiteral(", ")),
                                                        m_live->quotedTable(liveTable->schema, liveTable->name)));
    }
    const QString on = qualifiedName(schema, table) + u'(' + columns.join(QStringLiteral(", ")) + u')';
    p.grade = [what, on](RiskFinding &f, qint64, qint64 n) {
        f.summary = QStringLiteral("%1 on %2").arg(what, on);
        f.level = n > 0 ? RiskLevel::High : RiskLevel::Low;
        f.reason = n > 0 ? QStringLiteral("%1 on %2, but %3 rows share their values with another row: the step will fail on the data")
                               .arg(what, on, groupedNumber(n))
                         : QStringLiteral("%1 on %2%3").arg(what, on, n == 0 ? QStringLiteral("; no two rows share their values") : QString());
        f.safeAlternative = QStringLiteral("remove or merge the duplicate rows in an earlier migration");
    };
    m_pending << p;
}

} // namespace covet::riskdetail
