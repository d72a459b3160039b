#pragma once

#include "../core/error.h"

#include <QString>
#include <QStringList>

namespace covet {

// The built-in demo: a small SQLite shop (categories, customers, products,
// orders, order_items, a view and a trigger) with a migration history and a
// newer models file, so every view has something real to show.
//
// The project files are compiled into the engine as Qt resources under
// ":/covet/demo". create() copies them into a directory and builds demo.db
// from migrations 0001 and 0002 and the seed data; migration 0003 stays
// pending. Rolling 0002 back destroys the customers' loyalty points and
// tiers, so the rollback desk has a real risk report, backup and restore.
class DemoProject
{
public:
    // The name of the database file inside the project directory.
    static QString databaseFileName() { return QStringLiteral("demo.db"); }
    // The migrations create() applies, in order; later ones are left pending.
    static QStringList appliedMigrations() { return {QStringLiteral("0001_initial"), QStringLiteral("0002_customer_loyalty")}; }

    // Creates the project in targetDir (created if missing; it must not
    // already hold a Covet project) and returns its absolute path. On error
    // nothing half-built is left behind in targetDir.
    static Result<QString> create(const QString &targetDir);

    // The statements under "-- covet:up" (or "-- covet:down") of a plain SQL
    // migration, as one script.
    static Result<QString> migrationSection(const QString &migrationSql, const QString &section,
                                            const QString &fileName);
};

} // namespace covet
