// FindStoredDuplicates: the stored copies of one report grouped, whatever
// the thread count; texts without words and bare headlines set aside.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::MakeArticle;

TEST(FindStoredDuplicates, GroupsTheCopiesAndSetsAsideWhatHasNoWords) {
  store_test::ScratchDir dir;
  Store store = store_test::OpenOrDie(dir / "d.db");
  const std::string wire =
      "Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks with the Northern Ports "
      "Authority collapsed, halting container traffic at the busiest harbour on the coast, union leaders said. "
      "The authority said it would meet the union again on Thursday and hoped the strike would end by the weekend.";
  Article headline = MakeArticle("h1", "", "Coast Ledger", "Strike at Emberly");
  headline.paragraphs.clear();
  ASSERT_TRUE(store.AddArticles({MakeArticle("w1", wire, "Emberly Courier"),
                                 MakeArticle("x1", "A fire damaged the Orvik library on Monday night.", "Vale Tribune"),
                                 MakeArticle("w2", "EMBERLY (Wire) - " + wire, "Harbour Beacon"),
                                 MakeArticle("n1", "-- !! ... ?", "Quiet Post"), headline})
                  .ok());
  for (const unsigned threads : {1u, 2u}) {
    size_t pairing_heard = 0;
    const Result<StoredDuplicates> found =
        FindStoredDuplicates(store, DedupOptions{}, threads, {}, [&](size_t n) { pairing_heard = n; });
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->ids, (std::vector<std::string>{"w1", "x1", "w2"})) << threads;
    EXPECT_EQ(pairing_heard, 3u);
    ASSERT_EQ(found->groups.size(), 1u) << threads;
    EXPECT_EQ(found->groups[0].article_ids, (std::vector<std::string>{"w1", "w2"}));
    EXPECT_EQ(found->wordless, std::vector<std::string>{"n1"});
    EXPECT_EQ(found->headlines_only, 1u);
  }
}

}  // namespace
}  // namespace parallax
