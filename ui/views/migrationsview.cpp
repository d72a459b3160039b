#include "migrationsview.h"

#include "app/studiostyle.h"
#include "dialogs/migrationerrordialog.h"
#include "dialogs/squashdialog.h"
#include "editors/sqleditor.h"
#include "models/migrationlistmodel.h"
#include "views/conflictbanner.h"
#include "views/dryrunpane.h"
#include "views/migrationdetails.h"
#include "views/migrationsheader.h"
#include "views/migrationstatenote.h"
#include "views/migrationruncontroller.h"
#include "views/migrationrunpanel.h"
#include "views/rehearsalbanner.h"
#include "migrations/squashproject.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace covet {

MigrationsView::MigrationsView(QWidget *parent)
    : StudioPage(parent), m_job(new MigrateJob(this)), m_rehearsalJob(new RehearsalJob(this)), m_model(new MigrationListModel(this))
{
    setObjectName(QStringLiteral("migrationsView"));
    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("migrationList"));
    m_list->setModel(m_model);
    // Ids are never cut: they take their width, the last column the rest.
    StudioStyle::setUpList(m_list, MigrationListModel::DurationColumn);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &MigrationsView::showContextMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this]() {
        showSelected();
        updateActions();
    });

    m_runPanel = new MigrationRunPanel(this);
    connect(m_runPanel, &MigrationRunPanel::cancelRequested, this, &MigrationsView::cancel);

    m_details = new MigrationDetails(this);
    connect(m_details, &MigrationDetails::directionChanged, this, &MigrationsView::showSelected);
    connect(m_details->stateNote(), &MigrationStateNote::migrateResumeRequested, this, [this](const QString &id) { resolvePartial(id, true); });
    connect(m_details->stateNote(), &MigrationStateNote::rollbackResumeRequested, this, [this](const QString &id) { resolvePartial(id, false); });
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->setChildrenCollapsible(false);
    top->addWidget(m_list);
    top->addWidget(m_details);
    top->setStretchFactor(0, 9);
    top->setStretchFactor(1, 11);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("migrationsSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(m_runPanel);
    split->setStretchFactor(0, 7);
    split->setStretchFactor(1, 3);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("migrationsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_conflicts = new ConflictBanner(this);

    m_header = new MigrationsHeader(this);
    connectActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);

    connect(m_job, &MigrateJob::listed, this, &MigrationsView::onListed);
    connect(m_job, &MigrateJob::listFailed, this, &MigrationsView::onListFailed);
    m_runs = new MigrationRunController(m_job, m_runPanel, m_details, [this](const QString &target) { return pendingUpTo(target); }, this);
    connect(m_runs, &MigrationRunController::starting, this, [this](const MigrateRequest &request) {
        if (!request.dryRun) {   // the last dry run and rehearsal no longer describe the database
            m_details->dryRun()->reset();
            m_details->rehearsalBanner()->hide();
            m_rehearsalOutcome.reset();
        }
    });
    connect(m_runs, &MigrationRunController::started, this, &MigrationsView::updateActions);
    connect(m_runs, &MigrationRunController::finished, this, &MigrationsView::onRunFinished);
    connect(m_runs, &MigrationRunController::declined, this, [this]() {
        updateActions();
        emit declineRecorded();
    });
    connect(m_rehearsalJob, &RehearsalJob::finished, this, [this](const RehearsalOutcome &outcome) {
        m_rehearsalOutcome = outcome;
        const bool ok = RehearsalBanner::show(m_details->rehearsalBanner(), outcome);
        m_runPanel->appendLog(!ok ? tr("Rehearsal did not pass: see the Dry Run tab.")
                              : outcome.report && outcome.report->nothingRuns() ? tr("Rehearsal: nothing runs, nothing to rehearse.")
                                                                                : tr("Rehearsal passed: every pending migration rolls back to where it started."));
        updateActions();
        emit rehearsalFinished(ok);
    });
    updateHeader();
    updateActions();
}

MigrationsView::~MigrationsView()
{
    m_job->disconnect(this);
    m_rehearsalJob->disconnect(this);
}

void MigrationsView::connectActions()
{
    const MigrationsHeader::Actions &a = m_header->actions();
    connect(a.refresh, &QAction::triggered, this, &MigrationsView::refresh);
    connect(a.dryRun, &QAction::triggered, this, [this]() { dryRun(); });
    connect(a.dryRunToHere, &QAction::triggered, this, [this]() { dryRun(selectedId()); });
    connect(a.rehearse, &QAction::triggered, this, &MigrationsView::rehearse);
    connect(a.apply, &QAction::triggered, this, [this]() { apply(); });
    connect(a.applyToHere, &QAction::triggered, this, [this]() { apply(selectedId()); });
    connect(a.rollbackToHere, &QAction::triggered, this, [this]() { emit rollbackRequested(selectedId()); });
    connect(a.squash, &QAction::triggered, this, &MigrationsView::openSquashDialog);
}

