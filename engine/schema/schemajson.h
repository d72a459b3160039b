#pragma once

#include "../core/error.h"
#include "schema.h"

#include <QByteArray>
#include <QJsonObject>

class QIODevice;

namespace covet {

// The stable, canonical JSON form of a Schema: keys sorted, lists in
// canonical order, fields at their default value left out. toJson() then
// fromJson() gives back an equal Schema.
class SchemaJson
{
public:
    static QJsonObject toJson(const Schema &schema);
    static QByteArray toCanonicalJson(const Schema &schema);   // indented UTF-8 text
    // The same text, handed to the device in pieces as it is written (a
    // large schema's text is never held whole); the error is the device's.
    static Status writeCanonicalJson(const Schema &schema, QIODevice &device);
    static Result<Schema> fromJson(const QJsonObject &object);
    static Result<Schema> fromJsonText(const QByteArray &text, const QString &sourceName = {});

    static QJsonObject tableToJson(const Table &table);
    static QJsonObject columnToJson(const Column &column);
};

} // namespace covet
