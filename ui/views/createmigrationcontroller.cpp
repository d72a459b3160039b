#include "createmigrationcontroller.h"

#include "dialogs/createmigrationdialog.h"
#include "jobs/makemigrationjob.h"
#include "models/renamecandidatemodel.h"

#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QProgressBar>
#include <QRegularExpression>

#include <utility>

namespace covet {

CreateMigrationController::CreateMigrationController(RenameCandidateModel *renames, std::function<Desired()> desired, QWidget *parent)
    : QObject(parent), m_parent(parent), m_renames(renames), m_desired(std::move(desired)), m_job(new MakeMigrationJob(this))
{
    m_progress = new QProgressBar(parent);
    m_progress->setObjectName(QStringLiteral("makeMigrationProgress"));
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();

    connect(m_job, &MakeMigrationJob::finished, this, &CreateMigrationController::onMade);
    connect(m_job, &MakeMigrationJob::failed, this, &CreateMigrationController::onFailed);
    connect(m_job, &MakeMigrationJob::progress, this, [this](int done, int total, const QString &what) {
        m_progress->setRange(0, total > 0 ? total : 0);
        m_progress->setValue(done);
        m_progress->setToolTip(what);
    });
}

CreateMigrationController::~CreateMigrationController() = default;

void CreateMigrationController::setTarget(const std::optional<ProjectConfig> &project, const std::optional<DatabaseUrl> &url)
{
    m_project = project;
    m_url = url;
}

Status CreateMigrationController::start(const QString &name)
{
    const Desired desired = m_desired();
    if (!m_project)
        return fail(Error::Category::InvalidInput, tr("creating a migration needs a project (covet.yaml); open one"), m_url ? m_url->display() : QString());
    if (!desired.fromFile)
        return fail(Error::Category::InvalidInput,
                    tr("a migration is made from a models file or a SQL file; choose one as the desired schema"), desired.spec);
    QString slug = name.trimmed().toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("_"));
    slug.remove(QRegularExpression(QStringLiteral("^_+|_+$")));
    if (!name.trimmed().isEmpty() && !MigrationMaker::isValidName(slug))
        return fail(Error::Category::InvalidInput, tr("the migration needs a name of letters, digits or '_'"), name);
    if (isCreating())
        return fail(Error::Category::Conflict, tr("a migration is being written already; wait for it"), desired.spec);

    // The engine diffs the migration history (not the database, which may
    // lag behind it) against the desired schema, with the same rename
    // threshold and decisions as shown here, and writes the next file.
    // First computed only (dry run), shown, and written on confirmation.
    MakeMigrationsOptions options;
    options.modelsPath = desired.spec;
    options.name = slug;
    options.renames = desired.renames;
    m_writeOptions = options;
    options.dryRun = true;
    m_previewing = true;
    m_job->start(*m_project, options, m_renames->decisions(), m_url);
    m_progress->setRange(0, 0);
    m_progress->show();
    emit status(tr("Computing the next migration…"));
    emit stateChanged();
    return {};
}

void CreateMigrationController::ask()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_parent, tr("Create Migration"),
                                               tr("Name of the migration (lowercase letters, digits, _; empty: derived from the changes):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (auto started = start(name); !started)
        emit startFailed(tr("Could not create the migration.\n%1").arg(started.error().toString()));
}

bool CreateMigrationController::isCreating() const
{
    return m_job->isRunning() || (m_dialog && m_dialog->isVisible());
}

CreateMigrationDialog *CreateMigrationController::dialog() const
{
    return m_dialog && m_dialog->isVisible() ? m_dialog.data() : nullptr;
}

void CreateMigrationController::onMade(const MakeMigrationsResult &made)
{
    m_progress->hide();
    const bool preview = std::exchange(m_previewing, false);
    if (!made.hasChanges()) {
        m_writeOptions.reset();
        emit stateChanged();
        onFailed(Error(Error::Category::InvalidInput, tr("nothing to write: the migration history already matches the desired schema"),
                       m_desired().spec));
        return;
    }
    if (preview) {
        m_writeOptions->expectedOperations = made.migration->operations;   // write only what is reviewed
        return confirm(made);
    }
    m_writeOptions.reset();
    emit stateChanged();
    emit status(tr("Wrote %1").arg(QDir::toNativeSeparators(made.path)));
    emit created(made.path);
}

void CreateMigrationController::confirm(const MakeMigrationsResult &preview)
{
    m_dialog = new CreateMigrationDialog(QFileInfo(preview.path).fileName(), preview.migration->operations, m_desired().diffOperations,
                                         m_job->pendingMigrations(), m_url ? m_url->display() : QString(), m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, &CreateMigrationController::write);
    connect(m_dialog, &QDialog::rejected, this, [this]() {
        m_writeOptions.reset();
        emit status(tr("No migration written."));
    });
    connect(m_dialog, &QDialog::finished, this, &CreateMigrationController::stateChanged);
    emit status(tr("Review the migration before it is written."));
    m_dialog->open();
    emit stateChanged();
}

void CreateMigrationController::write()
{
    if (!m_writeOptions || !m_project)
        return onFailed(Error(Error::Category::InvalidInput, tr("the project is gone; open it again"),
                              m_project ? m_project->baseDirectory() : QString()));
    m_job->start(*m_project, *m_writeOptions, m_renames->decisions());
    m_progress->show();
    emit status(tr("Writing the next migration…"));
    emit stateChanged();
}

void CreateMigrationController::onFailed(const Error &error)
{
    m_previewing = false;
    m_writeOptions.reset();
    m_progress->hide();
    emit stateChanged();
    emit status(tr("No migration written."));
    emit failed(tr("Could not create the migration.\n%1").arg(error.toString()));
}

} // namespace covet
