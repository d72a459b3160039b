#include "sqltype.h"

#include <QHash>
#include <QRegularExpression>

namespace covet {

namespace {

struct KindName
{
    SqlType::Kind kind;
    const char *name;
};

// Canonical names, in the order canonicalName() and parseCanonical() use.
constexpr KindName kCanonical[] = {
    {SqlType::Kind::Boolean, "boolean"},
    {SqlType::Kind::TinyInt, "tinyint"},
    {SqlType::Kind::SmallInt, "smallint"},
    {SqlType::Kind::MediumInt, "mediumint"},
    {SqlType::Kind::Integer, "integer"},
    {SqlType::Kind::BigInt, "bigint"},
    {SqlType::Kind::Decimal, "numeric"},
    {SqlType::Kind::Real, "real"},
    {SqlType::Kind::Double, "double"},
    {SqlType::Kind::Char, "char"},
    {SqlType::Kind::Varchar, "varchar"},
    {SqlType::Kind::Text, "text"},
    {SqlType::Kind::Date, "date"},
    {SqlType::Kind::Time, "time"},
    {SqlType::Kind::TimeTz, "timetz"},
    {SqlType::Kind::Timestamp, "timestamp"},
    {SqlType::Kind::TimestampTz, "timestamptz"},
    {SqlType::Kind::Interval, "interval"},
    {SqlType::Kind::Uuid, "uuid"},
    {SqlType::Kind::Json, "json"},
    {SqlType::Kind::Jsonb, "jsonb"},
    {SqlType::Kind::Blob, "blob"},
    {SqlType::Kind::Enum, "enum"},
};

// Built once: canonicalName() runs for every column a schema writes, and
// most types are a bare kind name (a copy of a built string allocates nothing).
QString kindName(SqlType::Kind k)
{
    static const QHash<SqlType::Kind, QString> names = [] {
        QHash<SqlType::Kind, QString> out;
        for (const auto &kn : kCanonical)
            out.insert(kn.kind, QString::fromLatin1(kn.name));
        return out;
    }();
    return names.value(k);
}

// Splits "name(args) rest" into base name, argument list and the rest.
struct Parsed
{
    QString base;
    QStringList args;
    QString rest;
    int arrayDims = 0;
};

Parsed splitType(QString text)
{
    Parsed p;
    text = text.trimmed();
    while (text.endsWith(QLatin1String("[]"))) {
        ++p.arrayDims;
        text.chop(2);
        text = text.trimmed();
    }
    // PostgreSQL: "integer ARRAY" or "_int4" forms are not produced by format_type.
    const qsizetype open = text.indexOf(u'(');
    if (open < 0) {
        p.base = text.simplified().toLower();
        return p;
    }
    // Find the matching close paren, respecting quotes (enum('a)b')).
    qsizetype i = open + 1;
    QChar quote;
    QString current;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            current += c;
            if (c == quote) {
                if (i + 1 < text.size() && text.at(i + 1) == quote) {
                    current += text.at(++i);
                } else {
                    quote = QChar();
                }
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            current += c;
        } else if (c == u',') {
            p.args << current.trimmed();
            current.clear();
        } else if (c == u')') {
            break;
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty() || !p.args.isEmpty())
        p.args << current.trimmed();
    p.base = text.left(open).simplified().toLower();
    p.rest = text.mid(i + 1).simplified().toLower();
    return p;
}

QString unquote(const QString &s)
{
    if (s.size() >= 2 && (s.front() == u'\'' || s.front() == u'"') && s.back() == s.front()) {
        QString inner = s.mid(1, s.size() - 2);
        inner.replace(QString(2, s.front()), QString(s.front()));
        if (s.front() == u'\'')
            inner.replace(QLatin1String("\\\\"), QLatin1String("\\"));
        return inner;
    }
    return s;
}

int toInt(const QString &s, int fallback = -1)
{
    bool ok = false;
    const int v = s.trimmed().toInt(&ok);
    return ok ? v : fallback;
}

QString quoteEnumValue(const QString &v)
{
    QString q = v;
    q.replace(u'\'', QLatin1String("''"));
    return u'\'' + q + u'\'';
}

// Maps a lower-case base name shared by most dialects to a kind.
bool commonKind(const QString &base, SqlType::Kind &kind)
{
    static const QHash<QString, SqlType::Kind> map = {
        {QStringLiteral("boolean"), SqlType::Kind::Boolean},
        {QStringLiteral("bool"), SqlType::Kind::Boolean},
        {QStringLiteral("tinyint"), SqlType::Kind::TinyInt},
        {QStringLiteral("smallint"), SqlType::Kind::SmallInt},
        {QStringLiteral("int2"), SqlType::Kind::SmallInt},
        {QStringLiteral("mediumint"), SqlType::Kind::MediumInt},
        {QStringLiteral("integer"), SqlType::Kind::Integer},
        {QStringLiteral("int"), SqlType::Kind::Integer},
        {QStringLiteral("int4"), SqlType::Kind::Integer},
        {QStringLiteral("bigint"), SqlType::Kind::BigInt},
        {QStringLiteral("int8"), SqlType::Kind::BigInt},
        {QStringLiteral("numeric"), SqlType::Kind::Decimal},
        {QStringLiteral("decimal"), SqlType::Kind::Decimal},
        {QStringLiteral("real"), SqlType::Kind::Real},
        {QStringLiteral("float4"), SqlType::Kind::Real},
        {QStringLiteral("float"), SqlType::Kind::Real},
        {QStringLiteral("double"), SqlType::Kind::Double},
        {QStringLiteral("double precision"), SqlType::Kind::Double},
        {QStringLiteral("float8"), SqlType::Kind::Double},
        {QStringLiteral("char"), SqlType::Kind::Char},
        {QStringLiteral("character"), SqlType::Kind::Char},
        {QStringLiteral("bpchar"), SqlType::Kind::Char},
        {QStringLiteral("varchar"), SqlType::Kind::Varchar},
        {QStringLiteral("character varying"), SqlType::Kind::Varchar},
        {QStringLiteral("nvarchar"), SqlType::Kind::Varchar},
        {QStringLiteral("text"), SqlType::Kind::Text},
        {QStringLiteral("clob"), SqlType::Kind::Text},
        {QStringLiteral("date"), SqlType::Kind::Date},
        {QStringLiteral("time"), SqlType::Kind::Time},
        {QStringLiteral("time without time zone"), SqlType::Kind::Time},
        {QStringLiteral("timetz"), SqlType::Kind::TimeTz},
        {QStringLiteral("time with time zone"), SqlType::Kind::TimeTz},
        {QStringLiteral("timestamp"), SqlType::Kind::Timestamp},
        {QStringLiteral("timestamp without time zone"), SqlType::Kind::Timestamp},
        {QStringLiteral("datetime"), SqlType::Kind::Timestamp},
        {QStringLiteral("timestamptz"), SqlType::Kind::TimestampTz},
        {QStringLiteral("timestamp with time zone"), SqlType::Kind::TimestampTz},
        {QStringLiteral("interval"), SqlType::Kind::Interval},
        {QStringLiteral("uuid"), SqlType::Kind::Uuid},
        {QStringLiteral("json"), SqlType::Kind::Json},
        {QStringLiteral("jsonb"), SqlType::Kind::Jsonb},
        {QStringLiteral("blob"), SqlType::Kind::Blob},
        {QStringLiteral("bytea"), SqlType::Kind::Blob},
        {QStringLiteral("enum"), SqlType::Kind::Enum},
    };
    const auto it = map.constFind(base);
    if (it == map.constEnd())
        return false;
    kind = *it;
    return true;
}

// "timestamp(3) without time zone" arrives as base "timestamp", args [3],
// rest "without time zone".
void applyTimeZoneSuffix(SqlType &t, const QString &rest)
{
    if (rest.contains(QLatin1String("with time zone")) && !rest.contains(QLatin1String("without"))) {
        if (t.kind() == SqlType::Kind::Timestamp)
            t.setKind(SqlType::Kind::TimestampTz);
        else if (t.kind() == SqlType::Kind::Time)
            t.setKind(SqlType::Kind::TimeTz);
    }
}

void applyArgs(SqlType &t, const QStringList &args)
{
    switch (t.kind()) {
    case SqlType::Kind::Char:
    case SqlType::Kind::Varchar:
        if (!args.isEmpty())
            t.setLength(toInt(args.at(0)));
        break;
    case SqlType::Kind::Decimal:
        if (!args.isEmpty())
            t.setPrecision(toInt(args.at(0)));
        if (args.size() > 1)
            t.setScale(toInt(args.at(1)));
        break;
    case SqlType::Kind::Time:
    case SqlType::Kind::TimeTz:
    case SqlType::Kind::Timestamp:
    case SqlType::Kind::TimestampTz:
        if (!args.isEmpty())
            t.setPrecision(toInt(args.at(0)));
        break;
    case SqlType::Kind::Enum: {
        QStringList values;
        for (const QString &a : args)
            values << unquote(a);
        t.setEnumValues(values);
        break;
    }
    default:
        break; // display widths such as int(11) carry no meaning
    }
}

} // namespace

bool SqlType::isInteger() const
{
    switch (m_kind) {
    case Kind::TinyInt: case Kind::SmallInt: case Kind::MediumInt: case Kind::Integer: case Kind::BigInt:
        return true;
    default:
        return false;
    }
}

bool SqlType::isTextual() const
{
    return m_kind == Kind::Char || m_kind == Kind::Varchar || m_kind == Kind::Text || m_kind == Kind::Enum;
}

bool SqlType::isTemporal() const
{
    switch (m_kind) {
    case Kind::Date: case Kind::Time: case Kind::TimeTz: case Kind::Timestamp: case Kind::TimestampTz: case Kind::Interval:
        return true;
    default:
        return false;
    }
}

QString SqlType::canonicalName() const
{
    QString s;
    switch (m_kind) {
    case Kind::Other: {
        // The raw spelling already carries any "[]"; the loop below adds them once.
        QString base = m_raw.trimmed();
        while (base.endsWith(QLatin1String("[]")))
            base = base.chopped(2).trimmed();
        s = base.isEmpty() ? QStringLiteral("any") : base;
        break;
    }
    case Kind::Char:
    case Kind::Varchar:
        s = kindName(m_kind);
        if (m_length >= 0)
            s += QStringLiteral("(%1)").arg(m_length);
        break;
    case Kind::Decimal:
        s = kindName(m_kind);
        if (m_precision >= 0 && m_scale >= 0)
            s += QStringLiteral("(%1,%2)").arg(m_precision).arg(m_scale);
        else if (m_precision >= 0)
            s += QStringLiteral("(%1)").arg(m_precision);
        break;
    case Kind::Time:
    case Kind::TimeTz:
    case Kind::Timestamp:
    case Kind::TimestampTz:
        s = kindName(m_kind);
        if (m_precision >= 0)
            s += QStringLiteral("(%1)").arg(m_precision);
        break;
    case Kind::Enum: {
        QStringList quoted;
        for (const QString &v : m_enumValues)
            quoted << quoteEnumValue(v);
        s = QStringLiteral("enum");
        if (!m_enumName.isEmpty())
            s += u' ' + m_enumName;
        s += u'(' + quoted.join(u',') + u')';
        break;
    }
    default:
        s = kindName(m_kind);
        break;
    }
    if (m_unsigned)
        s += QStringLiteral(" unsigned");
    for (int i = 0; i < m_arrayDims; ++i)
        s += QStringLiteral("[]");
    return s;
}

SqlType SqlType::parseCanonical(const QString &text, bool *ok)
{
    Parsed p = splitType(text);
    SqlType t;
    bool known = false;
    QString base = p.base;
    QString rest = p.rest;
    if (base.endsWith(QLatin1String(" unsigned"))) {
        base.chop(9);
        rest += QStringLiteral(" unsigned");
    }
    // "enum mood('a','b')": a named enum.
    if (base.startsWith(QLatin1String("enum "))) {
        // Keep the enum type's name as written: PostgreSQL names are case-sensitive.
        const QString original = text.trimmed();
        const qsizetype open = original.indexOf(u'(');
        t.m_enumName = original.mid(5, open < 0 ? -1 : open - 5).trimmed();
        base = QStringLiteral("enum");
    }
    Kind kind;
    if (commonKind(base, kind)) {
        known = true;
        t.m_kind = kind;
        applyArgs(t, p.args);
        applyTimeZoneSuffix(t, rest);
    } else {
        t.m_kind = Kind::Other;
        t.m_raw = text.trimmed();
    }
    if (rest.contains(QLatin1String("unsigned")))
        t.m_unsigned = true;
    t.m_arrayDims = p.arrayDims;
    if (ok)
        *ok = known;
    return t;
}

SqlType SqlType::fromDialect(Dialect dialect, const QString &rawType)
{
    const QString raw = rawType.trimmed();
    Parsed p = splitType(raw);
    SqlType t;
    t.m_raw = raw;
    t.m_arrayDims = p.arrayDims;
    QString base = p.base;
    QString rest = p.rest;
    if (base.endsWith(QLatin1String(" unsigned")) || base.endsWith(QLatin1String(" zerofill"))) {
        rest = base.mid(base.indexOf(u' ')) + u' ' + rest;
        base = base.left(base.indexOf(u' '));
    }

    Kind kind = Kind::Other;
    switch (dialect) {
    case Dialect::MySQL:
        if (base == u"tinyint" && p.args.value(0) == u"1" && !rest.contains(QLatin1String("unsigned"))) {
            t.m_kind = Kind::Boolean;
            return t;
        }
        if (base == u"int" || base == u"integer")
            kind = Kind::Integer;
        else if (base == u"datetime")
            kind = Kind::Timestamp;
        else if (base == u"timestamp")
            kind = Kind::TimestampTz;   // MySQL TIMESTAMP converts to and from the session time zone
        else if (base == u"float")
            kind = Kind::Real;
        else if (base == u"double" || base == u"double precision" || base == u"real")
            kind = Kind::Double;
        else if (base == u"tinytext" || base == u"mediumtext" || base == u"longtext" || base == u"text")
            kind = Kind::Text;
        else if (base == u"tinyblob" || base == u"mediumblob" || base == u"longblob" || base == u"blob")
            kind = Kind::Blob;
        else if (!commonKind(base, kind))
            kind = Kind::Other;
        if (kind == Kind::Json || kind == Kind::Jsonb)
            kind = Kind::Json;
        break;
    case Dialect::PostgreSQL:
        if (base == u"\"char\"")
            kind = Kind::Other;
        else if (base == u"serial" || base == u"serial4")
            kind = Kind::Integer;
        else if (base == u"bigserial" || base == u"serial8")
            kind = Kind::BigInt;
        else if (base == u"smallserial" || base == u"serial2")
            kind = Kind::SmallInt;
        else if (base == u"float" || base == u"tinyint" || base == u"mediumint" || base == u"datetime" || base == u"blob")
            kind = Kind::Other;  // not PostgreSQL spellings: keep verbatim
        else if (!commonKind(base, kind))
            kind = Kind::Other;
        if (kind == Kind::Enum)
            kind = Kind::Other; // enums arrive by name; the inspector resolves them
        break;
    case Dialect::SQLite: {
        // Declared types are free text; read what tools commonly write, then
        // fall back to SQLite's affinity rules.
        if (commonKind(base, kind)) {
            if (base == u"real")
                kind = Kind::Double;   // SQLite REAL is an 8-byte float
        } else if (base == u"unsigned big int") {
            kind = Kind::BigInt;
        } else if (base.contains(QLatin1String("int"))) {
            kind = Kind::Integer;
        } else if (base.contains(QLatin1String("char")) || base.contains(QLatin1String("clob")) || base.contains(QLatin1String("text"))) {
            kind = base.contains(QLatin1String("char")) ? Kind::Varchar : Kind::Text;
        } else if (base.isEmpty() || base.contains(QLatin1String("blob"))) {
            kind = base.isEmpty() ? Kind::Other : Kind::Blob;
        } else {
            kind = Kind::Other;
        }
        break;
    }
    }
    t.m_kind = kind;
    if (kind != Kind::Other) {
        applyArgs(t, p.args);
        applyTimeZoneSuffix(t, rest);
    }
    if (rest.contains(QLatin1String("unsigned")))
        t.m_unsigned = true;
    return t;
}

QString SqlType::toDialect(Dialect dialect) const
{
    auto withLength = [this](const QString &base) {
        return m_length >= 0 ? QStringLiteral("%1(%2)").arg(base).arg(m_length) : base;
    };
    auto withPrecision = [this](const QString &base) {
        return m_precision >= 0 ? QStringLiteral("%1(%2)").arg(base).arg(m_precision) : base;
    };
    auto decimal = [this](const QString &base) {
        if (m_precision >= 0 && m_scale >= 0)
            return QStringLiteral("%1(%2,%3)").arg(base).arg(m_precision).arg(m_scale);
        if (m_precision >= 0)
            return QStringLiteral("%1(%2)").arg(base).arg(m_precision);
        return base;
    };
    QString s;
    switch (dialect) {
    case Dialect::PostgreSQL:
        switch (m_kind) {
        case Kind::Other: s = m_raw.isEmpty() ? QStringLiteral("text") : m_raw; break;
        case Kind::Boolean: s = QStringLiteral("boolean"); break;
        case Kind::TinyInt:
        case Kind::SmallInt: s = QStringLiteral("smallint"); break;
        case Kind::MediumInt:
        case Kind::Integer: s = m_unsigned ? QStringLiteral("bigint") : QStringLiteral("integer"); break;
        case Kind::BigInt: s = m_unsigned ? QStringLiteral("numeric(20,0)") : QStringLiteral("bigint"); break;
        case Kind::Decimal: s = decimal(QStringLiteral("numeric")); break;
        case Kind::Real: s = QStringLiteral("real"); break;
        case Kind::Double: s = QStringLiteral("double precision"); break;
        case Kind::Char: s = withLength(QStringLiteral("character")); break;
        case Kind::Varchar: s = withLength(QStringLiteral("character varying")); break;
        case Kind::Text: s = QStringLiteral("text"); break;
        case Kind::Date: s = QStringLiteral("date"); break;
        case Kind::Time: s = withPrecision(QStringLiteral("time")) + QStringLiteral(" without time zone"); break;
        case Kind::TimeTz: s = withPrecision(QStringLiteral("time")) + QStringLiteral(" with time zone"); break;
        case Kind::Timestamp: s = withPrecision(QStringLiteral("timestamp")) + QStringLiteral(" without time zone"); break;
        case Kind::TimestampTz: s = withPrecision(QStringLiteral("timestamp")) + QStringLiteral(" with time zone"); break;
        case Kind::Interval: s = QStringLiteral("interval"); break;
        case Kind::Uuid: s = QStringLiteral("uuid"); break;
        case Kind::Json: s = QStringLiteral("json"); break;
        case Kind::Jsonb: s = QStringLiteral("jsonb"); break;
        case Kind::Blob: s = QStringLiteral("bytea"); break;
        case Kind::Enum: s = m_enumName.isEmpty() ? QStringLiteral("text") : m_enumName; break;
        }
        for (int i = 0; i < m_arrayDims; ++i)
            s += QStringLiteral("[]");
        return s;
    case Dialect::MySQL:
        switch (m_kind) {
        case Kind::Other: s = m_raw.isEmpty() ? QStringLiteral("text") : m_raw; break;
        case Kind::Boolean: s = QStringLiteral("tinyint(1)"); break;
        case Kind::TinyInt: s = QStringLiteral("tinyint"); break;
        case Kind::SmallInt: s = QStringLiteral("smallint"); break;
        case Kind::MediumInt: s = QStringLiteral("mediumint"); break;
        case Kind::Integer: s = QStringLiteral("int"); break;
        case Kind::BigInt: s = QStringLiteral("bigint"); break;
        case Kind::Decimal: s = decimal(QStringLiteral("decimal")); break;
        case Kind::Real: s = QStringLiteral("float"); break;
        case Kind::Double: s = QStringLiteral("double"); break;
        case Kind::Char: s = withLength(QStringLiteral("char")); break;
        case Kind::Varchar: s = QStringLiteral("varchar(%1)").arg(m_length >= 0 ? m_length : 255); break;
        case Kind::Text: s = QStringLiteral("text"); break;
        case Kind::Date: s = QStringLiteral("date"); break;
        case Kind::Time:
        case Kind::TimeTz: s = withPrecision(QStringLiteral("time")); break;
        case Kind::Timestamp: s = withPrecision(QStringLiteral("datetime")); break;
        case Kind::TimestampTz: s = withPrecision(QStringLiteral("timestamp")); break;
        case Kind::Interval: s = QStringLiteral("varchar(64)"); break;
        case Kind::Uuid: s = QStringLiteral("char(36)"); break;
        case Kind::Json:
        case Kind::Jsonb: s = QStringLiteral("json"); break;
        case Kind::Blob: s = QStringLiteral("longblob"); break;
        case Kind::Enum: {
            QStringList quoted;
            for (const QString &v : m_enumValues)
                quoted << quoteEnumValue(v);
            s = QStringLiteral("enum(%1)").arg(quoted.join(u','));
            break;
        }
        }
        if (m_unsigned && isInteger())
            s += QStringLiteral(" unsigned");
        if (m_arrayDims > 0)
            s = QStringLiteral("json");
        return s;
    case Dialect::SQLite:
        switch (m_kind) {
        case Kind::Other: s = m_raw; break;
        case Kind::Boolean: s = QStringLiteral("BOOLEAN"); break;
        case Kind::TinyInt: s = QStringLiteral("TINYINT"); break;
        case Kind::SmallInt: s = QStringLiteral("SMALLINT"); break;
        case Kind::MediumInt: s = QStringLiteral("MEDIUMINT"); break;
        case Kind::Integer: s = QStringLiteral("INTEGER"); break;
        case Kind::BigInt: s = QStringLiteral("BIGINT"); break;
        case Kind::Decimal: s = decimal(QStringLiteral("NUMERIC")); break;
        case Kind::Real: s = QStringLiteral("FLOAT"); break;
        case Kind::Double: s = QStringLiteral("REAL"); break;
        case Kind::Char: s = withLength(QStringLiteral("CHAR")); break;
        case Kind::Varchar: s = withLength(QStringLiteral("VARCHAR")); break;
        case Kind::Text: s = QStringLiteral("TEXT"); break;
        case Kind::Date: s = QStringLiteral("DATE"); break;
        case Kind::Time: s = withPrecision(QStringLiteral("TIME")); break;
        case Kind::TimeTz: s = withPrecision(QStringLiteral("TIMETZ")); break;
        case Kind::Timestamp: s = withPrecision(QStringLiteral("TIMESTAMP")); break;
        case Kind::TimestampTz: s = withPrecision(QStringLiteral("TIMESTAMPTZ")); break;
        case Kind::Interval: s = QStringLiteral("INTERVAL"); break;
        case Kind::Uuid: s = QStringLiteral("UUID"); break;
        case Kind::Json: s = QStringLiteral("JSON"); break;
        case Kind::Jsonb: s = QStringLiteral("JSONB"); break;
        case Kind::Blob: s = QStringLiteral("BLOB"); break;
        case Kind::Enum: s = QStringLiteral("TEXT"); break;
        }
        if (m_unsigned && isInteger())
            s += QStringLiteral(" UNSIGNED");
        if (m_arrayDims > 0)
            s = QStringLiteral("JSON");
        return s;
    }
    return s;
}

bool SqlType::equivalent(const SqlType &o) const
{
    if (m_kind == Kind::Other || o.m_kind == Kind::Other)
        return m_kind == o.m_kind && m_raw.compare(o.m_raw, Qt::CaseInsensitive) == 0 && m_arrayDims == o.m_arrayDims;
    return m_kind == o.m_kind && m_length == o.m_length && m_precision == o.m_precision && m_scale == o.m_scale
        && m_unsigned == o.m_unsigned && m_arrayDims == o.m_arrayDims && m_enumValues == o.m_enumValues;
}

} // namespace covet
