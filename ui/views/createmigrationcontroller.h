#pragma once

#include "core/error.h"
#include "db/databaseurl.h"
#include "diff/renamecandidate.h"
#include "migrations/projectconfig.h"
#include "operations/operation.h"
#include "runner/migrationmaker.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QProgressBar;
class QWidget;

namespace covet {

class CreateMigrationDialog;
class MakeMigrationJob;
class RenameCandidateModel;

// The Diff view's Create Migration: makes the current changes the project's
// next migration. A MakeMigrationJob first computes it without writing
// (MigrationMaker dry run, against the migration history) and counts the
// migrations pending in the database; a CreateMigrationDialog then lists its
// operations and says how they differ from the Diff's. Only Write Migration
// writes the file (the job again, expecting exactly the reviewed
// operations). The progress bar is the caller's to place.
class CreateMigrationController : public QObject
{
    Q_OBJECT

public:
    // What the Diff view shows when asked.
    struct Desired
    {
        QString spec;              // the models file or SQL file
        bool fromFile = false;     // false: another kind of source, which makes no migration
        RenameOptions renames;
        OperationList diffOperations;
    };

    CreateMigrationController(RenameCandidateModel *renames, std::function<Desired()> desired, QWidget *parent);
    ~CreateMigrationController() override;

    void setTarget(const std::optional<ProjectConfig> &project, const std::optional<DatabaseUrl> &url);
    // Starts; an error (no project, wrong source, bad name) means nothing was started.
    Status start(const QString &name);
    // Asks for the name, then start()s; startFailed() says why it did not.
    void ask();
    // From the first worker until the file is written or the dialog closed.
    bool isCreating() const;
    // The confirmation while open, else null.
    CreateMigrationDialog *dialog() const;
    QProgressBar *progressBar() const { return m_progress; }

signals:
    void status(const QString &summary);
    // Whether isCreating() may have changed.
    void stateChanged();
    void created(const QString &path);
    void failed(const QString &message);
    void startFailed(const QString &message);

private:
    void onMade(const MakeMigrationsResult &made);
    void confirm(const MakeMigrationsResult &preview);
    void write();
    void onFailed(const Error &error);

    QWidget *m_parent = nullptr;
    RenameCandidateModel *m_renames = nullptr;
    std::function<Desired()> m_desired;
    MakeMigrationJob *m_job = nullptr;
    QProgressBar *m_progress = nullptr;
    std::optional<MakeMigrationsOptions> m_writeOptions;   // set while a migration is previewed or confirmed
    bool m_previewing = false;
    QPointer<CreateMigrationDialog> m_dialog;
    std::optional<ProjectConfig> m_project;
    std::optional<DatabaseUrl> m_url;
};

} // namespace covet
