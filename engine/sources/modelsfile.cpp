#include "modelsfile.h"
#include "modelsfilewriter.h"

#include "../core/yamlnode.h"
#include "../core/yamlreader.h"
#include "../core/yamlshape.h"
#include "../sql/sqlfragmentcheck.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <initializer_list>

namespace covet {

namespace {

// Thrown inside the reader only; parse() returns it as an Error value.
struct ModelsFailure
{
    Error error;
};

[[noreturn]] void bad(const YamlNode &where, const QString &message)
{
    throw ModelsFailure{Error(Error::Category::InvalidInput, message, where.location())};
}

QString quotedName(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

const QString kKnownTypes = QStringLiteral(
    "boolean, tinyint, smallint, mediumint, integer, bigint, numeric(p,s), real, double, char(n), varchar(n), text, "
    "date, time, timetz, timestamp, timestamptz, interval, uuid, json, jsonb, blob, enum(name) or enum('a','b') "
    "(add ' unsigned' or '[]' where it applies; write raw_type: instead of type: for a database-specific type)");

// The keys a models file may hold (docs/models-file.md): every other key is
// an error, reported all at once with its line and column.
const YamlShape &modelsShape()
{
    const YamlShape any;
    const YamlShape names = YamlShape::listOf(any);
    const YamlShape nameAndColumns = YamlShape::mapping({{"name", any}, {"columns", names}});
    const YamlShape column = YamlShape::mapping(
        {{"name", any}, {"type", any}, {"raw_type", any}, {"array_dimensions", any}, {"nullable", any}, {"default", any},
         {"identity", any}, {"generated", any}, {"stored", any}, {"on_update", any}, {"collation", any}, {"charset", any},
         {"comment", any}, {"renamed_from", any}, {"backfill", any}});
    const YamlShape index = YamlShape::mapping(
        {{"name", any}, {"columns", names}, {"expressions", names},
         {"parts", YamlShape::listOf(YamlShape::mapping({{"column", any}, {"expression", any}, {"descending", any}, {"length", any}}))},
         {"unique", any}, {"where", any}, {"method", any}});
    const YamlShape foreignKey = YamlShape::mapping(
        {{"name", any}, {"columns", names}, {"references", YamlShape::mapping({{"table", any}, {"schema", any}, {"columns", names}})},
         {"on_delete", any}, {"on_update", any}, {"deferrable", any}, {"initially_deferred", any}});
    const YamlShape table = YamlShape::mapping(
        {{"name", any}, {"schema", any}, {"comment", any}, {"renamed_from", any}, {"columns", YamlShape::listOf(column)},
         {"primary_key", YamlShape::listOrMapping(any, nameAndColumns)}, {"unique", YamlShape::listOf(nameAndColumns)},
         {"indexes", YamlShape::listOf(index)}, {"foreign_keys", YamlShape::listOf(foreignKey)},
         {"checks", YamlShape::listOf(YamlShape::mapping({{"name", any}, {"expression", any}}))},
         {"triggers", YamlShape::listOf(YamlShape::mapping({{"name", any}, {"timing", any}, {"events", names},
                                                            {"for_each_row", any}, {"body", any}, {"definition", any}}))},
         {"without_rowid", any}, {"engine", any}, {"charset", any}, {"collation", any}});
    static const YamlShape s = YamlShape::mapping(
        {{"version", any}, {"dialect", any}, {"namespaces", names},
         {"enums", YamlShape::listOf(YamlShape::mapping({{"name", any}, {"schema", any}, {"values", names}}))},
         {"tables", YamlShape::listOf(table)},
         {"views", YamlShape::listOf(YamlShape::mapping({{"name", any}, {"schema", any}, {"definition", any}, {"materialized", any}}))}});
    return s;
}

// Reads the YAML tree of a models file into a Schema, checking as it goes.
class Reader
{
public:
    void document(const YamlNode &root);

    Schema schema;
    QList<RenameHint> hints;
    QList<BackfillHint> backfills;

private:
    struct PendingForeignKey
    {
        QString tableName;
        QString tableSchema;
        ForeignKey fk;
        YamlNode node;
    };

    static const YamlNode &mapping(const YamlNode &n, const QString &what);
    static QString text(const YamlNode *n, const QString &what);
    static QString text(const YamlNode &map, const char *key, const QString &what);
    static QString required(const YamlNode &map, const char *key, const QString &what);
    // Refuses SQL text that is not one thing of the kind its field says
    // (SqlFragmentCheck): `key` names the field of `map` in the message.
    static void checkSql(const YamlNode &map, const char *key, const QString &text, SqlFragmentCheck::Kind kind, const QString &what);
    static bool flag(const YamlNode &map, const char *key, bool fallback, const QString &what);
    static QStringList names(const YamlNode &map, const char *key, const QString &what);
    static const std::vector<YamlNode> &list(const YamlNode &map, const char *key, const QString &what);
    void checkNamespace(const YamlNode &at, const QString &ns, const QString &what) const;

    void readEnums(const YamlNode &root);
    void readTable(const YamlNode &node);
    Column readColumn(const YamlNode &node, const Table &table);
    SqlType readType(const YamlNode &typeNode, const QString &what) const;
    void readConstraints(const YamlNode &node, Table &t);
    Index readIndex(const YamlNode &node, const Table &t);
    void checkColumns(const YamlNode &at, const Table &t, const QStringList &cols, const QString &what) const;
    void resolveForeignKeys();

    std::optional<Dialect> m_dialect;
    bool m_namespacesDeclared = false;
    QList<PendingForeignKey> m_fks;
    QHash<QString, int> m_tableLines;
};

const YamlNode &Reader::mapping(const YamlNode &n, const QString &what)
{
    if (!n.isMapping())
        bad(n, QStringLiteral("expected a mapping (key: value lines or {key: value}) for %1, found a %2")
                   .arg(what, n.isNull() ? QStringLiteral("null") : n.typeName()));
    return n;
}

QString Reader::text(const YamlNode *n, const QString &what)
{
    if (!n || n->isNull())
        return {};
    if (!n->isScalar())
        bad(*n, QStringLiteral("expected a single value for %1, found a %2").arg(what, n->typeName()));
    return n->scalar();
}

QString Reader::text(const YamlNode &map, const char *key, const QString &what)
{
    return text(map.get(QLatin1String(key)), QStringLiteral("%1 of %2").arg(QLatin1String(key), what));
}

QString Reader::required(const YamlNode &map, const char *key, const QString &what)
{
    const QString v = text(map, key, what);
    if (v.isEmpty())
        bad(map, QStringLiteral("missing %1 for %2").arg(QLatin1String(key), what));
    return v;
}

void Reader::checkSql(const YamlNode &map, const char *key, const QString &text, SqlFragmentCheck::Kind kind, const QString &what)
{
    const auto problem = SqlFragmentCheck::problem(text, kind);
    if (!problem)
        return;
    const YamlNode *n = map.isMapping() ? map.get(QLatin1String(key)) : nullptr;
    const YamlNode &at = n ? *n : map;
    throw ModelsFailure{Error(Error::Category::InvalidInput,
                              QStringLiteral("%1 of %2 cannot hold this SQL: %3").arg(QLatin1String(key), what, *problem),
                              at.locationWithColumn())};
}

bool Reader::flag(const YamlNode &map, const char *key, bool fallback, const QString &what)
{
    const YamlNode *n = map.get(QLatin1String(key));
    if (!n || n->isNull())
        return fallback;
    bool ok = false;
    const bool v = n->toBool(&ok);
    if (!ok)
        bad(*n, QStringLiteral("expected true or false for %1 of %2, found '%3'").arg(QLatin1String(key), what, n->scalar()));
    return v;
}

const std::vector<YamlNode> &Reader::list(const YamlNode &map, const char *key, const QString &what)
{
    static const std::vector<YamlNode> empty;
    const YamlNode *n = map.get(QLatin1String(key));
    if (!n || n->isNull())
        return empty;
    if (!n->isSequence())
        bad(*n, QStringLiteral("expected a list ('- ' items or [ ]) for %1 of %2, found a %3").arg(QLatin1String(key), what, n->typeName()));
    return n->items();
}

QStringList Reader::names(const YamlNode &map, const char *key, const QString &what)
{
    const YamlNode *n = map.get(QLatin1String(key));
    if (n && n->isScalar())
        return {n->scalar()};
    QStringList out;
    for (const YamlNode &item : list(map, key, what)) {
        if (!item.isScalar() || item.scalar().isEmpty())
            bad(item, QStringLiteral("expected a name in %1 of %2").arg(QLatin1String(key), what));
        out << item.scalar();
    }
    return out;
}

void Reader::checkNamespace(const YamlNode &at, const QString &ns, const QString &what) const
{
    if (m_namespacesDeclared && !ns.isEmpty() && !schema.namespaces.contains(ns))
        bad(at, QStringLiteral("%1 is in namespace '%2', which is not listed under namespaces: [%3]")
                    .arg(what, ns, schema.namespaces.join(QLatin1String(", "))));
}

void Reader::document(const YamlNode &root)
{
    if (root.isNull())
        bad(root, QStringLiteral("the models file is empty; it needs at least 'version: 1' and 'tables:'"));
    mapping(root, QStringLiteral("the models file"));
    if (auto unknown = modelsShape().check(root, root.sourceName()))
        throw ModelsFailure{*unknown};
    if (const YamlNode *v = root.get(QStringLiteral("version"))) {
        bool ok = false;
        const int version = v->toInt(&ok);
        if (!ok || version != ModelsFile::kVersion)
            bad(*v, QStringLiteral("unsupported models file version '%1'; this Covet reads version %2")
                        .arg(v->scalar()).arg(ModelsFile::kVersion));
    }
    if (const YamlNode *d = root.get(QStringLiteral("dialect")); d && !d->isNull()) {
        m_dialect = dialectFromName(text(d, QStringLiteral("dialect")));
        if (!m_dialect)
            bad(*d, QStringLiteral("unknown dialect '%1'; use sqlite, postgresql or mysql").arg(d->scalar()));
        schema.dialect = m_dialect;
    }
    m_namespacesDeclared = root.contains(QStringLiteral("namespaces"));
    schema.namespaces = names(root, "namespaces", QStringLiteral("the models file"));
    readEnums(root);
    for (const YamlNode &t : list(root, "tables", QStringLiteral("the models file")))
        readTable(t);
    resolveForeignKeys();
    for (const YamlNode &vn : list(root, "views", QStringLiteral("the models file"))) {
        mapping(vn, QStringLiteral("a view"));
        View v;
        v.name = required(vn, "name", QStringLiteral("a view"));
        v.schema = text(vn, "schema", QStringLiteral("view ") + v.name);
        const QString what = QStringLiteral("view ") + quotedName(v.schema, v.name);
        v.definition = required(vn, "definition", what);
        checkSql(vn, "definition", v.definition, SqlFragmentCheck::Kind::Query, what);
        v.materialized = flag(vn, "materialized", false, what);
        checkNamespace(vn, v.schema, what);
        if (schema.view(v.name, v.schema))
            bad(vn, QStringLiteral("duplicate %1").arg(what));
        schema.views << v;
    }
    schema.canonicalize();
}

void Reader::readEnums(const YamlNode &root)
{
    for (const YamlNode &en : list(root, "enums", QStringLiteral("the models file"))) {
        mapping(en, QStringLiteral("an enum"));
        EnumType e;
        e.name = required(en, "name", QStringLiteral("an enum"));
        e.schema = text(en, "schema", QStringLiteral("enum ") + e.name);
        const QString what = QStringLiteral("enum ") + quotedName(e.schema, e.name);
        for (const YamlNode &v : list(en, "values", what)) {
            if (!v.isScalar())
                bad(v, QStringLiteral("expected a value in values of %1").arg(what));
            e.values << v.scalar();
        }
        checkNamespace(en, e.schema, what);
        if (schema.enumType(e.name, e.schema))
            bad(en, QStringLiteral("duplicate %1").arg(what));
        schema.enums << e;
    }
}

void Reader::readTable(const YamlNode &node)
{
    mapping(node, QStringLiteral("a table"));
    Table t;
    t.name = required(node, "name", QStringLiteral("a table"));
    t.schema = text(node, "schema", QStringLiteral("table ") + t.name);
    const QString what = QStringLiteral("table ") + t.qualifiedName();
    checkNamespace(node, t.schema, what);
    const QString key = quotedName(t.schema, t.name);
    if (m_tableLines.contains(key))
        bad(node, QStringLiteral("duplicate %1 (first at line %2)").arg(what).arg(m_tableLines.value(key)));
    m_tableLines.insert(key, node.line());
    t.comment = text(node, "comment", what);
    t.withoutRowid = flag(node, "without_rowid", false, what);
    t.engine = text(node, "engine", what);
    t.charset = text(node, "charset", what);
    t.collation = text(node, "collation", what);
    const QString from = text(node, "renamed_from", what);
    if (!from.isEmpty()) {
        if (from == t.name)
            bad(*node.get(QStringLiteral("renamed_from")), QStringLiteral("%1 is renamed_from its own name").arg(what));
        hints << RenameHint{RenameHint::Table, t.schema, t.name, from, t.name, node.get(QStringLiteral("renamed_from"))->location()};
    }
    QHash<QString, int> columnLines;
    for (const YamlNode &cn : list(node, "columns", what)) {
        Column c = readColumn(cn, t);
        if (columnLines.contains(c.name))
            bad(cn, QStringLiteral("duplicate column '%1' in %2 (first at line %3)").arg(c.name, what).arg(columnLines.value(c.name)));
        columnLines.insert(c.name, cn.line());
        t.columns << c;
    }
    readConstraints(node, t);
    schema.tables << t;
}

Column Reader::readColumn(const YamlNode &node, const Table &table)
{
    const QString where = QStringLiteral("a column of table ") + table.qualifiedName();
    mapping(node, where);
    Column c;
    c.name = required(node, "name", where);
    const QString what = QStringLiteral("column %1.%2").arg(table.qualifiedName(), c.name);
    const YamlNode *type = node.get(QStringLiteral("type"));
    const YamlNode *raw = node.get(QStringLiteral("raw_type"));
    if (type && !type->isNull()) {
        c.type = readType(*type, what);
        if (m_dialect && c.type.kind() != SqlType::Kind::Other)
            c.type.setRaw(c.type.toDialect(*m_dialect));
        if (raw)
            c.type.setRaw(text(raw, QStringLiteral("raw_type of ") + what));
    } else if (raw) {
        // A database-specific type, kept verbatim.
        const QString rawText = text(raw, QStringLiteral("raw_type of ") + what);
        c.type.setRaw(rawText);
        int dims = 0;
        for (QString r = rawText.trimmed(); r.endsWith(QLatin1String("[]")); r = r.chopped(2).trimmed())
            ++dims;
        c.type.setArrayDimensions(dims);
        c.type.setUnsigned(rawText.toLower().split(u' ').contains(QLatin1String("unsigned")));
        if (const YamlNode *dimsNode = node.get(QStringLiteral("array_dimensions"))) {
            bool ok = false;
            dims = dimsNode->toInt(&ok);
            if (!ok || dims < 0)
                bad(*dimsNode, QStringLiteral("expected a whole number for array_dimensions of %1").arg(what));
            c.type.setArrayDimensions(dims);
        }
    } else {
        bad(node, QStringLiteral("missing type for %1 (e.g. type: varchar(255))").arg(what));
    }
    c.nullable = flag(node, "nullable", true, what);
    if (const YamlNode *d = node.get(QStringLiteral("default")); d && !d->isNull()) {
        c.defaultExpr = text(d, QStringLiteral("default of ") + what);
        checkSql(node, "default", *c.defaultExpr, SqlFragmentCheck::Kind::Expression, what);
    }
    if (const YamlNode *id = node.get(QStringLiteral("identity"))) {
        const auto identity = identityFromName(text(id, QStringLiteral("identity of ") + what));
        if (!identity)
            bad(*id, QStringLiteral("unknown identity '%1' for %2; use none, always, by_default or auto_increment").arg(id->scalar(), what));
        c.identity = *identity;
    }
    c.generatedExpr = text(node, "generated", what);
    checkSql(node, "generated", c.generatedExpr, SqlFragmentCheck::Kind::Expression, what);
    c.generatedStored = flag(node, "stored", false, what);
    c.onUpdateExpr = text(node, "on_update", what);
    checkSql(node, "on_update", c.onUpdateExpr, SqlFragmentCheck::Kind::Expression, what);
    // Type texts written into SQL as they are: a database-specific type,
    // a named enum type.
    if (c.type.kind() == SqlType::Kind::Other)
        checkSql(node, raw ? "raw_type" : "type", c.type.raw(), SqlFragmentCheck::Kind::Type, what);
    else if (c.type.kind() == SqlType::Kind::Enum)
        checkSql(node, "type", c.type.enumName(), SqlFragmentCheck::Kind::Type, what);
    c.collation = text(node, "collation", what);
    c.charset = text(node, "charset", what);
    c.comment = text(node, "comment", what);
    const QString from = text(node, "renamed_from", what);
    if (!from.isEmpty()) {
        if (from == c.name)
            bad(*node.get(QStringLiteral("renamed_from")), QStringLiteral("%1 is renamed_from its own name").arg(what));
        hints << RenameHint{RenameHint::Column, table.schema, table.name, from, c.name, node.get(QStringLiteral("renamed_from"))->location()};
    }
    const QString backfill = text(node, "backfill", what).trimmed();
    if (!backfill.isEmpty())
        checkSql(node, "backfill", backfill, SqlFragmentCheck::Kind::Expression, what);
    if (!backfill.isEmpty()) {
        if (c.isGenerated() || c.identity != Column::Identity::None)
            bad(*node.get(QStringLiteral("backfill")), QStringLiteral("%1 computes its own values (generated or identity): it takes no backfill").arg(what));
        backfills << BackfillHint{table.schema, table.name, c.name, backfill, node.get(QStringLiteral("backfill"))->location()};
    }
    return c;
}

SqlType Reader::readType(const YamlNode &typeNode, const QString &what) const
{
    const QString spelled = text(&typeNode, QStringLiteral("type of ") + what).trimmed();
    QString base = spelled;
    int dims = 0;
    while (base.endsWith(QLatin1String("[]"))) {
        base = base.chopped(2).trimmed();
        ++dims;
    }
    // enum(name): a reference to an enum declared under enums:.
    static const QRegularExpression enumRef(QStringLiteral("^enum\\s*\\(\\s*([^'\"(),\\s][^'\"(),]*?)\\s*\\)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    // enum name('a','b'): a named enum with its values.
    static const QRegularExpression namedEnum(QStringLiteral("^enum\\s+([^(]+?)\\s*(\\(.*\\))$"),
                                              QRegularExpression::CaseInsensitiveOption);
    SqlType t;
    if (const auto m = enumRef.match(base); m.hasMatch()) {
        const QString name = m.captured(1);
        const EnumType *e = nullptr;
        for (const EnumType &candidate : schema.enums)
            if (candidate.name == name || quotedName(candidate.schema, candidate.name) == name)
                e = &candidate;
        if (!e)
            bad(typeNode, QStringLiteral("type '%1' of %2 names no enum declared under enums:; declare it there, "
                                         "or list the values: enum('a','b')").arg(spelled, what));
        t = SqlType(SqlType::Kind::Enum);
        t.setEnumName(name);
        t.setEnumValues(e->values);
    } else if (const auto n = namedEnum.match(base); n.hasMatch()) {
        t = SqlType::parseCanonical(QStringLiteral("enum") + n.captured(2));
        t.setEnumName(n.captured(1));
    } else {
        bool ok = false;
        t = SqlType::parseCanonical(base, &ok);
        if (!ok)
            bad(typeNode, QStringLiteral("unknown column type '%1' for %2; known types: %3").arg(spelled, what, kKnownTypes));
        static const QRegularExpression shape(QStringLiteral(
            "^[a-z ]+(\\(\\s*[0-9]+\\s*(,\\s*[0-9]+\\s*)?\\))?( unsigned| with time zone| without time zone)*$"));
        if (t.kind() != SqlType::Kind::Enum && !shape.match(base.simplified().toLower()).hasMatch())
            bad(typeNode, QStringLiteral("malformed column type '%1' for %2: sizes are whole numbers, as in varchar(255) "
                                         "or numeric(10,2)").arg(spelled, what));
    }
    t.setArrayDimensions(dims);
    return t;
}

void Reader::checkColumns(const YamlNode &at, const Table &t, const QStringList &cols, const QString &what) const
{
    if (cols.isEmpty())
        bad(at, QStringLiteral("%1 lists no columns").arg(what));
    for (qsizetype i = 0; i < cols.size(); ++i) {
        if (!t.column(cols.at(i)))
            bad(at, QStringLiteral("%1 names column '%2', which table %3 does not have").arg(what, cols.at(i), t.qualifiedName()));
        if (cols.indexOf(cols.at(i)) != i)
            bad(at, QStringLiteral("%1 lists column '%2' twice").arg(what, cols.at(i)));
    }
}

void Reader::readConstraints(const YamlNode &node, Table &t)
{
    const QString what = QStringLiteral("table ") + t.qualifiedName();
    if (const YamlNode *pk = node.get(QStringLiteral("primary_key")); pk && !pk->isNull()) {
        PrimaryKey key;
        if (pk->isMapping()) {
            key.name = text(*pk, "name", QStringLiteral("the primary key of ") + what);
            key.columns = names(*pk, "columns", QStringLiteral("the primary key of ") + what);
        } else {
            key.columns = names(node, "primary_key", what);
        }
        checkColumns(*pk, t, key.columns, QStringLiteral("the primary key of ") + what);
        t.primaryKey = key;
    }
    for (const YamlNode &un : list(node, "unique", what)) {
        const QString uwhat = QStringLiteral("a unique constraint of ") + what;
        mapping(un, uwhat);
        UniqueConstraint u{text(un, "name", uwhat), names(un, "columns", uwhat)};
        checkColumns(un, t, u.columns, u.name.isEmpty() ? uwhat : QStringLiteral("unique constraint ") + u.name);
        t.uniques << u;
    }
    for (const YamlNode &in : list(node, "indexes", what)) {
        const Index i = readIndex(in, t);
        if (t.index(i.name))
            bad(in, QStringLiteral("duplicate index '%1' in %2").arg(i.name, what));
        t.indexes << i;
    }
    for (const YamlNode &fn : list(node, "foreign_keys", what)) {
        const QString fwhat = QStringLiteral("a foreign key of ") + what;
        mapping(fn, fwhat);
        ForeignKey f;
        f.name = text(fn, "name", fwhat);
        f.columns = names(fn, "columns", fwhat);
        checkColumns(fn, t, f.columns, f.name.isEmpty() ? fwhat : QStringLiteral("foreign key ") + f.name);
        const YamlNode *ref = fn.get(QStringLiteral("references"));
        if (!ref)
            bad(fn, QStringLiteral("missing references: {table: ..., columns: [...]} for %1").arg(fwhat));
        mapping(*ref, QStringLiteral("references of ") + fwhat);
        f.refTable = required(*ref, "table", QStringLiteral("references of ") + fwhat);
        f.refSchema = text(*ref, "schema", fwhat);
        f.refColumns = names(*ref, "columns", QStringLiteral("references of ") + fwhat);
        for (const char *key : {"on_delete", "on_update"}) {
            const QString action = text(fn, key, fwhat);
            const auto a = fkActionFromSql(action);
            if (!a)
                bad(*fn.get(QLatin1String(key)), QStringLiteral("unknown action '%1' for %2 of %3; use no_action, restrict, "
                                                                 "cascade, set_null or set_default").arg(action, QLatin1String(key), fwhat));
            (qstrcmp(key, "on_delete") == 0 ? f.onDelete : f.onUpdate) = *a;
        }
        f.deferrable = flag(fn, "deferrable", false, fwhat);
        f.initiallyDeferred = flag(fn, "initially_deferred", false, fwhat);
        t.foreignKeys << f;
        m_fks << PendingForeignKey{t.name, t.schema, f, fn};
    }
    for (const YamlNode &cn : list(node, "checks", what)) {
        const QString cwhat = QStringLiteral("a check of ") + what;
        mapping(cn, cwhat);
        t.checks << Check{text(cn, "name", cwhat), required(cn, "expression", cwhat)};
        checkSql(cn, "expression", t.checks.last().expression, SqlFragmentCheck::Kind::Expression, cwhat);
    }
    for (const YamlNode &tn : list(node, "triggers", what)) {
        const QString twhat = QStringLiteral("a trigger of ") + what;
        mapping(tn, twhat);
        Trigger tr;
        tr.name = required(tn, "name", twhat);
        tr.timing = text(tn, "timing", twhat);
        tr.events = names(tn, "events", twhat);
        tr.forEachRow = flag(tn, "for_each_row", true, twhat);
        tr.body = text(tn, "body", twhat);
        tr.definition = text(tn, "definition", twhat);
        checkSql(tn, "timing", tr.timing, SqlFragmentCheck::Kind::TriggerTiming, twhat);
        for (const QString &event : std::as_const(tr.events))
            checkSql(tn, "events", event, SqlFragmentCheck::Kind::TriggerEvent, twhat);
        // The body is written into SQL only when there is no definition.
        checkSql(tn, "body", tr.body,
                 tr.definition.trimmed().isEmpty() ? SqlFragmentCheck::Kind::TriggerBody : SqlFragmentCheck::Kind::TriggerStatementList,
                 twhat);
        checkSql(tn, "definition", tr.definition, SqlFragmentCheck::Kind::TriggerDefinition, twhat);
        t.triggers << tr;
    }
}

Index Reader::readIndex(const YamlNode &node, const Table &t)
{
    const QString iwhat = QStringLiteral("an index of table ") + t.qualifiedName();
    mapping(node, iwhat);
    Index i;
    i.name = required(node, "name", iwhat);
    const QString what = QStringLiteral("index ") + i.name;
    for (const QString &c : names(node, "columns", what)) {
        if (!t.column(c))
            bad(node, QStringLiteral("%1 names column '%2', which table %3 does not have").arg(what, c, t.qualifiedName()));
        i.parts << IndexPart{c, {}, false, -1};
    }
    for (const QString &e : names(node, "expressions", what)) {
        checkSql(node, "expressions", e, SqlFragmentCheck::Kind::Expression, what);
        i.parts << IndexPart{{}, e, false, -1};
    }
    for (const YamlNode &pn : list(node, "parts", what)) {
        mapping(pn, QStringLiteral("a part of ") + what);
        IndexPart p{text(pn, "column", what), text(pn, "expression", what), flag(pn, "descending", false, what), -1};
        checkSql(pn, "expression", p.expression, SqlFragmentCheck::Kind::Expression, what);
        if (const YamlNode *len = pn.get(QStringLiteral("length")); len && !len->isNull()) {
            bool ok = false;
            p.length = len->toInt(&ok);
            if (!ok || p.length < 1)
                bad(*len, QStringLiteral("expected a positive prefix length in %1").arg(what));
        }
        if (p.column.isEmpty() == p.expression.isEmpty())
            bad(pn, QStringLiteral("a part of %1 needs either column: or expression:").arg(what));
        if (!p.column.isEmpty() && !t.column(p.column))
            bad(pn, QStringLiteral("%1 names column '%2', which table %3 does not have").arg(what, p.column, t.qualifiedName()));
        i.parts << p;
    }
    if (i.parts.isEmpty())
        bad(node, QStringLiteral("%1 has no columns:, expressions: or parts:").arg(what));
    i.unique = flag(node, "unique", false, what);
    i.where = text(node, "where", what);
    checkSql(node, "where", i.where, SqlFragmentCheck::Kind::Expression, what);
    i.method = text(node, "method", what);
    return i;
}

void Reader::resolveForeignKeys()
{
    for (const PendingForeignKey &p : std::as_const(m_fks)) {
        const QString what = QStringLiteral("foreign key %1 of table %2")
                                 .arg(p.fk.name.isEmpty() ? QStringLiteral("(%1)").arg(p.fk.columns.join(u',')) : p.fk.name,
                                      quotedName(p.tableSchema, p.tableName));
        const Table *target = schema.table(p.fk.refTable, p.fk.refSchema);
        if (!target)
            bad(p.node, QStringLiteral("%1 references table %2, which is not in the models file").arg(what, quotedName(p.fk.refSchema, p.fk.refTable)));
        if (p.fk.refColumns.size() != p.fk.columns.size())
            bad(p.node, QStringLiteral("%1 has %2 columns but references %3").arg(what).arg(p.fk.columns.size()).arg(p.fk.refColumns.size()));
        for (const QString &c : p.fk.refColumns)
            if (!target->column(c))
                bad(p.node, QStringLiteral("%1 references column '%2', which table %3 does not have").arg(what, c, target->qualifiedName()));
    }
}

} // namespace

Result<ModelsFile> ModelsFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.exists() ? Error::Category::InvalidInput : Error::Category::NotFound,
                    QStringLiteral("cannot read the models file: %1").arg(file.errorString()), path);
    return parse(file.readAll(), path);
}

Result<ModelsFile> ModelsFile::parse(const QByteArray &text, const QString &sourceName)
{
    const QString source = sourceName.isEmpty() ? QStringLiteral("<models>") : sourceName;
    auto root = YamlReader::parse(text, source);
    if (!root)
        return std::unexpected(root.error());
    Reader reader;
    try {
        reader.document(*root);
    } catch (const ModelsFailure &f) {
        return std::unexpected(f.error);
    }
    ModelsFile m;
    m.m_schema = std::move(reader.schema);
    m.m_hints = std::move(reader.hints);
    m.m_backfills = std::move(reader.backfills);
    m.m_source = source;
    return m;
}

QByteArray ModelsFile::write(const Schema &schema)
{
    return ModelsFileWriter::write(schema);
}

} // namespace covet
