// Article digests: kept once per article across runs, the voices of a
// story read from them, and the reads behind exports; and IndexStore, which
// fills them from Analyze.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::MakeArticle;

Store FerryStore(const store_test::ScratchDir& dir) {
  Store store = store_test::OpenOrDie(dir / "d.db");
  EXPECT_TRUE(store.AddArticles({
      MakeArticle("k1", "The ferry strike began at dawn.", "Kestrel Times", "Strike", "2026-11-23T08:00:00Z"),
      MakeArticle("m1", "Ferry crews walked out at dawn.", "Moorland Post", "Walkout", "2026-11-23T10:00:00Z"),
      MakeArticle("k3", "A school reopened after the storm.", "Kestrel Times", "School", "2026-11-25T07:00:00Z"),
  }).ok());
  EXPECT_TRUE(store.SaveStoryAssignments({{"k1", "ferry"}, {"m1", "ferry"}}).ok());
  return store;
}

// A digest that quotes by article id, so what is read back can be told apart.
std::vector<ArticleDigest> Scripted(const std::vector<Article>& batch) {
  std::vector<ArticleDigest> digests;
  for (const Article& a : batch) {
    ArticleDigest d;
    if (a.id == "k1") {
      d.quotes = {{"Ines Varga", "direct", 0, "We will not sail"}, {"", "reported", 0, "talks failed"}};
      d.wording = {{"slam", "loaded-verb", "slammed", false}};
    } else if (a.id == "m1") {
      d.quotes = {{"ines varga", "direct", 0, "Not one boat"}, {"Tom Reed", "direct", 0, "A sad day"},
                  {"Tom Reed", "reported", 0, "it would cost jobs"}};
    }
    digests.push_back(std::move(d));
  }
  return digests;
}

TEST(StoreDigests, EachArticleIsDigestedOnceAcrossRuns) {
  store_test::ScratchDir dir;
  Store store = FerryStore(dir);
  EXPECT_EQ(*store.UndigestedArticles(), 3u);
  size_t seen = 0;
  auto counting = [&](const std::vector<Article>& batch) {
    seen += batch.size();
    return Scripted(batch);
  };
  EXPECT_EQ(*store.UpdateDigests(counting), 3u);
  EXPECT_EQ(*store.UndigestedArticles(), 0u);
  EXPECT_EQ(*store.UpdateDigests(counting), 0u);
  EXPECT_EQ(seen, 3u);
  ASSERT_TRUE(store.AddArticles({MakeArticle("m2", "The strike ended.", "Moorland Post", "", "")}).ok());
  EXPECT_EQ(*store.UpdateDigests(counting), 1u);
  EXPECT_EQ(seen, 4u) << "only the new article";
  // A callback that breaks its promise is an error, and nothing is marked done.
  ASSERT_TRUE(store.AddArticles({MakeArticle("m3", "Ferries ran again.", "Moorland Post", "", "")}).ok());
  EXPECT_FALSE(store.UpdateDigests([](const std::vector<Article>&) { return std::vector<ArticleDigest>{}; }).ok());
  EXPECT_EQ(*store.UndigestedArticles(), 1u);
}

TEST(StoreDigests, AStorysVoicesAreTheSpeakersOfTheMostArticles) {
  store_test::ScratchDir dir;
  Store store = FerryStore(dir);
  ASSERT_TRUE(store.UpdateDigests(Scripted).ok());
  const int64_t ferry = store.ListStories()->front().id;
  const auto voices = store.StoryVoices({ferry, 999}, 3);
  ASSERT_TRUE(voices.ok()) << voices.status().ToString();
  ASSERT_EQ(voices->size(), 2u);
  ASSERT_EQ((*voices)[0].size(), 2u) << "the unnamed speaker is nobody";
  // Ines Varga, however cased, in two articles; Tom Reed quoted twice in one.
  EXPECT_EQ((*voices)[0][0].name, "Ines Varga");
  EXPECT_EQ((*voices)[0][0].articles, 2u);
  EXPECT_EQ((*voices)[0][0].quotes, 2u);
  EXPECT_EQ((*voices)[0][1].name, "Tom Reed");
  EXPECT_EQ((*voices)[0][1].articles, 1u);
  EXPECT_EQ((*voices)[0][1].quotes, 2u);
  EXPECT_TRUE((*voices)[1].empty()) << "no such story";
  EXPECT_EQ(store.StoryVoices({ferry}, 1)->front().size(), 1u);
}

