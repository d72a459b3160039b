#pragma once

#include "studiopage.h"
#include "app/studiotarget.h"
#include "db/databaseurl.h"
#include "jobs/migratejob.h"
#include "jobs/rehearsaljob.h"
#include "migrations/projectconfig.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractButton;
class QCheckBox;
class QLabel;
class QModelIndex;
class QTabWidget;
class QTreeView;

namespace covet {

class ConfirmEnvironmentDialog;
class ConflictBanner;
class MigrationDetails;
class RiskPanel;
class MigrationErrorDialog;
class MigrationListModel;
class MigrationRunController;
class MigrationsHeader;
class MigrationRunPanel;
class MigrationStateNote;
class SqlEditor;
class SquashDialog;

// The Migrations view: the project's migrations against the connected
// database (applied, pending, modified, missing; when, by whom, how long),
// the SQL of the selected one (forwards or backwards), and the actions:
// Dry Run (the SQL Apply would run and, on PostgreSQL/SQLite, the result of
// executing it in a transaction that is rolled back), Apply (every pending
// migration) and Apply to Here (up to the selected pending one). Runs go
// through a MigrateJob (MigrationRunController); the run panel shows
// progress, the running operation and a log, with Cancel. The Risk column
// and tab show the engine's risk report of the pending migrations
// (RiskPanel); the tabs are a MigrationDetails. An environment that needs
// confirmation asks for its name first; a failure opens a
// MigrationErrorDialog.
class MigrationsView : public StudioPage
{
    Q_OBJECT

public:
    explicit MigrationsView(QWidget *parent = nullptr);
    ~MigrationsView() override;

    // The project: its migrations directory, and the environment (empty: the
    // default one) whose name a confirmation asks for. Its database is used
    // until setDatabase() names another.
    void setProject(const ProjectConfig &config, const QString &environment = {});
    // The database to list and migrate.
    void setDatabase(const DatabaseUrl &url);
    // Both at once, for the main window: the target's project (none: no
    // migrations to show), its environment and database.
    void setTarget(const StudioTarget &target);
    void clear();

    // Reads the status again (at once when visible, else when shown).
    void refresh();
    // target empty: every pending migration; else up to and including it.
    void dryRun(const QString &target = {});
    // Rehearses the pending migrations (MigrationRunner::rehearse: apply,
    // roll back, apply again, each checked; nothing is changed): the result
    // above the Dry Run tab's SQL.
    void rehearse();
    bool isRehearsing() const;
    QLabel *rehearsalBanner() const;
    const std::optional<RehearsalOutcome> &rehearsal() const { return m_rehearsalOutcome; }
    // Asks for the environment's name first when it needs confirmation.
    void apply(const QString &target = {});
    void cancel();
    // A part-way migration (MySQL/MariaDB): finish it (as `covet migrate
    // --resume`, up to it) or undo what is in effect (as `covet rollback
    // --resume`), after the confirmation the environment or the data it
    // destroys asks for. The Finish and Undo buttons over its SQL.
    void resolvePartial(const QString &id, bool finish);
    // Dry-runs every pending migration once the next listing arrives (for
    // `covet-studio --dry-run`).
    void dryRunWhenListed() { m_dryRunWhenListed = true; }
    // Opens Squash… and previews the whole range once the next listing
    // arrives (for `covet-studio --squash`).
    void squashWhenListed() { m_squashWhenListed = true; }

    bool isBusy() const;      // listing or running
    bool isRunning() const;
    bool hasListing() const { return m_listing.has_value(); }
    QString environment() const { return m_environment; }
    bool needsConfirmation() const;
    QString selectedId() const;
    bool selectMigration(const QString &id);
    QString errorText() const;
    // The banner naming the conflicts of the last listing (divergent
    // leaves, cycles, …) and the way out; empty when there is none.
    QString conflictText() const;
    // A conflict that makes migrate() refuse: Apply is disabled.
    bool hasBlockingConflict() const;
    QString dryRunResultText() const;

    MigrationListModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    SqlEditor *sqlEditor() const;
    SqlEditor *dryRunEditor() const;
    RiskPanel *riskPanel() const;
    QCheckBox *backwardsToggle() const;
    QTabWidget *detailTabs() const;
    MigrationStateNote *stateNote() const;
    MigrationRunPanel *runPanel() const { return m_runPanel; }
    QAbstractButton *refreshButton() const;
    QAbstractButton *dryRunButton() const;
    QAbstractButton *applyButton() const;
    QAbstractButton *applyToHereButton() const;
    QAbstractButton *cancelButton() const;
    // The dialogs while open (for tests and automation), else null.
    ConfirmEnvironmentDialog *confirmDialog() const;
    MigrationErrorDialog *errorDialog() const;
    QAbstractButton *squashButton() const;
    // Squash…: the SquashDialog for the project (when squashing is
    // available); a write refreshes the list and selects the new migration.
    void openSquashDialog();
    SquashDialog *squashDialog() const;

signals:
    void listShown();
    void listFailed(const QString &message);
    void runFinished(bool succeeded);
    // Migrations were applied (or a failed run may have changed something):
    // other views should read the schema again.
    void databaseChanged();
    // Roll Back to Here on an applied migration: the rollback desk takes over.
    void rollbackRequested(const QString &id);
    void rehearsalFinished(bool ok);
    // The confirmation was declined and the refusal written to the audit.
    void declineRecorded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void connectActions();
    void useProject(const ProjectConfig &config, const QString &environment);
    void markStale();
    MigrateRequest request(const QString &target, bool dryRun) const;
    QStringList pendingUpTo(const QString &target) const;
    void onListed(const MigrationListing &listing);
    void onListFailed(const Error &error);
    void onRunFinished(const MigrateOutcome &outcome);
    void showSelected();
    void showNote();
    void showContextMenu(const QPoint &pos);
    void showError(const QString &message);
    void updateHeader();
    void updateActions();
    void showConflicts();
    void onSquashed(const QString &id);

    MigrateJob *m_job = nullptr;
    RehearsalJob *m_rehearsalJob = nullptr;
    MigrationListModel *m_model = nullptr;

    MigrationsHeader *m_header = nullptr;
    QLabel *m_error = nullptr;
    ConflictBanner *m_conflicts = nullptr;
    QTreeView *m_list = nullptr;
    MigrationDetails *m_details = nullptr;
    std::optional<RehearsalOutcome> m_rehearsalOutcome;
    MigrationRunPanel *m_runPanel = nullptr;
    MigrationRunController *m_runs = nullptr;

    std::optional<ProjectConfig> m_config;
    std::optional<DatabaseUrl> m_url;
    QString m_migrationsDir;
    QString m_environment;
    std::optional<MigrationListing> m_listing;
    bool m_stale = false;
    bool m_dryRunWhenListed = false;
    bool m_squashWhenListed = false;
    QString m_selectWhenListed;
    QPointer<SquashDialog> m_squashDialog;
};

} // namespace covet
