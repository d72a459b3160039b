#include "migrationruncontroller.h"

#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/migrationerrordialog.h"
#include "views/dryrunpane.h"
#include "views/migrationdetails.h"
#include "views/migrationrunpanel.h"

#include <utility>

namespace covet {

MigrationRunController::MigrationRunController(MigrateJob *job, MigrationRunPanel *panel, MigrationDetails *details,
                                               std::function<QStringList(const QString &)> pendingUpTo, QWidget *parent)
    : QObject(parent), m_parent(parent), m_job(job), m_runPanel(panel), m_details(details), m_pendingUpTo(std::move(pendingUpTo))
{
    connect(m_job, &MigrateJob::finished, this, &MigrationRunController::onRunFinished);
    m_runPanel->follow(m_job);
}

ConfirmEnvironmentDialog *MigrationRunController::confirmDialog() const
{
    return m_confirm;
}

MigrationErrorDialog *MigrationRunController::errorDialog() const
{
    return m_errorDialog;
}

void MigrationRunController::apply(const MigrateRequest &r, const QString &environment, bool needsConfirmation,
                                   const QStringList &destroyed)
{
    if (!needsConfirmation && destroyed.isEmpty()) {
        start(r);
        return;
    }
    m_confirm = new ConfirmEnvironmentDialog(environment, r.url.display(), r.expected, destroyed, r.settings.backupBeforeDataLoss, m_parent,
                                             r.rollback ? ConfirmEnvironmentDialog::Action::RollBack : ConfirmEnvironmentDialog::Action::Apply);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirm, &QDialog::accepted, this, [this, r]() { start(r); });
    connect(m_confirm, &QDialog::rejected, this, [this, r]() {
        m_runPanel->appendLog(tr("Not applied: it was not confirmed."));
        m_job->recordDeclined(r);
    });
    m_confirm->open();
}

void MigrationRunController::start(const MigrateRequest &request)
{
    const QString scope = request.target.isEmpty() ? tr("every pending migration") : tr("up to %1").arg(request.target);
    const QString where = request.environment().isEmpty() ? request.url.display()
                                                          : tr("%1 (environment %2)").arg(request.url.display(), request.environment());
    const QString what = request.resume ? (request.rollback ? tr("Resuming the part-way migration on %1 as `covet rollback --resume`").arg(where)
                                                            : tr("Resuming the part-way migration on %1 as `covet migrate --resume`").arg(where))
                         : request.dryRun ? tr("Dry run of %1 on %2").arg(scope, where)
                                          : tr("Applying %1 to %2").arg(scope, where);
    m_runPanel->start(what);
    emit starting(request);
    m_job->run(request);
    emit started();
}

void MigrationRunController::cancel()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    m_runPanel->appendLog(tr("Cancelling: Covet stops before the next operation; a migration in progress is rolled back "
                             "and stays pending; finished migrations stay applied."));
}

void MigrationRunController::onRunFinished(const MigrateOutcome &outcome)
{
    if (outcome.declined()) {   // nothing ran; the refusal is in the audit
        m_runPanel->appendWarnings(outcome.report.warnings);
        emit declined();
        return;
    }
    const int pending = int(m_pendingUpTo(outcome.request.target).size());
    if (outcome.request.dryRun) {
        m_details->showDryRunPage();
        m_runPanel->finish(m_details->dryRun()->show(outcome, pending), outcome.succeeded());
    } else {
        // The final count: what this run applied of what it was to apply.
        const QStringList &done = outcome.report.done;
        const int doneCount = int(done.size());
        const int total = qMax(doneCount, pending);
        if (outcome.succeeded()) {
            m_runPanel->finish(outcome.request.resume && outcome.request.rollback
                                   ? tr("Done: the part-way migration is settled as `covet rollback --resume` settles it.")
                               : done.isEmpty() ? tr("Nothing to apply: the database is up to date.")
                                              : tr("Applied %n migration(s): %1", nullptr, doneCount).arg(done.join(QStringLiteral(", "))),
                               true, doneCount, total, tr("finished"));
        } else if (outcome.cancelled()) {
            m_runPanel->finish(tr("Cancelled: %1").arg(outcome.error->message()), false, doneCount, total, tr("cancelled"));
        } else {
            m_runPanel->finish(tr("Failed: %1").arg(MigrationErrorDialog::readableMessage(*outcome.error)), false, doneCount,
                               total, tr("failed"));
            showRunError(outcome);
        }
    }
    m_runPanel->appendWarnings(outcome.report.warnings);
    emit finished(outcome);
}

void MigrationRunController::showRunError(const MigrateOutcome &outcome)
{
    if (m_errorDialog)
        m_errorDialog->close();
    m_errorDialog = new MigrationErrorDialog(outcome, outcome.request.url.display(), m_parent);
    m_errorDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_errorDialog->open();
}

} // namespace covet
