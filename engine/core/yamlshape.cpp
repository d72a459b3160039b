#include "yamlshape.h"

#include <algorithm>

namespace covet {

namespace {

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString child(const QString &where, const QString &key)
{
    return where.isEmpty() ? key : where + u'.' + key;
}

} // namespace

YamlShape::YamlShape() = default;

YamlShape YamlShape::mapping(std::initializer_list<std::pair<const char *, YamlShape>> fields)
{
    YamlShape s;
    s.m_kind = Kind::Mapping;
    return s.plus(fields);
}

YamlShape YamlShape::plus(std::initializer_list<std::pair<const char *, YamlShape>> fields) const
{
    YamlShape s = *this;
    for (const auto &[key, shape] : fields)
        s.m_fields.append({QString::fromLatin1(key), std::make_shared<const YamlShape>(shape)});
    return s;
}

YamlShape YamlShape::listOf(YamlShape item)
{
    YamlShape s;
    s.m_kind = Kind::List;
    s.m_item = std::make_shared<const YamlShape>(std::move(item));
    return s;
}

YamlShape YamlShape::mapOf(YamlShape value)
{
    YamlShape s;
    s.m_kind = Kind::MapOf;
    s.m_item = std::make_shared<const YamlShape>(std::move(value));
    return s;
}

YamlShape YamlShape::listOrMapping(YamlShape item, YamlShape map)
{
    YamlShape s = std::move(map);
    s.m_kind = Kind::ListOrMapping;
    s.m_item = std::make_shared<const YamlShape>(std::move(item));
    return s;
}

YamlShape YamlShape::selectedBy(const char *key, std::initializer_list<std::pair<const char *, YamlShape>> cases)
{
    YamlShape s;
    s.m_kind = Kind::Selected;
    s.m_selector = QString::fromLatin1(key);
    return s.plus(cases);
}

QStringList YamlShape::keys() const
{
    QStringList out;
    for (const auto &f : m_fields)
        out << f.first;
    return out;
}

void YamlShape::collect(const YamlNode &node, const QString &where, QList<Unknown> &out) const
{
    switch (m_kind) {
    case Kind::Any:
        return;
    case Kind::List:
    case Kind::ListOrMapping:
        if (node.isSequence()) {
            for (qsizetype i = 0; i < node.size(); ++i)
                m_item->collect(node.at(i), where + QStringLiteral("[%1]").arg(i), out);
            return;
        }
        if (m_kind == Kind::List)
            return;
        break;
    case Kind::MapOf:
        if (node.isMapping())
            for (qsizetype i = 0; i < node.size(); ++i)
                m_item->collect(node.at(i), child(where, node.keyAt(i).scalar()), out);
        return;
    case Kind::Selected: {
        const YamlNode *selector = node.isMapping() ? node.get(m_selector) : nullptr;
        for (const auto &[value, shape] : m_fields)
            if (selector && selector->isScalar() && selector->scalar() == value)
                shape->collect(node, where, out);
        return;
    }
    case Kind::Mapping:
        break;
    }
    if (!node.isMapping())
        return;
    const QStringList allowed = keys();
    for (qsizetype i = 0; i < node.size(); ++i) {
        const YamlNode &keyNode = node.keyAt(i);
        const QString key = keyNode.scalar();
        const qsizetype known = allowed.indexOf(key);
        if (known >= 0) {
            m_fields.at(known).second->collect(node.at(i), child(where, key), out);
            continue;
        }
        QString nearest;
        int best = 3;
        for (const QString &a : allowed) {
            const int d = editDistance(key.toLower(), a);
            if (d < best) {
                best = d;
                nearest = a;
            }
        }
        const QString hint = nearest.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(nearest);
        // Name the mapping by its name or operation, where it has one.
        QString label;
        for (const char *k : {"name", "op"}) {
            const YamlNode *n = node.get(QLatin1String(k));
            if (label.isEmpty() && n && n->isScalar() && !n->scalar().isEmpty() && n->scalar().size() <= 60)
                label = QStringLiteral(" (%1)").arg(n->scalar());
        }
        out << Unknown{key, where,
                       QStringLiteral("unknown key '%1'%2%3; allowed: %4")
                           .arg(key, where.isEmpty() ? QString() : QStringLiteral(" in ") + where + label, hint,
                                allowed.join(QLatin1String(", "))),
                       keyNode.line(), keyNode.column()};
    }
}

QList<YamlShape::Unknown> YamlShape::unknownKeys(const YamlNode &node, const QString &where) const
{
    QList<Unknown> out;
    collect(node, where, out);
    return out;
}

std::optional<Error> YamlShape::check(const YamlNode &node, const QString &sourceName, const QString &where) const
{
    const QList<Unknown> unknown = unknownKeys(node, where);
    if (unknown.isEmpty())
        return std::nullopt;
    auto location = [&sourceName](const Unknown &u) {
        return u.line > 0 ? QStringLiteral("%1:%2:%3").arg(sourceName).arg(u.line).arg(u.column) : sourceName;
    };
    if (unknown.size() == 1)
        return Error(Error::Category::InvalidInput, unknown.first().message, location(unknown.first()));
    QStringList lines;
    for (const Unknown &u : unknown)
        lines << QStringLiteral("  %1: %2").arg(location(u), u.message);
    return Error(Error::Category::InvalidInput,
                 QStringLiteral("%1 unknown keys (a misspelt key is never ignored; fix or remove each):\n%2")
                     .arg(unknown.size()).arg(lines.join(u'\n')),
                 location(unknown.first()));
}

} // namespace covet
