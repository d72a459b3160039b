#pragma once

#include "jobs/migratejob.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace covet {

class ConfirmEnvironmentDialog;
class MigrationDetails;
class MigrationErrorDialog;
class MigrationRunPanel;

// The Migrations view's runs (Apply, Apply to Here, Dry Run): the
// confirmation an environment or a destructive migration asks for, the run
// in the MigrateJob with the run panel following it, and the outcome: the
// panel's final line, a dry run's result on the Dry Run tab, a
// MigrationErrorDialog for a failure. A declined confirmation is written to
// the audit (MigrateJob::recordDeclined).
class MigrationRunController : public QObject
{
    Q_OBJECT

public:
    // pendingUpTo: the listed migrations a run to that target would apply.
    MigrationRunController(MigrateJob *job, MigrationRunPanel *panel, MigrationDetails *details,
                           std::function<QStringList(const QString &target)> pendingUpTo, QWidget *parent);

    // Runs at once, or after the confirmation when the environment asks for
    // one or `destroyed` (the data-loss lines of what runs) is not empty.
    void apply(const MigrateRequest &request, const QString &environment, bool needsConfirmation, const QStringList &destroyed);
    void start(const MigrateRequest &request);
    void cancel();

    bool isConfirming() const { return !m_confirm.isNull(); }
    // The dialogs while open, else null.
    ConfirmEnvironmentDialog *confirmDialog() const;
    MigrationErrorDialog *errorDialog() const;

signals:
    // Just before the job starts the request.
    void starting(const covet::MigrateRequest &request);
    void started();
    // After the panel and dialogs show the outcome.
    void finished(const covet::MigrateOutcome &outcome);
    // The confirmation was declined and the refusal written to the audit.
    void declined();

private:
    void onRunFinished(const MigrateOutcome &outcome);
    void showRunError(const MigrateOutcome &outcome);

    QWidget *m_parent = nullptr;
    MigrateJob *m_job = nullptr;
    MigrationRunPanel *m_runPanel = nullptr;
    MigrationDetails *m_details = nullptr;
    std::function<QStringList(const QString &)> m_pendingUpTo;
    QPointer<ConfirmEnvironmentDialog> m_confirm;
    QPointer<MigrationErrorDialog> m_errorDialog;
};

} // namespace covet
