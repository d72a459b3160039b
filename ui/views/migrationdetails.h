#pragma once

#include "jobs/migratejob.h"

#include <QTabWidget>

class QCheckBox;
class QLabel;

namespace covet {

class DryRunPane;
class MigrationStateNote;
class RiskPanel;
class SqlEditor;

// The Migrations view's tabs about the selection: SQL (the selected
// migration's, forwards or, with Rollback SQL, backwards, under a
// MigrationStateNote for a part-way or squashed one; a part-way rollback
// turns Rollback SQL on while it is selected, its run being the rollback's),
// Dry Run (the
// rehearsal banner over the last dry run's result) and Risk (the pending
// migrations' risk report, the selected one marked).
class MigrationDetails : public QTabWidget
{
    Q_OBJECT

public:
    explicit MigrationDetails(QWidget *parent = nullptr);

    // listing null: nothing listed; selected null: no migration selected.
    void showMigration(const MigrationListing *listing, const MigrationState *selected);
    void setDialect(Dialect dialect);
    void showDryRunPage();

    SqlEditor *sqlEditor() const { return m_sql; }
    DryRunPane *dryRun() const { return m_dryRun; }
    QLabel *rehearsalBanner() const { return m_rehearsal; }
    RiskPanel *riskPanel() const { return m_risk; }
    QCheckBox *backwardsToggle() const { return m_backwards; }
    // Over the SQL: a part-way or squashed migration's state in words (the view fills it).
    MigrationStateNote *stateNote() const { return m_note; }

signals:
    // Rollback SQL was switched: showMigration() again.
    void directionChanged();

private:
    QLabel *m_selectedTitle = nullptr;
    QCheckBox *m_backwards = nullptr;
    // Rollback SQL was turned on for a part-way rollback, not by the person:
    // it goes off again with the next migration selected.
    bool m_backwardsForPartWay = false;
    QString m_partWayRollbackShown;   // the part-way rollback selected last (empty: none)
    SqlEditor *m_sql = nullptr;
    MigrationStateNote *m_note = nullptr;
    DryRunPane *m_dryRun = nullptr;
    QWidget *m_dryRunPage = nullptr;
    QLabel *m_rehearsal = nullptr;
    RiskPanel *m_risk = nullptr;
};

} // namespace covet
