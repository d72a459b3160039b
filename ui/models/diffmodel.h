#pragma once

#include "diff/differ.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QIcon>

namespace covet {

// The changes of a DiffResult as a tree: one row per object that changes
// (table, view, enum, namespace), its operations below it. Columns: the
// change (object name / operation description) and its kind. Each row has
// the icon and colour of its kind: added, removed, changed, renamed.
class DiffModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class ChangeKind { Added, Removed, Changed, Renamed };
    enum Roles {
        ChangeKindRole = Qt::UserRole + 1,   // ChangeKind (as int)
        OperationIndexRole,                  // int: index into operations(); -1 for an object row
        ObjectNameRole,                      // QString: the object's (new) name
        ObjectSchemaRole,                    // QString: its namespace, empty for the default one
        OldObjectNameRole,                   // QString: the name before (differs for a renamed table)
    };
    enum Column { DescriptionColumn, KindColumn, ColumnCount };

    explicit DiffModel(QObject *parent = nullptr);

    void setOperations(const OperationList &operations);
    void clear();
    const OperationList &operations() const { return m_operations; }
    int objectCount() const { return int(m_groups.size()); }
    // The object row for a name ("orders"), or an invalid index.
    QModelIndex objectIndex(const QString &name, const QString &schema = {}) const;

    static ChangeKind changeKind(const Operation &op);
    static QString changeKindName(ChangeKind kind);   // translated: "added", ...
    static QIcon iconFor(ChangeKind kind);
    static QColor colorFor(ChangeKind kind);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString schema;
        QString name;
        QString oldName;
        ChangeKind kind = ChangeKind::Changed;
        QList<int> operations;
    };

    OperationList m_operations;
    QList<Group> m_groups;
};

} // namespace covet
