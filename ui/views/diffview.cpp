#include "diffview.h"

#include "app/studiostyle.h"
#include "delegates/scorebardelegate.h"
#include "dialogs/createmigrationdialog.h"
#include "editors/sqleditor.h"
#include "jobs/makemigrationjob.h"
#include "runner/migrationmaker.h"
#include "migrations/projectconfig.h"
#include "models/diffmodel.h"
#include "models/renamecandidatemodel.h"
#include "sql/sqlgenerator.h"
#include "views/renamereviewtable.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <utility>

namespace covet {

namespace {

// The DDL of one table, view or enum of a schema; empty when it has none by that name.
QString objectDdl(const Schema &schema, Dialect dialect, const QString &name, const QString &ns)
{
    Schema one;
    if (const Table *t = schema.table(name, ns))
        one.tables = {*t};
    else if (const View *v = schema.view(name, ns))
        one.views = {*v};
    else if (const EnumType *e = schema.enumType(name, ns))
        one.enums = {*e};
    else
        return {};
    return SqlGenerator::create(dialect)->schemaScript(one);
}

// A bold caption over a pane.
QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("font-weight: 600; padding: 2px;"));
    return label;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *parent, QLabel **label = nullptr)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *heading = caption(title, box);
    layout->addWidget(heading);
    layout->addWidget(content, 1);
    if (label)
        *label = heading;
    return box;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent), m_job(new DiffJob(this)), m_makeJob(new MakeMigrationJob(this)), m_model(new DiffModel(this)),
      m_renames(new RenameCandidateModel(this))
{
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("diffError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StudioStyle::setBanner(m_error, QString(), StudioStyle::Banner::Error);

    // The change tree.
    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(DiffModel::DescriptionColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(DiffModel::KindColumn, QHeaderView::ResizeToContents);
    m_summary = new QLabel(tr("No comparison yet."), this);
    auto *treeBox = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(2);
    treeLayout->addWidget(m_summary);
    treeLayout->addWidget(m_tree, 1);

    // Before / after definitions.
    m_before = new SqlEditor(this);
    m_before->setObjectName(QStringLiteral("beforeEditor"));
    m_before->setReadOnly(true);
    m_after = new SqlEditor(this);
    m_after->setObjectName(QStringLiteral("afterEditor"));
    m_after->setReadOnly(true);
    auto *sideBySide = new QSplitter(Qt::Horizontal, this);
    sideBySide->addWidget(titled(tr("Before (database)"), m_before, this, &m_objectTitle));
    sideBySide->addWidget(titled(tr("After (desired)"), m_after, this));

    // The migration SQL.
    m_sql = new SqlEditor(this);
    m_sql->setObjectName(QStringLiteral("diffSqlEditor"));
    m_sql->setReadOnly(true);
    auto *sqlBox = new QWidget(this);
    auto *sqlLayout = new QVBoxLayout(sqlBox);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->setSpacing(2);
    auto *sqlBar = new QHBoxLayout;
    sqlBar->addWidget(caption(tr("Migration SQL"), sqlBox));
    sqlBar->addStretch(1);
    for (QAction *a : {m_sql->copyAction(), m_sql->saveAsAction()}) {
        auto *b = new QToolButton(sqlBox);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        sqlBar->addWidget(b);
    }
    m_createMigration = new QPushButton(StudioStyle::icon("migration-new"), tr("Create Migration…"), sqlBox);
    m_createMigration->setToolTip(tr("Write these changes as the project's next migration file"));
    m_makeProgress = new QProgressBar(sqlBox);
    m_makeProgress->setObjectName(QStringLiteral("makeMigrationProgress"));
    m_makeProgress->setMaximumWidth(140);
    m_makeProgress->setTextVisible(false);
    m_makeProgress->hide();
    sqlBar->addWidget(m_makeProgress);
    sqlBar->addWidget(m_createMigration);
    sqlLayout->addLayout(sqlBar);
    sqlLayout->addWidget(m_sql, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(sideBySide);
    right->addWidget(sqlBox);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(treeBox);
    upper->addWidget(right);
    upper->setStretchFactor(0, 2);
    upper->setStretchFactor(1, 3);
    upper->setSizes({380, 620});

    auto *main = new QSplitter(Qt::Vertical, this);
    main->setObjectName(QStringLiteral("diffSplitter"));
    main->addWidget(upper);
    main->addWidget(createRenameReview());
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createSourceBar());
    layout->addWidget(m_error);
    layout->addWidget(main, 1);

    connect(m_job, &DiffJob::finished, this, &DiffView::onFinished);
    connect(m_job, &DiffJob::failed, this, &DiffView::onFailed);
    connect(m_job, &DiffJob::cancelled, this, [this]() {
        m_busy = false;
        updateActions();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showSelected(current); });
    connect(m_renames, &RenameCandidateModel::decisionsChanged, this, [this]() {
        m_busy = m_job->rediff(options());
        updateActions();
    });
    connect(m_createMigration, &QPushButton::clicked, this, &DiffView::askToCreateMigration);
    connect(m_makeJob, &MakeMigrationJob::finished, this, &DiffView::onMigrationMade);
    connect(m_makeJob, &MakeMigrationJob::failed, this, &DiffView::onMigrationFailed);
    connect(m_makeJob, &MakeMigrationJob::progress, this, [this](int done, int total, const QString &what) {
        m_makeProgress->setRange(0, total > 0 ? total : 0);
        m_makeProgress->setValue(done);
        m_makeProgress->setToolTip(what);
    });
    updateActions();
}

DiffView::~DiffView() = default;

QWidget *DiffView::createSourceBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Desired schema:"), bar));
    m_sourceKind = new QComboBox(bar);
    m_sourceKind->addItem(StudioStyle::icon("folder"), tr("Models file"), int(SourceKind::ModelsFile));
    m_sourceKind->addItem(StudioStyle::icon("table"), tr("SQL file"), int(SourceKind::SqlFile));
    m_sourceKind->addItem(StudioStyle::icon("reload"), tr("Migration history"), int(SourceKind::MigrationHistory));
    m_sourceKind->addItem(StudioStyle::icon("database"), tr("Another connection"), int(SourceKind::Connection));
    layout->addWidget(m_sourceKind);
    m_sourceEdit = new QLineEdit(bar);
    m_sourceEdit->setObjectName(QStringLiteral("desiredSpec"));
    m_sourceEdit->setClearButtonEnabled(true);
    layout->addWidget(m_sourceEdit, 1);
    m_browseButton = new QToolButton(bar);
    m_browseButton->setIcon(StudioStyle::icon("open-project"));
    m_browseButton->setToolTip(tr("Choose the file or directory"));
    layout->addWidget(m_browseButton);
    layout->addWidget(new QLabel(tr("against the connected database"), bar));
    m_compareButton = new QPushButton(StudioStyle::icon("diff"), tr("Compare"), bar);
    m_compareButton->setDefault(true);
    layout->addWidget(m_compareButton);

    connect(m_sourceKind, &QComboBox::currentIndexChanged, this, &DiffView::onSourceKindChanged);
    connect(m_browseButton, &QToolButton::clicked, this, &DiffView::browse);
    connect(m_compareButton, &QPushButton::clicked, this, &DiffView::compare);
    connect(m_sourceEdit, &QLineEdit::returnPressed, this, &DiffView::compare);
    connect(m_sourceEdit, &QLineEdit::textChanged, this, &DiffView::updateActions);
    return bar;
}

QWidget *DiffView::createRenameReview()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->addWidget(caption(tr("Rename review"), box));
    bar->addStretch(1);
    m_acceptButton = new QPushButton(StudioStyle::icon("check"), tr("Accept"), box);
    m_acceptButton->setObjectName(QStringLiteral("acceptRename"));
    m_acceptButton->setToolTip(tr("Treat the selected pair as a rename"));
    m_rejectButton = new QPushButton(StudioStyle::icon("cancel"), tr("Reject"), box);
    m_rejectButton->setObjectName(QStringLiteral("rejectRename"));
    m_rejectButton->setToolTip(tr("Treat the selected pair as a drop and an add"));
    bar->addWidget(m_acceptButton);
    bar->addWidget(m_rejectButton);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Threshold:"), box));
    m_threshold = new QSlider(Qt::Horizontal, box);
    m_threshold->setObjectName(QStringLiteral("thresholdSlider"));
    m_threshold->setRange(0, 100);
    m_threshold->setValue(80);
    m_threshold->setFixedWidth(160);
    m_threshold->setToolTip(tr("Candidates scoring at least this are accepted unless decided otherwise"));
    bar->addWidget(m_threshold);
    m_thresholdLabel = new QLabel(box);
    m_thresholdLabel->setMinimumWidth(m_thresholdLabel->fontMetrics().horizontalAdvance(QStringLiteral("100%")) + 4);
    bar->addWidget(m_thresholdLabel);
    bar->addSpacing(12);
    m_saveDecisionsButton = new QPushButton(StudioStyle::icon("save"), tr("Save Decisions…"), box);
    m_saveDecisionsButton->setObjectName(QStringLiteral("saveDecisions"));
    m_saveDecisionsButton->setToolTip(tr("Save the accepted and rejected renames as a file for covet diff --renames"));
    bar->addWidget(m_saveDecisionsButton);
    layout->addLayout(bar);

    m_renameTable = new RenameReviewTable(m_renames, box);
    m_scoreDelegate = new ScoreBarDelegate(RenameCandidateModel::ScoreRole, this);
    m_renameTable->setItemDelegateForColumn(RenameCandidateModel::ScoreColumn, m_scoreDelegate);
    layout->addWidget(m_renameTable, 1);

    connect(m_acceptButton, &QPushButton::clicked, this, [this]() { setVerdictForSelection(true); });
    connect(m_rejectButton, &QPushButton::clicked, this, [this]() { setVerdictForSelection(false); });
    connect(m_saveDecisionsButton, &QPushButton::clicked, this, &DiffView::askToSaveDecisions);
    connect(m_threshold, &QSlider::valueChanged, this, &DiffView::onThresholdChanged);
    connect(m_renameTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DiffView::updateActions);
    showThreshold();
    return box;
}

