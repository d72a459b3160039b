#include "backupsview.h"

#include "app/studiostyle.h"
#include "dialogs/restoredialog.h"
#include "models/backuplistmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace covet {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent, const char *name)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setObjectName(QLatin1String(name));
    return b;
}

} // namespace

BackupsView::BackupsView(QWidget *parent) : StudioPage(parent), m_job(new BackupJob(this)), m_model(new BackupListModel(this))
{
    setObjectName(QStringLiteral("backupsView"));
    m_refreshAction = new QAction(StudioStyle::icon("reload"), tr("Refresh"), this);
    m_refreshAction->setToolTip(tr("Read the backups of the database again"));
    connect(m_refreshAction, &QAction::triggered, this, &BackupsView::refresh);
    m_verifyAction = new QAction(StudioStyle::icon("verify"), tr("Verify"), this);
    m_verifyAction->setToolTip(tr("Recompute the checksums of the selected backup's tables and compare them with the recorded ones"));
    connect(m_verifyAction, &QAction::triggered, this, &BackupsView::verifySelected);
    m_restoreAction = new QAction(StudioStyle::icon("restore"), tr("Restore…"), this);
    m_restoreAction->setToolTip(tr("Show what restoring the selected backup writes, then restore it"));
    connect(m_restoreAction, &QAction::triggered, this, &BackupsView::restoreSelected);
    m_dropAction = new QAction(StudioStyle::icon("drop"), tr("Drop…"), this);
    m_dropAction->setToolTip(tr("Drop the selected backup's tables; it can no longer be restored"));
    connect(m_dropAction, &QAction::triggered, this, &BackupsView::dropSelected);
    m_cancelAction = new QAction(StudioStyle::icon("cancel"), tr("Cancel"), this);
    connect(m_cancelAction, &QAction::triggered, this, &BackupsView::cancel);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("backupsTitle"));
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_refreshButton = toolButton(m_refreshAction, this, "backupsRefreshButton");
    m_verifyButton = toolButton(m_verifyAction, this, "backupsVerifyButton");
    m_restoreButton = toolButton(m_restoreAction, this, "backupsRestoreButton");
    m_dropButton = toolButton(m_dropAction, this, "backupsDropButton");
    m_cancelButton = toolButton(m_cancelAction, this, "backupsCancelButton");
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_refreshButton);
    header->addWidget(m_verifyButton);
    header->addWidget(m_restoreButton);
    header->addWidget(m_dropButton);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setModel(m_model);
    StudioStyle::setUpList(m_list, BackupListModel::ContentsColumn);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BackupsView::updateActions);
    connect(m_list, &QTreeView::doubleClicked, this, &BackupsView::restoreSelected);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("backupsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(220);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_status, 1);
    footer->addWidget(m_progress);
    footer->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addLayout(footer);

    connect(m_job, &BackupJob::progress, this, [this](int done, int total, const QString &what) {
        m_progress->setRange(0, qMax(total, 0));
        m_progress->setValue(done);
        if (!what.isEmpty())
            m_status->setText(what);
    });
    connect(m_job, &BackupJob::finished, this, &BackupsView::onFinished);
    clear();
}

BackupsView::~BackupsView()
{
    m_job->disconnect(this);
}

QAbstractButton *BackupsView::verifyButton() const { return m_verifyButton; }
QAbstractButton *BackupsView::restoreButton() const { return m_restoreButton; }
QAbstractButton *BackupsView::dropButton() const { return m_dropButton; }
QAbstractButton *BackupsView::cancelButton() const { return m_cancelButton; }

RestoreDialog *BackupsView::restoreDialog() const { return m_restore; }

QString BackupsView::statusText() const
{
    return m_status->text();
}

bool BackupsView::isBusy() const
{
    return m_job->isRunning();
}

void BackupsView::setDatabase(const DatabaseUrl &url, const QString &environment)
{
    const bool same = m_url && m_url->toString() == url.toString();
    m_url = url;
    m_environment = environment;
    if (!same)
        m_model->clear();
    m_title->setText(tr("Backups in <b>%1</b>").arg(url.display().toHtmlEscaped()));
    m_stale = true;
    if (isVisible())
        refresh();
    updateActions();
}

void BackupsView::clear()
{
    m_url.reset();
    m_model->clear();
    m_title->setText(tr("Connect to a database to see its backups."));
    m_status->clear();
    updateActions();
}

void BackupsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

qint64 BackupsView::selectedId() const
{
    const BackupRecord *b = m_model->backupAt(m_list->currentIndex().row());
    return b ? b->id : 0;
}

