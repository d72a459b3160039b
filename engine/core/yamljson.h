#pragma once

#include "yamlnode.h"

#include <QJsonValue>
#include <QStringList>

namespace covet {

// Converts between YAML nodes and JSON values, so the JSON shapes the engine
// already has (OperationJson, SchemaJson) can be stored in YAML files.
//  - YAML -> JSON: a quoted scalar is a string; a plain one by its content
//    (null, true/false/yes/no, integer, float, else string); sequences are
//    arrays, mappings objects.
//  - JSON -> YAML: strings stay strings (quoted when they would read as
//    something else), integral numbers are integers, booleans booleans.
//    Object keys named in leadingKeys come first, in that order; the others
//    follow alphabetically (QJsonObject's order).
class YamlJson
{
public:
    static QJsonValue toJson(const YamlNode &node);
    static YamlNode fromJson(const QJsonValue &value, const QStringList &leadingKeys = {});

    // The first part of `given` that `understood` does not carry, or nullptr
    // when every field survived. `understood` is what a reader made of the
    // given text, written back (e.g. OperationJson::toJson(fromJson(x))): a
    // field it dropped or changed was unknown to the reader or of the wrong
    // type. A field the writer leaves out because it holds its default value
    // (null, false, true, "", an empty list or mapping) is not reported.
    // Lists are compared element by element in any order.
    static const YamlNode *firstLostField(const YamlNode &given, const QJsonValue &understood, QString *path = nullptr);
};

} // namespace covet
