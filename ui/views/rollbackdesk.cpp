#include "rollbackdesk.h"

#include "app/studiostyle.h"
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/migrationerrordialog.h"
#include "dialogs/restoredialog.h"
#include "models/migrationlistmodel.h"
#include "views/dryrunpane.h"
#include "views/migrationrunpanel.h"
#include "views/rehearsalbanner.h"
#include "views/riskpanel.h"
#include "views/rollbackverification.h"

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


RollbackDesk::RollbackDesk(QWidget *parent)
    : StudioPage(parent), m_job(new MigrateJob(this)), m_riskJob(new RiskJob(this)), m_rehearsalJob(new RehearsalJob(this)), m_model(new MigrationListModel(this))
{
    setObjectName(QStringLiteral("rollbackDesk"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("rollbackTitle"));
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_stepList = new QListWidget(this);
    m_stepList->setObjectName(QStringLiteral("rollbackSteps"));
    const QStringList names = {tr("1. Target"), tr("2. Risk"), tr("3. Backup"), tr("4. Dry run"), tr("5. Roll back"), tr("6. Verification")};
    m_stepList->addItems(names);
    m_stepList->setIconSize(QSize(16, 16));
    m_stepList->setFixedWidth(m_stepList->sizeHintForColumn(0) + 28);
    connect(m_stepList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_pages->currentIndex() && !goTo(Step(row)))
            m_stepList->setCurrentRow(m_pages->currentIndex());
    });

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createTargetPage());
    QLayout *riskBody = nullptr;
    QWidget *riskPage = page(m_pages, tr("What the rollback puts at risk"), &riskBody);
    m_risk = new RiskPanel(riskPage);
    riskBody->addWidget(m_risk);
    m_pages->addWidget(riskPage);
    m_pages->addWidget(createBackupPage());
    m_pages->addWidget(createDryRunPage());
    m_pages->addWidget(createExecutePage());
    m_pages->addWidget(createVerifyPage());

    m_back = new QPushButton(StudioStyle::icon("rollback"), tr("&Back"), this);
    m_back->setObjectName(QStringLiteral("rollbackBack"));
    m_next = new QPushButton(tr("&Next"), this);
    m_next->setObjectName(QStringLiteral("rollbackNext"));
    m_next->setDefault(true);
    connect(m_back, &QPushButton::clicked, this, &RollbackDesk::back);
    connect(m_next, &QPushButton::clicked, this, &RollbackDesk::next);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);

    auto *right = new QVBoxLayout;
    right->addWidget(m_pages, 1);
    right->addLayout(buttons);
    auto *body = new QHBoxLayout;
    body->addWidget(m_stepList);
    body->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addLayout(body, 1);

    connect(m_job, &MigrateJob::listed, this, &RollbackDesk::onListed);
    connect(m_job, &MigrateJob::listFailed, this, [this](const Error &e) {
        m_listing.reset();
        m_model->clear();
        StudioStyle::setBanner(m_targetSummary, tr("Cannot read the migrations: %1").arg(e.toString()), StudioStyle::Banner::Error);
        updateNavigation();
    });
    connect(m_job, &MigrateJob::finished, this, &RollbackDesk::onRunFinished);
    m_runPanel->follow(m_job);
    connect(m_riskJob, &RiskJob::assessed, this, &RollbackDesk::onAssessed);
    connect(m_rehearsalJob, &RehearsalJob::finished, this, [this](const RehearsalOutcome &outcome) {
        if (m_rehearsalAsked != m_rehearsalGeneration || !m_dryOutcome)
            return;   // the choice changed since
        showRehearsal(outcome);
        updateNavigation();
    });
    connect(m_riskJob, &RiskJob::failed, this, [this](const Error &e) {
        m_assessment.reset();
        m_risk->clear(tr("The rollback cannot be planned: %1").arg(MigrationErrorDialog::readableMessage(e)));
        updateNavigation();
        emit assessed();
    });
    clear();
}

RollbackDesk::~RollbackDesk()
{
    m_job->disconnect(this);
    m_riskJob->disconnect(this);
    m_rehearsalJob->disconnect(this);
}

