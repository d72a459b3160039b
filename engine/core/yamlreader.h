#pragma once

#include "error.h"
#include "yamlnode.h"

#include <QByteArray>
#include <QString>

namespace covet {

// Reads the YAML subset Covet's files use (models files, migration files,
// covet.yaml) into a YamlNode tree. Supported:
//  - block mappings and sequences, including "- key: value" items and a
//    sequence written at its parent key's indentation;
//  - flow sequences [a, b] and flow mappings {a: 1, b: [x, y]}, nested, over
//    several lines, with a trailing comma allowed;
//  - plain, 'single' ('' escapes a quote) and "double" quoted scalars
//    (escapes \0 \a \b \t \n \v \f \r \e \" \/ \\ \N \_ \L \P \xXX \uXXXX
//    \UXXXXXXXX, and line folding);
//  - literal | and folded > block scalars with - / + chomping and an
//    optional indentation digit;
//  - # comments, a leading --- and a trailing ... marker, a UTF-8 BOM.
// Rejected with an InvalidInput error located "file:line:column": anchors,
// aliases, tags, directives, complex (?) keys, multiple documents, tabs used
// for indentation, duplicate keys, plain scalars continued on the next line,
// invalid UTF-8, control characters, nesting deeper than 200 levels.
class YamlReader
{
public:
    static Result<YamlNode> parse(const QByteArray &text, const QString &sourceName = {});
};

} // namespace covet
