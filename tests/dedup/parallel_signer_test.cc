// ParallelSigner gives the index the same documents in the same order as
// adding them one by one, and GroupDuplicates joins pairs into groups.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/dedup.h"

namespace parallax {
namespace {

// Invented texts: every seventh is a copy of the one before, a dateline added.
std::vector<std::string> Texts(size_t n) {
  std::vector<std::string> texts;
  const char* const words[] = {"harbour", "council", "ferry", "strike", "budget", "river", "school", "bridge",
                               "vote", "union", "pay", "court", "rail", "storm", "tram", "fire"};
  for (size_t i = 0; i < n; ++i) {
    if (i % 7 == 6) {
      texts.push_back("EMBERLY - " + texts.back());
      continue;
    }
    std::string t;
    for (size_t w = 0; w < 60; ++w) t += std::string(words[(i * 31 + w * 7 + w * w * i) % 16]) + std::to_string((i + w) % 97) + " ";
    texts.push_back(t);
  }
  return texts;
}

std::vector<std::pair<uint32_t, uint32_t>> PairsOf(const NearDuplicateIndex& index) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const DuplicatePair& p : index.FindPairs()) out.emplace_back(p.first, p.second);
  return out;
}

TEST(ParallelSigner, TheIndexIsTheSameWhateverTheThreads) {
  const std::vector<std::string> texts = Texts(2600);  // a full batch of two threads, and a rest
  NearDuplicateIndex one_by_one;
  for (const std::string& t : texts) one_by_one.Add(t);
  for (const unsigned threads : {1u, 2u, 3u}) {
    NearDuplicateIndex index;
    {
      ParallelSigner signer(threads, index);
      for (std::string t : texts) signer.Add(std::move(t));
      signer.Finish();
    }
    ASSERT_EQ(index.size(), texts.size()) << threads;
    EXPECT_EQ(PairsOf(index), PairsOf(one_by_one)) << threads;
  }
  EXPECT_GE(PairsOf(one_by_one).size(), 2600u / 7) << "the copies are found";
}

TEST(GroupDuplicates, PairsJoinThroughAThirdAndGroupsKeepDocumentOrder) {
  // 5-2, 2-7 and 0-3: {2, 5, 7} and {0, 3}; 1, 4, 6 unpaired.
  const std::vector<DuplicatePair> pairs = {{2, 5, 0.9}, {0, 3, 0.95}, {2, 7, 0.8}};
  const std::vector<std::vector<uint32_t>> groups = GroupDuplicates(pairs, 8);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<uint32_t>{0, 3}));
  EXPECT_EQ(groups[1], (std::vector<uint32_t>{2, 5, 7}));
  EXPECT_TRUE(GroupDuplicates({}, 5).empty());
  EXPECT_TRUE(GroupDuplicates({{1, 9, 0.9}}, 5).empty()) << "a pair naming no such document is ignored";
}

}  // namespace
}  // namespace parallax