QAbstractButton *MigrationsView::squashButton() const { return m_header->squashButton(); }
SquashDialog *MigrationsView::squashDialog() const { return m_squashDialog; }

void MigrationsView::openSquashDialog()
{
    if (!m_config || !m_url || !m_header->actions().squash->isEnabled())
        return;
    if (m_squashDialog)
        m_squashDialog->close();
    m_squashDialog = new SquashDialog(*m_config, m_url->toString(), this);
    m_squashDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_squashDialog, &SquashDialog::written, this, [this](const QString &, const QString &id) { onSquashed(id); });
    m_squashDialog->setWindowModality(Qt::WindowModal);
    m_squashDialog->show();
    m_squashDialog->raise();
    m_squashDialog->activateWindow();
}

void MigrationsView::onSquashed(const QString &id)
{
    m_runPanel->appendLog(tr("Squashed migration %1 written.").arg(id));
    m_selectWhenListed = id;
    refresh();
}


QAbstractButton *MigrationsView::refreshButton() const { return m_header->refreshButton(); }
QAbstractButton *MigrationsView::dryRunButton() const { return m_header->dryRunButton(); }
QAbstractButton *MigrationsView::applyButton() const { return m_header->applyButton(); }
QAbstractButton *MigrationsView::applyToHereButton() const { return m_header->applyToHereButton(); }
QAbstractButton *MigrationsView::cancelButton() const { return m_runPanel->cancelButton(); }
ConfirmEnvironmentDialog *MigrationsView::confirmDialog() const { return m_runs->confirmDialog(); }
MigrationErrorDialog *MigrationsView::errorDialog() const { return m_runs->errorDialog(); }
QLabel *MigrationsView::rehearsalBanner() const { return m_details->rehearsalBanner(); }
SqlEditor *MigrationsView::sqlEditor() const { return m_details->sqlEditor(); }
RiskPanel *MigrationsView::riskPanel() const { return m_details->riskPanel(); }
QCheckBox *MigrationsView::backwardsToggle() const { return m_details->backwardsToggle(); }
QTabWidget *MigrationsView::detailTabs() const { return m_details; }
MigrationStateNote *MigrationsView::stateNote() const { return m_details->stateNote(); }

void MigrationsView::useProject(const ProjectConfig &config, const QString &environment)
{
    m_config = config;
    m_environment = StudioTarget::settingsEnvironment(config, environment);
    m_migrationsDir = config.migrationsPath();
}

void MigrationsView::setProject(const ProjectConfig &config, const QString &environment)
{
    useProject(config, environment);
    auto url = config.databaseUrl(m_environment);
    auto parsed = url ? DatabaseUrl::parse(*url) : Result<DatabaseUrl>(std::unexpected(url.error()));
    if (parsed)
        m_url = *parsed;
    else
        showError(tr("The project names no usable database: %1").arg(parsed.error().toString()));
    markStale();
}

void MigrationsView::setDatabase(const DatabaseUrl &url)
{
    m_url = url;
    markStale();
}

void MigrationsView::setTarget(const StudioTarget &target)
{
    m_url = target.url;
    m_config.reset();
    m_migrationsDir.clear();
    m_environment.clear();
    if (target.project)
        useProject(*target.project, target.environment());
    markStale();
}

void MigrationsView::clear()
{
    m_config.reset();
    m_url.reset();
    m_migrationsDir.clear();
    m_environment.clear();
    m_listing.reset();
    m_model->clear();
    m_details->sqlEditor()->setSql(QString());
    showConflicts();
    updateHeader();
    updateActions();
}

bool MigrationsView::needsConfirmation() const
{
    return m_config && m_config->requiresConfirmation(m_environment);
}

bool MigrationsView::isRunning() const
{
    return m_job->isRunning();
}

bool MigrationsView::isRehearsing() const
{
    return m_rehearsalJob->isRunning();
}

void MigrationsView::rehearse()
{
    if (!m_url || isRunning() || isRehearsing())
        return;
    m_details->showDryRunPage();
    m_rehearsalOutcome.reset();
    RehearsalBanner::showRunning(m_details->rehearsalBanner(), false);
    m_runPanel->appendLog(tr("Rehearsing every pending migration on %1…").arg(m_url->display()));
    m_rehearsalJob->rehearse(request(QString(), false));
    updateActions();
}

bool MigrationsView::isBusy() const
{
    return m_job->isListing() || m_job->isRunning() || m_rehearsalJob->isRunning();
}

