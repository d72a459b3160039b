#include "migrationlistmodel.h"

#include "app/studiostyle.h"
#include "runner/partialresume.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace covet {

MigrationListModel::MigrationListModel(QObject *parent) : QAbstractTableModel(parent) {}

void MigrationListModel::setStates(const QList<MigrationState> &states)
{
    // Same ids in the same order: update in place (keeps the selection).
    bool sameRows = states.size() == m_states.size();
    for (qsizetype i = 0; sameRows && i < states.size(); ++i)
        sameRows = states.at(i).id == m_states.at(i).id;
    if (sameRows) {
        m_states = states;
        if (!m_states.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_states = states;
    endResetModel();
}

void MigrationListModel::clear()
{
    m_risk.reset();
    setStates({});
}

void MigrationListModel::setRisk(const std::optional<RiskReport> &risk)
{
    m_risk = risk;
    if (!m_states.isEmpty())
        emit dataChanged(index(0, RiskColumn), index(rowCount() - 1, RiskColumn));
}

QVariant MigrationListModel::riskData(const MigrationState &s, int role) const
{
    if (s.state != MigrationState::State::Pending || !m_risk)
        return role == RiskLevelRole ? QVariant(-1) : QVariant();
    const RiskLevel level = m_risk->levelOf(s.id);
    switch (role) {
    case Qt::DisplayRole: return StudioStyle::riskText(level);
    case Qt::DecorationRole: return StudioStyle::riskIcon(level);
    case Qt::ForegroundRole: return StudioStyle::riskColor(level);
    case RiskLevelRole: return int(level);
    case Qt::ToolTipRole: {
        const std::optional<RiskFinding> top = m_risk->topFinding(s.id);
        if (!top)
            return tr("Risk: none found%1.").arg(m_risk->live ? tr(" (graded by the live data)") : QString());
        const int more = int(m_risk->findingsOf(s.id).size()) - 1;
        QString tip = tr("Risk: %1 — %2").arg(StudioStyle::riskText(level), top->reason);
        if (top->acknowledged)
            tip += tr("\nAcknowledged: %1").arg(top->acknowledgement);
        if (more > 0)
            tip += tr("\n%n more finding(s): see the Risk tab.", nullptr, more);
        return tip;
    }
    default: return {};
    }
}

const MigrationState *MigrationListModel::stateAt(int row) const
{
    return row >= 0 && row < m_states.size() ? &m_states.at(row) : nullptr;
}

int MigrationListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_states.size(); ++i)
        if (m_states.at(i).id == id)
            return int(i);
    return -1;
}

int MigrationListModel::count(MigrationState::State state) const
{
    return int(std::count_if(m_states.cbegin(), m_states.cend(), [state](const MigrationState &s) { return s.state == state; }));
}

QString MigrationListModel::summary(bool html) const
{
    QStringList parts;
    for (auto state : {MigrationState::State::Applied, MigrationState::State::Pending, MigrationState::State::Modified,
                       MigrationState::State::Missing, MigrationState::State::Partial}) {
        const int n = count(state);
        if (n == 0 && state != MigrationState::State::Applied && state != MigrationState::State::Pending)
            continue;
        const QString part = tr("%1 %2").arg(n).arg(stateText(state));
        parts << (html ? QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                             .arg(colorFor(state).name(), part.toHtmlEscaped())
                       : part);
    }
    return parts.join(html ? QStringLiteral(" · ") : QStringLiteral(", "));
}

int MigrationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_states.size());
}

int MigrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationListModel::stateText(MigrationState::State state)
{
    switch (state) {
    case MigrationState::State::Applied: return tr("applied");
    case MigrationState::State::Pending: return tr("pending");
    case MigrationState::State::Modified: return tr("modified");
    case MigrationState::State::Missing: return tr("missing");
    case MigrationState::State::Partial: return tr("part-way");
    }
    return {};
}

QColor MigrationListModel::colorFor(MigrationState::State state)
{
    switch (state) {
    case MigrationState::State::Applied: return StudioStyle::textColor(StudioStyle::Tone::Ok);
    case MigrationState::State::Pending: return StudioStyle::textColor(StudioStyle::Tone::Info);
    case MigrationState::State::Modified: return StudioStyle::textColor(StudioStyle::Tone::Warning);
    case MigrationState::State::Missing:
    case MigrationState::State::Partial: return StudioStyle::textColor(StudioStyle::Tone::Error);
    }
    return {};
}

