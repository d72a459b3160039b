#include "createmigrationdialog.h"

#include "app/studiostyle.h"
#include "operations/operationdescriber.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace covet {

namespace {

QStringList described(const OperationList &operations)
{
    QStringList out;
    for (const Operation &op : operations)
        out << OperationDescriber::describe(op);
    return out;
}

// The operations of `a` not matched by an equal one in `b` (each of b matches once).
OperationList without(const OperationList &a, OperationList b)
{
    OperationList out;
    for (const Operation &op : a)
        if (!b.removeOne(op))
            out << op;
    return out;
}

} // namespace

CreateMigrationDialog::CreateMigrationDialog(const QString &fileName, const OperationList &operations,
                                             const OperationList &diffOperations, int pending, const QString &database,
                                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("createMigrationDialog"));
    setWindowTitle(tr("Write %1?").arg(fileName));

    const QStringList lines = described(operations);
    OperationList unseen = without(operations, diffOperations);
    m_unseen = described(unseen);
    const QStringList notWritten = described(without(diffOperations, operations));

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setText(tr("<p><b>%1</b> will hold %n operation(s).</p>"
                      "<p>A migration is computed against the <b>migration history</b> (the migrations directory), "
                      "not against the database the Diff compared.</p>",
                      nullptr, int(lines.size()))
                       .arg(fileName.toHtmlEscaped()));

    m_operations = new QListWidget(this);
    m_operations->setObjectName(QStringLiteral("migrationOperations"));
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString &line = lines.at(i);
        auto *item = new QListWidgetItem(line, m_operations);
        if (unseen.removeOne(operations.at(i))) {
            item->setText(tr("%1 (not in the Diff's change list)").arg(line));
            item->setForeground(StudioStyle::textColor(StudioStyle::Tone::Warning));
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }

    QStringList notes;
    if (!m_unseen.isEmpty() || !notWritten.isEmpty()) {
        notes << tr("This differs from the Diff's change list against %1.").arg(database);
        if (pending > 0)
            notes << tr("The history has %n pending migration(s) not yet applied to this database; the new migration "
                        "comes after them.",
                        nullptr, pending);
        if (!m_unseen.isEmpty())
            notes << tr("%n operation(s) marked above are not in the Diff's change list.", nullptr, int(m_unseen.size()));
        if (!notWritten.isEmpty())
            notes << tr("Not in this migration (the history already has them): %1").arg(notWritten.join(QStringLiteral("; ")));
    } else if (pending > 0) {
        notes << tr("The history has %n pending migration(s) not yet applied to this database.", nullptr, pending);
    }
    m_difference = new QLabel(this);
    m_difference->setObjectName(QStringLiteral("migrationDifference"));
    m_difference->setWordWrap(true);
    m_difference->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StudioStyle::setBanner(m_difference, notes.join(u'\n'), StudioStyle::Banner::Note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_writeButton = buttons->addButton(tr("Write Migration"), QDialogButtonBox::AcceptRole);
    m_writeButton->setObjectName(QStringLiteral("writeMigrationButton"));
    m_writeButton->setIcon(StudioStyle::icon("migration-new"));
    m_writeButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_operations, 1);
    layout->addWidget(m_difference);
    layout->addWidget(buttons);
    resize(640, 420);
}

QStringList CreateMigrationDialog::operationLines() const
{
    QStringList out;
    for (int i = 0; i < m_operations->count(); ++i)
        out << m_operations->item(i)->text();
    return out;
}

QString CreateMigrationDialog::differenceText() const
{
    return m_difference->isHidden() ? QString() : m_difference->text();
}

} // namespace covet
