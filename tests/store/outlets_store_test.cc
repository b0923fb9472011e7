// The store's view of outlets: who has articles, an outlet's latest
// articles with their stories, and stories looked up by id.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::MakeArticle;

Store TwoOutlets(const store_test::ScratchDir& dir) {
  Store store = store_test::OpenOrDie(dir / "o.db");
  EXPECT_TRUE(store.AddArticles({
      MakeArticle("k1", "The ferry strike began at dawn.", "Kestrel Times", "Strike", "2026-11-23T08:00:00Z"),
      MakeArticle("k2", "The ferry strike entered its second day.", "Kestrel Times", "", "2026-11-24T09:00:00Z"),
      MakeArticle("k3", "A school reopened after the storm.", "Kestrel Times", "School", ""),
      MakeArticle("m1", "Ferry crews walked out at dawn.", "Moorland Post", "Walkout", "2026-11-23T10:00:00Z"),
      MakeArticle("x1", "An article with no outlet named.", "", "Nameless", "2026-11-20"),
  }).ok());
  EXPECT_TRUE(store.SaveStoryAssignments({{"k1", "ferry"}, {"k2", "ferry"}, {"m1", "ferry"}}).ok());
  return store;
}

TEST(StoreOutlets, ListsEveryNamedOutletMostArticlesFirstWithItsDates) {
  store_test::ScratchDir dir;
  Store store = TwoOutlets(dir);
  const Result<std::vector<OutletSummary>> outlets = store.ListOutlets();
  ASSERT_TRUE(outlets.ok()) << outlets.status().ToString();
  ASSERT_EQ(outlets->size(), 2u);  // the article with no outlet belongs to none
  EXPECT_EQ((*outlets)[0].name, "Kestrel Times");
  EXPECT_EQ((*outlets)[0].articles, 3u);
  EXPECT_EQ((*outlets)[0].first_published, "2026-11-23T08:00:00Z");  // the undated one aside
  EXPECT_EQ((*outlets)[0].last_published, "2026-11-24T09:00:00Z");
  EXPECT_EQ((*outlets)[1].name, "Moorland Post");
  EXPECT_EQ((*outlets)[1].articles, 1u);
}

TEST(StoreOutlets, AnOutletsArticlesComeLatestFirstWithTheirStory) {
  store_test::ScratchDir dir;
  Store store = TwoOutlets(dir);
  const Result<std::vector<StoredArticle>> articles = store.OutletArticles("Kestrel Times", 10);
  ASSERT_TRUE(articles.ok()) << articles.status().ToString();
  ASSERT_EQ(articles->size(), 3u);
  EXPECT_EQ((*articles)[0].article.id, "k2");
  EXPECT_EQ((*articles)[1].article.id, "k1");
  EXPECT_EQ((*articles)[2].article.id, "k3");  // undated last
  EXPECT_EQ((*articles)[0].story, (*articles)[1].story);
  EXPECT_NE((*articles)[0].story, 0);
  EXPECT_EQ((*articles)[2].story, 0);  // in no story
  EXPECT_EQ((*articles)[0].article.paragraphs.at(0).text, "The ferry strike entered its second day.");

  const Result<std::vector<StoredArticle>> one = store.OutletArticles("Kestrel Times", 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
  const Result<std::vector<StoredArticle>> none = store.OutletArticles("No Such Outlet", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(StoreOutlets, StoriesByIdKeepTheOrderAskedAndSkipUnknownIds) {
  store_test::ScratchDir dir;
  Store store = TwoOutlets(dir);
  const Result<std::vector<StorySummary>> all = store.ListStories();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  const int64_t ferry = all->front().id;
  const Result<std::vector<StorySummary>> found = store.StoriesById({ferry + 1000, ferry, ferry});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].id, ferry);
  EXPECT_EQ((*found)[0].headline, "Strike");
  EXPECT_EQ((*found)[0].size, 3u);
  EXPECT_EQ((*found)[0].outlets, (std::vector<std::string>{"Kestrel Times", "Moorland Post"}));
}

}  // namespace
}  // namespace parallax
