#include "restoredialog.h"

#include "app/studiostyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace covet {

RestoreDialog::RestoreDialog(const DatabaseUrl &url, const QList<qint64> &backupIds, const QString &environment, QWidget *parent)
    : QDialog(parent), m_job(new BackupJob(this)), m_url(url), m_ids(backupIds), m_environment(environment)
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore backup(s) %1").arg(idsText()));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("restoreStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("restorePreview"));
    m_preview->setReadOnly(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->hide();

    auto *ask = new QLabel(environment.isEmpty() ? QString()
                                                 : tr("The environment <b>%1</b> asks for confirmation: type its name to restore:")
                                                       .arg(environment.toHtmlEscaped()),
                           this);
    ask->setWordWrap(true);
    ask->setVisible(!environment.isEmpty());
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("restoreNameEdit"));
    m_nameEdit->setPlaceholderText(environment);
    m_nameEdit->setVisible(!environment.isEmpty());
    ask->setBuddy(m_nameEdit);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateButtons);

    auto *buttons = new QDialogButtonBox(this);
    m_restoreButton = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_restoreButton->setIcon(StudioStyle::icon("restore"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("restoreCancelButton"));
    connect(m_restoreButton, &QPushButton::clicked, this, &RestoreDialog::restore);
    connect(m_cancelButton, &QPushButton::clicked, this, [this]() {
        if (m_job->isRunning())
            m_job->cancel();
        else
            reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_progress);
    layout->addWidget(ask);
    layout->addWidget(m_nameEdit);
    layout->addWidget(buttons);
    resize(620, 380);

    connect(m_job, &BackupJob::progress, this, [this](int done, int total, const QString &what) {
        m_progress->setRange(0, qMax(total, 0));
        m_progress->setValue(done);
        if (!what.isEmpty())
            m_status->setText(tr("Restoring: %1").arg(what));
    });
    connect(m_job, &BackupJob::finished, this, &RestoreDialog::onFinished);
    StudioStyle::setBanner(m_status, tr("Reading what restoring %1 would write…").arg(idsText()), StudioStyle::Banner::Info);
    startNext(BackupRequest::Action::Preview);
    updateButtons();
}

QString RestoreDialog::idsText() const
{
    QStringList out;
    for (qint64 id : m_ids)
        out << QString::number(id);
    return out.join(QStringLiteral(", "));
}

void RestoreDialog::startNext(BackupRequest::Action action)
{
    if (m_at < m_ids.size())
        m_job->start({action, m_url, m_ids.at(m_at)});
}

QString RestoreDialog::resultText() const
{
    return m_status->text() + u'\n' + m_preview->toPlainText();
}

void RestoreDialog::updateButtons()
{
    const bool confirmed = m_environment.isEmpty() || m_nameEdit->text() == m_environment;
    m_restoreButton->setEnabled(m_previewed && !m_restored && !m_job->isRunning() && confirmed);
    m_cancelButton->setText(m_job->isRunning() ? tr("Cancel") : m_restored ? tr("Close") : tr("Cancel"));
}

void RestoreDialog::restore()
{
    if (!m_restoreButton->isEnabled())
        return;
    m_progress->show();
    m_at = 0;
    m_ok = true;
    m_text.clear();
    StudioStyle::setBanner(m_status, tr("Restoring %1…").arg(idsText()), StudioStyle::Banner::Info);
    startNext(BackupRequest::Action::Restore);
    updateButtons();
}

void RestoreDialog::onFinished(const BackupOutcome &outcome)
{
    const bool preview = outcome.request.action == BackupRequest::Action::Preview;
    const qint64 id = outcome.request.id;
    if (outcome.succeeded()) {
        m_text += tr("Backup %1:").arg(id) + u'\n' + outcome.check.toText().trimmed() + QStringLiteral("\n\n");
        m_preview->setPlainText(m_text);
        m_ok = m_ok && (preview || outcome.check.ok());
        if (++m_at < m_ids.size()) {
            startNext(outcome.request.action);
            return;
        }
    }
    m_progress->hide();
    if (outcome.cancelled()) {
        StudioStyle::setBanner(m_status, tr("Cancelled: %1. Backup %2 was not written.").arg(outcome.error->message()).arg(id),
                               StudioStyle::Banner::Note);
    } else if (!outcome.succeeded()) {
        StudioStyle::setBanner(m_status,
                               preview ? tr("Backup %1 cannot be restored now: %2").arg(id).arg(outcome.error->message())
                                       : tr("The restore of backup %1 failed and wrote nothing: %2").arg(id).arg(outcome.error->message()),
                               StudioStyle::Banner::Error);
    } else if (preview) {
        m_previewed = true;
        StudioStyle::setBanner(m_status, tr("Restoring writes the following, each backup in one transaction verified by checksum:"),
                               StudioStyle::Banner::Info);
    } else {
        m_restored = m_ok;
        StudioStyle::setBanner(m_status,
                               m_restored ? tr("Restored %1; every table's checksum matches.").arg(idsText())
                                          : tr("The restore found differences (below)."),
                               m_restored ? StudioStyle::Banner::Ok : StudioStyle::Banner::Error);
    }
    if (!preview)
        emit finishedRestore(m_restored && outcome.succeeded(), outcome.check);
    updateButtons();
}

} // namespace covet
