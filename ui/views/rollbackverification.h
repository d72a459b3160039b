#pragma once

#include "db/databaseurl.h"
#include "jobs/migratejob.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace covet {

class RestoreDialog;

// The rollback desk's last step: a banner (rolled back and verified, not
// verified, differences, cancelled, failed; the backup ids), the report
// below it (what was rolled back, the engine's verification, each backup's
// contents) and Restore…, which opens a RestoreDialog for the backups the
// rollback took.
class RollbackVerification : public QWidget
{
    Q_OBJECT

public:
    explicit RollbackVerification(QWidget *parent = nullptr);

    void showOutcome(const MigrateOutcome &outcome);
    // The report goes: the rollback it described is no longer the choice.
    void clearReport();
    QString text() const;

    // Opens the RestoreDialog for `ids` (none while one is open: null).
    RestoreDialog *restore(const DatabaseUrl &url, const QList<qint64> &ids, const QString &environment);
    RestoreDialog *restoreDialog() const;
    QPushButton *restoreButton() const { return m_restoreButton; }

signals:
    void restoreRequested();
    // A restore changed the database.
    void restored();

private:
    QLabel *m_banner = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QPointer<RestoreDialog> m_restore;
};

} // namespace covet