DiffJob::Options DiffView::options() const
{
    DiffJob::Options o;
    o.renames.threshold = m_threshold->value() / 100.0;
    o.decisions = m_renames->decisions();
    return o;
}

QString DiffView::defaultSpec(SourceKind kind) const
{
    const auto &config = m_project;
    if (!config)
        return {};
    switch (kind) {
    case SourceKind::ModelsFile: return config->modelsPath();
    case SourceKind::MigrationHistory: return config->migrationsPath();
    case SourceKind::SqlFile:
    case SourceKind::Connection: return {};
    }
    return {};
}

void DiffView::setTarget(const StudioTarget &target, const std::optional<Schema> &actualSchema)
{
    const bool newProject = target.projectDir() != projectDir();
    m_url = target.url;
    m_project = target.project;
    m_actualSchema = actualSchema;
    m_actualReadAt = QDateTime::currentDateTime();
    if (newProject || m_sourceEdit->text().isEmpty()) {
        if (const auto &config = m_project) {
            QSignalBlocker block(m_threshold);
            m_threshold->setValue(qRound(config->renameThreshold() * 100));
            showThreshold();
        }
        m_sourceEdit->setText(defaultSpec(SourceKind(m_sourceKind->currentData().toInt())));
    }
    m_stale = true;
    updateActions();
    if (isVisible())
        compare();
}

