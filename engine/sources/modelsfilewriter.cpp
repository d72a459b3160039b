#include "modelsfilewriter.h"

#include "../core/yamlwriter.h"
#include "../schema/innodbindex.h"
#include "modelsfile.h"

#include <QRegularExpression>

namespace covet {

namespace {

YamlNode str(const QString &s)
{
    return YamlNode::string(s);
}

void putIf(YamlNode &map, const char *key, const QString &value)
{
    if (!value.isEmpty())
        map.insert(QLatin1String(key), str(value));
}

void putIf(YamlNode &map, const char *key, bool value)
{
    if (value)
        map.insert(QLatin1String(key), YamlNode::boolean(true));
}

QString typeText(const SqlType &type, const Schema &schema)
{
    static const QRegularExpression refSafe(QStringLiteral("^[^'\"(),\\s][^'\"(),]*$"));
    if (type.kind() == SqlType::Kind::Enum && !type.enumName().isEmpty()) {
        QString text;
        for (const EnumType &e : schema.enums)
            if ((e.name == type.enumName() || (e.schema.isEmpty() ? e.name : e.schema + u'.' + e.name) == type.enumName()) && e.values == type.enumValues()
                && refSafe.match(type.enumName().trimmed()).hasMatch() && type.enumName().trimmed() == type.enumName())
                text = QStringLiteral("enum(%1)").arg(type.enumName());
        if (!text.isEmpty() && !type.isUnsigned()) {
            for (int i = 0; i < type.arrayDimensions(); ++i)
                text += QLatin1String("[]");
            return text;
        }
    }
    return type.canonicalName();
}

YamlNode columnNode(const Column &c, const Schema &schema)
{
    YamlNode n = YamlNode::mapping();
    n.insert(QStringLiteral("name"), str(c.name));
    if (c.type.kind() == SqlType::Kind::Other) {
        n.insert(QStringLiteral("raw_type"), str(c.type.raw()));
        int dims = 0;
        for (QString r = c.type.raw().trimmed(); r.endsWith(QLatin1String("[]")); r = r.chopped(2).trimmed())
            ++dims;
        if (dims != c.type.arrayDimensions())
            n.insert(QStringLiteral("array_dimensions"), YamlNode::integer(c.type.arrayDimensions()));
    } else {
        n.insert(QStringLiteral("type"), str(typeText(c.type, schema)));
        const QString expectedRaw = schema.dialect ? c.type.toDialect(*schema.dialect) : QString();
        if (c.type.raw() != expectedRaw)
            n.insert(QStringLiteral("raw_type"), str(c.type.raw()));
    }
    if (!c.nullable)
        n.insert(QStringLiteral("nullable"), YamlNode::boolean(false));
    if (c.defaultExpr)
        n.insert(QStringLiteral("default"), str(*c.defaultExpr));
    if (c.identity != Column::Identity::None)
        n.insert(QStringLiteral("identity"), str(identityName(c.identity)));
    putIf(n, "generated", c.generatedExpr);
    putIf(n, "stored", c.generatedStored);
    putIf(n, "on_update", c.onUpdateExpr);
    putIf(n, "collation", c.collation);
    putIf(n, "charset", c.charset);
    putIf(n, "comment", c.comment);
    return n;
}

YamlNode indexNode(const Index &i)
{
    YamlNode n = YamlNode::mapping();
    n.insert(QStringLiteral("name"), str(i.name));
    bool allColumns = true, allExpressions = true;
    QStringList columns, expressions;
    for (const IndexPart &p : i.parts) {
        allColumns = allColumns && !p.isExpression() && !p.descending && p.length < 0;
        allExpressions = allExpressions && p.isExpression() && !p.descending && p.length < 0;
        (p.isExpression() ? expressions : columns) << (p.isExpression() ? p.expression : p.column);
    }
    if (allColumns) {
        n.insert(QStringLiteral("columns"), YamlNode::stringList(columns));
    } else if (allExpressions) {
        n.insert(QStringLiteral("expressions"), YamlNode::stringList(expressions));
    } else {
        YamlNode parts = YamlNode::sequence();
        for (const IndexPart &p : i.parts) {
            YamlNode pn = YamlNode::mapping();
            pn.insert(p.isExpression() ? QStringLiteral("expression") : QStringLiteral("column"), str(p.isExpression() ? p.expression : p.column));
            putIf(pn, "descending", p.descending);
            if (p.length >= 0)
                pn.insert(QStringLiteral("length"), YamlNode::integer(p.length));
            parts.append(pn);
        }
        n.insert(QStringLiteral("parts"), parts);
    }
    putIf(n, "unique", i.unique);
    putIf(n, "where", i.where);
    putIf(n, "method", i.method);
    return n;
}

YamlNode foreignKeyNode(const ForeignKey &f)
{
    YamlNode n = YamlNode::mapping();
    putIf(n, "name", f.name);
    n.insert(QStringLiteral("columns"), YamlNode::stringList(f.columns));
    YamlNode ref = YamlNode::mapping();
    ref.insert(QStringLiteral("table"), str(f.refTable));
    putIf(ref, "schema", f.refSchema);
    ref.insert(QStringLiteral("columns"), YamlNode::stringList(f.refColumns));
    n.insert(QStringLiteral("references"), ref);
    if (f.onDelete != ForeignKey::Action::NoAction)
        n.insert(QStringLiteral("on_delete"), str(fkActionSql(f.onDelete).toLower().replace(u' ', u'_')));
    if (f.onUpdate != ForeignKey::Action::NoAction)
        n.insert(QStringLiteral("on_update"), str(fkActionSql(f.onUpdate).toLower().replace(u' ', u'_')));
    putIf(n, "deferrable", f.deferrable);
    putIf(n, "initially_deferred", f.initiallyDeferred);
    return n;
}

YamlNode tableNode(const Table &t, const Schema &schema)
{
    YamlNode n = YamlNode::mapping();
    n.insert(QStringLiteral("name"), str(t.name));
    putIf(n, "schema", t.schema);
    putIf(n, "comment", t.comment);
    YamlNode columns = YamlNode::sequence();
    for (const Column &c : t.columns)
        columns.append(columnNode(c, schema));
    n.insert(QStringLiteral("columns"), columns);
    if (t.primaryKey) {
        if (t.primaryKey->name.isEmpty()) {
            n.insert(QStringLiteral("primary_key"), YamlNode::stringList(t.primaryKey->columns));
        } else {
            YamlNode pk = YamlNode::mapping();
            pk.insert(QStringLiteral("name"), str(t.primaryKey->name));
            pk.insert(QStringLiteral("columns"), YamlNode::stringList(t.primaryKey->columns));
            n.insert(QStringLiteral("primary_key"), pk);
        }
    }
    auto listOf = [&n](const char *key, const auto &items, auto toNode) {
        if (items.isEmpty())
            return;
        YamlNode seq = YamlNode::sequence();
        for (const auto &item : items)
            seq.append(toNode(item));
        n.insert(QLatin1String(key), seq);
    };
    listOf("unique", t.uniques, [](const UniqueConstraint &u) {
        YamlNode un = YamlNode::mapping();
        putIf(un, "name", u.name);
        un.insert(QStringLiteral("columns"), YamlNode::stringList(u.columns));
        return un;
    });
    // Not InnoDB's own index for a foreign key (MySQL/MariaDB make it with
    // the key): no migration created it, so a models file holding it would
    // have makemigrations create it again, a duplicate name on MySQL. Where
    // the models are applied on MySQL the key brings it back; the differ
    // ignores it there (SchemaNormalizer::alignedActual).
    QList<Index> indexes = t.indexes;
    if (schema.dialect == Dialect::MySQL)
        indexes.removeIf([&t](const Index &i) { return innoDbForeignKeyOfIndex(t, i) != nullptr; });
    listOf("indexes", indexes, indexNode);
    listOf("foreign_keys", t.foreignKeys, foreignKeyNode);
    listOf("checks", t.checks, [](const Check &c) {
        YamlNode cn = YamlNode::mapping();
        putIf(cn, "name", c.name);
        cn.insert(QStringLiteral("expression"), str(c.expression));
        return cn;
    });
    listOf("triggers", t.triggers, [](const Trigger &tr) {
        YamlNode tn = YamlNode::mapping();
        tn.insert(QStringLiteral("name"), str(tr.name));
        putIf(tn, "timing", tr.timing);
        tn.insert(QStringLiteral("events"), YamlNode::stringList(tr.events));
        if (!tr.forEachRow)
            tn.insert(QStringLiteral("for_each_row"), YamlNode::boolean(false));
        putIf(tn, "body", tr.body);
        putIf(tn, "definition", tr.definition);
        return tn;
    });
    putIf(n, "without_rowid", t.withoutRowid);
    putIf(n, "engine", t.engine);
    putIf(n, "charset", t.charset);
    putIf(n, "collation", t.collation);
    return n;
}

} // namespace

YamlNode ModelsFileWriter::toYaml(const Schema &input)
{
    Schema s = input;
    s.canonicalize();
    YamlNode root = YamlNode::mapping();
    root.insert(QStringLiteral("version"), YamlNode::integer(ModelsFile::kVersion));
    if (s.dialect)
        root.insert(QStringLiteral("dialect"), str(dialectName(*s.dialect)));
    if (!s.namespaces.isEmpty())
        root.insert(QStringLiteral("namespaces"), YamlNode::stringList(s.namespaces));
    if (!s.enums.isEmpty()) {
        YamlNode enums = YamlNode::sequence();
        for (const EnumType &e : s.enums) {
            YamlNode en = YamlNode::mapping();
            en.insert(QStringLiteral("name"), str(e.name));
            putIf(en, "schema", e.schema);
            en.insert(QStringLiteral("values"), YamlNode::stringList(e.values));
            enums.append(en);
        }
        root.insert(QStringLiteral("enums"), enums);
    }
    YamlNode tables = YamlNode::sequence();
    for (const Table &t : s.tables)
        tables.append(tableNode(t, s));
    root.insert(QStringLiteral("tables"), tables);
    if (!s.views.isEmpty()) {
        YamlNode views = YamlNode::sequence();
        for (const View &v : s.views) {
            YamlNode vn = YamlNode::mapping();
            vn.insert(QStringLiteral("name"), str(v.name));
            putIf(vn, "schema", v.schema);
            vn.insert(QStringLiteral("definition"), str(v.definition));
            putIf(vn, "materialized", v.materialized);
            views.append(vn);
        }
        root.insert(QStringLiteral("views"), views);
    }
    return root;
}

QByteArray ModelsFileWriter::write(const Schema &schema)
{
    return QByteArrayLiteral("# Covet models file: the desired schema. Format: docs/models-file.md\n") + YamlWriter::write(toYaml(schema));
}

} // namespace covet
