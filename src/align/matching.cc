// Maximum-weight one-to-one pairing over sparse candidates.
#include "align/matching.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "align/union_find.h"

namespace parallax {

namespace {

// Maximum-weight one-to-one matching of rows to columns (the Hungarian
// method with potentials, O(rows^2 * cols)). Only pairs with weight > 0 are
// returned, as (row, col) indices into `weight`.
std::vector<std::pair<int, int>> DenseMatching(const std::vector<std::vector<double>>& weight) {
  const int rows = static_cast<int>(weight.size());
  const int cols = rows == 0 ? 0 : static_cast<int>(weight[0].size());
  if (rows == 0 || cols == 0) return {};
  // The method wants rows <= cols; transpose otherwise.
  if (rows > cols) {
    std::vector<std::vector<double>> transposed(cols, std::vector<double>(rows));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) transposed[c][r] = weight[r][c];
    }
    std::vector<std::pair<int, int>> pairs = DenseMatching(transposed);
    for (auto& [a, b] : pairs) std::swap(a, b);
    return pairs;
  }
  const double kInf = 1e18;
  // Minimise cost = -weight; 1-based arrays as in the classic formulation.
  std::vector<double> u(rows + 1, 0), v(cols + 1, 0);
  std::vector<int> match(cols + 1, 0), way(cols + 1, 0);
  std::vector<double> minv(cols + 1);
  std::vector<char> used(cols + 1);
  for (int r = 1; r <= rows; ++r) {
    match[0] = r;
    int c0 = 0;
    std::fill(minv.begin(), minv.end(), kInf);
    std::fill(used.begin(), used.end(), 0);
    do {
      used[c0] = 1;
      const int r0 = match[c0];
      double delta = kInf;
      int c1 = 0;
      for (int c = 1; c <= cols; ++c) {
        if (used[c]) continue;
        const double cur = -weight[r0 - 1][c - 1] - u[r0] - v[c];
        if (cur < minv[c]) {
          minv[c] = cur;
          way[c] = c0;
        }
        if (minv[c] < delta) {
          delta = minv[c];
          c1 = c;
        }
      }
      for (int c = 0; c <= cols; ++c) {
        if (used[c]) {
          u[match[c]] += delta;
          v[c] -= delta;
        } else {
          minv[c] -= delta;
        }
      }
      c0 = c1;
    } while (match[c0] != 0);
    do {
      const int c1 = way[c0];
      match[c0] = match[c1];
      c0 = c1;
    } while (c0 != 0);
  }
  std::vector<std::pair<int, int>> pairs;
  for (int c = 1; c <= cols; ++c) {
    if (match[c] != 0 && weight[match[c] - 1][c - 1] > 0) pairs.emplace_back(match[c] - 1, c - 1);
  }
  return pairs;
}

// Heaviest first; among equals, the closer pair, then a fixed order, so the
// result never depends on the order candidates arrived in.
bool Heavier(const CandidatePair& a, const CandidatePair& b) {
  return std::tie(b.weight, b.closeness, a.row, a.col) < std::tie(a.weight, a.closeness, b.row, b.col);
}

