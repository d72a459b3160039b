#include "rollbackverification.h"

#include "app/studiostyle.h"
#include "dialogs/migrationerrordialog.h"
#include "dialogs/restoredialog.h"
#include "models/backuplistmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace covet {

RollbackVerification::RollbackVerification(QWidget *parent) : QWidget(parent)
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("rollbackVerifyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("rollbackVerifyText"));
    m_text->setReadOnly(true);
    m_restoreButton = new QPushButton(StudioStyle::icon("restore"), tr("Restore…"), this);
    m_restoreButton->setObjectName(QStringLiteral("rollbackRestoreButton"));
    m_restoreButton->setToolTip(tr("Put the backed-up values back (after migrating forward again, so that their tables and columns exist)"));
    connect(m_restoreButton, &QPushButton::clicked, this, &RollbackVerification::restoreRequested);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_restoreButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_text);
    layout->addLayout(row);
}

void RollbackVerification::showOutcome(const MigrateOutcome &outcome)
{
    const RunVerification &v = outcome.report.verification;
    QStringList lines;
    if (!outcome.succeeded())
        lines << (outcome.cancelled() ? tr("Cancelled: %1").arg(outcome.error->message())
                                      : tr("Failed: %1").arg(MigrationErrorDialog::readableMessage(*outcome.error)));
    lines << tr("Rolled back: %1").arg(outcome.report.done.isEmpty() ? tr("nothing") : outcome.report.done.join(QStringLiteral(", ")));
    if (v.done)
        lines << v.toText().trimmed();
    else
        lines << tr("No verification ran (safety.verify_after_run is off, or the run stopped before it).");
    for (const BackupRecord &b : outcome.report.backups) {
        lines << tr("Backup %1: %2 rows of %n table(s), kept in the database.", nullptr, int(b.items.size())).arg(b.id).arg(StudioStyle::count(b.rows()));
        lines << QStringLiteral("  %1").arg(BackupListModel::contentsText(b));
    }
    m_text->setPlainText(lines.join(u'\n'));
    QList<qint64> ids;
    for (const BackupRecord &b : outcome.report.backups)
        ids << b.id;
    QString banner;
    if (outcome.succeeded() && v.ok())
        banner = tr("Rolled back and verified: the schema equals the target and the untouched tables kept their row counts.");
    else if (outcome.succeeded() && !v.done)
        banner = tr("Rolled back; not verified.");
    else if (outcome.succeeded())
        banner = tr("Rolled back, but the verification found differences (below).");
    else
        banner = outcome.cancelled() ? tr("The rollback was cancelled (below: what stays rolled back).") : tr("The rollback failed (below).");
    QStringList idTexts;
    for (qint64 id : ids)
        idTexts << QString::number(id);
    if (!ids.isEmpty())
        banner += QLatin1Char(' ') + tr("Backup id(s): %1.", nullptr, int(ids.size())).arg(idTexts.join(QStringLiteral(", ")));
    StudioStyle::setBanner(m_banner, banner,
                           outcome.succeeded() && v.ok() ? StudioStyle::Banner::Ok
                           : outcome.succeeded()          ? StudioStyle::Banner::Note
                                                          : StudioStyle::Banner::Error);
}

void RollbackVerification::clearReport()
{
    m_text->clear();
}

QString RollbackVerification::text() const
{
    return m_banner->text() + u'\n' + m_text->toPlainText();
}

RestoreDialog *RollbackVerification::restoreDialog() const
{
    return m_restore;
}

RestoreDialog *RollbackVerification::restore(const DatabaseUrl &url, const QList<qint64> &ids, const QString &environment)
{
    if (m_restore)
        return nullptr;
    m_restore = new RestoreDialog(url, ids, environment, this);
    m_restore->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_restore, &RestoreDialog::finishedRestore, this, [this](bool restored) {
        if (restored)
            emit this->restored();
    });
    m_restore->open();
    return m_restore;
}

} // namespace covet
