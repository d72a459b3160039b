#pragma once

#include "diff/renamecandidate.h"
#include "diff/renamedecisions.h"

#include <QAbstractTableModel>

namespace covet {

// The rename candidates of a diff, one row each: whether it is accepted (a
// check box: checked accepts, unchecked rejects), the old and new name, the
// table, the score (ScoreRole for ScoreBarDelegate) and the reasons behind
// it. Changing a check box records a decision in decisions() and emits
// decisionsChanged(); the view then re-diffs with them.
class RenameCandidateModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DecisionColumn, OldNameColumn, NewNameColumn, TableColumn, ScoreColumn, ReasonsColumn, ColumnCount };
    enum Roles {
        ScoreRole = Qt::UserRole + 1,   // double in [0,1]
        AcceptedRole,                   // bool
    };

    explicit RenameCandidateModel(QObject *parent = nullptr);

    // Replaces the candidates; rows that stay the same pair are updated in place.
    void setCandidates(const QList<RenameCandidate> &candidates);
    const QList<RenameCandidate> &candidates() const { return m_candidates; }
    const RenameDecisions &decisions() const { return m_decisions; }
    void setDecisions(const RenameDecisions &decisions);

    // Records a person's decision for a row; false for a bad row.
    bool setVerdict(int row, RenameDecisions::Verdict verdict);
    // The row of a candidate by its pair, or -1.
    int rowOf(const QString &table, const QString &from, const QString &to) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString reasonsText(const RenameCandidate &c);

signals:
    void decisionsChanged();

private:
    QList<RenameCandidate> m_candidates;
    RenameDecisions m_decisions;
};

} // namespace covet
