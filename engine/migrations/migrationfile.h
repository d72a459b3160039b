#pragma once

#include "../core/error.h"
#include "migration.h"

#include <QByteArray>
#include <QString>

namespace covet {

class YamlNode;

// Reads and writes one migration file. Files are data, never code.
//
// YAML, NNNN_name.yaml:
//     id: 0002_add_sku                 # optional; must match the file name
//     description: Products get a SKU
//     author: Alice Example            # optional; recorded in the audit log
//     dependencies: [0001_initial]
//     replaces: [0001_a, 0002_b]       # optional, squashed migrations only
//     transactional: false             # optional, default true
//     operations:
//       - op: add_column
//         table: products
//         column: {name: sku, type: varchar(32), nullable: false, default: "''"}
// Operations use OperationJson's fields; a field the reader does not
// understand (unknown, or a value of the wrong type) is an error, never
// silently dropped.
//
// SQL, NNNN_name.sql: optional header lines before the first section
//     -- free comment lines (the description, unless covet:description is given)
//     -- covet:description Products get a SKU
//     -- covet:author Alice Example
//     -- covet:depends 0001_initial
//     -- covet:replaces 0001_a 0002_b
//     -- covet:non-transactional
//     -- covet:up
//     ...statements...
//     -- covet:down                    (optional: without it, irreversible)
//     ...statements...
//
// Every error is InvalidInput located "file:line" and says what is wrong.
// Both readers refuse files over maxFileSize, invalid UTF-8, NUL and other
// control characters, and lone CR line endings (LF and CRLF are accepted).
class MigrationFile
{
public:
    static constexpr qint64 maxFileSize = 4 * 1024 * 1024;

    // Reads the file; its name (without directory) must match
    // ^\d{4}_[a-z0-9_]+\.(yaml|sql)$.
    static Result<Migration> read(const QString &path);
    // Parses content as the file fileName (which gives the id and the
    // format); sourceName names it in errors (default: fileName).
    static Result<Migration> parse(const QByteArray &content, const QString &fileName, const QString &sourceName = {});

    // The file's text: YAML or SQL by the migration's format. parse() of it
    // gives the migration back.
    static QByteArray serialize(const Migration &migration);
    // The YAML document of a YAML migration (what serialize() writes).
    static YamlNode toYaml(const Migration &migration);
    // Writes the file atomically; an existing file is an error unless
    // overwrite is set.
    static Status write(const Migration &migration, const QString &path, bool overwrite = false);
};

} // namespace covet
