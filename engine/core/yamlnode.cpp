#include "yamlnode.h"

#include <QRegularExpression>

namespace covet {

YamlNode YamlNode::plain(const QString &text)
{
    YamlNode n;
    n.m_type = Type::Scalar;
    n.m_scalar = text;
    return n;
}

YamlNode YamlNode::string(const QString &text)
{
    YamlNode n = plain(text);
    n.m_quoted = true;
    return n;
}

YamlNode YamlNode::boolean(bool value)
{
    return plain(value ? QStringLiteral("true") : QStringLiteral("false"));
}

YamlNode YamlNode::integer(qint64 value)
{
    return plain(QString::number(value));
}

YamlNode YamlNode::sequence()
{
    YamlNode n;
    n.m_type = Type::Sequence;
    return n;
}

YamlNode YamlNode::mapping()
{
    YamlNode n;
    n.m_type = Type::Mapping;
    return n;
}

YamlNode YamlNode::stringList(const QStringList &items)
{
    YamlNode n = sequence();
    for (const QString &s : items)
        n.append(string(s));
    return n;
}

bool YamlNode::isNull() const
{
    return m_type == Type::Null || (m_type == Type::Scalar && !m_quoted && plainKind(m_scalar) == PlainKind::Null);
}

QString YamlNode::typeName() const
{
    switch (m_type) {
    case Type::Null: return QStringLiteral("null");
    case Type::Scalar: return QStringLiteral("scalar");
    case Type::Sequence: return QStringLiteral("sequence");
    case Type::Mapping: return QStringLiteral("mapping");
    }
    return {};
}

bool YamlNode::isString() const
{
    return m_type == Type::Scalar && (m_quoted || plainKind(m_scalar) == PlainKind::String);
}

YamlNode::PlainKind YamlNode::plainKind(const QString &t)
{
    static const QStringList nulls = {QStringLiteral(""), QStringLiteral("~"), QStringLiteral("null"),
                                      QStringLiteral("Null"), QStringLiteral("NULL")};
    static const QStringList bools = {
        QStringLiteral("true"), QStringLiteral("True"), QStringLiteral("TRUE"), QStringLiteral("false"),
        QStringLiteral("False"), QStringLiteral("FALSE"), QStringLiteral("yes"), QStringLiteral("Yes"),
        QStringLiteral("YES"), QStringLiteral("no"), QStringLiteral("No"), QStringLiteral("NO"),
        QStringLiteral("on"), QStringLiteral("On"), QStringLiteral("ON"), QStringLiteral("off"),
        QStringLiteral("Off"), QStringLiteral("OFF"), QStringLiteral("y"), QStringLiteral("Y"),
        QStringLiteral("n"), QStringLiteral("N")};
    // YAML 1.1 and 1.2 integer and float spellings (decimal, octal, hex,
    // binary, sexagesimal, underscores, .inf, .nan).
    static const QRegularExpression intRe(QStringLiteral(
        "^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$"));
    static const QRegularExpression floatRe(QStringLiteral(
        "^([-+]?(\\.[0-9][0-9_]*|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
        "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    // Every null and boolean spelling is at most 5 characters long, and
    // every number starts with a sign, a digit or a dot: most scalars (names,
    // types) are told apart without a list search or a regular expression.
    if (t.size() <= 5 && nulls.contains(t))
        return PlainKind::Null;
    if (t.size() <= 5 && bools.contains(t))
        return PlainKind::Bool;
    const char16_t first = t.isEmpty() ? u'\0' : t.front().unicode();
    if (!((first >= u'0' && first <= u'9') || first == u'-' || first == u'+' || first == u'.'))
        return PlainKind::String;
    if (t.size() > 64 || t.contains(u'\n'))
        return PlainKind::String;
    if (intRe.match(t).hasMatch())
        return PlainKind::Int;
    if (floatRe.match(t).hasMatch())
        return PlainKind::Float;
    return PlainKind::String;
}

bool YamlNode::toBool(bool *ok) const
{
    const bool isBool = m_type == Type::Scalar && !m_quoted && plainKind(m_scalar) == PlainKind::Bool;
    if (ok)
        *ok = isBool;
    if (!isBool)
        return false;
    const QString l = m_scalar.toLower();
    return l == u"true" || l == u"yes" || l == u"on" || l == u"y";
}

int YamlNode::toInt(bool *ok) const
{
    static const QRegularExpression decimal(QStringLiteral("\\A[-+]?[0-9]+\\z"));
    bool good = m_type == Type::Scalar && !m_quoted && decimal.match(m_scalar).hasMatch();
    int v = good ? m_scalar.toInt(&good, 10) : 0;
    if (ok)
        *ok = good;
    return good ? v : 0;
}

QStringList YamlNode::keys() const
{
    QStringList out;
    out.reserve(qsizetype(m_keys.size()));
    for (const YamlNode &k : m_keys)
        out << k.m_scalar;
    return out;
}

qsizetype YamlNode::keyIndex(const QString &key) const
{
    if (!m_keyIndex.isEmpty())
        return m_keyIndex.value(key, -1);
    for (size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i].m_scalar == key)
            return qsizetype(i);
    return -1;
}

const YamlNode *YamlNode::get(const QString &key) const
{
    const qsizetype i = keyIndex(key);
    return i < 0 ? nullptr : &m_items[size_t(i)];
}

const YamlNode *YamlNode::keyNode(const QString &key) const
{
    const qsizetype i = keyIndex(key);
    return i < 0 ? nullptr : &m_keys[size_t(i)];
}

void YamlNode::append(YamlNode item)
{
    if (m_type != Type::Sequence) {
        *this = sequence();
    }
    m_items.push_back(std::move(item));
}

bool YamlNode::insert(const QString &key, YamlNode value)
{
    return insert(string(key), std::move(value));
}

bool YamlNode::insert(YamlNode key, YamlNode value)
{
    if (m_type != Type::Mapping)
        *this = mapping();
    if (keyIndex(key.m_scalar) >= 0)
        return false;
    key.m_type = Type::Scalar;
    m_keys.push_back(std::move(key));
    m_items.push_back(std::move(value));
    // Past a few keys, look them up by hash: a linear search per insert made
    // reading a mapping of n keys take n² steps (20,000 keys took a minute;
    // found by fuzzing the YAML reader).
    if (!m_keyIndex.isEmpty()) {
        m_keyIndex.insert(m_keys.back().m_scalar, qsizetype(m_keys.size()) - 1);
    } else if (m_keys.size() >= kIndexFrom) {
        for (size_t i = 0; i < m_keys.size(); ++i)
            m_keyIndex.insert(m_keys[i].m_scalar, qsizetype(i));
    }
    return true;
}

void YamlNode::setLocation(const QString &sourceName, int line, int column)
{
    m_source = sourceName;
    m_line = line;
    m_column = column;
}

QString YamlNode::location() const
{
    const QString src = m_source.isEmpty() ? QStringLiteral("<yaml>") : m_source;
    return m_line > 0 ? QStringLiteral("%1:%2").arg(src).arg(m_line) : src;
}

QString YamlNode::locationWithColumn() const
{
    return m_line > 0 ? QStringLiteral("%1:%2").arg(location()).arg(m_column) : location();
}

bool YamlNode::operator==(const YamlNode &o) const
{
    const bool null = isNull();
    if (null || o.isNull())
        return null == o.isNull();
    if (m_type != o.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Scalar:
        return m_scalar == o.m_scalar && isString() == o.isString();
    case Type::Sequence:
        return m_items == o.m_items;
    case Type::Mapping:
        if (m_keys.size() != o.m_keys.size())
            return false;
        for (size_t i = 0; i < m_keys.size(); ++i)
            if (m_keys[i].m_scalar != o.m_keys[i].m_scalar)
                return false;
        return m_items == o.m_items;
    }
    return false;
}

} // namespace covet