void RollbackDesk::setTarget(const StudioTarget &target)
{
    const DatabaseUrl &url = target.url;
    const QString projectDir = target.projectDir();
    const QString environment = target.environment();
    // The same target read again (after a run): keep the desk where it is.
    if (m_url && m_url->toString() == url.toString() && m_projectDir == projectDir && m_requestedEnvironment == environment) {
        m_stale = true;
        if (isVisible() && !isBusy())
            refresh();
        return;
    }
    clear();
    m_url = url;
    m_projectDir = projectDir;
    m_requestedEnvironment = environment;
    if (target.project) {
        m_config = target.project;
        m_environment = target.settingsEnvironment();
        m_migrationsDir = target.project->migrationsPath();
    }
    QString title = tr("Roll back migrations of <b>%1</b>").arg(url.display().toHtmlEscaped());
    if (!m_environment.isEmpty())
        title += needsConfirmation() ? tr(" · environment <b>%1</b> (asks for confirmation)").arg(m_environment.toHtmlEscaped())
                                     : tr(" · environment <b>%1</b>").arg(m_environment.toHtmlEscaped());
    m_title->setText(title);
    m_stale = true;
    if (isVisible())
        refresh();
}

void RollbackDesk::clear()
{
    m_config.reset();
    m_url.reset();
    m_projectDir.clear();
    m_requestedEnvironment.clear();
    m_migrationsDir.clear();
    m_environment.clear();
    m_listing.reset();
    m_model->clear();
    m_title->setText(tr("Open a project (a directory with covet.yaml) to roll its migrations back."));
    StudioStyle::setBanner(m_targetSummary, QString(), StudioStyle::Banner::Info);
    invalidateFrom(RiskStep);
    goTo(TargetStep);
}

void RollbackDesk::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void RollbackDesk::refresh()
{
    if (!m_url || m_migrationsDir.isEmpty())
        return;
    m_stale = false;
    m_job->list(*m_url, m_migrationsDir, m_environment);
    updateNavigation();
}

bool RollbackDesk::isRunning() const
{
    return m_job->isRunning();
}

bool RollbackDesk::isBusy() const
{
    return m_job->isListing() || m_job->isRunning() || m_riskJob->isRunning() || m_rehearsalJob->isRunning();
}

bool RollbackDesk::needsConfirmation() const
{
    return m_config && m_config->requiresConfirmation(m_environment);
}

void RollbackDesk::onListed(const MigrationListing &listing)
{
    const QString previous = m_model->stateAt(m_targetList->currentIndex().row()) ? m_model->stateAt(m_targetList->currentIndex().row())->id
                                                                                    : QString();
    m_listing = listing;
    m_relisting = true;
    m_model->setStates(listing.states);
    int applied = 0;
    int last = -1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const bool isApplied = m_model->stateAt(r)->state == MigrationState::State::Applied;
        m_targetList->setRowHidden(r, {}, !isApplied);
        if (isApplied) {
            ++applied;
            last = r;
        }
    }
    m_stepsBox->setRange(1, qMax(1, applied));
    const int row = m_model->rowOf(previous);
    if (row >= 0 && !m_targetList->isRowHidden(row, {}))
        m_targetList->setCurrentIndex(m_model->index(row, 0));
    else if (last >= 0)
        m_targetList->setCurrentIndex(m_model->index(qMax(0, last - 1), 0));
    // With one applied migration there is no earlier one to roll back to: offer "the last 1".
    if (applied == 1 && m_wanted.isEmpty() && !m_outcome && currentStep() == TargetStep)
        m_bySteps->setChecked(true);
    m_relisting = false;
    m_dryRun->setDialect(listing.dialect);
    showTargetChoice();
    emit listShown();
    if (!m_wanted.isEmpty()) {
        const QString wanted = m_wanted;
        m_wanted.clear();
        rollBackTo(wanted);
    } else if (m_wantedSteps > 0) {
        const int steps = m_wantedSteps;
        m_wantedSteps = 0;
        rollBackSteps(steps);
    }
}

QStringList RollbackDesk::rollbackIds() const
{
    if (!m_listing)
        return {};
    if (m_bySteps->isChecked()) {
        if (!m_listing->overview.selection)
            return {};
        auto ids = m_listing->overview.selection->rollback({}, m_stepsBox->value());
        return ids ? *ids : QStringList();
    }
    const MigrationState *s = m_model->stateAt(m_targetList->currentIndex().row());
    return s ? m_listing->overview.rollbackTo(s->id) : QStringList();
}

void RollbackDesk::showTargetChoice()
{
    if (!m_listing) {
        updateNavigation();
        return;
    }
    const QStringList ids = rollbackIds();
    if (m_model->count(MigrationState::State::Applied) == 0)
        StudioStyle::setBanner(m_targetSummary, tr("Nothing is applied: there is nothing to roll back."), StudioStyle::Banner::Info);
    else if (ids.isEmpty())
        StudioStyle::setBanner(m_targetSummary, tr("The selected migration is the last applied one: choose an earlier one, or a number of migrations."),
                               StudioStyle::Banner::Info);
    else
        StudioStyle::setBanner(m_targetSummary, tr("Rolls back %n migration(s), last applied first: %1", nullptr, int(ids.size())).arg(ids.join(QStringLiteral(", "))),
                               StudioStyle::Banner::Info);
    updateNavigation();
}

