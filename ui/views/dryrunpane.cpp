#include "dryrunpane.h"

#include "app/studiostyle.h"
#include "dialogs/migrationerrordialog.h"
#include "editors/sqleditor.h"

#include <QLabel>
#include <QVBoxLayout>

namespace covet {

DryRunPane::DryRunPane(const QString &intro, QWidget *parent) : QWidget(parent), m_intro(intro)
{
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("dryRunResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sql = new SqlEditor(this);
    m_sql->setObjectName(QStringLiteral("dryRunSql"));
    m_sql->setReadOnly(true);
    reset();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_result);
    layout->addWidget(m_sql, 1);
}

void DryRunPane::setDialect(Dialect dialect)
{
    m_sql->setDialect(dialect);
}

QString DryRunPane::resultText() const
{
    return m_result->text();
}

void DryRunPane::start()
{
    StudioStyle::setBanner(m_result, tr("Running the dry run…"), StudioStyle::Banner::Info);
    m_sql->setSql(QString());
}

void DryRunPane::reset()
{
    StudioStyle::setBanner(m_result, m_intro, StudioStyle::Banner::Info);
    m_sql->setSql(QString());
}

QString DryRunPane::show(const MigrateOutcome &outcome, int count)
{
    const bool rollback = outcome.request.rollback;
    m_sql->setDialect(outcome.dialect);
    const QString sql = outcome.report.sql;
    m_sql->setSql(sql.isEmpty() && outcome.succeeded()
                      ? (rollback ? tr("-- Nothing to roll back: the rollback would run no SQL.\n")
                                  : tr("-- Nothing is pending: Apply would run no SQL.\n"))
                      : sql);
    QString text;
    if (outcome.cancelled()) {
        text = tr("The dry run was cancelled. Nothing was changed.");
        StudioStyle::setBanner(m_result, text, StudioStyle::Banner::Note);
    } else if (!outcome.succeeded()) {
        const Error &e = *outcome.error;
        // The runner's message names the migration and the operation.
        text = MigrationErrorDialog::readableMessage(e);
        if (!e.statement().isEmpty())
            text += tr("\nFailing statement: %1").arg(e.statement().simplified());
        StudioStyle::setBanner(m_result, text, StudioStyle::Banner::Error);
        // Point at the failing statement in the SQL.
        const QString statement = e.statement().trimmed();
        const qsizetype at = statement.isEmpty() ? -1 : sql.indexOf(statement);
        if (at >= 0) {
            int line = 0, index = 0;
            m_sql->lineIndexFromPosition(int(sql.left(at).toUtf8().size()), &line, &index);
            int endLine = 0, endIndex = 0;
            m_sql->lineIndexFromPosition(int(sql.left(at + statement.size()).toUtf8().size()), &endLine, &endIndex);
            m_sql->setSelection(line, index, endLine, endIndex);
            m_sql->ensureLineVisible(line);
        }
    } else if (outcome.report.executedDryRun) {
        text = rollback ? tr("Executed in a transaction that was rolled back: the rollback of %n migration(s) ran without an "
                             "error. Nothing was changed.",
                             nullptr, count)
                        : tr("Executed in a transaction that was rolled back: the SQL of %n pending migration(s) ran without "
                             "an error. Nothing was changed.",
                             nullptr, count);
        StudioStyle::setBanner(m_result, text, StudioStyle::Banner::Ok);
    } else if (!DialectCapabilities::of(outcome.dialect).executesDryRun) {
        text = rollback ? tr("MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of the "
                             "rollback of %n migration(s); it was not executed.",
                             nullptr, count)
                        : tr("MySQL/MariaDB commit each DDL statement at once, so a dry run can only print the SQL of %n "
                             "pending migration(s); it was not executed.",
                             nullptr, count);
        StudioStyle::setBanner(m_result, text, StudioStyle::Banner::Note);
    } else {
        text = tr("The SQL of %n migration(s); it was not executed.", nullptr, count);
        StudioStyle::setBanner(m_result, text, StudioStyle::Banner::Note);
    }
    if (!outcome.report.warnings.isEmpty())
        m_result->setText(m_result->text() + QStringLiteral("\n") + outcome.report.warnings.join(u'\n'));
    return text.section(u'\n', 0, 0);
}

} // namespace covet