// Heaviest pair first, then local exchanges: a row moves to a better
// column, taking it from its row when that row has a free column of its own
// that loses less. Each exchange raises the total, so the passes end.
void MatchGreedily(std::vector<CandidatePair>& pairs, std::vector<CandidatePair>& out) {
  std::sort(pairs.begin(), pairs.end(), Heavier);
  uint32_t max_row = 0, max_col = 0;
  for (const CandidatePair& p : pairs) {
    max_row = std::max(max_row, p.row);
    max_col = std::max(max_col, p.col);
  }
  constexpr int32_t kFree = -1;
  std::vector<int32_t> pair_of_row(max_row + 1, kFree), pair_of_col(max_col + 1, kFree);
  std::vector<std::vector<int32_t>> pairs_of_row(max_row + 1);
  for (int32_t i = 0; i < static_cast<int32_t>(pairs.size()); ++i) {
    const CandidatePair& p = pairs[i];
    pairs_of_row[p.row].push_back(i);  // heaviest first
    if (pair_of_row[p.row] != kFree || pair_of_col[p.col] != kFree) continue;
    pair_of_row[p.row] = pair_of_col[p.col] = i;
  }
  auto weight = [&](int32_t i) { return i == kFree ? 0.0 : pairs[i].weight; };
  auto unlink = [&](int32_t i) {
    if (i == kFree) return;
    pair_of_row[pairs[i].row] = pair_of_col[pairs[i].col] = kFree;
  };
  auto link = [&](int32_t i) { pair_of_row[pairs[i].row] = pair_of_col[pairs[i].col] = i; };
  constexpr double kGain = 1e-9;
  constexpr int kMaxPasses = 4;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool improved = false;
    for (uint32_t row = 0; row <= max_row; ++row) {
      for (const int32_t i : pairs_of_row[row]) {
        const int32_t mine = pair_of_row[row];
        if (i == mine) continue;
        const int32_t theirs = pair_of_col[pairs[i].col];
        if (theirs == kFree) {
          if (pairs[i].weight > weight(mine) + kGain) {
            unlink(mine);
            link(i);
            improved = true;
          }
          continue;
        }
        // The row holding the column moves to its best column left free
        // (the one this row gives up included), or goes unpaired.
        const uint32_t their_row = pairs[theirs].row;
        const uint32_t given_up = mine == kFree ? UINT32_MAX : pairs[mine].col;
        int32_t refuge = kFree;
        for (const int32_t j : pairs_of_row[their_row]) {
          if (pairs[j].col == pairs[i].col) continue;
          if (pair_of_col[pairs[j].col] == kFree || pairs[j].col == given_up) {
            refuge = j;  // heaviest first: the first free one is the best
            break;
          }
        }
        const double gain = pairs[i].weight + weight(refuge) - weight(mine) - pairs[theirs].weight;
        if (gain <= kGain) continue;
        unlink(mine);
        unlink(theirs);
        link(i);
        if (refuge != kFree) link(refuge);
        improved = true;
      }
    }
    if (!improved) break;
  }
  for (uint32_t row = 0; row <= max_row; ++row) {
    if (pair_of_row[row] != kFree) out.push_back(pairs[pair_of_row[row]]);
  }
}

void MatchExactly(const std::vector<CandidatePair>& pairs, std::vector<CandidatePair>& out) {
  std::vector<uint32_t> rows, cols;
  for (const CandidatePair& p : pairs) {
    rows.push_back(p.row);
    cols.push_back(p.col);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::sort(cols.begin(), cols.end());
  cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
  auto index = [](const std::vector<uint32_t>& ids, uint32_t id) {
    return static_cast<size_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  std::vector<std::vector<double>> weight(rows.size(), std::vector<double>(cols.size(), 0.0));
  std::vector<std::vector<const CandidatePair*>> pair_at(rows.size(),
                                                         std::vector<const CandidatePair*>(cols.size()));
  for (const CandidatePair& p : pairs) {
    const size_t r = index(rows, p.row), c = index(cols, p.col);
    weight[r][c] = p.weight;
    pair_at[r][c] = &p;
  }
  for (const auto& [r, c] : DenseMatching(weight)) out.push_back(*pair_at[r][c]);
}

}  // namespace

std::vector<CandidatePair> MatchPairs(std::vector<CandidatePair> candidates, uint64_t exact_budget) {
  std::vector<CandidatePair> out;
  if (candidates.empty()) return out;
  uint32_t max_row = 0, max_col = 0;
  for (const CandidatePair& p : candidates) {
    max_row = std::max(max_row, p.row);
    max_col = std::max(max_col, p.col);
  }
  // Rows are nodes [0, max_row], columns follow them.
  const uint32_t col_base = max_row + 1;
  UnionFind components(static_cast<size_t>(col_base) + max_col + 1);
  for (const CandidatePair& p : candidates) {
    const uint32_t a = components.Find(p.row), b = components.Find(col_base + p.col);
    if (a != b) components.parent[b] = a;
  }
  // Candidates of one component side by side, components in the order of
  // their first row.
  std::vector<uint32_t> root(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) root[i] = components.Find(candidates[i].row);
  std::vector<uint32_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return root[a] < root[b]; });
  std::vector<CandidatePair> component;
  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin;
    component.clear();
    while (end < order.size() && root[order[end]] == root[order[begin]]) component.push_back(candidates[order[end++]]);
    begin = end;
    std::vector<uint32_t> rows, cols;
    for (const CandidatePair& p : component) {
      rows.push_back(p.row);
      cols.push_back(p.col);
    }
    std::sort(rows.begin(), rows.end());
    std::sort(cols.begin(), cols.end());
    const uint64_t r = std::unique(rows.begin(), rows.end()) - rows.begin();
    const uint64_t c = std::unique(cols.begin(), cols.end()) - cols.begin();
    if (r * c * std::min(r, c) <= exact_budget) {
      MatchExactly(component, out);
    } else {
      MatchGreedily(component, out);
    }
  }
  return out;
}

}  // namespace parallax
