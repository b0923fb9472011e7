// `parallax cluster --db` and `parallax dedup --db`, the real binary on
// invented articles: incremental clustering across ingests, groups saved,
// and databases that are damaged, missing or given with files.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::OpenOrDie;
using store_test::Outcome;
using store_test::ReadFile;
using store_test::RunChild;
using store_test::ScratchDir;
using store_test::WriteFile;

// Monday: a bridge closed (two outlets), a library fire (two outlets).
constexpr const char kMonday[] =
    R"({"id": "vale-1", "outlet": "Vale Tribune", "title": "Varn bridge closed after crack found in pier", "published": "2024-05-13T07:10:00Z", "text": "The Varn river bridge was closed to all traffic on Monday after engineers found a crack in its central pier, the county roads office said.\nDrivers face a detour of forty kilometres through Hollin while the pier is inspected."}
{"id": "hollin-3", "outlet": "Hollin Echo", "title": "Cracked pier shuts Varn bridge", "published": "2024-05-13T09:30:00Z", "text": "Engineers closed the bridge over the Varn on Monday when a crack was discovered in the central pier, according to the county roads office.\nTraffic is being sent through Hollin, a detour of about forty kilometres."}
{"id": "orvik-8", "outlet": "Orvik Standard", "title": "Fire damages Orvik library reading room", "published": "2024-05-13T11:00:00Z", "text": "A fire broke out in the reading room of the Orvik municipal library on Monday morning, destroying several hundred books.\nNo one was hurt; the fire brigade said an electrical fault was the likely cause."}
{"id": "vale-2", "outlet": "Vale Tribune", "title": "Library fire in Orvik destroys books", "published": "2024-05-13T15:00:00Z", "text": "Several hundred books were destroyed when fire swept through the reading room of Orvik's municipal library on Monday.\nFirefighters blamed an electrical fault. Nobody was injured."}
)";

// Tuesday: the bridge again, from a third outlet, and a new event.
constexpr const char kTuesday[] =
    R"({"id": "coast-5", "outlet": "Coast Ledger", "title": "Varn bridge to stay shut while pier crack is examined", "published": "2024-05-14T08:00:00Z", "text": "The bridge over the river Varn will remain closed this week while engineers examine the crack in its central pier, the county roads office said on Tuesday.\nMotorists must continue to use the forty-kilometre detour through Hollin."}
{"id": "coast-6", "outlet": "Coast Ledger", "title": "Tessel observatory spots new comet", "published": "2024-05-14T10:00:00Z", "text": "Astronomers at the Tessel observatory have discovered a comet that will be visible with binoculars in June, the observatory announced on Tuesday.\nThe comet was first seen on photographs taken on Saturday night."}
)";

// One wire story, a copy with a dateline and a footer, a copy cut short,
// and an unrelated article.
constexpr const char kWire[] =
    R"({"id": "wire-1", "outlet": "Northwire", "title": "Ferry operator orders two electric vessels", "text": "The Skerra ferry company has ordered two battery-powered vessels from a shipyard in Lundholm, its chief executive said on Thursday.\nThe ships will carry up to three hundred passengers each and are due to enter service on the route to the outer islands in the spring of 2026.\nThe company said the order was worth about ninety million crowns and would cut its fuel bill by more than half."}
{"id": "choir-2", "outlet": "Bay Courier", "title": "Choir wins regional prize", "text": "The Lundholm youth choir won first prize at the regional music festival on Saturday, beating eleven other choirs from across the province.\nIts conductor said the singers had rehearsed three evenings a week since January."}
{"id": "bay-4", "outlet": "Bay Courier", "title": "Skerra ferries go electric", "text": "LUNDHOLM (Northwire) - The Skerra ferry company has ordered two battery-powered vessels from a shipyard in Lundholm, its chief executive said on Thursday.\nThe ships will carry up to three hundred passengers each and are due to enter service on the route to the outer islands in the spring of 2026.\nThe company said the order was worth about ninety million crowns and would cut its fuel bill by more than half.\nSubscribe to the Bay Courier for more news from the coast."}
{"id": "isle-9", "outlet": "Isle Weekly", "title": "Two electric ferries ordered", "text": "The Skerra ferry company has ordered two battery-powered vessels from a shipyard in Lundholm, its chief executive said on Thursday.\nThe ships will carry up to three hundred passengers each."}
)";

