#include "datatags.h"

#include "../schema/qualifiedname.h"
#include "../core/yamlnode.h"
#include "migrationplanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace covet {

namespace {

// The words and quoted identifiers of raw SQL, lower-cased.
QSet<QString> namesIn(const QStringList &statements)
{
    static const QRegularExpression word(QStringLiteral(R"re("([^"]+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*))re"));
    QSet<QString> out;
    for (const QString &st : statements)
        for (auto it = word.globalMatch(st); it.hasNext();) {
            const auto m = it.next();
            for (int g = 1; g <= 4; ++g)
                if (m.hasCaptured(g))
                    out.insert(m.captured(g).toLower());
        }
    return out;
}

// Raw SQL: the tables of the schema before it that it names, and their
// columns it names; without a schema, the words after FROM, INTO, UPDATE,
// TABLE and JOIN.
void rawSql(const MigrationStep &step, QList<TouchedObject> &out)
{
    QStringList statements;
    for (const SqlBatch &b : step.batches)
        statements << b.statements;
    const QSet<QString> names = namesIn(statements);
    if (step.before) {
        for (const Table &t : step.before->tables) {
            if (!names.contains(t.name.toLower()))
                continue;
            const QString table = qualifiedName(t.schema, t.name);
            out << TouchedObject{QStringLiteral("sql"), table};
            for (const Column &c : t.columns)
                if (names.contains(c.name.toLower()))
                    out << TouchedObject{QStringLiteral("sql"), table, c.name};
        }
        return;
    }
    static const QRegularExpression after(QStringLiteral(R"re(\b(?:from|into|update|table|join)\s+(?:if\s+(?:not\s+)?exists\s+)?["`\[]?([A-Za-z_][A-Za-z0-9_$.]*))re"),
                                          QRegularExpression::CaseInsensitiveOption);
    for (const QString &st : std::as_const(statements))
        for (auto it = after.globalMatch(st); it.hasNext();)
            out << TouchedObject{QStringLiteral("sql"), it.next().captured(1)};
}

void typed(const Operation &op, QList<TouchedObject> &out)
{
    const QString alter = QStringLiteral("alter");
    std::visit(
        [&](const auto &o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                out << TouchedObject{QStringLiteral("create"), qualifiedName(o.table.schema, o.table.name)};
            else if constexpr (std::is_same_v<T, DropTable>)
                out << TouchedObject{QStringLiteral("drop"), qualifiedName(o.schema, o.name)};
            else if constexpr (std::is_same_v<T, RenameTable>)
                out << TouchedObject{QStringLiteral("rename"), qualifiedName(o.schema, o.from), {}, qualifiedName(o.schema, o.to)};
            else if constexpr (std::is_same_v<T, AddColumn>)
                out << TouchedObject{QStringLiteral("create"), qualifiedName(o.schema, o.table), o.column.name};
            else if constexpr (std::is_same_v<T, DropColumn>)
                out << TouchedObject{QStringLiteral("drop"), qualifiedName(o.schema, o.table), o.column};
            else if constexpr (std::is_same_v<T, AlterColumn>)
                out << TouchedObject{o.before.type == o.after.type ? alter : QStringLiteral("retype"), qualifiedName(o.schema, o.table), o.after.name};
            else if constexpr (std::is_same_v<T, RenameColumn>)
                out << TouchedObject{QStringLiteral("rename"), qualifiedName(o.schema, o.table), o.from, qualifiedName(o.schema, o.table), o.to};
            else if constexpr (requires { o.table; o.schema; })
                out << TouchedObject{alter, qualifiedName(o.schema, o.table)};   // indexes, keys, checks, triggers
        },
        op);
}

} // namespace

QString TouchedObject::text() const
{
    if (action == u"rename")
        return QStringLiteral("rename %1 to %2").arg(name(), newName());
    return action + u' ' + name();
}

QList<TouchedObject> TouchedObject::of(const MigrationPlan &plan)
{
    QList<TouchedObject> out;
    for (const MigrationStep &s : plan.steps) {
        bool raw = s.rawSql && s.operations.isEmpty();
        for (const Operation &op : s.operations) {
            if (std::holds_alternative<RunSql>(op))
                raw = true;
            else
                typed(op, out);
        }
        if (raw)
            rawSql(s, out);
    }
    QList<TouchedObject> unique;
    for (const TouchedObject &o : std::as_const(out))
        if (!unique.contains(o))
            unique << o;
    return unique;
}

QString TouchedObject::encode(const QList<TouchedObject> &objects)
{
    if (objects.isEmpty())
        return {};
    QJsonArray list;
    for (const TouchedObject &o : objects) {
        QStringList fields{o.action, o.table, o.column, o.toTable, o.toColumn};
        while (fields.size() > 2 && fields.last().isEmpty())
            fields.removeLast();
        list << QJsonArray::fromStringList(fields);
    }
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QList<TouchedObject> TouchedObject::decode(const QString &stored)
{
    QList<TouchedObject> out;
    const QJsonArray list = QJsonDocument::fromJson(stored.toUtf8()).array();
    for (const QJsonValue &v : list) {
        const QJsonArray f = v.toArray();
        out << TouchedObject{f.at(0).toString(), f.at(1).toString(), f.at(2).toString(), f.at(3).toString(), f.at(4).toString()};
    }
    return out;
}

QString TouchedObject::describe(const QList<TouchedObject> &objects)
{
    QStringList parts;
    for (const TouchedObject &o : objects)
        parts << o.text();
    return parts.join(QStringLiteral("; "));
}

Result<DataTags> DataTags::parse(const YamlNode &node)
{
    DataTags tags;
    if (node.isNull())
        return tags;
    auto invalid = [](const QString &message, const YamlNode &at) {
        return std::unexpected(Error(Error::Category::InvalidInput, message, at.location()));
    };
    if (!node.isMapping())
        return invalid(QStringLiteral("'data_tags' maps a tag to the tables and columns holding such data, e.g. "
                                      "{phi: [patients], pii: [customers.email]}"),
                       node);
    for (qsizetype i = 0; i < node.size(); ++i) {
        const YamlNode &key = node.keyAt(i);
        const YamlNode &value = node.at(i);
        const QString tag = key.scalar();
        if (!knownTags().contains(tag))
            return invalid(QStringLiteral("unknown data tag '%1'; the tags are %2").arg(tag, knownTags().join(QStringLiteral(" and "))), key);
        if (!value.isSequence())
            return invalid(QStringLiteral("'data_tags.%1' must list tables and columns, e.g. [patients, customers.email]").arg(tag), value);
        for (const YamlNode &item : value.items()) {
            const QString name = item.scalar().trimmed();
            const QStringList parts = name.split(u'.');
            const bool ok = item.isScalar() && !name.isEmpty() && parts.size() <= 2
                            && std::none_of(parts.cbegin(), parts.cend(), [](const QString &p) { return p.trimmed().isEmpty(); });
            if (!ok)
                return invalid(QStringLiteral("'data_tags.%1' entry '%2' is not a name: write TABLE or TABLE.COLUMN").arg(tag, name), item);
            tags.entries << Entry{tag, parts.at(0).trimmed(), parts.size() > 1 ? parts.at(1).trimmed() : QString(), item.location()};
        }
    }
    return tags;
}

bool DataTags::has(const QString &tag) const
{
    return std::any_of(entries.cbegin(), entries.cend(), [&](const Entry &e) { return e.tag == tag; });
}

bool DataTags::touches(const TouchedObject &o, const QString &tag) const
{
    auto same = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) == 0; };
    auto hits = [&](const Entry &e, const QString &table, const QString &column) {
        return same(e.table, table) && (e.column.isEmpty() || column.isEmpty() || same(e.column, column));
    };
    for (const Entry &e : entries) {
        if (e.tag != tag)
            continue;
        if (hits(e, o.table, o.column) || (!o.toTable.isEmpty() && hits(e, o.toTable, o.toColumn)))
            return true;
    }
    return false;
}

QStringList DataTags::tagsOf(const QList<TouchedObject> &objects) const
{
    QStringList out;
    for (const Entry &e : entries) {
        const QString tagged = e.tag + u':' + e.name();
        if (out.contains(tagged))
            continue;
        DataTags one;
        one.entries << e;
        if (std::any_of(objects.cbegin(), objects.cend(), [&](const TouchedObject &o) { return one.touches(o, e.tag); }))
            out << tagged;
    }
    return out;
}

QString DataTags::describe(const QString &onlyTag) const
{
    QStringList parts;
    for (const QString &tag : onlyTag.isEmpty() ? knownTags() : QStringList{onlyTag}) {
        QStringList names;
        for (const Entry &e : entries)
            if (e.tag == tag)
                names << e.name();
        if (!names.isEmpty())
            parts << tag + QStringLiteral(": ") + names.join(QStringLiteral(", "));
    }
    return parts.join(QStringLiteral("; "));
}

Status DataTags::checkKnown(const QSet<QString> &known) const
{
    for (const Entry &e : entries)
        if (!known.contains(e.name().toLower()))
            return fail(Error::Category::InvalidInput,
                        QStringLiteral("'data_tags.%1' names %2, which is neither in the database nor in any change the audit log "
                                       "recorded; check the spelling (TABLE or TABLE.COLUMN, default schema)")
                            .arg(e.tag, e.name()),
                        e.location);
    return {};
}

} // namespace covet
