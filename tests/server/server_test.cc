// The web app in process, on a free loopback port, over a store of invented
// articles: pages, the JSON API, headers, errors, comparisons remade when a
// story changes, and hostile text kept inert. Clients talk to 127.0.0.1 only.
#include "parallax/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "parallax/store.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using nlohmann::json;

Article Make(const std::string& id, const std::string& outlet, const std::string& title,
             const std::vector<std::string>& paragraphs, const std::string& published) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.title = title;
  a.published = published;
  for (const std::string& p : paragraphs) a.paragraphs.push_back({p, ParagraphRole::kBody, ""});
  return a;
}

// Two invented events: a harbour strike told by three outlets (one of them
// hostile in its title), a library fire by one.
std::vector<Article> Articles() {
  return {
      Make("courier-1", "Emberly Courier", "Dock strike halts Emberly harbour",
           {"Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks with the Northern Ports "
            "Authority collapsed.",
            "\u201CThe offer is an insult to every crane driver,\u201D said Mira Calloway, the union secretary."},
           "2024-05-14T07:00:00Z"),
      Make("beacon-4", "Harbour Beacon", "Strike shuts Emberly port <script>alert(1)</script>",
           {"A 48-hour strike by dock workers shut the port of Emberly on Tuesday after talks with the Northern "
            "Ports Authority broke down.",
            "Mira Calloway said the offer was an insult to crane drivers."},
           "2024-05-14T09:00:00Z"),
      Make("ledger-2", "Coast Ledger", "Emberly dockers walk out",
           {"Emberly dockers walked out on Tuesday at the start of a 48-hour strike over pay, after talks with the "
            "Northern Ports Authority failed."},
           "2024-05-14T10:30:00Z"),
      Make("vale-9", "Vale Tribune", "Fire damages Orvik library <img src=x onerror=alert(2)>",
           {"A fire broke out in the reading room of the Orvik municipal library on Monday, destroying several "
            "hundred books."},
           "2024-05-13T11:00:00Z"),
  };
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "news.db";
    Result<Store> store = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(store->AddArticles(Articles()).ok());
    ASSERT_TRUE(store->SaveStoryAssignments({{"courier-1", "strike"}, {"beacon-4", "strike"}, {"ledger-2", "strike"},
                                             {"vale-9", "fire"}})
                    .ok());
    const Result<std::vector<StorySummary>> stories = store->ListStories();
    ASSERT_TRUE(stories.ok());
    for (const StorySummary& s : *stories) (s.key == "strike" ? strike_ : fire_) = s.id;
    ServerOptions options;
    options.db = db_;
    options.port = 0;
    options.threads = 4;
    Result<std::unique_ptr<Server>> server = Server::Bind(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    runner_ = std::thread([this] { ran_ = server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // Targets go as written, as a browser sends a form: "+" for a space.
    client_->set_url_encode(false);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (runner_.joinable()) runner_.join();
    EXPECT_TRUE(ran_.ok()) << ran_.ToString();
  }

  httplib::Result Get(const std::string& path) { return client_->Get(path.c_str()); }

  testing::TempDir dir_;
  std::string db_;
  int64_t strike_ = 0, fire_ = 0;
  std::unique_ptr<Server> server_;
  std::thread runner_;
  Status ran_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, ApiListsTheStoriesLargestFirst) {
  auto r = Get("/api/stories");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  const json j = json::parse(r->body);
  EXPECT_EQ(j.at("schema"), "parallax.stories/1");
  EXPECT_EQ(j.at("total"), 2);
  ASSERT_EQ(j.at("stories").size(), 2u);
  EXPECT_EQ(j["stories"][0].at("id"), strike_);
  EXPECT_EQ(j["stories"][0].at("articles"), 3);
  EXPECT_EQ(j["stories"][0].at("outlets").size(), 3u);
  EXPECT_EQ(j["stories"][0].at("first_published"), "2024-05-14T07:00:00Z");
  EXPECT_EQ(j["stories"][1].at("id"), fire_);

  const json page = json::parse(Get("/api/stories?limit=1&offset=1")->body);
  ASSERT_EQ(page.at("stories").size(), 1u);
  EXPECT_EQ(page["stories"][0].at("id"), fire_);
  EXPECT_EQ(page.at("total"), 2);
  EXPECT_EQ(json::parse(Get("/api/stories?offset=99")->body).at("stories").size(), 0u);
}

TEST_F(ServerTest, StoriesShowTheirMostHeardVoicesOnceIndexed) {
  EXPECT_TRUE(json::parse(Get("/api/stories")->body)["stories"][0].at("voices").empty()) << "not digested yet";
  {
    Result<Store> writer = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(IndexStore(*writer, 1).ok());
  }
  const json j = json::parse(Get("/api/stories")->body);
  ASSERT_EQ(j["stories"][0].at("id"), strike_);
  ASSERT_FALSE(j["stories"][0].at("voices").empty());
  EXPECT_EQ(j["stories"][0]["voices"][0].at("name"), "Mira Calloway");
  EXPECT_EQ(j["stories"][0]["voices"][0].at("articles"), 2) << "the Courier and the Beacon quote her";
  EXPECT_NE(Get("/")->body.find("Heard: <span class=\"name\">Mira Calloway</span>"), std::string::npos);
}

TEST_F(ServerTest, ExportsComeAsFilesByDayOrStory) {
  auto r = Get("/export/articles.csv?story=" + std::to_string(strike_));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Content-Disposition"),
            "attachment; filename=\"parallax-articles-story-" + std::to_string(strike_) + ".csv\"");
  size_t rows = 0;
  for (size_t at = 0; (at = r->body.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, 4u) << "a header and three articles (paragraphs end in \\n alone, inside a cell)";
  EXPECT_EQ(r->body.find("vale-9"), std::string::npos);
  r = Get("/export/stories.jsonl?day=2024-05-13");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/x-ndjson");
  EXPECT_EQ(json::parse(r->body.substr(0, r->body.find('\n'))).at("id"), fire_);
  EXPECT_EQ(Get("/export/quotes.csv?day=2024-13-01")->status, 400);
  // The reason echoes the request; the JSON stays valid whatever it holds.
  auto bad_day = Get("/api/search?q=x&group=%0Aleft%22");
  ASSERT_TRUE(bad_day);
  EXPECT_EQ(bad_day->status, 400);
  EXPECT_EQ(json::parse(bad_day->body).at("error"), "No such group: \nleft\"");
  EXPECT_EQ(Get("/export/quotes.csv?day=2024-05-13&story=1")->status, 400);
  EXPECT_EQ(Get("/export/quotes.csv?story=x")->status, 400);
  EXPECT_EQ(Get("/export/quotes.csv?story=999")->status, 404);
  EXPECT_EQ(Get("/export/quotes.xml")->status, 404);
  EXPECT_EQ(Get("/export/passwords.csv")->status, 404);
  // The pages link to them.
  EXPECT_NE(Get("/?day=2024-05-13")->body.find("href=\"/export/quotes.csv?day=2024-05-13\" download"), std::string::npos);
  EXPECT_NE(Get("/stories/" + std::to_string(strike_))->body.find("/export/articles.jsonl?story="), std::string::npos);
}

TEST_F(ServerTest, KeptPagesAreRenderedAgainOnceTheStoreChanges) {
  const std::string before = Get("/api/stories")->body;
  EXPECT_EQ(Get("/api/stories")->body, before) << "kept, and the same";
  EXPECT_EQ(json::parse(before).at("total"), 2);
  {
    Result<Store> writer = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->AddArticles({Make("post-1", "Evening Post", "Tram fares rise", {"Tram fares in Emberly will rise."},
                                          "2024-05-15T08:00:00Z")})
                    .ok());
    ASSERT_TRUE(writer->SaveStoryAssignments({{"courier-1", "strike"}, {"beacon-4", "strike"}, {"ledger-2", "strike"},
                                              {"vale-9", "fire"}, {"post-1", "fares"}})
                    .ok());
  }
  EXPECT_EQ(json::parse(Get("/api/stories")->body).at("total"), 3);
  EXPECT_NE(Get("/")->body.find("Tram fares rise"), std::string::npos);
}

TEST_F(ServerTest, ListsFilterByDayOrHoursAndOrderByOutletsOrSize) {
  // The fire was on Monday 13 May 2024, the strike on Tuesday 14.
  json j = json::parse(Get("/api/stories?day=2024-05-13")->body);
  ASSERT_EQ(j.at("stories").size(), 1u);
  EXPECT_EQ(j["stories"][0].at("id"), fire_);
  EXPECT_EQ(j.at("total"), 1);
  j = json::parse(Get("/api/stories?day=2024-05-14&order=largest")->body);
  ASSERT_EQ(j.at("stories").size(), 1u);
  EXPECT_EQ(j["stories"][0].at("id"), strike_);
  // Nothing of these was published in the last day (they are from 2024).
  EXPECT_EQ(json::parse(Get("/api/stories?hours=24")->body).at("total"), 0);
  const std::string page = Get("/?day=2024-05-14")->body;
  EXPECT_NE(page.find("<h1>Stories of 2024-05-14</h1>"), std::string::npos);
  for (const char* bad : {"/?day=2024-02-30", "/?day=yesterday", "/api/stories?hours=0", "/api/stories?hours=x",
                          "/?order=random"}) {
    auto r = Get(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad;
  }
}

TEST_F(ServerTest, AStoryIsTheComparisonOfItsArticles) {
  auto api = Get("/api/stories/" + std::to_string(strike_));
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  const json j = json::parse(api->body);
  EXPECT_EQ(j.at("schema"), "parallax.compare/1");
  ASSERT_EQ(j.at("documents").size(), 3u);
  EXPECT_EQ(j["documents"][0].at("outlet"), "Emberly Courier");  // earliest first
  bool shared = false;
  for (const json& fact : j.at("facts")) shared |= fact.at("shared").get<bool>();
  EXPECT_TRUE(shared);

  auto page = Get("/stories/" + std::to_string(strike_));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("outlet-column"), std::string::npos);
  // Styles come from the server, so the policy can forbid inline ones.
  EXPECT_EQ(page->body.find("<style"), std::string::npos);
  EXPECT_NE(page->body.find("href=\"/static/grid-3.css\""), std::string::npos);
  auto grid = Get("/static/grid-3.css");
  ASSERT_TRUE(grid);
  EXPECT_NE(grid->body.find("repeat(3,"), std::string::npos);
  EXPECT_EQ(grid->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Get("/static/parallax.css")->status, 200);
}

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const std::string& path :
       std::vector<std::string>{"/", "/api/stories", "/stories/" + std::to_string(fire_), "/nowhere"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), 0u) << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
}

