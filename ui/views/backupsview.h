#pragma once

#include "studiopage.h"
#include "db/databaseurl.h"
#include "jobs/backupjob.h"

#include <QPointer>
#include <QWidget>

class QAbstractButton;
class QAction;
class QLabel;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace covet {

class BackupListModel;
class RestoreDialog;

// The Backups view: every backup of the connected database (what a migrate
// or rollback was about to destroy): migration, direction, when, who,
// tables, rows, checksum state and status; Verify (recompute the
// checksums), Restore… (a RestoreDialog: preview, confirmation, restore)
// and Drop. Everything runs in a BackupJob, with progress and Cancel.
class BackupsView : public StudioPage
{
    Q_OBJECT

public:
    explicit BackupsView(QWidget *parent = nullptr);
    ~BackupsView() override;

    // environment: the name a restore or drop must be confirmed with (empty: none needed).
    void setDatabase(const DatabaseUrl &url, const QString &environment = {});
    void clear();
    void refresh();
    void verifySelected();
    RestoreDialog *restoreSelected();
    void dropSelected();
    void cancel();
    bool selectBackup(qint64 id);
    qint64 selectedId() const;
    bool isBusy() const;

    BackupListModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    QString statusText() const;
    QAbstractButton *verifyButton() const;
    QAbstractButton *restoreButton() const;
    QAbstractButton *dropButton() const;
    QAbstractButton *cancelButton() const;
    RestoreDialog *restoreDialog() const;

signals:
    void listed();
    void operationFinished(bool succeeded);
    // A restore wrote data: other views should read the schema again.
    void databaseChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void start(BackupRequest::Action action, qint64 id = 0);
    void onFinished(const BackupOutcome &outcome);
    void updateActions();

    BackupJob *m_job = nullptr;
    BackupListModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QTreeView *m_list = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QToolButton *m_verifyButton = nullptr;
    QToolButton *m_restoreButton = nullptr;
    QToolButton *m_dropButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_dropAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QPointer<RestoreDialog> m_restore;
    std::optional<DatabaseUrl> m_url;
    QString m_environment;
    bool m_stale = false;
};

} // namespace covet