MigrateRequest RollbackDesk::request(bool dryRun) const
{
    MigrateRequest r;
    r.url = m_url.value_or(DatabaseUrl());
    r.migrationsDir = m_migrationsDir;
    r.rollback = true;
    if (m_bySteps->isChecked()) {
        r.steps = m_stepsBox->value();
    } else if (const MigrationState *s = m_model->stateAt(m_targetList->currentIndex().row())) {
        r.target = s->id;
    }
    if (m_config)
        r.settings = m_config->runSettings(m_environment);
    else
        r.settings.environment = m_environment;
    r.settings.backupBeforeDataLoss = m_backup->isChecked();
    r.dryRun = dryRun;
    return r;
}

bool RollbackDesk::rollBackTo(const QString &id)
{
    if (!m_listing || m_job->isListing()) {
        m_wanted = id;   // once the listing arrives
        return true;
    }
    const int row = m_model->rowOf(id);
    if (row < 0 || m_targetList->isRowHidden(row, {}) || isRunning())
        return false;
    m_targetList->setCurrentIndex(m_model->index(row, 0));
    m_toHere->setChecked(true);
    goTo(TargetStep);
    return next();
}

bool RollbackDesk::rollBackSteps(int steps)
{
    if (!m_listing || m_job->isListing()) {
        m_wantedSteps = steps;   // once the listing arrives
        return true;
    }
    if (isRunning())
        return false;
    m_stepsBox->setValue(steps);
    m_bySteps->setChecked(true);
    goTo(TargetStep);
    return next();
}

void RollbackDesk::invalidateFrom(Step step)
{
    if (isRunning())
        return;
    if (step <= RiskStep) {
        m_assessment.reset();
        m_risk->clear();
    }
    if (step <= DryRunStep) {
        m_dryOutcome.reset();
        m_rehearsalOutcome.reset();
        ++m_rehearsalGeneration;
        clearRehearsal();
    }
    if (step <= ExecuteStep && m_outcome) {
        m_outcome.reset();
        m_verification->clearReport();
    }
    m_reached = qMin(m_reached, int(step) - 1);
    updateNavigation();
}

RollbackDesk::Step RollbackDesk::currentStep() const
{
    return Step(m_pages->currentIndex());
}

bool RollbackDesk::goTo(Step step)
{
    if (step < TargetStep || step >= StepCount || step > m_reached + 1 || isRunning())
        return false;
    if (step == VerifyStep && !m_outcome)
        return false;
    m_pages->setCurrentIndex(step);
    m_stepList->setCurrentRow(step);
    if (step == RiskStep && !m_assessment && !m_riskJob->isRunning())
        assess();
    if (step == BackupStep)
        showBackupChoice();
    if (step == DryRunStep && !m_dryOutcome && !m_job->isRunning())
        startDryRun();
    if (step == ExecuteStep && m_assessment) {
        const RiskReport &r = m_assessment->report;
        QString text = tr("<p>Rolls back %n migration(s): <b>%1</b>.</p>", nullptr, int(m_assessment->ids.size()))
                           .arg(m_assessment->ids.join(QStringLiteral(", ")).toHtmlEscaped());
        const QStringList lost = r.dataLossLines();
        if (!lost.isEmpty())
            text += tr("<p>Destroys: %1.</p>").arg(lost.join(QStringLiteral("; ")).toHtmlEscaped());
        text += r.needsBackup() ? (m_backup->isChecked() ? tr("<p>A backup is taken first.</p>")
                                                         : tr("<p><b>No backup</b> is taken: the data cannot be restored by Covet.</p>"))
                                : QString();
        if (needsConfirmation() || r.losesData())
            text += tr("<p>You will be asked to type a confirmation.</p>");
        m_executeSummary->setText(text);
    }
    updateNavigation();
    return true;
}

bool RollbackDesk::next()
{
    const Step step = currentStep();
    if (!m_next->isEnabled())
        return false;
    if (step == TargetStep)
        invalidateFrom(RiskStep);
    m_reached = qMax(m_reached, int(step));
    return goTo(Step(step + 1));
}

bool RollbackDesk::back()
{
    return currentStep() > TargetStep && goTo(Step(currentStep() - 1));
}