TEST_F(ServerTest, HostileTextStaysText) {
  // Titles that are markup: the fire story's headline is one (the list and
  // its page), a report of the strike has another (its page).
  for (const std::string& path : std::vector<std::string>{"/", "/stories/" + std::to_string(fire_)}) {
    const std::string body = Get(path)->body;
    EXPECT_EQ(body.find("<img src=x"), std::string::npos) << path;
    EXPECT_NE(body.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos) << path;
  }
  const std::string strike = Get("/stories/" + std::to_string(strike_))->body;
  EXPECT_EQ(strike.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(strike.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST_F(ServerTest, SearchFindsIndexedArticlesGroupedByStory) {
  // Before 'parallax index', nothing is searchable and the page says so.
  json j = json::parse(Get("/api/search?q=strike")->body);
  EXPECT_EQ(j.at("schema"), "parallax.search/1");
  EXPECT_EQ(j.at("stories").size(), 0u);
  EXPECT_EQ(j.at("unsearchable"), 4);
  EXPECT_NE(Get("/search?q=strike")->body.find("parallax index"), std::string::npos);
  {
    Result<Store> store = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok());
    ASSERT_EQ(*store->UpdateSearchIndex(), 4u);
  }
  j = json::parse(Get("/api/search?q=strike+Emberly")->body);
  ASSERT_EQ(j.at("stories").size(), 1u);
  EXPECT_EQ(j["stories"][0].at("story"), strike_);
  EXPECT_EQ(j["stories"][0].at("articles").size(), 3u);
  EXPECT_EQ(j.at("unsearchable"), 0);
  j = json::parse(Get("/api/search?q=strike&outlet=Coast+Ledger")->body);
  ASSERT_EQ(j.at("stories").size(), 1u);
  EXPECT_EQ(j["stories"][0].at("articles").size(), 1u);
  EXPECT_EQ(json::parse(Get("/api/search?q=strike&to=2024-05-13")->body).at("stories").size(), 0u);
  EXPECT_EQ(json::parse(Get("/api/search?q=strike&from=2024-05-14&to=2024-05-14")->body).at("stories").size(), 1u);

  const std::string page = Get("/search?q=strike")->body;
  EXPECT_NE(page.find("<mark>strike</mark>"), std::string::npos);
  EXPECT_NE(page.find("href=\"/stories/" + std::to_string(strike_) + "\""), std::string::npos);
  // The query is untrusted too.
  const std::string hostile = Get("/search?q=%3Cscript%3Ealert(3)%3C%2Fscript%3E")->body;
  EXPECT_EQ(hostile.find("<script>alert(3)"), std::string::npos);
  EXPECT_NE(hostile.find("&lt;script&gt;alert(3)&lt;/script&gt;"), std::string::npos);
  for (const char* bad : {"/search?q=x&from=2024-13-01", "/search?q=x&to=soon", "/search?q=x&group=left"}) {
    EXPECT_EQ(Get(bad)->status, 400) << bad;
  }
  EXPECT_EQ(Get("/search?q=" + std::string(600, 'a'))->status, 400);
}

TEST_F(ServerTest, KeptComparisonsAreServedWhileTheStoryIsUnchanged) {
  {
    Result<Store> writer = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(writer.ok());
    // What parallax index keeps: the same page the server would make.
    const Result<size_t> made = StoreComparisons(*writer, 1);
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    EXPECT_EQ(*made, 2u);
    EXPECT_EQ(*StoreComparisons(*writer, 1), 0u) << "nothing changed";
    // A kept page the server could not have made, to see where it reads.
    const Result<std::string> signature = writer->StorySignature(fire_);
    ASSERT_TRUE(signature.ok());
    ASSERT_TRUE(writer->SaveComparison(fire_, {*signature, "<p>kept page</p>", "{\"kept\": true}"}).ok());
  }
  EXPECT_EQ(Get("/stories/" + std::to_string(fire_))->body, "<p>kept page</p>");
  EXPECT_EQ(Get("/api/stories/" + std::to_string(fire_))->body, "{\"kept\": true}");
  EXPECT_NE(Get("/stories/" + std::to_string(strike_))->body.find("Dock strike halts Emberly harbour"), std::string::npos);
  {
    // The fire story gains an article: its kept page no longer fits.
    Result<Store> writer = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->AddArticles({Make("post-7", "Evening Post", "Library fire",
                                          {"Fire damaged the Orvik library on Monday."}, "2024-05-13T12:00:00Z")})
                    .ok());
    ASSERT_TRUE(writer->SaveStoryAssignments({{"courier-1", "strike"}, {"beacon-4", "strike"}, {"ledger-2", "strike"},
                                              {"vale-9", "fire"}, {"post-7", "fire"}})
                    .ok());
    EXPECT_EQ(writer->StoriesToCompare(10)->size(), 1u);
  }
  const std::string page = Get("/stories/" + std::to_string(fire_))->body;
  EXPECT_EQ(page.find("kept page"), std::string::npos);
  EXPECT_NE(page.find("Evening Post"), std::string::npos);
}

TEST_F(ServerTest, BlindspotsNeedAnOutletsFile) {
  auto r = Get("/blindspots");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("--outlets FILE"), std::string::npos);
}

