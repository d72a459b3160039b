#include "riskreport.h"

#include "../core/numbertext.h"

#include <QJsonArray>

namespace covet {

namespace {

const char *const kLevelNames[] = {"none", "low", "medium", "high", "critical"};

QString counted(qint64 n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(groupedNumber(n), n == 1 ? one : many);
}

} // namespace

QString riskLevelName(RiskLevel level)
{
    return QString::fromLatin1(kLevelNames[int(level)]);
}

std::optional<RiskLevel> riskLevelFromName(const QString &name)
{
    for (int i = 0; i <= int(RiskLevel::Critical); ++i)
        if (name.compare(QLatin1String(kLevelNames[i]), Qt::CaseInsensitive) == 0)
            return RiskLevel(i);
    return std::nullopt;
}

QString RiskFinding::target() const
{
    if (table.isEmpty())
        return {};
    const QString t = schema.isEmpty() ? table : schema + u'.' + table;
    return column.isEmpty() ? t : t + u'.' + column;
}

QJsonObject RiskFinding::toJson() const
{
    QJsonObject o{{QStringLiteral("migration"), migrationId},
                  {QStringLiteral("step"), step},
                  {QStringLiteral("operation"), operation},
                  {QStringLiteral("level"), riskLevelName(level)},
                  {QStringLiteral("rule"), rule},
                  {QStringLiteral("summary"), summary},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("safe_alternative"), safeAlternative},
                  {QStringLiteral("loses_data"), losesData},
                  {QStringLiteral("acknowledged"), acknowledged}};
    if (!schema.isEmpty())
        o.insert(QStringLiteral("schema"), schema);
    if (!table.isEmpty())
        o.insert(QStringLiteral("table"), table);
    if (!column.isEmpty())
        o.insert(QStringLiteral("column"), column);
    if (rows >= 0)
        o.insert(QStringLiteral("rows"), double(rows));
    if (affected >= 0)
        o.insert(QStringLiteral("affected"), double(affected));
    if (!dependents.isEmpty())
        o.insert(QStringLiteral("dependents"), QJsonArray::fromStringList(dependents));
    if (acknowledged)
        o.insert(QStringLiteral("acknowledgement"), acknowledgement);
    return o;
}

QJsonObject DataAtStake::toJson() const
{
    QJsonObject o{{QStringLiteral("migration"), migrationId},
                  {QStringLiteral("step"), step},
                  {QStringLiteral("kind"), kind == Kind::Table ? QStringLiteral("table") : QStringLiteral("columns")},
                  {QStringLiteral("table"), table},
                  {QStringLiteral("rows"), double(rows)}};
    if (!schema.isEmpty())
        o.insert(QStringLiteral("schema"), schema);
    if (!columns.isEmpty())
        o.insert(QStringLiteral("columns"), QJsonArray::fromStringList(columns));
    o.insert(QStringLiteral("key"), QJsonArray::fromStringList(key));
    return o;
}

RiskLevel RiskReport::level() const
{
    RiskLevel out = RiskLevel::None;
    for (const RiskFinding &f : findings)
        if (!f.acknowledged && f.level > out)
            out = f.level;
    return out;
}

RiskLevel RiskReport::levelOf(const QString &migrationId) const
{
    RiskLevel out = RiskLevel::None;
    for (const RiskFinding &f : findings)
        if (f.migrationId == migrationId && !f.acknowledged && f.level > out)
            out = f.level;
    return out;
}

std::optional<RiskFinding> RiskReport::topFinding(const QString &migrationId) const
{
    std::optional<RiskFinding> top;
    for (const RiskFinding &f : findings)
        if (f.migrationId == migrationId && (!top || (!f.acknowledged && (top->acknowledged || f.level > top->level))))
            top = f;
    return top;
}

QList<RiskFinding> RiskReport::findingsOf(const QString &migrationId) const
{
    QList<RiskFinding> out;
    for (const RiskFinding &f : findings)
        if (f.migrationId == migrationId)
            out << f;
    return out;
}

