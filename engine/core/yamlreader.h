#pragma once

#include "error.h"
#include "yamlnode.h"

#include <QByteArray>
#include <QString>

namespace covet {

// Reads a YAML document (models files, migration files, covet.yaml) into a
// YamlNode tree, with libfyaml (a YAML 1.2 parser that passes the YAML test
// suite) doing the parsing. Every node knows its file:line:column, and a
// quoted or block scalar stays a string whatever it reads like.
//
// Refused with an InvalidInput error located "file:line:column" (the
// messages of malformed YAML are libfyaml's): anchors, aliases, tags,
// directives, several documents, duplicate keys, collections and empty
// names as keys, invalid UTF-8, control characters, nesting deeper than 200
// levels. CR LF and a UTF-8 BOM are read as LF and nothing.
class YamlReader
{
public:
    static Result<YamlNode> parse(const QByteArray &text, const QString &sourceName = {});
};

} // namespace covet
