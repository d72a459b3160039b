#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace covet {

// One node of a YAML document: null, scalar, sequence or mapping. A value
// type. Mappings keep their keys in insertion order and never hold a key
// twice; keys are strings. Every node parsed from text knows its source name,
// line and column (1-based), for error messages.
//
// Scalars remember whether they were written quoted (or as a | > block): a
// quoted scalar is always a string, a plain one is resolved by its content
// (plainKind()), so `yes` is a boolean but `"yes"` stays a string.
class YamlNode
{
public:
    enum class Type { Null, Scalar, Sequence, Mapping };
    // What a plain (unquoted) scalar means, YAML 1.1 style, as other tools read it.
    enum class PlainKind { Null, Bool, Int, Float, String };

    YamlNode() = default;   // null
    static YamlNode plain(const QString &text);     // a plain scalar, resolved by content
    static YamlNode string(const QString &text);    // always a string (quoted if needed)
    static YamlNode boolean(bool value);
    static YamlNode integer(qint64 value);
    static YamlNode sequence();
    static YamlNode mapping();
    static YamlNode stringList(const QStringList &items);   // a sequence of strings

    Type type() const { return m_type; }
    // True for a null node and for a plain scalar such as `~` or `null`.
    bool isNull() const;
    bool isScalar() const { return m_type == Type::Scalar; }
    bool isSequence() const { return m_type == Type::Sequence; }
    bool isMapping() const { return m_type == Type::Mapping; }
    QString typeName() const;   // "null", "scalar", "sequence", "mapping"

    // Scalars: the text (empty for null and collections).
    QString scalar() const { return m_scalar; }
    bool isQuoted() const { return m_quoted; }
    // A quoted scalar, or a plain one that does not read as null/bool/number.
    bool isString() const;
    // Plain true/false/yes/no/on/off (any case spelling YAML allows); a
    // quoted "yes" is a string, not a boolean.
    bool toBool(bool *ok = nullptr) const;
    // Plain decimal integers only.
    int toInt(bool *ok = nullptr) const;
    static PlainKind plainKind(const QString &text);

    // Sequences: items; mappings: values, in key order.
    qsizetype size() const { return qsizetype(m_items.size()); }
    const YamlNode &at(qsizetype i) const { return m_items.at(size_t(i)); }
    const std::vector<YamlNode> &items() const { return m_items; }

    // Mappings.
    QStringList keys() const;
    const YamlNode *get(const QString &key) const;        // nullptr if absent
    const YamlNode *keyNode(const QString &key) const;    // the key itself (for its location)
    const YamlNode &keyAt(qsizetype i) const { return m_keys.at(size_t(i)); }
    bool contains(const QString &key) const { return keyIndex(key) >= 0; }

    // Building. append() on a non-sequence and insert() on a non-mapping turn
    // the node into one. insert() refuses a duplicate key and returns false.
    void append(YamlNode item);
    bool insert(const QString &key, YamlNode value);
    bool insert(YamlNode key, YamlNode value);

    // Source position.
    void setLocation(const QString &sourceName, int line, int column);
    QString sourceName() const { return m_source; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    QString location() const;             // "file:line"
    QString locationWithColumn() const;   // "file:line:column"

    // Structural equality: types, texts, whether each scalar is a string,
    // keys in order. Locations and the way a scalar was quoted do not count;
    // every null-reading node equals every other.
    bool operator==(const YamlNode &other) const;

private:
    qsizetype keyIndex(const QString &key) const;
    static constexpr size_t kIndexFrom = 16;

    Type m_type = Type::Null;
    QString m_scalar;
    bool m_quoted = false;
    std::vector<YamlNode> m_keys;    // mappings: key scalars
    std::vector<YamlNode> m_items;   // sequence items, mapping values
    QHash<QString, qsizetype> m_keyIndex;   // key -> index, once a mapping has kIndexFrom keys
    QString m_source;
    int m_line = 0;
    int m_column = 0;
};

} // namespace covet
