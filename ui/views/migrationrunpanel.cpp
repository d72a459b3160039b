#include "migrationrunpanel.h"

#include "app/studiostyle.h"
#include "jobs/migratejob.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTime>
#include <QToolButton>

namespace covet {

MigrationRunPanel::MigrationRunPanel(QWidget *parent) : QWidget(parent)
{
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("migrationProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("No run yet"));
    m_progress->setTextVisible(true);

    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setIcon(StudioStyle::icon("cancel"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setToolTip(tr("Stop before the next operation; a migration in progress is rolled back and stays pending, "
                            "finished migrations stay applied"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QToolButton::clicked, this, &MigrationRunPanel::cancelRequested);

    m_operation = new QLabel(tr("Apply or dry-run pending migrations; their progress and log appear here."), this);
    m_operation->setObjectName(QStringLiteral("currentOperation"));
    m_operation->setTextFormat(Qt::PlainText);
    m_operation->setMinimumWidth(100);
    m_operation->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("migrationLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(10000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Log"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addWidget(m_progress, 0, 0);
    layout->addWidget(m_cancel, 0, 1);
    layout->addWidget(m_operation, 1, 0, 1, 2);
    layout->addWidget(m_log, 2, 0, 1, 2);
    layout->setRowStretch(2, 1);
    layout->setColumnStretch(0, 1);
}

void MigrationRunPanel::appendLog(const QString &line)
{
    // The stepwise runner logs each operation too; the step line has it.
    if (line.trimmed().isEmpty() || (!m_lastStepLine.isEmpty() && line.trimmed() == m_lastStepLine))
        return;
    m_log->appendPlainText(QStringLiteral("[%1] %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void MigrationRunPanel::appendWarnings(const QStringList &warnings)
{
    for (const QString &w : warnings)
        appendLog(tr("Warning: %1").arg(w));
}

void MigrationRunPanel::follow(MigrateJob *job)
{
    connect(job, &MigrateJob::progress, this, &MigrationRunPanel::setProgress);
    connect(job, &MigrateJob::stepStarted, this, &MigrationRunPanel::setStep);
    connect(job, &MigrateJob::logLine, this, &MigrationRunPanel::appendLog);
}

QString MigrationRunPanel::logText() const
{
    return m_log->toPlainText();
}

void MigrationRunPanel::start(const QString &title)
{
    m_progress->setRange(0, 0);   // busy until the runner reports a total
    m_progress->setValue(0);
    m_progress->setFormat(tr("Starting…"));
    m_operation->setText(title);
    m_cancel->setEnabled(true);
    m_lastStepLine.clear();
    appendLog(title);
}

void MigrationRunPanel::setProgress(int done, int total, const QString &migration)
{
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(total > 0 ? done : 1);
    m_progress->setFormat(tr("%1 of %n migration(s)", nullptr, total).arg(done));
    if (!migration.isEmpty())
        m_operation->setText(tr("%1: starting").arg(migration));
}

void MigrationRunPanel::setStep(const QString &migration, int index, int count, const QString &label)
{
    // The runner's label of an operation already says "operation i of n
    // (what it does)"; a statement of a .sql migration says where it is.
    const bool counted = label.contains(QStringLiteral("%1 of %2").arg(index + 1).arg(count));
    const QString line = counted ? tr("%1: %2").arg(migration, label)
                                 : tr("%1: operation %2 of %3: %4").arg(migration).arg(index + 1).arg(count).arg(label);
    m_operation->setText(line);
    m_operation->setToolTip(line);
    m_lastStepLine = label.trimmed();
    appendLog(QStringLiteral("  ") + line);
}

void MigrationRunPanel::finish(const QString &summary, bool succeeded, int done, int total, const QString &state)
{
    m_cancel->setEnabled(false);
    if (total > 0) {   // the final count of an apply run
        m_progress->setRange(0, total);
        m_progress->setValue(qBound(0, done, total));
        m_progress->setFormat(tr("%1 of %n migration(s) done, %2", nullptr, total).arg(done).arg(state));
    } else if (m_progress->maximum() == 0) {   // no total came: a dry run, or it stopped before the first migration
        m_progress->setRange(0, 1);
        m_progress->setValue(succeeded ? 1 : 0);
        m_progress->setFormat(succeeded ? tr("Done") : tr("Stopped"));
    }
    m_operation->setText(summary);
    m_operation->setToolTip(summary);
    appendLog(summary);
    m_lastStepLine.clear();
}

} // namespace covet
