#pragma once

#include <vector>

namespace covet {

// Maps a column pair's raw score to the share of real renames among the
// candidates that scored so, learned (isotonic regression) from the
// training part of the mined cases and the written evaluation set by
// scripts/learn-rename-lexicon.py --calibrate; the points are generated into
// renamecalibrationpoints.cpp. A calibrated 0.9 means: of such candidates,
// about nine in ten were real renames. Monotone, so the order of candidates
// is kept; piecewise linear between the learned points.
class RenameCalibration
{
public:
    struct Point
    {
        double raw;
        double share;
    };

    static double apply(double raw);
    static const std::vector<Point> &points();   // generated; sorted by raw
};

} // namespace covet
