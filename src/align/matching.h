// One-to-one pairing of two documents' sentences: a maximum-weight bipartite
// matching over a sparse list of candidate pairs. Private to the align stage.
#ifndef PARALLAX_ALIGN_MATCHING_H_
#define PARALLAX_ALIGN_MATCHING_H_

#include <cstdint>
#include <vector>

namespace parallax {

// A candidate pair: row `row` (a sentence of one document) and column `col`
// (a sentence of the other), with a positive weight. `closeness` only breaks
// ties: larger is preferred (sentences at the same place in their reports).
struct CandidatePair {
  uint32_t row = 0;
  uint32_t col = 0;
  double weight = 0;
  double closeness = 0;
};

// The pairs kept, each row and each column at most once.
//
// The candidate graph is split into connected components. A component small
// enough for the Hungarian method (cubic in its size; kExactMatchingBudget
// bounds rows * cols * min(rows, cols)) gets the exact maximum-weight
// matching, so news-sized documents are paired exactly as before. Larger
// components, which only huge or repetitive inputs produce, are matched
// greedily, heaviest pair first: at least half the optimal weight, in
// O(E log E).
// The largest component cost solved exactly: a 200 x 200 block.
inline constexpr uint64_t kExactMatchingBudget = 8'000'000;

std::vector<CandidatePair> MatchPairs(std::vector<CandidatePair> candidates,
                                      uint64_t exact_budget = kExactMatchingBudget);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_MATCHING_H_