TEST(StoreDigests, KeptVoicesFollowTheStoryAsItChanges) {
  store_test::ScratchDir dir;
  Store store = FerryStore(dir);
  ASSERT_TRUE(store.UpdateDigests(Scripted).ok());
  EXPECT_EQ(*store.UpdateStoryVoices(), 1u);
  EXPECT_EQ(*store.UpdateStoryVoices(), 0u) << "nothing changed";
  const int64_t ferry = store.ListStories()->front().id;
  EXPECT_EQ(store.StoryVoices({ferry}, 3)->front().size(), 2u);

  // A new member, digested: the story is summed again, with its voice.
  ASSERT_TRUE(store.AddArticles({MakeArticle("k9", "The ferries sailed again.", "Kestrel Times", "", "")}).ok());
  ClusterState one_more;
  one_more.documents = 1;  // the saved state (none) with k9 added
  const Status added = store.AddStoryAssignments({{"k9", "ferry"}}, one_more);
  ASSERT_TRUE(added.ok()) << added.ToString();
  ASSERT_TRUE(store.UpdateDigests([](const std::vector<Article>& batch) {
    std::vector<ArticleDigest> d(batch.size());
    d[0].quotes = {{"Ada Brook", "direct", 0, "At last"}, {"Ada Brook", "direct", 0, "Finally"}};
    return d;
  }).ok());
  // Before the sum, the story's size no longer matches: read from the digests.
  EXPECT_EQ(store.StoryVoices({ferry}, 3)->front().size(), 3u);
  EXPECT_EQ(*store.UpdateStoryVoices(), 1u);
  const std::vector<VoiceCount> voices = store.StoryVoices({ferry}, 3)->front();
  ASSERT_EQ(voices.size(), 3u);
  EXPECT_EQ(voices[0].name, "Ines Varga");
  EXPECT_EQ(voices[1].name, "Ada Brook") << "two quotes in one article, before Tom Reed's two in one: by name";
  EXPECT_EQ(voices[1].quotes, 2u);
  EXPECT_EQ(store.StoryVoices({ferry}, 1)->front().size(), 1u);

  // Assigned afresh, the same size but other members: summed again.
  ASSERT_TRUE(store.SaveStoryAssignments({{"k1", "ferry"}, {"k3", "ferry"}, {"k9", "ferry"}}).ok());
  const int64_t again = store.ListStories()->front().id;
  const std::vector<VoiceCount> now = store.StoryVoices({again}, 3)->front();
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[0].name, "Ada Brook");
}

TEST(StoreDigests, ExportsReadByStoryOrWindowInPublicationOrder) {
  store_test::ScratchDir dir;
  Store store = FerryStore(dir);
  ASSERT_TRUE(store.UpdateDigests(Scripted).ok());
  const int64_t ferry = store.ListStories()->front().id;
  std::vector<std::string> ids;
  auto collect = [&](const StoredArticle& a) {
    ids.push_back(a.article.id + "@" + std::to_string(a.story));
    return true;
  };
  ASSERT_TRUE(store.ForEachExportArticle({}, collect).ok());
  const std::string f = std::to_string(ferry);
  EXPECT_EQ(ids, (std::vector<std::string>{"k1@" + f, "m1@" + f, "k3@0"}));
  ids.clear();
  ASSERT_TRUE(store.ForEachExportArticle({0, "2026-11-24", "2026-11-26"}, collect).ok());
  EXPECT_EQ(ids, std::vector<std::string>{"k3@0"});

  std::vector<std::string> quotes;
  ASSERT_TRUE(store.ForEachQuote({ferry, "", ""}, [&](const QuoteRecord& q) {
    quotes.push_back(q.article_id + ":" + q.outlet + ":" + q.quote.speaker + ":" + q.quote.text);
    return quotes.size() < 4;  // stops when asked
  }).ok());
  EXPECT_EQ(quotes, (std::vector<std::string>{"k1:Kestrel Times:Ines Varga:We will not sail",
                                              "k1:Kestrel Times::talks failed", "m1:Moorland Post:ines varga:Not one boat",
                                              "m1:Moorland Post:Tom Reed:A sad day"}));
}

TEST(IndexStore, DigestsWithAnalyzeAndMakesArticlesSearchable) {
  store_test::ScratchDir dir;
  Store store = store_test::OpenOrDie(dir / "i.db");
  Article quoted = MakeArticle("q1", "", "Kestrel Times", "Ferry talks fail", "2026-11-23T08:00:00Z");
  quoted.paragraphs = {{"The ferry strike will go on, union leaders said on Monday.", ParagraphRole::kBody, ""},
                       {"\u201CWe have been left with no choice at all,\u201D said Ines Varga, the union's secretary.",
                        ParagraphRole::kBody, ""}};
  ASSERT_TRUE(store.AddArticles({quoted}).ok());
  ASSERT_TRUE(store.SaveStoryAssignments({{"q1", "ferry"}}).ok());
  size_t heard = 0;
  const Result<IndexReport> report = IndexStore(store, 2, [&](size_t done, size_t total) {
    EXPECT_EQ(total, 1u);
    heard = done;
  });
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->searchable, 1u);
  EXPECT_EQ(report->digested, 1u);
  EXPECT_EQ(heard, 1u);
  const auto voices = store.StoryVoices({store.ListStories()->front().id}, 3);
  ASSERT_TRUE(voices.ok());
  ASSERT_FALSE(voices->front().empty());
  EXPECT_EQ(voices->front().front().name, "Ines Varga");
  EXPECT_EQ(store.Search({"choice", {}, "", "", 10})->size(), 1u);
  EXPECT_EQ(IndexStore(store, 1)->digested, 0u) << "nothing new";
}

}  // namespace
}  // namespace parallax
