#include "renamecalibration.h"

#include <algorithm>

namespace covet {

double RenameCalibration::apply(double raw)
{
    const std::vector<Point> &p = points();
    if (p.empty())
        return raw;
    if (raw <= p.front().raw)
        return std::min(raw, p.front().share);
    if (raw >= p.back().raw)
        return p.back().share;
    for (size_t i = 1; i < p.size(); ++i) {
        if (raw <= p[i].raw) {
            const double span = p[i].raw - p[i - 1].raw;
            const double t = span > 0 ? (raw - p[i - 1].raw) / span : 1.0;
            return p[i - 1].share + t * (p[i].share - p[i - 1].share);
        }
    }
    return p.back().share;
}

} // namespace covet
