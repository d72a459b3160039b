#pragma once

#include "dialect.h"

#include <QString>
#include <QStringList>

namespace covet {

// A column type in Covet's canonical type system, with the dialect's own
// spelling kept in raw() for display and for types we do not model.
class SqlType
{
public:
    enum class Kind {
        Other,      // a type we do not model: kept verbatim in raw()
        Boolean,
        TinyInt, SmallInt, MediumInt, Integer, BigInt,
        Decimal,    // numeric(p,s)
        Real, Double,
        Char, Varchar, Text,
        Date, Time, TimeTz, Timestamp, TimestampTz, Interval,
        Uuid, Json, Jsonb, Blob,
        Enum,       // values(); PostgreSQL also names the type (enumName())
    };

    SqlType() = default;
    explicit SqlType(Kind kind) : m_kind(kind) {}
    static SqlType varchar(int length) { SqlType t(Kind::Varchar); t.m_length = length; return t; }
    static SqlType decimal(int precision, int scale) { SqlType t(Kind::Decimal); t.m_precision = precision; t.m_scale = scale; return t; }

    Kind kind() const { return m_kind; }
    void setKind(Kind k) { m_kind = k; }
    int length() const { return m_length; }          // char/varchar length, -1 when unbounded
    void setLength(int l) { m_length = l; }
    int precision() const { return m_precision; }    // decimal precision or time fractional digits, -1 default
    void setPrecision(int p) { m_precision = p; }
    int scale() const { return m_scale; }
    void setScale(int s) { m_scale = s; }
    bool isUnsigned() const { return m_unsigned; }
    void setUnsigned(bool u) { m_unsigned = u; }
    int arrayDimensions() const { return m_arrayDims; }
    void setArrayDimensions(int d) { m_arrayDims = d; }
    QString enumName() const { return m_enumName; }
    void setEnumName(const QString &n) { m_enumName = n; }
    QStringList enumValues() const { return m_enumValues; }
    void setEnumValues(const QStringList &v) { m_enumValues = v; }
    QString raw() const { return m_raw; }
    void setRaw(const QString &raw) { m_raw = raw; }

    bool isInteger() const;
    bool isTextual() const;
    bool isTemporal() const;

    // Canonical spelling: "integer", "bigint unsigned", "varchar(255)",
    // "numeric(10,2)", "timestamptz", "enum(mood)", "text[]". Parsed back by
    // parseCanonical(); used in JSON and in models files.
    QString canonicalName() const;
    static SqlType parseCanonical(const QString &text, bool *ok = nullptr);

    // Reads a type as the dialect spells it in its catalog
    // (format_type(), COLUMN_TYPE, a SQLite declared type).
    static SqlType fromDialect(Dialect dialect, const QString &rawType);
    // How to write this type in the dialect's DDL.
    QString toDialect(Dialect dialect) const;

    // Same canonical type, ignoring the raw spelling.
    bool equivalent(const SqlType &other) const;

    bool operator==(const SqlType &) const = default;

private:
    Kind m_kind = Kind::Other;
    int m_length = -1;
    int m_precision = -1;
    int m_scale = -1;
    bool m_unsigned = false;
    int m_arrayDims = 0;
    QString m_enumName;
    QStringList m_enumValues;
    QString m_raw;
};

} // namespace covet
