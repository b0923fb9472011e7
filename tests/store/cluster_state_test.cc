// The store's side of incremental clustering: the clusterer state saved and
// restored exactly, story assignments added to earlier ones, the articles
// still without a story, and files of schema version 1 upgraded. Articles
// and events are invented.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::MakeArticle;
using store_test::OpenOrDie;
using store_test::RawSql;
using store_test::ScratchDir;

void ExpectSameState(const ClusterState& want, const ClusterState& got) {
  EXPECT_EQ(got.documents, want.documents);
  EXPECT_EQ(got.document_frequencies, want.document_frequencies);
  ASSERT_EQ(got.stories.size(), want.stories.size());
  for (size_t s = 0; s < want.stories.size(); ++s) {
    const StoryState& w = want.stories[s];
    const StoryState& g = got.stories[s];
    EXPECT_EQ(g.id, w.id) << "story " << s;
    EXPECT_EQ(g.size, w.size) << "story " << s;
    EXPECT_EQ(g.first_published, w.first_published) << "story " << s;
    EXPECT_EQ(g.last_published, w.last_published) << "story " << s;
    EXPECT_EQ(g.outlets, w.outlets) << "story " << s;
    EXPECT_EQ(g.closest, w.closest) << "story " << s;  // exact: the same bits
    EXPECT_EQ(g.figures, w.figures) << "story " << s;
    EXPECT_EQ(g.weekdays, w.weekdays) << "story " << s;
    ASSERT_EQ(g.centroid.size(), w.centroid.size()) << "story " << s;
    for (size_t t = 0; t < w.centroid.size(); ++t) {
      EXPECT_EQ(g.centroid[t].term, w.centroid[t].term);
      EXPECT_EQ(g.centroid[t].weight, w.centroid[t].weight);
    }
  }
}

ClusterState LoadOrDie(const Store& store) {
  Result<ClusterState> state = store.LoadClusterState();
  EXPECT_TRUE(state.ok()) << state.status().ToString();
  return state.ok() ? std::move(state).value() : ClusterState{};
}

std::vector<std::string> UnclusteredIds(const Store& store) {
  std::vector<std::string> ids;
  EXPECT_TRUE(store
                  .ForEachUnclusteredArticle([&](const Article& a) {
                    ids.push_back(a.id);
                    return true;
                  })
                  .ok());
  return ids;
}

