#include "migrationerrordialog.h"

#include "app/studiostyle.h"
#include "editors/sqleditor.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace covet {

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

QString MigrationErrorDialog::readableMessage(const Error &error)
{
    QString text = error.message();
    const QString statement = error.statement();
    if (!statement.isEmpty()) {
        // SqlExecutor locates a failed statement by quoting it; it is shown apart.
        const QString quoted = QStringLiteral("statement: %1: ").arg(statement.simplified().left(300));
        text.replace(quoted, QString());
    }
    return text;
}

MigrationErrorDialog::MigrationErrorDialog(const MigrateOutcome &outcome, const QString &database, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("migrationErrorDialog"));
    const Error error = outcome.error.value_or(Error());
    const bool dry = outcome.request.dryRun;
    setWindowTitle(dry ? tr("Dry run failed") : tr("Migration failed"));

    QString headline;
    if (!outcome.migration.isEmpty())
        headline = dry ? tr("The dry run of %1 failed").arg(outcome.migration) : tr("Applying %1 failed").arg(outcome.migration);
    else
        headline = dry ? tr("The dry run could not start") : tr("The migrations could not be applied");
    m_headline = new QLabel(headline, this);
    m_headline->setObjectName(QStringLiteral("errorHeadline"));
    QFont big = m_headline->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_headline->setFont(big);
    auto *icon = new QLabel(this);
    icon->setPixmap(StudioStyle::icon("cancel").pixmap(32, 32));
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(m_headline, 1);

    auto *facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (!outcome.migration.isEmpty()) {
        const QString where = error.location().isEmpty() || error.location().startsWith(QStringLiteral("statement:"))
                                  ? outcome.migration
                                  : tr("%1 (%2)").arg(outcome.migration, QFileInfo(error.location()).fileName());
        facts->addRow(tr("Migration:"), wrapped(where, this));
    }
    if (!outcome.operation.isEmpty())
        facts->addRow(tr("Operation:"), wrapped(outcome.operation.contains(QStringLiteral("%1 of %2").arg(outcome.operationIndex + 1).arg(outcome.operationCount))
                                                      ? outcome.operation
                                                      : tr("%1 of %2: %3").arg(outcome.operationIndex + 1).arg(outcome.operationCount).arg(outcome.operation),
                                                  this));
    facts->addRow(tr("Database:"), wrapped(outcome.request.environment().isEmpty()
                                               ? database
                                               : tr("%1 (environment %2)").arg(database, outcome.request.environment()),
                                           this));

    m_message = wrapped(readableMessage(error), this);
    m_message->setObjectName(QStringLiteral("errorMessage"));

    m_statement = new SqlEditor(this);
    m_statement->setObjectName(QStringLiteral("failingStatement"));
    m_statement->setDialect(outcome.dialect);
    m_statement->setReadOnly(true);
    m_statement->setSql(error.statement());
    m_statement->setMinimumHeight(70);
    auto *statementTitle = sectionTitle(tr("Failing statement"), this);
    statementTitle->setVisible(!error.statement().isEmpty());
    m_statement->setVisible(!error.statement().isEmpty());

    m_state = wrapped(tr("Reading the migration history again…"), this);
    m_state->setObjectName(QStringLiteral("databaseState"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy Details"), QDialogButtonBox::ActionRole);
    copy->setIcon(StudioStyle::icon("copy"));
    connect(copy, &QPushButton::clicked, this, [this]() { QApplication::clipboard()->setText(detailsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(facts);
    layout->addWidget(sectionTitle(tr("What happened"), this));
    layout->addWidget(m_message);
    layout->addWidget(statementTitle);
    layout->addWidget(m_statement, 1);
    layout->addWidget(sectionTitle(tr("State of the database"), this));
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    resize(660, error.statement().isEmpty() ? 300 : 420);

    m_details = QStringLiteral("%1\n%2\n\n%3").arg(headline, database, error.toString());
    if (!error.statement().isEmpty())
        m_details += QStringLiteral("\n\n%1\n").arg(error.statement());
}

void MigrationErrorDialog::setDatabaseState(const QString &text)
{
    m_state->setText(text);
}

QString MigrationErrorDialog::headline() const
{
    return m_headline->text();
}

QString MigrationErrorDialog::message() const
{
    return m_message->text();
}

QString MigrationErrorDialog::databaseState() const
{
    return m_state->text();
}

QString MigrationErrorDialog::detailsText() const
{
    return m_details + QStringLiteral("\n") + m_state->text();
}

} // namespace covet
