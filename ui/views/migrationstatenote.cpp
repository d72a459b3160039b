#include "migrationstatenote.h"

#include "app/studiostyle.h"
#include "models/migrationlistmodel.h"
#include "runner/partialresume.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace covet {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString stepMark(PartialStep::Effect effect)
{
    switch (effect) {
    case PartialStep::Effect::InEffect: return QStringLiteral("\u2714");
    case PartialStep::Effect::NotInEffect: return QStringLiteral("\u2718");
    case PartialStep::Effect::Uncertain: return QStringLiteral("?");
    }
    return {};
}

} // namespace

MigrationStateNote::MigrationStateNote(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("migrationStateNote"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("migrationNote"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_migrateResume = new QPushButton(StudioStyle::icon("apply"), tr("Finish"), this);
    m_migrateResume->setObjectName(QStringLiteral("partialMigrateResume"));
    m_rollbackResume = new QPushButton(StudioStyle::icon("rollback"), tr("Undo"), this);
    m_rollbackResume->setObjectName(QStringLiteral("partialRollbackResume"));
    connect(m_migrateResume, &QPushButton::clicked, this, [this]() { emit migrateResumeRequested(m_id); });
    connect(m_rollbackResume, &QPushButton::clicked, this, [this]() { emit rollbackResumeRequested(m_id); });
    m_buttons = new QHBoxLayout;
    m_buttons->addStretch(1);
    m_buttons->addWidget(m_migrateResume);
    m_buttons->addWidget(m_rollbackResume);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addWidget(m_label);
    layout->addLayout(m_buttons);
    hide();
}

QString MigrationStateNote::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void MigrationStateNote::showState(const MigrationState *s, const MigrationOverview *overview, bool running)
{
    m_id = s ? s->id : QString();
    const bool partial = s && s->partial;
    m_migrateResume->setVisible(partial);
    m_rollbackResume->setVisible(partial);
    if (partial) {
        QString html = tr("<b>%1</b>: %2.").arg(escaped(s->id), escaped(s->partial->describe()));
        if (!s->partialSteps.isEmpty()) {
            html += QStringLiteral("<br>");
            for (const PartialStep &step : s->partialSteps)
                html += QStringLiteral("&nbsp;&nbsp;%1 %2<br>").arg(stepMark(step.effect), escaped(step.describe()));
        }
        html += tr("<br><b>How to finish or undo it:</b> %1.").arg(escaped(PartialResume::wayOut(*s->partial)));
        // The button that finishes the recorded run comes first: for a part-way rollback, the one
        // running `covet rollback --resume`.
        const bool rollingBack = s->partial->isRollback();
        m_migrateResume->setText(rollingBack ? tr("Re-apply") : tr("Finish"));
        m_rollbackResume->setText(rollingBack ? tr("Finish rollback") : tr("Undo"));
        QPushButton *first = rollingBack ? m_rollbackResume : m_migrateResume;
        QPushButton *second = rollingBack ? m_migrateResume : m_rollbackResume;
        m_buttons->removeWidget(m_migrateResume);
        m_buttons->removeWidget(m_rollbackResume);
        m_buttons->addWidget(first);
        m_buttons->addWidget(second);
        setTabOrder(first, second);
        html += tr("<br>Here, <b>%1</b> runs `covet migrate --resume` and <b>%2</b> runs `covet rollback --resume`.")
                    .arg(escaped(m_migrateResume->text()), escaped(m_rollbackResume->text()));
        StudioStyle::setBanner(m_label, html, StudioStyle::Banner::Error);
        const PartialWays ways = overview ? overview->partialWays.value(s->id) : PartialWays::refused(tr("the listing is not read yet"));
        m_migrateResume->setEnabled(!running && ways.canFinish());
        m_rollbackResume->setEnabled(!running && ways.canUndo());
        m_migrateResume->setToolTip(ways.canFinish() ? tr("As `covet migrate --resume`, which %1").arg(PartialResume::migrateResumeDoes(*s->partial))
                                                     : tr("Covet cannot run `covet migrate --resume` now: %1").arg(ways.finishRefusal));
        m_rollbackResume->setToolTip(ways.canUndo() ? tr("As `covet rollback --resume`, which %1").arg(PartialResume::rollbackResumeDoes(*s->partial))
                                                    : tr("Covet cannot run `covet rollback --resume` now: %1").arg(ways.undoRefusal));
        show();
        return;
    }
    if (s && !s->squash.isEmpty()) {
        QString html = tr("<b>Squashed:</b> %1 %2.").arg(escaped(s->id), escaped(s->squash));
        if (s->file.isEmpty() && !s->appliedAt.isEmpty())
            html += tr("<br>There is no file to show. The history records it as applied on %1 by %2 in %3, with checksum %4.")
                        .arg(escaped(MigrationListModel::localTime(s->appliedAt)), escaped(s->appliedBy),
                             MigrationListModel::durationText(s->durationMs), escaped(s->recordedChecksum));
        StudioStyle::setBanner(m_label, html, StudioStyle::Banner::Info);
        show();
        return;
    }
    m_label->clear();
    hide();
}

} // namespace covet