void MigrationsView::markStale()
{
    m_stale = true;
    updateHeader();
    if (isVisible())
        refresh();
}

void MigrationsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void MigrationsView::refresh()
{
    if (!m_url || m_migrationsDir.isEmpty()) {
        m_model->clear();
        m_listing.reset();
        updateHeader();
        updateActions();
        return;
    }
    m_stale = false;
    m_error->hide();
    m_job->list(*m_url, m_migrationsDir, m_environment);
    updateActions();
}

QString MigrationsView::selectedId() const
{
    const MigrationState *s = m_model->stateAt(m_list->currentIndex().row());
    return s ? s->id : QString();
}

bool MigrationsView::selectMigration(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    return true;
}

QString MigrationsView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString MigrationsView::conflictText() const
{
    return m_conflicts->shownText();
}

bool MigrationsView::hasBlockingConflict() const
{
    return m_listing && m_conflicts->blocking();
}

void MigrationsView::showConflicts()
{
    m_conflicts->setConflicts(m_listing ? m_listing->conflicts : QList<MigrationConflict>());
}

QString MigrationsView::dryRunResultText() const
{
    return m_details->dryRun()->resultText();
}

SqlEditor *MigrationsView::dryRunEditor() const
{
    return m_details->dryRun()->editor();
}

void MigrationsView::showError(const QString &message)
{
    StudioStyle::setBanner(m_error, message, StudioStyle::Banner::Error);
    emit listFailed(message);
}

QStringList MigrationsView::pendingUpTo(const QString &target) const
{
    return m_listing ? m_listing->overview.pendingUpTo(target) : QStringList();
}

MigrateRequest MigrationsView::request(const QString &target, bool dryRun) const
{
    MigrateRequest r;
    r.url = m_url.value_or(DatabaseUrl());
    r.migrationsDir = m_migrationsDir;
    r.target = target;
    if (m_config)
        r.settings = m_config->runSettings(m_environment);
    else
        r.settings.environment = m_environment;
    r.dryRun = dryRun;
    return r;
}

void MigrationsView::dryRun(const QString &target)
{
    if (!m_url || isRunning() || isRehearsing())
        return;
    const MigrateRequest r = request(target, true);
    m_details->showDryRunPage();
    m_details->dryRun()->start();
    m_runs->start(r);
}

void MigrationsView::apply(const QString &target)
{
    if (!m_url || isRunning() || isRehearsing() || m_runs->isConfirming() || hasBlockingConflict())
        return;
    MigrateRequest r = request(target, false);
    r.expected = pendingUpTo(target);
    const RiskReport risk = m_listing ? m_listing->overview.pendingRiskUpTo(target) : RiskReport();
    r.confirmDataLoss = true;   // only reached after the confirmation when something is destroyed
    m_runs->apply(r, m_environment, needsConfirmation(), risk.dataLossLines());
}

void MigrationsView::resolvePartial(const QString &id, bool finish)
{
    if (!m_url || !m_listing || isRunning() || isRehearsing() || m_runs->isConfirming())
        return;
    const PartialWays ways = m_listing->overview.partialWays.value(id, PartialWays::refused(tr("it is not part-way")));
    if (!(finish ? ways.canFinish() : ways.canUndo()))
        return;
    // The run as the engine planned it when listing: its target and its migrations in order
    // (what the confirmation lists and the engine checks again under the lock).
    MigrateRequest r = request(finish ? ways.finishTarget : QString(), false);
    r.rollback = !finish;
    r.resume = true;
    r.expected = finish ? ways.finishIds : ways.undoIds;
    r.confirmDataLoss = true;   // only reached after the confirmation when something is destroyed
    m_runs->apply(r, m_environment, needsConfirmation(), finish ? ways.finishDataLoss : ways.undoDataLoss);
}

void MigrationsView::cancel()
{
    m_runs->cancel();
}

