#include "typeconversion.h"

#include "identifierquoter.h"

#include <QStringList>

#include <algorithm>
#include <optional>

namespace covet {

namespace {

using K = SqlType::Kind;

bool integerKind(const SqlType &t)
{
    return t.isInteger();
}

bool textKind(const SqlType &t)
{
    return t.isTextual();
}

bool floatKind(const SqlType &t)
{
    return t.kind() == K::Real || t.kind() == K::Double;
}

bool dateTimeKind(const SqlType &t)
{
    return t.kind() == K::Timestamp || t.kind() == K::TimestampTz;
}

bool temporalKind(const SqlType &t)
{
    return t.isTemporal();
}

// The range of an integer type as the dialect stores it: {lo, hi, bits of
// magnitude it spans} (bits orders ranges: a source fits a target with at
// least its bits and sign).
struct Range
{
    QString lo;
    QString hi;
    int bits = 64;
    bool isSigned = true;
    bool full() const { return bits >= 64 && isSigned; }   // SQLite's own 64-bit integer
};

std::optional<Range> integerRange(Dialect d, const SqlType &t)
{
    K k = t.kind();
    bool isUnsigned = t.isUnsigned();
    if (k == K::Boolean) {
        if (d != Dialect::MySQL)
            return std::nullopt;
        k = K::TinyInt;   // tinyint(1)
        isUnsigned = false;
    }
    if (k != K::TinyInt && !t.isInteger())
        return std::nullopt;
    // SQLite's INTEGER (and BIGINT) is its own 64-bit integer, the rowid's
    // type: only the narrower spellings get their canonical range.
    if (d == Dialect::SQLite && (k == K::Integer || k == K::BigInt))
        return isUnsigned ? Range{QStringLiteral("0"), QStringLiteral("9223372036854775807"), 63, false}
                          : Range{QStringLiteral("-9223372036854775808"), QStringLiteral("9223372036854775807"), 64, true};
    if (d == Dialect::PostgreSQL) {
        // Unsigned types have no PostgreSQL spelling; SqlType maps them
        // to the next wider type.
        if (k == K::TinyInt)
            k = K::SmallInt;
        if (k == K::MediumInt)
            k = K::Integer;
        if (isUnsigned) {
            if (k == K::BigInt)
                return Range{QStringLiteral("-99999999999999999999"), QStringLiteral("99999999999999999999"), 67, true};
            k = k == K::SmallInt ? K::Integer : K::BigInt;
            isUnsigned = false;
        }
    }
    switch (k) {
    case K::TinyInt:
        return isUnsigned ? Range{QStringLiteral("0"), QStringLiteral("255"), 8, false} : Range{QStringLiteral("-128"), QStringLiteral("127"), 7, true};
    case K::SmallInt:
        return isUnsigned ? Range{QStringLiteral("0"), QStringLiteral("65535"), 16, false}
                          : Range{QStringLiteral("-32768"), QStringLiteral("32767"), 15, true};
    case K::MediumInt:
        return isUnsigned ? Range{QStringLiteral("0"), QStringLiteral("16777215"), 24, false}
                          : Range{QStringLiteral("-8388608"), QStringLiteral("8388607"), 23, true};
    case K::Integer:
        return isUnsigned ? Range{QStringLiteral("0"), QStringLiteral("4294967295"), 32, false}
                          : Range{QStringLiteral("-2147483648"), QStringLiteral("2147483647"), 31, true};
    default:
        if (isUnsigned)
            return d == Dialect::SQLite ? Range{QStringLiteral("0"), QStringLiteral("9223372036854775807"), 63, false}
                                        : Range{QStringLiteral("0"), QStringLiteral("18446744073709551615"), 64, false};
        return Range{QStringLiteral("-9223372036854775808"), QStringLiteral("9223372036854775807"), 64, true};
    }
}

// Whether every value of `from` fits `to`.
bool fits(const Range &from, const Range &to)
{
    if (from.isSigned && !to.isSigned)
        return false;
    return to.bits >= from.bits;
}

// numeric(p,s) as the dialect reads it: {precision, scale}, -1 for none.
std::pair<int, int> decimalShape(Dialect d, const SqlType &t)
{
    int p = t.precision();
    int s = t.scale();
    if (d == Dialect::MySQL && p < 0)
        p = 10;   // DECIMAL is DECIMAL(10,0)
    if (p >= 0 && s < 0)
        s = 0;
    return {p, s};
}

// 10^n as an SQL literal; SQLite compares reals beyond 18 digits.
QString power10(Dialect d, int n)
{
    if (d == Dialect::SQLite && n > 18)
        return QStringLiteral("1e%1").arg(n);
    return QStringLiteral("1") + QString(n, u'0');
}

QString typeText(Dialect d, const SqlType &t)
{
    return t.kind() == K::Other ? t.raw() : t.toDialect(d).toLower();
}

const QStringList kTrueWords = {QStringLiteral("t"), QStringLiteral("tr"), QStringLiteral("tru"), QStringLiteral("true"), QStringLiteral("y"),
                                QStringLiteral("ye"), QStringLiteral("yes"), QStringLiteral("on"), QStringLiteral("1")};
const QStringList kFalseWords = {QStringLiteral("f"), QStringLiteral("fa"), QStringLiteral("fal"), QStringLiteral("fals"), QStringLiteral("false"),
                                 QStringLiteral("n"), QStringLiteral("no"), QStringLiteral("of"), QStringLiteral("off"), QStringLiteral("0")};

QString literalList(Dialect d, const QStringList &words)
{
    QStringList out;
    for (const QString &w : words)
        out << IdentifierQuoter::literal(d, w);
    return out.join(QStringLiteral(", "));
}

QString orJoin(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts)
        if (!p.isEmpty())
            kept << p;
    if (kept.size() > 1)
        for (QString &p : kept)
            p = u'(' + p + u')';
    return kept.join(QStringLiteral(" OR "));
}

// SQLite: the copy stops here. abs() of the smallest integer is SQLite's
// "integer overflow" error, raised only when the row reaches it.
const QString kStop = QStringLiteral("abs(-9223372036854775807 - 1)");

// The messages, per kind of target.
struct Words
{
    QString unconvertible;
    QString lossy;
};

} // namespace

