#include "migrationsview.h"

#include "app/studiostyle.h"
#include "dialogs/confirmenvironmentdialog.h"
#include "dialogs/migrationerrordialog.h"
#include "editors/sqleditor.h"
#include "models/migrationlistmodel.h"
#include "views/conflictbanner.h"
#include "views/dryrunpane.h"
#include "views/migrationrunpanel.h"
#include "views/rehearsalbanner.h"
#include "views/riskpanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace covet {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

// A tab page: `top` over a read-only SQL view.
QWidget *sqlPage(QTabWidget *tabs, QLayout *top, const QString &name, SqlEditor **editor)
{
    auto *page = new QWidget(tabs);
    *editor = new SqlEditor(page);
    (*editor)->setObjectName(name);
    (*editor)->setReadOnly(true);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(top);
    layout->addWidget(*editor, 1);
    return page;
}

} // namespace

MigrationsView::MigrationsView(QWidget *parent)
    : QWidget(parent), m_job(new MigrateJob(this)), m_rehearsalJob(new RehearsalJob(this)), m_model(new MigrationListModel(this))
{
    setObjectName(QStringLiteral("migrationsView"));
    createActions();

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

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->setChildrenCollapsible(false);
    top->addWidget(m_list);
    top->addWidget(createDetails());
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createHeader());
    layout->addWidget(m_conflicts);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);

    connect(m_job, &MigrateJob::listed, this, &MigrationsView::onListed);
    connect(m_job, &MigrateJob::listFailed, this, &MigrationsView::onListFailed);
    connect(m_job, &MigrateJob::finished, this, &MigrationsView::onRunFinished);
    connect(m_job, &MigrateJob::progress, m_runPanel, &MigrationRunPanel::setProgress);
    connect(m_job, &MigrateJob::stepStarted, m_runPanel, &MigrationRunPanel::setStep);
    connect(m_job, &MigrateJob::logLine, m_runPanel, &MigrationRunPanel::appendLog);
    connect(m_rehearsalJob, &RehearsalJob::finished, this, [this](const RehearsalOutcome &outcome) {
        m_rehearsalOutcome = outcome;
        const bool ok = RehearsalBanner::show(m_rehearsal, outcome);
        m_runPanel->appendLog(ok ? tr("Rehearsal passed: every pending migration rolls back to where it started.")
                                 : tr("Rehearsal did not pass: see the Dry Run tab."));
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

void MigrationsView::createActions()
{
    m_refreshAction = new QAction(StudioStyle::icon("reload"), tr("Refresh"), this);
    m_refreshAction->setToolTip(tr("Read the migration history of the database again"));
    connect(m_refreshAction, &QAction::triggered, this, &MigrationsView::refresh);

    m_dryRunAction = new QAction(StudioStyle::icon("dry-run"), tr("Dry Run"), this);
    m_dryRunAction->setToolTip(tr("Show the SQL Apply would run and, on PostgreSQL and SQLite, execute it in a "
                                  "transaction that is rolled back"));
    connect(m_dryRunAction, &QAction::triggered, this, [this]() { dryRun(); });
    m_dryRunToHereAction = new QAction(StudioStyle::icon("dry-run"), tr("Dry Run to Here"), this);
    m_dryRunToHereAction->setToolTip(tr("Dry-run the pending migrations up to and including the selected one"));
    connect(m_dryRunToHereAction, &QAction::triggered, this, [this]() { dryRun(selectedId()); });

    m_rehearseAction = new QAction(StudioStyle::icon("dry-run"), tr("Rehearse"), this);
    m_rehearseAction->setObjectName(QStringLiteral("rehearseAction"));
    m_rehearseAction->setToolTip(tr("Apply, roll back and apply again each pending migration, checking the schema after each, without "
                                    "changing the database: does every rollback restore what its migration changed?"));
    connect(m_rehearseAction, &QAction::triggered, this, &MigrationsView::rehearse);
    m_applyAction = new QAction(StudioStyle::icon("apply"), tr("Apply"), this);
    m_applyAction->setToolTip(tr("Apply every pending migration"));
    connect(m_applyAction, &QAction::triggered, this, [this]() { apply(); });
    m_applyToHereAction = new QAction(StudioStyle::icon("apply-to-here"), tr("Apply to Here"), this);
    m_applyToHereAction->setToolTip(tr("Apply the pending migrations up to and including the selected one"));
    connect(m_applyToHereAction, &QAction::triggered, this, [this]() { apply(selectedId()); });
    m_rollbackToHereAction = new QAction(StudioStyle::icon("rollback"), tr("Roll Back to Here…"), this);
    m_rollbackToHereAction->setToolTip(tr("Open the rollback desk to roll back every migration applied after the selected one"));
    connect(m_rollbackToHereAction, &QAction::triggered, this, [this]() { emit rollbackRequested(selectedId()); });
}

QWidget *MigrationsView::createHeader()
{
    auto *header = new QWidget(this);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("migrationsTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary = new QLabel(header);
    m_summary->setObjectName(QStringLiteral("migrationsSummary"));
    m_summary->setTextFormat(Qt::RichText);

    m_refreshButton = toolButton(m_refreshAction, header);
    m_dryRunButton = toolButton(m_dryRunAction, header);
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *dryMenu = new QMenu(m_dryRunButton);
    dryMenu->addAction(m_dryRunAction);
    dryMenu->addAction(m_dryRunToHereAction);
    dryMenu->addSeparator();
    dryMenu->addAction(m_rehearseAction);
    m_dryRunButton->setMenu(dryMenu);
    m_applyButton = toolButton(m_applyAction, header);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyToHereButton = toolButton(m_applyToHereAction, header);
    m_applyToHereButton->setObjectName(QStringLiteral("applyToHereButton"));

    // The database (and environment) over the counts, both wrapping rather
    // than cutting: the counts never crowd out "(asks for confirmation)".
    m_title->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *texts = new QVBoxLayout;
    texts->setContentsMargins(0, 0, 0, 0);
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_summary);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(texts, 1);
    layout->addSpacing(12);
    layout->addWidget(m_refreshButton);
    layout->addWidget(m_dryRunButton);
    layout->addWidget(m_applyButton);
    layout->addWidget(m_applyToHereButton);
    return header;
}

QWidget *MigrationsView::createDetails()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("migrationDetails"));
    m_tabs->setDocumentMode(true);

    m_selectedTitle = new QLabel(tr("Select a migration to see its SQL."), m_tabs);
    m_selectedTitle->setObjectName(QStringLiteral("selectedMigration"));
    m_selectedTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_backwards = new QCheckBox(tr("Rollback SQL"), m_tabs);
    m_backwards->setObjectName(QStringLiteral("backwardsToggle"));
    m_backwards->setToolTip(tr("Show the SQL that rolls the migration back instead of the SQL that applies it"));
    connect(m_backwards, &QCheckBox::toggled, this, &MigrationsView::showSelected);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_selectedTitle, 1);
    bar->addWidget(m_backwards);
    m_tabs->addTab(sqlPage(m_tabs, bar, QStringLiteral("migrationSql"), &m_sql), StudioStyle::icon("migration-new"),
                   tr("SQL"));

    m_dryRun = new DryRunPane(tr("Dry Run shows the SQL Apply would run and, on PostgreSQL and SQLite, executes it in a "
                                 "transaction that is then rolled back: nothing changes."),
                              m_tabs);
    m_dryRunPage = new QWidget(m_tabs);
    m_rehearsal = new QLabel(m_dryRunPage);
    m_rehearsal->setObjectName(QStringLiteral("migrationsRehearsal"));
    m_rehearsal->setWordWrap(true);
    m_rehearsal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rehearsal->hide();
    auto *dryLayout = new QVBoxLayout(m_dryRunPage);
    dryLayout->setContentsMargins(0, 0, 0, 0);
    dryLayout->addWidget(m_rehearsal);
    dryLayout->addWidget(m_dryRun, 1);
    m_tabs->addTab(m_dryRunPage, StudioStyle::icon("dry-run"), tr("Dry Run"));
    m_risk = new RiskPanel(m_tabs);
    m_tabs->addTab(m_risk, StudioStyle::icon("risk-medium"), tr("Risk"));
    return m_tabs;
}

