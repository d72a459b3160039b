#pragma once

#include "safety/backupstore.h"

#include <QAbstractTableModel>
#include <QHash>

namespace covet {

// The backups of one database (BackupStore::list()), newest first as the
// engine lists them: id, the migrations and direction of the run that took
// it, what it holds (table.column, or whole tables), when and by whom, how many tables and rows it holds, its checksum
// state (from the last Verify or restore in this session) and its status.
class BackupListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, MigrationsColumn, ContentsColumn, DirectionColumn, TakenAtColumn, TakenByColumn, TablesColumn, RowsColumn,
                  SizeColumn, ChecksumColumn, StatusColumn, ColumnCount };
    enum Roles { BackupIdRole = Qt::UserRole + 1 };

    explicit BackupListModel(QObject *parent = nullptr);

    void setBackups(const QList<BackupRecord> &backups);
    const QList<BackupRecord> &backups() const { return m_backups; }
    const BackupRecord *backupAt(int row) const;
    int rowOf(qint64 id) const;
    // The result of verifying (or restoring) a backup.
    void setCheck(qint64 id, const BackupCheck &check);
    void clear();

    static QString directionText(const QString &direction);   // translated
    static QString statusText(const QString &status);         // translated
    QString checksumText(qint64 id) const;
    // "customers.created_at; orders (table)".
    static QString contentsText(const BackupRecord &b);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString toolTip(const BackupRecord &b) const;

    QList<BackupRecord> m_backups;
    QHash<qint64, BackupCheck> m_checks;
};

} // namespace covet
