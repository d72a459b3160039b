#include "schematreemodel.h"

#include "app/studiostyle.h"
#include "sql/sqlgenerator.h"

#include <QHash>

#include <algorithm>

namespace covet {

struct SchemaTreeModel::Node
{
    Kind kind = Kind::Namespace;
    Node *parent = nullptr;
    int row = 0;
    QString ns;        // namespace of this node (empty: the default)
    int object = -1;   // index into tables / views / enums
    int item = -1;     // index into the table's columns / indexes / ...
    bool populated = false;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(Kind k, int objectIndex = -1, int itemIndex = -1)
    {
        auto n = std::make_unique<Node>();
        n->kind = k;
        n->parent = this;
        n->row = int(children.size());
        n->ns = ns;
        n->object = objectIndex;
        n->item = itemIndex;
        children.push_back(std::move(n));
        return children.back().get();
    }
};

namespace {

QString joinColumns(const QStringList &columns)
{
    return u'(' + columns.join(QStringLiteral(", ")) + u')';
}

QString indexParts(const Index &index)
{
    QStringList parts;
    for (const IndexPart &p : index.parts) {
        QString s = p.isExpression() ? u'(' + p.expression + u')' : p.column;
        if (p.descending)
            s += QStringLiteral(" DESC");
        parts << s;
    }
    return u'(' + parts.join(QStringLiteral(", ")) + u')';
}

QString terminated(const QString &sql)
{
    const QString s = sql.trimmed();
    if (s.isEmpty())
        return s;
    return s.endsWith(u';') ? s : s + u';';
}

bool isPrimaryKeyColumn(const Table &t, const QString &column)
{
    return t.primaryKey && t.primaryKey->columns.contains(column);
}

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->populated = true;
}

SchemaTreeModel::~SchemaTreeModel() = default;

void SchemaTreeModel::clear()
{
    setSchema(Schema{}, m_dialect);
}

void SchemaTreeModel::setSchema(const Schema &schema, Dialect dialect)
{
    beginResetModel();
    m_schema = schema;
    m_dialect = schema.dialect.value_or(dialect);
    m_generator = SqlGenerator::create(m_dialect);
    m_root = std::make_unique<Node>();
    m_root->populated = true;

    // Namespaces: the default one first (when it holds objects or is the
    // only one), then the others by name, also when empty.
    QStringList names = m_schema.namespaces;
    bool defaultUsed = false;
    auto note = [&names, &defaultUsed](const QString &ns) {
        if (ns.isEmpty())
            defaultUsed = true;
        else
            names << ns;
    };
    for (const Table &t : std::as_const(m_schema.tables))
        note(t.schema);
    for (const View &v : std::as_const(m_schema.views))
        note(v.schema);
    for (const EnumType &e : std::as_const(m_schema.enums))
        note(e.schema);
    names.removeDuplicates();
    names.removeAll(QString());
    std::sort(names.begin(), names.end());
    if (defaultUsed || names.isEmpty())
        names.prepend(QString());
    for (const QString &ns : std::as_const(names)) {
        Node *n = m_root->add(Kind::Namespace);
        n->ns = ns;
    }
    endResetModel();
}

QModelIndex SchemaTreeModel::findObject(const QString &name, const QString &schema) const
{
    for (const auto &ns : m_root->children) {
        if (ns->ns != schema)
            continue;
        populate(ns.get());
        for (const auto &obj : ns->children) {
            if (displayName(obj.get()) == name)
                return createIndex(obj->row, 0, obj.get());
        }
    }
    return {};
}

void SchemaTreeModel::populate(Node *node) const
{
    if (node->populated)
        return;
    node->populated = true;
    switch (node->kind) {
    case Kind::Namespace: {
        auto byName = [](const auto &list, const QString &ns) {
            QList<int> idx;
            for (int i = 0; i < list.size(); ++i)
                if (list.at(i).schema == ns)
                    idx << i;
            std::sort(idx.begin(), idx.end(), [&list](int a, int b) { return list.at(a).name < list.at(b).name; });
            return idx;
        };
        for (int i : byName(m_schema.tables, node->ns))
            node->add(Kind::Table, i);
        for (int i : byName(m_schema.views, node->ns))
            node->add(Kind::View, i);
        for (int i : byName(m_schema.enums, node->ns))
            node->add(Kind::EnumType, i);
        break;
    }
    case Kind::Table: {
        const Table &t = m_schema.tables.at(node->object);
        for (int i = 0; i < t.columns.size(); ++i)
            node->add(Kind::Column, node->object, i);
        const std::pair<Kind, qsizetype> groups[] = {
            {Kind::UniqueGroup, t.uniques.size()},   {Kind::IndexGroup, t.indexes.size()},
            {Kind::ForeignKeyGroup, t.foreignKeys.size()}, {Kind::CheckGroup, t.checks.size()},
            {Kind::TriggerGroup, t.triggers.size()},
        };
        for (const auto &[kind, count] : groups)
            if (count > 0)
                node->add(kind, node->object);
        break;
    }
    case Kind::UniqueGroup:
    case Kind::IndexGroup:
    case Kind::ForeignKeyGroup:
    case Kind::CheckGroup:
    case Kind::TriggerGroup: {
        const Table &t = m_schema.tables.at(node->object);
        const Kind itemKind = node->kind == Kind::UniqueGroup   ? Kind::Unique
                            : node->kind == Kind::IndexGroup    ? Kind::Index
                            : node->kind == Kind::ForeignKeyGroup ? Kind::ForeignKey
                            : node->kind == Kind::CheckGroup    ? Kind::Check
                                                                : Kind::Trigger;
        const qsizetype count = node->kind == Kind::UniqueGroup   ? t.uniques.size()
                              : node->kind == Kind::IndexGroup    ? t.indexes.size()
                              : node->kind == Kind::ForeignKeyGroup ? t.foreignKeys.size()
                              : node->kind == Kind::CheckGroup    ? t.checks.size()
                                                                  : t.triggers.size();
        for (int i = 0; i < count; ++i)
            node->add(itemKind, node->object, i);
        break;
    }
    default:
        break;
    }
}

SchemaTreeModel::Node *SchemaTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

int SchemaTreeModel::childCount(const Node *node) const
{
    populate(const_cast<Node *>(node));
    return int(node->children.size());
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    Node *p = nodeFor(parent);
    if (row >= childCount(p))
        return {};
    return createIndex(row, column, p->children.at(row).get());
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeFor(child);
    Node *p = n->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return childCount(nodeFor(parent));
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SchemaTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString SchemaTreeModel::displayName(const Node *n) const
{
    switch (n->kind) {
    case Kind::Namespace:
        if (!n->ns.isEmpty())
            return n->ns;
        return m_dialect == Dialect::SQLite ? QStringLiteral("main") : tr("(default schema)");
    case Kind::Table: return m_schema.tables.at(n->object).name;
    case Kind::View: return m_schema.views.at(n->object).name;
    case Kind::EnumType: return m_schema.enums.at(n->object).name;
    case Kind::Column: return m_schema.tables.at(n->object).columns.at(n->item).name;
    case Kind::UniqueGroup: return tr("Unique constraints");
    case Kind::IndexGroup: return tr("Indexes");
    case Kind::ForeignKeyGroup: return tr("Foreign keys");
    case Kind::CheckGroup: return tr("Checks");
    case Kind::TriggerGroup: return tr("Triggers");
    case Kind::Unique: {
        const UniqueConstraint &u = m_schema.tables.at(n->object).uniques.at(n->item);
        return u.name.isEmpty() ? tr("(unnamed)") : u.name;
    }
    case Kind::Index: return m_schema.tables.at(n->object).indexes.at(n->item).name;
    case Kind::ForeignKey: {
        const ForeignKey &fk = m_schema.tables.at(n->object).foreignKeys.at(n->item);
        return fk.name.isEmpty() ? fk.columns.join(QStringLiteral(", ")) : fk.name;
    }
    case Kind::Check: {
        const Check &c = m_schema.tables.at(n->object).checks.at(n->item);
        return c.name.isEmpty() ? tr("(unnamed)") : c.name;
    }
    case Kind::Trigger: return m_schema.tables.at(n->object).triggers.at(n->item).name;
    }
    return {};
}

QString SchemaTreeModel::detail(const Node *n) const
{
    switch (n->kind) {
    case Kind::Namespace: return tr("%n object(s)", nullptr, childCount(n));
    case Kind::Table: return tr("%n column(s)", nullptr, int(m_schema.tables.at(n->object).columns.size()));
    case Kind::View: return m_schema.views.at(n->object).materialized ? tr("materialized view") : tr("view");
    case Kind::EnumType: return m_schema.enums.at(n->object).values.join(QStringLiteral(", "));
    case Kind::Column: {
        const Table &t = m_schema.tables.at(n->object);
        const Column &c = t.columns.at(n->item);
        QString s = c.type.raw().isEmpty() ? c.type.canonicalName() : c.type.raw();
        // "PRIMARY KEY" only for a one-column key; parts of a composite key
        // carry the key icon.
        if (isPrimaryKeyColumn(t, c.name) && t.primaryKey->columns.size() == 1)
            s += QStringLiteral(" PRIMARY KEY");
        else if (!c.nullable)
            s += QStringLiteral(" NOT NULL");
        if (c.defaultExpr)
            s += QStringLiteral(" DEFAULT ") + *c.defaultExpr;
        return s;
    }
    case Kind::UniqueGroup:
    case Kind::IndexGroup:
    case Kind::ForeignKeyGroup:
    case Kind::CheckGroup:
    case Kind::TriggerGroup: return QString::number(childCount(n));
    case Kind::Unique: return joinColumns(m_schema.tables.at(n->object).uniques.at(n->item).columns);
    case Kind::Index: {
        const Index &i = m_schema.tables.at(n->object).indexes.at(n->item);
        QString s = (i.unique ? QStringLiteral("UNIQUE ") : QString()) + indexParts(i);
        if (!i.where.isEmpty())
            s += QStringLiteral(" WHERE ") + i.where;
        return s;
    }
    case Kind::ForeignKey: {
        const ForeignKey &fk = m_schema.tables.at(n->object).foreignKeys.at(n->item);
        const QString target = fk.refSchema.isEmpty() ? fk.refTable : fk.refSchema + u'.' + fk.refTable;
        QString s = joinColumns(fk.columns) + QStringLiteral(" → ") + target + joinColumns(fk.refColumns);
        if (fk.onDelete != ForeignKey::Action::NoAction)
            s += QStringLiteral(" ON DELETE ") + fkActionSql(fk.onDelete);
        return s;
    }
    case Kind::Check: return m_schema.tables.at(n->object).checks.at(n->item).expression;
    case Kind::Trigger: {
        const Trigger &t = m_schema.tables.at(n->object).triggers.at(n->item);
        return (t.timing + u' ' + t.events.join(QStringLiteral(" OR "))).trimmed();
    }
    }
    return {};
}

QString SchemaTreeModel::qualifiedName(const Node *n) const
{
    switch (n->kind) {
    case Kind::Namespace: return displayName(n);
    case Kind::Table: return m_schema.tables.at(n->object).qualifiedName();
    case Kind::View: {
        const View &v = m_schema.views.at(n->object);
        return v.schema.isEmpty() ? v.name : v.schema + u'.' + v.name;
    }
    case Kind::EnumType: {
        const EnumType &e = m_schema.enums.at(n->object);
        return e.schema.isEmpty() ? e.name : e.schema + u'.' + e.name;
    }
    default:
        return m_schema.tables.at(n->object).qualifiedName() + u'.' + displayName(n);
    }
}

QString SchemaTreeModel::toolTip(const Node *n) const
{
    QString tip = QStringLiteral("<b>%1</b> %2").arg(kindLabel(n->kind), qualifiedName(n).toHtmlEscaped());
    const QString d = detail(n);
    if (!d.isEmpty() && n->kind != Kind::Namespace)
        tip += QStringLiteral("<br><code>%1</code>").arg(d.toHtmlEscaped());
    if (n->kind == Kind::Table) {
        const QString comment = m_schema.tables.at(n->object).comment;
        if (!comment.isEmpty())
            tip += QStringLiteral("<br>") + comment.toHtmlEscaped();
    }
    if (n->kind == Kind::Column) {
        const QString comment = m_schema.tables.at(n->object).columns.at(n->item).comment;
        if (!comment.isEmpty())
            tip += QStringLiteral("<br>") + comment.toHtmlEscaped();
    }
    return tip;
}

QString SchemaTreeModel::tableDdl(const Table &table) const
{
    if (!m_generator)
        return {};
    QStringList out;
    for (const QString &s : m_generator->createTable(table))
        out << terminated(s);
    for (const Index &i : table.indexes)
        out << terminated(m_generator->createIndex(table, i));
    for (const ForeignKey &fk : table.foreignKeys)
        out << terminated(m_generator->addForeignKey(table, fk));
    for (const Trigger &t : table.triggers)
        out << terminated(m_generator->createTrigger(table, t));
    out.removeAll(QString());
    return out.join(QStringLiteral("\n\n")) + u'\n';
}

QString SchemaTreeModel::ddl(const Node *n) const
{
    if (!m_generator)
        return {};
    switch (n->kind) {
    case Kind::Namespace: return {};
    case Kind::View: return terminated(m_generator->createView(m_schema.views.at(n->object))) + u'\n';
    case Kind::EnumType: return terminated(m_generator->createEnum(m_schema.enums.at(n->object))) + u'\n';
    case Kind::Index: {
        const Table &t = m_schema.tables.at(n->object);
        return terminated(m_generator->createIndex(t, t.indexes.at(n->item))) + u'\n';
    }
    case Kind::Trigger: {
        const Table &t = m_schema.tables.at(n->object);
        return terminated(m_generator->createTrigger(t, t.triggers.at(n->item))) + u'\n';
    }
    case Kind::ForeignKey: {
        const Table &t = m_schema.tables.at(n->object);
        const QString alter = m_generator->addForeignKey(t, t.foreignKeys.at(n->item));
        if (!alter.isEmpty())
            return terminated(alter) + u'\n';
        return tableDdl(t);   // SQLite: foreign keys live inside CREATE TABLE
    }
    default:
        return tableDdl(m_schema.tables.at(n->object));
    }
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? displayName(n) : detail(n);
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        return icon(n);
    case Qt::ToolTipRole:
        return toolTip(n);
    case DdlRole:
        return ddl(n);
    case KindRole:
        return int(n->kind);
    case QualifiedNameRole:
        return qualifiedName(n);
    default:
        return {};
    }
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Name");
    if (section == DetailColumn)
        return tr("Definition");
    return {};
}

QHash<int, QByteArray> SchemaTreeModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(DdlRole, "ddl");
    names.insert(KindRole, "kind");
    names.insert(QualifiedNameRole, "qualifiedName");
    return names;
}

