#include "diffsourcebar.h"

#include "app/studiostyle.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace covet {

DiffSourceBar::DiffSourceBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Desired schema:"), this));
    m_kind = new QComboBox(this);
    m_kind->addItem(StudioStyle::icon("folder"), tr("Models file"), int(SourceKind::ModelsFile));
    m_kind->addItem(StudioStyle::icon("table"), tr("SQL file"), int(SourceKind::SqlFile));
    m_kind->addItem(StudioStyle::icon("reload"), tr("Migration history"), int(SourceKind::MigrationHistory));
    m_kind->addItem(StudioStyle::icon("database"), tr("Another connection"), int(SourceKind::Connection));
    layout->addWidget(m_kind);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("desiredSpec"));
    m_edit->setClearButtonEnabled(true);
    layout->addWidget(m_edit, 1);
    m_browseButton = new QToolButton(this);
    m_browseButton->setIcon(StudioStyle::icon("open-project"));
    m_browseButton->setToolTip(tr("Choose the file or directory"));
    layout->addWidget(m_browseButton);
    layout->addWidget(new QLabel(tr("against the connected database"), this));
    m_compareButton = new QPushButton(StudioStyle::icon("diff"), tr("Compare"), this);
    m_compareButton->setDefault(true);
    layout->addWidget(m_compareButton);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &DiffSourceBar::onKindChanged);
    connect(m_browseButton, &QToolButton::clicked, this, &DiffSourceBar::browse);
    connect(m_compareButton, &QPushButton::clicked, this, &DiffSourceBar::compareRequested);
    connect(m_edit, &QLineEdit::returnPressed, this, &DiffSourceBar::compareRequested);
    connect(m_edit, &QLineEdit::textChanged, this, &DiffSourceBar::specEdited);
}

void DiffSourceBar::setSource(SourceKind kind, const QString &spec)
{
    QSignalBlocker block(m_kind);
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_edit->setText(spec);
}

void DiffSourceBar::resetSpec()
{
    m_edit->setText(defaultSpec(kind()));
}

DiffSourceBar::SourceKind DiffSourceBar::kind() const
{
    return SourceKind(m_kind->currentData().toInt());
}

QString DiffSourceBar::spec() const
{
    return m_edit->text().trimmed();
}

bool DiffSourceBar::canMakeMigration() const
{
    return kind() == SourceKind::ModelsFile || kind() == SourceKind::SqlFile;
}

void DiffSourceBar::setCompareEnabled(bool enabled)
{
    m_compareButton->setEnabled(enabled);
}

QString DiffSourceBar::defaultSpec(SourceKind kind) const
{
    if (!m_project)
        return {};
    switch (kind) {
    case SourceKind::ModelsFile: return m_project->modelsPath();
    case SourceKind::MigrationHistory: return m_project->migrationsPath();
    case SourceKind::SqlFile:
    case SourceKind::Connection: return {};
    }
    return {};
}

void DiffSourceBar::onKindChanged()
{
    const SourceKind k = kind();
    m_edit->setText(defaultSpec(k));
    m_edit->setPlaceholderText(k == SourceKind::Connection ? tr("postgresql://user@host/db, mysql://user@host/db or sqlite:file.db")
                                                           : QString());
    m_browseButton->setEnabled(k != SourceKind::Connection);
    emit kindChanged();
}

void DiffSourceBar::browse()
{
    const SourceKind k = kind();
    const QString start = spec().isEmpty() ? (m_project ? m_project->baseDirectory() : QString()) : QFileInfo(spec()).absolutePath();
    QString chosen;
    if (k == SourceKind::MigrationHistory)
        chosen = QFileDialog::getExistingDirectory(this, tr("Choose the Migrations Directory"), start);
    else if (k == SourceKind::SqlFile)
        chosen = QFileDialog::getOpenFileName(this, tr("Choose a SQL File"), start, tr("SQL files (*.sql)"));
    else
        chosen = QFileDialog::getOpenFileName(this, tr("Choose a Models File"), start,
                                              tr("Models files (*.yaml *.yml);;Schema JSON (*.json)"));
    if (!chosen.isEmpty()) {
        m_edit->setText(chosen);
        emit compareRequested();
    }
}

} // namespace covet
