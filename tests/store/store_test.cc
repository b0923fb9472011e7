// The store as a library: schema and migrations, idempotent batches,
// transactions, damaged and foreign files, read-only use, duplicate groups
// and stories. Articles are invented; files live in a scratch directory.
#include "parallax/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <utility>
#include <vector>

#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::MakeArticle;
using store_test::OpenOrDie;
using store_test::RawSql;
using store_test::ReadFile;
using store_test::ScratchDir;
using store_test::WriteFile;

std::vector<std::string> StoredIds(const Store& store) {
  std::vector<std::string> ids;
  EXPECT_TRUE(store.ForEachArticle([&](const Article& a) {
                ids.push_back(a.id);
                return true;
              }).ok());
  return ids;
}

TEST(Store, NewFileGetsTheLatestSchemaInWalMode) {
  ScratchDir dir;
  const std::string path = dir / "new.db";
  {
    Store store = OpenOrDie(path);
    EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
    EXPECT_EQ(Store::LatestSchemaVersion(), 10);
    EXPECT_EQ(*store.CountArticles(), 0u);
  }
  EXPECT_EQ(ReadFile(path).substr(0, 16), std::string("SQLite format 3\0", 16));
  // Reopening migrates nothing again: one row per applied version.
  Store again = OpenOrDie(path);
  EXPECT_EQ(again.schema_version(), 10);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*), max(version) FROM schema_version; ", -1, &stmt,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 10);
  EXPECT_EQ(sqlite3_column_int(stmt, 1), 10);
  sqlite3_finalize(stmt);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(Store, RefusesAFileFromANewerParallax) {
  ScratchDir dir;
  const std::string path = dir / "future.db";
  { OpenOrDie(path); }
  RawSql(path, "INSERT INTO schema_version VALUES (99, 'later')");
  const Result<Store> store = Store::Open(path, OpenMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer parallax"), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find(path), std::string::npos);
}

TEST(Store, RefusesAnotherProgramsDatabase) {
  ScratchDir dir;
  const std::string path = dir / "other.db";
  RawSql(path, "CREATE TABLE accounts (id INTEGER, balance REAL)");
  const Result<Store> store = Store::Open(path, OpenMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not parallax's"), std::string::npos)
      << store.status().message();
}

TEST(Store, ReadOnlyOpenNeedsAnExistingFile) {
  ScratchDir dir;
  const Result<Store> store = Store::Open(dir / "missing.db", OpenMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
  EXPECT_NE(store.status().message().find("parallax ingest --db"), std::string::npos);
}

TEST(Store, SameArticleTwiceIsStoredOnce) {
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  const Result<AddReport> first = store.AddArticles(
      {MakeArticle("a", "The ferry did not sail."), MakeArticle("b", "Passengers waited."),
       MakeArticle("a", "The same id again, other text.")});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->counts.added, 2u);
  EXPECT_EQ(first->counts.duplicate, 1u);
  EXPECT_EQ(first->outcomes[2].kind, AddOutcome::Kind::kDuplicateId);

  const Result<AddReport> second = store.AddArticles({
      MakeArticle("a", "The ferry did not sail."),           // same id: a re-run
      MakeArticle("a-copy", "the ferry  did NOT\nsail."),    // same outlet, same text
      MakeArticle("a-wire", "The ferry did not sail.", "Beacon"),  // syndication: kept
  });
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->outcomes[0].kind, AddOutcome::Kind::kDuplicateId);
  EXPECT_EQ(second->outcomes[1].kind, AddOutcome::Kind::kDuplicateText);
  EXPECT_EQ(second->outcomes[1].detail, "a");
  EXPECT_EQ(second->outcomes[2].kind, AddOutcome::Kind::kAdded);
  EXPECT_EQ(StoredIds(store), (std::vector<std::string>{"a", "b", "a-wire"}));
  // The first text stays.
  store.ForEachArticle([](const Article& a) {
    if (a.id == "a") {
      EXPECT_EQ(a.paragraphs[0].text, "The ferry did not sail.");
    }
    return true;
  });
}

TEST(Store, UnusableArticlesFailAloneWithAReason) {
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  Article no_text = MakeArticle("empty", "", "Courier", "   ");
  Article bad_utf8 = MakeArticle("bad", std::string("caf\xE9 au lait"));
  const Result<AddReport> report = store.AddArticles(
      {MakeArticle("", "no id"), no_text, bad_utf8, MakeArticle("good", "Fine text.")});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->counts.added, 1u);
  EXPECT_EQ(report->counts.failed, 3u);
  EXPECT_EQ(report->outcomes[0].detail, "no id");
  EXPECT_EQ(report->outcomes[1].detail, "no text and no title");
  EXPECT_NE(report->outcomes[2].detail.find("not valid UTF-8"), std::string::npos);
  EXPECT_EQ(StoredIds(store), std::vector<std::string>{"good"});
}

