#include "conflictbanner.h"

#include "app/studiostyle.h"
#include "runner/migrationrunner.h"

#include <algorithm>

namespace covet {

ConflictBanner::ConflictBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("migrationsConflicts"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void ConflictBanner::setConflicts(const QList<MigrationConflict> &conflicts)
{
    m_blocking = std::any_of(conflicts.cbegin(), conflicts.cend(), &MigrationRunner::blocksMigrate);
    if (conflicts.isEmpty()) {
        clear();
        hide();
        return;
    }
    QStringList lines;
    lines << (m_blocking ? tr("Apply is disabled: the migrations conflict with each other or with the history.")
                         : tr("The migrations directory and the history disagree:"));
    for (const MigrationConflict &c : conflicts) {
        QString line = tr("• %1 (%2): %3").arg(c.kind, c.migrationIds.join(QStringLiteral(", ")), c.detail);
        if (c.kind == QStringLiteral("divergent_leaves") && !c.detail.contains(QStringLiteral("--merge")))
            line += tr(" Run `covet makemigrations --merge` to write a merge migration.");
        lines << line;
    }
    lines << tr("Fix the migration files, then Refresh.");
    StudioStyle::setBanner(this, lines.join(u'\n'),
                           m_blocking ? StudioStyle::Banner::Error : StudioStyle::Banner::Note);
}

} // namespace covet