void RollbackDesk::assess()
{
    m_risk->clear(tr("Planning the rollback and counting what it destroys…"));
    m_riskJob->assess(request(false));
    updateNavigation();
}

void RollbackDesk::onAssessed(const RiskAssessment &assessment)
{
    m_assessment = assessment;
    m_risk->setReport(assessment.report, tr("Rollback of %1").arg(assessment.ids.join(QStringLiteral(", "))));
    // On by default when data is lost; off when nothing is at stake.
    m_backup->blockSignals(true);
    m_backup->setChecked(assessment.report.needsBackup());
    m_backup->setEnabled(assessment.report.needsBackup());
    m_backup->blockSignals(false);
    updateNavigation();
    emit assessed();
}

void RollbackDesk::showBackupChoice()
{
    if (!m_assessment) {
        m_backupText->clear();
        return;
    }
    const RiskReport &r = m_assessment->report;
    if (!r.needsBackup()) {
        m_backupText->setText(tr("<p>This rollback destroys no data: there is nothing to back up.</p>"));
        return;
    }
    QString text = tr("<p>What the rollback destroys, per table:</p><ul>");
    for (const DataAtStake &s : r.stakes) {
        const QString what = s.kind == DataAtStake::Kind::Table
                                 ? tr("table <b>%1</b>: %2 rows").arg(s.table.toHtmlEscaped(), StudioStyle::count(s.rows))
                                 : tr("<b>%1</b>.%2: %3 values").arg(s.table.toHtmlEscaped(), s.columns.join(QStringLiteral(", ")).toHtmlEscaped(),
                                                                      StudioStyle::count(s.rows));
        text += QStringLiteral("<li>%1 (%2)</li>").arg(what, s.migrationId.toHtmlEscaped());
    }
    text += QStringLiteral("</ul>");
    text += m_backup->isChecked()
                ? tr("<p>Covet copies this data into backup tables inside the rollback's transaction (on MySQL/MariaDB right before "
                     "it), with a checksum, so the backup holds exactly what is destroyed. Its id appears when the rollback has run, "
                     "with the progress in the rollback's log.</p>")
                : tr("<p><b>No backup:</b> once rolled back, this data cannot be restored by Covet.</p>");
    m_backupText->setText(text);
}

void RollbackDesk::startDryRun()
{
    if (!m_url || m_job->isRunning())
        return;
    m_dryRun->start();
    m_dryOutcome.reset();
    m_rehearsalOutcome.reset();
    ++m_rehearsalGeneration;
    clearRehearsal();
    m_job->run(request(true));
    updateNavigation();
}

void RollbackDesk::clearRehearsal()
{
    StudioStyle::setBanner(m_rehearsal, QString(), StudioStyle::Banner::Ok);
}

void RollbackDesk::showRehearsal(const RehearsalOutcome &outcome)
{
    m_rehearsalOutcome = outcome;
    emit rehearsalFinished(RehearsalBanner::show(m_rehearsal, outcome));
}

void RollbackDesk::execute()
{
    if (!m_url || !m_assessment || isBusy() || m_confirm)
        return;
    MigrateRequest r = request(false);
    r.expected = m_assessment->ids;
    const QStringList destroyed = m_assessment->report.dataLossLines();
    r.confirmDataLoss = true;   // only reached after the dialog below when something is destroyed
    if (!needsConfirmation() && destroyed.isEmpty()) {
        start(r);
        return;
    }
    m_confirm = new ConfirmEnvironmentDialog(needsConfirmation() ? m_environment : QString(), m_url->display(), r.expected, destroyed,
                                             r.settings.backupBeforeDataLoss, this, ConfirmEnvironmentDialog::Action::RollBack);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirm, &QDialog::accepted, this, [this, r]() { start(r); });
    connect(m_confirm, &QDialog::rejected, this, [this, r]() {
        m_runPanel->appendLog(tr("Not rolled back: it was not confirmed."));
        m_job->recordDeclined(r);
    });
    m_confirm->open();
}

void RollbackDesk::start(const MigrateRequest &request)
{
    m_outcome.reset();
    m_runPanel->start(tr("Rolling back %1 on %2").arg(request.expected.join(QStringLiteral(", ")), request.url.display()));
    m_job->run(request);
    updateNavigation();
}

void RollbackDesk::cancel()
{
    if (!isRunning())
        return;
    m_job->cancel();
    m_runPanel->appendLog(tr("Cancelling: Covet stops before the next operation; a migration in progress is rolled back and stays "
                             "applied; migrations already rolled back stay rolled back."));
}

