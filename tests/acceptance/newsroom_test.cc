// The bundled newsroom (examples/newsroom, written by the team): what its
// README promises a reader of the web app, through the real binary
// (ingest, cluster) and the library (the store, the outlets file).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/align.h"
#include "parallax/outlets.h"
#include "parallax/store.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

const std::string kNewsroom = std::string(PARALLAX_SOURCE_DIR) + "/examples/newsroom";

class NewsroomTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = *dir_ / "demo.db";
    ASSERT_EQ(testing::RunParallax(*dir_, {"ingest", "--db", db_, kNewsroom + "/articles.jsonl"}).exit_code, 0);
    ASSERT_EQ(testing::RunParallax(*dir_, {"cluster", "--db", db_}).exit_code, 0);
  }
  static void TearDownTestSuite() { delete dir_; }

  // The story holding article `id`, with its summary.
  static StorySummary StoryOf(const std::string& id) {
    Store store = std::move(Store::Open(db_, OpenMode::kReadOnly)).value();
    const std::vector<StorySummary> stories = *store.ListStories();
    for (const StorySummary& s : stories) {
      const std::vector<Article> articles = *store.StoryArticles(s.id);
      for (const Article& a : articles) {
        if (a.id == id) return s;
      }
    }
    ADD_FAILURE() << "no story holds " << id;
    return {};
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline std::string db_;
};

TEST_F(NewsroomTest, TheOutletsFileIsCleanWithThreeLeanings) {
  Result<OutletsFile> file = LoadOutlets(kNewsroom + "/outlets.toml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_TRUE(file->problems.empty());
  EXPECT_EQ(file->outlets.size(), 6u);
  EXPECT_EQ(CoverageByGroup(*file, "leaning", {}).values.size(), 3u);
}

TEST_F(NewsroomTest, TwelveEventsBecomeStories) {
  Store store = std::move(Store::Open(db_, OpenMode::kReadOnly)).value();
  EXPECT_GE(*store.CountStories(), 12u);
  EXPECT_EQ(*store.CountArticles(), 38u);
}

TEST_F(NewsroomTest, OneSidedStoriesAreBlindspots) {
  const OutletsFile file = *LoadOutlets(kNewsroom + "/outlets.toml");
  const GroupCoverage minister = CoverageByGroup(file, "leaning", StoryOf("ledger-minister-resigns").outlets);
  EXPECT_TRUE(minister.blindspot);
  EXPECT_EQ(minister.weakest, "right");
  const GroupCoverage border = CoverageByGroup(file, "leaning", StoryOf("herald-border-crossings").outlets);
  EXPECT_TRUE(border.blindspot);
  EXPECT_EQ(border.weakest, "left");
  EXPECT_FALSE(CoverageByGroup(file, "leaning", StoryOf("wire-housing-bill").outlets).blindspot);
}

TEST_F(NewsroomTest, TheWireCopyIsComparedOnceAndItsReprintsListed) {
  const StorySummary rates = StoryOf("wire-rate-rise");
  EXPECT_EQ(rates.size, 4u);
  Store store = std::move(Store::Open(db_, OpenMode::kReadOnly)).value();
  // As files, four reports; as a story, the wire's copy once, with the two
  // outlets that reprinted it.
  Result<CompareResult> all = Compare(*store.StoryArticles(rates.id), {}, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->comparison.documents.size(), 4u);
  CompareOptions fold;
  fold.fold_copies = true;
  Result<CompareResult> folded = Compare(*store.StoryArticles(rates.id), {}, fold);
  ASSERT_TRUE(folded.ok());
  const Comparison& c = folded->comparison;
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[0].article.outlet, "Northfield Wire");
  ASSERT_EQ(c.copies.size(), 2u);
  for (const FoldedCopy& copy : c.copies) {
    EXPECT_EQ(copy.document, 0);
    EXPECT_GE(copy.score, 0.9);
  }
  EXPECT_EQ(c.copies[0].article.outlet, "Westbrook Standard");
  EXPECT_EQ(c.copies[1].article.outlet, "The Ironside Herald");
}

}  // namespace
}  // namespace parallax
