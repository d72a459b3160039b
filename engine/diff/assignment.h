#pragma once

#include <vector>

namespace covet {

// Optimal one-to-one matching on a score matrix (Hungarian / Kuhn-Munkres,
// O(n^2 m)): rows are matched to distinct columns so that the total score is
// maximal. Pairs scoring below `floor` are never matched (a row may stay
// unmatched). Deterministic: ties are broken towards lower indexes.
class Assignment
{
public:
    // scores[r][c]; every row has the same length. Returns, per row, the
    // matched column index or -1.
    static std::vector<int> maximize(const std::vector<std::vector<double>> &scores, double floor = 0.0);

    // Commits the near-certain pairs before a maximisation: a pair scoring at
    // least `certain` that is the best of its row and of its column by at
    // least `margin` keeps its score; every other entry of its row and column
    // becomes 0, so no sum of weaker pairs can take it apart.
    static void keepNearCertain(std::vector<std::vector<double>> &scores, double certain, double margin);
};

} // namespace covet
