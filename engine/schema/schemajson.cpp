#include "schemajson.h"

#include "../core/savefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QIODevice>
#include <QJsonParseError>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace covet {

namespace {

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

QString fkAction(ForeignKey::Action a)
{
    return fkActionSql(a).toLower().replace(u' ', u'_');
}

// Writes JSON text byte for byte as QJsonDocument::toJson(Indented) writes
// the same values (four-space indent, `"key": value`, members in QJsonObject's
// key order, Qt's escapes), straight from the Schema: no QJsonObject tree is
// built, which was most of `covet inspect`'s own time on a large catalog.
// Callers write each object's members in ascending key order; the tests
// compare the text with what QJsonDocument makes of it.
class JsonTextWriter
{
public:
    explicit JsonTextWriter(QByteArray &out, QIODevice *device = nullptr) : m_out(out), m_device(device) {}

    // With a device: hands the text written so far to it once it is large,
    // so that a large schema is never held whole. False once a write failed.
    bool flushIfLarge()
    {
        return m_out.size() < kChunk || flush();
    }
    bool flush()
    {
        if (!m_device || !m_status)
            return bool(m_status);
        m_status = SaveFile::writeAll(*m_device, m_out);
        m_out.resize(0);   // keeps the capacity
        return bool(m_status);
    }
    const Status &status() const { return m_status; }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    void key(const char *name)
    {
        separate();
        const qsizetype n = qsizetype(std::strlen(name));
        char *p = grow(n + 4);
        *p++ = '"';
        std::memcpy(p, name, size_t(n));
        std::memcpy(p + n, "\": ", 3);
        m_afterKey = true;
    }

    void value(const QString &text)
    {
        separate();
        // Most texts (names, types) are plain ASCII: copied in one pass into
        // room made once; the first character that needs more hands the
        // rest to appendEscaped.
        const qsizetype n = text.size();
        const char16_t *const s = reinterpret_cast<const char16_t *>(text.constData());
        char *p = grow(n + 2);
        *p++ = '"';
        qsizetype i = 0;
        for (; i < n && plain(s[i]); ++i)
            p[i] = char(s[i]);
        if (i == n) {
            p[n] = '"';
            return;
        }
        m_out.resize(m_out.size() - (n + 1 - i));
        appendEscaped(QStringView(text).mid(i));
        *grow(1) = '"';
    }
    void value(bool b)
    {
        separate();
        m_out += b ? "true" : "false";
    }
    void value(int n)
    {
        separate();
        m_out += QByteArray::number(n);
    }
    void value(const QStringList &list)
    {
        beginArray();
        for (const QString &s : list)
            value(s);
        endArray();
    }

