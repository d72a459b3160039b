#pragma once

#include "app/studiotarget.h"
#include "db/databaseurl.h"
#include "dialogs/connectiondialog.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace covet {

class BackupsView;
class AuditView;
class DiffView;
class Error;
class InspectJob;
class MigrationsView;
class PreferencesDialog;
class RollbackDesk;
class SchemaBrowserView;
class StartPage;
class TargetController;
struct InspectOutcome;

// Covet Studio's main window: menus, toolbar (with the project's target
// selector, a TargetController), status bar (the connected database and its
// server version) and the views. It gathers input and delegates: inspection
// runs in an InspectJob off the GUI thread; the schema browser shows the
// result and the Diff and Migrations views are re-targeted with it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a database: a URL, or a path to an existing SQLite file.
    void openTarget(const QString &urlOrPath);
    void openDatabase(const DatabaseUrl &url);
    // Opens a project's covet.yaml and connects to its environment
    // (empty: the default one, else the top-level database).
    void openProject(const QString &dir, const QString &environment = {});
    // Creates the demo project in dir (a fresh directory) and opens it.
    bool openDemo(const QString &dir);
    // Reopens the project used last, if there is one; false otherwise.
    bool openLastProject();
    // The start page (open a project, connect, the demo, recent projects):
    // shown until a database is chosen, and from View > Start Page.
    void showStartPage();
    bool isStartPageShown() const;
    StartPage *startPage() const { return m_startPage; }
    // Selects this table or view as soon as a schema is shown.
    void setPendingSelection(const QString &name) { m_pendingSelection = name; }

    SchemaBrowserView *schemaBrowser() const { return m_browser; }
    DiffView *diffView() const { return m_diffView; }
    MigrationsView *migrationsView() const { return m_migrationsView; }
    RollbackDesk *rollbackDesk() const { return m_rollbackDesk; }
    BackupsView *backupsView() const { return m_backupsView; }
    AuditView *auditView() const { return m_auditView; }
    // Shows a view by name ("schema", "diff", "migrations"); false for an unknown name.
    bool showView(const QString &name);
    QString connectionText() const;
    QString errorText() const;
    bool isBusy() const;
    QString projectDir() const;
    TargetController *targets() const { return m_targets; }
    const std::optional<StudioTarget> &target() const { return m_target; }
    // File > Connect… and Edit > Preferences…: open (not modal-blocking) and returned.
    ConnectionDialog *showConnectionDialog();
    PreferencesDialog *showPreferences();

public slots:
    void reload();
    void cancelInspection();

signals:
    void schemaShown();
    void openFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void setBusy(bool busy);
    void showError(const QString &message);
    void clearError();
    void onInspected(const InspectOutcome &outcome);
    void onFailed(const Error &error);
    void onCancelled();
    void connectTo(const StudioTarget &target);
    void askForProject();
    void askForDatabaseUrl();
    void openFreshDemo();
    void about();

    SchemaBrowserView *m_browser = nullptr;
    DiffView *m_diffView = nullptr;
    MigrationsView *m_migrationsView = nullptr;
    RollbackDesk *m_rollbackDesk = nullptr;
    BackupsView *m_backupsView = nullptr;
    AuditView *m_auditView = nullptr;
    QTabWidget *m_pages = nullptr;
    StartPage *m_startPage = nullptr;
    QStackedWidget *m_stack = nullptr;
    InspectJob *m_job = nullptr;
    TargetController *m_targets = nullptr;
    QLabel *m_errorBanner = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_cancelButton = nullptr;

    QAction *m_openProjectAction = nullptr;
    QAction *m_openUrlAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_schemaAction = nullptr;
    QAction *m_diffAction = nullptr;
    QAction *m_migrationsAction = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_backupsAction = nullptr;
    QAction *m_auditAction = nullptr;
    QAction *m_startPageAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_aboutAction = nullptr;

    std::optional<StudioTarget> m_target;
    QPointer<ConnectionDialog> m_connectionDialog;
    QString m_pendingSelection;
    bool m_isBusy = false;
    // The reload under way follows the Migrations view's own run: it has
    // already read the history again (and logged it once).
    bool m_migrationsViewCurrent = false;
};

} // namespace covet
