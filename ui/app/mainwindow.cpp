#include "mainwindow.h"

#include "app/recentprojects.h"
#include "app/studiooptions.h"
#include "app/studiostyle.h"
#include "app/targetcontroller.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/preferencesdialog.h"
#include "jobs/inspectjob.h"
#include "settings/connectionprofilestore.h"
#include "runner/demoproject.h"
#include "views/diffview.h"
#include "views/backupsview.h"
#include "views/auditview.h"
#include "views/migrationsview.h"
#include "views/riskpanel.h"
#include "views/rollbackdesk.h"
#include "views/schemabrowserview.h"
#include "views/startpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace covet {

namespace {

const QString kGeometryKey = QStringLiteral("mainwindow/geometry");
const QString kStateKey = QStringLiteral("mainwindow/state");
const QString kLastProjectKey = QStringLiteral("project/last");
const QString kLastEnvironmentKey = QStringLiteral("project/lastEnvironment");
const QString kLastUrlKey = QStringLiteral("database/lastUrl");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_job(new InspectJob(this)), m_targets(new TargetController(this))
{
    setWindowTitle(tr("Covet Studio"));
    setWindowIcon(StudioStyle::icon("covet"));
    setObjectName(QStringLiteral("CovetStudioMainWindow"));

    m_errorBanner = new QLabel(this);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StudioStyle::setBanner(m_errorBanner, QString(), StudioStyle::Banner::Error);

    m_browser = new SchemaBrowserView(this);
    m_diffView = new DiffView(this);
    m_migrationsView = new MigrationsView(this);
    m_rollbackDesk = new RollbackDesk(this);
    m_backupsView = new BackupsView(this);
    m_auditView = new AuditView(this);
    // The views, one tab each.
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("views"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_browser, StudioStyle::icon("table"), tr("Schema"));
    m_pages->addTab(m_diffView, StudioStyle::icon("diff"), tr("Diff"));
    m_pages->addTab(m_migrationsView, StudioStyle::icon("migrations"), tr("Migrations"));
    m_pages->addTab(m_rollbackDesk, StudioStyle::icon("rollback"), tr("Rollback"));
    m_pages->addTab(m_backupsView, StudioStyle::icon("backup"), tr("Backups"));
    m_pages->addTab(m_auditView, StudioStyle::icon("check"), tr("Audit"));

    // Until a database is chosen, the start page instead of empty views.
    m_startPage = new StartPage(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_pages);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createStatusBar();

    // Applied migrations change the schema the other views show; the
    // Migrations view has read its history again itself.
    connect(m_migrationsView, &MigrationsView::databaseChanged, this, [this]() {
        reload();
        m_migrationsViewCurrent = m_target.has_value();
    });
    connect(m_migrationsView, &MigrationsView::rollbackRequested, this, [this](const QString &id) {
        showView(QStringLiteral("rollback"));
        m_rollbackDesk->rollBackTo(id);
    });
    // A rollback or a restore changes what every view shows.
    connect(m_rollbackDesk, &RollbackDesk::databaseChanged, this, &MainWindow::reload);
    connect(m_backupsView, &BackupsView::databaseChanged, this, &MainWindow::reload);
    connect(m_startPage, &StartPage::openProjectRequested, this, &MainWindow::askForProject);
    connect(m_startPage, &StartPage::connectRequested, this, &MainWindow::showConnectionDialog);
    connect(m_startPage, &StartPage::demoRequested, this, &MainWindow::openFreshDemo);
    connect(m_startPage, &StartPage::recentProjectRequested, this, [this](const QString &dir) { openProject(dir); });
    connect(m_startPage, &StartPage::forgetRecentProjectRequested, this, [this](const QString &dir) {
        RecentProjects::remove(dir);
        m_startPage->setRecentProjects(RecentProjects::load());
    });
    connect(m_targets, &TargetController::targetReady, this, &MainWindow::connectTo);
    connect(m_targets, &TargetController::failed, this, &MainWindow::showError);
    connect(m_job, &InspectJob::finished, this, &MainWindow::onInspected);
    connect(m_job, &InspectJob::failed, this, &MainWindow::onFailed);
    connect(m_job, &InspectJob::cancelled, this, &MainWindow::onCancelled);
    connect(m_job, &InspectJob::progress, this, [this](int done, int total, const QString &what) {
        m_busy->setRange(0, total > 0 ? total : 0);
        m_busy->setValue(done);
        statusBar()->showMessage(what);
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1280, 800);
        resize(QSize(1180, 720).boundedTo(available * 0.9));
    }
    restoreState(settings.value(kStateKey).toByteArray());
    setBusy(false);
    showStartPage();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openProjectAction = new QAction(StudioStyle::icon("open-project"), tr("&Open Project…"), this);
    m_openProjectAction->setShortcut(QKeySequence::Open);
    m_openProjectAction->setStatusTip(tr("Open a Covet project directory (with covet.yaml)"));
    connect(m_openProjectAction, &QAction::triggered, this, &MainWindow::askForProject);

    m_openUrlAction = new QAction(StudioStyle::icon("database"), tr("Open &Database URL…"), this);
    m_openUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openUrlAction->setStatusTip(tr("Connect to a database by URL and browse its schema"));
    connect(m_openUrlAction, &QAction::triggered, this, &MainWindow::askForDatabaseUrl);

    m_connectAction = new QAction(StudioStyle::icon("database"), tr("&Connect…"), this);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_connectAction->setStatusTip(tr("Manage saved connections, test them and connect"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::showConnectionDialog);

    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_copyAction = new QAction(StudioStyle::icon("copy"), tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setStatusTip(tr("Copy the selected SQL, or the selected object's name"));
    connect(m_copyAction, &QAction::triggered, m_browser, &SchemaBrowserView::copy);

    m_schemaAction = new QAction(StudioStyle::icon("table"), tr("&Schema Browser"), this);
    m_schemaAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_schemaAction->setCheckable(true);
    m_schemaAction->setChecked(true);
    connect(m_schemaAction, &QAction::triggered, this, [this]() { showView(QStringLiteral("schema")); });

    m_diffAction = new QAction(StudioStyle::icon("diff"), tr("&Diff"), this);
    m_diffAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_diffAction->setStatusTip(tr("Compare a desired schema with the connected database"));
    m_diffAction->setCheckable(true);
    connect(m_diffAction, &QAction::triggered, this, [this]() { showView(QStringLiteral("diff")); });
    m_migrationsAction = new QAction(StudioStyle::icon("migrations"), tr("&Migrations"), this);
    m_migrationsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_migrationsAction->setStatusTip(tr("Review, dry-run and apply the project's pending migrations"));
    m_migrationsAction->setCheckable(true);
    connect(m_migrationsAction, &QAction::triggered, this, [this]() { showView(QStringLiteral("migrations")); });
    m_rollbackAction = new QAction(StudioStyle::icon("rollback"), tr("&Rollback Desk"), this);
    m_rollbackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    m_rollbackAction->setStatusTip(tr("Roll migrations back step by step: risk, backup, dry run, rollback, verification"));
    m_rollbackAction->setCheckable(true);
    connect(m_rollbackAction, &QAction::triggered, this, [this]() { showView(QStringLiteral("rollback")); });
    m_backupsAction = new QAction(StudioStyle::icon("backup"), tr("&Backups"), this);
    m_backupsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    m_backupsAction->setStatusTip(tr("Verify, restore and drop the backups Covet took before data was destroyed"));
    m_backupsAction->setCheckable(true);
    connect(m_backupsAction, &QAction::triggered, this, [this]() { showView(QStringLiteral("backups")); });
    m_auditAction = new QAction(StudioStyle::icon("check"), tr("&Audit"), this);
    m_auditAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    m_auditAction->setStatusTip(tr("Every execution: history, chain verification, dashboard, compliance reports"));
    m_auditAction->setCheckable(true);
    connect(m_auditAction, &QAction::triggered, this, [this]() { showView(QStringLiteral("audit")); });
    m_startPageAction = new QAction(StudioStyle::icon("covet"), tr("S&tart Page"), this);
    m_startPageAction->setStatusTip(tr("Open a project, connect to a database, open the demo or a recent project"));
    connect(m_startPageAction, &QAction::triggered, this, &MainWindow::showStartPage);
    connect(m_pages, &QTabWidget::currentChanged, this, [this]() {
        m_schemaAction->setChecked(m_pages->currentWidget() == m_browser);
        m_diffAction->setChecked(m_pages->currentWidget() == m_diffView);
        m_migrationsAction->setChecked(m_pages->currentWidget() == m_migrationsView);
        m_rollbackAction->setChecked(m_pages->currentWidget() == m_rollbackDesk);
        m_backupsAction->setChecked(m_pages->currentWidget() == m_backupsView);
        m_auditAction->setChecked(m_pages->currentWidget() == m_auditView);
    });

    m_reloadAction = new QAction(StudioStyle::icon("reload"), tr("&Reload Schema"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setStatusTip(tr("Read the database's schema again"));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_cancelAction = new QAction(StudioStyle::icon("cancel"), tr("Cancel"), this);
    m_cancelAction->setShortcut(QKeySequence::Cancel);
    m_cancelAction->setStatusTip(tr("Stop reading the schema"));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelInspection);

    m_aboutAction = new QAction(StudioStyle::icon("covet"), tr("&About Covet Studio"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openProjectAction);
    file->addAction(m_openUrlAction);
    file->addAction(m_connectAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_startPageAction);
    view->addSeparator();
    view->addAction(m_schemaAction);
    view->addAction(m_diffAction);
    view->addAction(m_migrationsAction);
    view->addAction(m_rollbackAction);
    view->addAction(m_backupsAction);
    view->addAction(m_auditAction);
    view->addSeparator();
    view->addAction(m_reloadAction);
    view->addAction(m_cancelAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(20, 20));
    tools->addAction(m_openProjectAction);
    tools->addAction(m_connectAction);
    tools->addWidget(m_targets->widget());
    tools->addSeparator();
    tools->addAction(m_reloadAction);
    tools->addAction(m_cancelAction);
}

void MainWindow::createStatusBar()
{
    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);   // busy indicator until the engine reports steps
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_connectionLabel);
}

void MainWindow::showStartPage()
{
    m_startPage->setRecentProjects(RecentProjects::load());
    m_stack->setCurrentWidget(m_startPage);
}

bool MainWindow::isStartPageShown() const
{
    return m_stack->currentWidget() == m_startPage;
}

bool MainWindow::showView(const QString &name)
{
    if (!StudioOptions::viewNames().contains(name))
        return false;
    m_stack->setCurrentWidget(m_pages);
    if (name == u"schema") {
        m_pages->setCurrentWidget(m_browser);
        m_browser->filterEdit()->setFocus();
    } else if (name == u"diff") {
        m_pages->setCurrentWidget(m_diffView);
    } else if (name == u"migrations") {
        m_pages->setCurrentWidget(m_migrationsView);
    } else if (name == u"risk") {
        m_pages->setCurrentWidget(m_migrationsView);
        m_migrationsView->detailTabs()->setCurrentWidget(m_migrationsView->riskPanel());
    } else if (name == u"rollback") {
        m_pages->setCurrentWidget(m_rollbackDesk);
    } else if (name == u"backups") {
        m_pages->setCurrentWidget(m_backupsView);
    } else if (name == u"audit" || name == u"dashboard") {
        m_pages->setCurrentWidget(m_auditView);
        m_auditView->showDashboard(name == u"dashboard");
    } else {
        return false;
    }
    return true;
}

void MainWindow::setBusy(bool busy)
{
    m_isBusy = busy;
    m_busy->setVisible(busy);
    m_busy->setRange(0, 0);
    m_cancelButton->setVisible(busy);
    m_cancelAction->setEnabled(busy);
    m_reloadAction->setEnabled(!busy && m_target.has_value());
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        while (QApplication::overrideCursor())
            QApplication::restoreOverrideCursor();
}

bool MainWindow::isBusy() const
{
    // Busy from start() until the result has been shown (the worker itself
    // may already be done while its result waits in the event queue).
    return m_isBusy;
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel->text();
}

QString MainWindow::errorText() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorBanner->text();
}

void MainWindow::showError(const QString &message)
{
    m_errorBanner->setText(message);
    m_errorBanner->show();
    statusBar()->showMessage(tr("Failed: %1").arg(message.section(u'\n', 0, 0)), 10000);
    emit openFailed(message);
}

void MainWindow::clearError()
{
    m_errorBanner->clear();
    m_errorBanner->hide();
}

void MainWindow::openTarget(const QString &urlOrPath)
{
    if (QFileInfo(urlOrPath).isDir() && QFileInfo::exists(QDir(urlOrPath).filePath(ProjectConfig::fileName()))) {
        openProject(urlOrPath);
        return;
    }
    auto url = DatabaseUrl::parse(urlOrPath);
    if (!url && QFileInfo(urlOrPath).isFile())
        url = DatabaseUrl::sqliteFile(QFileInfo(urlOrPath).absoluteFilePath());
    if (!url) {
        showError(tr("Cannot open “%1”: %2").arg(urlOrPath, url.error().toString()));
        return;
    }
    openDatabase(*url);
}

void MainWindow::openDatabase(const DatabaseUrl &url)
{
    m_targets->chooseUrl(url);
}

void MainWindow::connectTo(const StudioTarget &target)
{
    clearError();
    m_migrationsViewCurrent = false;
    // Another database: the Migrations view must not act on the old one
    // while the new one is read.
    if (m_target && m_target->url.toString() != target.url.toString()) {
        m_migrationsView->clear();
        m_rollbackDesk->clear();
        m_backupsView->clear();
        m_auditView->clear();
    }
    m_target = target;
    m_stack->setCurrentWidget(m_pages);
    if (target.kind == StudioTarget::Kind::Environment)
        QSettings().setValue(kLastEnvironmentKey, target.name);
    else if (target.kind == StudioTarget::Kind::ProjectDatabase)
        QSettings().remove(kLastEnvironmentKey);
    setBusy(true);
    m_connectionLabel->setText(tr("Connecting to %1…").arg(target.url.display()));
    statusBar()->showMessage(tr("Reading the schema of %1…").arg(target.url.display()));
    m_job->start(target.url);
}

void MainWindow::reload()
{
    if (m_target)
        connectTo(*m_target);
}

QString MainWindow::projectDir() const
{
    return m_targets->projectDir();
}

void MainWindow::cancelInspection()
{
    m_job->cancel();
    statusBar()->showMessage(tr("Cancelling…"));
}

void MainWindow::openProject(const QString &dir, const QString &environment)
{
    clearError();
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    if (QFileInfo(absolute).isDir())
        QSettings().setValue(kLastProjectKey, absolute);
    if (!m_targets->openProject(absolute, environment))
        return;
    RecentProjects::add(absolute);
    setWindowTitle(tr("%1 — Covet Studio").arg(QFileInfo(absolute).fileName()));
}

bool MainWindow::openDemo(const QString &dir)
{
    auto created = DemoProject::create(dir);
    if (!created) {
        showError(tr("Cannot create the demo project: %1").arg(created.error().toString()));
        return false;
    }
    openProject(*created);
    return true;
}

bool MainWindow::openLastProject()
{
    const QSettings settings;
    const QString last = settings.value(kLastProjectKey).toString();
    if (last.isEmpty() || !QFileInfo::exists(QDir(last).filePath(ProjectConfig::fileName())))
        return false;
    openProject(last, settings.value(kLastEnvironmentKey).toString());
    return true;
}

void MainWindow::onInspected(const InspectOutcome &outcome)
{
    setBusy(false);
    clearError();
    m_browser->setSchema(outcome.schema, outcome.dialect);
    if (m_target) {
        // The Diff view compares with the schema read here; the Migrations
        // view knows the environment (confirmation, audit).
        m_diffView->setTarget(*m_target, outcome.schema);
        if (!std::exchange(m_migrationsViewCurrent, false))
            m_migrationsView->setTarget(*m_target);
        m_rollbackDesk->setTarget(*m_target);
        m_backupsView->setDatabase(m_target->url, m_migrationsView->needsConfirmation() ? m_migrationsView->environment() : QString());
        m_auditView->setTarget(*m_target);
    }
    m_connectionLabel->setText(tr("%1 · %2").arg(outcome.serverVersion, outcome.displayUrl));
    m_connectionLabel->setToolTip(tr("Connected to %1").arg(outcome.displayUrl));
    statusBar()->showMessage(tr("Read %n table(s)", nullptr, int(outcome.schema.tables.size())), 5000);
    QSettings().setValue(kLastUrlKey, outcome.displayUrl);
    if (!m_pendingSelection.isEmpty()) {
        m_browser->selectObject(m_pendingSelection);
        m_pendingSelection.clear();
    }
    emit schemaShown();
}

void MainWindow::onFailed(const Error &error)
{
    setBusy(false);
    m_migrationsViewCurrent = false;
    m_connectionLabel->setText(tr("Not connected"));
    m_browser->clear();
    m_migrationsView->clear();
    m_rollbackDesk->clear();
    m_backupsView->clear();
    m_auditView->clear();
    const QString where = m_target ? m_target->url.display() : QString();
    showError(tr("Could not read the schema of %1.\n%2").arg(where, error.toString()));
}

void MainWindow::onCancelled()
{
    setBusy(false);
    m_migrationsViewCurrent = false;
    m_connectionLabel->setText(tr("Not connected"));
    statusBar()->showMessage(tr("Cancelled"), 5000);
}

void MainWindow::askForProject()
{
    const QString start = projectDir().isEmpty() ? QSettings().value(kLastProjectKey).toString() : projectDir();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Covet Project"), start);
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::openFreshDemo()
{
    QString error;
    const QString dir = StudioOptions::freshDemoDirectory(&error);
    if (dir.isEmpty())
        showError(tr("Cannot create the demo project: %1").arg(error));
    else
        openDemo(dir);
}

void MainWindow::askForDatabaseUrl()
{
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Open Database URL"),
        tr("Database URL, e.g. sqlite:shop.db, postgresql://user@localhost/shop or mysql://user@localhost/shop:"),
        QLineEdit::Normal, m_target ? m_target->url.display() : QString(), &ok);
    if (ok && !text.trimmed().isEmpty())
        openTarget(text.trimmed());
}

ConnectionDialog *MainWindow::showConnectionDialog()
{
    if (m_connectionDialog) {
        m_connectionDialog->raise();
        m_connectionDialog->activateWindow();
        return m_connectionDialog;
    }
    m_connectionDialog = new ConnectionDialog(this);
    m_connectionDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_target && m_target->kind == StudioTarget::Kind::Profile)
        m_connectionDialog->selectProfile(m_target->name);
    connect(m_connectionDialog, &ConnectionDialog::profilesChanged, m_targets, &TargetController::reloadProfiles);
    connect(m_connectionDialog, &ConnectionDialog::connectRequested, this,
            [this](const ConnectionProfile &profile, const DatabaseUrl &url) {
                // A saved profile is selected as itself; unsaved fields as a URL.
                const auto saved = ConnectionProfileStore::find(profile.name);
                m_targets->chooseUrl(url, saved ? profile.name : QString());
            });
    m_connectionDialog->open();
    return m_connectionDialog;
}

PreferencesDialog *MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        if (dialog->needsRestart())
            statusBar()->showMessage(tr("The new language takes effect when Covet Studio starts again."), 15000);
    });
    dialog->open();
    return dialog;
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Covet Studio"),
                       tr("<h3>Covet Studio %1</h3>"
                          "<p>Schema migrations DBAs can trust, for PostgreSQL, MySQL/MariaDB and SQLite.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QCoreApplication::applicationVersion(), QLatin1String(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_job->cancel();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace covet
