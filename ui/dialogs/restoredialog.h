#pragma once

#include "jobs/backupjob.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace covet {

// Restores backups (those one rollback took, or one from the Backups
// view): first the engine's preview of what will be written
// (rows to update and insert per table, or what is missing and what to run
// first), then a confirmation — the environment's name typed when it asks
// for confirmation — then the restore in a BackupJob with progress and
// Cancel (a cancelled restore writes nothing), and its verified result.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    // environment: the environment's name when it asks for a typed confirmation, else empty.
    RestoreDialog(const DatabaseUrl &url, const QList<qint64> &backupIds, const QString &environment, QWidget *parent = nullptr);

    const QList<qint64> &backupIds() const { return m_ids; }
    bool isBusy() const { return m_job->isRunning(); }
    bool restored() const { return m_restored; }
    QString resultText() const;
    QPushButton *restoreButton() const { return m_restoreButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QProgressBar *progressBar() const { return m_progress; }

signals:
    void finishedRestore(bool restored, const covet::BackupCheck &check);

private:
    void onFinished(const BackupOutcome &outcome);
    void updateButtons();
    void restore();
    void startNext(BackupRequest::Action action);
    QString idsText() const;

    BackupJob *m_job = nullptr;
    DatabaseUrl m_url;
    QList<qint64> m_ids;
    int m_at = 0;   // the backup being previewed or restored
    QString m_text; // what the previews and restores said, per backup
    bool m_ok = true;
    QString m_environment;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    bool m_previewed = false;
    bool m_restored = false;
};

} // namespace covet