void DiffView::setDesiredSource(SourceKind kind, const QString &spec)
{
    QSignalBlocker block(m_sourceKind);
    m_sourceKind->setCurrentIndex(m_sourceKind->findData(int(kind)));
    m_sourceEdit->setText(spec);
    m_stale = true;
    updateActions();
}

QString DiffView::desiredSpec() const
{
    return m_sourceEdit->text().trimmed();
}

void DiffView::onSourceKindChanged()
{
    const auto kind = SourceKind(m_sourceKind->currentData().toInt());
    m_sourceEdit->setText(defaultSpec(kind));
    m_sourceEdit->setPlaceholderText(kind == SourceKind::Connection
                                         ? tr("postgresql://user@host/db, mysql://user@host/db or sqlite:file.db")
                                         : QString());
    m_browseButton->setEnabled(kind != SourceKind::Connection);
    m_stale = true;
    updateActions();
}

void DiffView::browse()
{
    const auto kind = SourceKind(m_sourceKind->currentData().toInt());
    const QString start = desiredSpec().isEmpty() ? projectDir() : QFileInfo(desiredSpec()).absolutePath();
    QString chosen;
    if (kind == SourceKind::MigrationHistory)
        chosen = QFileDialog::getExistingDirectory(this, tr("Choose the Migrations Directory"), start);
    else if (kind == SourceKind::SqlFile)
        chosen = QFileDialog::getOpenFileName(this, tr("Choose a SQL File"), start, tr("SQL files (*.sql)"));
    else
        chosen = QFileDialog::getOpenFileName(this, tr("Choose a Models File"), start,
                                              tr("Models files (*.yaml *.yml);;Schema JSON (*.json)"));
    if (!chosen.isEmpty()) {
        m_sourceEdit->setText(chosen);
        compare();
    }
}

