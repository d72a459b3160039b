#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QToolButton;

namespace covet {

class MigrateJob;

// The lower part of the Migrations view: while migrations run, a progress
// bar (migrations done of total), the operation that is running, a Cancel
// button; and a log of timestamped lines that stays after the run.
class MigrationRunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MigrationRunPanel(QWidget *parent = nullptr);

    // A run starts: resets the progress and logs its title.
    void start(const QString &title);
    void setProgress(int done, int total, const QString &migration);
    void setStep(const QString &migration, int index, int count, const QString &label);
    // The run ended; summary goes to the operation line and the log. With a
    // total, the progress bar shows the final count: "done of total
    // migrations done, <state>" (e.g. "cancelled").
    void finish(const QString &summary, bool succeeded, int done = 0, int total = 0, const QString &state = {});
    void appendLog(const QString &line);
    // One "Warning: …" line each.
    void appendWarnings(const QStringList &warnings);
    // Shows the job's progress, running operation and log lines.
    void follow(MigrateJob *job);

    QProgressBar *progressBar() const { return m_progress; }
    QLabel *operationLabel() const { return m_operation; }
    QPlainTextEdit *logView() const { return m_log; }
    QToolButton *cancelButton() const { return m_cancel; }
    QString logText() const;

signals:
    void cancelRequested();

private:
    QProgressBar *m_progress = nullptr;
    QLabel *m_operation = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QToolButton *m_cancel = nullptr;
    QString m_lastStepLine;
};

} // namespace covet