TEST(Store, ParagraphsComeBackWithRolesAndFields) {
  ScratchDir dir;
  Article a = MakeArticle("p1", "First \"quoted\" line\\with\ttab.", "Evening Post", "Ferry cancelled",
                          "2024-03-05T08:30:00Z");
  a.url = "https://post.example/ferry";
  a.language = "en";
  a.paragraphs.push_back({"The ferry at the pier.", ParagraphRole::kCaption, "figcaption"});
  a.paragraphs.push_back({"Share this", ParagraphRole::kBoilerplate, "widget"});
  a.paragraphs.push_back({"Ünïcödé, 日本語 and \x01 control", ParagraphRole::kBody, ""});
  {
    Store store = OpenOrDie(dir / "a.db");
    ASSERT_TRUE(store.AddArticles({a}).ok());
  }
  Store store = OpenOrDie(dir / "a.db", OpenMode::kReadOnly);
  std::vector<Article> read;
  ASSERT_TRUE(store.ForEachArticle([&](const Article& b) {
                read.push_back(b);
                return true;
              }).ok());
  ASSERT_EQ(read.size(), 1u);
  const Article& b = read[0];
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.source, a.source);
  EXPECT_EQ(b.outlet, a.outlet);
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.url, a.url);
  EXPECT_EQ(b.published, a.published);
  EXPECT_EQ(b.language, "en");
  ASSERT_EQ(b.paragraphs.size(), a.paragraphs.size());
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    EXPECT_EQ(b.paragraphs[i].text, a.paragraphs[i].text);
    EXPECT_EQ(b.paragraphs[i].role, a.paragraphs[i].role);
    EXPECT_EQ(b.paragraphs[i].why, a.paragraphs[i].why);
  }
}

TEST(Store, ContentHashIgnoresCaseAndWhiteSpaceButNotOutletOrWords) {
  const Article a = MakeArticle("x", "The ferry  did not\tsail.");
  Article b = MakeArticle("y", "the FERRY did not sail.");
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  EXPECT_EQ(ContentHash(a).size(), 32u);
  b.paragraphs = {{"The ferry", ParagraphRole::kBody, ""}, {"did not sail.", ParagraphRole::kBody, ""}};
  EXPECT_EQ(ContentHash(a), ContentHash(b));  // a line break is white space too
  EXPECT_NE(ContentHash(a), ContentHash(MakeArticle("x", "The ferry did sail.")));
  EXPECT_NE(ContentHash(a), ContentHash(MakeArticle("x", "The ferry did not sail.", "Beacon")));
}

