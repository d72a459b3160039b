#include "rehearsalbanner.h"

#include "dialogs/migrationerrordialog.h"
#include "app/studiostyle.h"

#include <QLabel>

namespace covet {

namespace {

// The engine's failed phase (RehearsedMigration), told in the person's language.
QString why(const RehearsalReport &r, const QString &phase)
{
    if (r.rollback)
        return phase == RehearsedMigration::ReApply ? RehearsalBanner::tr("applied again after the rollback, it does not give back the schema it had")
             : phase == RehearsedMigration::RollbackAgain ? RehearsalBanner::tr("rolled back a second time, it does not give the same schema")
                                                          : RehearsalBanner::tr("rolling it back does not give the schema before it");
    return phase == RehearsedMigration::Rollback ? RehearsalBanner::tr("its rollback does not restore what applying it changed")
         : phase == RehearsedMigration::ApplyAgain ? RehearsalBanner::tr("applied again after its rollback, it does not give the same schema")
                                                   : RehearsalBanner::tr("applying it does not give the schema its file describes");
}

} // namespace

void RehearsalBanner::showRunning(QLabel *label, bool rollback)
{
    StudioStyle::setBanner(label, rollback ? tr("Rehearsing the rollback: roll back, apply again, roll back again…")
                                           : tr("Rehearsing: apply, roll back, apply again…"),
                           StudioStyle::Banner::Info);
}

bool RehearsalBanner::show(QLabel *label, const RehearsalOutcome &outcome)
{
    label->setTextFormat(Qt::RichText);
    if (outcome.error) {
        StudioStyle::setBanner(label, tr("It could not be rehearsed: %1").arg(MigrationErrorDialog::readableMessage(*outcome.error).toHtmlEscaped()),
                               StudioStyle::Banner::Error);
        return false;
    }
    const RehearsalReport &r = *outcome.report;
    QString html;
    if (r.nothingRuns() && !r.recordOnly.isEmpty()) {
        // A squashed migration only recorded: nothing ran, so no transaction or scratch database either.
        StudioStyle::setBanner(label,
                               tr("<b>Rehearsal:</b> no statement runs. %1 is only recorded as applied (every migration it replaces is "
                                  "applied), so there is nothing to rehearse. Nothing was changed.")
                                   .arg(r.recordOnly.join(QStringLiteral(", ")).toHtmlEscaped()),
                               StudioStyle::Banner::Ok);
        return true;
    }
    if (r.nothingRuns())
        html = r.rollback ? tr("<b>Rehearsal:</b> nothing to roll back.") : tr("<b>Rehearsal:</b> nothing is pending.");
    else if (r.ok())
        html = r.rollback ? tr("<b>Rehearsal:</b> rolled back, applied again to the schema it had, and rolled back again — the way back works.")
                          : tr("<b>Rehearsal:</b> applied, rolled back to the schema before it, and applied again — the rollback works.");
    else
        html = r.firstFailure() ? tr("<b>Rehearsal failed</b> at %1.").arg(r.firstFailure()->id.toHtmlEscaped())
                                : tr("<b>Rehearsal incomplete:</b> not every migration could be rehearsed.");
    html += QStringLiteral("<ul style=\"margin: 2px 0 2px -20px;\">");
    for (const RehearsedMigration &m : r.migrations) {
        if (m.ok()) {
            html += QStringLiteral("<li>%1</li>").arg(tr("%1: ok").arg(m.id.toHtmlEscaped()));
            continue;
        }
        html += QStringLiteral("<li><b>%1</b>").arg(tr("%1: %2").arg(m.id.toHtmlEscaped(), why(r, m.failedPhase)));
        if (!m.error.isEmpty())
            html += QStringLiteral("<br>%1").arg(m.error.toHtmlEscaped());
        for (const QString &d : m.differences)
            html += QStringLiteral("<br>– %1").arg(d.toHtmlEscaped());
        html += QStringLiteral("</li>");
    }
    if (!r.notYet.isEmpty())
        html += QStringLiteral("<li>%1</li>").arg(tr("Not rehearsed: %1").arg(r.notYet.join(QStringLiteral(", ")).toHtmlEscaped()));
    html += QStringLiteral("</ul>");
    html += r.onScratch ? tr("Rehearsed on a scratch database holding this database's schema but no rows (this server cannot roll back DDL); "
                             "it was dropped afterwards.")
                        : tr("Rehearsed in a transaction that was rolled back: nothing was changed.");
    if (!r.onScratch)
        for (const QString &n : r.notes)
            html += QStringLiteral("<br>%1").arg(n.toHtmlEscaped());
    StudioStyle::setBanner(label, html, !r.ok() ? StudioStyle::Banner::Error : r.onScratch ? StudioStyle::Banner::Note : StudioStyle::Banner::Ok);
    return r.ok();
}

} // namespace covet
