#include "schemajson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace covet {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

void putIf(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void putIf(QJsonObject &o, const char *key, bool value)
{
    if (value)
        o.insert(QLatin1String(key), true);
}

QString fkAction(ForeignKey::Action a)
{
    return fkActionSql(a).toLower().replace(u' ', u'_');
}

} // namespace

QJsonObject SchemaJson::columnToJson(const Column &c)
{
    QJsonObject o;
    o.insert(QLatin1String("name"), c.name);
    o.insert(QLatin1String("type"), c.type.canonicalName());
    if (!c.type.raw().isEmpty() && c.type.kind() != SqlType::Kind::Other)
        o.insert(QLatin1String("raw_type"), c.type.raw());
    o.insert(QLatin1String("nullable"), c.nullable);
    if (c.defaultExpr)
        o.insert(QLatin1String("default"), *c.defaultExpr);
    if (c.identity != Column::Identity::None)
        o.insert(QLatin1String("identity"), identityName(c.identity));
    if (c.isGenerated()) {
        o.insert(QLatin1String("generated"), c.generatedExpr);
        o.insert(QLatin1String("generated_stored"), c.generatedStored);
    }
    putIf(o, "on_update", c.onUpdateExpr);
    putIf(o, "collation", c.collation);
    putIf(o, "charset", c.charset);
    putIf(o, "comment", c.comment);
    return o;
}

QJsonObject SchemaJson::tableToJson(const Table &t)
{
    QJsonObject o;
    putIf(o, "schema", t.schema);
    o.insert(QLatin1String("name"), t.name);
    QJsonArray cols;
    for (const Column &c : t.columns)
        cols.append(columnToJson(c));
    o.insert(QLatin1String("columns"), cols);
    if (t.primaryKey) {
        QJsonObject pk;
        putIf(pk, "name", t.primaryKey->name);
        pk.insert(QLatin1String("columns"), toArray(t.primaryKey->columns));
        o.insert(QLatin1String("primary_key"), pk);
    }
    if (!t.uniques.isEmpty()) {
        QJsonArray a;
        for (const UniqueConstraint &u : t.uniques) {
            QJsonObject uo;
            putIf(uo, "name", u.name);
            uo.insert(QLatin1String("columns"), toArray(u.columns));
            a.append(uo);
        }
        o.insert(QLatin1String("unique_constraints"), a);
    }
    if (!t.indexes.isEmpty()) {
        QJsonArray a;
        for (const Index &i : t.indexes) {
            QJsonObject io;
            io.insert(QLatin1String("name"), i.name);
            QJsonArray parts;
            for (const IndexPart &p : i.parts) {
                QJsonObject po;
                putIf(po, "column", p.column);
                putIf(po, "expression", p.expression);
                putIf(po, "descending", p.descending);
                if (p.length >= 0)
                    po.insert(QLatin1String("length"), p.length);
                parts.append(po);
            }
            io.insert(QLatin1String("parts"), parts);
            putIf(io, "unique", i.unique);
            putIf(io, "where", i.where);
            putIf(io, "method", i.method);
            a.append(io);
        }
        o.insert(QLatin1String("indexes"), a);
    }
    if (!t.foreignKeys.isEmpty()) {
        QJsonArray a;
        for (const ForeignKey &f : t.foreignKeys) {
            QJsonObject fo;
            putIf(fo, "name", f.name);
            fo.insert(QLatin1String("columns"), toArray(f.columns));
            putIf(fo, "ref_schema", f.refSchema);
            fo.insert(QLatin1String("ref_table"), f.refTable);
            fo.insert(QLatin1String("ref_columns"), toArray(f.refColumns));
            fo.insert(QLatin1String("on_delete"), fkAction(f.onDelete));
            fo.insert(QLatin1String("on_update"), fkAction(f.onUpdate));
            putIf(fo, "deferrable", f.deferrable);
            putIf(fo, "initially_deferred", f.initiallyDeferred);
            a.append(fo);
        }
        o.insert(QLatin1String("foreign_keys"), a);
    }
    if (!t.checks.isEmpty()) {
        QJsonArray a;
        for (const Check &c : t.checks) {
            QJsonObject co;
            putIf(co, "name", c.name);
            co.insert(QLatin1String("expression"), c.expression);
            a.append(co);
        }
        o.insert(QLatin1String("checks"), a);
    }
    if (!t.triggers.isEmpty()) {
        QJsonArray a;
        for (const Trigger &tr : t.triggers) {
            QJsonObject to;
            to.insert(QLatin1String("name"), tr.name);
            putIf(to, "timing", tr.timing);
            to.insert(QLatin1String("events"), toArray(tr.events));
            to.insert(QLatin1String("for_each_row"), tr.forEachRow);
            putIf(to, "body", tr.body);
            putIf(to, "definition", tr.definition);
            a.append(to);
        }
        o.insert(QLatin1String("triggers"), a);
    }
    putIf(o, "comment", t.comment);
    putIf(o, "without_rowid", t.withoutRowid);
    putIf(o, "engine", t.engine);
    putIf(o, "charset", t.charset);
    putIf(o, "collation", t.collation);
    return o;
}

