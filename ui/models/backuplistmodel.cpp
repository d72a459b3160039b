#include "backuplistmodel.h"

#include "app/studiostyle.h"

#include <QLocale>

namespace covet {

BackupListModel::BackupListModel(QObject *parent) : QAbstractTableModel(parent) {}

void BackupListModel::setBackups(const QList<BackupRecord> &backups)
{
    beginResetModel();
    m_backups = backups;
    endResetModel();
}

void BackupListModel::clear()
{
    m_checks.clear();
    setBackups({});
}

const BackupRecord *BackupListModel::backupAt(int row) const
{
    return row >= 0 && row < m_backups.size() ? &m_backups.at(row) : nullptr;
}

int BackupListModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_backups.size(); ++i)
        if (m_backups.at(i).id == id)
            return int(i);
    return -1;
}

void BackupListModel::setCheck(qint64 id, const BackupCheck &check)
{
    m_checks.insert(id, check);
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_backups.size());
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BackupListModel::directionText(const QString &direction)
{
    if (direction == u"apply")
        return tr("apply");
    if (direction == u"rollback")
        return tr("rollback");
    if (direction == u"manual")
        return tr("manual");
    return direction;
}

QString BackupListModel::statusText(const QString &status)
{
    if (status == u"kept")
        return tr("kept");
    if (status == u"restored")
        return tr("restored");
    if (status == u"dropped")
        return tr("dropped");
    return status;
}

QString BackupListModel::checksumText(qint64 id) const
{
    const auto it = m_checks.constFind(id);
    if (it == m_checks.cend())
        return tr("not verified");
    return it->ok() ? tr("verified") : tr("differs");
}

QString BackupListModel::contentsText(const BackupRecord &b)
{
    QStringList parts;
    for (const BackupItem &item : b.items) {
        if (item.kind == DataAtStake::Kind::Table) {
            parts << tr("%1 (table)").arg(item.source());
            continue;
        }
        // The key is saved to put the values back; what was destroyed is the rest.
        QStringList destroyed = item.columns;
        destroyed.removeIf([&item](const QString &c) { return item.key.contains(c); });
        parts << item.source() + u'.' + (destroyed.isEmpty() ? item.columns : destroyed).join(QStringLiteral(", "));
    }
    return parts.join(QStringLiteral("; "));
}

QString BackupListModel::toolTip(const BackupRecord &b) const
{
    QStringList lines;
    lines << tr("Backup %1, taken %2 by %3%4").arg(b.id).arg(QLocale().toString(b.takenAt.toLocalTime(), QLocale::ShortFormat), b.takenBy,
                                                   b.environment.isEmpty() ? QString() : tr(" (environment %1)").arg(b.environment));
    for (const BackupItem &item : b.items)
        lines << tr("%1. %2: %3 (%Ln row(s))", nullptr, int(qMin<qint64>(item.rows, INT_MAX)))
                     .arg(item.item)
                     .arg(item.source(), item.kind == DataAtStake::Kind::Table ? tr("whole table") : item.columns.join(QStringLiteral(", ")))
                 + (item.bytes >= 0 ? QStringLiteral(", ") + QLocale().formattedDataSize(item.bytes) : QString());
    if (b.restoredAt.isValid())
        lines << tr("Restored %1 by %2").arg(QLocale().toString(b.restoredAt.toLocalTime(), QLocale::ShortFormat), b.restoredBy);
    const auto it = m_checks.constFind(b.id);
    if (it != m_checks.cend())
        lines << it->toText().trimmed();
    return lines.join(u'\n');
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupRecord &b = m_backups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return QString::number(b.id);
        case MigrationsColumn: return b.migrations.join(QStringLiteral(", "));
        case ContentsColumn: return contentsText(b);
        case DirectionColumn: return directionText(b.direction);
        case TakenAtColumn: return b.takenAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case TakenByColumn: return b.takenBy;
        case TablesColumn: return QString::number(b.items.size());
        case RowsColumn: return StudioStyle::count(b.rows());
        case SizeColumn: return b.bytes() >= 0 ? QLocale().formattedDataSize(b.bytes()) : QStringLiteral("—");
        case ChecksumColumn: return checksumText(b.id);
        case StatusColumn: return statusText(b.status);
        default: return {};
        }
    case Qt::DecorationRole:
        if (index.column() == IdColumn)
            return StudioStyle::icon(b.status == u"restored" ? "restore" : "backup");
        if (index.column() == ChecksumColumn && m_checks.contains(b.id))
            return StudioStyle::riskIcon(m_checks.value(b.id).ok() ? RiskLevel::None : RiskLevel::Critical);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ChecksumColumn && m_checks.contains(b.id))
            return StudioStyle::riskColor(m_checks.value(b.id).ok() ? RiskLevel::None : RiskLevel::Critical);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == RowsColumn || index.column() == SizeColumn || index.column() == TablesColumn || index.column() == IdColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case Qt::ToolTipRole: return toolTip(b);
    case BackupIdRole: return b.id;
    default: return {};
    }
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Backup");
    case MigrationsColumn: return tr("Migrations");
    case ContentsColumn: return tr("Holds");
    case DirectionColumn: return tr("Direction");
    case TakenAtColumn: return tr("Taken at");
    case TakenByColumn: return tr("Taken by");
    case TablesColumn: return tr("Tables");
    case RowsColumn: return tr("Rows");
    case SizeColumn: return tr("Size");
    case ChecksumColumn: return tr("Checksum");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

} // namespace covet