// "id<TAB>story" lines -> id -> story, in order.
std::vector<std::pair<std::string, std::string>> ParseAssignments(const std::string& out) {
  std::vector<std::pair<std::string, std::string>> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    EXPECT_NE(tab, std::string::npos) << line;
    if (tab != std::string::npos) lines.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return lines;
}

// `parallax stories --json`: key -> (id, size).
std::map<std::string, std::pair<int64_t, int64_t>> StoriesByKey(const ScratchDir& dir,
                                                                const std::string& db) {
  const Outcome r = RunChild(dir, {"stories", "--db", db, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::pair<int64_t, int64_t>> stories;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json s = nlohmann::json::parse(line);
    stories[s.at("key").get<std::string>()] = {s.at("id").get<int64_t>(),
                                               s.at("size").get<int64_t>()};
  }
  return stories;
}

std::set<std::string> MembersOf(const std::string& db, int64_t story_id) {
  Store store = OpenOrDie(db, OpenMode::kReadOnly);
  const Result<std::vector<Article>> members = store.StoryArticles(story_id);
  EXPECT_TRUE(members.ok()) << members.status().ToString();
  std::set<std::string> ids;
  if (members.ok()) {
    for (const Article& a : *members) ids.insert(a.id);
  }
  return ids;
}

TEST(ClusterDbCli, NewArticlesJoinEarlierStoriesOrStartNewOnes) {
  ScratchDir dir;
  const std::string db = dir / "news.db";
  WriteFile(dir / "monday.jsonl", kMonday);
  WriteFile(dir / "tuesday.jsonl", kTuesday);
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "monday.jsonl"}).exit_code, 0);

  Outcome r = RunChild(dir, {"cluster", "--db", db, "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto monday = ParseAssignments(r.out);
  ASSERT_EQ(monday.size(), 4u) << r.out;
  std::map<std::string, std::string> story_of(monday.begin(), monday.end());
  EXPECT_EQ(story_of["vale-1"], story_of["hollin-3"]);
  EXPECT_EQ(story_of["orvik-8"], story_of["vale-2"]);
  EXPECT_NE(story_of["vale-1"], story_of["orvik-8"]);
  // The first run is what clustering the file gives.
  EXPECT_EQ(r.out, RunChild(dir, {"cluster", dir / "monday.jsonl"}).out);
  const auto before = StoriesByKey(dir, db);
  ASSERT_EQ(before.size(), 2u);
  const std::string bridge = story_of["vale-1"], library = story_of["orvik-8"];

  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "tuesday.jsonl"}).exit_code, 0);
  r = RunChild(dir, {"cluster", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto tuesday = ParseAssignments(r.out);  // only the new articles
  ASSERT_EQ(tuesday.size(), 2u) << r.out;
  EXPECT_EQ(tuesday[0], std::make_pair(std::string("coast-5"), bridge));
  EXPECT_EQ(tuesday[1].first, "coast-6");
  EXPECT_NE(tuesday[1].second, bridge);
  EXPECT_NE(tuesday[1].second, library);

  const auto after = StoriesByKey(dir, db);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after.at(bridge).first, before.at(bridge).first);  // the same story id
  EXPECT_EQ(after.at(bridge).second, 3);
  EXPECT_EQ(after.at(library), before.at(library));
  EXPECT_EQ(after.at(tuesday[1].second).second, 1);
  EXPECT_EQ(MembersOf(db, after.at(bridge).first),
            (std::set<std::string>{"vale-1", "hollin-3", "coast-5"}));
  EXPECT_EQ(MembersOf(db, after.at(library).first), (std::set<std::string>{"orvik-8", "vale-2"}));

  // Nothing new: nothing printed, nothing changed.
  r = RunChild(dir, {"cluster", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no new articles to cluster in " + db), std::string::npos) << r.err;
  EXPECT_EQ(StoriesByKey(dir, db), after);
  EXPECT_EQ(OpenOrDie(db, OpenMode::kReadOnly).LoadClusterState()->documents, 6u);
}

TEST(ClusterDbCli, RebuildClustersEveryStoredArticleAsOneFileWould) {
  ScratchDir dir;
  const std::string db = dir / "news.db";
  WriteFile(dir / "monday.jsonl", kMonday);
  WriteFile(dir / "tuesday.jsonl", kTuesday);
  WriteFile(dir / "both.jsonl", std::string(kMonday) + kTuesday);
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "monday.jsonl"}).exit_code, 0);
  ASSERT_EQ(RunChild(dir, {"cluster", "--db", db}).exit_code, 0);
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "tuesday.jsonl"}).exit_code, 0);
  ASSERT_EQ(RunChild(dir, {"cluster", "--db", db}).exit_code, 0);

  Outcome r = RunChild(dir, {"cluster", "--db", db, "--rebuild"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Every article, numbered as clustering the whole input at once does.
  EXPECT_EQ(r.out, RunChild(dir, {"cluster", dir / "both.jsonl"}).out);
  const auto stories = StoriesByKey(dir, db);
  int64_t articles = 0;
  for (const auto& [key, story] : stories) articles += story.second;
  EXPECT_EQ(articles, 6);
  // And the next run goes on from the rebuilt stories.
  r = RunChild(dir, {"cluster", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no new articles to cluster"), std::string::npos) << r.err;
  EXPECT_EQ(OpenOrDie(db, OpenMode::kReadOnly).LoadClusterState()->documents, 6u);

  r = RunChild(dir, {"cluster", "--rebuild", dir / "both.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--rebuild goes with --db"), std::string::npos) << r.err;
}

TEST(ClusterDbCli, AnEmptyDatabaseHasNothingToCluster) {
  ScratchDir dir;
  const std::string db = dir / "empty.db";
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db}).exit_code, 0);
  const Outcome r = RunChild(dir, {"cluster", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no articles in " + db), std::string::npos) << r.err;
}

TEST(DedupDbCli, PrintsThePairsAndSavesTheirGroup) {
  ScratchDir dir;
  const std::string db = dir / "wire.db";
  WriteFile(dir / "wire.jsonl", kWire);
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "wire.jsonl"}).exit_code, 0);
  const Outcome r = RunChild(dir, {"dedup", "--db", db, "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wire-1\tbay-4\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("wire-1\tisle-9\t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("choir-2"), std::string::npos) << r.out;
  EXPECT_EQ(r.out, RunChild(dir, {"dedup", dir / "wire.jsonl"}).out);  // as the file gives

  Store store = OpenOrDie(db, OpenMode::kReadOnly);
  const Result<std::vector<DuplicateGroup>> groups = store.DuplicateGroups();
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->size(), 1u);
  // The earliest ingested copy represents the group.
  EXPECT_EQ((*groups)[0].article_ids, (std::vector<std::string>{"wire-1", "bay-4", "isle-9"}));
}