bool BackupsView::selectBackup(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void BackupsView::start(BackupRequest::Action action, qint64 id)
{
    if (!m_url || m_job->isRunning())
        return;
    m_job->start({action, *m_url, id});
    m_progress->setRange(0, 0);
    updateActions();
}

void BackupsView::refresh()
{
    if (!m_url)
        return;
    m_stale = false;
    m_status->setText(tr("Reading the backups…"));
    start(BackupRequest::Action::List);
}

void BackupsView::verifySelected()
{
    if (const qint64 id = selectedId()) {
        m_status->setText(tr("Verifying backup %1…").arg(id));
        start(BackupRequest::Action::Verify, id);
    }
}

RestoreDialog *BackupsView::restoreSelected()
{
    const qint64 id = selectedId();
    if (!m_url || !id || m_job->isRunning() || m_restore)
        return nullptr;
    m_restore = new RestoreDialog(*m_url, {id}, m_environment, this);
    m_restore->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_restore, &RestoreDialog::finishedRestore, this, [this, id](bool restored, const BackupCheck &check) {
        m_model->setCheck(id, check);
        m_status->setText(restored ? tr("Backup %1 was restored.").arg(id) : tr("Backup %1 was not restored.").arg(id));
        if (restored) {
            refresh();
            emit databaseChanged();
        }
    });
    m_restore->open();
    return m_restore;
}

void BackupsView::dropSelected()
{
    const qint64 id = selectedId();
    if (!id || m_job->isRunning())
        return;
    const QString word = m_environment.isEmpty() ? QStringLiteral("yes") : m_environment;
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("dropBackupDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Drop backup %1?").arg(id));
    ask->setLabelText(tr("Dropping backup %1 deletes its tables: it can no longer be restored.\nType %2 to drop it:").arg(id).arg(word));
    connect(ask, &QInputDialog::textValueSelected, this, [this, id, word](const QString &typed) {
        if (typed != word) {
            m_status->setText(tr("Backup %1 was not dropped: the confirmation did not match.").arg(id));
            return;
        }
        m_status->setText(tr("Dropping backup %1…").arg(id));
        start(BackupRequest::Action::Drop, id);
    });
    ask->open();
}

void BackupsView::cancel()
{
    m_job->cancel();
}

void BackupsView::onFinished(const BackupOutcome &outcome)
{
    const qint64 id = outcome.request.id;
    switch (outcome.request.action) {
    case BackupRequest::Action::List: {
        const qint64 keep = selectedId();
        if (outcome.succeeded()) {
            m_model->setBackups(outcome.backups);
            m_status->setText(outcome.backups.isEmpty() ? tr("No backups yet: Covet takes one before a migration or rollback destroys data.")
                                                        : tr("%n backup(s).", nullptr, int(outcome.backups.size())));
            if (!selectBackup(keep) && m_model->rowCount() > 0)
                m_list->setCurrentIndex(m_model->index(0, 0));
        }
        emit listed();
        break;
    }
    case BackupRequest::Action::Verify:
        if (outcome.succeeded()) {
            m_model->setCheck(id, outcome.check);
            m_status->setText(outcome.check.ok() ? tr("Backup %1 verified: every table's checksum matches.").arg(id)
                                                 : tr("Backup %1 differs from its checksums: %2").arg(id).arg(outcome.check.toText().simplified()));
        }
        break;
    case BackupRequest::Action::Drop:
        if (outcome.succeeded()) {
            m_status->setText(tr("Backup %1 was dropped.").arg(id));
            updateActions();
            refresh();
        }
        break;
    case BackupRequest::Action::Preview:
    case BackupRequest::Action::Restore: break;
    }
    if (outcome.cancelled())
        m_status->setText(tr("Cancelled: %1").arg(outcome.error->message()));
    else if (!outcome.succeeded())
        m_status->setText(tr("Failed: %1").arg(outcome.error->message()));
    updateActions();
    emit operationFinished(outcome.succeeded());
}

void BackupsView::updateActions()
{
    const bool busy = m_job->isRunning();
    const BackupRecord *b = m_model->backupAt(m_list->currentIndex().row());
    const bool usable = b && b->status != u"dropped";
    m_refreshAction->setEnabled(m_url.has_value() && !busy);
    m_verifyAction->setEnabled(usable && !busy);
    m_restoreAction->setEnabled(usable && !busy);
    m_dropAction->setEnabled(usable && !busy);
    m_cancelAction->setEnabled(busy);
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
}

} // namespace covet
