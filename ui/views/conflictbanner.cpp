#include "conflictbanner.h"

#include "runner/migrationrunner.h"

#include <algorithm>

namespace covet {

ConflictBanner::ConflictBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("migrationsConflicts"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The space inside is the label's margin: wrapped text is never cut.
    setMargin(6);
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
    setStyleSheet(m_blocking ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; border-radius: 4px; }")
                             : QStringLiteral("QLabel { background: #fff4e0; color: #5c3a00; border: 1px solid #f0d29a; border-radius: 4px; }"));
    setText(lines.join(u'\n'));
    show();
}

} // namespace covet