QAbstractButton *MigrationsView::refreshButton() const { return m_refreshButton; }
QAbstractButton *MigrationsView::dryRunButton() const { return m_dryRunButton; }
QAbstractButton *MigrationsView::applyButton() const { return m_applyButton; }
QAbstractButton *MigrationsView::applyToHereButton() const { return m_applyToHereButton; }
QAbstractButton *MigrationsView::cancelButton() const { return m_runPanel->cancelButton(); }
ConfirmEnvironmentDialog *MigrationsView::confirmDialog() const { return m_confirm; }
MigrationErrorDialog *MigrationsView::errorDialog() const { return m_errorDialog; }

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
    m_sql->setSql(QString());
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
    m_tabs->setCurrentWidget(m_dryRunPage);
    m_rehearsalOutcome.reset();
    RehearsalBanner::showRunning(m_rehearsal, false);
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
    return m_dryRun->resultText();
}

SqlEditor *MigrationsView::dryRunEditor() const
{
    return m_dryRun->editor();
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
    m_tabs->setCurrentWidget(m_dryRunPage);
    m_dryRun->start();
    start(r);
}

void MigrationsView::apply(const QString &target)
{
    if (!m_url || isRunning() || isRehearsing() || m_confirm || hasBlockingConflict())
        return;
    MigrateRequest r = request(target, false);
    r.expected = pendingUpTo(target);
    const RiskReport risk = m_listing ? m_listing->overview.pendingRiskUpTo(target) : RiskReport();
    const QStringList destroyed = risk.dataLossLines();
    r.confirmDataLoss = true;   // only reached after the dialog below when something is destroyed
    if (!needsConfirmation() && destroyed.isEmpty()) {
        start(r);
        return;
    }
    m_confirm = new ConfirmEnvironmentDialog(m_environment, m_url->display(), r.expected, destroyed, r.settings.backupBeforeDataLoss, this);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirm, &QDialog::accepted, this, [this, r]() { start(r); });
    connect(m_confirm, &QDialog::rejected, this, [this, r]() {
        m_runPanel->appendLog(tr("Not applied: it was not confirmed."));
        m_job->recordDeclined(r);
    });
    m_confirm->open();
}