    template <typename T> void member(const char *name, const T &v)
    {
        key(name);
        value(v);
    }
    void memberIf(const char *name, const QString &v)
    {
        if (!v.isEmpty())
            member(name, v);
    }
    void memberIf(const char *name, bool v)
    {
        if (v)
            member(name, true);
    }

private:
    // Before a value: nothing after a key; in an array, the comma and the
    // indent Qt puts before every element but the first.
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_counts.isEmpty())
            return;
        const bool comma = m_counts.last()++ > 0;
        const qsizetype spaces = 4 * m_counts.size();
        char *p = grow((comma ? 2 : 0) + spaces);
        if (comma) {
            *p++ = ',';
            *p++ = '\n';
        }
        std::memset(p, ' ', size_t(spaces));
    }
    // Room for n more bytes at the end of the text; where they go. One
    // resize for what used to be several appends (most of the writer's time
    // went to appending a character or two at a time).
    char *grow(qsizetype n)
    {
        const qsizetype at = m_out.size();
        m_out.resize(at + n);
        return m_out.data() + at;
    }
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        m_out += '\n';
        m_counts.append(0);
    }
    void close(char bracket)
    {
        const int written = m_counts.last();
        m_counts.removeLast();
        if (written > 0)
            m_out += '\n';
        indent(m_counts.size());
        m_out += bracket;
    }
    void indent(qsizetype depth) { m_out.append(4 * depth, ' '); }

    static char hexDigit(uint u) { return char(u < 10 ? '0' + u : 'a' + u - 10); }

    // Qt's escapes: the two-letter ones, \u00XX for other controls, UTF-8
    // for the rest, and \uXXXX for a surrogate without its pair.
    static bool plain(char16_t u) { return u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\'; }
    void appendEscaped(QStringView text)
    {
        const char16_t *p = text.utf16();
        const char16_t *const end = p + text.size();
        while (p != end) {
            // A run of plain ASCII (most of any name or type) in one go.
            const char16_t *run = p;
            while (p != end && plain(*p))
                ++p;
            if (p != run) {
                const qsizetype at = m_out.size();
                m_out.resize(at + (p - run));
                std::copy(run, p, m_out.data() + at);
                if (p == end)
                    break;
            }
            const char16_t u = *p++;
            if (u < 0x80) {
                m_out += '\\';
                switch (u) {
                case u'"': m_out += '"'; break;
                case u'\\': m_out += '\\'; break;
                case 0x08: m_out += 'b'; break;
                case 0x0c: m_out += 'f'; break;
                case 0x0a: m_out += 'n'; break;
                case 0x0d: m_out += 'r'; break;
                case 0x09: m_out += 't'; break;
                default:
                    m_out += "u00";
                    m_out += hexDigit(u >> 4);
                    m_out += hexDigit(u & 0xf);
                }
            } else if (u < 0x800) {
                m_out += char(0xc0 | (u >> 6));
                m_out += char(0x80 | (u & 0x3f));
            } else if (!QChar::isSurrogate(u)) {
                m_out += char(0xe0 | (u >> 12));
                m_out += char(0x80 | ((u >> 6) & 0x3f));
                m_out += char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
                const char32_t c = QChar::surrogateToUcs4(u, *p++);
                m_out += char(0xf0 | (c >> 18));
                m_out += char(0x80 | ((c >> 12) & 0x3f));
                m_out += char(0x80 | ((c >> 6) & 0x3f));
                m_out += char(0x80 | (c & 0x3f));
            } else {
                m_out += "\\u";
                for (int shift = 12; shift >= 0; shift -= 4)
                    m_out += hexDigit((u >> shift) & 0xf);
            }
        }
    }

    static constexpr qsizetype kChunk = 256 * 1024;
    QByteArray &m_out;
    QIODevice *const m_device;
    Status m_status;
    QVarLengthArray<int, 8> m_counts;   // values written so far in each open object or array
    bool m_afterKey = false;
};

// The members of each object below are in ascending key order: the order
// QJsonObject keeps and QJsonDocument writes.

void writeColumn(JsonTextWriter &w, const Column &c)
{
    w.beginObject();
    w.memberIf("charset", c.charset);
    w.memberIf("collation", c.collation);
    w.memberIf("comment", c.comment);
    if (c.defaultExpr)
        w.member("default", *c.defaultExpr);
    if (c.isGenerated()) {
        w.member("generated", c.generatedExpr);
        w.member("generated_stored", c.generatedStored);
    }
    if (c.identity != Column::Identity::None)
        w.member("identity", identityName(c.identity));
    w.member("name", c.name);
    w.member("nullable", c.nullable);
    w.memberIf("on_update", c.onUpdateExpr);
    if (!c.type.raw().isEmpty() && c.type.kind() != SqlType::Kind::Other)
        w.member("raw_type", c.type.raw());
    w.member("type", c.type.canonicalName());
    w.endObject();
}

void writeIndex(JsonTextWriter &w, const Index &i)
{
    w.beginObject();
    w.memberIf("method", i.method);
    w.member("name", i.name);
    w.key("parts");
    w.beginArray();
    for (const IndexPart &p : i.parts) {
        w.beginObject();
        w.memberIf("column", p.column);
        w.memberIf("descending", p.descending);
        w.memberIf("expression", p.expression);
        if (p.length >= 0)
            w.member("length", p.length);
        w.endObject();
    }
    w.endArray();
    w.memberIf("unique", i.unique);
    w.memberIf("where", i.where);
    w.endObject();
}

void writeForeignKey(JsonTextWriter &w, const ForeignKey &f)
{
    w.beginObject();
    w.member("columns", f.columns);
    w.memberIf("deferrable", f.deferrable);
    w.memberIf("initially_deferred", f.initiallyDeferred);
    w.memberIf("name", f.name);
    w.member("on_delete", fkAction(f.onDelete));
    w.member("on_update", fkAction(f.onUpdate));
    w.member("ref_columns", f.refColumns);
    w.memberIf("ref_schema", f.refSchema);
    w.member("ref_table", f.refTable);
    w.endObject();
}

