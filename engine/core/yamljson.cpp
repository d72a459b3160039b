#include "yamljson.h"

#include <QRegularExpression>

#include <QJsonArray>
#include <QJsonObject>

namespace covet {

namespace {

QString scalarOfJson(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    default:
        return {};
    }
}

bool scalarMatches(const YamlNode &given, const QJsonValue &understood)
{
    const QJsonValue g = YamlJson::toJson(given);
    if (g == understood)
        return true;
    if (g.isDouble() && understood.isDouble())
        return g.toDouble() == understood.toDouble();
    // A number or boolean given where the reader keeps text (or the reverse)
    // survived when the texts agree.
    if (understood.isString()) {
        if (given.scalar() == understood.toString())
            return true;
        // A keyword the reader spells its own way (on_delete: CASCADE or
        // "SET NULL" read as cascade, set_null) survived.
        static const QRegularExpression keyword(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
        QString spelled = given.scalar().trimmed().toLower();
        spelled.replace(u' ', u'_');
        return keyword.match(understood.toString()).hasMatch() && spelled == understood.toString();
    }
    if (g.isString() && (understood.isDouble() || understood.isBool()))
        return g.toString() == scalarOfJson(understood);
    return false;
}

bool looksLikeDefault(const YamlNode &node)
{
    if (node.isNull())
        return true;
    if (node.isScalar()) {
        bool isBool = false;
        node.toBool(&isBool);
        return (isBool && !node.isQuoted()) || node.scalar().isEmpty();
    }
    return node.size() == 0;
}

const YamlNode *lost(const YamlNode &given, const QJsonValue &understood, QString *path)
{
    if (given.isNull())
        return nullptr;
    if (understood.isUndefined() || understood.isNull()) {
        if (looksLikeDefault(given))
            return nullptr;
        if (given.isMapping()) {
            // Every field may be a default the writer leaves out.
            for (qsizetype i = 0; i < given.size(); ++i) {
                const QString key = given.keyAt(i).scalar();
                QString sub = *path + (path->isEmpty() ? QString() : QStringLiteral(".")) + key;
                if (const YamlNode *n = lost(given.at(i), QJsonValue(QJsonValue::Undefined), &sub)) {
                    *path = sub;
                    return n;
                }
            }
            return nullptr;
        }
        return &given;
    }
    if (given.isScalar())
        return scalarMatches(given, understood) ? nullptr : &given;
    if (given.isMapping()) {
        if (!understood.isObject())
            return &given;
        const QJsonObject o = understood.toObject();
        for (qsizetype i = 0; i < given.size(); ++i) {
            const QString key = given.keyAt(i).scalar();
            QString sub = *path + (path->isEmpty() ? QString() : QStringLiteral(".")) + key;
            if (const YamlNode *n = lost(given.at(i), o.value(key), &sub)) {
                *path = sub;
                // Report an unknown key at the key itself.
                return (o.contains(key) || !given.at(i).isScalar()) ? n : &given.keyAt(i);
            }
        }
        return nullptr;
    }
    // A sequence: each item must survive as some element of the array.
    if (!understood.isArray())
        return &given;
    const QJsonArray a = understood.toArray();
    for (qsizetype i = 0; i < given.size(); ++i) {
        bool found = false;
        for (const QJsonValue &candidate : a) {
            QString scratch;
            if (!lost(given.at(i), candidate, &scratch)) {
                found = true;
                break;
            }
        }
        if (found)
            continue;
        QString sub = *path + QStringLiteral("[%1]").arg(i);
        if (i < a.size()) {
            if (const YamlNode *n = lost(given.at(i), a.at(i), &sub)) {
                *path = sub;
                return n;
            }
        }
        *path = sub;
        return &given.at(i);
    }
    return nullptr;
}

} // namespace

QJsonValue YamlJson::toJson(const YamlNode &node)
{
    switch (node.type()) {
    case YamlNode::Type::Null:
        return QJsonValue(QJsonValue::Null);
    case YamlNode::Type::Scalar: {
        if (node.isQuoted())
            return node.scalar();
        switch (YamlNode::plainKind(node.scalar())) {
        case YamlNode::PlainKind::Null:
            return QJsonValue(QJsonValue::Null);
        case YamlNode::PlainKind::Bool:
            return node.toBool();
        case YamlNode::PlainKind::Int: {
            bool ok = false;
            const qint64 v = node.scalar().toLongLong(&ok);
            if (ok)
                return QJsonValue(v);
            return node.scalar().toDouble();
        }
        case YamlNode::PlainKind::Float: {
            bool ok = false;
            const double v = node.scalar().toDouble(&ok);
            return ok ? QJsonValue(v) : QJsonValue(node.scalar());
        }
        case YamlNode::PlainKind::String:
            return node.scalar();
        }
        return node.scalar();
    }
    case YamlNode::Type::Sequence: {
        QJsonArray a;
        for (const YamlNode &item : node.items())
            a.append(toJson(item));
        return a;
    }
    case YamlNode::Type::Mapping: {
        QJsonObject o;
        for (qsizetype i = 0; i < node.size(); ++i)
            o.insert(node.keyAt(i).scalar(), toJson(node.at(i)));
        return o;
    }
    }
    return {};
}

YamlNode YamlJson::fromJson(const QJsonValue &value, const QStringList &leadingKeys)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return YamlNode::boolean(value.toBool());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return YamlNode::integer(qint64(d));
        return YamlNode::plain(QString::number(d, 'g', 17));
    }
    case QJsonValue::String:
        return YamlNode::string(value.toString());
    case QJsonValue::Array: {
        YamlNode seq = YamlNode::sequence();
        for (const QJsonValue &v : value.toArray())
            seq.append(fromJson(v, leadingKeys));
        return seq;
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        YamlNode map = YamlNode::mapping();
        for (const QString &k : leadingKeys) {
            if (o.contains(k))
                map.insert(k, fromJson(o.value(k), leadingKeys));
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!leadingKeys.contains(it.key()))
                map.insert(it.key(), fromJson(it.value(), leadingKeys));
        }
        return map;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return YamlNode();
}

const YamlNode *YamlJson::firstLostField(const YamlNode &given, const QJsonValue &understood, QString *path)
{
    QString local;
    QString &p = path ? *path : local;
    p.clear();
    return lost(given, understood, &p);
}

} // namespace covet