QIcon MigrationListModel::iconFor(MigrationState::State state)
{
    static const QHash<int, QIcon> icons = {
        {int(MigrationState::State::Applied), StudioStyle::icon("migration-applied")},
        {int(MigrationState::State::Pending), StudioStyle::icon("migration-pending")},
        {int(MigrationState::State::Modified), StudioStyle::icon("migration-modified")},
        {int(MigrationState::State::Missing), StudioStyle::icon("migration-missing")},
        {int(MigrationState::State::Partial), StudioStyle::icon("migration-modified")},
    };
    return icons.value(int(state));
}

QString MigrationListModel::localTime(const QString &isoUtc)
{
    if (isoUtc.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!t.isValid())
        return isoUtc;   // shown as recorded rather than hidden
    if (t.timeSpec() == Qt::LocalTime && !isoUtc.endsWith(u'Z') && !isoUtc.contains(u'+'))
        t.setTimeSpec(Qt::UTC);
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString MigrationListModel::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString MigrationListModel::toolTip(const MigrationState &s) const
{
    const QString text = stateToolTip(s);
    return s.squash.isEmpty() ? text : tr("%1\nSquashed migration: %2").arg(text, s.squash);
}

QString MigrationListModel::stateToolTip(const MigrationState &s) const
{
    switch (s.state) {
    case MigrationState::State::Applied:
        return tr("%1 was applied on %2 by %3 in %4.").arg(s.id, localTime(s.appliedAt), s.appliedBy, durationText(s.durationMs));
    case MigrationState::State::Pending:
        return tr("%1 is not applied yet (%2).").arg(s.id, QFileInfo(s.file).fileName());
    case MigrationState::State::Modified:
        return tr("%1 was changed after it was applied: the history recorded checksum %2, the file now has %3. "
                  "Restore the file; a change belongs in a new migration.")
            .arg(s.id, s.recordedChecksum.left(12), s.fileChecksum.left(12));
    case MigrationState::State::Missing:
        return tr("%1 is recorded as applied but its file is missing from the migrations directory.").arg(s.id);
    case MigrationState::State::Partial:
        if (!s.partial)
            return tr("%1 is part-way.").arg(s.id);
        return tr("%1: %2.\n%3\nHow to finish or undo it: %4 (the buttons over its SQL do the same).")
            .arg(s.id, s.partial->describe(), partialStepsText(s), PartialResume::wayOut(*s.partial));
    }
    return {};
}

QString MigrationListModel::partialStepsText(const MigrationState &s)
{
    QStringList lines;
    for (const PartialStep &step : s.partialSteps)
        lines << QStringLiteral("  ") + step.describe();
    return lines.join(u'\n');
}

QVariant MigrationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MigrationState &s = m_states.at(index.row());
    // A migration applying stopped part-way is not recorded as applied: no when, by whom, how long.
    const bool applied = s.state != MigrationState::State::Pending && (s.state != MigrationState::State::Partial || !s.appliedAt.isEmpty());
    if (index.column() == RiskColumn && (role == Qt::DisplayRole || role == Qt::DecorationRole || role == Qt::ForegroundRole
                                         || role == Qt::ToolTipRole))
        return riskData(s, role);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return s.id;
        case StateColumn:
            return !s.replacedBy.isEmpty() ? tr("%1 (replaced)").arg(stateText(s.state))
                   : s.squash.isEmpty()    ? stateText(s.state)
                                           : tr("%1 (squashed)").arg(stateText(s.state));
        case AppliedAtColumn: return applied ? localTime(s.appliedAt) : QString();
        case AppliedByColumn: return applied ? s.appliedBy : QString();
        case DurationColumn: return applied ? durationText(s.durationMs) : QString();
        default: return {};
        }
    case Qt::DecorationRole:
        return index.column() == IdColumn ? QVariant(iconFor(s.state)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == StateColumn || index.column() == IdColumn ? QVariant(colorFor(s.state)) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(s);
    case Qt::TextAlignmentRole:
        return index.column() == DurationColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case StateRole:
        return int(s.state);
    case IdRole:
        return s.id;
    case RiskLevelRole:
        return riskData(s, role);
    default:
        return {};
    }
}

QVariant MigrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Migration");
    case StateColumn: return tr("State");
    case RiskColumn: return tr("Risk");
    case AppliedAtColumn: return tr("Applied at");
    case AppliedByColumn: return tr("Applied by");
    case DurationColumn: return tr("Duration");
    default: return {};
    }
}

} // namespace covet
