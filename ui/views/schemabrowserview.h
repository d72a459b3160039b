#pragma once

#include "studiopage.h"
#include "schema/schema.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

namespace covet {

class SchemaTreeModel;
class SqlEditor;

// The schema browser: a filter box and a tree of the schema's objects on the
// left, the DDL of the selected object on the right (read-only SqlEditor).
class SchemaBrowserView : public StudioPage
{
    Q_OBJECT

public:
    explicit SchemaBrowserView(QWidget *parent = nullptr);

    void setSchema(const Schema &schema, Dialect dialect);
    void clear();

    // Selects a table or view by name (and scrolls to it); false if absent.
    bool selectObject(const QString &name, const QString &schema = {});
    // Copies the selected text of the DDL pane, else the selected object's name.
    void copy();

    SchemaTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    SqlEditor *editor() const { return m_editor; }
    QSplitter *splitter() const { return m_splitter; }

signals:
    void objectSelected(const QString &qualifiedName);

private:
    void applyFilter(const QString &text);
    void showCurrent(const QModelIndex &proxyIndex);
    void updateSummary();

    SchemaTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    SqlEditor *m_editor = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QSplitter *m_splitter = nullptr;
    // Above this many matching objects a filter leaves them collapsed.
    static constexpr int kExpandLimit = 300;
    int m_collapsedMatches = 0;
};

} // namespace covet