TypeConversion::TypeConversion(Dialect dialect, const Column &before, const Column &after)
    : m_dialect(dialect), m_before(before), m_after(after)
{
}

bool TypeConversion::changesType() const
{
    return !m_before.type.equivalent(m_after.type);
}

QList<TypeConversion::Branch> TypeConversion::sqliteBranches(const QString &v) const
{
    const SqlType &from = m_before.type;
    const SqlType &to = m_after.type;
    const QString asNumber = QStringLiteral("CAST(%1 AS NUMERIC)").arg(v);
    // Text holding a well-formed number: comparing it with its NUMERIC cast
    // applies NUMERIC affinity to the text, which converts only a complete
    // number literal (surrounding spaces allowed).
    const QString isNumberText = QStringLiteral("CAST(%1 AS TEXT) = %2").arg(v, asNumber);
    const QString notNumberText = QStringLiteral("NOT (%1)").arg(isNumberText);
    Branch i{QStringLiteral("integer"), {}, {}, {}};
    Branch r{QStringLiteral("real"), {}, {}, {}};
    Branch t{QStringLiteral("text"), {}, {}, {}};
    Branch b{QStringLiteral("blob"), {}, {}, {}};

    if (auto range = integerRange(Dialect::SQLite, to); range && integerKind(to)) {
        const QString outside = QStringLiteral("NOT BETWEEN %1 AND %2").arg(range->lo, range->hi);
        if (!range->full())
            i.unconvertible = QStringLiteral("%1 %2").arg(v, outside);
        // PostgreSQL and MySQL round numeric half away from zero, and
        // floating-point values half to even.
        const QString rounded = floatKind(from)
            ? QStringLiteral("(round(%1) - (CASE WHEN abs(%1 - CAST(%1 AS INTEGER)) = 0.5 AND CAST(round(%1) AS INTEGER) % 2 <> 0 "
                             "THEN (CASE WHEN %1 > 0 THEN 1 ELSE -1 END) ELSE 0 END))")
                  .arg(v)
            : QStringLiteral("round(%1)").arg(v);
        r.convert = QStringLiteral("CAST(%1 AS INTEGER)").arg(rounded);
        r.unconvertible = QStringLiteral("%1 %2").arg(rounded, outside);
        r.lossy = QStringLiteral("%1 <> round(%1)").arg(v);
        // Text holding a whole number: comparing it with its INTEGER cast
        // applies NUMERIC affinity to the text ("12", " 12 ", "12.0" equal
        // 12; "12.5", "1e3", "abc" do not). The INTEGER column's own
        // affinity then stores it as an integer.
        t.unconvertible = orJoin({QStringLiteral("CAST(%1 AS INTEGER) <> %1").arg(v),
                                  range->full() ? QString() : QStringLiteral("CAST(%1 AS INTEGER) %2").arg(v, outside)});
        b.unconvertible = QStringLiteral("1");
    } else if (to.kind() == K::Boolean) {
        i.convert = QStringLiteral("(%1 <> 0)").arg(v);
        i.lossy = QStringLiteral("%1 NOT IN (0, 1)").arg(v);
        r.convert = i.convert;
        r.unconvertible = QStringLiteral("%1 NOT IN (0, 1)").arg(v);
        const QString word = QStringLiteral("lower(trim(%1))").arg(v);
        t.convert = QStringLiteral("(%1 IN (%2))").arg(word, literalList(Dialect::SQLite, kTrueWords));
        t.unconvertible = QStringLiteral("%1 NOT IN (%2, %3)").arg(word, literalList(Dialect::SQLite, kTrueWords), literalList(Dialect::SQLite, kFalseWords));
        b.unconvertible = QStringLiteral("1");
    } else if (to.kind() == K::Decimal) {
        const auto [p, s] = decimalShape(Dialect::SQLite, to);
        const QString limit = p >= 0 ? power10(Dialect::SQLite, p - s) : QString();
        if (p >= 0 && p - s <= 18)
            i.unconvertible = QStringLiteral("abs(%1) >= %2").arg(v, limit);
        const QString roundedReal = s >= 0 ? QStringLiteral("round(%1, %2)").arg(v).arg(s) : v;
        if (s >= 0) {
            r.convert = roundedReal;
            r.lossy = QStringLiteral("%1 <> %2").arg(v, roundedReal);
        }
        if (p >= 0)
            r.unconvertible = QStringLiteral("abs(%1) >= %2").arg(roundedReal, limit);
        const QString roundedText = s >= 0 ? QStringLiteral("round(%1, %2)").arg(asNumber).arg(s) : asNumber;
        t.convert = roundedText;
        t.unconvertible = orJoin({notNumberText, p >= 0 ? QStringLiteral("abs(%1) >= %2").arg(roundedText, limit) : QString()});
        if (s >= 0)
            t.lossy = QStringLiteral("%1 <> %2").arg(asNumber, roundedText);
        b.unconvertible = QStringLiteral("1");
    } else if (floatKind(to)) {
        i.lossy = QStringLiteral("CAST(CAST(%1 AS REAL) AS INTEGER) <> %1").arg(v);
        t.convert = QStringLiteral("CAST(%1 AS REAL)").arg(v);
        t.unconvertible = notNumberText;
        b.unconvertible = QStringLiteral("1");
    } else if (textKind(to)) {
        // The text PostgreSQL and MySQL write: numeric with its scale
        // ("12.50"), whole floating-point values without ".0", booleans as
        // words. Binary values do not become text.
        const int scale = from.kind() == K::Decimal ? decimalShape(Dialect::SQLite, from).second : 0;
        if (from.kind() == K::Boolean) {
            i.convert = QStringLiteral("CASE WHEN %1 <> 0 THEN 'true' ELSE 'false' END").arg(v);
        } else if (scale > 0) {
            i.convert = QStringLiteral("printf('%.%1f', %2)").arg(scale).arg(v);
            r.convert = i.convert;
        } else {
            i.convert = QStringLiteral("CAST(%1 AS TEXT)").arg(v);
            r.convert = QStringLiteral("CASE WHEN %1 = CAST(%1 AS INTEGER) AND abs(%1) < 1e15 THEN CAST(CAST(%1 AS INTEGER) AS TEXT) "
                                       "ELSE CAST(%1 AS TEXT) END")
                            .arg(v);
        }
        if (from.kind() == K::Boolean)
            r.convert = i.convert;
        if (to.kind() == K::Enum && !to.enumValues().isEmpty()) {
            const QString values = literalList(Dialect::SQLite, to.enumValues());
            for (Branch *x : {&i, &r, &t})
                x->unconvertible = QStringLiteral("%1 NOT IN (%2)").arg(x->convert.isEmpty() ? v : x->convert, values);
        } else if (to.length() >= 0 && to.kind() != K::Text) {
            for (Branch *x : {&i, &r, &t})
                x->unconvertible = QStringLiteral("length(%1) > %2").arg(x->convert.isEmpty() ? v : x->convert).arg(to.length());
        }
        b.unconvertible = QStringLiteral("1");
    } else if (to.kind() == K::Date) {
        t.convert = QStringLiteral("date(%1)").arg(v);
        t.unconvertible = QStringLiteral("date(%1) IS NULL").arg(v);
        t.lossy = QStringLiteral("julianday(%1) <> julianday(date(%1))").arg(v);
        if (!temporalKind(from))
            i.unconvertible = r.unconvertible = QStringLiteral("1");
        b.unconvertible = QStringLiteral("1");
    } else if (to.kind() == K::Time || to.kind() == K::TimeTz) {
        t.unconvertible = QStringLiteral("time(%1) IS NULL").arg(v);
        if (dateTimeKind(from) || from.kind() == K::Date) {
            t.convert = QStringLiteral("time(%1)").arg(v);
            t.lossy = QStringLiteral("1");
        }
        if (!temporalKind(from))
            i.unconvertible = r.unconvertible = QStringLiteral("1");
        b.unconvertible = QStringLiteral("1");
    } else if (dateTimeKind(to)) {
        t.unconvertible = QStringLiteral("julianday(%1) IS NULL").arg(v);
        if (!temporalKind(from))
            i.unconvertible = r.unconvertible = QStringLiteral("1");
        b.unconvertible = QStringLiteral("1");
    } else if (to.kind() == K::Uuid) {
        const QString hex = QStringLiteral("[0-9a-f]");
        const QString dashed = QStringLiteral("%1-%2-%2-%2-%3").arg(hex.repeated(8), hex.repeated(4), hex.repeated(12));
        t.unconvertible = QStringLiteral("NOT (lower(%1) GLOB '%2' OR lower(%1) GLOB '%3')").arg(v, dashed, hex.repeated(32));
        i.unconvertible = r.unconvertible = b.unconvertible = QStringLiteral("1");
    } else if (to.kind() == K::Json || to.kind() == K::Jsonb) {
        t.unconvertible = QStringLiteral("NOT json_valid(%1)").arg(v);
        b.unconvertible = QStringLiteral("1");
    }
    // Blob, interval and types Covet does not model: copied as they are
    // (the new column's affinity applies).
    QList<Branch> out;
    for (const Branch &x : {i, r, t, b})
        if (!x.convert.isEmpty() || !x.unconvertible.isEmpty() || !x.lossy.isEmpty())
            out << x;
    return out;
}

