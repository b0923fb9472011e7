// `parallax ingest`, `parallax stories` and `compare --db --story`, the real
// binary on invented inputs: summaries, FILE:LINE messages, exit codes, and
// databases that are damaged, read-only or in a read-only directory.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <map>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::Outcome;
using store_test::ReadFile;
using store_test::RunChild;
using store_test::RunOptions;
using store_test::ScratchDir;
using store_test::WriteFile;

constexpr uid_t kNobody = 65534;

// Three reports of one invented event, as JSON lines.
std::string FerryJsonLines() {
  return R"({"id": "courier-1", "outlet": "Skelda Courier", "title": "Evening ferry cancelled", "published": "2024-03-05T08:30:00Z", "text": "The harbour authority said on Tuesday that the evening ferry to Skelda would not sail until the storm had passed.\nMore than two hundred passengers were left waiting at the terminal, the authority said."}
{"id": "beacon-7", "outlet": "Harbour Beacon", "title": "Storm halts Skelda ferry", "published": "2024-03-05T10:00:00Z", "text": "The evening ferry to Skelda was cancelled on Tuesday because of the storm, the harbour authority said.\nA spokeswoman said passengers would be offered places on the first crossing on Wednesday."}
{"id": 42, "outlet": "Evening Post", "text": "Passengers spent the night in the terminal after the ferry to Skelda was cancelled.\nThe coastguard recorded gusts of more than ninety kilometres an hour, the authority said."}
)";
}

std::string StoreCount(const std::string& db) {
  Result<Store> store = Store::Open(db, OpenMode::kReadOnly);
  if (!store.ok()) return store.status().message();
  return std::to_string(*store->CountArticles());
}

