// The rollback desk's pages, built once: target, backup, dry run, roll
// back, verification (the risk page is the shared RiskPanel).
#include "rollbackdesk.h"

#include "app/studiostyle.h"
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/migrationerrordialog.h"
#include "dialogs/restoredialog.h"
#include "models/backuplistmodel.h"
#include "models/migrationlistmodel.h"
#include "views/dryrunpane.h"
#include "views/migrationrunpanel.h"
#include "views/rehearsalbanner.h"
#include "views/riskpanel.h"
#include "views/rollbackverification.h"
#include "wrappedlabel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace covet {

QLabel *RollbackDesk::wrappedLabel(QWidget *parent, const char *name)
{
    auto *l = new WrappedLabel(parent);
    l->setObjectName(QLatin1String(name));
    return l;
}

QWidget *RollbackDesk::page(QWidget *parent, const QString &heading, QLayout **body)
{
    auto *w = new QWidget(parent);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(8, 4, 4, 4);
    auto *title = new QLabel(QStringLiteral("<h3>%1</h3>").arg(heading.toHtmlEscaped()), w);
    layout->addWidget(title);
    *body = layout;
    return w;
}


QWidget *RollbackDesk::createTargetPage()
{
    QLayout *body = nullptr;
    QWidget *w = page(this, tr("What to roll back"), &body);
    m_toHere = new QRadioButton(tr("Roll back to the selected migration (it stays applied)"), w);
    m_toHere->setObjectName(QStringLiteral("rollbackToHere"));
    m_toHere->setChecked(true);
    m_bySteps = new QRadioButton(tr("Roll back the last"), w);
    m_bySteps->setObjectName(QStringLiteral("rollbackBySteps"));
    m_stepsBox = new QSpinBox(w);
    m_stepsBox->setObjectName(QStringLiteral("rollbackStepsBox"));
    m_stepsBox->setRange(1, 1);
    m_stepsBox->setSuffix(tr(" migration(s)"));
    auto *group = new QButtonGroup(w);
    group->addButton(m_toHere);
    group->addButton(m_bySteps);
    auto *stepsRow = new QHBoxLayout;
    stepsRow->addWidget(m_bySteps);
    stepsRow->addWidget(m_stepsBox);
    stepsRow->addStretch(1);

    m_targetList = new QTreeView(w);
    m_targetList->setObjectName(QStringLiteral("rollbackTargetList"));
    m_targetList->setModel(m_model);
    StudioStyle::setUpList(m_targetList, MigrationListModel::IdColumn);
    m_targetList->setColumnHidden(MigrationListModel::RiskColumn, true);
    connect(m_targetList->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this]() {
        if (m_relisting)
            return;
        m_toHere->setChecked(true);
        invalidateFrom(RiskStep);
        showTargetChoice();
    });
    connect(m_targetList, &QTreeView::doubleClicked, this, &RollbackDesk::next);
    connect(m_toHere, &QRadioButton::toggled, this, [this]() {
        if (m_relisting)
            return;
        invalidateFrom(RiskStep);
        showTargetChoice();
    });
    connect(m_stepsBox, &QSpinBox::valueChanged, this, [this]() {
        m_bySteps->setChecked(true);
        invalidateFrom(RiskStep);
        showTargetChoice();
    });
    m_targetSummary = wrappedLabel(w, "rollbackTargetSummary");

    auto *layout = static_cast<QVBoxLayout *>(body);
    layout->addWidget(m_toHere);
    layout->addWidget(m_targetList, 1);
    layout->addLayout(stepsRow);
    layout->addWidget(m_targetSummary);
    return w;
}

QWidget *RollbackDesk::createBackupPage()
{
    QLayout *body = nullptr;
    QWidget *w = page(this, tr("Backup of the data the rollback destroys"), &body);
    m_backup = new QCheckBox(tr("Back up the data at stake before it is destroyed"), w);
    m_backup->setObjectName(QStringLiteral("rollbackBackupToggle"));
    connect(m_backup, &QCheckBox::toggled, this, [this]() {
        invalidateFrom(DryRunStep);
        showBackupChoice();
    });
    m_backupText = wrappedLabel(w, "rollbackBackupText");
    m_backupText->setTextFormat(Qt::RichText);
    body->addWidget(m_backup);
    body->addWidget(m_backupText);
    static_cast<QVBoxLayout *>(body)->addStretch(1);
    return w;
}

QWidget *RollbackDesk::createDryRunPage()
{
    QLayout *body = nullptr;
    QWidget *w = page(this, tr("Dry run"), &body);
    m_dryRun = new DryRunPane(tr("The dry run starts when this step opens."), w);
    m_rehearsal = wrappedLabel(w, "rollbackRehearsal");
    m_rehearsal->hide();
    auto *again = new QPushButton(StudioStyle::icon("dry-run"), tr("Run the dry run again"), w);
    again->setObjectName(QStringLiteral("rollbackDryRunAgain"));
    connect(again, &QPushButton::clicked, this, &RollbackDesk::startDryRun);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(again);
    body->addWidget(m_dryRun);
    body->addWidget(m_rehearsal);
    static_cast<QVBoxLayout *>(body)->addLayout(row);
    return w;
}

QWidget *RollbackDesk::createExecutePage()
{
    QLayout *body = nullptr;
    QWidget *w = page(this, tr("Roll back"), &body);
    m_executeSummary = wrappedLabel(w, "rollbackExecuteSummary");
    m_executeSummary->setTextFormat(Qt::RichText);
    m_rollBackButton = new QPushButton(StudioStyle::icon("rollback"), tr("&Roll Back"), w);
    m_rollBackButton->setObjectName(QStringLiteral("rollbackRunButton"));
    connect(m_rollBackButton, &QPushButton::clicked, this, &RollbackDesk::execute);
    m_runPanel = new MigrationRunPanel(w);
    connect(m_runPanel, &MigrationRunPanel::cancelRequested, this, &RollbackDesk::cancel);
    auto *row = new QHBoxLayout;
    row->addWidget(m_executeSummary, 1);
    row->addWidget(m_rollBackButton, 0, Qt::AlignTop);
    static_cast<QVBoxLayout *>(body)->addLayout(row);
    body->addWidget(m_runPanel);
    return w;
}

QWidget *RollbackDesk::createVerifyPage()
{
    QLayout *body = nullptr;
    QWidget *w = page(this, tr("Verification"), &body);
    m_verification = new RollbackVerification(w);
    connect(m_verification, &RollbackVerification::restoreRequested, this, &RollbackDesk::restoreBackup);
    connect(m_verification, &RollbackVerification::restored, this, &RollbackDesk::databaseChanged);
    body->addWidget(m_verification);
    return w;
}

} // namespace covet
