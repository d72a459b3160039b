#include "confirmenvironmentdialog.h"

#include "app/studiostyle.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace covet {

ConfirmEnvironmentDialog::ConfirmEnvironmentDialog(const QString &environment, const QString &database,
                                                   const QStringList &migrations, const QStringList &destroyedData, bool backups,
                                                   QWidget *parent, Action action)
    : QDialog(parent), m_environment(environment), m_word(environment.isEmpty() ? QStringLiteral("yes") : environment)
{
    setObjectName(QStringLiteral("confirmEnvironmentDialog"));
    const QString where = environment.isEmpty() ? database : environment;
    setWindowTitle(action == Action::Apply      ? tr("Apply to %1?").arg(where)
                   : action == Action::RollBack ? tr("Roll back on %1?").arg(where)
                                                : tr("Restore on %1?").arg(where));

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    QString text;
    if (!environment.isEmpty())
        text += (action == Action::Apply      ? tr("<p>The environment <b>%1</b> (%2) asks for confirmation before migrations are applied.</p>")
                 : action == Action::RollBack ? tr("<p>The environment <b>%1</b> (%2) asks for confirmation before migrations are rolled back.</p>")
                                              : tr("<p>The environment <b>%1</b> (%2) asks for confirmation before a backup is restored.</p>"))
                    .arg(environment.toHtmlEscaped(), database.toHtmlEscaped());
    if (!destroyedData.isEmpty()) {
        QStringList lines;
        for (const QString &d : destroyedData)
            lines << d.toHtmlEscaped();
        text += tr("<p><b>This destroys data:</b></p><ul><li>%1</li></ul>").arg(lines.join(QStringLiteral("</li><li>")));
        text += backups ? tr("<p>Covet backs it up first; <i>Backups</i> can restore it.</p>")
                        : tr("<p><b>Backups are off</b> (safety.backup_before_data_loss): the data cannot be restored by Covet.</p>");
    }
    text += action == Action::Apply      ? tr("<p>%n migration(s) will be applied:</p>", nullptr, int(migrations.size()))
            : action == Action::RollBack ? tr("<p>%n migration(s) will be rolled back:</p>", nullptr, int(migrations.size()))
                                         : tr("<p>The restore writes:</p>");
    intro->setText(text);
    // The first few ids; a long list would push the question off the screen.
    constexpr qsizetype kShown = 12;
    QStringList items;
    for (qsizetype i = 0; i < migrations.size() && i < kShown; ++i)
        items << migrations.at(i).toHtmlEscaped();
    if (migrations.size() > kShown)
        items << tr("… and %n more", nullptr, int(migrations.size() - kShown));
    auto *list = new QLabel(QStringLiteral("<ul><li>%1</li></ul>").arg(items.join(QStringLiteral("</li><li>"))), this);
    list->setTextFormat(Qt::RichText);
    auto *ask = new QLabel(environment.isEmpty() ? tr("Type <b>yes</b> to confirm:") : tr("Type the environment's name to confirm:"), this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("confirmNameEdit"));
    m_nameEdit->setPlaceholderText(m_word);
    ask->setBuddy(m_nameEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QString verb;
    switch (action) {
    case Action::Apply: verb = destroyedData.isEmpty() ? tr("Apply to %1").arg(where) : tr("Destroy the data and apply"); break;
    case Action::RollBack: verb = destroyedData.isEmpty() ? tr("Roll back on %1").arg(where) : tr("Destroy the data and roll back"); break;
    case Action::Restore: verb = tr("Restore on %1").arg(where); break;
    }
    m_applyButton = buttons->addButton(verb, QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("confirmApplyButton"));
    m_applyButton->setIcon(StudioStyle::icon(action == Action::Apply      ? "apply"
                                           : action == Action::RollBack ? "rollback"
                                                                        : "restore"));
    // Enter applies only once the name matches: a disabled default button does nothing.
    m_applyButton->setEnabled(false);
    m_applyButton->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this]() { m_applyButton->setEnabled(isConfirmed()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        if (isConfirmed())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list);
    layout->addWidget(ask);
    layout->addWidget(m_nameEdit);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

bool ConfirmEnvironmentDialog::isConfirmed() const
{
    return m_nameEdit->text() == m_word;
}

} // namespace covet
