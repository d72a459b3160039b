#include "typecompatibility.h"

#include <algorithm>

namespace covet {

namespace {

using Kind = SqlType::Kind;

int integerRank(Kind k)
{
    switch (k) {
    case Kind::TinyInt: return 1;
    case Kind::SmallInt: return 2;
    case Kind::MediumInt: return 3;
    case Kind::Integer: return 4;
    case Kind::BigInt: return 5;
    default: return 0;
    }
}

bool isCharacter(Kind k) { return k == Kind::Char || k == Kind::Varchar || k == Kind::Text; }

} // namespace

double TypeCompatibility::score(const SqlType &a, const SqlType &b)
{
    if (a.equivalent(b))
        return 1.0;
    if (a.arrayDimensions() != b.arrayDimensions())
        return 0.0;
    const Kind ka = a.kind(), kb = b.kind();
    if (ka == Kind::Other || kb == Kind::Other)
        return 0.0;
    const int ra = integerRank(ka), rb = integerRank(kb);
    if (ra && rb)
        return rb >= ra ? 0.8 : 0.4;
    if ((ra && kb == Kind::Boolean) || (ka == Kind::Boolean && rb))
        return 0.4;
    if (ra && kb == Kind::Decimal)
        return 0.8;
    if (ra && (kb == Kind::Real || kb == Kind::Double))
        return 0.8;
    if (ka == Kind::Decimal && rb)
        return 0.4;
    if (ka == Kind::Decimal && kb == Kind::Decimal) {
        const bool wider = (b.precision() < 0 || (a.precision() >= 0 && b.precision() >= a.precision()))
            && std::max(b.scale(), 0) >= std::max(a.scale(), 0);
        return wider ? 0.8 : 0.4;
    }
    if (ka == Kind::Real && kb == Kind::Double)
        return 0.8;
    if ((ka == Kind::Real || ka == Kind::Double || ka == Kind::Decimal)
        && (kb == Kind::Real || kb == Kind::Double || kb == Kind::Decimal))
        return 0.4;
    if ((ka == Kind::Real || ka == Kind::Double) && rb)
        return 0.4;
    if (isCharacter(ka) && isCharacter(kb)) {
        const int la = ka == Kind::Text ? -1 : a.length(), lb = kb == Kind::Text ? -1 : b.length();
        if (lb < 0 || (la >= 0 && lb >= la))
            return 0.8;
        return 0.4;
    }
    if (ka == Kind::Enum && isCharacter(kb))
        return 0.8;
    if (isCharacter(ka) && kb == Kind::Enum)
        return 0.4;
    if (ka == Kind::Enum && kb == Kind::Enum) {
        const QStringList va = a.enumValues(), vb = b.enumValues();
        return std::all_of(va.cbegin(), va.cend(), [&](const QString &v) { return vb.contains(v); }) ? 0.8 : 0.4;
    }
    auto isTs = [](Kind k) { return k == Kind::Timestamp || k == Kind::TimestampTz; };
    if (isTs(ka) && isTs(kb))
        return 0.8;
    if (ka == Kind::Date && isTs(kb))
        return 0.8;
    if (isTs(ka) && kb == Kind::Date)
        return 0.4;
    if ((ka == Kind::Time || ka == Kind::TimeTz) && (kb == Kind::Time || kb == Kind::TimeTz))
        return 0.8;
    if ((ka == Kind::Json || ka == Kind::Jsonb) && (kb == Kind::Json || kb == Kind::Jsonb))
        return 0.8;
    if (((ka == Kind::Json || ka == Kind::Jsonb) && isCharacter(kb)) || (isCharacter(ka) && (kb == Kind::Json || kb == Kind::Jsonb)))
        return 0.4;
    if (ka == Kind::Uuid && isCharacter(kb))
        return (b.length() < 0 || b.length() >= 36) ? 0.8 : 0.4;
    if (isCharacter(ka) && kb == Kind::Uuid)
        return 0.4;
    if (ra && isCharacter(kb))
        return 0.4;
    if ((ka == Kind::Blob && isCharacter(kb)) || (isCharacter(ka) && kb == Kind::Blob))
        return 0.4;
    return 0.0;
}

} // namespace covet
