#pragma once

#include "../core/error.h"
#include "../core/progress.h"
#include "../db/dialectcapabilities.h"
#include "../db/sqlexecutor.h"
#include "riskreport.h"
#include "tablechecksum.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

// One table a backup saved.
struct BackupItem
{
    int item = 0;                  // 1, 2, … within the backup
    DataAtStake::Kind kind = DataAtStake::Kind::Columns;
    QString migrationId;           // the migration whose step destroys it
    int step = -1;
    QString sourceSchema;          // where the data came from
    QString sourceTable;
    QStringList columns;           // Columns: the saved columns (Table: every column)
    QStringList key;               // the primary key columns saved with them
    QString backupSchema;          // where it is kept (PostgreSQL: _covet_backup)
    QString backupTable;
    qint64 rows = 0;
    qint64 bytes = -1;             // the backup table on disk, with its index (-1: not known, or dropped)
    TableChecksum::Value checksum; // of key + columns, when taken
    QString source() const { return sourceSchema.isEmpty() ? sourceTable : sourceSchema + u'.' + sourceTable; }
    QJsonObject toJson() const;
};

// One backup: what a migrate or rollback was about to destroy.
struct BackupRecord
{
    qint64 id = 0;
    QDateTime takenAt;             // UTC
    QStringList migrations;        // the migrations of the run that destroy data
    QString direction;             // "apply" | "rollback" | "manual"
    QString takenBy;               // "user@host"
    QString databaseUser;
    QString environment;
    QString status;                // "kept", "restored", "dropped"
    QDateTime restoredAt;
    QString restoredBy;
    QList<BackupItem> items;
    qint64 rows() const;
    // The backup tables' size on disk (-1: not known).
    qint64 bytes() const;
    QJsonObject toJson() const;
};

// Who takes a backup and why.
struct BackupContext
{
    QStringList migrations;
    QString direction;
    QString takenBy;               // "user@host"
    QString databaseUser;
    QString environment;
};

// What verify() and restore() found.
struct BackupCheck
{
    struct Item
    {
        int item = 0;
        QString source;
        bool ok = false;
        QString detail;            // "checksum matches (5,000 rows)" or what differs
    };
    QList<Item> items;
    bool ok() const;
    QString toText() const;
    QJsonObject toJson() const;
};

// Backups inside the managed database: the data a plan destroys — columns
// with their table's primary key, or whole tables — copied into backup
// tables before it runs, recorded in _covet_backups and
// _covet_backup_items with a checksum of the saved rows.
//
// Where: PostgreSQL keeps backup tables in the schema _covet_backup
// (b<id>_<item>); SQLite and MySQL/MariaDB in the same database as
// _covet_backup_<id>_<item>. The catalog tables are created with the first
// backup.
//
// Transactions: take() runs in the caller's transaction where the dialect
// has transactional DDL (so a migration rolled back takes its backup with
// it); on MySQL/MariaDB every CREATE TABLE commits, so the caller takes it
// before the change. A failed backup returns an error and leaves no
// catalog row.
//
// BackupRestorer puts the saved values back.
class BackupStore
{
public:
    explicit BackupStore(SqlExecutor &sql, const DialectCapabilities &caps) : m_sql(sql), m_caps(caps) {}

    static QString catalogTable() { return QStringLiteral("_covet_backups"); }
    static QString itemsTable() { return QStringLiteral("_covet_backup_items"); }
    static QString backupSchemaName() { return QStringLiteral("_covet_backup"); }   // PostgreSQL

    Status ensure();
    // Whether any backup was ever taken here (the catalog exists).
    Result<bool> exists();
    // Saves what `stakes` name (stakes with nothing at stake are skipped);
    // nullopt when there was nothing to save.
    Result<std::optional<BackupRecord>> take(const QList<DataAtStake> &stakes, const BackupContext &context,
                                             const ProgressSink *progress = nullptr);
    // Every backup with its items and their size on disk (one catalog
    // statement for the sizes, whatever the number of backups).
    Result<QList<BackupRecord>> list();
    Result<BackupRecord> get(qint64 id);
    // Recomputes each saved table's checksum and compares it with the recorded one.
    Result<BackupCheck> verify(qint64 id);
    // Drops the backup tables and marks the backup dropped.
    Status drop(qint64 id);
    // Drops backups taken more than `days` days ago; returns their ids.
    Result<QList<qint64>> prune(int days);
    // Marks a backup restored (by whom, now).
    Status markRestored(qint64 id, const QString &by);

    QString q(const QString &identifier) const;
    QString qt(const QString &schema, const QString &table) const;
    SqlExecutor &sql() const { return m_sql; }
    const DialectCapabilities &capabilities() const { return m_caps; }

private:
    Result<qint64> insertRecord(const BackupContext &context);
    Result<BackupItem> saveItem(qint64 id, int item, const DataAtStake &stake);
    Status writeItem(qint64 id, const BackupItem &item);
    // Copies the saved columns `cols` (quoted) of `source` into the new backup table `target`.
    Status copyInto(const BackupItem &item, const QString &source, const QString &target, const QStringList &cols);
    QString backupTableFor(qint64 id, int item) const;
    Status readSizes(QList<BackupRecord> &records);

    SqlExecutor &m_sql;
    DialectCapabilities m_caps;
};

} // namespace covet
