#pragma once

#include "../core/yamlnode.h"
#include "../schema/schema.h"

#include <QByteArray>

namespace covet {

// Writes a Schema as a models file (docs/models-file.md) that ModelsFile
// reads back to an equal, canonicalized Schema: default values left out,
// short columns and constraints on one line, raw_type only where it differs
// from what the dialect would spell.
class ModelsFileWriter
{
public:
    static YamlNode toYaml(const Schema &schema);
    static QByteArray write(const Schema &schema);
};

} // namespace covet
