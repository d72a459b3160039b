#include "migrationdetails.h"

#include "app/studiostyle.h"
#include "editors/sqleditor.h"
#include "models/migrationlistmodel.h"
#include "views/dryrunpane.h"
#include "views/migrationstatenote.h"
#include "views/riskpanel.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace covet {

MigrationDetails::MigrationDetails(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("migrationDetails"));
    setDocumentMode(true);

    m_selectedTitle = new QLabel(tr("Select a migration to see its SQL."), this);
    m_selectedTitle->setObjectName(QStringLiteral("selectedMigration"));
    m_selectedTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_backwards = new QCheckBox(tr("Rollback SQL"), this);
    m_backwards->setObjectName(QStringLiteral("backwardsToggle"));
    m_backwards->setToolTip(tr("Show the SQL that rolls the migration back instead of the SQL that applies it"));
    connect(m_backwards, &QCheckBox::toggled, this, [this] {
        m_backwardsForPartWay = false;   // the person's choice from now on
        emit directionChanged();
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_selectedTitle, 1);
    bar->addWidget(m_backwards);
    // The SQL page: the title bar over a read-only SQL view.
    auto *sqlPage = new QWidget(this);
    m_sql = new SqlEditor(sqlPage);
    m_sql->setObjectName(QStringLiteral("migrationSql"));
    m_sql->setReadOnly(true);
    auto *sqlLayout = new QVBoxLayout(sqlPage);
    sqlLayout->setContentsMargins(4, 4, 4, 0);
    sqlLayout->addLayout(bar);
    m_note = new MigrationStateNote(sqlPage);
    sqlLayout->addWidget(m_note);
    sqlLayout->addWidget(m_sql, 1);
    addTab(sqlPage, StudioStyle::icon("migration-new"), tr("SQL"));

    m_dryRun = new DryRunPane(tr("Dry Run shows the SQL Apply would run and, on PostgreSQL and SQLite, executes it in a "
                                 "transaction that is then rolled back: nothing changes."),
                              this);
    m_dryRunPage = new QWidget(this);
    m_rehearsal = new QLabel(m_dryRunPage);
    m_rehearsal->setObjectName(QStringLiteral("migrationsRehearsal"));
    m_rehearsal->setWordWrap(true);
    m_rehearsal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rehearsal->hide();
    auto *dryLayout = new QVBoxLayout(m_dryRunPage);
    dryLayout->setContentsMargins(0, 0, 0, 0);
    dryLayout->addWidget(m_rehearsal);
    dryLayout->addWidget(m_dryRun, 1);
    addTab(m_dryRunPage, StudioStyle::icon("dry-run"), tr("Dry Run"));
    m_risk = new RiskPanel(this);
    addTab(m_risk, StudioStyle::icon("risk-medium"), tr("Risk"));
}

void MigrationDetails::setDialect(Dialect dialect)
{
    m_sql->setDialect(dialect);
    m_dryRun->setDialect(dialect);
}

void MigrationDetails::showDryRunPage()
{
    setCurrentWidget(m_dryRunPage);
}

void MigrationDetails::showMigration(const MigrationListing *listing, const MigrationState *s)
{
    if (!listing)
        m_risk->clear();
    else
        m_risk->setPending(listing->overview.pendingRisk, s && s->state == MigrationState::State::Pending ? s->id : QString(),
                           listing->overview.riskError);
    // A part-way rollback's run in effect is its rollback: Rollback SQL goes on
    // when one is selected, and off again after it unless the person chose it
    // (a refresh of the same selection keeps what they chose meanwhile).
    const bool partWayRollback = s && s->state == MigrationState::State::Partial && s->partial && s->partial->isRollback();
    const QString partWayId = partWayRollback ? s->id : QString();
    if (partWayId != m_partWayRollbackShown) {
        m_partWayRollbackShown = partWayId;
        const QSignalBlocker quiet(m_backwards);
        if (partWayRollback && !m_backwards->isChecked()) {
            m_backwards->setChecked(true);
            m_backwardsForPartWay = true;
        } else if (!partWayRollback && m_backwardsForPartWay) {
            m_backwards->setChecked(false);
            m_backwardsForPartWay = false;
        }
    }
    if (!s || !listing) {
        m_selectedTitle->setText(tr("Select a migration to see its SQL."));
        m_sql->setSql(QString());
        return;
    }
    const bool back = m_backwards->isChecked();
    const QString file = !s->file.isEmpty()        ? QFileInfo(s->file).fileName()
                         : s->replacedBy.isEmpty() ? tr("file missing")
                                                   : tr("file removed after the squash, replaced by %1").arg(s->replacedBy);
    const QString state = MigrationListModel::stateText(s->state);
    m_selectedTitle->setText(partWayRollback && back ? tr("%1 · %2 · rollback SQL, the run that stopped part-way").arg(state, file)
                             : partWayRollback       ? tr("%1 · %2 · apply SQL (the run that stopped part-way is the rollback)").arg(state, file)
                             : back                  ? tr("%1 · %2 · rollback SQL").arg(state, file)
                                                     : tr("%1 · %2").arg(state, file));
    m_selectedTitle->setToolTip(s->file);
    m_sql->setSql((back ? listing->downSql : listing->upSql).value(s->id));
}

} // namespace covet