QString TypeConversion::sqliteIntegerCopy(const QString &v, bool allowLossy) const
{
    // One comparison covers every storage class (the copy's hot path, e.g.
    // TEXT -> INTEGER on a million rows): an integer equals its cast, a
    // real only when whole and in range, text only when it holds a whole
    // number, a blob never. Same rows as the branches' checks.
    const auto range = integerRange(Dialect::SQLite, m_after.type);
    if (!range || !integerKind(m_after.type))
        return {};
    const QString outside = range->full() ? QString() : QStringLiteral(" OR CAST(%1 AS INTEGER) NOT BETWEEN %2 AND %3").arg(v, range->lo, range->hi);
    QString s = QStringLiteral("CASE");
    if (allowLossy) {
        // Reals are rounded as the branch says, and stop only out of range.
        for (const Branch &b : sqliteBranches(v))
            if (b.storage == u"real")
                s += QStringLiteral(" WHEN typeof(%1) = 'real' THEN CASE WHEN %2 THEN %3 ELSE %4 END").arg(v, b.unconvertible, kStop, b.convert);
    }
    return s + QStringLiteral(" WHEN CAST(%1 AS INTEGER) <> %1%2 THEN %3 ELSE %1 END").arg(v, outside, kStop);
}

QString TypeConversion::sqliteCopyExpression(const QString &value, bool allowLossy) const
{
    if (!changesType())
        return value;
    if (const QString integer = sqliteIntegerCopy(value, allowLossy); !integer.isEmpty())
        return integer;
    const QList<Branch> branches = sqliteBranches(value);
    if (branches.isEmpty())
        return value;
    QString s = QStringLiteral("CASE typeof(%1)").arg(value);
    for (const Branch &b : branches) {
        const QString into = b.convert.isEmpty() ? value : b.convert;
        const QString stop = orJoin({b.unconvertible, allowLossy ? QString() : b.lossy});
        s += QStringLiteral(" WHEN '%1' THEN ").arg(b.storage);
        s += stop.isEmpty() ? into : QStringLiteral("CASE WHEN %1 THEN %2 ELSE %3 END").arg(stop, kStop, into);
    }
    return s + QStringLiteral(" ELSE %1 END").arg(value);
}

