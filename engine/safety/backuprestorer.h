#pragma once

#include "backupstore.h"

namespace covet {

// Puts the values a backup saved back where they came from.
//
//  - Saved columns: UPDATE … matched by the saved primary key (UPDATE …
//    FROM on PostgreSQL and SQLite 3.33+, UPDATE … JOIN on MySQL/MariaDB).
//  - Saved tables: rows matched by primary key are updated, missing ones
//    inserted (ON CONFLICT / ON DUPLICATE KEY); a table without a primary
//    key is restored only into an empty table. Generated columns are left
//    to the server; PostgreSQL identity/serial sequences are moved past the
//    restored keys.
//  - Before anything is written, every target table and column must exist:
//    otherwise a NotFound error names what is missing and what to run
//    (`covet migrate` re-creates what a rollback dropped), and nothing
//    changes.
//  - Everything is written in one transaction and verified by checksum
//    (TableChecksum over the saved key and columns of the matching rows,
//    against the checksum recorded at backup time) before COMMIT; a
//    mismatch rolls it all back and says which table differs and how.
class BackupRestorer
{
public:
    explicit BackupRestorer(BackupStore &store) : m_store(store) {}

    // What restore() would write (rows to update, rows to insert per item);
    // the same NotFound error restore() gives when a target is missing.
    Result<BackupCheck> preview(qint64 id, const QList<int> &onlyItems = {});
    Result<BackupCheck> restore(qint64 id, const QString &restoredBy, const QList<int> &onlyItems = {},
                                const ProgressSink *progress = nullptr);
    // The same inside the caller's transaction (MySQL's undo of a failed
    // migration): verified, no BEGIN/COMMIT, the backup's status unchanged.
    Result<BackupCheck> restoreInPlace(const BackupRecord &record, const QList<int> &onlyItems = {});

private:
    struct Target
    {
        QStringList columns;          // the live table's columns
        QStringList generated;        // computed by the server
        QStringList identityAlways;   // PostgreSQL GENERATED ALWAYS AS IDENTITY
        QStringList sequenced;        // PostgreSQL serial/identity columns
    };
    struct Prepared
    {
        QList<BackupItem> items;
        QList<Target> targets;
    };
    // The items to restore, with every target checked to exist.
    Result<Prepared> prepare(const BackupRecord &record, const QList<int> &onlyItems);
    Result<Prepared> prepare(qint64 id, const QList<int> &onlyItems);
    Result<Target> target(const BackupItem &item);
    Result<QList<BackupItem>> selected(const BackupRecord &record, const QList<int> &onlyItems);
    Status checkTargets(const QList<BackupItem> &items, QList<Target> &targets);
    // written: the checksum of the rows the statement wrote, when it could
    // read it in the same pass (PostgreSQL UPDATE … RETURNING).
    Status write(const BackupItem &item, const Target &target, std::optional<TableChecksum::Value> *written);
    Result<BackupCheck::Item> verify(const BackupItem &item, const std::optional<TableChecksum::Value> &written = std::nullopt);
    Result<BackupCheck> writeAll(const QList<BackupItem> &items, const QList<Target> &targets, const ProgressSink *progress);

    BackupStore &m_store;
};

} // namespace covet