TEST(Store, AHeadlineWithoutTextIsAnArticleKnownByItsHeadline) {
  // A feed item may be a headline alone: stored, and told apart from the
  // outlet's other headlines (not all one article for having no text).
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  const Result<AddReport> report = store.AddArticles({
      MakeArticle("h1", "", "Ledger", "Emberly port shut as dockers walk out"),
      MakeArticle("h2", "", "Ledger", "Valdmoor museum returns stolen bell"),
      MakeArticle("h3", "", "Ledger", "EMBERLY port shut as  dockers walk out"),
      // A text that reads like another's headline is not that headline.
      MakeArticle("t1", "Emberly port shut as dockers walk out", "Ledger", "Port news"),
  });
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->counts.added, 3u);
  EXPECT_EQ(report->counts.failed, 0u);
  EXPECT_EQ(report->outcomes[2].kind, AddOutcome::Kind::kDuplicateText);
  EXPECT_EQ(report->outcomes[2].detail, "h1");
  EXPECT_EQ(StoredIds(store), (std::vector<std::string>{"h1", "h2", "t1"}));
}

TEST(Store, ATextKeepsItsKeyWhateverItsHeadline) {
  // Stores written before headlines-alone were stored keep matching.
  const Article a = MakeArticle("x", "The ferry did not sail.", "Courier", "Ferry stays in port");
  const Article b = MakeArticle("y", "The ferry did not sail.", "Courier", "");
  EXPECT_EQ(ContentHash(a), ContentHash(b));
}

TEST(Store, AFailedBatchStoresNothingOfIt) {
  ScratchDir dir;
  const std::string path = dir / "a.db";
  { OpenOrDie(path); }
  // Another program's trigger makes the third insert fail mid-batch.
  RawSql(path,
         "CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.external_id = 'poison' "
         "BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
  Store store = OpenOrDie(path);
  ASSERT_TRUE(store.AddArticles({MakeArticle("before", "Stored first.")}).ok());
  const Result<AddReport> failed = store.AddArticles(
      {MakeArticle("one", "One."), MakeArticle("two", "Two."), MakeArticle("poison", "Bad."),
       MakeArticle("four", "Four.")});
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find(path), std::string::npos);
  EXPECT_EQ(StoredIds(store), std::vector<std::string>{"before"});
  // The store is usable afterwards.
  ASSERT_TRUE(store.AddArticles({MakeArticle("after", "Stored later.")}).ok());
  EXPECT_EQ(*store.CountArticles(), 2u);
}

TEST(Store, GarbageFileIsNamedAsDamaged) {
  ScratchDir dir;
  const std::string path = dir / "garbage.db";
  std::string garbage;
  for (int i = 0; i < 8192; ++i) garbage += static_cast<char>((i * 7919 + 13) & 0xFF);
  WriteFile(path, garbage);
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    const Result<Store> store = Store::Open(path, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(store.status().message().find(path + " is damaged or not a parallax database"),
              std::string::npos)
        << store.status().message();
  }
  EXPECT_EQ(ReadFile(path), garbage);  // never "repaired" by overwriting
}

TEST(Store, DamagedPagesAreReportedNotCrashedOn) {
  ScratchDir dir;
  const std::string path = dir / "a.db";
  {
    Store store = OpenOrDie(path);
    std::vector<Article> batch;
    for (int i = 0; i < 300; ++i) {
      batch.push_back(MakeArticle("id" + std::to_string(i),
                                  "Article number " + std::to_string(i) + std::string(900, 'x')));
    }
    ASSERT_TRUE(store.AddArticles(batch).ok());
  }
  std::string bytes = ReadFile(path);
  ASSERT_GT(bytes.size(), 100000u);
  for (size_t i = bytes.size() / 3; i < bytes.size() / 3 + 60000; ++i) bytes[i] = static_cast<char>(i * 31);
  WriteFile(path, bytes);
  Result<Store> store = Store::Open(path, OpenMode::kReadOnly);
  if (!store.ok()) {
    EXPECT_NE(store.status().message().find(path), std::string::npos);
    return;
  }
  const Status integrity = store->CheckIntegrity();
  ASSERT_FALSE(integrity.ok());
  EXPECT_NE(integrity.message().find(path + " is damaged"), std::string::npos)
      << integrity.message();
  const Status read = store->ForEachArticle([](const Article&) { return true; });
  if (!read.ok()) {
    EXPECT_NE(read.message().find(path), std::string::npos) << read.message();
  }
}

