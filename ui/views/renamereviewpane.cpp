#include "renamereviewpane.h"

#include "app/studiostyle.h"
#include "delegates/scorebardelegate.h"
#include "models/renamecandidatemodel.h"
#include "views/renamereviewtable.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace covet {

RenameReviewPane::RenameReviewPane(RenameCandidateModel *renames, QWidget *parent) : QWidget(parent), m_renames(renames)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->addWidget(StudioStyle::caption(tr("Rename review"), this));
    bar->addStretch(1);
    m_acceptButton = new QPushButton(StudioStyle::icon("check"), tr("Accept"), this);
    m_acceptButton->setObjectName(QStringLiteral("acceptRename"));
    m_acceptButton->setToolTip(tr("Treat the selected pair as a rename"));
    m_rejectButton = new QPushButton(StudioStyle::icon("cancel"), tr("Reject"), this);
    m_rejectButton->setObjectName(QStringLiteral("rejectRename"));
    m_rejectButton->setToolTip(tr("Treat the selected pair as a drop and an add"));
    bar->addWidget(m_acceptButton);
    bar->addWidget(m_rejectButton);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Threshold:"), this));
    m_threshold = new QSlider(Qt::Horizontal, this);
    m_threshold->setObjectName(QStringLiteral("thresholdSlider"));
    m_threshold->setRange(0, 100);
    m_threshold->setValue(80);
    m_threshold->setFixedWidth(160);
    m_threshold->setToolTip(tr("Candidates scoring at least this are accepted unless decided otherwise"));
    bar->addWidget(m_threshold);
    m_thresholdLabel = new QLabel(this);
    m_thresholdLabel->setMinimumWidth(m_thresholdLabel->fontMetrics().horizontalAdvance(QStringLiteral("100%")) + 4);
    bar->addWidget(m_thresholdLabel);
    bar->addSpacing(12);
    m_saveDecisionsButton = new QPushButton(StudioStyle::icon("save"), tr("Save Decisions…"), this);
    m_saveDecisionsButton->setObjectName(QStringLiteral("saveDecisions"));
    m_saveDecisionsButton->setToolTip(tr("Save the accepted and rejected renames as a file for covet diff --renames"));
    bar->addWidget(m_saveDecisionsButton);
    layout->addLayout(bar);

    m_table = new RenameReviewTable(m_renames, this);
    m_scoreDelegate = new ScoreBarDelegate(RenameCandidateModel::ScoreRole, this);
    m_table->setItemDelegateForColumn(RenameCandidateModel::ScoreColumn, m_scoreDelegate);
    layout->addWidget(m_table, 1);

    connect(m_acceptButton, &QPushButton::clicked, this, [this]() { setVerdictForSelection(true); });
    connect(m_rejectButton, &QPushButton::clicked, this, [this]() { setVerdictForSelection(false); });
    connect(m_saveDecisionsButton, &QPushButton::clicked, this, &RenameReviewPane::askToSaveDecisions);
    connect(m_threshold, &QSlider::valueChanged, this, [this]() {
        showThreshold();
        emit thresholdChanged();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RenameReviewPane::updateActions);
    showThreshold();
}

QTableView *RenameReviewPane::table() const
{
    return m_table;
}

double RenameReviewPane::threshold() const
{
    return m_threshold->value() / 100.0;
}

void RenameReviewPane::setThreshold(double threshold)
{
    QSignalBlocker block(m_threshold);
    m_threshold->setValue(qRound(threshold * 100));
    showThreshold();
}

void RenameReviewPane::setVerdictForSelection(bool accept)
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_renames->setVerdict(current.row(), accept ? RenameDecisions::Verdict::Accept : RenameDecisions::Verdict::Reject);
}

void RenameReviewPane::showThreshold()
{
    m_thresholdLabel->setText(tr("%1%").arg(m_threshold->value()));
    m_scoreDelegate->setThreshold(threshold());
    m_table->viewport()->update();
}

QString RenameReviewPane::saveDecisions(const QString &path) const
{
    const Status saved = m_renames->decisions().save(path);
    return saved ? QString() : saved.error().toString();
}

void RenameReviewPane::askToSaveDecisions()
{
    const QString start = m_projectDir.isEmpty() ? QStringLiteral("renames.yaml") : QDir(m_projectDir).filePath(QStringLiteral("renames.yaml"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Rename Decisions"), start, tr("Decisions files (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    const QString error = saveDecisions(path);
    if (!error.isEmpty())
        emit saveFailed(tr("Could not save the rename decisions.\n%1").arg(error));
}

void RenameReviewPane::updateActions()
{
    const bool rowSelected = m_table->selectionModel()->hasSelection();
    m_acceptButton->setEnabled(rowSelected);
    m_rejectButton->setEnabled(rowSelected);
    m_saveDecisionsButton->setEnabled(!m_renames->decisions().isEmpty());
}

} // namespace covet
