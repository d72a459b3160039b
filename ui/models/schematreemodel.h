#pragma once

#include "schema/schema.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <memory>
#include <vector>

namespace covet {

class SqlGenerator;

// A tree over a Schema for the schema browser:
//   namespace
//     table / view / enum type
//       columns (name | type), then groups: unique constraints, indexes,
//       foreign keys, checks, triggers (each group shown when non-empty)
// Children are built when first asked for, so large schemas open at once.
// Two columns: the object's name and a detail (type, key columns, target).
class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind {
        Namespace, Table, View, EnumType, Column,
        UniqueGroup, IndexGroup, ForeignKeyGroup, CheckGroup, TriggerGroup,
        Unique, Index, ForeignKey, Check, Trigger,
    };
    Q_ENUM(Kind)

    enum Roles {
        DdlRole = Qt::UserRole + 1,    // QString: the object's DDL in the schema's dialect
        KindRole,                      // Kind (as int)
        QualifiedNameRole,             // QString: "schema.table", "table.column", ...
    };

    enum Columns { NameColumn, DetailColumn, ColumnCount };

    explicit SchemaTreeModel(QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    // Shows schema; DDL is rendered for dialect (the schema's own dialect
    // when it has one).
    void setSchema(const Schema &schema, Dialect dialect = Dialect::SQLite);
    const Schema &schema() const { return m_schema; }
    Dialect dialect() const { return m_dialect; }
    void clear();

    // The index of a table or view by name (column 0), or invalid.
    QModelIndex findObject(const QString &name, const QString &schema = {}) const;

    static QIcon iconFor(Kind kind);
    static QString kindLabel(Kind kind);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    void populate(Node *node) const;
    int childCount(const Node *node) const;
    QString displayName(const Node *node) const;
    QString detail(const Node *node) const;
    QString toolTip(const Node *node) const;
    QString ddl(const Node *node) const;
    QString qualifiedName(const Node *node) const;
    QString tableDdl(const Table &table) const;
    QIcon icon(const Node *node) const;

    Schema m_schema;
    Dialect m_dialect = Dialect::SQLite;
    std::unique_ptr<SqlGenerator> m_generator;
    std::unique_ptr<Node> m_root;
    mutable QHash<int, QIcon> m_icons;
};

} // namespace covet
