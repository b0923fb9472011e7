// MatchPairs against an exhaustive search on small random graphs, and the
// greedy path (forced with a zero budget) on the cases greed gets wrong.
#include "align/matching.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace parallax {
namespace {

double Total(const std::vector<CandidatePair>& pairs) {
  double sum = 0;
  for (const CandidatePair& p : pairs) sum += p.weight;
  return sum;
}

void ExpectOneToOne(const std::vector<CandidatePair>& pairs) {
  std::set<uint32_t> rows, cols;
  for (const CandidatePair& p : pairs) {
    EXPECT_TRUE(rows.insert(p.row).second) << "row " << p.row << " twice";
    EXPECT_TRUE(cols.insert(p.col).second) << "column " << p.col << " twice";
  }
}

// The best total over every one-to-one subset, by brute force.
double BestTotal(const std::vector<CandidatePair>& pairs, size_t next = 0, std::set<uint32_t> rows = {},
                 std::set<uint32_t> cols = {}) {
  if (next == pairs.size()) return 0;
  double best = BestTotal(pairs, next + 1, rows, cols);
  const CandidatePair& p = pairs[next];
  if (!rows.count(p.row) && !cols.count(p.col)) {
    rows.insert(p.row);
    cols.insert(p.col);
    best = std::max(best, p.weight + BestTotal(pairs, next + 1, rows, cols));
  }
  return best;
}

TEST(MatchPairs, EmptyGivesNothing) { EXPECT_TRUE(MatchPairs({}).empty()); }

TEST(MatchPairs, ExactOnSmallRandomGraphsEqualsExhaustiveSearch) {
  std::mt19937 random(11);
  for (int round = 0; round < 200; ++round) {
    std::vector<CandidatePair> pairs;
    std::set<std::pair<uint32_t, uint32_t>> used;
    const int count = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) {
      const uint32_t row = random() % 6, col = random() % 6;
      if (!used.insert({row, col}).second) continue;
      pairs.push_back({row, col, 0.1 + (random() % 900) / 1000.0, 0});
    }
    const std::vector<CandidatePair> matched = MatchPairs(pairs);
    ExpectOneToOne(matched);
    EXPECT_NEAR(Total(matched), BestTotal(pairs), 1e-9) << "round " << round;
  }
}

TEST(MatchPairs, SeparateBlocksAreMatchedSeparately) {
  // Two blocks that share no row or column: each gets its own best pairing.
  const std::vector<CandidatePair> pairs = {{0, 0, 0.9, 0}, {0, 1, 0.8, 0}, {1, 0, 0.8, 0},
                                            {10, 10, 0.5, 0}, {11, 10, 0.6, 0}};
  const std::vector<CandidatePair> matched = MatchPairs(pairs);
  ExpectOneToOne(matched);
  EXPECT_NEAR(Total(matched), 0.8 + 0.8 + 0.6, 1e-9);
}

TEST(MatchPairs, GreedyPathMendsTheClassicTrap) {
  // Heaviest first takes (0,0) and strands row 1; the exchange gives row 0
  // its second choice so row 1 can have column 0.
  const std::vector<CandidatePair> pairs = {{0, 0, 1.0, 0}, {0, 1, 0.9, 0}, {1, 0, 0.9, 0}};
  const std::vector<CandidatePair> matched = MatchPairs(pairs, /*exact_budget=*/0);
  ExpectOneToOne(matched);
  EXPECT_NEAR(Total(matched), 1.8, 1e-9);
}

TEST(MatchPairs, GreedyPathStaysOneToOneAndNearTheOptimumOnRandomGraphs) {
  std::mt19937 random(5);
  double found = 0, best = 0;
  for (int round = 0; round < 100; ++round) {
    std::vector<CandidatePair> pairs;
    std::set<std::pair<uint32_t, uint32_t>> used;
    for (int i = 0; i < 10; ++i) {
      const uint32_t row = random() % 5, col = random() % 5;
      if (!used.insert({row, col}).second) continue;
      pairs.push_back({row, col, 0.1 + (random() % 900) / 1000.0, 0});
    }
    const std::vector<CandidatePair> matched = MatchPairs(pairs, 0);
    ExpectOneToOne(matched);
    // A greedy matching is at least half the best; the exchanges do better.
    EXPECT_GE(Total(matched), 0.5 * BestTotal(pairs)) << "round " << round;
    found += Total(matched);
    best += BestTotal(pairs);
  }
  EXPECT_GE(found, 0.97 * best);
}

TEST(MatchPairs, TiesGoToTheCloserPartner) {
  // Equal weights: the pair at the same place in both reports wins.
  const std::vector<CandidatePair> pairs = {{0, 0, 0.5, -0.9}, {0, 1, 0.5, 0.0}};
  const std::vector<CandidatePair> matched = MatchPairs(pairs, 0);
  ASSERT_EQ(matched.size(), 1u);
  EXPECT_EQ(matched[0].col, 1u);
}

}  // namespace
}  // namespace parallax