bool TypeConversion::sqliteCopyCanStop(bool allowLossy) const
{
    if (!changesType())
        return false;
    const QList<Branch> branches = sqliteBranches(QStringLiteral("v"));
    return std::any_of(branches.begin(), branches.end(),
                       [&](const Branch &b) { return !b.unconvertible.isEmpty() || (!allowLossy && !b.lossy.isEmpty()); });
}

QList<TypeConversion::Check> TypeConversion::checks(const QString &value) const
{
    if (!changesType())
        return {};
    const SqlType &to = m_after.type;
    Words words;
    const QString type = typeText(m_dialect, to);
    if (auto range = integerRange(m_dialect, to); range && integerKind(to)) {
        words = {QStringLiteral("are not whole numbers from %1 to %2 that %3 can hold (or are not numbers at all)").arg(range->lo, range->hi, type),
                 floatKind(m_before.type) ? QStringLiteral("have a fractional part (they would be rounded to a whole number, half to even)")
                                          : QStringLiteral("have a fractional part (they would be rounded to a whole number, half away from zero)")};
    } else if (to.kind() == K::Boolean) {
        words = {QStringLiteral("are not booleans (true/false, t/f, yes/no, on/off, 1/0)"),
                 QStringLiteral("are numbers other than 0 and 1 (they would all become true)")};
        if (m_dialect == Dialect::MySQL)
            words = {QStringLiteral("do not fit tinyint(1) (-128 to 127) or are not numbers"),
                     QStringLiteral("have a fractional part (they would be rounded to a whole number)")};
    } else if (to.kind() == K::Decimal) {
        const auto [p, s] = decimalShape(m_dialect, to);
        words = {p >= 0 ? QStringLiteral("do not fit %1 (fewer than %2 digits before the decimal point) or are not numbers").arg(type).arg(p - s)
                        : QStringLiteral("are not numbers"),
                 QStringLiteral("have more than %1 decimal places (they would be rounded to %1, half away from zero)").arg(s)};
    } else if (floatKind(to)) {
        words = {QStringLiteral("are not numbers"), QStringLiteral("are integers a floating-point number cannot hold exactly (beyond 2^53)")};
    } else if (to.kind() == K::Enum) {
        words = {QStringLiteral("are not values of the enum (%1)").arg(to.enumValues().join(QStringLiteral(", "))), {}};
    } else if (textKind(to)) {
        words = {to.length() >= 0 ? QStringLiteral("are longer than %1 characters as text, or are binary (BLOB) values").arg(to.length())
                                  : QStringLiteral("are binary (BLOB) values"),
                 {}};
    } else if (to.kind() == K::Date) {
        words = {QStringLiteral("are not dates (YYYY-MM-DD, optionally with a time)"), QStringLiteral("have a time of day (it would be dropped)")};
    } else if (to.kind() == K::Time || to.kind() == K::TimeTz) {
        words = {QStringLiteral("are not times (HH:MM:SS)"), QStringLiteral("carry a date (it would be dropped, keeping the time of day)")};
    } else if (dateTimeKind(to)) {
        words = {QStringLiteral("are not date/time values (YYYY-MM-DD HH:MM:SS)"), {}};
    } else if (to.kind() == K::Uuid) {
        words = {QStringLiteral("are not UUIDs (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"), {}};
    } else if (to.kind() == K::Json || to.kind() == K::Jsonb) {
        words = {QStringLiteral("are not valid JSON"), {}};
    }

    QString unconvertible;
    QString lossy;
    if (m_dialect == Dialect::SQLite) {
        QStringList u, l;
        for (const Branch &b : sqliteBranches(value)) {
            if (!b.unconvertible.isEmpty())
                u << QStringLiteral("WHEN '%1' THEN %2").arg(b.storage, b.unconvertible);
            if (!b.lossy.isEmpty())
                l << QStringLiteral("WHEN '%1' THEN %2").arg(b.storage, b.lossy);
        }
        if (!u.isEmpty())
            unconvertible = QStringLiteral("CASE typeof(%1) %2 ELSE 0 END").arg(value, u.join(u' '));
        if (!l.isEmpty())
            lossy = QStringLiteral("CASE typeof(%1) %2 ELSE 0 END").arg(value, l.join(u' '));
    } else {
        for (const Check &c : serverChecks(value))
            (c.problem == Problem::Unconvertible ? unconvertible : lossy) = c.predicate;
    }
    QList<Check> out;
    if (!unconvertible.isEmpty())
        out << Check{Problem::Unconvertible, unconvertible, words.unconvertible.isEmpty() ? QStringLiteral("cannot be converted") : words.unconvertible};
    if (!lossy.isEmpty())
        out << Check{Problem::Lossy, lossy, words.lossy.isEmpty() ? QStringLiteral("would change") : words.lossy};
    return out;
}