QJsonObject SchemaJson::toJson(const Schema &input)
{
    Schema s = input;
    s.canonicalize();
    QJsonObject o;
    if (s.dialect)
        o.insert(QLatin1String("dialect"), dialectName(*s.dialect));
    if (!s.namespaces.isEmpty())
        o.insert(QLatin1String("namespaces"), toArray(s.namespaces));
    QJsonArray tables;
    for (const Table &t : s.tables)
        tables.append(tableToJson(t));
    o.insert(QLatin1String("tables"), tables);
    if (!s.views.isEmpty()) {
        QJsonArray a;
        for (const View &v : s.views) {
            QJsonObject vo;
            putIf(vo, "schema", v.schema);
            vo.insert(QLatin1String("name"), v.name);
            vo.insert(QLatin1String("definition"), v.definition);
            putIf(vo, "materialized", v.materialized);
            a.append(vo);
        }
        o.insert(QLatin1String("views"), a);
    }
    if (!s.enums.isEmpty()) {
        QJsonArray a;
        for (const EnumType &e : s.enums) {
            QJsonObject eo;
            putIf(eo, "schema", e.schema);
            eo.insert(QLatin1String("name"), e.name);
            eo.insert(QLatin1String("values"), toArray(e.values));
            a.append(eo);
        }
        o.insert(QLatin1String("enums"), a);
    }
    return o;
}

QByteArray SchemaJson::toCanonicalJson(const Schema &schema)
{
    return QJsonDocument(toJson(schema)).toJson(QJsonDocument::Indented);
}

