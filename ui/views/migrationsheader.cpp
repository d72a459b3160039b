#include "migrationsheader.h"

#include "app/studiostyle.h"
#include "migrations/squashproject.h"
#include "runner/migrationrunner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
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

} // namespace

MigrationsHeader::MigrationsHeader(QWidget *parent) : QWidget(parent)
{
    createActions();
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("migrationsTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("migrationsSummary"));
    m_summary->setTextFormat(Qt::RichText);

    m_refreshButton = toolButton(m_actions.refresh, this);
    m_dryRunButton = toolButton(m_actions.dryRun, this);
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto *dryMenu = new QMenu(m_dryRunButton);
    dryMenu->addAction(m_actions.dryRun);
    dryMenu->addAction(m_actions.dryRunToHere);
    dryMenu->addSeparator();
    dryMenu->addAction(m_actions.rehearse);
    m_dryRunButton->setMenu(dryMenu);
    m_applyButton = toolButton(m_actions.apply, this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyToHereButton = toolButton(m_actions.applyToHere, this);
    m_applyToHereButton->setObjectName(QStringLiteral("applyToHereButton"));
    m_squashButton = toolButton(m_actions.squash, this);
    m_squashButton->setObjectName(QStringLiteral("squashButton"));

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
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(texts, 1);
    layout->addSpacing(12);
    layout->addWidget(m_refreshButton);
    layout->addWidget(m_dryRunButton);
    layout->addWidget(m_applyButton);
    layout->addWidget(m_applyToHereButton);
    layout->addWidget(m_squashButton);
}

void MigrationsHeader::createActions()
{
    m_actions.refresh = new QAction(StudioStyle::icon("reload"), tr("Refresh"), this);
    m_actions.refresh->setToolTip(tr("Read the migration history of the database again"));

    m_actions.dryRun = new QAction(StudioStyle::icon("dry-run"), tr("Dry Run"), this);
    m_actions.dryRun->setToolTip(tr("Show the SQL Apply would run and, on PostgreSQL and SQLite, execute it in a "
                                    "transaction that is rolled back"));
    m_actions.dryRunToHere = new QAction(StudioStyle::icon("dry-run"), tr("Dry Run to Here"), this);
    m_actions.dryRunToHere->setToolTip(tr("Dry-run the pending migrations up to and including the selected one"));

    m_actions.rehearse = new QAction(StudioStyle::icon("dry-run"), tr("Rehearse"), this);
    m_actions.rehearse->setObjectName(QStringLiteral("rehearseAction"));
    m_actions.rehearse->setToolTip(tr("Apply, roll back and apply again each pending migration, checking the schema after each, without "
                                      "changing the database: does every rollback restore what its migration changed?"));
    m_actions.apply = new QAction(StudioStyle::icon("apply"), tr("Apply"), this);
    m_actions.apply->setToolTip(tr("Apply every pending migration"));
    m_actions.applyToHere = new QAction(StudioStyle::icon("apply-to-here"), tr("Apply to Here"), this);
    m_actions.applyToHere->setToolTip(tr("Apply the pending migrations up to and including the selected one"));
    m_actions.rollbackToHere = new QAction(StudioStyle::icon("rollback"), tr("Roll Back to Here…"), this);
    m_actions.rollbackToHere->setToolTip(tr("Open the rollback desk to roll back every migration applied after the selected one"));
    m_actions.squash = new QAction(StudioStyle::icon("squash"), tr("Squash…"), this);
    m_actions.squash->setObjectName(QStringLiteral("squashAction"));
}

void MigrationsHeader::setTexts(const QString &title, const QString &titleToolTip, const QString &summary)
{
    m_title->setText(title);
    m_title->setToolTip(titleToolTip);
    m_summary->setText(summary);
}

void MigrationsHeader::updateActions(const State &state)
{
    const bool listed = state.listed;
    const bool running = state.running;
    const int pending = state.pending;
    const MigrationState *s = state.selected;
    const bool blocked = state.blocked;
    // A part-way migration: the engine refuses every run but the resumed ones (Finish, Undo over its SQL).
    const bool refused = !state.refusal.isEmpty();
    const bool selectedPending = s && s->state == MigrationState::State::Pending;
    m_actions.refresh->setEnabled(!running && state.canRefresh);
    m_actions.dryRun->setEnabled(listed && !running && pending > 0 && !refused);
    m_actions.dryRunToHere->setEnabled(listed && !running && selectedPending && !refused);
    m_actions.rehearse->setEnabled(listed && !running && pending > 0 && !refused);
    m_actions.apply->setEnabled(listed && !running && pending > 0 && !blocked && !refused);
    m_actions.applyToHere->setEnabled(listed && !running && selectedPending && !blocked && !refused);
    m_actions.rollbackToHere->setEnabled(listed && !running && s && s->state == MigrationState::State::Applied && !refused);
    const QString partWay = tr("Finish or undo the part-way migration first (select it): %1").arg(state.refusal);
    for (QAction *a : {m_actions.dryRun, m_actions.dryRunToHere, m_actions.rehearse, m_actions.rollbackToHere}) {
        if (!a->property("normalToolTip").isValid())   // the tool tip createActions() gave it
            a->setProperty("normalToolTip", a->toolTip());
        a->setToolTip(refused ? partWay : a->property("normalToolTip").toString());
    }
    using Availability = SquashProject::Availability;
    const auto squash = Availability(state.squashAvailability);
    m_actions.squash->setEnabled(listed && state.project && !running && squash == Availability::Available);
    m_actions.squash->setToolTip(!listed || !state.project                           ? tr("Open a project and its database to squash its migrations")
                                 : squash == Availability::Disabled ? tr("Squashing is turned off in covet.yaml (squashing: {enabled: false})")
                                 : squash == Availability::TooFew   ? tr("Squashing needs at least two migrations")
                                                                    : tr("Squash a range of migrations into one, proven to give the same schema"));
    m_actions.apply->setToolTip(refused ? partWay : blocked ? tr("Resolve the conflict shown above first") : tr("Apply every pending migration"));
    m_actions.applyToHere->setToolTip(refused             ? partWay
                                      : blocked           ? tr("Resolve the conflict shown above first")
                                      : selectedPending ? tr("Apply the pending migrations up to and including %1").arg(s->id)
                                                        : tr("Select a pending migration to apply the migrations up to it"));
}

} // namespace covet