void MigrationsView::start(const MigrateRequest &request)
{
    const QString scope = request.target.isEmpty() ? tr("every pending migration") : tr("up to %1").arg(request.target);
    const QString where = request.environment().isEmpty() ? request.url.display()
                                                          : tr("%1 (environment %2)").arg(request.url.display(), request.environment());
    m_runPanel->start(request.dryRun ? tr("Dry run of %1 on %2").arg(scope, where) : tr("Applying %1 to %2").arg(scope, where));
    if (!request.dryRun) {   // the last dry run and rehearsal no longer describe the database
        m_dryRun->reset();
        m_rehearsal->hide();
        m_rehearsalOutcome.reset();
    }
    m_job->run(request);
    updateActions();
}

void MigrationsView::cancel()
{
    if (!isRunning())
        return;
    m_job->cancel();
    m_runPanel->appendLog(tr("Cancelling: Covet stops before the next operation; a migration in progress is rolled back "
                             "and stays pending; finished migrations stay applied."));
}

void MigrationsView::onListed(const MigrationListing &listing)
{
    const QString previous = selectedId();
    m_listing = listing;
    m_model->setStates(listing.states);
    m_sql->setDialect(listing.dialect);
    m_dryRun->setDialect(listing.dialect);
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
    showSelected();
    showConflicts();
    updateHeader();
    updateActions();
    m_runPanel->appendLog(tr("History of %1: %2").arg(listing.displayUrl, stateSummary(false)));
    for (const MigrationConflict &c : listing.conflicts)
        m_runPanel->appendLog(tr("Conflict: %1").arg(c.detail));
    for (const QString &w : listing.warnings)
        m_runPanel->appendLog(tr("Warning: %1").arg(w));
    if (m_errorDialog)
        m_errorDialog->setDatabaseState(tr("The history now records: %1.").arg(stateSummary(false)));
    emit listShown();
    if (m_dryRunWhenListed) {
        m_dryRunWhenListed = false;
        if (m_model->count(MigrationState::State::Pending) > 0)
            dryRun();
    }
}

void MigrationsView::onListFailed(const Error &error)
{
    m_listing.reset();
    m_model->clear();
    m_sql->setSql(QString());
    showConflicts();
    updateHeader();
    updateActions();
    showError(tr("Cannot read the migrations of %1: %2").arg(m_url ? m_url->display() : QString(), error.toString()));
    if (m_errorDialog)
        m_errorDialog->setDatabaseState(tr("The history could not be read again: %1").arg(error.toString()));
}

