#include "diffview.h"

#include "app/studiostyle.h"
#include "dialogs/createmigrationdialog.h"
#include "editors/sqleditor.h"
#include "migrations/projectconfig.h"
#include "models/diffmodel.h"
#include "models/renamecandidatemodel.h"
#include "sql/sqlgenerator.h"
#include "views/createmigrationcontroller.h"
#include "views/renamereviewpane.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

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

QWidget *titled(const QString &title, QWidget *content, QWidget *parent, QLabel **label = nullptr)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *heading = StudioStyle::caption(title, box);
    layout->addWidget(heading);
    layout->addWidget(content, 1);
    if (label)
        *label = heading;
    return box;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : StudioPage(parent), m_job(new DiffJob(this)), m_model(new DiffModel(this)), m_renames(new RenameCandidateModel(this))
{
    m_maker = new CreateMigrationController(
        m_renames,
        [this]() {
            return CreateMigrationController::Desired{desiredSpec(), m_source->canMakeMigration(), options().renames,
                                                      m_outcome ? m_outcome->result.operations : OperationList()};
        },
        this);
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

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(sideBySide);
    right->addWidget(createSqlPane());
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
    m_review = new RenameReviewPane(m_renames, main);
    main->addWidget(m_review);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 1);

    m_source = new DiffSourceBar(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_source);
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
    connect(m_source, &DiffSourceBar::kindChanged, this, [this]() {
        m_stale = true;
        updateActions();
    });
    connect(m_source, &DiffSourceBar::specEdited, this, &DiffView::updateActions);
    connect(m_source, &DiffSourceBar::compareRequested, this, &DiffView::compare);
    connect(m_review, &RenameReviewPane::thresholdChanged, this, &DiffView::onThresholdChanged);
    connect(m_review, &RenameReviewPane::saveFailed, this, &DiffView::showError);
    connect(m_createMigration, &QPushButton::clicked, m_maker, &CreateMigrationController::ask);
    connect(m_maker, &CreateMigrationController::status, m_summary, &QLabel::setText);
    connect(m_maker, &CreateMigrationController::stateChanged, this, &DiffView::updateActions);
    connect(m_maker, &CreateMigrationController::created, this, &DiffView::migrationCreated);
    connect(m_maker, &CreateMigrationController::startFailed, this, &DiffView::showError);
    connect(m_maker, &CreateMigrationController::failed, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
        emit migrationFailed(message);
    });
    updateActions();
}

DiffView::~DiffView() = default;

// The migration SQL, with Copy, Save As and Create Migration.
QWidget *DiffView::createSqlPane()
{
    m_sql = new SqlEditor(this);
    m_sql->setObjectName(QStringLiteral("diffSqlEditor"));
    m_sql->setReadOnly(true);
    auto *sqlBox = new QWidget(this);
    auto *sqlLayout = new QVBoxLayout(sqlBox);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->setSpacing(2);
    auto *sqlBar = new QHBoxLayout;
    sqlBar->addWidget(StudioStyle::caption(tr("Migration SQL"), sqlBox));
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
    sqlBar->addWidget(m_maker->progressBar());
    sqlBar->addWidget(m_createMigration);
    sqlLayout->addLayout(sqlBar);
    sqlLayout->addWidget(m_sql, 1);
    return sqlBox;
}

QTableView *DiffView::renameTable() const
{
    return m_review->table();
}

QSlider *DiffView::thresholdSlider() const
{
    return m_review->slider();
}

DiffJob::Options DiffView::options() const
{
    DiffJob::Options o;
    o.renames.threshold = m_review->threshold();
    o.decisions = m_renames->decisions();
    return o;
}

void DiffView::setTarget(const StudioTarget &target, const std::optional<Schema> &actualSchema)
{
    const bool newProject = target.projectDir() != projectDir();
    m_url = target.url;
    m_project = target.project;
    m_source->setProject(m_project);
    m_review->setProjectDirectory(projectDir());
    m_maker->setTarget(m_project, m_url);
    m_actualSchema = actualSchema;
    m_actualReadAt = QDateTime::currentDateTime();
    if (newProject || desiredSpec().isEmpty()) {
        if (const auto &config = m_project)
            m_review->setThreshold(config->renameThreshold());
        m_source->resetSpec();
    }
    m_stale = true;
    updateActions();
    if (isVisible())
        compare();
}

void DiffView::setDesiredSource(SourceKind kind, const QString &spec)
{
    m_source->setSource(kind, spec);
    m_stale = true;
    updateActions();
}

QString DiffView::desiredSpec() const
{
    return m_source->spec();
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
void DiffView::onThresholdChanged()
{
    if (m_job->rediff(options()))
        m_busy = true;
    updateActions();
}

QString DiffView::saveDecisions(const QString &path)
{
    return m_review->saveDecisions(path);
}

Status DiffView::createMigration(const QString &name)
{
    return m_maker->start(name);
}

bool DiffView::isCreatingMigration() const
{
    return m_maker->isCreating();
}

CreateMigrationDialog *DiffView::createMigrationDialog() const
{
    return m_maker->dialog();
}

void DiffView::updateActions()
{
    const bool haveChanges = m_outcome && !m_outcome->result.isEmpty();
    m_source->setCompareEnabled(m_url.has_value() && !desiredSpec().isEmpty());
    m_createMigration->setEnabled(haveChanges && !m_busy && !isCreatingMigration() && m_project && m_source->canMakeMigration());
    m_review->updateActions();
}

} // namespace covet
