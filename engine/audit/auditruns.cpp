#include "auditruns.h"

#include "auditstatus.h"

#include "../sql/identifierquoter.h"

#include <QHash>

namespace covet {

namespace {

const QString kPidPrefix = QStringLiteral("-- covet run, process ");
const QString kPlanLine = QStringLiteral("-- plan:");

} // namespace

QString AuditRuns::startedText(const QStringList &planned, qint64 pid)
{
    QStringList lines{kPidPrefix + QString::number(pid), kPlanLine};
    lines << planned;
    return lines.join(u'\n');
}

QStringList AuditRuns::plannedOf(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    const qsizetype at = lines.indexOf(kPlanLine);
    return at < 0 ? QStringList() : lines.mid(at + 1);
}

qint64 AuditRuns::pidOf(const QString &text)
{
    const QString first = text.section(u'\n', 0, 0);
    return first.startsWith(kPidPrefix) ? first.mid(kPidPrefix.size()).toLongLong() : 0;
}

Result<QList<OpenRun>> AuditRuns::open(SqlExecutor &sql)
{
    const Dialect d = sql.dialect();
    auto q = [d](const char *name) { return IdentifierQuoter::quote(d, QString::fromLatin1(name)); };
    const QString table = IdentifierQuoter::quote(d, AuditRecorder::tableName());
    QStringList cols{QStringLiteral("a.") + q("id")};
    for (const QString &c : AuditRecorder::entryColumns())
        cols << QStringLiteral("a.") + IdentifierQuoter::quote(d, c);
    const QStringList ends = AuditStatus::runEnds();
    QVariantList binds{AuditStatus::Started};
    for (const QString &e : ends)
        binds << e;
    auto started = sql.rows(QStringLiteral("SELECT %1 FROM %2 a WHERE a.%3 = ? AND a.%4 IS NOT NULL AND NOT EXISTS "
                                           "(SELECT 1 FROM %2 b WHERE b.%4 = a.%4 AND b.%3 IN (%5)) ORDER BY a.%6")
                                .arg(cols.join(QStringLiteral(", ")), table, q("status"), q("run_id"), SqlExecutor::placeholders(ends.size()), q("id")),
                            binds);
    if (!started)
        return std::unexpected(started.error().withContext(QStringLiteral("reading the runs of %1 that never ended").arg(AuditRecorder::tableName())));
    QList<OpenRun> out;
    QHash<QString, qsizetype> byRun;
    QVariantList ids;
    for (const QVariantList &r : *started) {
        OpenRun run;
        run.rowId = r.value(0).toLongLong();
        run.started = AuditRecorder::entryFrom(r, 1, sql.dialect());
        run.planned = plannedOf(run.started.sql);
        run.pid = pidOf(run.started.sql);
        byRun.insert(run.started.runId, out.size());
        ids << run.started.runId;
        out << run;
    }
    if (out.isEmpty())
        return out;
    auto done = sql.rows(QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 = ? AND %1 IN (%5) ORDER BY %6")
                             .arg(q("run_id"), q("migration_id"), table, q("status"), SqlExecutor::placeholders(ids.size()), q("id")),
                         QVariantList{AuditStatus::Success} + ids);
    if (!done)
        return std::unexpected(done.error().withContext(QStringLiteral("reading what the unfinished runs did")));
    for (const QVariantList &r : *done)
        out[byRun.value(r.value(0).toString())].succeeded << r.value(1).toString();
    return out;
}

} // namespace covet
