#pragma once

#include "safety/riskreport.h"

#include <QAbstractItemModel>

namespace covet {

// A RiskReport as a tree: one row per operation (migration and step, with
// the highest level of its findings), its findings below it: level, rule,
// what it is about, the data at stake with counts, and whether the
// migration acknowledged it. The full text of a finding (reason, FK
// dependents, lock notes, safe alternative) is in FindingRole and the
// tooltip. The grouping is the engine's (RiskReport::operations()).
class RiskReportModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { WhatColumn, LevelColumn, RuleColumn, StakeColumn, ColumnCount };
    enum Roles {
        LevelRole = Qt::UserRole + 1,   // int(RiskLevel)
        IsFindingRole,                  // bool
        AcknowledgedRole,               // bool
    };

    explicit RiskReportModel(QObject *parent = nullptr);

    void setReport(const RiskReport &report);
    void clear();
    const RiskReport &report() const { return m_report; }
    const QList<RiskOperation> &operations() const { return m_operations; }
    // The finding at an index (null for an operation row).
    const RiskFinding *findingAt(const QModelIndex &index) const;
    const RiskOperation *operationAt(const QModelIndex &index) const;
    int findingCount() const { return int(m_report.findings.size()); }

    // "5,000 values lost (of 5,000 rows)", "12,000 rows", "" when not counted.
    static QString stakeText(const RiskFinding &f);
    // The finding in full, as HTML: reason, data at stake, dependents, safe alternative, acknowledgement.
    static QString findingHtml(const RiskFinding &f);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant operationData(const RiskOperation &op, int column, int role) const;
    QVariant findingData(const RiskFinding &f, int column, int role) const;

    RiskReport m_report;
    QList<RiskOperation> m_operations;
};

} // namespace covet