TEST(IngestCli, StoresJsonLinesAndIsIdempotent) {
  ScratchDir dir;
  WriteFile(dir / "ferry.jsonl", FerryJsonLines());
  const std::string db = dir / "news.db";
  Outcome r = RunChild(dir, {"ingest", "--db", db, dir / "ferry.jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "added 3, duplicates 0, failed 0 (3 articles in " + db + ")\n");
  EXPECT_EQ(r.err, "");  // not a terminal: no progress line
  r = RunChild(dir, {"ingest", "--db", db, dir / "ferry.jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "added 0, duplicates 3 (3 same id, 0 same text), failed 0 (3 articles in " + db +
                       ")\n");
  Store store = std::move(Store::Open(db, OpenMode::kReadOnly)).value();
  std::vector<std::string> ids;
  store.ForEachArticle([&](const Article& a) {
    ids.push_back(a.id);
    if (a.id == "courier-1") {
      EXPECT_EQ(a.title, "Evening ferry cancelled");
      EXPECT_EQ(a.published, "2024-03-05T08:30:00Z");
      EXPECT_EQ(a.language, "en");
      EXPECT_EQ(a.source, dir / "ferry.jsonl:1");
      EXPECT_EQ(a.paragraphs.size(), 2u);
    }
    return true;
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"courier-1", "beacon-7", "42"}));
}

TEST(IngestCli, ReadsGzippedJsonLines) {
  ScratchDir dir;
  const std::string gz = dir / "ferry.jsonl.gz";
  gzFile out = gzopen(gz.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  const std::string lines = FerryJsonLines();
  ASSERT_EQ(gzwrite(out, lines.data(), static_cast<unsigned>(lines.size())),
            static_cast<int>(lines.size()));
  ASSERT_EQ(gzclose(out), Z_OK);
  const Outcome r = RunChild(dir, {"ingest", "--db", dir / "a.db", gz});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 9), "added 3, ") << r.out;
}

TEST(IngestCli, BadLinesAreNamedAndTheRestStored) {
  ScratchDir dir;
  WriteFile(dir / "mixed.jsonl",
            "{\"id\": \"ok-1\", \"text\": \"A usable record.\"}\n"
            "this is not json\n"
            "{\"text\": \"no id here\"}\n"
            "{\"id\": \"blank\", \"text\": \"   \"}\n"
            "\n"
            "{\"id\": \"ok-1\", \"text\": \"The same id again.\"}\n"
            "{\"id\": \"latin1\", \"text\": \"caf\xE9\"}\n"
            "{\"id\": \"ok-2\", \"text\": \"Another usable record.\"\n"
            "{\"id\": \"ok-3\", \"text\": \"The last usable record.\"}\n");
  const std::string db = dir / "a.db";
  const Outcome r = RunChild(dir, {"ingest", "--db", db, dir / "mixed.jsonl", dir / "missing.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  const std::string f = dir / "mixed.jsonl";
  EXPECT_NE(r.err.find(f + ":2: not a JSON object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":3: no \"id\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":4: no text and no title"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":7: text is not valid UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":8: ',' or '}' expected"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir / "missing.jsonl: not found"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "added 2, duplicates 1 (1 same id, 0 same text), failed 6 (2 articles in " + db +
                       ")\n");
}

TEST(IngestCli, ManyFailuresAreCountedNotListed) {
  ScratchDir dir;
  std::string lines;
  for (int i = 0; i < 50; ++i) lines += "{\"id\": \"x" + std::to_string(i) + "\"}\n";
  WriteFile(dir / "bad.jsonl", lines);
  const Outcome r = RunChild(dir, {"ingest", "--db", dir / "a.db", dir / "bad.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  size_t shown = 0;
  for (size_t p = r.err.find("bad.jsonl:"); p != std::string::npos; p = r.err.find("bad.jsonl:", p + 1)) {
    ++shown;
  }
  EXPECT_EQ(shown, 20u);
  EXPECT_NE(r.err.find("30 more failures not shown"), std::string::npos) << r.err;
}

TEST(IngestCli, PagesAndDirectoriesGoThroughTheExtractor) {
  ScratchDir dir;
  ::mkdir((dir / "in").c_str(), 0755);
  WriteFile(dir / "in/page.html",
            "<html><head><title>Ferry cancelled | The Skelda Courier</title>"
            "<meta property=\"og:site_name\" content=\"The Skelda Courier\"></head><body><article>"
            "<p>The harbour authority said on Tuesday that the evening ferry to Skelda would not sail "
            "until the storm over the strait had passed.</p><p>More than two hundred passengers "
            "waited in the terminal through the night, with hot drinks and blankets.</p>"
            "</article></body></html>");
  WriteFile(dir / "in/feed.jsonl", FerryJsonLines());
  WriteFile(dir / "in/binary.txt", std::string("\x7F" "ELF\0\0\x01", 7));
  const std::string db = dir / "a.db";
  const Outcome r = RunChild(dir, {"ingest", "--db", db, dir / "in"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // binary.txt
  EXPECT_NE(r.err.find(dir / "in/binary.txt: "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("added 4,"), std::string::npos) << r.out;
  Store store = std::move(Store::Open(db, OpenMode::kReadOnly)).value();
  bool found_page = false;
  store.ForEachArticle([&](const Article& a) {
    if (a.id == dir / "in/page.html") {
      found_page = true;
      EXPECT_EQ(a.outlet, "The Skelda Courier");
      EXPECT_EQ(a.title, "Ferry cancelled");
    }
    return true;
  });
  EXPECT_TRUE(found_page);
}

TEST(IngestCli, DamagedDatabaseIsNamedAndLeftAlone) {
  ScratchDir dir;
  WriteFile(dir / "ferry.jsonl", FerryJsonLines());
  const std::string garbage(20000, '\x5A');
  WriteFile(dir / "bad.db", garbage);
  const Outcome r = RunChild(dir, {"ingest", "--db", dir / "bad.db", dir / "ferry.jsonl"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find(dir / "bad.db is damaged or not a parallax database"), std::string::npos)
      << r.err;
  EXPECT_EQ(ReadFile(dir / "bad.db"), garbage);
  const Outcome s = RunChild(dir, {"stories", "--db", dir / "bad.db"});
  EXPECT_EQ(s.exit_code, 1);
  EXPECT_NE(s.err.find("damaged or not a parallax database"), std::string::npos) << s.err;
}

// True when every folder from `path` up to / lets other users through
// (their execute bit), so that user nobody can reach what is inside.
bool OthersCanEnter(const std::filesystem::path& path) {
  for (std::filesystem::path p = std::filesystem::absolute(path);; p = p.parent_path()) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || (st.st_mode & S_IXOTH) == 0) return false;
    if (p == p.root_path()) return true;
  }
}

// Where a scratch folder for user nobody can go: the temporary folder when
// nobody can reach it, else one of the world-writable folders every Linux
// has; empty when none will do. The clone itself may sit where nobody
// cannot go (root's home, a mktemp -d), so the binary is copied there too.
std::string FolderNobodyCanReach() {
  if (::geteuid() != 0) return "";  // not root: the tests run as ourselves
  for (const std::filesystem::path& p :
       {std::filesystem::temp_directory_path(), std::filesystem::path("/tmp"), std::filesystem::path("/var/tmp"),
        std::filesystem::path("/dev/shm")}) {
    if (OthersCanEnter(p)) return p.string();
  }
  return "";
}

// Read-only files and directories. Root ignores permissions, so as root
// the binary runs as nobody, copied into a folder nobody can reach; as
// another user, as that user.
class ReadOnlyDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() == 0) {
      if (reachable_.empty()) GTEST_SKIP() << "no temporary folder that user nobody can enter";
      options_.uid = kNobody;
      options_.binary = dir_ / "parallax";
      std::filesystem::copy_file(PARALLAX_BINARY, options_.binary);
      ::chmod(options_.binary.c_str(), 0755);
    }
    WriteFile(dir_ / "ferry.jsonl", FerryJsonLines());
    ::chmod((dir_ / "ferry.jsonl").c_str(), 0644);
    db_ = dir_ / "news.db";
    const Outcome r = RunChild(dir_, {"ingest", "--db", db_, dir_ / "ferry.jsonl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    WriteFile(dir_ / "more.jsonl", "{\"id\": \"new\", \"text\": \"A new article.\"}\n");
    ::chmod((dir_ / "more.jsonl").c_str(), 0644);
  }
  const std::string reachable_ = FolderNobodyCanReach();
  ScratchDir dir_{reachable_};
  std::string db_;
  RunOptions options_;
};

TEST_F(ReadOnlyDatabase, ReadOnlyFileIsAClearErrorAndKeepsItsArticles) {
  ::chmod(dir_.path().c_str(), 0777);
  ::chmod(db_.c_str(), 0444);
  const Outcome r = RunChild(dir_, {"ingest", "--db", db_, dir_ / "more.jsonl"}, options_);
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_NE(r.err.find("cannot write to " + db_ + ": it is read-only"), std::string::npos) << r.err;
  ::chmod(db_.c_str(), 0644);
  EXPECT_EQ(StoreCount(db_), "3");
}

TEST_F(ReadOnlyDatabase, ReadOnlyDirectoryIsAClearError) {
  ::chmod(db_.c_str(), 0666);
  ::chmod(dir_.path().c_str(), 0555);
  const Outcome r = RunChild(dir_, {"ingest", "--db", db_, dir_ / "more.jsonl"}, options_);
  ::chmod(dir_.path().c_str(), 0700);
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_NE(r.err.find("cannot write in the directory " + dir_.path()), std::string::npos) << r.err;
  EXPECT_EQ(StoreCount(db_), "3");
}

TEST_F(ReadOnlyDatabase, ReadersNeedNoWritePermission) {
  ::chmod(db_.c_str(), 0644);
  ::chmod(dir_.path().c_str(), 0555);
  const Outcome r = RunChild(dir_, {"stories", "--db", db_}, options_);
  ::chmod(dir_.path().c_str(), 0700);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no stories in " + db_ + " yet (3 articles)"), std::string::npos) << r.err;
}

TEST(StoriesCli, ListsStoriesAndComparesOne) {
  ScratchDir dir;
  WriteFile(dir / "ferry.jsonl", FerryJsonLines());
  const std::string db = dir / "news.db";
  ASSERT_EQ(RunChild(dir, {"ingest", "--db", db, dir / "ferry.jsonl"}).exit_code, 0);

  Outcome r = RunChild(dir, {"stories", "--db", db});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no stories in " + db + " yet (3 articles)"), std::string::npos) << r.err;

  int64_t story_id = 0;
  {
    Store store = std::move(Store::Open(db, OpenMode::kReadWrite)).value();
    ASSERT_TRUE(store.SaveStoryAssignments({{"courier-1", "ferry"}, {"beacon-7", "ferry"}, {"42", "ferry"}})
                    .ok());
    story_id = store.ListStories()->front().id;
  }
  r = RunChild(dir, {"stories", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(header.substr(0, 2), "ID");
  EXPECT_NE(header.find("HEADLINE"), std::string::npos);
  EXPECT_NE(row.find("3: Evening Post, Harbour Beacon, Skelda Courier"), std::string::npos) << row;
  EXPECT_NE(row.find("2024-03-05T08:30:00Z"), std::string::npos) << row;
  EXPECT_NE(row.find("Evening ferry cancelled"), std::string::npos) << row;

  r = RunChild(dir, {"stories", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0);
  const nlohmann::json story = nlohmann::json::parse(r.out);
  EXPECT_EQ(story.at("id"), story_id);
  EXPECT_EQ(story.at("size"), 3);
  EXPECT_EQ(story.at("outlets").size(), 3u);
  EXPECT_EQ(story.at("last_published"), "2024-03-05T10:00:00Z");

  r = RunChild(dir, {"compare", "--json", "--db", db, "--story", std::to_string(story_id)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json comparison = nlohmann::json::parse(r.out);
  std::vector<std::string> outlets;
  for (const auto& d : comparison.at("documents")) outlets.push_back(d.at("outlet"));
  // Earliest first; the undated article last.
  EXPECT_EQ(outlets, (std::vector<std::string>{"Skelda Courier", "Harbour Beacon", "Evening Post"}));

  r = RunChild(dir, {"compare", "--db", db, "--story", "999"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no story 999 in " + db), std::string::npos) << r.err;
  EXPECT_EQ(RunChild(dir, {"compare", "--db", db}).exit_code, 2);
  EXPECT_EQ(RunChild(dir, {"compare", "--story", "1", dir / "ferry.jsonl"}).exit_code, 2);
  EXPECT_EQ(RunChild(dir, {"stories", "--db", dir / "none.db"}).exit_code, 1);
}

TEST(IngestCli, AHeadlineAloneIsStoredClusteredAndLeftOutOfDedup) {
  // Feeds often carry headlines without their text.
  ScratchDir dir;
  WriteFile(dir / "feed.jsonl",
            "{\"id\": \"g1\", \"outlet\": \"Gazette\", \"title\": \"Dock strike halts Emberly "
            "harbour\", \"text\": \"Dock workers in Emberly began a strike on Tuesday after pay "
            "talks with the Northern Ports Authority collapsed.\"}\n"
            "{\"id\": \"l1\", \"outlet\": \"Ledger\", \"title\": \"Emberly dock strike: Northern "
            "Ports Authority pay talks collapse\"}\n"
            "{\"id\": \"l2\", \"outlet\": \"Ledger\", \"title\": \"Valdmoor museum returns a "
            "stolen bell\", \"text\": \"\"}\n");
  const std::string db = dir / "feed.db";
  Outcome r = RunChild(dir, {"ingest", "--db", db, dir / "feed.jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "added 3, duplicates 0, failed 0 (3 articles in " + db + ")\n");

  r = RunChild(dir, {"cluster", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> story;
  std::istringstream lines(r.out);
  for (std::string id, s; lines >> id >> s;) story[id] = s;
  ASSERT_EQ(story.size(), 3u) << r.out;
  EXPECT_EQ(story["g1"], story["l1"]);  // the headline names the same strike
  EXPECT_NE(story["g1"], story["l2"]);

  r = RunChild(dir, {"dedup", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 articles of " + db + " are headlines without text: not compared"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace parallax
