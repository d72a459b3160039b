#pragma once

#include "../core/error.h"
#include "migration.h"

#include <QHash>
#include <QList>
#include <QString>

namespace covet {

// The migrations directory of a project, loaded and validated.
//
// Every file whose name ends in .yaml, .yml or .sql must be a migration:
//  - its name matches ^\d{4}_[a-z0-9_]+\.(yaml|sql)$;
//  - it is a regular file that stays inside the directory (a symlink must
//    resolve inside it: QFileInfo::canonicalFilePath);
//  - its content matches the format (MigrationFile);
//  - no two migrations share a number.
// Other files (README.md, .gitkeep) and hidden files are ignored.
// Problems are collected, not stopped at: errors() lists each one as
// "file:line: problem", and the migrations that loaded are still available.
class MigrationRepository
{
public:
    static MigrationRepository load(const QString &directory);

    // The directory as given, made absolute.
    QString directory() const { return m_directory; }
    // The valid migrations, by number.
    const QList<Migration> &migrations() const { return m_migrations; }
    const QList<Error> &errors() const { return m_errors; }
    bool isValid() const { return m_errors.isEmpty(); }
    // OK, or one InvalidInput error listing every problem (one per line).
    Status status() const;

    // By id ("0002_add_sku") or by number ("0002", "2"); nullptr if absent.
    const Migration *find(const QString &idOrNumber) const;
    // One more than the highest number in use (1 for an empty directory).
    int nextNumber() const;
    // This repository with `m` added as if its file were in the directory
    // (makemigrations checks a migration against a database before writing it).
    MigrationRepository withMigration(const Migration &m) const;

    // The path of a file named fileName inside the directory, for reading or
    // writing a migration the user named: refuses separators, "..", absolute
    // paths, names not matching the pattern, and existing files or symlinks
    // that resolve outside the directory.
    Result<QString> checkedPath(const QString &fileName) const;

    // Whether a (canonical) path lies inside the (canonical) directory.
    static bool isInside(const QString &canonicalPath, const QString &canonicalDirectory);

private:
    void loadEntries();
    void buildIndex();   // after every change of m_migrations
    void addError(const QString &message, const QString &location, Error::Category c = Error::Category::InvalidInput);

    QString m_directory;
    QString m_canonical;
    QList<Migration> m_migrations;
    // Position in m_migrations by id and by number (the first one, in
    // order): find() is called once per migration by status and migrate.
    QHash<QString, qsizetype> m_byId;
    QHash<int, qsizetype> m_byNumber;
    QList<Error> m_errors;
};

} // namespace covet