void RollbackDesk::onRunFinished(const MigrateOutcome &outcome)
{
    if (outcome.declined()) {   // nothing ran; the refusal is in the audit
        m_runPanel->appendWarnings(outcome.report.warnings);
        updateNavigation();
        emit declineRecorded();
        return;
    }
    if (outcome.request.dryRun) {
        m_dryOutcome = outcome;
        const int count = m_assessment ? int(m_assessment->ids.size()) : 0;
        m_runPanel->appendLog(m_dryRun->show(outcome, count));
        if (outcome.succeeded()) {
            RehearsalBanner::showRunning(m_rehearsal, true);
            m_rehearsalAsked = m_rehearsalGeneration;
            m_rehearsalJob->rehearse(outcome.request);
        }
        updateNavigation();
        emit dryRunFinished(outcome.succeeded());
        return;
    }
    m_outcome = outcome;
    const int done = int(outcome.report.done.size());
    const int total = qMax(done, int(outcome.request.expected.size()));
    if (outcome.succeeded())
        m_runPanel->finish(tr("Rolled back %n migration(s): %1", nullptr, done).arg(outcome.report.done.join(QStringLiteral(", "))), true, done,
                           total, tr("finished"));
    else if (outcome.cancelled())
        m_runPanel->finish(tr("Cancelled: %1").arg(outcome.error->message()), false, done, total, tr("cancelled"));
    else
        m_runPanel->finish(tr("Failed: %1").arg(MigrationErrorDialog::readableMessage(*outcome.error)), false, done, total, tr("failed"));
    for (const BackupRecord &b : outcome.report.backups)
        m_runPanel->appendLog(tr("Backup %1 taken: %2 rows in %n table(s).", nullptr, int(b.items.size())).arg(b.id).arg(StudioStyle::count(b.rows())));
    m_verification->showOutcome(outcome);
    m_reached = ExecuteStep;
    updateNavigation();
    goTo(VerifyStep);
    // The history changed: the target list and every other view read it again.
    refresh();
    emit databaseChanged();
    emit runFinished(outcome.succeeded());
}


ConfirmEnvironmentDialog *RollbackDesk::confirmDialog() const { return m_confirm; }
RestoreDialog *RollbackDesk::restoreDialog() const { return m_verification->restoreDialog(); }
QPushButton *RollbackDesk::restoreButton() const { return m_verification->restoreButton(); }

QString RollbackDesk::verificationText() const
{
    return m_verification->text();
}

QList<qint64> RollbackDesk::backupIds() const
{
    QList<qint64> ids;
    if (m_outcome)
        for (const BackupRecord &b : m_outcome->report.backups)
            ids << b.id;
    return ids;
}

RestoreDialog *RollbackDesk::restoreBackup()
{
    const QList<qint64> ids = backupIds();
    if (ids.isEmpty() || !m_url)
        return nullptr;
    return m_verification->restore(*m_url, ids, needsConfirmation() ? m_environment : QString());
}

void RollbackDesk::updateNavigation()
{
    const Step step = currentStep();
    const bool running = isRunning();
    bool ready = false;
    switch (step) {
    case TargetStep: ready = m_listing && !rollbackIds().isEmpty(); break;
    case RiskStep: ready = m_assessment.has_value() && !m_riskJob->isRunning(); break;
    case BackupStep: ready = m_assessment.has_value(); break;
    case DryRunStep: ready = m_dryOutcome && m_dryOutcome->succeeded(); break;
    case ExecuteStep: ready = m_outcome.has_value(); break;
    case VerifyStep: ready = false; break;
    case StepCount: break;
    }
    m_next->setEnabled(ready && !running && step < VerifyStep);
    m_back->setEnabled(step > TargetStep && !running);
    m_rollBackButton->setEnabled(m_assessment && m_dryOutcome && m_dryOutcome->succeeded() && !m_outcome && !isBusy());
    m_verification->restoreButton()->setEnabled(!backupIds().isEmpty());
    for (int i = 0; i < StepCount; ++i) {
        QListWidgetItem *item = m_stepList->item(i);
        const bool reachable = i <= m_reached + 1 && (i != VerifyStep || m_outcome);
        item->setFlags(reachable && !running ? (Qt::ItemIsEnabled | Qt::ItemIsSelectable) : Qt::ItemIsSelectable);
        // Done steps are ticked; the others keep the same indent.
        static const QIcon blank = []() {
            QPixmap p(16, 16);
            p.fill(Qt::transparent);
            return QIcon(p);
        }();
        item->setIcon(i <= m_reached && i != step ? StudioStyle::icon("risk-none") : blank);
    }
}

} // namespace covet
