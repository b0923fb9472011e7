// The clusterer's postings: a full list drops its oldest posting, scoring
// finds exactly the members at or above the floor with their dot products,
// and a lone article's list of neighbours keeps the closest.
#include "cluster/postings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace parallax::cluster_internal {
namespace {

TEST(AddPosting, AFullListDropsItsOldest) {
  TermEntry entry;
  for (uint32_t m = 0; m < 6; ++m) AddPosting(entry, {m, 1.0f}, 4);
  ASSERT_EQ(entry.postings.size(), 4u);
  std::vector<uint32_t> members;
  for (const Posting& p : entry.postings) members.push_back(p.member);
  std::sort(members.begin(), members.end());
  EXPECT_EQ(members, (std::vector<uint32_t>{2, 3, 4, 5}));
  EXPECT_EQ(entry.postings[entry.oldest].member, 2u);
}

// A corpus of postings with rings full and not, and an article over it.
struct Fixture {
  std::vector<TermEntry> index;
  std::vector<TermWeight> article;
  std::vector<uint32_t> entries;
  uint32_t members = 0;
};

Fixture MakeFixture(uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> weight(0.05f, 0.6f);
  Fixture f;
  f.index.resize(40);
  for (f.members = 0; f.members < 2000; ++f.members) {
    for (size_t t = 0; t < f.index.size(); ++t) {
      // Low terms are common (their lists fill up and wrap), high ones rare.
      if (random() % (t + 2) == 0) AddPosting(f.index[t], {f.members, weight(random)}, 256);
    }
  }
  for (uint32_t t = 0; t < f.index.size(); t += 2) {
    f.article.push_back({t, weight(random)});
    f.entries.push_back(t);
  }
  return f;
}

std::map<uint32_t, float> Strong(const MemberScorer& scorer) {
  std::map<uint32_t, float> out;
  for (const ScoredMember& s : scorer.strong()) {
    EXPECT_TRUE(out.emplace(s.member, s.dot).second) << "member " << s.member << " twice";
  }
  return out;
}

TEST(MemberScorer, FindsExactlyTheMembersAtTheFloorOrAbove) {
  const Fixture f = MakeFixture(3);
  constexpr float kFloor = 0.02f;
  // The dot products the long way: every posting of every term.
  std::map<uint32_t, float> expected;
  for (size_t i = 0; i < f.article.size(); ++i) {
    for (const Posting& p : f.index[f.entries[i]].postings) {
      expected[p.member] += f.article[i].weight * p.weight;
    }
  }
  std::erase_if(expected, [&](const auto& kv) { return kv.second < kFloor; });
  ASSERT_GT(expected.size(), 50u);
  MemberScorer scorer;
  scorer.Score(f.index, f.article, f.entries, f.members, kFloor);
  EXPECT_EQ(Strong(scorer), expected);  // in the same order of terms: bit for bit
}

TEST(MemberScorer, ASecondArticleStartsFromZero) {
  const Fixture f = MakeFixture(5);
  MemberScorer reused, fresh;
  reused.Score(f.index, f.article, f.entries, f.members, 0.02f);
  const std::vector<TermWeight> other = {{1, 0.7f}, {3, 0.7f}};
  const std::vector<uint32_t> other_entries = {1, 3};
  reused.Score(f.index, other, other_entries, f.members, 0.02f);
  fresh.Score(f.index, other, other_entries, f.members, 0.02f);
  EXPECT_EQ(Strong(reused), Strong(fresh));
}

TEST(KeepClosest, TheClosestHalfOfTheBoundAreNeverDropped) {
  std::mt19937 random(23);
  std::uniform_real_distribution<float> dot(0.1f, 1.0f);
  std::vector<ScoredMember> kept, all;
  for (uint32_t m = 0; m < 1000; ++m) {
    const ScoredMember met{m, dot(random)};
    all.push_back(met);
    KeepClosest(kept, met, 16);
    ASSERT_LE(kept.size(), 16u);
    std::vector<ScoredMember> closest = all;
    std::sort(closest.begin(), closest.end(),
              [](const ScoredMember& a, const ScoredMember& b) { return a.dot > b.dot; });
    closest.resize(std::min<size_t>(closest.size(), 8));
    for (const ScoredMember& c : closest) {
      ASSERT_TRUE(std::any_of(kept.begin(), kept.end(),
                              [&](const ScoredMember& k) { return k.member == c.member; }))
          << "member " << c.member << " dropped after " << m;
    }
  }
}

}  // namespace
}  // namespace parallax::cluster_internal