TEST_F(ServerTest, BadRequestsGetClearErrorsAndTheServerGoesOn) {
  EXPECT_EQ(Get("/stories/999999")->status, 404);
  EXPECT_EQ(Get("/stories/99999999999999999999999")->status, 404);
  EXPECT_EQ(Get("/stories/abc")->status, 404);
  auto api = Get("/api/stories/424242");
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(json::parse(api->body).at("error"), "No such story");
  EXPECT_EQ(Get("/../../etc/passwd")->status, 404);
  EXPECT_EQ(Get("/static/../CMakeLists.txt")->status, 404);
  auto post = client_->Post("/api/stories", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  // A request line longer than the limit is refused, and the next request works.
  auto long_path = Get("/" + std::string(20000, 'a'));
  ASSERT_TRUE(long_path);
  EXPECT_GE(long_path->status, 400);
  EXPECT_EQ(Get("/api/stories")->status, 200);
}

TEST_F(ServerTest, AStoryIsComparedAgainWhenItGainsAnArticle) {
  const std::string path = "/api/stories/" + std::to_string(strike_);
  ASSERT_EQ(json::parse(Get(path)->body).at("documents").size(), 3u);
  // Another process (here: connection) writes while the server serves.
  {
    Result<Store> store = Store::Open(db_, OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->AddArticles({Make("post-7", "Evening Post", "Emberly port strike enters second day",
                                         {"The dock strike in Emberly entered its second day on Wednesday as talks "
                                          "with the Northern Ports Authority stayed frozen."},
                                         "2024-05-15T08:00:00Z")})
                    .ok());
    ASSERT_TRUE(store->SaveStoryAssignments({{"courier-1", "strike"}, {"beacon-4", "strike"}, {"ledger-2", "strike"},
                                             {"post-7", "strike"}, {"vale-9", "fire"}})
                    .ok());
  }
  const json j = json::parse(Get(path)->body);
  ASSERT_EQ(j.at("documents").size(), 4u);
  EXPECT_EQ(j["documents"][3].at("outlet"), "Evening Post");
}

TEST(ServerBind, AMissingDatabaseOrABusyPortIsAClearError) {
  testing::TempDir dir;
  ServerOptions missing;
  missing.db = dir / "none.db";
  missing.port = 0;
  Result<std::unique_ptr<Server>> none = Server::Bind(missing);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("none.db"), std::string::npos) << none.status().message();

  {
    Result<Store> store = Store::Open(dir / "news.db", OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok());
  }
  ServerOptions first;
  first.db = dir / "news.db";
  first.port = 0;
  Result<std::unique_ptr<Server>> a = Server::Bind(first);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ServerOptions second = first;
  second.port = (*a)->port();
  Result<std::unique_ptr<Server>> b = Server::Bind(second);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("cannot listen on 127.0.0.1:" + std::to_string(second.port)), std::string::npos)
      << b.status().message();
}

