#pragma once

#include "studiopage.h"
#include "core/error.h"
#include "app/studiotarget.h"
#include "db/databaseurl.h"
#include "jobs/diffjob.h"
#include "views/diffsourcebar.h"

#include <QDateTime>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QSlider;
class QTableView;
class QTreeView;

namespace covet {

class CreateMigrationController;
class CreateMigrationDialog;
class DiffModel;
class RenameCandidateModel;
class RenameReviewPane;
class SqlEditor;

// The Diff view: compares a desired schema (a models file, a SQL file, the
// migration history or another connection) with the connected database.
// Above, the desired source (DiffSourceBar). Left, the tree of changes;
// right, the selected object's definition before and after, and the
// migration SQL for the dialect (copy, save, "Create migration", run by a
// CreateMigrationController). Below, the rename review (RenameReviewPane).
// Loading and diffing run in a DiffJob; a decision re-runs only the diff.
class DiffView : public StudioPage
{
    Q_OBJECT

public:
    using SourceKind = DiffSourceBar::SourceKind;

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    // The connected database and its project (may be none). The
    // desired side defaults to the project's models file. Compares at once
    // when the view is visible, else when it is shown. actualSchema: the
    // database's schema as the caller just read it (the schema browser's),
    // used instead of inspecting the database again until the next
    // setTarget() (View > Reload Schema); absent: each comparison inspects.
    void setTarget(const StudioTarget &target, const std::optional<Schema> &actualSchema = std::nullopt);
    void setDesiredSource(SourceKind kind, const QString &spec);
    QString desiredSpec() const;

    // Starts loading both sides and diffing them.
    void compare();
    bool isBusy() const;
    bool hasResult() const { return m_outcome.has_value(); }

    // Writes the rename decisions file; an error message or empty.
    QString saveDecisions(const QString &path);
    // Starts making the current changes the project's next migration: a
    // worker computes it without writing (MigrationMaker dry run, against
    // the migration history) and counts the migrations pending in the
    // database; a CreateMigrationDialog then lists its operations and says
    // how they differ from the Diff's. Only Write Migration writes the file
    // (another worker); migrationCreated() or migrationFailed() follows.
    // An error here (no project, wrong source, bad name) means nothing was
    // started.
    Status createMigration(const QString &name);
    // From the first worker until the file is written or the dialog closed.
    bool isCreatingMigration() const;
    // The confirmation while open, else null.
    CreateMigrationDialog *createMigrationDialog() const;
    // Whether the last comparison used the schema given to setTarget().
    bool reusedDatabaseSchema() const { return m_reusedSchema; }

    DiffModel *model() const { return m_model; }
    RenameCandidateModel *renameModel() const { return m_renames; }
    QTreeView *tree() const { return m_tree; }
    QTableView *renameTable() const;
    SqlEditor *sqlEditor() const { return m_sql; }
    SqlEditor *beforeEditor() const { return m_before; }
    SqlEditor *afterEditor() const { return m_after; }
    QSlider *thresholdSlider() const;
    QComboBox *sourceKindBox() const { return m_source->kindBox(); }
    QPushButton *createMigrationButton() const { return m_createMigration; }
    QString errorText() const;

signals:
    void diffShown();
    void diffFailed(const QString &message);
    void migrationCreated(const QString &path);
    void migrationFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createSqlPane();
    DiffJob::Options options() const;
    void onFinished(const DiffOutcome &outcome);
    void onFailed(const Error &error);
    void showSelected(const QModelIndex &index);
    void onThresholdChanged();
    void showError(const QString &message);
    void updateActions();

    DiffJob *m_job = nullptr;
    DiffModel *m_model = nullptr;
    RenameCandidateModel *m_renames = nullptr;
    CreateMigrationController *m_maker = nullptr;

    DiffSourceBar *m_source = nullptr;
    RenameReviewPane *m_review = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_summary = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_objectTitle = nullptr;
    SqlEditor *m_before = nullptr;
    SqlEditor *m_after = nullptr;
    SqlEditor *m_sql = nullptr;
    QPushButton *m_createMigration = nullptr;

    std::optional<DatabaseUrl> m_url;
    std::optional<ProjectConfig> m_project;
    QString projectDir() const { return m_project ? m_project->baseDirectory() : QString(); }
    std::optional<DiffOutcome> m_outcome;
    std::optional<Schema> m_actualSchema;
    QDateTime m_actualReadAt;
    bool m_reusedSchema = false;
    bool m_stale = false;
    bool m_busy = false;
};

} // namespace covet