TEST(Store, ReadOnlyStoreRefusesWrites) {
  ScratchDir dir;
  const std::string path = dir / "a.db";
  { ASSERT_TRUE(OpenOrDie(path).AddArticles({MakeArticle("a", "Text.")}).ok()); }
  Store store = OpenOrDie(path, OpenMode::kReadOnly);
  const Result<AddReport> added = store.AddArticles({MakeArticle("b", "More.")});
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.status().message().find("read-only"), std::string::npos);
  EXPECT_FALSE(store.SaveStoryAssignments({{"a", "s"}}).ok());
  EXPECT_FALSE(store.ReplaceDuplicateGroups({}).ok());
  EXPECT_EQ(*store.CountArticles(), 1u);
}

TEST(Store, DuplicateGroupsRoundTripAndReplace) {
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  ASSERT_TRUE(store.AddArticles({MakeArticle("a", "A."), MakeArticle("b", "B."), MakeArticle("c", "C."),
                                 MakeArticle("d", "D.")})
                  .ok());
  ASSERT_TRUE(store.ReplaceDuplicateGroups({{{"c", "a"}}, {{"b", "d"}}}).ok());
  Result<std::vector<DuplicateGroup>> groups = store.DuplicateGroups();
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].article_ids, (std::vector<std::string>{"c", "a"}));
  EXPECT_EQ((*groups)[1].article_ids, (std::vector<std::string>{"b", "d"}));

  // Bad input changes nothing.
  const Status unknown = store.ReplaceDuplicateGroups({{{"a", "zzz"}}});
  EXPECT_EQ(unknown.code(), Status::Code::kNotFound);
  EXPECT_NE(unknown.message().find("'zzz'"), std::string::npos);
  EXPECT_FALSE(store.ReplaceDuplicateGroups({{{"a", "b"}}, {{"b", "c"}}}).ok());
  EXPECT_EQ(store.DuplicateGroups()->size(), 2u);

  ASSERT_TRUE(store.ReplaceDuplicateGroups({{{"d", "c", "b"}}}).ok());
  ASSERT_EQ(store.DuplicateGroups()->size(), 1u);
  EXPECT_EQ((*store.DuplicateGroups())[0].article_ids, (std::vector<std::string>{"d", "c", "b"}));
}

