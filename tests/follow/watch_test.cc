// `parallax watch` and `parallax fetch` as a user runs them, against an
// invented site on 127.0.0.1 whose pages answer slowly: SIGTERM ends a
// watch cleanly, SIGKILL part-way loses no stored article and the next
// pass fetches only the rest, and a hostile site fails alone.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"
#include "support/news_site.h"

namespace parallax {
namespace {

using namespace std::chrono_literals;
using store_test::Child;
using store_test::RunChild;
using store_test::ScratchDir;
using testing::ArticlePage;
using testing::NewsSite;

constexpr int kPages = 40;

std::vector<std::string> Paragraphs(int n) {
  return {"Ferry number " + std::to_string(n) + " left the Lowmill quay late on Monday after a crew member "
              "reported a fault in the steering gear, the harbour office said.",
          "Passengers bound for Emberly waited for " + std::to_string(20 + n) +
              " minutes in the rain before the crossing was cleared by the inspectors.",
          "The operator apologised and said the vessel would be checked again at the end of the week."};
}

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& server = site_.server();
    // Each page takes 40 ms: a pass over them takes long enough to be
    // killed in the middle.
    server.Get(R"(/news/(\d+)\.html)", [](const httplib::Request& request, httplib::Response& response) {
      std::this_thread::sleep_for(40ms);
      const int n = std::stoi(request.matches[1].str());
      response.set_content(ArticlePage("Emberly Courier", "Ferry " + std::to_string(n) + " delayed by fault",
                                       "2026-12-01T08:00:00Z", Paragraphs(n)),
                           "text/html");
    });
    server.Get("/rss.xml", [this](const httplib::Request&, httplib::Response& response) {
      std::string xml = "<rss version=\"2.0\"><channel><title>Courier</title>";
      for (int n = 0; n < kPages; ++n) {
        xml += "<item><link>" + site_.Url("/news/" + std::to_string(n) + ".html") + "</link></item>";
      }
      response.set_content(xml + "</channel></rss>", "application/rss+xml");
    });
    site_.Start();
    outlets_ = dir_ / "outlets.toml";
    testing::WriteFile(outlets_, "[[outlets]]\nname = \"Emberly Courier\"\nfeeds = [\"" + site_.Url("/rss.xml") + "\"]\n");
    db_ = dir_ / "watch.db";
  }

  std::vector<std::string> Args(const char* command) {
    return {command, "--outlets", outlets_, "--db", db_, "--allow-private", "--delay", "0", "--jobs", "1"};
  }

  size_t Stored() {
    Result<Store> store = Store::Open(db_, OpenMode::kReadOnly);
    if (!store.ok()) return 0;
    Result<size_t> n = store->CountArticles();
    return n.ok() ? *n : 0;
  }

  NewsSite site_;
  ScratchDir dir_;
  std::string outlets_, db_;
};

TEST_F(WatchTest, SigkillPartWayLosesNothingStoredAndTheNextPassFetchesTheRest) {
  {
    std::vector<std::string> args = Args("watch");
    args.insert(args.end(), {"--every", "1h"});
    Child watch(dir_, args);
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    // Pages are committed every half second or 64 pages: wait until a good
    // part of them was asked for, then kill mid-pass.
    while (site_.Hits("/news/25.html") == 0 && watch.Running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(watch.Running()) << watch.err();
    ASSERT_EQ(::kill(watch.pid(), SIGKILL), 0);
    const int status = watch.Wait();
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  }
  const size_t after_kill = Stored();
  EXPECT_LT(after_kill, static_cast<size_t>(kPages));
  const store_test::Outcome fetch = RunChild(dir_, Args("fetch"));
  ASSERT_EQ(fetch.exit_code, 0) << fetch.err;
  EXPECT_NE(fetch.out.find(std::to_string(kPages - after_kill) + " new articles"), std::string::npos) << fetch.out;
  EXPECT_EQ(Stored(), static_cast<size_t>(kPages));
  // Every article once, under its address.
  Result<Store> store = Store::Open(db_, OpenMode::kReadOnly);
  ASSERT_TRUE(store.ok());
  std::set<std::string> ids;
  ASSERT_TRUE(store->ForEachArticle([&](const Article& a) {
    ids.insert(a.id);
    return true;
  }).ok());
  EXPECT_EQ(ids.size(), static_cast<size_t>(kPages));
  EXPECT_EQ(ids.count(site_.Url("/news/0.html")), 1u);
}

TEST_F(WatchTest, SigtermEndsAWatchCleanlyAndOutletsStatusShowsTheFeed) {
  std::vector<std::string> args = Args("watch");
  args.insert(args.end(), {"--every", "1h", "--no-digest"});
  Child watch(dir_, args);
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (watch.out().find("pass: ") == std::string::npos && watch.Running() &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_TRUE(watch.Running()) << watch.err();
  ASSERT_EQ(::kill(watch.pid(), SIGTERM), 0);
  const int status = watch.Wait();
  ASSERT_TRUE(WIFEXITED(status)) << watch.err();
  EXPECT_EQ(WEXITSTATUS(status), 0) << watch.err();
  EXPECT_NE(watch.out().find("Emberly Courier: 1 feed read, 0 unchanged, 0 failed; 40 new articles; 0 errors"),
            std::string::npos)
      << watch.out();
  const store_test::Outcome status_run = RunChild(dir_, {"outlets", "status", "--db", db_, "--outlets", outlets_});
  EXPECT_EQ(status_run.exit_code, 0) << status_run.err;
  EXPECT_NE(status_run.out.find("Emberly Courier\n  feed " + site_.Url("/rss.xml")), std::string::npos)
      << status_run.out;
  EXPECT_NE(status_run.out.find("40 items listed"), std::string::npos) << status_run.out;
  EXPECT_NE(status_run.out.find(" 40;"), std::string::npos) << status_run.out;
}

TEST_F(WatchTest, FetchNamesAFailingFeedExitsOneAndStoresTheRest) {
  site_.server().Get("/broken.xml", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("<html><body>Not a feed</body></html>", "text/html");
  });
  testing::WriteFile(outlets_, "[[outlets]]\nname = \"Emberly Courier\"\nfeeds = [\"" + site_.Url("/rss.xml") +
                                   "\", \"" + site_.Url("/broken.xml") + "\"]\n");
  std::vector<std::string> args = Args("fetch");
  args.push_back("--no-digest");
  const store_test::Outcome fetch = RunChild(dir_, args);
  EXPECT_EQ(fetch.exit_code, 1) << fetch.err;
  EXPECT_NE(fetch.err.find(site_.Url("/broken.xml")), std::string::npos) << fetch.err;
  EXPECT_EQ(Stored(), static_cast<size_t>(kPages));
  // Without --allow-private the site is refused, and the user is told how.
  const store_test::Outcome refused =
      RunChild(dir_, {"fetch", "--outlets", outlets_, "--db", dir_ / "other.db"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("loopback"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace parallax