QIcon SchemaTreeModel::iconFor(Kind kind)
{
    static const QHash<Kind, QString> files = {
        {Kind::Namespace, QStringLiteral("namespace")},   {Kind::Table, QStringLiteral("table")},
        {Kind::View, QStringLiteral("view")},             {Kind::EnumType, QStringLiteral("enum")},
        {Kind::Column, QStringLiteral("column")},         {Kind::UniqueGroup, QStringLiteral("folder")},
        {Kind::IndexGroup, QStringLiteral("folder")},     {Kind::ForeignKeyGroup, QStringLiteral("folder")},
        {Kind::CheckGroup, QStringLiteral("folder")},     {Kind::TriggerGroup, QStringLiteral("folder")},
        {Kind::Unique, QStringLiteral("unique")},         {Kind::Index, QStringLiteral("index")},
        {Kind::ForeignKey, QStringLiteral("foreign-key")}, {Kind::Check, QStringLiteral("check")},
        {Kind::Trigger, QStringLiteral("trigger")},
    };
    return StudioStyle::icon(files.value(kind));
}

QIcon SchemaTreeModel::icon(const Node *n) const
{
    // Icons are cached per model: views ask for them on every paint.
    const bool key = n->kind == Kind::Column && isPrimaryKeyColumn(m_schema.tables.at(n->object), displayName(n));
    const int slot = key ? -1 : int(n->kind);
    auto it = m_icons.find(slot);
    if (it == m_icons.end())
        it = m_icons.insert(slot, key ? StudioStyle::icon("column-key") : iconFor(n->kind));
    return *it;
}

QString SchemaTreeModel::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Namespace: return tr("Schema");
    case Kind::Table: return tr("Table");
    case Kind::View: return tr("View");
    case Kind::EnumType: return tr("Enum type");
    case Kind::Column: return tr("Column");
    case Kind::UniqueGroup: return tr("Unique constraints");
    case Kind::IndexGroup: return tr("Indexes");
    case Kind::ForeignKeyGroup: return tr("Foreign keys");
    case Kind::CheckGroup: return tr("Checks");
    case Kind::TriggerGroup: return tr("Triggers");
    case Kind::Unique: return tr("Unique constraint");
    case Kind::Index: return tr("Index");
    case Kind::ForeignKey: return tr("Foreign key");
    case Kind::Check: return tr("Check");
    case Kind::Trigger: return tr("Trigger");
    }
    return {};
}

} // namespace covet
