#include "diffmodel.h"

#include "app/studiostyle.h"
#include "operations/operationdescriber.h"

#include <QHash>

#include <type_traits>

namespace covet {

namespace {

struct ObjectKey
{
    QString schema;
    QString name;
    QString oldName;
};

template <typename T, typename... Ts>
constexpr bool isOneOf = (std::is_same_v<T, Ts> || ...);

ObjectKey objectOf(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> ObjectKey {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                return {o.table.schema, o.table.name, o.table.name};
            else if constexpr (isOneOf<T, DropTable, DropView, DropEnum>)
                return {o.schema, o.name, o.name};
            else if constexpr (std::is_same_v<T, RenameTable>)
                return {o.schema, o.to, o.from};
            else if constexpr (std::is_same_v<T, CreateView>)
                return {o.view.schema, o.view.name, o.view.name};
            else if constexpr (std::is_same_v<T, CreateEnum>)
                return {o.enumType.schema, o.enumType.name, o.enumType.name};
            else if constexpr (std::is_same_v<T, AlterEnum>)
                return {o.after.schema, o.after.name, o.after.name};
            else if constexpr (isOneOf<T, CreateNamespace, DropNamespace>)
                return {QString(), o.name, o.name};
            else if constexpr (std::is_same_v<T, RunSql>)
                return {QString(), DiffModel::tr("SQL"), DiffModel::tr("SQL")};
            else
                return {o.schema, o.table, o.table};
        },
        op);
}

} // namespace

DiffModel::DiffModel(QObject *parent) : QAbstractItemModel(parent) {}

DiffModel::ChangeKind DiffModel::changeKind(const Operation &op)
{
    return std::visit(
        [](const auto &o) -> ChangeKind {
            using T = std::decay_t<decltype(o)>;
            if constexpr (isOneOf<T, CreateTable, AddColumn, CreateIndex, AddForeignKey, AddCheck, AddUnique, CreateView,
                                  CreateTrigger, CreateEnum, CreateNamespace>)
                return ChangeKind::Added;
            else if constexpr (isOneOf<T, DropTable, DropColumn, DropIndex, DropForeignKey, DropCheck, DropUnique, DropView,
                                       DropTrigger, DropEnum, DropNamespace>)
                return ChangeKind::Removed;
            else if constexpr (isOneOf<T, RenameTable, RenameColumn>)
                return ChangeKind::Renamed;
            else {
                (void)o;
                return ChangeKind::Changed;
            }
        },
        op);
}

QString DiffModel::changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added: return tr("added");
    case ChangeKind::Removed: return tr("removed");
    case ChangeKind::Changed: return tr("changed");
    case ChangeKind::Renamed: return tr("renamed");
    }
    return {};
}

QIcon DiffModel::iconFor(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added: return StudioStyle::icon("change-added");
    case ChangeKind::Removed: return StudioStyle::icon("change-removed");
    case ChangeKind::Changed: return StudioStyle::icon("change-changed");
    case ChangeKind::Renamed: return StudioStyle::icon("change-renamed");
    }
    return {};
}

QColor DiffModel::colorFor(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added: return StudioStyle::textColor(StudioStyle::Tone::Ok);
    case ChangeKind::Removed: return StudioStyle::textColor(StudioStyle::Tone::Error);
    case ChangeKind::Changed: return StudioStyle::textColor(StudioStyle::Tone::Warning);
    case ChangeKind::Renamed: return StudioStyle::textColor(StudioStyle::Tone::Info);
    }
    return {};
}

void DiffModel::clear()
{
    setOperations({});
}

void DiffModel::setOperations(const OperationList &operations)
{
    beginResetModel();
    m_operations = operations;
    m_groups.clear();
    QHash<QString, int> byKey;
    for (int i = 0; i < m_operations.size(); ++i) {
        const Operation &op = m_operations.at(i);
        ObjectKey key = objectOf(op);
        // A column change after a table rename names the table by its new name.
        const QString hashKey = key.schema + u'\x1f' + key.name;
        auto it = byKey.find(hashKey);
        if (it == byKey.end()) {
            it = byKey.insert(hashKey, int(m_groups.size()));
            m_groups.append(Group{key.schema, key.name, key.oldName, ChangeKind::Changed, {}});
        }
        Group &g = m_groups[*it];
        g.operations.append(i);
        if (std::holds_alternative<CreateTable>(op) || std::holds_alternative<CreateView>(op)
            || std::holds_alternative<CreateEnum>(op) || std::holds_alternative<CreateNamespace>(op)) {
            if (g.kind != ChangeKind::Removed)   // drop + create of one view: changed
                g.kind = ChangeKind::Added;
            else
                g.kind = ChangeKind::Changed;
        } else if (std::holds_alternative<DropTable>(op) || std::holds_alternative<DropView>(op)
                   || std::holds_alternative<DropEnum>(op) || std::holds_alternative<DropNamespace>(op)) {
            g.kind = g.operations.size() == 1 ? ChangeKind::Removed : ChangeKind::Changed;
        } else if (std::holds_alternative<RenameTable>(op)) {
            g.kind = ChangeKind::Renamed;
            g.oldName = key.oldName;
        } else if (g.operations.size() > 1 && g.kind == ChangeKind::Removed) {
            g.kind = ChangeKind::Changed;
        }
    }
    endResetModel();
}

QModelIndex DiffModel::objectIndex(const QString &name, const QString &schema) const
{
    for (int r = 0; r < m_groups.size(); ++r)
        if (m_groups.at(r).name == name && m_groups.at(r).schema == schema)
            return index(r, 0);
    return {};
}

QModelIndex DiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).operations.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex DiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_groups.at(parent.row()).operations.size());
}

int DiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isGroup = index.internalId() == 0;
    const Group &g = m_groups.at(isGroup ? index.row() : int(index.internalId() - 1));
    const int opIndex = isGroup ? -1 : g.operations.at(index.row());
    const ChangeKind kind = isGroup ? g.kind : changeKind(m_operations.at(opIndex));
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KindColumn)
            return changeKindName(kind);
        if (isGroup) {
            const QString name = g.schema.isEmpty() ? g.name : g.schema + u'.' + g.name;
            return g.kind == ChangeKind::Renamed ? tr("%1 (was %2)").arg(name, g.oldName) : name;
        }
        return OperationDescriber::describe(m_operations.at(opIndex));
    case Qt::ToolTipRole:
        return isGroup ? tr("%n change(s)", nullptr, int(g.operations.size()))
                       : OperationDescriber::describe(m_operations.at(opIndex));
    case Qt::DecorationRole:
        return index.column() == DescriptionColumn ? QVariant(iconFor(kind)) : QVariant();
    case Qt::ForegroundRole:
        return colorFor(kind);
    case ChangeKindRole:
        return int(kind);
    case OperationIndexRole:
        return opIndex;
    case ObjectNameRole:
        return g.name;
    case ObjectSchemaRole:
        return g.schema;
    case OldObjectNameRole:
        return g.oldName;
    default:
        return {};
    }
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == DescriptionColumn ? tr("Change") : section == KindColumn ? tr("Kind") : QVariant();
}

} // namespace covet
