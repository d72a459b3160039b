#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace covet {

struct MigrationState;

// The Migrations view's header: the database (and environment) over the
// counts of the listing, and the actions, with their buttons: Refresh, Dry
// Run (its menu: Dry Run to Here, Rehearse), Apply, Apply to Here; Roll Back
// to Here is the list's context menu's; Squash… opens the SquashDialog. Which action is enabled, and why
// not, is decided here from the view's state.
class MigrationsHeader : public QWidget
{
    Q_OBJECT

public:
    struct Actions
    {
        QAction *refresh = nullptr;
        QAction *dryRun = nullptr;
        QAction *dryRunToHere = nullptr;
        QAction *rehearse = nullptr;
        QAction *apply = nullptr;
        QAction *applyToHere = nullptr;
        QAction *rollbackToHere = nullptr;
        QAction *squash = nullptr;
    };

    // What the actions depend on.
    struct State
    {
        bool canRefresh = false;   // a database and a migrations directory
        bool listed = false;
        bool running = false;      // a run or a rehearsal (it holds its transaction's locks)
        int pending = 0;
        const MigrationState *selected = nullptr;
        bool blocked = false;      // a conflict makes migrate() refuse
        QString refusal;           // why a run without resume is refused (MigrationOverview::runRefusal)
        bool project = false;         // a covet.yaml (squashing needs its migrations)
        int squashAvailability = 0;   // SquashProject::Availability
    };

    explicit MigrationsHeader(QWidget *parent = nullptr);

    const Actions &actions() const { return m_actions; }
    void setTexts(const QString &title, const QString &titleToolTip, const QString &summary);
    void updateActions(const State &state);

    QToolButton *refreshButton() const { return m_refreshButton; }
    QToolButton *dryRunButton() const { return m_dryRunButton; }
    QToolButton *applyButton() const { return m_applyButton; }
    QToolButton *applyToHereButton() const { return m_applyToHereButton; }
    QToolButton *squashButton() const { return m_squashButton; }

private:
    void createActions();

    Actions m_actions;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QToolButton *m_dryRunButton = nullptr;
    QToolButton *m_applyButton = nullptr;
    QToolButton *m_applyToHereButton = nullptr;
    QToolButton *m_squashButton = nullptr;
};

} // namespace covet
