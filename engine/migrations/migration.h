#pragma once

#include "../core/error.h"
#include "../operations/operation.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace covet {

// One migration as read from its file (MigrationFile): a value type.
//
// Its id is the file name without extension, "0002_add_sku": a four-digit
// number and a lowercase name. A YAML migration carries typed operations
// (a run_sql operation holds raw SQL, per dialect where needed); a plain
// SQL migration carries the statements of its "-- covet:up" and
// "-- covet:down" sections instead.
struct Migration
{
    enum class Format { Yaml, Sql };

    QString id;                 // "0002_add_sku"
    int number = 0;             // 2
    QString name;               // "add_sku"
    QString description;
    QStringList dependencies;   // ids this one applies after
    // Whether the file says its dependencies (YAML `dependencies:`, even
    // empty; SQL `-- covet:depends`). A file that does not depends on the
    // migration with the previous number (MigrationRepository fills it in),
    // so numbered files run in number order as in Flyway or dbmate.
    bool dependenciesDeclared = false;
    QStringList replaces;       // ids a squashed migration stands for
    Format format = Format::Yaml;

    // YAML migrations.
    OperationList operations;

    // Plain SQL migrations: the section texts and the file line each one's
    // first line is on (to point errors at the file's line).
    QString upSql;
    QString downSql;
    bool hasDown = false;
    int upLine = 0;
    int downLine = 0;

    // False for a migration that must run outside a transaction (e.g.
    // PostgreSQL CREATE INDEX CONCURRENTLY).
    bool transactional = true;

    // Safety findings the author acknowledged (rule names of docs/safety.md,
    // or "all"), with the reason: `safety: {acknowledge: [...], reason: ...}`
    // in YAML, "-- covet:acknowledge RULE...: reason" in SQL. Acknowledged
    // findings are reported as such, do not fail `covet lint`, and the
    // reason is written to the audit log when the migration runs.
    QStringList acknowledged;
    QString acknowledgement;

    // Who wrote it (YAML `author:`, SQL "-- covet:author NAME"), where the
    // file says: recorded in the audit log, compared with who applies it.
    QString author;

    QString sourcePath;   // the file it was read from (empty when built in memory)
    QString checksum;     // Checksum of the file's canonical content (hex SHA-256)

    bool isSql() const { return format == Format::Sql; }
    // Whether every step has a way back: a SQL migration with a down
    // section; a YAML migration whose run_sql operations all have reverse
    // SQL (other operations are reversed from the schema before them).
    bool isReversible() const;
    // What in it destroys stored data: "drops table orders", "drops column
    // orders.note", "drops schema app", or for raw SQL (a SQL migration's up
    // section, run_sql's forward texts) "runs <statement>" for each
    // statement that is DROP TABLE/SCHEMA/DATABASE, TRUNCATE, DELETE (also
    // in a WITH) or ALTER TABLE ... DROP of a column or partition, found by
    // splitting and tokenizing the SQL per dialect (PostgreSQL DO bodies
    // included). Empty when nothing does.
    QStringList destructiveChanges() const;
    // The file name it is stored under: id + ".yaml" / ".sql".
    QString fileName() const;

    // "0002_add_sku" -> {2, "add_sku"}; nullopt unless the id matches
    // ^\d{4}_[a-z0-9_]+$ (number 0001..9999).
    struct IdParts { int number; QString name; };
    static std::optional<IdParts> parseId(const QString &id);
    // "0002" + "_" + name.
    static QString makeId(int number, const QString &name);
    // Whether a file name matches ^\d{4}_[a-z0-9_]+\.(yaml|sql)$.
    static bool isValidFileName(const QString &fileName);

    bool operator==(const Migration &) const = default;
};

} // namespace covet
