#pragma once

#include "studiopage.h"
#include "app/studiotarget.h"
#include "db/databaseurl.h"
#include "jobs/migratejob.h"
#include "jobs/rehearsaljob.h"
#include "jobs/riskjob.h"
#include "migrations/projectconfig.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractButton;
class QCheckBox;
class QLabel;
class QLayout;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTreeView;

namespace covet {

class ConfirmEnvironmentDialog;
class DryRunPane;
class MigrationListModel;
class MigrationRunPanel;
class RestoreDialog;
class RiskPanel;
class RollbackVerification;

// The rollback desk: rolling migrations back step by step, the DBA free to
// go back and forth until the rollback runs.
//  1. Target: an applied migration ("roll back to here": it stays applied)
//     or the last N migrations; the engine says which migrations that undoes.
//  2. Risk: the engine's risk report of that rollback (RiskJob): what is
//     lost per table and column, with counts.
//  3. Backup: on by default when data is lost; the runner takes it inside
//     the rollback's transaction (PostgreSQL, SQLite) or right before it
//     (MySQL/MariaDB), so it holds exactly what the rollback destroys.
//  4. Dry run: executed in a transaction that is rolled back (PostgreSQL,
//     SQLite) or the SQL only with an amber note (MySQL/MariaDB); below it
//     the rehearsal result (showRehearsal).
//  5. Roll back: progress, the current operation, a log and Cancel; a typed
//     confirmation for protected environments and for data loss.
//  6. Verification: the schema equals the target, untouched row counts are
//     unchanged; the backup id and Restore….
class RollbackDesk : public StudioPage
{
    Q_OBJECT

public:
    enum Step { TargetStep, RiskStep, BackupStep, DryRunStep, ExecuteStep, VerifyStep, StepCount };

    explicit RollbackDesk(QWidget *parent = nullptr);
    ~RollbackDesk() override;

    // The target's project, its environment and the connected database.
    void setTarget(const StudioTarget &target);
    void clear();
    void refresh();

    // Chooses the target and goes to the risk step (once the listing is there).
    bool rollBackTo(const QString &id);
    bool rollBackSteps(int steps);
    // Navigation, as the Back and Next buttons do.
    bool next();
    bool back();
    bool goTo(Step step);
    Step currentStep() const;
    // Starts the rollback (asking for the confirmation first when needed).
    void execute();
    void cancel();

    // The rehearsal of the rollback (MigrationRunner::rehearse(…, false): roll
    // back, apply again, roll back again — does the way back work too?),
    // started when the dry run succeeded: shown under the dry run; amber
    // when it ran on a scratch database (MySQL/MariaDB).
    void showRehearsal(const RehearsalOutcome &outcome);
    const std::optional<RehearsalOutcome> &rehearsal() const { return m_rehearsalOutcome; }

    bool hasListing() const { return m_listing.has_value(); }
    bool isBusy() const;
    bool isRunning() const;
    bool needsConfirmation() const;
    QString environment() const { return m_environment; }
    // The migrations the chosen rollback undoes, last applied first (the engine's answer).
    QStringList rollbackIds() const;
    const std::optional<RiskAssessment> &assessment() const { return m_assessment; }
    const std::optional<MigrateOutcome> &outcome() const { return m_outcome; }
    QList<qint64> backupIds() const;

    MigrationListModel *model() const { return m_model; }
    QTreeView *targetList() const { return m_targetList; }
    QSpinBox *stepsBox() const { return m_stepsBox; }
    RiskPanel *riskPanel() const { return m_risk; }
    QCheckBox *backupToggle() const { return m_backup; }
    QLabel *backupText() const { return m_backupText; }
    DryRunPane *dryRunPane() const { return m_dryRun; }
    QLabel *rehearsalLabel() const { return m_rehearsal; }
    MigrationRunPanel *runPanel() const { return m_runPanel; }
    QPushButton *rollBackButton() const { return m_rollBackButton; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *restoreButton() const;
    QString verificationText() const;
    ConfirmEnvironmentDialog *confirmDialog() const;
    RestoreDialog *restoreDialog() const;
    // Opens the RestoreDialog for the backup the rollback took.
    RestoreDialog *restoreBackup();

signals:
    void listShown();
    void assessed();
    void dryRunFinished(bool succeeded);
    void rehearsalFinished(bool ok);
    void runFinished(bool succeeded);
    // The confirmation was declined and the refusal written to the audit.
    void declineRecorded();
    // The rollback (or a restore) changed the database.
    void databaseChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void clearRehearsal();
    // A page of the desk with its heading; its layout goes to *body.
    static QWidget *page(QWidget *parent, const QString &heading, QLayout **body);
    static QLabel *wrappedLabel(QWidget *parent, const char *name);
    QWidget *createTargetPage();
    QWidget *createBackupPage();
    QWidget *createDryRunPage();
    QWidget *createExecutePage();
    QWidget *createVerifyPage();
    MigrateRequest request(bool dryRun) const;
    void assess();
    void startDryRun();
    void start(const MigrateRequest &request);
    void onListed(const MigrationListing &listing);
    void onAssessed(const RiskAssessment &assessment);
    void onRunFinished(const MigrateOutcome &outcome);
    void showTargetChoice();
    void showBackupChoice();
    void invalidateFrom(Step step);
    void updateNavigation();

    MigrateJob *m_job = nullptr;
    RiskJob *m_riskJob = nullptr;
    RehearsalJob *m_rehearsalJob = nullptr;
    MigrationListModel *m_model = nullptr;

    QLabel *m_title = nullptr;
    QListWidget *m_stepList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    // Target
    QTreeView *m_targetList = nullptr;
    QRadioButton *m_toHere = nullptr;
    QRadioButton *m_bySteps = nullptr;
    QSpinBox *m_stepsBox = nullptr;
    QLabel *m_targetSummary = nullptr;
    // Risk
    RiskPanel *m_risk = nullptr;
    // Backup
    QCheckBox *m_backup = nullptr;
    QLabel *m_backupText = nullptr;
    // Dry run
    DryRunPane *m_dryRun = nullptr;
    QLabel *m_rehearsal = nullptr;
    // Execute
    QLabel *m_executeSummary = nullptr;
    QPushButton *m_rollBackButton = nullptr;
    MigrationRunPanel *m_runPanel = nullptr;
    // Verify
    RollbackVerification *m_verification = nullptr;

    QPointer<ConfirmEnvironmentDialog> m_confirm;

    std::optional<ProjectConfig> m_config;
    std::optional<DatabaseUrl> m_url;
    QString m_projectDir;
    QString m_requestedEnvironment;
    QString m_migrationsDir;
    QString m_environment;
    std::optional<MigrationListing> m_listing;
    std::optional<RiskAssessment> m_assessment;
    std::optional<MigrateOutcome> m_dryOutcome;
    std::optional<RehearsalOutcome> m_rehearsalOutcome;
    int m_rehearsalGeneration = 0;   // a rehearsal for an older choice is not shown
    int m_rehearsalAsked = 0;
    std::optional<MigrateOutcome> m_outcome;
    int m_reached = TargetStep;   // the furthest step whose input is ready
    bool m_stale = false;
    bool m_relisting = false;   // the listing restores the selection: not a new choice
    QString m_wanted;           // rollBackTo() before the listing arrived
    int m_wantedSteps = 0;      // rollBackSteps() before the listing arrived
};

} // namespace covet
