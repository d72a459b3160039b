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
    connect(m_backwards, &QCheckBox::toggled, this, &MigrationDetails::directionChanged);
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
    if (!s || !listing) {
        m_selectedTitle->setText(tr("Select a migration to see its SQL."));
        m_sql->setSql(QString());
        return;
    }
    const bool back = m_backwards->isChecked();
    const QString file = !s->file.isEmpty()        ? QFileInfo(s->file).fileName()
                         : s->replacedBy.isEmpty() ? tr("file missing")
                                                   : tr("file removed after the squash, replaced by %1").arg(s->replacedBy);
    m_selectedTitle->setText(back ? tr("%1 · %2 · rollback SQL").arg(MigrationListModel::stateText(s->state), file)
                                  : tr("%1 · %2").arg(MigrationListModel::stateText(s->state), file));
    m_selectedTitle->setToolTip(s->file);
    m_sql->setSql((back ? listing->downSql : listing->upSql).value(s->id));
}

} // namespace covet