TEST(ServerOutlets, StoriesShowTheirCoverageByGroupAndBlindspots) {
  testing::TempDir dir;
  {
    Result<Store> store = Store::Open(dir / "news.db", OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->AddArticles(Articles()).ok());
    ASSERT_TRUE(store->SaveStoryAssignments({{"courier-1", "strike"}, {"beacon-4", "strike"}, {"ledger-2", "strike"},
                                             {"vale-9", "fire"}})
                    .ok());
  }
  // The strike is told by two outlets rated left and one rated right; no
  // outlet rated centre tells it.
  testing::WriteFile(dir / "outlets.toml", R"([[outlets]]
name = "Emberly Courier"
groups = { leaning = "left" }
[[outlets]]
name = "Harbour Beacon"
groups = { leaning = "left" }
[[outlets]]
name = "Coast Ledger"
groups = { leaning = "right" }
[[outlets]]
name = "Evening Post"
groups = { leaning = "centre" }
)");
  ServerOptions options;
  options.db = dir / "news.db";
  options.outlets = dir / "outlets.toml";
  options.port = 0;
  Result<std::unique_ptr<Server>> server = Server::Bind(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  std::thread runner([&] { static_cast<void>((*server)->Run()); });
  httplib::Client client("127.0.0.1", (*server)->port());
  const json j = json::parse(client.Get("/api/stories")->body);
  const json& strike = j["stories"][0];
  EXPECT_EQ(strike.at("coverage").at("label"), "leaning");
  EXPECT_EQ(strike.at("coverage").at("outlets").at("left"), 2);
  EXPECT_EQ(strike.at("coverage").at("outlets").at("right"), 1);
  EXPECT_EQ(strike.at("coverage").at("outlets").at("centre"), 0);
  EXPECT_EQ(strike.at("coverage").at("blindspot"), true);
  EXPECT_EQ(strike.at("coverage").at("weakest"), "centre");
  EXPECT_EQ(j["stories"][1].at("coverage").at("unrated"), 1) << "the Vale Tribune is not in the file";
  const std::string page = client.Get("/")->body;
  EXPECT_NE(page.find("Blindspot: no centre"), std::string::npos);
  EXPECT_NE(page.find("aria-label=\"leaning: left 2, right 1, centre 0\""), std::string::npos);
  EXPECT_NE(page.find("class=\"seg g0 w65\""), std::string::npos) << "two of three outlets: 65%";
  EXPECT_NE(page.find("under 20% of them"), std::string::npos) << "the page says what a blindspot is";
  // The blindspots page: the strike under the value that missed it.
  const json blind = json::parse(client.Get("/api/blindspots")->body);
  EXPECT_EQ(blind.at("schema"), "parallax.blindspots/1");
  ASSERT_EQ(blind.at("missed_by").size(), 3u);
  for (const json& g : blind.at("missed_by")) {
    EXPECT_EQ(g.at("stories").size(), g.at("value") == "centre" ? 1u : 0u) << g.at("value");
  }
  const std::string blindspots = client.Get("/blindspots")->body;
  EXPECT_NE(blindspots.find("<h2>Missed by centre outlets</h2>"), std::string::npos);
  EXPECT_NE(blindspots.find("Dock strike halts Emberly harbour"), std::string::npos);
  EXPECT_EQ(client.Get("/blindspots?day=2024-05-13")->body.find("Dock strike"), std::string::npos);
  (*server)->Stop();
  runner.join();

  options.group = "ownership";
  Result<std::unique_ptr<Server>> wrong = Server::Bind(options);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("has no group 'ownership' (it has: leaning)"), std::string::npos)
      << wrong.status().message();
}

}  // namespace
}  // namespace parallax
