#pragma once

#include "error.h"
#include "yamlnode.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>

namespace covet {

// The keys the mappings of a YAML file may hold, and where: migration
// operations, models files and covet.yaml declare their shape with it, and
// check() reports every key the shape does not allow, whatever its value
// (a misspelt key holding a default value must not pass unseen), each at its
// own file:line:column. Values are not checked here: the readers do that.
class YamlShape
{
public:
    // Anything (a scalar, or a value whose keys are not Covet's to check).
    YamlShape();
    // A mapping with exactly these keys (each with the shape of its value).
    static YamlShape mapping(std::initializer_list<std::pair<const char *, YamlShape>> fields);
    // A sequence whose items have this shape (a scalar is left alone).
    static YamlShape listOf(YamlShape item);
    // A mapping with keys of the user's choosing (environment names), each
    // value of this shape.
    static YamlShape mapOf(YamlShape value);
    // A list of items, or a mapping of that shape (primary_key: [a] or {columns: [a]}).
    static YamlShape listOrMapping(YamlShape item, YamlShape map);
    // A mapping whose shape depends on the value of one key (an operation's
    // "op"): an unknown value is left to the reader to report.
    static YamlShape selectedBy(const char *key, std::initializer_list<std::pair<const char *, YamlShape>> cases);
    // This mapping shape with more keys.
    YamlShape plus(std::initializer_list<std::pair<const char *, YamlShape>> fields) const;
    // The keys a mapping shape allows, in their order.
    QStringList keys() const;

    struct Unknown
    {
        QString key;
        QString where;     // "operations[0].column", or empty at the top
        QString message;   // "unknown key 'nulable' in ... (did you mean 'nullable'?); allowed: ..."
        int line = 0;
        int column = 0;
    };
    // Every key of `node` (and below) the shape does not allow.
    QList<Unknown> unknownKeys(const YamlNode &node, const QString &where = {}) const;
    // One InvalidInput error naming every unknown key of `node` with its
    // file:line:column, or nullopt when there is none. `where` names `node`
    // in the messages ("operations[2]"; empty at the top of a file).
    std::optional<Error> check(const YamlNode &node, const QString &sourceName, const QString &where = {}) const;

private:
    enum class Kind { Any, Mapping, List, MapOf, ListOrMapping, Selected };
    void collect(const YamlNode &node, const QString &where, QList<Unknown> &out) const;

    Kind m_kind = Kind::Any;
    QString m_selector;
    QList<std::pair<QString, std::shared_ptr<const YamlShape>>> m_fields;   // Mapping; Selected: the cases
    std::shared_ptr<const YamlShape> m_item;                               // List, MapOf, ListOrMapping
};

} // namespace covet