Result<Schema> SchemaJson::fromJson(const QJsonObject &o)
{
    Schema s;
    if (o.contains(QLatin1String("dialect"))) {
        const QString d = o.value(QLatin1String("dialect")).toString();
        s.dialect = dialectFromName(d);
        if (!s.dialect)
            return fail(Error::Category::InvalidInput, QStringLiteral("unknown dialect '%1'").arg(d), QStringLiteral("dialect"));
    }
    s.namespaces = toStringList(o.value(QLatin1String("namespaces")));
    const QJsonArray tables = o.value(QLatin1String("tables")).toArray();
    for (int ti = 0; ti < tables.size(); ++ti) {
        const QJsonObject to = tables.at(ti).toObject();
        Table t;
        t.schema = to.value(QLatin1String("schema")).toString();
        t.name = to.value(QLatin1String("name")).toString();
        const QString where = QStringLiteral("tables[%1] (%2)").arg(ti).arg(t.name);
        if (t.name.isEmpty())
            return fail(Error::Category::InvalidInput, QStringLiteral("table without a name"), where);
        for (const QJsonValue &cv : to.value(QLatin1String("columns")).toArray()) {
            const QJsonObject co = cv.toObject();
            Column c;
            c.name = co.value(QLatin1String("name")).toString();
            bool ok = true;
            c.type = SqlType::parseCanonical(co.value(QLatin1String("type")).toString(), &ok);
            if (co.contains(QLatin1String("raw_type")))
                c.type.setRaw(co.value(QLatin1String("raw_type")).toString());
            c.nullable = co.value(QLatin1String("nullable")).toBool(true);
            if (co.contains(QLatin1String("default")))
                c.defaultExpr = co.value(QLatin1String("default")).toString();
            const auto identity = identityFromName(co.value(QLatin1String("identity")).toString());
            if (!identity)
                return fail(Error::Category::InvalidInput,
                            QStringLiteral("unknown identity '%1'").arg(co.value(QLatin1String("identity")).toString()),
                            where + QStringLiteral(" column ") + c.name);
            c.identity = *identity;
            c.generatedExpr = co.value(QLatin1String("generated")).toString();
            c.generatedStored = co.value(QLatin1String("generated_stored")).toBool();
            c.onUpdateExpr = co.value(QLatin1String("on_update")).toString();
            c.collation = co.value(QLatin1String("collation")).toString();
            c.charset = co.value(QLatin1String("charset")).toString();
            c.comment = co.value(QLatin1String("comment")).toString();
            t.columns << c;
        }
        if (to.contains(QLatin1String("primary_key"))) {
            const QJsonObject pk = to.value(QLatin1String("primary_key")).toObject();
            t.primaryKey = PrimaryKey{pk.value(QLatin1String("name")).toString(), toStringList(pk.value(QLatin1String("columns")))};
        }
        for (const QJsonValue &uv : to.value(QLatin1String("unique_constraints")).toArray()) {
            const QJsonObject uo = uv.toObject();
            t.uniques << UniqueConstraint{uo.value(QLatin1String("name")).toString(), toStringList(uo.value(QLatin1String("columns")))};
        }
        for (const QJsonValue &iv : to.value(QLatin1String("indexes")).toArray()) {
            const QJsonObject io = iv.toObject();
            Index i;
            i.name = io.value(QLatin1String("name")).toString();
            for (const QJsonValue &pv : io.value(QLatin1String("parts")).toArray()) {
                const QJsonObject po = pv.toObject();
                i.parts << IndexPart{po.value(QLatin1String("column")).toString(), po.value(QLatin1String("expression")).toString(),
                                     po.value(QLatin1String("descending")).toBool(), po.value(QLatin1String("length")).toInt(-1)};
            }
            i.unique = io.value(QLatin1String("unique")).toBool();
            i.where = io.value(QLatin1String("where")).toString();
            i.method = io.value(QLatin1String("method")).toString();
            t.indexes << i;
        }
        for (const QJsonValue &fv : to.value(QLatin1String("foreign_keys")).toArray()) {
            const QJsonObject fo = fv.toObject();
            ForeignKey f;
            f.name = fo.value(QLatin1String("name")).toString();
            f.columns = toStringList(fo.value(QLatin1String("columns")));
            f.refSchema = fo.value(QLatin1String("ref_schema")).toString();
            f.refTable = fo.value(QLatin1String("ref_table")).toString();
            f.refColumns = toStringList(fo.value(QLatin1String("ref_columns")));
            const auto del = fkActionFromSql(fo.value(QLatin1String("on_delete")).toString());
            const auto upd = fkActionFromSql(fo.value(QLatin1String("on_update")).toString());
            if (!del || !upd)
                return fail(Error::Category::InvalidInput, QStringLiteral("unknown foreign key action"),
                            where + QStringLiteral(" foreign key ") + f.name);
            f.onDelete = *del;
            f.onUpdate = *upd;
            f.deferrable = fo.value(QLatin1String("deferrable")).toBool();
            f.initiallyDeferred = fo.value(QLatin1String("initially_deferred")).toBool();
            t.foreignKeys << f;
        }
        for (const QJsonValue &cv : to.value(QLatin1String("checks")).toArray()) {
            const QJsonObject co = cv.toObject();
            t.checks << Check{co.value(QLatin1String("name")).toString(), co.value(QLatin1String("expression")).toString()};
        }
        for (const QJsonValue &tv : to.value(QLatin1String("triggers")).toArray()) {
            const QJsonObject tro = tv.toObject();
            Trigger tr;
            tr.name = tro.value(QLatin1String("name")).toString();
            tr.timing = tro.value(QLatin1String("timing")).toString();
            tr.events = toStringList(tro.value(QLatin1String("events")));
            tr.forEachRow = tro.value(QLatin1String("for_each_row")).toBool(true);
            tr.body = tro.value(QLatin1String("body")).toString();
            tr.definition = tro.value(QLatin1String("definition")).toString();
            t.triggers << tr;
        }
        t.comment = to.value(QLatin1String("comment")).toString();
        t.withoutRowid = to.value(QLatin1String("without_rowid")).toBool();
        t.engine = to.value(QLatin1String("engine")).toString();
        t.charset = to.value(QLatin1String("charset")).toString();
        t.collation = to.value(QLatin1String("collation")).toString();
        s.tables << t;
    }
    for (const QJsonValue &vv : o.value(QLatin1String("views")).toArray()) {
        const QJsonObject vo = vv.toObject();
        s.views << View{vo.value(QLatin1String("schema")).toString(), vo.value(QLatin1String("name")).toString(),
                        vo.value(QLatin1String("definition")).toString(), vo.value(QLatin1String("materialized")).toBool()};
    }
    for (const QJsonValue &ev : o.value(QLatin1String("enums")).toArray()) {
        const QJsonObject eo = ev.toObject();
        s.enums << EnumType{eo.value(QLatin1String("schema")).toString(), eo.value(QLatin1String("name")).toString(),
                            toStringList(eo.value(QLatin1String("values")))};
    }
    s.canonicalize();
    return s;
}

Result<Schema> SchemaJson::fromJsonText(const QByteArray &text, const QString &sourceName)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError) {
        const int line = int(text.left(err.offset).count('\n')) + 1;
        return fail(Error::Category::InvalidInput, err.errorString(),
                    QStringLiteral("%1:%2").arg(sourceName.isEmpty() ? QStringLiteral("<json>") : sourceName).arg(line));
    }
    if (!doc.isObject())
        return fail(Error::Category::InvalidInput, QStringLiteral("expected a JSON object"), sourceName);
    return fromJson(doc.object());
}

} // namespace covet
