#pragma once

#include "../schema/sqltype.h"

namespace covet {

// How well a column's data survives a change of type, for rename scoring
// (see docs/rename-detection.md, "Column score"): 1.0 the same canonical
// type, 0.8 widening (int -> bigint, varchar(n) -> text, timestamp <->
// timestamptz, json <-> jsonb, enum -> text...), 0.4 compatible but lossy
// (narrowing, numeric -> int, int -> text...), 0 incompatible.
class TypeCompatibility
{
public:
    static double score(const SqlType &from, const SqlType &to);
};

} // namespace covet