void MigrationsView::onListed(const MigrationListing &listing)
{
    const QString previous = selectedId();
    m_listing = listing;
    m_model->setStates(listing.states);
    m_details->setDialect(listing.dialect);
    m_model->setRisk(listing.overview.pendingRisk);
    // Keep the selection; else the first pending migration (what runs next), else the last one.
    if (previous.isEmpty() || !selectMigration(previous)) {
        int row = m_model->rowCount() - 1;
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->stateAt(r)->state == MigrationState::State::Pending) {
                row = r;
                break;
            }
        if (row >= 0)
            m_list->setCurrentIndex(m_model->index(row, 0));
    }
    if (!m_selectWhenListed.isEmpty()) {
        selectMigration(m_selectWhenListed);
        m_selectWhenListed.clear();
    }
    showSelected();
    showConflicts();
    updateHeader();
    updateActions();
    m_runPanel->appendLog(tr("History of %1: %2").arg(listing.displayUrl, m_model->summary(false)));
    for (const MigrationConflict &c : listing.conflicts)
        m_runPanel->appendLog(tr("Conflict: %1").arg(c.detail));
    m_runPanel->appendWarnings(listing.warnings);
    if (MigrationErrorDialog *dialog = m_runs->errorDialog())
        dialog->setDatabaseState(tr("The history now records: %1.").arg(m_model->summary(false)));
    emit listShown();
    if (m_dryRunWhenListed) {
        m_dryRunWhenListed = false;
        if (m_model->count(MigrationState::State::Pending) > 0)
            dryRun();
    }
    if (m_squashWhenListed) {
        m_squashWhenListed = false;
        openSquashDialog();
        if (m_squashDialog)
            connect(m_squashDialog, &SquashDialog::loaded, m_squashDialog, &SquashDialog::preview, Qt::SingleShotConnection);
    }
}

void MigrationsView::onListFailed(const Error &error)
{
    m_listing.reset();
    m_model->clear();
    m_details->sqlEditor()->setSql(QString());
    showConflicts();
    updateHeader();
    updateActions();
    showError(tr("Cannot read the migrations of %1: %2").arg(m_url ? m_url->display() : QString(), error.toString()));
    if (MigrationErrorDialog *dialog = m_runs->errorDialog())
        dialog->setDatabaseState(tr("The history could not be read again: %1").arg(error.toString()));
}

void MigrationsView::onRunFinished(const MigrateOutcome &outcome)
{
    updateActions();
    if (!outcome.request.dryRun) {
        refresh();
        emit databaseChanged();
    }
    emit runFinished(outcome.succeeded());
}

void MigrationsView::showSelected()
{
    m_details->showMigration(m_listing ? &*m_listing : nullptr, m_model->stateAt(m_list->currentIndex().row()));
    showNote();
}

void MigrationsView::showNote()
{
    m_details->stateNote()->showState(m_listing ? m_model->stateAt(m_list->currentIndex().row()) : nullptr,
                                      m_listing ? &m_listing->overview : nullptr, isRunning() || isRehearsing() || m_runs->isConfirming());
}

void MigrationsView::showContextMenu(const QPoint &pos)
{
    if (!m_list->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    const MigrationsHeader::Actions &actions = m_header->actions();
    menu.addAction(actions.applyToHere);
    menu.addAction(actions.dryRunToHere);
    menu.addAction(actions.rollbackToHere);
    menu.addSeparator();
    QAction *copy = menu.addAction(StudioStyle::icon("copy"), tr("Copy SQL"));
    connect(copy, &QAction::triggered, this, [this]() { QApplication::clipboard()->setText(m_details->sqlEditor()->text()); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void MigrationsView::updateHeader()
{
    if (!m_url || m_migrationsDir.isEmpty()) {
        m_header->setTexts(tr("Open a project (a directory with covet.yaml) to see its migrations."), QString(), QString());
        return;
    }
    QString title = tr("<b>%1</b>").arg(m_url->display().toHtmlEscaped());
    if (m_listing && !m_listing->serverVersion.isEmpty())
        title += QStringLiteral(" · ") + m_listing->serverVersion.toHtmlEscaped();
    if (!m_environment.isEmpty())
        title += needsConfirmation()
                     ? tr(" · environment <b>%1</b> %2")
                           .arg(m_environment.toHtmlEscaped(),
                                StudioStyle::span(tr("(asks for confirmation)"), StudioStyle::Tone::Warning))
                     : tr(" · environment <b>%1</b>").arg(m_environment.toHtmlEscaped());
    m_header->setTexts(title, tr("Migrations in %1").arg(m_migrationsDir), m_listing ? m_model->summary(true) : QString());
}

void MigrationsView::updateActions()
{
    MigrationsHeader::State state;
    state.canRefresh = m_url && !m_migrationsDir.isEmpty();
    state.listed = m_listing.has_value() && m_url.has_value();
    state.running = isRunning() || isRehearsing();
    state.pending = m_model->count(MigrationState::State::Pending);
    state.selected = m_model->stateAt(m_list->currentIndex().row());
    state.blocked = hasBlockingConflict();
    state.refusal = m_listing ? m_listing->overview.runRefusal : QString();
    state.project = m_config.has_value();
    state.squashAvailability = int(SquashProject::availability(m_config && m_config->squashingEnabled(),
                                                               m_listing ? m_listing->states.size() : 0));
    m_header->updateActions(state);
    showNote();
}

} // namespace covet
