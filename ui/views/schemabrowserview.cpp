#include "schemabrowserview.h"

#include "app/studiostyle.h"
#include "editors/sqleditor.h"
#include "models/schematreemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace covet {

SchemaBrowserView::SchemaBrowserView(QWidget *parent)
    : StudioPage(parent), m_model(new SchemaTreeModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(SchemaTreeModel::NameColumn);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter tables, columns, indexes…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(StudioStyle::icon("filter"), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Filter schema objects"));

    m_tree = new QTreeView(this);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(SchemaTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(SchemaTreeModel::NameColumn, 220);
    m_tree->setAccessibleName(tr("Schema objects"));

    m_summary = new QLabel(this);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(4);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_summary);

    m_title = new QLabel(tr("Select an object to see its definition."), this);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_editor = new SqlEditor(this);
    m_editor->setReadOnly(true);
    m_editor->setAccessibleName(tr("Definition"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(4);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_editor, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_splitter);

    connect(m_filter, &QLineEdit::textChanged, this, &SchemaBrowserView::applyFilter);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showCurrent(current); });
    updateSummary();
}

void SchemaBrowserView::setSchema(const Schema &schema, Dialect dialect)
{
    m_model->setSchema(schema, dialect);
    m_editor->setDialect(m_model->dialect());
    m_editor->setSql(QString());
    m_title->setText(tr("Select an object to see its definition."));
    // Namespaces open; tables closed until asked for.
    m_tree->expandToDepth(0);
    if (!m_filter->text().isEmpty())
        applyFilter(m_filter->text());
    updateSummary();
}

void SchemaBrowserView::clear()
{
    setSchema(Schema{}, m_model->dialect());
}

void SchemaBrowserView::applyFilter(const QString &text)
{
    // Re-filtering an expanded tree in place makes the proxy report row
    // changes parent by parent and the view lay out again each time: with
    // 2,000 tables, seconds per keystroke. Detached from its source, the
    // proxy filters once and the view resets (tens of milliseconds).
    const QPersistentModelIndex selected(m_proxy->mapToSource(m_tree->currentIndex()));
    const QByteArray header = m_tree->header()->saveState();   // column widths survive
    m_proxy->setSourceModel(nullptr);
    m_proxy->setFilterFixedString(text.trimmed());
    m_proxy->setSourceModel(m_model);
    m_tree->header()->restoreState(header);
    // Matches are shown expanded, unless so many objects match that
    // opening them all would only bury the list (and stall the view).
    int matching = 0;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        matching += m_proxy->rowCount(m_proxy->index(r, 0));
    m_collapsedMatches = text.trimmed().isEmpty() || matching <= kExpandLimit ? 0 : matching;
    if (text.trimmed().isEmpty() || m_collapsedMatches > 0)
        m_tree->expandToDepth(0);
    else
        m_tree->expandToDepth(2);   // namespaces, tables and their groups: show every match
    if (const QModelIndex again = m_proxy->mapFromSource(selected); again.isValid()) {
        m_tree->setCurrentIndex(again);
        m_tree->scrollTo(again);
    }
    updateSummary();
}

void SchemaBrowserView::updateSummary()
{
    const Schema &s = m_model->schema();
    QString text = tr("%n table(s)", nullptr, int(s.tables.size())) + QStringLiteral(" · ")
                 + tr("%n view(s)", nullptr, int(s.views.size()));
    if (!m_filter->text().trimmed().isEmpty())
        text += QStringLiteral(" · ") + tr("filtered");
    if (m_collapsedMatches > 0)
        text += QStringLiteral(" · ") + tr("%n matching object(s), collapsed", nullptr, m_collapsedMatches);
    m_summary->setText(text);
}

bool SchemaBrowserView::selectObject(const QString &name, const QString &schema)
{
    const QModelIndex source = m_model->findObject(name, schema);
    if (!source.isValid())
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    if (!proxyIndex.isValid())
        return false;
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->expand(proxyIndex);
    m_tree->scrollTo(proxyIndex);
    return true;
}

void SchemaBrowserView::showCurrent(const QModelIndex &proxyIndex)
{
    const QModelIndex nameIndex = proxyIndex.siblingAtColumn(SchemaTreeModel::NameColumn);
    if (!nameIndex.isValid()) {
        m_editor->setSql(QString());
        return;
    }
    const auto kind = SchemaTreeModel::Kind(nameIndex.data(SchemaTreeModel::KindRole).toInt());
    const QString name = nameIndex.data(SchemaTreeModel::QualifiedNameRole).toString();
    m_title->setText(SchemaTreeModel::kindLabel(kind) + QStringLiteral(" ") + name);
    const QString ddl = nameIndex.data(SchemaTreeModel::DdlRole).toString();
    m_editor->setSql(ddl.isEmpty() ? QStringLiteral("-- ") + tr("%1 has no DDL of its own.").arg(name) + u'\n' : ddl);
    emit objectSelected(name);
}

void SchemaBrowserView::copy()
{
    if (m_editor->hasSelectedText()) {
        m_editor->copy();
        return;
    }
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        QApplication::clipboard()->setText(
            current.siblingAtColumn(SchemaTreeModel::NameColumn).data(SchemaTreeModel::QualifiedNameRole).toString());
}

} // namespace covet