RiskLevel RiskOperation::level() const
{
    RiskLevel out = RiskLevel::None;
    for (const RiskFinding &f : findings)
        if (!f.acknowledged && f.level > out)
            out = f.level;
    return out;
}

QList<RiskOperation> RiskReport::operations() const
{
    QList<RiskOperation> out;
    for (const RiskFinding &f : findings) {
        if (out.isEmpty() || out.last().migrationId != f.migrationId || out.last().step != f.step || out.last().operation != f.operation)
            out.append(RiskOperation{f.migrationId, f.step, f.operation, {}});
        out.last().findings << f;
    }
    return out;
}

bool RiskReport::losesData() const
{
    for (const RiskFinding &f : findings)
        if (f.losesData && f.affected != 0)
            return true;
    return false;
}

QList<RiskFinding> RiskReport::atLeast(RiskLevel level) const
{
    QList<RiskFinding> out;
    for (const RiskFinding &f : findings)
        if (!f.acknowledged && f.level >= level)
            out << f;
    return out;
}

RiskReport RiskReport::only(const QStringList &migrationIds) const
{
    RiskReport out = *this;
    out.findings.removeIf([&](const RiskFinding &f) { return !migrationIds.contains(f.migrationId); });
    out.stakes.removeIf([&](const DataAtStake &s) { return !migrationIds.contains(s.migrationId); });
    return out;
}

QStringList RiskReport::dataLossLines() const
{
    QStringList out;
    for (const RiskFinding &f : findings) {
        if (!f.losesData || f.affected == 0)
            continue;
        QString count;
        if (f.affected > 0)
            count = f.column.isEmpty() ? counted(f.affected, QStringLiteral("row"), QStringLiteral("rows"))
                                       : counted(f.affected, QStringLiteral("value"), QStringLiteral("values"));
        else
            count = QStringLiteral("not counted");
        out << QStringLiteral("%1: %2 (%3)").arg(f.migrationId, f.summary.isEmpty() ? f.reason : f.summary, count);
    }
    return out;
}

QJsonObject RiskReport::toJson() const
{
    QJsonArray fs;
    for (const RiskFinding &f : findings)
        fs << f.toJson();
    QJsonArray ss;
    for (const DataAtStake &s : stakes)
        ss << s.toJson();
    return QJsonObject{{QStringLiteral("direction"), forward ? QStringLiteral("forward") : QStringLiteral("rollback")},
                       {QStringLiteral("level"), riskLevelName(level())},
                       {QStringLiteral("live"), live},
                       {QStringLiteral("loses_data"), losesData()},
                       {QStringLiteral("backup_needed"), needsBackup()},
                       {QStringLiteral("findings"), fs},
                       {QStringLiteral("data_at_stake"), ss},
                       {QStringLiteral("statements"), statements},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

QString RiskReport::toText() const
{
    if (findings.isEmpty())
        return QStringLiteral("Risk: none found%1.\n").arg(live ? QStringLiteral(" (graded by the live data)") : QString());
    QString out = QStringLiteral("Risk of this %1: %2%3\n")
                      .arg(forward ? QStringLiteral("migration run") : QStringLiteral("rollback"), riskLevelName(level()).toUpper(),
                           live ? QStringLiteral(" (graded by the live data)") : QStringLiteral(" (not graded: no live data)"));
    for (const RiskOperation &op : operations()) {
        out += QStringLiteral("  %1 · %2\n").arg(op.migrationId, op.operation);
        for (const RiskFinding &f : op.findings) {
            out += QStringLiteral("    [%1] %2: %3\n").arg(riskLevelName(f.level), f.rule, f.reason);
            for (const QString &d : f.dependents)
                out += QStringLiteral("        dependent: %1\n").arg(d);
            if (!f.safeAlternative.isEmpty())
                out += QStringLiteral("        safer: %1\n").arg(f.safeAlternative);
            if (f.acknowledged)
                out += QStringLiteral("        acknowledged: %1\n").arg(f.acknowledgement.isEmpty() ? QStringLiteral("(no reason given)") : f.acknowledgement);
        }
    }
    for (const QString &n : notes)
        out += QStringLiteral("  note: %1\n").arg(n);
    return out;
}

} // namespace covet
