// The outlet pages served over a store of invented articles: the list, one
// outlet's stories told and missed (and the rule for "missed"), its voices,
// unknown names, and the way back from an outlet to a story and from a
// story to its outlets. Clients talk to 127.0.0.1 only.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <map>
#include <thread>
#include <vector>

#include "parallax/server.h"
#include "parallax/store.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using nlohmann::json;

Article Make(const std::string& id, const std::string& outlet, const std::string& title, const std::string& text,
             const std::string& published) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.title = title;
  a.published = published;
  a.paragraphs.push_back({text, ParagraphRole::kBody, ""});
  return a;
}

// Four invented events. The strike: two left outlets and a right one. The
// bridge: left, right and centre, without the Courier. The parade: two left
// outlets and one the file does not rate. The fire: the Evening Post alone.
std::vector<Article> Articles() {
  const std::string strike = "Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks collapsed.";
  const std::string bridge = "The Orvik bridge was closed on Wednesday after engineers found a crack in a pier.";
  const std::string parade = "Thousands lined the streets of Emberly for the spring parade on Saturday.";
  return {
      Make("courier-strike", "Emberly Courier", "Dock strike halts Emberly harbour", strike, "2024-05-14T07:00:00Z"),
      Make("beacon-strike", "Harbour Beacon", "Strike shuts Emberly port", strike, "2024-05-14T09:00:00Z"),
      Make("ledger-strike", "Coast Ledger", "Emberly dockers walk out", strike, "2024-05-14T10:30:00Z"),
      Make("beacon-bridge", "Harbour Beacon", "Orvik bridge closed", bridge, "2024-05-15T08:00:00Z"),
      Make("ledger-bridge", "Coast Ledger", "Crack closes Orvik bridge", bridge, "2024-05-15T09:00:00Z"),
      Make("post-bridge", "Evening Post", "Orvik bridge shut for repairs", bridge, "2024-05-15T10:00:00Z"),
      Make("beacon-parade", "Harbour Beacon", "Parade fills Emberly", parade, "2024-05-18T12:00:00Z"),
      Make("lantern-parade", "Lantern Daily", "Spring parade draws thousands", parade, "2024-05-18T13:00:00Z"),
      Make("vale-parade", "Vale Tribune", "Emberly parades", parade, "2024-05-18T14:00:00Z"),
      Make("post-fire", "Evening Post", "Fire damages Orvik library",
           "A fire damaged the Orvik library on Monday. \u201CWe lost three hundred books,\u201D said Ines Varga, "
           "the head librarian.",
           "2024-05-13T11:00:00Z"),
  };
}

class OutletRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Result<Store> store = Store::Open(dir_ / "news.db", OpenMode::kReadWrite);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      ASSERT_TRUE(store->AddArticles(Articles()).ok());
      Store::StoryAssignments stories;
      for (const Article& a : Articles()) stories.push_back({a.id, a.id.substr(a.id.find('-') + 1)});
      ASSERT_TRUE(store->SaveStoryAssignments(stories).ok());
      for (const StorySummary& s : *store->ListStories()) ids_[s.key] = s.id;
    }
    testing::WriteFile(dir_ / "outlets.toml", R"([[outlets]]
name = "Emberly Courier"
groups = { leaning = "left" }
[[outlets]]
name = "Harbour Beacon"
groups = { leaning = "left" }
[[outlets]]
name = "Lantern Daily"
groups = { leaning = "left" }
[[outlets]]
name = "Coast Ledger"
groups = { leaning = "right" }
[[outlets]]
name = "Evening Post"
domains = ["eveningpost.example"]
groups = { leaning = { value = "centre", source = "Invented Ratings", as_of = "2024-04" } }
[[outlets]]
name = "Silent Gazette"
groups = { leaning = "centre" }
)");
    ServerOptions options;
    options.db = dir_ / "news.db";
    options.outlets = dir_ / "outlets.toml";
    options.port = 0;
    options.threads = 2;
    Result<std::unique_ptr<Server>> server = Server::Bind(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    runner_ = std::thread([this] { static_cast<void>(server_->Run()); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (runner_.joinable()) runner_.join();
  }

  json Api(const std::string& path) {
    auto r = client_->Get(path.c_str());
    EXPECT_TRUE(r) << path;
    if (!r) return json();
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    return json::parse(r->body);
  }
  static std::vector<int64_t> Ids(const json& stories) {
    std::vector<int64_t> ids;
    for (const json& s : stories) ids.push_back(s.at("id"));
    return ids;
  }

  testing::TempDir dir_;
  std::map<std::string, int64_t> ids_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(OutletRoutesTest, TheListHasEveryOutletWithItsGroup) {
  const json j = Api("/api/outlets");
  EXPECT_EQ(j.at("schema"), "parallax.outlets/1");
  EXPECT_EQ(j.at("group"), "leaning");
  ASSERT_EQ(j.at("outlets").size(), 6u);
  EXPECT_EQ(j["outlets"][0].at("name"), "Harbour Beacon") << "most articles first";
  EXPECT_EQ(j["outlets"][0].at("articles"), 3);
  EXPECT_EQ(j["outlets"][0].at("group_value"), "left");
  for (const json& o : j.at("outlets")) {
    if (o.at("name") == "Vale Tribune") {
      EXPECT_TRUE(o.at("group_value").is_null());
    }
  }
  EXPECT_EQ(j.at("without_articles"), json::array({"Silent Gazette"}));
  const std::string html = client_->Get("/outlets")->body;
  EXPECT_NE(html.find("<a href=\"/outlets/Harbour%20Beacon\">Harbour Beacon</a>"), std::string::npos);
}

TEST_F(OutletRoutesTest, AnOutletMissedWhatOtherGroupsTold) {
  // The Evening Post (centre) told the bridge and the fire; it missed the
  // strike and the parade, each told by three outlets, among them left ones.
  const json post = Api("/api/outlets/Evening%20Post");
  EXPECT_EQ(post.at("schema"), "parallax.outlet/1");
  EXPECT_EQ(post.at("articles"), 2);
  EXPECT_EQ(post.at("listed").at("domains")[0], "eveningpost.example");
  EXPECT_EQ(post.at("recent")[0].at("id"), "post-bridge") << "the latest first";
  EXPECT_EQ(Ids(post.at("told")), (std::vector<int64_t>{ids_["bridge"], ids_["fire"]}));
  EXPECT_EQ(post.at("missed_since"), "2024-05-13");
  std::vector<int64_t> missed = Ids(post.at("missed"));
  std::sort(missed.begin(), missed.end());
  std::vector<int64_t> expected = {ids_["strike"], ids_["parade"]};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(missed, expected);
  for (const json& s : post.at("missed")) EXPECT_EQ(s.at("coverage").at("label"), "leaning");

  // The Courier (left) missed the bridge, told by the right and the
  // centre; not the parade, which no outlet of another group told.
  const json courier = Api("/api/outlets/Emberly%20Courier");
  EXPECT_EQ(Ids(courier.at("missed")), std::vector<int64_t>{ids_["bridge"]});
  EXPECT_EQ(Ids(courier.at("told")), std::vector<int64_t>{ids_["strike"]});

  // An outlet the file does not rate misses what enough others told.
  const json vale = Api("/api/outlets/Vale%20Tribune");
  EXPECT_TRUE(vale.at("listed").is_null());
  EXPECT_TRUE(vale.at("missed").empty()) << "nothing of three outlets since its one article";
}

TEST_F(OutletRoutesTest, AnOutletsVoicesAreCountedByWeek) {
  const json post = Api("/api/outlets/Evening%20Post");
  ASSERT_EQ(post.at("weeks").size(), 1u);
  EXPECT_EQ(post["weeks"][0].at("week"), "2024-05-13");
  EXPECT_EQ(post["weeks"][0].at("articles"), 2);
  ASSERT_FALSE(post["weeks"][0].at("voices").empty());
  EXPECT_EQ(post["weeks"][0]["voices"][0].at("name"), "Ines Varga");
  // Asked again, the same (from the cache, as nothing changed).
  EXPECT_EQ(Api("/api/outlets/Evening%20Post").at("weeks"), post.at("weeks"));
}

TEST_F(OutletRoutesTest, UnknownOutletsAre404AndListedOnesWithoutArticlesArePages) {
  auto r = client_->Get("/api/outlets/Nobody%20Daily");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json::parse(r->body).at("error"), "No such outlet");
  r = client_->Get("/outlets/Nobody%20Daily");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("No such outlet"), std::string::npos);
  r = client_->Get(("/outlets/" + std::string(400, 'x')).c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);

  const json silent = Api("/api/outlets/Silent%20Gazette");
  EXPECT_EQ(silent.at("articles"), 0);
  EXPECT_TRUE(silent.at("recent").empty());
  EXPECT_FALSE(silent.at("listed").is_null());
}

TEST_F(OutletRoutesTest, PagesLinkFromAnOutletToAStoryAndBack) {
  const std::string outlet = client_->Get("/outlets/Emberly%20Courier")->body;
  const std::string story_link = "href=\"/stories/" + std::to_string(ids_["strike"]) + "\"";
  EXPECT_NE(outlet.find(story_link), std::string::npos);
  const std::string story = client_->Get(("/stories/" + std::to_string(ids_["strike"])).c_str())->body;
  EXPECT_NE(story.find("<a class=\"outlet\" href=\"/outlets/Emberly%20Courier\">Emberly Courier</a>"),
            std::string::npos);
  EXPECT_NE(client_->Get("/")->body.find("href=\"/outlets/Coast%20Ledger\""), std::string::npos);
}

}  // namespace
}  // namespace parallax
