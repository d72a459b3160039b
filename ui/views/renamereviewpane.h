#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSlider;
class QTableView;

namespace covet {

class RenameCandidateModel;
class RenameReviewTable;
class ScoreBarDelegate;

// The Diff view's rename review: the candidates (RenameReviewTable) with
// Accept and Reject for the selected pair, the threshold slider above which
// a candidate counts as a rename unless decided otherwise, and Save
// Decisions, which writes the file `covet diff --renames FILE` reads. The
// decisions live in the RenameCandidateModel it is given.
class RenameReviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit RenameReviewPane(RenameCandidateModel *renames, QWidget *parent = nullptr);

    // 0 … 1.
    double threshold() const;
    // Without thresholdChanged().
    void setThreshold(double threshold);
    // Where Save Decisions… proposes renames.yaml; empty: the working directory.
    void setProjectDirectory(const QString &dir) { m_projectDir = dir; }
    // Writes the decisions file; an error message or empty.
    QString saveDecisions(const QString &path) const;
    void updateActions();

    QTableView *table() const;
    QSlider *slider() const { return m_threshold; }

signals:
    void thresholdChanged();
    void saveFailed(const QString &message);

private:
    void setVerdictForSelection(bool accept);
    void showThreshold();
    void askToSaveDecisions();

    RenameCandidateModel *m_renames = nullptr;
    ScoreBarDelegate *m_scoreDelegate = nullptr;
    RenameReviewTable *m_table = nullptr;
    QPushButton *m_acceptButton = nullptr;
    QPushButton *m_rejectButton = nullptr;
    QPushButton *m_saveDecisionsButton = nullptr;
    QSlider *m_threshold = nullptr;
    QLabel *m_thresholdLabel = nullptr;
    QString m_projectDir;
};

} // namespace covet
