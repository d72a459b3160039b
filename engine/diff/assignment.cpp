#include "assignment.h"

#include <cstddef>
#include <limits>

namespace covet {

using std::size_t;

namespace {

// Minimum-cost assignment of every row to a distinct column (rows <= columns),
// the e-maxx formulation of the Hungarian algorithm with potentials.
std::vector<int> solveMinCost(const std::vector<std::vector<double>> &cost, size_t rows, size_t cols)
{
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(rows + 1, 0.0), v(cols + 1, 0.0);
    std::vector<size_t> p(cols + 1, 0), way(cols + 1, 0);
    for (size_t i = 1; i <= rows; ++i) {
        p[0] = i;
        size_t j0 = 0;
        std::vector<double> minv(cols + 1, inf);
        std::vector<char> used(cols + 1, 0);
        do {
            used[j0] = 1;
            const size_t i0 = p[j0];
            double delta = inf;
            size_t j1 = 0;
            for (size_t j = 1; j <= cols; ++j) {
                if (used[j])
                    continue;
                const double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (size_t j = 0; j <= cols; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<int> rowToCol(rows, -1);
    for (size_t j = 1; j <= cols; ++j)
        if (p[j] != 0)
            rowToCol[p[j] - 1] = int(j - 1);
    return rowToCol;
}

} // namespace

void Assignment::keepNearCertain(std::vector<std::vector<double>> &scores, double certain, double margin)
{
    const size_t rows = scores.size();
    const size_t cols = rows == 0 ? 0 : scores.front().size();
    std::vector<std::pair<size_t, size_t>> keep;
    for (size_t r = 0; r < rows; ++r) {
        for (size_t c = 0; c < cols; ++c) {
            const double s = scores[r][c];
            if (s < certain)
                continue;
            bool clear = true;
            for (size_t k = 0; k < cols && clear; ++k)
                clear = k == c || scores[r][k] <= s - margin;
            for (size_t k = 0; k < rows && clear; ++k)
                clear = k == r || scores[k][c] <= s - margin;
            if (clear)
                keep.emplace_back(r, c);
        }
    }
    for (const auto &[r, c] : keep) {
        const double s = scores[r][c];
        for (size_t k = 0; k < cols; ++k)
            scores[r][k] = 0.0;
        for (size_t k = 0; k < rows; ++k)
            scores[k][c] = 0.0;
        scores[r][c] = s;
    }
}

std::vector<int> Assignment::maximize(const std::vector<std::vector<double>> &scores, double floor)
{
    const size_t rows = scores.size();
    const size_t cols = rows == 0 ? 0 : scores.front().size();
    std::vector<int> result(rows, -1);
    if (rows == 0 || cols == 0)
        return result;

    // A pair below the floor is worth nothing: matching it is the same as
    // leaving both sides unmatched, and it is dropped afterwards.
    auto worth = [&](size_t r, size_t c) {
        const double s = scores[r][c];
        return s >= floor && s > 0 ? s : 0.0;
    };
    const bool transpose = rows > cols;
    const size_t n = transpose ? cols : rows;
    const size_t m = transpose ? rows : cols;
    std::vector<std::vector<double>> cost(n, std::vector<double>(m, 0.0));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            cost[i][j] = -(transpose ? worth(j, i) : worth(i, j));

    const std::vector<int> match = solveMinCost(cost, n, m);
    for (size_t i = 0; i < n; ++i) {
        if (match[i] < 0)
            continue;
        const size_t r = transpose ? size_t(match[i]) : i;
        const size_t c = transpose ? i : size_t(match[i]);
        if (worth(r, c) > 0)
            result[r] = int(c);
    }
    return result;
}

} // namespace covet