QList<TypeConversion::Check> TypeConversion::serverChecks(const QString &v) const
{
    // PostgreSQL and MySQL convert by the declared type; each predicate
    // mirrors what the server does with a value of the old type, so that
    // the count names the rows it would round (Lossy) or refuse
    // (Unconvertible) before anything runs.
    const SqlType &from = m_before.type;
    const SqlType &to = m_after.type;
    const bool pg = m_dialect == Dialect::PostgreSQL;
    const QString intPattern = pg ? QStringLiteral("'^\\s*[+-]?[0-9]+\\s*$'") : QStringLiteral("'^[[:space:]]*[+-]?[0-9]+[[:space:]]*$'");
    const QString numPattern = pg ? QStringLiteral("'^\\s*([+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?|[+-]?(nan|infinity|inf))\\s*$'")
                                  : QStringLiteral("'^[[:space:]]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[[:space:]]*$'");
    auto matches = [&](const QString &pattern) {
        return pg ? QStringLiteral("%1 ~* %2").arg(v, pattern) : QStringLiteral("%1 REGEXP %2").arg(v, pattern);
    };
    const QString trimmedNumber = pg ? QStringLiteral("btrim(%1)::numeric").arg(v) : QStringLiteral("CAST(TRIM(%1) AS DECIMAL(65,30))").arg(v);
    const QString asNumeric = pg ? QStringLiteral("%1::numeric").arg(v) : v;
    const QString yes = pg ? QStringLiteral("true") : QStringLiteral("1");
    const QString no = pg ? QStringLiteral("false") : QStringLiteral("0");
    QList<Check> out;
    auto add = [&](Problem p, const QString &predicate) {
        if (!predicate.isEmpty())
            out << Check{p, predicate, {}};
    };

    const std::optional<Range> target = integerRange(m_dialect, to);
    if (target && (integerKind(to) || (to.kind() == K::Boolean && !pg))) {
        const QString outside = QStringLiteral("NOT BETWEEN %1 AND %2").arg(target->lo, target->hi);
        if (const auto source = integerRange(m_dialect, from); source && integerKind(from)) {
            if (!fits(*source, *target))
                add(Problem::Unconvertible, QStringLiteral("%1 %2").arg(v, outside));
        } else if (from.kind() == K::Decimal || floatKind(from)) {
            if (floatKind(from) || decimalShape(m_dialect, from).second != 0)
                add(Problem::Lossy, QStringLiteral("%1 <> round(%1)").arg(asNumeric));
            add(Problem::Unconvertible, QStringLiteral("round(%1) %2").arg(asNumeric, outside));
        } else if (textKind(from)) {
            add(Problem::Unconvertible,
                QStringLiteral("CASE WHEN %1 THEN %2 %3 ELSE %4 END").arg(matches(intPattern), trimmedNumber, outside, yes));
        }
        return out;
    }
    if (to.kind() == K::Boolean && pg) {
        if (integerKind(from))
            add(Problem::Lossy, QStringLiteral("%1 NOT IN (0, 1)").arg(v));
        else if (textKind(from))
            add(Problem::Unconvertible, QStringLiteral("lower(btrim(%1)) NOT IN (%2, %3)")
                                            .arg(v, literalList(m_dialect, kTrueWords), literalList(m_dialect, kFalseWords)));
        return out;
    }
    if (to.kind() == K::Decimal) {
        const auto [p, s] = decimalShape(m_dialect, to);
        const QString limit = p >= 0 ? power10(m_dialect, p - s) : QString();
        if (integerKind(from)) {
            if (p >= 0)
                add(Problem::Unconvertible, QStringLiteral("abs(%1) >= %2").arg(v, limit));
        } else if (from.kind() == K::Decimal || floatKind(from)) {
            const auto [fp, fs] = decimalShape(m_dialect, from);
            const QString rounded = QStringLiteral("round(%1, %2)").arg(asNumeric).arg(s);
            if (s >= 0 && (floatKind(from) || fs < 0 || fs > s))
                add(Problem::Lossy, QStringLiteral("%1 <> %2").arg(asNumeric, rounded));
            if (p >= 0 && !(from.kind() == K::Decimal && fp >= 0 && fp - fs <= p - s))
                add(Problem::Unconvertible, QStringLiteral("abs(%1) >= %2").arg(s >= 0 ? rounded : asNumeric, limit));
        } else if (textKind(from)) {
            const QString rounded = QStringLiteral("round(%1, %2)").arg(trimmedNumber).arg(s);
            add(Problem::Unconvertible, QStringLiteral("CASE WHEN %1 THEN %2 ELSE %3 END")
                                            .arg(matches(numPattern), p >= 0 ? QStringLiteral("abs(%1) >= %2").arg(s >= 0 ? rounded : trimmedNumber, limit) : no, yes));
            if (s >= 0)
                add(Problem::Lossy, QStringLiteral("CASE WHEN %1 THEN %2 <> %3 ELSE %4 END").arg(matches(numPattern), trimmedNumber, rounded, no));
        }
        return out;
    }
    if (floatKind(to)) {
        if (textKind(from))
            add(Problem::Unconvertible, QStringLiteral("NOT (%1)").arg(matches(numPattern)));
        return out;
    }
    if (textKind(to) && to.kind() != K::Enum && to.kind() != K::Text && to.length() >= 0) {
        if (!(textKind(from) && from.length() >= 0 && from.length() <= to.length() && from.kind() != K::Text))
            add(Problem::Unconvertible, pg ? QStringLiteral("char_length(%1::text) > %2").arg(v).arg(to.length())
                                           : QStringLiteral("CHAR_LENGTH(CAST(%1 AS CHAR)) > %2").arg(v).arg(to.length()));
        return out;
    }
    if (to.kind() == K::Date && dateTimeKind(from)) {
        add(Problem::Lossy, pg ? QStringLiteral("%1 <> date_trunc('day', %1)").arg(v) : QStringLiteral("TIME(%1) <> '00:00:00'").arg(v));
        return out;
    }
    if ((to.kind() == K::Time || to.kind() == K::TimeTz) && (dateTimeKind(from) || from.kind() == K::Date))
        add(Problem::Lossy, yes);
    return out;
}

} // namespace covet