TEST(Store, StoriesSaveListAndReturnTheirArticles) {
  ScratchDir dir;
  Store store = OpenOrDie(dir / "a.db");
  Article late = MakeArticle("late", "Later report.", "Beacon", "Ferry back in service", "2024-03-07");
  Article early = MakeArticle("early", "First report.", "Courier", "Ferry cancelled", "2024-03-05T08:00:00Z");
  early.paragraphs.push_back({"Photo caption.", ParagraphRole::kCaption, "figcaption"});
  Article undated = MakeArticle("undated", "No date.", "Post", "Undated title");
  Article other = MakeArticle("other", "Election news.", "Courier", "", "2024-01-01");
  ASSERT_TRUE(store.AddArticles({late, early, undated, other}).ok());

  ASSERT_TRUE(store.SaveStoryAssignments(
                       {{"late", "ferry"}, {"early", "ferry"}, {"undated", "ferry"}, {"other", "vote"}})
                  .ok());
  Result<std::vector<StorySummary>> stories = store.ListStories();
  ASSERT_TRUE(stories.ok()) << stories.status().ToString();
  ASSERT_EQ(stories->size(), 2u);
  const StorySummary ferry = (*stories)[0];  // largest first
  EXPECT_EQ(ferry.key, "ferry");
  EXPECT_EQ(ferry.size, 3u);
  EXPECT_EQ(ferry.headline, "Ferry cancelled");
  EXPECT_EQ(ferry.first_published, "2024-03-05T08:00:00Z");
  EXPECT_EQ(ferry.last_published, "2024-03-07");
  EXPECT_EQ(ferry.outlets, (std::vector<std::string>{"Beacon", "Courier", "Post"}));
  const StorySummary vote = (*stories)[1];
  EXPECT_EQ(vote.headline, "Election news.");  // no title anywhere: the text's start

  Result<std::vector<Article>> members = store.StoryArticles(ferry.id);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 3u);
  EXPECT_EQ((*members)[0].id, "early");
  EXPECT_EQ((*members)[1].id, "late");
  EXPECT_EQ((*members)[2].id, "undated");
  ASSERT_EQ((*members)[0].paragraphs.size(), 2u);
  EXPECT_EQ((*members)[0].paragraphs[1].role, ParagraphRole::kCaption);

  // Re-clustering: "vote" disappears, "ferry" keeps its id, a new story starts.
  ASSERT_TRUE(store.SaveStoryAssignments({{"late", "ferry"}, {"early", "ferry"}, {"other", "new"}}).ok());
  stories = store.ListStories();
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].id, ferry.id);
  EXPECT_EQ((*stories)[0].size, 2u);
  EXPECT_EQ((*stories)[1].key, "new");
  EXPECT_NE((*stories)[1].id, vote.id);
  EXPECT_EQ(store.StoryArticles(vote.id).status().code(), Status::Code::kNotFound);

  // Unknown or twice-assigned articles change nothing.
  EXPECT_EQ(store.SaveStoryAssignments({{"nope", "x"}}).code(), Status::Code::kNotFound);
  EXPECT_FALSE(store.SaveStoryAssignments({{"late", "x"}, {"late", "y"}}).ok());
  EXPECT_EQ(store.ListStories()->size(), 2u);
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

TEST(StoreStories, APageOfTheListIsThatSliceOfTheWholeList) {
  store_test::ScratchDir dir;
  Store store = store_test::OpenOrDie(dir / "s.db");
  std::vector<Article> articles;
  Store::StoryAssignments assignments;
  // Stories of 1 to 7 articles, two of each size, from several outlets.
  int n = 0;
  for (int size = 1; size <= 7; ++size) {
    for (int copy = 0; copy < 2; ++copy) {
      const std::string key = "s" + std::to_string(size) + "-" + std::to_string(copy);
      for (int k = 0; k < size; ++k) {
        Article a = store_test::MakeArticle("a" + std::to_string(n), "Invented event " + key + " report " + std::to_string(k));
        a.outlet = "Outlet " + std::to_string(k % 3);
        articles.push_back(a);
        assignments.emplace_back(a.id, key);
        ++n;
      }
    }
  }
  ASSERT_TRUE(store.AddArticles(articles).ok());
  ASSERT_TRUE(store.SaveStoryAssignments(assignments).ok());
  const Result<std::vector<StorySummary>> all = store.ListStories();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 14u);
  EXPECT_EQ(*store.CountStories(), 14u);
  for (size_t offset : {0u, 1u, 5u, 13u, 14u, 40u}) {
    for (size_t limit : {0u, 1u, 3u, 50u}) {
      const Result<std::vector<StorySummary>> page = store.ListStories(offset, limit);
      ASSERT_TRUE(page.ok());
      const size_t begin = std::min(offset, all->size()), end = std::min(all->size(), offset + limit);
      ASSERT_EQ(page->size(), end - begin) << offset << "+" << limit;
      for (size_t i = 0; i < page->size(); ++i) {
        EXPECT_EQ((*page)[i].id, (*all)[begin + i].id);
        EXPECT_EQ((*page)[i].outlets, (*all)[begin + i].outlets);
        EXPECT_EQ((*page)[i].size, (*all)[begin + i].size);
      }
    }
  }
  EXPECT_EQ(all->front().size, 7u);
  EXPECT_EQ(all->front().outlets, (std::vector<std::string>{"Outlet 0", "Outlet 1", "Outlet 2"}));
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

