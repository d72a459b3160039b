// PlanExecutor's dry run: the plans executed inside one transaction that
// is rolled back (PostgreSQL, SQLite); the rest of PlanExecutor runs them.
#include "planexecutor.h"

#include "../db/migrationlock.h"

namespace covet {

Status PlanExecutor::dryExecute(const QList<MigrationPlan> &plans, RunReport &report)
{
    const Dialect d = m_connection.dialect();
    if (!m_caps.executesDryRun) {
        report.warnings << m_caps.dryRunLimitation();
        return {};
    }
    bool fkOff = false;
    for (const MigrationPlan &p : plans)
        fkOff = fkOff || (d == Dialect::SQLite && p.anyForeignKeysOff());
    const QString remembered = fkOff ? sqliteForeignKeysOff(m_sql) : QString();
    auto restore = [&] {
        (void)m_sql.exec(QStringLiteral("ROLLBACK"));
        if (fkOff)
            (void)m_sql.exec(QStringLiteral("PRAGMA foreign_keys=%1").arg(remembered.toInt()));
    };
    if (auto r = m_sql.exec(MigrationLock::beginStatement(d)); !r) {
        restore();
        return std::unexpected(r.error());
    }
    for (const MigrationPlan &p : plans) {
        if (!p.migration->transactional || p.resume != MigrationPlan::Resume::None) {
            report.warnings << QStringLiteral("%1 is non-transactional: the dry run did not execute it or anything after it").arg(p.migration->id);
            break;
        }
        for (const MigrationStep &s : p.steps) {
            for (const MigrationPrecondition &c : s.preconditions) {
                if (c.enforcedByStep)
                    continue;
                auto rows = c.violations(m_sql, false);
                if (rows && **rows == 0)
                    continue;
                restore();
                return std::unexpected(rows ? Error(Error::Category::Conflict, QStringLiteral("dry run: %1. Nothing was changed").arg(c.failure(**rows)),
                                                    p.migration->sourcePath)
                                            : rows.error());
            }
            for (const SqlBatch &b : s.batches)
                for (const QString &st : b.statements)
                    if (auto r = m_sql.exec(st); !r) {
                        if (auto h = brokenByStep(s)) {
                            restore();
                            return std::unexpected(
                                Error(Error::Category::Conflict, QStringLiteral("dry run: %1. Nothing was changed").arg(h->head), p.migration->sourcePath));
                        }
                        restore();
                        return std::unexpected(
                            Error(Error::Category::Database,
                                  QStringLiteral("dry run: %1 would fail at %2: %3. Nothing was changed").arg(p.migration->id, s.label, r.error().toString()),
                                  p.migration->sourcePath)
                                .withStatement(r.error().statement()));
                    }
        }
    }
    restore();
    report.executedDryRun = true;
    return {};
}

} // namespace covet
