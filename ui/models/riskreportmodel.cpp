#include "riskreportmodel.h"

#include "app/studiostyle.h"

#include <QFont>

namespace covet {

namespace {
// internalId of an operation row; a finding row holds its operation's row + 1.
constexpr quintptr kOperation = 0;
} // namespace

RiskReportModel::RiskReportModel(QObject *parent) : QAbstractItemModel(parent) {}

void RiskReportModel::setReport(const RiskReport &report)
{
    beginResetModel();
    m_report = report;
    m_operations = report.operations();
    endResetModel();
}

void RiskReportModel::clear()
{
    setReport(RiskReport());
}

const RiskOperation *RiskReportModel::operationAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const qsizetype row = index.internalId() == kOperation ? index.row() : qsizetype(index.internalId() - 1);
    return row >= 0 && row < m_operations.size() ? &m_operations.at(row) : nullptr;
}

const RiskFinding *RiskReportModel::findingAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kOperation)
        return nullptr;
    const RiskOperation *op = operationAt(index);
    return op && index.row() < op->findings.size() ? &op->findings.at(index.row()) : nullptr;
}

QModelIndex RiskReportModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_operations.size() ? createIndex(row, column, kOperation) : QModelIndex();
    if (parent.internalId() != kOperation || parent.row() >= m_operations.size())
        return {};
    return row < m_operations.at(parent.row()).findings.size() ? createIndex(row, column, quintptr(parent.row()) + 1) : QModelIndex();
}

QModelIndex RiskReportModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kOperation)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kOperation);
}

int RiskReportModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_operations.size());
    if (parent.internalId() != kOperation || parent.column() != 0 || parent.row() >= m_operations.size())
        return 0;
    return int(m_operations.at(parent.row()).findings.size());
}

int RiskReportModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString RiskReportModel::stakeText(const RiskFinding &f)
{
    if (f.losesData && f.affected >= 0) {
        const int n = int(qMin<qint64>(f.affected, INT_MAX));
        const QString lost = f.column.isEmpty() ? tr("%Ln row(s) lost", nullptr, n) : tr("%Ln value(s) lost", nullptr, n);
        return f.rows >= 0 && !f.column.isEmpty() ? tr("%1 (of %2 rows)").arg(lost, StudioStyle::count(f.rows)) : lost;
    }
    if (f.affected > 0)
        return tr("%1 affected of %2 rows").arg(StudioStyle::count(f.affected), f.rows >= 0 ? StudioStyle::count(f.rows) : tr("?"));
    if (f.rows >= 0)
        return tr("%1 rows").arg(StudioStyle::count(f.rows));
    return f.losesData ? tr("not counted") : QString();
}

QString RiskReportModel::findingHtml(const RiskFinding &f)
{
    QString html = QStringLiteral("<p><b style=\"color:%1\">%2</b> · <code>%3</code> · %4</p>")
                       .arg(StudioStyle::riskColor(f.level).name(), StudioStyle::riskText(f.level).toUpper().toHtmlEscaped(),
                            f.rule.toHtmlEscaped(), (f.summary.isEmpty() ? f.target() : f.summary).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(f.reason.toHtmlEscaped());
    const QString stake = stakeText(f);
    if (!stake.isEmpty())
        html += tr("<p><b>Data at stake:</b> %1</p>").arg(stake.toHtmlEscaped());
    if (!f.dependents.isEmpty()) {
        html += tr("<p><b>Foreign-key dependents:</b></p>") + QStringLiteral("<ul>");
        for (const QString &d : f.dependents)
            html += QStringLiteral("<li>%1</li>").arg(d.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!f.safeAlternative.isEmpty())
        html += tr("<p><b>Safer:</b> %1</p>").arg(f.safeAlternative.toHtmlEscaped());
    if (f.acknowledged)
        html += tr("<p><b>Acknowledged</b> by the migration: %1</p>")
                    .arg(f.acknowledgement.isEmpty() ? tr("(no reason given)") : f.acknowledgement.toHtmlEscaped());
    return html;
}

QVariant RiskReportModel::operationData(const RiskOperation &op, int column, int role) const
{
    const RiskLevel level = op.level();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WhatColumn: return tr("%1 · %2").arg(op.migrationId, op.operation);
        case LevelColumn: return StudioStyle::riskText(level);
        case RuleColumn: return tr("%n finding(s)", nullptr, int(op.findings.size()));
        default: return {};
        }
    case Qt::DecorationRole:
        return column == WhatColumn ? QVariant(StudioStyle::riskIcon(level)) : QVariant();
    case Qt::ForegroundRole:
        return column == LevelColumn ? QVariant(StudioStyle::riskColor(level)) : QVariant();
    case Qt::FontRole: {
        QFont f;
        f.setBold(true);
        return column == WhatColumn ? QVariant(f) : QVariant();
    }
    case Qt::ToolTipRole: return tr("%1 · %2").arg(op.migrationId, op.operation);
    case LevelRole: return int(level);
    case IsFindingRole: return false;
    case AcknowledgedRole: return false;
    default: return {};
    }
}

QVariant RiskReportModel::findingData(const RiskFinding &f, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WhatColumn: {
            const QString what = f.summary.isEmpty() ? f.reason : f.summary;
            return f.acknowledged ? tr("%1 (acknowledged)").arg(what) : what;
        }
        case LevelColumn: return StudioStyle::riskText(f.level);
        case RuleColumn: return f.rule;
        case StakeColumn: return stakeText(f);
        default: return {};
        }
    case Qt::DecorationRole:
        return column == WhatColumn ? QVariant(StudioStyle::riskIcon(f.acknowledged ? RiskLevel::None : f.level)) : QVariant();
    case Qt::ForegroundRole:
        if (column == LevelColumn)
            return StudioStyle::riskColor(f.level);
        return column == StakeColumn && f.losesData ? QVariant(StudioStyle::riskColor(RiskLevel::Critical)) : QVariant();
    case Qt::FontRole: {
        if (!f.acknowledged)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::ToolTipRole: return findingHtml(f);
    case LevelRole: return int(f.level);
    case IsFindingRole: return true;
    case AcknowledgedRole: return f.acknowledged;
    default: return {};
    }
}

QVariant RiskReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const RiskFinding *f = findingAt(index))
        return findingData(*f, index.column(), role);
    if (const RiskOperation *op = operationAt(index))
        return operationData(*op, index.column(), role);
    return {};
}

QVariant RiskReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn: return tr("Operation / finding");
    case LevelColumn: return tr("Level");
    case RuleColumn: return tr("Rule");
    case StakeColumn: return tr("Data at stake");
    default: return {};
    }
}

} // namespace covet