void DiffView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_busy && m_url && !desiredSpec().isEmpty())
        compare();
}

void DiffView::compare()
{
    if (!m_url) {
        showError(tr("Connect to a database first: the diff compares the desired schema with it."));
        return;
    }
    if (desiredSpec().isEmpty()) {
        showError(tr("Choose the desired schema: a models file, a SQL file, a migrations directory or a database URL."));
        return;
    }
    m_error->hide();
    m_stale = false;
    m_busy = true;
    m_summary->setText(tr("Comparing %1 with %2…").arg(QFileInfo(desiredSpec()).fileName(), m_url->display()));
    // The schema the main window read is reused: one read serves every
    // view, and View > Reload Schema reads it again for all of them.
    m_reusedSchema = m_actualSchema.has_value();
    m_job->start(desiredSpec(), *m_url, options(), m_actualSchema);
    updateActions();
}

bool DiffView::isBusy() const
{
    return m_busy || m_job->isRunning() || isCreatingMigration();
}

QString DiffView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void DiffView::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    emit diffFailed(message);
}

void DiffView::onFinished(const DiffOutcome &outcome)
{
    m_busy = false;
    m_error->hide();
    // Keep the selected object selected across a re-diff.
    const QModelIndex current = m_tree->currentIndex();
    const QString selectedName = current.isValid() ? current.data(DiffModel::ObjectNameRole).toString() : QString();
    const QString selectedSchema = current.isValid() ? current.data(DiffModel::ObjectSchemaRole).toString() : QString();

    m_outcome = outcome;
    const Dialect dialect = outcome.sides->dialect;
    m_sql->setDialect(dialect);
    m_before->setDialect(dialect);
    m_after->setDialect(dialect);
    m_model->setOperations(outcome.result.operations);
    // Every object open, unless there are so many that opening them would
    // only bury the list (and stall the view): then one at a time.
    if (m_model->objectCount() <= 300)
        m_tree->expandAll();
    m_renames->setCandidates(outcome.result.renameCandidates);
    m_sql->setSql(outcome.result.isEmpty() ? tr("-- No differences: the database matches the desired schema.\n") : outcome.sql);
    m_summary->setText(outcome.result.isEmpty()
                           ? tr("No differences.")
                           : tr("%n change(s) in %1 object(s)", nullptr, int(outcome.result.operations.size()))
                                 .arg(m_model->objectCount()));
    m_summary->setToolTip(m_reusedSchema ? tr("Compared with the database's schema as read at %1; View > Reload Schema reads it again.")
                                               .arg(QLocale().toString(m_actualReadAt.time(), QLocale::LongFormat))
                                         : tr("Compared with the database's schema as read just now."));

    QModelIndex select = selectedName.isEmpty() ? QModelIndex() : m_model->objectIndex(selectedName, selectedSchema);
    // First show an object with a rename: that is what needs a person's review.
    for (int r = 0; !select.isValid() && r < m_model->rowCount(); ++r) {
        const QModelIndex object = m_model->index(r, 0);
        for (int c = 0; c < m_model->rowCount(object); ++c)
            if (m_model->index(c, 0, object).data(DiffModel::ChangeKindRole).toInt() == int(DiffModel::ChangeKind::Renamed))
                select = object;
    }
    if (!select.isValid())
        select = m_model->index(0, 0);
    if (select.isValid())
        m_tree->setCurrentIndex(select);
    else
        showSelected({});
    updateActions();
    emit diffShown();
}