void MigrationsView::onRunFinished(const MigrateOutcome &outcome)
{
    if (outcome.declined()) {   // nothing ran; the refusal is in the audit
        for (const QString &w : outcome.report.warnings)
            m_runPanel->appendLog(tr("Warning: %1").arg(w));
        updateActions();
        emit declineRecorded();
        return;
    }
    const bool ok = outcome.succeeded();
    if (outcome.request.dryRun) {
        showDryRun(outcome);
    } else {
        // The final count: what this run applied of what it was to apply.
        const QStringList &done = outcome.report.done;
        const int doneCount = int(done.size());
        const int total = qMax(doneCount, int(pendingUpTo(outcome.request.target).size()));
        if (ok) {
            m_runPanel->finish(done.isEmpty() ? tr("Nothing to apply: the database is up to date.")
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
    for (const QString &w : outcome.report.warnings)
        m_runPanel->appendLog(tr("Warning: %1").arg(w));
    updateActions();
    if (!outcome.request.dryRun) {
        refresh();
        emit databaseChanged();
    }
    emit runFinished(ok);
}

void MigrationsView::showDryRun(const MigrateOutcome &outcome)
{
    m_tabs->setCurrentWidget(m_dryRunPage);
    const QString line = m_dryRun->show(outcome, int(pendingUpTo(outcome.request.target).size()));
    m_runPanel->finish(line, outcome.succeeded());
}

void MigrationsView::showRunError(const MigrateOutcome &outcome)
{
    if (m_errorDialog)
        m_errorDialog->close();
    m_errorDialog = new MigrationErrorDialog(outcome, m_url ? m_url->display() : QString(), this);
    m_errorDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_errorDialog->open();
}

void MigrationsView::showSelected()
{
    const MigrationState *s = m_model->stateAt(m_list->currentIndex().row());
    if (!m_listing)
        m_risk->clear();
    else
        m_risk->setPending(m_listing->overview.pendingRisk,
                           s && s->state == MigrationState::State::Pending ? s->id : QString(), m_listing->overview.riskError);
    if (!s || !m_listing) {
        m_selectedTitle->setText(tr("Select a migration to see its SQL."));
        m_sql->setSql(QString());
        return;
    }
    const bool back = m_backwards->isChecked();
    const QString file = s->file.isEmpty() ? tr("file missing") : QFileInfo(s->file).fileName();
    m_selectedTitle->setText(back ? tr("%1 · %2 · rollback SQL").arg(MigrationListModel::stateText(s->state), file)
                                  : tr("%1 · %2").arg(MigrationListModel::stateText(s->state), file));
    m_selectedTitle->setToolTip(s->file);
    m_sql->setSql((back ? m_listing->downSql : m_listing->upSql).value(s->id));
}

void MigrationsView::showContextMenu(const QPoint &pos)
{
    if (!m_list->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_applyToHereAction);
    menu.addAction(m_dryRunToHereAction);
    menu.addAction(m_rollbackToHereAction);
    menu.addSeparator();
    QAction *copy = menu.addAction(StudioStyle::icon("copy"), tr("Copy SQL"));
    connect(copy, &QAction::triggered, this, [this]() { QApplication::clipboard()->setText(m_sql->text()); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

QString MigrationsView::stateSummary(bool html) const
{
    QStringList parts;
    for (auto state : {MigrationState::State::Applied, MigrationState::State::Pending, MigrationState::State::Modified,
                       MigrationState::State::Missing}) {
        const int n = m_model->count(state);
        if (n == 0 && state != MigrationState::State::Applied && state != MigrationState::State::Pending)
            continue;
        const QString part = tr("%1 %2").arg(n).arg(MigrationListModel::stateText(state));
        parts << (html ? QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                             .arg(MigrationListModel::colorFor(state).name(), part.toHtmlEscaped())
                       : part);
    }
    return parts.join(html ? QStringLiteral(" · ") : QStringLiteral(", "));
}

void MigrationsView::updateHeader()
{
    if (!m_url || m_migrationsDir.isEmpty()) {
        m_title->setText(tr("Open a project (a directory with covet.yaml) to see its migrations."));
        m_summary->clear();
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
    m_title->setText(title);
    m_title->setToolTip(tr("Migrations in %1").arg(m_migrationsDir));
    m_summary->setText(m_listing ? stateSummary(true) : QString());
}

void MigrationsView::updateActions()
{
    const bool running = isRunning() || isRehearsing();   // a rehearsal holds its transaction's locks
    const bool listed = m_listing.has_value() && m_url.has_value();
    const int pending = m_model->count(MigrationState::State::Pending);
    const MigrationState *s = m_model->stateAt(m_list->currentIndex().row());
    const bool selectedPending = s && s->state == MigrationState::State::Pending;
    m_refreshAction->setEnabled(!running && m_url && !m_migrationsDir.isEmpty());
    m_dryRunAction->setEnabled(listed && !running && pending > 0);
    m_dryRunToHereAction->setEnabled(listed && !running && selectedPending);
    m_rehearseAction->setEnabled(listed && !running && pending > 0);
    const bool blocked = hasBlockingConflict();
    m_applyAction->setEnabled(listed && !running && pending > 0 && !blocked);
    m_applyToHereAction->setEnabled(listed && !running && selectedPending && !blocked);
    m_rollbackToHereAction->setEnabled(listed && !running && s && s->state == MigrationState::State::Applied);
    m_applyAction->setToolTip(blocked ? tr("Resolve the conflict shown above first") : tr("Apply every pending migration"));
    m_applyToHereAction->setToolTip(blocked           ? tr("Resolve the conflict shown above first")
                                    : selectedPending ? tr("Apply the pending migrations up to and including %1").arg(s->id)
                                                      : tr("Select a pending migration to apply the migrations up to it"));
}

} // namespace covet