// Three stories: a big one from one outlet, a smaller one from three
// outlets on Tuesday, one from two outlets on Wednesday.
Store ThreeStories(const store_test::ScratchDir& dir) {
  Store store = store_test::OpenOrDie(dir / "s.db");
  using store_test::MakeArticle;
  EXPECT_TRUE(store.AddArticles({
      MakeArticle("a1", "Harbour cranes idle on Monday.", "Courier", "Cranes idle", "2026-11-23T08:00:00Z"),
      MakeArticle("a2", "The cranes stayed idle through Monday night.", "Courier", "", "2026-11-23T20:00:00Z"),
      MakeArticle("a3", "Crane drivers were still out on Tuesday morning.", "Courier", "", "2026-11-24T06:00:00Z"),
      MakeArticle("a4", "A fourth report of the idle cranes.", "Courier", "", "2026-11-24T07:00:00Z"),
      MakeArticle("b1", "Parliament passed the housing bill on Tuesday.", "Courier", "Bill passes", "2026-11-24T18:00:00Z"),
      MakeArticle("b2", "The housing bill cleared parliament.", "Beacon", "", "2026-11-24T18:30:00Z"),
      MakeArticle("b3", "MPs approved the housing bill.", "Ledger", "", "2026-11-24T19:00:00Z"),
      MakeArticle("c1", "Floods in the valley on Wednesday.", "Beacon", "Floods", "2026-11-25T06:00:00Z"),
      MakeArticle("c2", "The river burst its banks on Wednesday.", "Ledger", "", "2026-11-25T08:00:00Z"),
  }).ok());
  EXPECT_TRUE(store.SaveStoryAssignments({{"a1", "cranes"}, {"a2", "cranes"}, {"a3", "cranes"}, {"a4", "cranes"},
                                          {"b1", "bill"}, {"b2", "bill"}, {"b3", "bill"},
                                          {"c1", "floods"}, {"c2", "floods"}})
                  .ok());
  return store;
}

std::vector<std::string> Headlines(const Result<std::vector<StorySummary>>& stories) {
  std::vector<std::string> out;
  for (const StorySummary& s : *stories) out.push_back(s.headline);
  return out;
}

TEST(StoreStories, ListedByOutletsThenRecencyOrBySize) {
  store_test::ScratchDir dir;
  Store store = ThreeStories(dir);
  EXPECT_EQ(Headlines(store.ListStories()), (std::vector<std::string>{"Cranes idle", "Bill passes", "Floods"}));
  StoryQuery query;
  query.order = StoryOrder::kMostOutletsRecent;
  EXPECT_EQ(Headlines(store.ListStories(query)), (std::vector<std::string>{"Bill passes", "Floods", "Cranes idle"}));
}

TEST(StoreStories, AWindowHoldsTheStoriesPublishedInIt) {
  store_test::ScratchDir dir;
  Store store = ThreeStories(dir);
  StoryQuery tuesday;
  tuesday.order = StoryOrder::kMostOutletsRecent;
  tuesday.from = "2026-11-24";
  tuesday.to = "2026-11-25";
  // The cranes ran into Tuesday; the floods began on Wednesday.
  EXPECT_EQ(Headlines(store.ListStories(tuesday)), (std::vector<std::string>{"Bill passes", "Cranes idle"}));
  EXPECT_EQ(*store.CountStories(tuesday), 2u);
  StoryQuery since;
  since.from = "2026-11-24T12:00:00Z";
  EXPECT_EQ(Headlines(store.ListStories(since)), (std::vector<std::string>{"Bill passes", "Floods"}));
  EXPECT_EQ(*store.CountStories(since), 2u);
}

