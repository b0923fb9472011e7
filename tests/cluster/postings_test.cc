// The clusterer's postings: a full list drops its oldest posting, the count
// of postings before the split stays right as postings come and go, and
// scoring the two sides of a split gives exactly what scoring all does.
#include "cluster/postings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace parallax::cluster_internal {
namespace {

// How many postings of `entry` are of members before `member`, counted
// one by one.
uint32_t CountBefore(const TermEntry& entry, uint32_t member) {
  return static_cast<uint32_t>(std::count_if(entry.postings.begin(), entry.postings.end(),
                                             [&](const Posting& p) { return p.member < member; }));
}

TEST(AddPosting, AFullListDropsItsOldest) {
  TermEntry entry;
  SplitPoint split;
  for (uint32_t m = 0; m < 6; ++m) AddPosting(entry, {m, 1.0f}, 4, split);
  ASSERT_EQ(entry.postings.size(), 4u);
  std::vector<uint32_t> members;
  for (const Posting& p : entry.postings) members.push_back(p.member);
  std::sort(members.begin(), members.end());
  EXPECT_EQ(members, (std::vector<uint32_t>{2, 3, 4, 5}));
  EXPECT_EQ(entry.postings[entry.oldest].member, 2u);
}

TEST(LocateSplit, CountStaysRightAsPostingsComeAndGo) {
  std::mt19937 random(11);
  std::vector<TermEntry> entries(5);
  SplitPoint split;
  uint32_t members = 0;
  for (int step = 0; step < 3000; ++step) {
    // A new member posts some terms; now and then the split moves.
    const uint32_t m = members++;
    for (TermEntry& entry : entries) {
      if (random() % 3 != 0) AddPosting(entry, {m, 0.5f}, 16, split);
    }
    if (step % 97 == 0) {
      split.member = static_cast<uint32_t>(random() % members);
      ++split.version;
    }
    for (TermEntry& entry : entries) {
      if (random() % 2 == 0) continue;  // only the terms an article meets are located
      LocateSplit(entry, split);
      ASSERT_EQ(entry.before_split, CountBefore(entry, split.member)) << "step " << step;
    }
  }
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
  const SplitPoint no_split;
  for (f.members = 0; f.members < 2000; ++f.members) {
    for (size_t t = 0; t < f.index.size(); ++t) {
      // Low terms are common (their lists fill up and wrap), high ones rare.
      if (random() % (t + 2) == 0) AddPosting(f.index[t], {f.members, weight(random)}, 256, no_split);
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

TEST(MemberScorer, BothSidesOfASplitAreExactlyTheWhole) {
  Fixture f = MakeFixture(3);
  constexpr float kFloor = 0.02f;
  MemberScorer whole;
  const size_t walked = whole.Score(f.index, f.article.data(), f.entries.data(), f.entries.size(),
                                    MemberRange::kAll, f.members, kFloor);
  const std::map<uint32_t, float> expected = Strong(whole);
  ASSERT_GT(expected.size(), 50u);
  for (const uint32_t at : {1u, 700u, 1500u, 1999u}) {
    SplitPoint split;
    split.member = at;
    split.version = 2 + at;
    for (TermEntry& entry : f.index) LocateSplit(entry, split);
    MemberScorer before, after;
    const size_t walked_before = before.Score(f.index, f.article.data(), f.entries.data(),
                                              f.entries.size(), MemberRange::kBeforeSplit,
                                              f.members, kFloor);
    const size_t walked_after = after.Score(f.index, f.article.data(), f.entries.data(),
                                            f.entries.size(), MemberRange::kFromSplit, f.members,
                                            kFloor);
    EXPECT_EQ(walked_before + walked_after, walked);
    std::map<uint32_t, float> joined = Strong(before);
    for (const auto& [member, dot] : Strong(after)) {
      EXPECT_GE(member, at);
      joined.emplace(member, dot);
    }
    for (const auto& [member, dot] : Strong(before)) EXPECT_LT(member, at);
    EXPECT_EQ(joined, expected) << "split at " << at;  // bit for bit
  }
}

TEST(MemberScorer, ASecondArticleStartsFromZero) {
  Fixture f = MakeFixture(5);
  MemberScorer reused, fresh;
  reused.Score(f.index, f.article.data(), f.entries.data(), f.entries.size(), MemberRange::kAll,
               f.members, 0.02f);
  std::vector<TermWeight> other = {{1, 0.7f}, {3, 0.7f}};
  std::vector<uint32_t> other_entries = {1, 3};
  reused.Score(f.index, other.data(), other_entries.data(), 2, MemberRange::kAll, f.members, 0.02f);
  fresh.Score(f.index, other.data(), other_entries.data(), 2, MemberRange::kAll, f.members, 0.02f);
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

TEST(KeepClosest, ABatchKeepsTheSameWhateverItsOrder) {
  // The members an article meets come in the order the walk found them,
  // which depends on how it was split between threads.
  std::mt19937 random(29);
  std::uniform_real_distribution<float> dot(0.1f, 1.0f);
  std::vector<ScoredMember> batch;
  for (uint32_t m = 0; m < 300; ++m) batch.push_back({m, dot(random)});
  batch.push_back({300, batch[7].dot});  // a tie
  std::vector<ScoredMember> a, b;
  KeepClosest(a, batch, 128);
  std::shuffle(batch.begin(), batch.end(), random);
  KeepClosest(b, batch, 128);
  auto by_member = [](const ScoredMember& x, const ScoredMember& y) { return x.member < y.member; };
  std::sort(a.begin(), a.end(), by_member);
  std::sort(b.begin(), b.end(), by_member);
  ASSERT_EQ(a.size(), 64u);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].member, b[i].member);
}

TEST(HelperThread, RunsEachTaskOnceAndWaitSeesItsWork) {
  HelperThread helper;
  int done = 0;
  for (int i = 0; i < 2000; ++i) {
    auto task = [&] { ++done; };
    helper.Run(task);
    helper.Wait();
    ASSERT_EQ(done, i + 1);
  }
}

TEST(HelperThread, WakesAfterSleeping) {
  HelperThread helper;
  std::atomic<int> done{0};
  for (int i = 0; i < 3; ++i) {
    // Long enough between tasks for the helper to stop spinning and sleep.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto task = [&] { done.fetch_add(1); };
    helper.Run(task);
    helper.Wait();
  }
  EXPECT_EQ(done.load(), 3);
}

}  // namespace
}  // namespace parallax::cluster_internal