TEST(DbCli, DamagedOrMissingDatabasesAreNamed) {
  ScratchDir dir;
  const std::string bad = dir / "bad.db";
  std::string garbage;
  for (int i = 0; i < 20000; ++i) garbage += static_cast<char>((i * 7919 + 13) & 0xFF);
  WriteFile(bad, garbage);
  for (const char* command : {"cluster", "dedup"}) {
    Outcome r = RunChild(dir, {command, "--db", bad});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_NE(r.err.find(bad + " is damaged or not a parallax database"), std::string::npos)
        << command << ": " << r.err;
    EXPECT_EQ(r.out, "");

    const std::string missing = dir / "missing.db";
    r = RunChild(dir, {command, "--db", missing});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_NE(r.err.find("no database " + missing), std::string::npos) << command << ": " << r.err;
    EXPECT_FALSE(std::ifstream(missing).good()) << command << " created " << missing;
  }
  EXPECT_EQ(ReadFile(bad), garbage);  // left alone
}

TEST(DbCli, DatabaseAndInputFilesTogetherAreAUsageError) {
  ScratchDir dir;
  WriteFile(dir / "monday.jsonl", kMonday);
  const std::string db = dir / "news.db";
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "monday.jsonl"}).exit_code, 0);
  for (const char* command : {"cluster", "dedup"}) {
    Outcome r = RunChild(dir, {command, "--db", db, dir / "monday.jsonl"});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("not both"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(RunChild(dir, {command, "--db", ""}).exit_code, 2) << command;
    EXPECT_EQ(RunChild(dir, {command, "--db"}).exit_code, 2) << command;

    r = RunChild(dir, {"help", command});
    EXPECT_NE(r.out.find("parallax " + std::string(command) + " --db PATH"), std::string::npos)
        << r.out;
  }
  EXPECT_TRUE(OpenOrDie(db, OpenMode::kReadOnly).ListStories()->empty());
}

}  // namespace
}  // namespace parallax
