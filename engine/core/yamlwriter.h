#pragma once

#include "yamlnode.h"

#include <QByteArray>
#include <QString>

namespace covet {

// Writes a YamlNode as stable, human-readable YAML that YamlReader reads back
// to an equal node (parse(write(x)) == x):
//  - block mappings and sequences, two spaces per level;
//  - short collections of single-line scalars inline, as [id, name] or
//    {name: id, type: bigint}, when the line stays within lineWidth;
//  - a scalar is written plain when it reads back the same; otherwise it is
//    quoted (single quotes when that needs no escapes and the text holds " or
//    \, double quotes with escapes otherwise): empty strings, leading or
//    trailing blanks, indicators, ": " and " #", yes/no/true/false/null/~,
//    strings that look like numbers, non-printable characters;
//  - multi-line strings as | literal blocks (with - / + chomping and an
//    indentation digit when the first line starts with a space).
class YamlWriter
{
public:
    static QByteArray write(const YamlNode &node, int lineWidth = 100);

    // The one-line form of a scalar or null (plain or quoted), as write()
    // puts it in a block context; keys are always strings.
    static QString scalarText(const YamlNode &scalar);
    static QString keyText(const QString &key);
};

} // namespace covet