void DiffView::onFailed(const Error &error)
{
    m_busy = false;
    m_outcome.reset();
    m_model->clear();
    m_renames->setCandidates({});
    m_sql->setSql(QString());
    m_before->setSql(QString());
    m_after->setSql(QString());
    m_summary->setText(tr("The comparison failed."));
    showError(tr("Could not compare %1 with the database.\n%2").arg(desiredSpec(), error.toString()));
    updateActions();
}

void DiffView::showSelected(const QModelIndex &index)
{
    if (!index.isValid() || !m_outcome) {
        m_objectTitle->setText(tr("Before (database)"));
        m_before->setSql(QString());
        m_after->setSql(QString());
        return;
    }
    const DiffSides &sides = *m_outcome->sides;
    const QString name = index.data(DiffModel::ObjectNameRole).toString();
    const QString oldName = index.data(DiffModel::OldObjectNameRole).toString();
    const QString ns = index.data(DiffModel::ObjectSchemaRole).toString();
    const QString before = objectDdl(sides.actual, sides.dialect, oldName.isEmpty() ? name : oldName, ns);
    const QString after = objectDdl(sides.desired, sides.dialect, name, ns);
    m_objectTitle->setText(tr("Before (database): %1").arg(oldName.isEmpty() ? name : oldName));
    m_before->setSql(before.isEmpty() ? tr("-- %1 is not in the database.\n").arg(name) : before);
    m_after->setSql(after.isEmpty() ? tr("-- %1 is not in the desired schema.\n").arg(name) : after);
}

void DiffView::setVerdictForSelection(bool accept)
{
    const QModelIndex current = m_renameTable->currentIndex();
    if (current.isValid())
        m_renames->setVerdict(current.row(), accept ? RenameDecisions::Verdict::Accept : RenameDecisions::Verdict::Reject);
}

void DiffView::showThreshold()
{
    m_thresholdLabel->setText(tr("%1%").arg(m_threshold->value()));
    m_scoreDelegate->setThreshold(m_threshold->value() / 100.0);
    m_renameTable->viewport()->update();
}

void DiffView::onThresholdChanged()
{
    showThreshold();
    if (m_job->rediff(options()))
        m_busy = true;
    updateActions();
}

QString DiffView::saveDecisions(const QString &path)
{
    const Status saved = m_renames->decisions().save(path);
    return saved ? QString() : saved.error().toString();
}

void DiffView::askToSaveDecisions()
{
    const QString start = m_project ? QDir(projectDir()).filePath(QStringLiteral("renames.yaml")) : QStringLiteral("renames.yaml");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Rename Decisions"), start, tr("Decisions files (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    const QString error = saveDecisions(path);
    if (!error.isEmpty())
        showError(tr("Could not save the rename decisions.\n%1").arg(error));
}

Status DiffView::createMigration(const QString &name)
{
    if (!m_project)
        return fail(Error::Category::InvalidInput, tr("creating a migration needs a project (covet.yaml); open one"), m_url ? m_url->display() : QString());
    const auto kind = SourceKind(m_sourceKind->currentData().toInt());
    if (kind != SourceKind::ModelsFile && kind != SourceKind::SqlFile)
        return fail(Error::Category::InvalidInput,
                    tr("a migration is made from a models file or a SQL file; choose one as the desired schema"), desiredSpec());
    QString slug = name.trimmed().toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("_"));
    slug.remove(QRegularExpression(QStringLiteral("^_+|_+$")));
    if (!name.trimmed().isEmpty() && !MigrationMaker::isValidName(slug))
        return fail(Error::Category::InvalidInput, tr("the migration needs a name of letters, digits or '_'"), name);
    if (isCreatingMigration())
        return fail(Error::Category::Conflict, tr("a migration is being written already; wait for it"), desiredSpec());

    // The engine diffs the migration history (not the database, which may
    // lag behind it) against the desired schema, with the same rename
    // threshold and decisions as shown here, and writes the next file.
    // First computed only (dry run), shown, and written on confirmation.
    MakeMigrationsOptions options;
    options.modelsPath = desiredSpec();
    options.name = slug;
    options.renames = this->options().renames;
    m_writeOptions = options;
    options.dryRun = true;
    m_previewing = true;
    m_makeJob->start(*m_project, options, m_renames->decisions(), m_url);
    m_makeProgress->setRange(0, 0);
    m_makeProgress->show();
    m_summary->setText(tr("Computing the next migration…"));
    updateActions();
    return {};
}

