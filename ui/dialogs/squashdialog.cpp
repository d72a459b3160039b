#include "squashdialog.h"

#include "editors/sqleditor.h"
#include "migrations/squasher.h"
#include "schema/dialect.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace covet {

namespace {

QLabel *wrappedLabel(const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString kindText(SquashConflict::Kind kind)
{
    switch (kind) {
    case SquashConflict::Kind::DivergentBranches: return SquashDialog::tr("Divergent branches");
    case SquashConflict::Kind::RawSql: return SquashDialog::tr("Plain SQL migration");
    case SquashConflict::Kind::RunSqlBarrier: return SquashDialog::tr("run_sql barrier");
    case SquashConflict::Kind::EditedSinceApplied: return SquashDialog::tr("Edited since applied");
    }
    return {};
}

} // namespace

SquashDialog::SquashDialog(const ProjectConfig &config, const QString &url, QWidget *parent)
    : QDialog(parent), m_job(new SquashJob(this)), m_config(config), m_url(url)
{
    setObjectName(QStringLiteral("squashDialog"));
    setWindowTitle(tr("Squash Migrations"));
    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("squashFrom"));
    m_to = new QComboBox(this);
    m_to->setObjectName(QStringLiteral("squashTo"));
    m_keep = new QSpinBox(this);
    m_keep->setObjectName(QStringLiteral("squashKeepRecent"));
    m_keep->setToolTip(tr("Leave the newest N migrations of the range as they are"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("squashName"));
    m_name->setToolTip(tr("The squashed migration's name: lowercase letters, digits and _"));
    m_previewButton = new QPushButton(StudioStyle::icon("dry-run"), tr("Preview"), this);
    m_previewButton->setObjectName(QStringLiteral("squashPreviewButton"));
    m_previewButton->setToolTip(tr("Plan the squash and prove it, without writing anything"));

    auto *range = new QHBoxLayout;
    range->addWidget(m_from, 1);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to, 1);
    range->addSpacing(12);
    auto *keepLabel = new QLabel(tr("keep newest"), this);
    keepLabel->setBuddy(m_keep);
    range->addWidget(keepLabel);
    range->addWidget(m_keep);
    auto *form = new QFormLayout;
    auto *fromLabel = new QLabel(tr("&Squash from"), this);
    fromLabel->setBuddy(m_from);
    form->addRow(fromLabel, range);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_previewButton);
    auto *nameLabel = new QLabel(tr("&Name"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, nameRow);

    m_status = wrappedLabel(QStringLiteral("squashStatus"), this);
    m_figures = wrappedLabel(QStringLiteral("squashFigures"), this);
    m_figures->setTextFormat(Qt::RichText);
    m_proof = wrappedLabel(QStringLiteral("squashProof"), this);
    m_conflicts = wrappedLabel(QStringLiteral("squashConflicts"), this);
    m_yaml = new SqlEditor(this);
    m_yaml->setObjectName(QStringLiteral("squashYaml"));
    m_yaml->setReadOnly(true);
    m_yaml->useYaml();
    m_yaml->setMinimumHeight(160);

    auto *buttons = new QDialogButtonBox(this);
    m_writeButton = buttons->addButton(tr("Write"), QDialogButtonBox::ActionRole);
    m_writeButton->setObjectName(QStringLiteral("squashWriteButton"));
    m_writeButton->setIcon(StudioStyle::icon("save"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_figures);
    layout->addWidget(m_proof);
    layout->addWidget(m_conflicts);
    layout->addWidget(new QLabel(tr("The squashed migration:"), this));
    layout->addWidget(m_yaml, 1);
    layout->addWidget(buttons);
    resize(820, 640);

    connect(m_previewButton, &QPushButton::clicked, this, &SquashDialog::preview);
    connect(m_writeButton, &QPushButton::clicked, this, &SquashDialog::write);
    connect(m_from, &QComboBox::currentIndexChanged, this, &SquashDialog::inputsChanged);
    connect(m_to, &QComboBox::currentIndexChanged, this, &SquashDialog::inputsChanged);
    connect(m_keep, &QSpinBox::valueChanged, this, &SquashDialog::inputsChanged);
    connect(m_name, &QLineEdit::textEdited, this, &SquashDialog::inputsChanged);
    connect(m_job, &SquashJob::finished, this, &SquashDialog::onFinished);

    for (QLabel *l : {m_figures, m_proof, m_conflicts})
        l->hide();
    setStatus(tr("Reading the migrations…"), StudioStyle::Banner::Info);
    m_job->load(m_config, m_url);
    updateButtons();
}

QString SquashDialog::figuresText() const { return m_figures->isHidden() ? QString() : m_figures->text(); }
QString SquashDialog::proofText() const { return m_proof->isHidden() ? QString() : m_proof->text(); }
QString SquashDialog::conflictsText() const { return m_conflicts->isHidden() ? QString() : m_conflicts->text(); }
QString SquashDialog::statusText() const { return m_status->isHidden() ? QString() : m_status->text(); }

SquashRequest SquashDialog::request() const
{
    SquashRequest r;
    r.from = m_from->currentData().toString();
    r.to = m_to->currentData().toString();
    r.keepRecent = m_keep->value();
    r.name = m_name->text().trimmed();
    return r;
}

void SquashDialog::fillRange(const SquashProject &project)
{
    const QSignalBlocker a(m_from);
    const QSignalBlocker b(m_to);
    m_from->clear();
    m_to->clear();
    for (const QString &id : project.ids) {
        m_from->addItem(id, id);
        m_to->addItem(id, id);
    }
    m_from->setCurrentIndex(0);
    m_to->setCurrentIndex(m_to->count() - 1);
    m_keep->setRange(0, std::max(0, int(project.ids.size()) - 2));
}

void SquashDialog::inputsChanged()
{
    // The preview no longer answers what is chosen.
    m_plan.reset();
    if (m_project && !m_name->isModified()) {
        SquashRequest r = request();
        r.name.clear();
        m_name->setText(m_project->defaultName(r));
    }
    if (m_written.isEmpty())
        setStatus(tr("Preview to plan and prove the squash of this range."), StudioStyle::Banner::Info);
    updateButtons();
}

void SquashDialog::preview()
{
    if (!m_project)
        return;
    m_plan.reset();
    m_written.clear();
    for (QLabel *l : {m_figures, m_proof, m_conflicts})
        l->hide();
    m_yaml->setSql(QString());
    setStatus(tr("Planning and proving the squash…"), StudioStyle::Banner::Info);
    m_job->preview(*m_project, request());
    updateButtons();
}

void SquashDialog::onFinished(const SquashOutcome &outcome)
{
    if (outcome.error) {
        setStatus(!m_project ? tr("Cannot squash: %1").arg(outcome.error->toString())
                             : tr("Cannot plan this squash: %1").arg(outcome.error->toString()),
                  StudioStyle::Banner::Error);
        if (m_project)
            emit previewed();
    } else if (outcome.project) {
        m_project = *outcome.project;
        fillRange(*m_project);
        m_name->setModified(false);
        inputsChanged();
        for (const QString &w : m_project->warnings)
            setStatus(tr("Warning: %1").arg(w), StudioStyle::Banner::Note);
        // After a write its result stays shown.
        const auto availability = m_project->availability();
        if (m_written.isEmpty() && availability == SquashProject::Availability::Disabled)
            setStatus(tr("Squashing is turned off in covet.yaml (squashing: {enabled: false}): nothing can be written."),
                      StudioStyle::Banner::Error);
        else if (m_written.isEmpty() && availability == SquashProject::Availability::TooFew)
            setStatus(tr("Nothing to squash: the migration graph holds fewer than two migrations not yet replaced by a squash."),
                      StudioStyle::Banner::Note);
        emit loaded();
    } else if (outcome.plan) {
        showPlan(*outcome.plan, outcome.yaml);
        emit previewed();
    }
    updateButtons();
}

void SquashDialog::showPlan(const SquashPlan &plan, const QByteArray &yaml)
{
    m_plan = plan;
    const QLocale locale;
    m_figures->setText(tr("<b>%1</b> migrations (%2 … %3): <b>%4</b> operations before → <b>%5</b> after, <b>%6%</b> fewer")
                           .arg(plan.range.size())
                           .arg(plan.range.first().toHtmlEscaped(), plan.range.last().toHtmlEscaped())
                           .arg(plan.operationsBefore)
                           .arg(plan.operationsAfter)
                           .arg(locale.toString(plan.reduction() * 100.0, 'f', 1)));
    m_figures->show();

    const SquashProof &proof = plan.proof;
    QStringList lines;
    lines << (proof.replayProven() ? tr("In-memory replay: proven — the squashed migration gives the same schema as the originals")
                                   : tr("In-memory replay: not proven"));
    if (proof.scratchChecked)
        lines << (proof.proven ? tr("Scratch database (%1): proven — applied for real, the inspected schemas are equal").arg(dialectName(m_project->dialect))
                               : tr("Scratch database (%1): not proven").arg(dialectName(m_project->dialect)));
    else if (proof.replayProven())
        lines << tr("Scratch database: not checked (set dev_url in covet.yaml to a scratch server)");
    if (proof.replayProven())
        lines << (proof.reversible ? tr("Reversible: its down part gives back the schema before the range")
                                   : tr("Irreversible: a run_sql has no reverse SQL"));
    for (const QString &d : proof.differences)
        lines << tr("  • %1").arg(d);
    StudioStyle::setBanner(m_proof, lines.join(u'\n'), proof.proven ? StudioStyle::Banner::Ok : StudioStyle::Banner::Error);

    QStringList conflicts;
    for (const SquashConflict &c : plan.conflicts)
        conflicts << (c.blocking ? tr("Conflict — %1 (%2): %3") : tr("Note — %1 (%2): %3")).arg(kindText(c.kind), c.migration, c.message);
    const bool blocking = std::any_of(plan.conflicts.cbegin(), plan.conflicts.cend(), [](const SquashConflict &c) { return c.blocking; });
    StudioStyle::setBanner(m_conflicts, conflicts.join(u'\n'), blocking ? StudioStyle::Banner::Error : StudioStyle::Banner::Note);

    m_yaml->setSql(QString::fromUtf8(yaml));
    if (plan.blocked())
        setStatus(tr("Write is disabled: %1").arg(proof.proven ? tr("a conflict stands in the way (see below)")
                                                               : tr("the squashed migration is not proven to equal the originals")),
                  StudioStyle::Banner::Error);
    else
        setStatus(tr("Proven and conflict-free: Write adds %1 to the migrations directory.").arg(plan.squashed.fileName()),
                  StudioStyle::Banner::Ok);
}

void SquashDialog::write()
{
    if (!m_plan || m_plan->blocked() || !m_project || isBusy())
        return;
    auto path = Squasher::write(*m_plan, m_project->directory);
    if (!path) {
        setStatus(tr("Nothing was written: %1").arg(path.error().message()), StudioStyle::Banner::Error);
        updateButtons();
        return;
    }
    m_written = *path;
    const QString id = m_plan->squashed.id;
    const QString replaced = m_plan->squashed.replaces.join(QStringLiteral(", "));
    m_plan.reset();
    setStatus(tr("Wrote %1 (replaces %2). The replaced files can be deleted once every database has applied the whole range.")
                  .arg(m_written, replaced),
              StudioStyle::Banner::Ok);
    // The directory changed: the next preview starts from what it holds now.
    m_job->load(m_config, m_url);
    updateButtons();
    emit written(m_written, id);
}

void SquashDialog::setStatus(const QString &text, StudioStyle::Banner banner)
{
    StudioStyle::setBanner(m_status, text, banner);
}

void SquashDialog::updateButtons()
{
    const bool busy = isBusy();
    m_previewButton->setEnabled(m_project && !busy && m_project->availability() == SquashProject::Availability::Available);
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_keep, m_name})
        w->setEnabled(m_project && !busy);
    const bool writable = m_plan && !m_plan->blocked() && !busy;
    m_writeButton->setEnabled(writable);
    m_writeButton->setToolTip(writable  ? tr("Write the squashed migration; an existing file is never overwritten")
                              : m_plan ? tr("The squash is not proven or has a conflict")
                                       : tr("Preview first: only a proven, conflict-free squash can be written"));
}

} // namespace covet
