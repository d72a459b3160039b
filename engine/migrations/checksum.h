#pragma once

#include "../core/error.h"
#include "../core/yamlnode.h"

#include <QByteArray>
#include <QString>

namespace covet {

// The checksum of a migration file: lowercase hex SHA-256 of its canonical
// content, so only edits that change meaning change it.
//  - YAML: the parsed document written back by YamlWriter. Indentation,
//    quoting style, flow vs block style, comments and line endings do not
//    count; any changed key or value (every operation field) does.
//  - SQL: the text with CRLF/CR line endings as LF, trailing whitespace
//    removed from every line, and leading/trailing blank lines removed.
//    Everything else counts, comments and header directives included.
// The runner stores it in _covet_migrations and compares it on every run.
class Checksum
{
public:
    static QString ofYaml(const YamlNode &document);
    static QString ofSql(const QString &text);
    // The SQL text as its checksum sees it.
    static QString normalizedSql(const QString &text);
    // The checksum of a file's content; the extension (.yaml / .sql) of
    // fileName picks the rule. Malformed YAML is an error.
    static Result<QString> ofContent(const QByteArray &content, const QString &fileName);

    static QString sha256(const QByteArray &bytes);
};

} // namespace covet
