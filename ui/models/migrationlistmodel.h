#pragma once

#include "runner/migrationrunner.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>

namespace covet {

// The migrations of a project against one database, one row each, in the
// order the runner applies them: the id (with the state's icon), the state
// (applied, pending, modified, missing; coloured), when and by whom it was
// applied, and how long it took. Filled from MigrationRunner::status().
class MigrationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, StateColumn, RiskColumn, AppliedAtColumn, AppliedByColumn, DurationColumn, ColumnCount };
    enum Roles {
        StateRole = Qt::UserRole + 1,   // int(MigrationState::State)
        IdRole,                         // QString
        RiskLevelRole,                  // int(RiskLevel) of a pending migration; -1 when not graded
    };

    explicit MigrationListModel(QObject *parent = nullptr);

    // Replaces the rows; rows whose id stays are updated in place.
    void setStates(const QList<MigrationState> &states);
    const QList<MigrationState> &states() const { return m_states; }
    const MigrationState *stateAt(int row) const;
    int rowOf(const QString &id) const;
    int count(MigrationState::State state) const;
    // "3 applied, 2 pending" (and modified, missing, part-way when there are any);
    // html: each part bold in its state's colour, joined by " · ".
    QString summary(bool html) const;
    void clear();
    // The engine's report of the pending migrations (MigrationOverview::
    // pendingRisk): each pending row shows its level and top reason.
    void setRisk(const std::optional<RiskReport> &risk);
    const std::optional<RiskReport> &risk() const { return m_risk; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateText(MigrationState::State state);   // translated
    static QColor colorFor(MigrationState::State state);
    static QIcon iconFor(MigrationState::State state);
    // "2024-05-01 14:03:22" in local time, from the history's ISO 8601 UTC.
    static QString localTime(const QString &isoUtc);
    // "85 ms", "2.4 s", "3 min 12 s".
    static QString durationText(qint64 ms);

private:
    QString toolTip(const MigrationState &s) const;
    QString stateToolTip(const MigrationState &s) const;
    static QString partialStepsText(const MigrationState &s);
    QVariant riskData(const MigrationState &s, int role) const;

    QList<MigrationState> m_states;
    std::optional<RiskReport> m_risk;
};

} // namespace covet