void writeTrigger(JsonTextWriter &w, const Trigger &t)
{
    w.beginObject();
    w.memberIf("body", t.body);
    w.memberIf("definition", t.definition);
    w.member("events", t.events);
    w.member("for_each_row", t.forEachRow);
    w.member("name", t.name);
    w.memberIf("timing", t.timing);
    w.endObject();
}

// A named list of objects, left out when empty.
template <typename T, typename Write> void writeListIf(JsonTextWriter &w, const char *name, const QList<T> &list, Write write)
{
    if (list.isEmpty())
        return;
    w.key(name);
    w.beginArray();
    for (const T &item : list)
        write(w, item);
    w.endArray();
}

void writeTable(JsonTextWriter &w, const Table &t)
{
    w.beginObject();
    w.memberIf("charset", t.charset);
    writeListIf(w, "checks", t.checks, [](JsonTextWriter &out, const Check &c) {
        out.beginObject();
        out.member("expression", c.expression);
        out.memberIf("name", c.name);
        out.endObject();
    });
    w.memberIf("collation", t.collation);
    w.key("columns");
    w.beginArray();
    for (const Column &c : t.columns)
        writeColumn(w, c);
    w.endArray();
    w.memberIf("comment", t.comment);
    w.memberIf("engine", t.engine);
    writeListIf(w, "foreign_keys", t.foreignKeys, writeForeignKey);
    writeListIf(w, "indexes", t.indexes, writeIndex);
    w.member("name", t.name);
    if (t.primaryKey) {
        w.key("primary_key");
        w.beginObject();
        w.member("columns", t.primaryKey->columns);
        w.memberIf("name", t.primaryKey->name);
        w.endObject();
    }
    w.memberIf("schema", t.schema);
    writeListIf(w, "triggers", t.triggers, writeTrigger);
    writeListIf(w, "unique_constraints", t.uniques, [](JsonTextWriter &out, const UniqueConstraint &u) {
        out.beginObject();
        out.member("columns", u.columns);
        out.memberIf("name", u.name);
        out.endObject();
    });
    w.memberIf("without_rowid", t.withoutRowid);
    w.endObject();
}

void writeSchema(JsonTextWriter &w, const Schema &s)
{
    w.beginObject();
    if (s.dialect)
        w.member("dialect", dialectName(*s.dialect));
    writeListIf(w, "enums", s.enums, [](JsonTextWriter &out, const EnumType &e) {
        out.beginObject();
        out.member("name", e.name);
        out.memberIf("schema", e.schema);
        out.member("values", e.values);
        out.endObject();
    });
    if (!s.namespaces.isEmpty())
        w.member("namespaces", s.namespaces);
    w.key("tables");
    w.beginArray();
    for (const Table &t : s.tables) {
        writeTable(w, t);
        if (!w.flushIfLarge())
            return;
    }
    w.endArray();
    writeListIf(w, "views", s.views, [](JsonTextWriter &out, const View &v) {
        out.beginObject();
        out.member("definition", v.definition);
        out.memberIf("materialized", v.materialized);
        out.member("name", v.name);
        out.memberIf("schema", v.schema);
        out.endObject();
    });
    w.endObject();
}

// The QJsonObject forms are read back from the text, so that the fields
// written and left out are decided in one place, the writers above.
template <typename T, typename Write> QJsonObject toObject(const T &item, Write write)
{
    QByteArray text;
    JsonTextWriter w(text);
    write(w, item);
    return QJsonDocument::fromJson(text).object();
}

// The canonical text of a schema into `text`, handed to `device` in pieces
// when there is one.
Status writeCanonical(const Schema &input, QByteArray &text, QIODevice *device)
{
    Schema s = input;
    s.canonicalize();
    JsonTextWriter w(text, device);
    writeSchema(w, s);
    text += '\n';
    w.flush();
    return w.status();
}

} // namespace

QJsonObject SchemaJson::columnToJson(const Column &c)
{
    return toObject(c, writeColumn);
}

QJsonObject SchemaJson::tableToJson(const Table &t)
{
    return toObject(t, writeTable);
}

QJsonObject SchemaJson::toJson(const Schema &schema)
{
    return QJsonDocument::fromJson(toCanonicalJson(schema)).object();
}

QByteArray SchemaJson::toCanonicalJson(const Schema &schema)
{
    QByteArray text;
    (void)writeCanonical(schema, text, nullptr);   // no device: nothing can fail
    return text;
}

Status SchemaJson::writeCanonicalJson(const Schema &schema, QIODevice &device)
{
    QByteArray chunk;
    return writeCanonical(schema, chunk, &device);
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
