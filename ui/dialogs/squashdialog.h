#pragma once

#include "app/studiostyle.h"
#include "jobs/squashjob.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace covet {

class SqlEditor;

// Squash… in the Migrations view: the range (from, to, and how many of the
// newest to keep out), the squashed migration's name (the engine's default
// until one is typed), Preview (SquashProject::plan on a SquashJob: the
// operations before → after and the reduction, the proof on the in-memory
// replay and on a scratch database, the conflicts, the YAML that would be
// written) and Write (Squasher::write, which never overwrites), enabled only
// for a previewed plan that is proven and conflict-free.
class SquashDialog : public QDialog
{
    Q_OBJECT

public:
    SquashDialog(const ProjectConfig &config, const QString &url, QWidget *parent = nullptr);

    bool isBusy() const { return m_job->isRunning(); }
    bool isLoaded() const { return m_project.has_value(); }
    const std::optional<SquashPlan> &plan() const { return m_plan; }
    QString writtenPath() const { return m_written; }

    QComboBox *fromCombo() const { return m_from; }
    QComboBox *toCombo() const { return m_to; }
    QSpinBox *keepRecentSpin() const { return m_keep; }
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *writeButton() const { return m_writeButton; }
    SqlEditor *yamlViewer() const { return m_yaml; }
    QString figuresText() const;
    QString proofText() const;
    QString conflictsText() const;
    QString statusText() const;

public slots:
    void preview();
    void write();

signals:
    void loaded();
    void previewed();   // plan() empty: the range could not be planned (statusText() says why)
    // A squashed migration was written to `path` (its id: `id`).
    void written(const QString &path, const QString &id);

private:
    SquashRequest request() const;
    void onFinished(const SquashOutcome &outcome);
    void fillRange(const SquashProject &project);
    void inputsChanged();
    void showPlan(const SquashPlan &plan, const QByteArray &yaml);
    void setStatus(const QString &text, StudioStyle::Banner banner);
    void updateButtons();

    SquashJob *m_job = nullptr;
    ProjectConfig m_config;
    QString m_url;
    std::optional<SquashProject> m_project;
    std::optional<SquashPlan> m_plan;
    QString m_written;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QSpinBox *m_keep = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_figures = nullptr;
    QLabel *m_proof = nullptr;
    QLabel *m_conflicts = nullptr;
    SqlEditor *m_yaml = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_writeButton = nullptr;
};

} // namespace covet