bool DiffView::isCreatingMigration() const
{
    return m_makeJob->isRunning() || (m_confirmDialog && m_confirmDialog->isVisible());
}

CreateMigrationDialog *DiffView::createMigrationDialog() const
{
    return m_confirmDialog && m_confirmDialog->isVisible() ? m_confirmDialog.data() : nullptr;
}

void DiffView::onMigrationMade(const MakeMigrationsResult &made)
{
    m_makeProgress->hide();
    const bool preview = std::exchange(m_previewing, false);
    if (!made.hasChanges()) {
        m_writeOptions.reset();
        updateActions();
        onMigrationFailed(Error(Error::Category::InvalidInput,
                                tr("nothing to write: the migration history already matches the desired schema"), desiredSpec()));
        return;
    }
    if (preview) {
        m_writeOptions->expectedOperations = made.migration->operations;   // write only what is reviewed
        return confirmMigration(made);
    }
    m_writeOptions.reset();
    updateActions();
    m_summary->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(made.path)));
    emit migrationCreated(made.path);
}

void DiffView::confirmMigration(const MakeMigrationsResult &preview)
{
    const OperationList diffOperations = m_outcome ? m_outcome->result.operations : OperationList();
    m_confirmDialog = new CreateMigrationDialog(QFileInfo(preview.path).fileName(), preview.migration->operations, diffOperations,
                                                m_makeJob->pendingMigrations(), m_url ? m_url->display() : QString(), this);
    m_confirmDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmDialog, &QDialog::accepted, this, &DiffView::writeMigration);
    connect(m_confirmDialog, &QDialog::rejected, this, [this]() {
        m_writeOptions.reset();
        m_summary->setText(tr("No migration written."));
    });
    connect(m_confirmDialog, &QDialog::finished, this, &DiffView::updateActions);
    m_summary->setText(tr("Review the migration before it is written."));
    m_confirmDialog->open();
    updateActions();
}

void DiffView::writeMigration()
{
    if (!m_writeOptions || !m_project)
        return onMigrationFailed(Error(Error::Category::InvalidInput, tr("the project is gone; open it again"), projectDir()));
    m_makeJob->start(*m_project, *m_writeOptions, m_renames->decisions());
    m_makeProgress->show();
    m_summary->setText(tr("Writing the next migration…"));
    updateActions();
}

void DiffView::onMigrationFailed(const Error &error)
{
    m_previewing = false;
    m_writeOptions.reset();
    m_makeProgress->hide();
    updateActions();
    const QString message = tr("Could not create the migration.\n%1").arg(error.toString());
    m_summary->setText(tr("No migration written."));
    m_error->setText(message);
    m_error->show();
    emit migrationFailed(message);
}

void DiffView::askToCreateMigration()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Create Migration"),
                                               tr("Name of the migration (lowercase letters, digits, _; empty: derived from the changes):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (auto started = createMigration(name); !started)
        showError(tr("Could not create the migration.\n%1").arg(started.error().toString()));
}

void DiffView::updateActions()
{
    const bool haveChanges = m_outcome && !m_outcome->result.isEmpty();
    m_compareButton->setEnabled(m_url.has_value() && !desiredSpec().isEmpty());
    const auto kind = SourceKind(m_sourceKind->currentData().toInt());
    m_createMigration->setEnabled(haveChanges && !m_busy && !isCreatingMigration() && m_project
                                  && (kind == SourceKind::ModelsFile || kind == SourceKind::SqlFile));
    const bool rowSelected = m_renameTable->selectionModel()->hasSelection();
    m_acceptButton->setEnabled(rowSelected);
    m_rejectButton->setEnabled(rowSelected);
    m_saveDecisionsButton->setEnabled(!m_renames->decisions().isEmpty());
}

} // namespace covet