const StorySummary* FindStory(const std::vector<StorySummary>& stories, const std::string& key) {
  for (const StorySummary& s : stories) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

ClusterDocument Doc(const std::string& id, const std::string& title, const std::string& text,
                    int64_t published, const std::string& outlet) {
  return ClusterDocument{id, title, text, published, outlet};
}

// Monday 13 May 2024, 00:00 UTC.
constexpr int64_t kMonday = 1715558400;

std::vector<ClusterDocument> BridgeAndLibrary() {
  return {
      Doc("vale-1", "Varn bridge closed after crack found in pier",
          "The Varn river bridge was closed to all traffic on Monday after engineers found a "
          "crack in its central pier, the county roads office said.",
          kMonday + 3600, "Vale Tribune"),
      Doc("hollin-3", "Cracked pier shuts Varn bridge",
          "Engineers closed the bridge over the Varn on Monday when a crack was discovered in the "
          "central pier, according to the county roads office.",
          kMonday + 7200, "Hollin Echo"),
      Doc("orvik-8", "Fire damages Orvik library reading room",
          "A fire broke out in the reading room of the Orvik municipal library on Monday "
          "morning, destroying several hundred books.",
          kMonday + 9000, "Orvik Standard"),
  };
}

TEST(ClusterState, RoundTripsExactly) {
  ScratchDir dir;
  ClusterState state;
  state.documents = 7;
  state.document_frequencies = {{3, 1}, {0x8000000000000001ull, 7}, {~0ull, 4294967295u}};
  StoryState bridge;
  bridge.id = 1;
  bridge.size = 4;
  bridge.first_published = kMonday;
  bridge.last_published = kMonday + 86400;
  // Any byte may be in a name, the separators of other formats included.
  const std::string odd = std::string("Odd\x1fName") + '\0' + "s";
  bridge.outlets = {"Coast Ledger", "Hollin Echo", odd};
  bridge.centroid = {{1, 0.5f}, {2, 1e-7f}, {0xFFFFFFFFFFFFFFF0ull, 3.4e38f}, {~0ull, -0.0f}};
  bridge.closest = 0.123456789f;
  bridge.figures = {7, 0x8000000000000000ull, ~0ull};
  bridge.weekdays = 0x41;  // Monday and Sunday
  StoryState undated;  // no time, no outlet, no terms
  undated.id = 9;
  undated.size = 1;
  state.stories = {bridge, undated};
  {
    Store store = OpenOrDie(dir / "a.db");
    ASSERT_TRUE(store.SaveStoryAssignments({}, state).ok());
  }
  ExpectSameState(state, LoadOrDie(OpenOrDie(dir / "a.db", OpenMode::kReadOnly)));
}

TEST(ClusterState, AResumedClustererDecidesAsTheOneSaved) {
  ScratchDir dir;
  StoryClusterer first;
  for (const ClusterDocument& d : BridgeAndLibrary()) first.Add(d);
  const ClusterState saved = first.State();
  ASSERT_EQ(saved.stories.size(), 2u);
  Store store = OpenOrDie(dir / "a.db");
  ASSERT_TRUE(store.SaveStoryAssignments({}, saved).ok());
  const ClusterState loaded = LoadOrDie(store);
  ExpectSameState(saved, loaded);

  StoryClusterer from_memory(ClusterOptions{}, saved);
  StoryClusterer from_store(ClusterOptions{}, loaded);
  const ClusterDocument later =
      Doc("coast-5", "Varn bridge to stay shut while pier crack is examined",
          "The bridge over the river Varn will remain closed this week while engineers examine "
          "the crack in its central pier, the county roads office said on Tuesday.",
          kMonday + 86400, "Coast Ledger");
  const StoryId joined = from_store.Add(later);
  EXPECT_EQ(joined, from_memory.Add(later));
  EXPECT_EQ(joined, saved.stories[0].id);  // the bridge story
  ExpectSameState(from_memory.State(), from_store.State());
}

TEST(ClusterState, NoneSavedIsEmptyAndReplacingTheStoriesDropsIt) {
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  ASSERT_TRUE(store.AddArticles({MakeArticle("a", "A."), MakeArticle("b", "B.")}).ok());
  ClusterState empty = LoadOrDie(store);
  EXPECT_EQ(empty.documents, 0u);
  EXPECT_TRUE(empty.stories.empty());
  EXPECT_TRUE(empty.document_frequencies.empty());

  StoryClusterer clusterer;
  for (const ClusterDocument& d : BridgeAndLibrary()) clusterer.Add(d);
  ClusterState state = clusterer.State();
  ASSERT_TRUE(store.SaveStoryAssignments({{"a", "1"}, {"b", "2"}}, state).ok());
  EXPECT_EQ(LoadOrDie(store).stories.size(), 2u);
  // Fewer stories: the rest are removed, not left behind.
  state.stories.resize(1);
  ASSERT_TRUE(store.SaveStoryAssignments({{"a", "1"}, {"b", "1"}}, state).ok());
  ExpectSameState(state, LoadOrDie(store));
  // Stories saved without a state: the saved one no longer describes them.
  ASSERT_TRUE(store.SaveStoryAssignments({{"a", "x"}}).ok());
  empty = LoadOrDie(store);
  EXPECT_EQ(empty.documents, 0u);
  EXPECT_TRUE(empty.stories.empty());
}

TEST(ClusterState, AddedAssignmentsJoinTheStoredStories) {
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  ASSERT_TRUE(store
                  .AddArticles({
                      MakeArticle("vale-1", "The bridge was closed.", "Vale Tribune",
                                  "Varn bridge closed", "2024-05-13T07:10:00Z"),
                      MakeArticle("orvik-8", "A fire in the library.", "Orvik Standard",
                                  "Library fire", "2024-05-13T11:00:00Z"),
                  })
                  .ok());
  StoryClusterer clusterer;
  clusterer.Add(BridgeAndLibrary()[0]);
  clusterer.Add(BridgeAndLibrary()[2]);
  const ClusterState first = clusterer.State();
  ASSERT_TRUE(store.SaveStoryAssignments({{"vale-1", "1"}, {"orvik-8", "2"}}, first).ok());
  const std::vector<StorySummary> before = *store.ListStories();
  ASSERT_EQ(before.size(), 2u);

  // An earlier report ingested later, and a new event.
  ASSERT_TRUE(store
                  .AddArticles({
                      MakeArticle("hollin-3", "Engineers closed the bridge.", "Hollin Echo",
                                  "Cracked pier shuts Varn bridge", "2024-05-13T06:00:00Z"),
                      MakeArticle("coast-6", "A comet was found.", "Coast Ledger",
                                  "Tessel observatory spots new comet", "2024-05-14T10:00:00Z"),
                  })
                  .ok());
  EXPECT_EQ(UnclusteredIds(store), (std::vector<std::string>{"hollin-3", "coast-6"}));
  clusterer.Add(BridgeAndLibrary()[1]);
  clusterer.Add(Doc("coast-6", "Tessel observatory spots new comet", "A comet was found.",
                    kMonday + 86400, "Coast Ledger"));
  const ClusterState second = clusterer.State();
  ASSERT_TRUE(store.AddStoryAssignments({{"hollin-3", "1"}, {"coast-6", "3"}}, second).ok());
  EXPECT_TRUE(UnclusteredIds(store).empty());
  ExpectSameState(second, LoadOrDie(store));

  const std::vector<StorySummary> after = *store.ListStories();
  ASSERT_EQ(after.size(), 3u);
  const StorySummary* bridge = FindStory(after, "1");
  const StorySummary* library = FindStory(after, "2");
  const StorySummary* comet = FindStory(after, "3");
  ASSERT_TRUE(bridge != nullptr && library != nullptr && comet != nullptr);
  EXPECT_EQ(bridge->id, FindStory(before, "1")->id);
  EXPECT_EQ(library->id, FindStory(before, "2")->id);
  EXPECT_EQ(bridge->size, 2u);
  EXPECT_EQ(bridge->headline, "Cracked pier shuts Varn bridge");  // now the earliest
  EXPECT_EQ(bridge->first_published, "2024-05-13T06:00:00Z");
  EXPECT_EQ(bridge->outlets, (std::vector<std::string>{"Hollin Echo", "Vale Tribune"}));
  EXPECT_EQ(library->size, 1u);
  EXPECT_EQ(library->headline, "Library fire");
  EXPECT_EQ(comet->size, 1u);
  EXPECT_EQ(comet->headline, "Tessel observatory spots new comet");

  // An article that has a story, or is not stored, changes nothing.
  const Status again = store.AddStoryAssignments({{"vale-1", "3"}}, first);
  EXPECT_EQ(again.code(), Status::Code::kUsage);
  EXPECT_NE(again.message().find("'vale-1' already has a story"), std::string::npos)
      << again.message();
  EXPECT_EQ(store.AddStoryAssignments({{"nowhere", "1"}}, first).code(), Status::Code::kNotFound);
  ExpectSameState(second, LoadOrDie(store));
  EXPECT_EQ(store.ListStories()->size(), 3u);

  // A state that is not the saved one plus the new articles: another run
  // saved in between, and this one would drop its stories from the state.
  ASSERT_TRUE(store.AddArticles({MakeArticle("late-1", "More on the comet.")}).ok());
  const Status stale = store.AddStoryAssignments({{"late-1", "3"}}, second);
  EXPECT_EQ(stale.code(), Status::Code::kUsage);
  EXPECT_NE(stale.message().find("changed while this run worked"), std::string::npos)
      << stale.message();
  ExpectSameState(second, LoadOrDie(store));
  EXPECT_EQ(UnclusteredIds(store), std::vector<std::string>{"late-1"});

  Store reader = OpenOrDie(dir / "a.db", OpenMode::kReadOnly);
  EXPECT_FALSE(reader.AddStoryAssignments({}, second).ok());
}

TEST(ClusterState, AVersion1FileIsUpgraded) {
  ScratchDir dir;
  const std::string path = dir / "old.db";
  int64_t story_id = 0;
  {
    Store store = OpenOrDie(path);
    ASSERT_TRUE(store
                    .AddArticles({MakeArticle("a", "A bridge closed."),
                                  MakeArticle("b", "A library burned.")})
                    .ok());
    ASSERT_TRUE(store.AddArticles({MakeArticle("c", "A bridge closed.", "Beacon")}).ok());
    ASSERT_TRUE(store.SaveStoryAssignments({{"a", "bridge"}}).ok());
    ASSERT_TRUE(store.ReplaceDuplicateGroups({{{"a", "c"}}}).ok());
    story_id = store.ListStories()->front().id;
  }
  // Migrations 2 to 9 undone: no cluster tables, duplicate_members in its
  // version-1 column order, no outlet counts, no schema_version rows 2 on.
  // The file is then what a version-1 parallax wrote.
  RawSql(path, R"sql(
    DROP TABLE fetched_pages;
    DROP TABLE feed_state;
    DROP TABLE story_comparisons;
    DROP INDEX stories_by_time;
    ALTER TABLE stories DROP COLUMN outlet_names;
    DROP TABLE story_voices;
    DROP TABLE voices_state;
    DROP TABLE article_quotes;
    DROP TABLE article_wording;
    DROP TABLE digest_state;
    DROP INDEX articles_by_outlet;
    DROP TABLE articles_fts;
    DROP TABLE search_state;
    DROP INDEX stories_by_size;
    DROP INDEX stories_by_coverage;
    ALTER TABLE stories DROP COLUMN outlets;
    DROP TABLE cluster_state;
    DROP TABLE cluster_stories;
    CREATE TABLE duplicate_members_v1 (
      group_id INTEGER NOT NULL REFERENCES duplicate_groups(id) ON DELETE CASCADE,
      article INTEGER NOT NULL UNIQUE REFERENCES articles(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (group_id, position)
    ) WITHOUT ROWID;
    INSERT INTO duplicate_members_v1 SELECT group_id, article, position FROM duplicate_members;
    DROP TABLE duplicate_members;
    ALTER TABLE duplicate_members_v1 RENAME TO duplicate_members;
    DELETE FROM schema_version WHERE version >= 2;
  )sql");

  const Result<Store> reader = Store::Open(path, OpenMode::kReadOnly);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("schema version 1"), std::string::npos)
      << reader.status().message();

  // Opening checks the file (quick_check), which SQLite 3.40 got wrong for
  // version 1's duplicate_members; the upgrade comes first and fixes that.
  Store store = OpenOrDie(path);
  EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
  EXPECT_TRUE(store.CheckIntegrity().ok()) << store.CheckIntegrity().ToString();
  EXPECT_EQ(*store.CountArticles(), 3u);
  ASSERT_EQ(store.DuplicateGroups()->size(), 1u);
  EXPECT_EQ(store.DuplicateGroups()->front().article_ids, (std::vector<std::string>{"a", "c"}));
  ASSERT_EQ(store.ListStories()->size(), 1u);
  EXPECT_EQ(store.ListStories()->front().id, story_id);
  EXPECT_EQ(UnclusteredIds(store), (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(LoadOrDie(store).stories.empty());
  StoryClusterer clusterer;
  clusterer.Add(BridgeAndLibrary()[2]);
  clusterer.Add(BridgeAndLibrary()[0]);
  ASSERT_TRUE(
      store.AddStoryAssignments({{"b", "library"}, {"c", "bridge"}}, clusterer.State()).ok());
  EXPECT_EQ(store.ListStories()->front().size, 2u);
  EXPECT_EQ(LoadOrDie(store).documents, 2u);
}

TEST(ClusterState, AVersion2FileIsUpgradedItsStoriesCitingNothing) {
  ScratchDir dir;
  const std::string path = dir / "v2.db";
  StoryClusterer clusterer;
  for (const ClusterDocument& d : BridgeAndLibrary()) clusterer.Add(d);
  ClusterState saved = clusterer.State();
  {
    Store store = OpenOrDie(path);
    ASSERT_TRUE(store.SaveStoryAssignments({}, saved).ok());
  }
  // Migrations 3 to 9 undone: what a version-2 parallax wrote.
  RawSql(path, R"sql(
    ALTER TABLE cluster_stories DROP COLUMN figures;
    ALTER TABLE cluster_stories DROP COLUMN weekdays;
    DROP TABLE fetched_pages;
    DROP TABLE feed_state;
    DROP TABLE story_comparisons;
    DROP INDEX stories_by_time;
    ALTER TABLE stories DROP COLUMN outlet_names;
    DROP TABLE story_voices;
    DROP TABLE voices_state;
    DROP TABLE article_quotes;
    DROP TABLE article_wording;
    DROP TABLE digest_state;
    DROP INDEX articles_by_outlet;
    DROP TABLE articles_fts;
    DROP TABLE search_state;
    DROP INDEX stories_by_size;
    DROP INDEX stories_by_coverage;
    ALTER TABLE stories DROP COLUMN outlets;
    DELETE FROM schema_version WHERE version >= 3;
  )sql");
  Store store = OpenOrDie(path);
  EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
  for (StoryState& s : saved.stories) {
    s.figures.clear();
    s.weekdays = 0;
  }
  ExpectSameState(saved, LoadOrDie(store));
}

TEST(ClusterState, FiguresThatAreNotASortedSetAreDamage) {
  ScratchDir dir;
  const std::string path = dir / "a.db";
  ClusterState state;
  state.documents = 1;
  StoryState story;
  story.id = 1;
  story.size = 1;
  story.figures = {1, 2};
  state.stories = {story};
  {
    Store store = OpenOrDie(path);
    ASSERT_TRUE(store.SaveStoryAssignments({}, state).ok());
  }
  // Two hashes, the larger first.
  RawSql(path, "UPDATE cluster_stories SET figures = x'02000000000000000100000000000000'");
  const Result<ClusterState> loaded = OpenOrDie(path, OpenMode::kReadOnly).LoadClusterState();
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("figures of story 1"), std::string::npos)
      << loaded.status().message();
}

// The size of the clustering bench's state (6,483 leads, ~2,200 stories)
// three times over; saving is part of every `cluster --db` run.
TEST(ClusterState, SixThousandStoriesRoundTripAndOnlyChangesAreRewritten) {
  ScratchDir dir;
  ClusterState state;
  state.documents = 18000;
  for (uint64_t t = 0; t < 150000; ++t) {
    state.document_frequencies.emplace_back(t * 0x9E3779B97F4A7C15ull >> 1, 1 + t % 50);
  }
  std::sort(state.document_frequencies.begin(), state.document_frequencies.end());
  for (uint64_t s = 0; s < 6000; ++s) {
    StoryState story;
    story.id = s + 1;
    story.size = 3;
    story.first_published = kMonday + static_cast<int64_t>(s) * 60;
    story.last_published = story.first_published + 3600;
    story.outlets = {"Coast Ledger", "Hollin Echo", "Vale Tribune"};
    for (uint64_t t = 0; t < 120; ++t) story.centroid.push_back({s * 1000 + t, 0.01f * (t + 1)});
    story.closest = 0.4f;
    state.stories.push_back(std::move(story));
  }
  const std::string path = dir / "big.db";
  Store store = OpenOrDie(path);
  ASSERT_TRUE(store.SaveStoryAssignments({}, state).ok());
  ExpectSameState(state, LoadOrDie(store));

  // The next run changes one story and adds one: only those rows are written.
  RawSql(path,
         "CREATE TABLE rewritten (position INTEGER);"
         "CREATE TRIGGER on_update AFTER UPDATE ON cluster_stories "
         "BEGIN INSERT INTO rewritten VALUES (NEW.position); END;"
         "CREATE TRIGGER on_insert AFTER INSERT ON cluster_stories "
         "BEGIN INSERT INTO rewritten VALUES (NEW.position); END");
  state.stories[17].size = 4;
  state.stories[17].centroid[3].weight += 0.25f;
  state.stories.push_back(state.stories[0]);
  state.stories.back().id = 6001;
  ASSERT_TRUE(store.SaveStoryAssignments({}, state).ok());
  ExpectSameState(state, LoadOrDie(store));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT group_concat(position) FROM "
                               "(SELECT position FROM rewritten ORDER BY position)",
                               -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "17,6000");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

}  // namespace
}  // namespace parallax