TEST(StoreStories, AVersion3FileGainsItsOutletCounts) {
  store_test::ScratchDir dir;
  {
    Store store = ThreeStories(dir);
  }
  store_test::RawSql(dir / "s.db", R"sql(
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
    DELETE FROM schema_version WHERE version >= 4;
  )sql");
  Store store = store_test::OpenOrDie(dir / "s.db");
  EXPECT_EQ(store.schema_version(), Store::LatestSchemaVersion());
  StoryQuery query;
  query.order = StoryOrder::kMostOutletsRecent;
  EXPECT_EQ(Headlines(store.ListStories(query)), (std::vector<std::string>{"Bill passes", "Floods", "Cranes idle"}));
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

TEST(StoreSearch, FindsWordsAfterIndexingGroupedWithTheirStory) {
  store_test::ScratchDir dir;
  Store store = ThreeStories(dir);
  // Not indexed yet: nothing is found, and the store says how much waits.
  EXPECT_EQ(*store.UnsearchableArticles(), 9u);
  SearchQuery query;
  query.text = "housing bill";
  EXPECT_TRUE(store.Search(query)->empty());
  EXPECT_EQ(*store.UpdateSearchIndex(), 9u);
  EXPECT_EQ(*store.UnsearchableArticles(), 0u);
  EXPECT_EQ(*store.UpdateSearchIndex(), 0u) << "nothing new to index";

  const std::vector<SearchHit> hits = *store.Search(query);
  ASSERT_EQ(hits.size(), 3u);
  for (const SearchHit& hit : hits) {
    EXPECT_NE(hit.story, 0);
    EXPECT_NE(hit.snippet.find("\x01"), std::string::npos) << hit.snippet;
    EXPECT_EQ(hit.article_id[0], 'b');
  }
  // Outlets and a window narrow it.
  query.outlets = {"Beacon", "Ledger"};
  EXPECT_EQ(store.Search(query)->size(), 2u);
  query.outlets.clear();
  query.text = "cranes";
  query.from = "2026-11-24";
  EXPECT_EQ(store.Search(query)->size(), 1u) << "only Tuesday's crane report";
}

TEST(StoreSearch, AnyTextIsWordsNeverQuerySyntax) {
  store_test::ScratchDir dir;
  Store store = ThreeStories(dir);
  ASSERT_TRUE(store.UpdateSearchIndex().ok());
  for (const char* text : {"\"", "NEAR(housing bill)", "title:housing", "housing*", "- OR AND NOT", "(((", "",
                           "\x01\x02", "bill\"; DROP TABLE articles; --"}) {
    SearchQuery query;
    query.text = text;
    const Result<std::vector<SearchHit>> hits = store.Search(query);
    EXPECT_TRUE(hits.ok()) << text << ": " << hits.status().ToString();
  }
  SearchQuery quoted;
  quoted.text = "\"housing\" (bill)";
  EXPECT_EQ(store.Search(quoted)->size(), 3u);
  EXPECT_EQ(*store.CountArticles(), 9u);
}

TEST(StoreSearch, NewArticlesAreFoundOnceIndexed) {
  store_test::ScratchDir dir;
  Store store = ThreeStories(dir);
  ASSERT_TRUE(store.UpdateSearchIndex().ok());
  ASSERT_TRUE(store.AddArticles({store_test::MakeArticle("d1", "A comet was seen over Tessel.", "Courier")}).ok());
  SearchQuery query;
  query.text = "comet";
  EXPECT_TRUE(store.Search(query)->empty());
  EXPECT_EQ(*store.UnsearchableArticles(), 1u);
  EXPECT_EQ(*store.UpdateSearchIndex(), 1u);
  ASSERT_EQ(store.Search(query)->size(), 1u);
  EXPECT_EQ(store.Search(query)->front().story, 0) << "no story yet";
}

}  // namespace
}  // namespace parallax
