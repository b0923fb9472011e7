// RunFetchPass against an invented site on 127.0.0.1: feeds and sitemaps
// read (conditionally the second time), new pages fetched once, robots.txt
// obeyed, hostile feeds failing alone, the loopback refusal, WARC written,
// and the stories current after the pass.
#include "parallax/follow.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "parallax/extract.h"
#include "parallax/outlets.h"
#include "parallax/source.h"
#include "parallax/store.h"
#include "parallax/warc.h"
#include "support/news_site.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using namespace std::chrono_literals;
using testing::ArticlePage;
using testing::NewsSite;
using testing::TempDir;

const std::vector<std::string> kBridgeCourier = {
    "Lowmill council closed the Harbour Road bridge on Tuesday morning after inspectors found a crack "
    "running across the main span, diverting thousands of commuters onto the ring road.",
    "The council's chief engineer, Marta Oyelaran, said the crack was discovered during a routine "
    "inspection and that the bridge would stay shut until divers had examined the piers.",
    "\"We will not reopen a structure we cannot vouch for,\" Oyelaran told reporters at the town hall.",
    "Traders on the east bank said the closure would cost them customers during the busiest week of the year."};
const std::vector<std::string> kBridgeLedger = {
    "Inspectors have found a crack in the Harbour Road bridge, and Lowmill council shut it to traffic "
    "on Tuesday while divers examine the piers beneath the main span.",
    "Chief engineer Marta Oyelaran said the bridge would remain closed until the inspection was complete, "
    "and that buses would run over the ring road in the meantime.",
    "\"We will not reopen a structure we cannot vouch for,\" she said.",
    "Opposition councillors asked why the last inspection, two years ago, had found nothing wrong."};
const std::vector<std::string> kFestival = {
    "The Emberly lantern festival drew a record crowd to the riverside on Saturday night, organisers said, "
    "with more than forty paper boats launched from the old quay.",
    "Stallholders sold out of roasted chestnuts before nine o'clock, and the parade of lanterns was led "
    "for the first time by pupils from the new primary school on Mill Lane.",
    "Organisers thanked volunteers and said next year's festival would add a second launch point."};

std::string Rss(const NewsSite& site, const std::vector<std::string>& paths) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Courier</title>";
  for (const std::string& path : paths) {
    xml += "<item><title>Item</title><link>" + site.Url(path) +
           "</link><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>";
  }
  return xml + "</channel></rss>";
}

class FetchPassTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& server = site_.server();
    server.Get("/robots.txt", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    });
    site_.Serve("/courier/bridge.html",
                ArticlePage("Emberly Courier", "Harbour Road bridge shut after crack found", "2026-12-01T08:00:00Z",
                            kBridgeCourier),
                "text/html; charset=utf-8");
    site_.Serve("/courier/festival.html",
                ArticlePage("Emberly Courier", "Lantern festival draws record crowd", "2026-11-29T20:00:00Z",
                            kFestival),
                "text/html");
    site_.Serve("/ledger/bridge.html",
                ArticlePage("Lowmill Ledger", "Crack closes Harbour Road bridge", "2026-12-01T09:30:00Z",
                            kBridgeLedger),
                "text/html");
    site_.Serve("/private/memo.html", ArticlePage("Emberly Courier", "Memo", "2026-12-01", kFestival), "text/html");
    server.Get("/courier/rss.xml", [this](const httplib::Request& request, httplib::Response& r) {
      if (request.get_header_value("If-None-Match") == "\"v1\"") {
        r.status = 304;
        return;
      }
      r.set_header("ETag", "\"v1\"");
      r.set_content(Rss(site_, {"/courier/bridge.html?utm_source=rss#top", "/courier/festival.html",
                                "/private/memo.html"}),
                    "application/rss+xml");
    });
    // Addresses name the port, known once the site listens: made per request.
    server.Get("/ledger/sitemap.xml", [this](const httplib::Request&, httplib::Response& r) {
      r.set_content("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                    "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc> " +
                        site_.Url("/ledger/bridge.html") +
                        " </loc><news:news><news:publication_date>2026-12-01T09:30:00Z</news:publication_date>"
                        "</news:news></url></urlset>",
                    "application/xml");
    });
    site_.Start();
  }

  OutletsFile Outlets(const std::vector<std::string>& courier_feeds) {
    std::string toml = "[[outlets]]\nname = \"Emberly Courier\"\ndomains = [\"courier.example\"]\nfeeds = [";
    for (size_t i = 0; i < courier_feeds.size(); ++i) toml += (i ? ", \"" : "\"") + site_.Url(courier_feeds[i]) + "\"";
    toml += "]\n[[outlets]]\nname = \"Lowmill Ledger\"\ndomains = [\"ledger.example\"]\nsitemaps = [\"" +
            site_.Url("/ledger/sitemap.xml") + "\"]\n";
    Result<OutletsFile> file = ParseOutlets(toml, "test.toml");
    EXPECT_TRUE(file.ok()) << file.status().ToString();
    EXPECT_TRUE(file->problems.empty());
    return std::move(*file);
  }

  static HttpOptions Quick(bool allow_private) {
    HttpOptions http;
    http.allow_private = allow_private;
    http.host_delay = 0ms;
    http.retry_base = 10ms;
    http.connect_timeout = 2s;
    http.total_timeout = 5s;
    http.stall_timeout = 1s;
    http.max_retries = 1;
    return http;
  }

  Store OpenStore() {
    Result<Store> store = Store::Open((dir_.path() + "/follow.db"), OpenMode::kReadWrite);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(*store);
  }

  static const OutletPassReport& Of(const PassReport& report, const std::string& outlet) {
    for (const OutletPassReport& o : report.outlets) {
      if (o.outlet == outlet) return o;
    }
    ADD_FAILURE() << "no report for " << outlet;
    return report.outlets.front();
  }

  NewsSite site_;
  TempDir dir_;
};

TEST_F(FetchPassTest, FirstPassStoresNewArticlesAndMakesStoriesSecondPassIsConditional) {
  Store store = OpenStore();
  const OutletsFile outlets = Outlets({"/courier/rss.xml"});
  HttpClient client(Quick(true));
  FollowOptions options;
  options.jobs = 2;
  Result<PassReport> first = RunFetchPass(store, outlets, client, options, {}, nullptr);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->articles_added, 3u);
  const OutletPassReport& courier = Of(*first, "Emberly Courier");
  EXPECT_EQ(courier.new_articles, 2u);
  ASSERT_EQ(courier.feeds.size(), 1u);
  EXPECT_EQ(courier.feeds[0].outcome, FeedReport::Outcome::kRead);
  EXPECT_EQ(courier.feeds[0].items, 3u);
  // robots.txt disallows /private/: reported, never requested.
  EXPECT_EQ(courier.page_errors, 1u);
  ASSERT_FALSE(courier.errors.empty());
  EXPECT_NE(courier.errors[0].find("/private/memo.html"), std::string::npos);
  EXPECT_EQ(site_.Hits("/private/memo.html"), 0u);
  EXPECT_EQ(Of(*first, "Lowmill Ledger").new_articles, 1u);
  // The tracking parameter and fragment are dropped from the stored address.
  const std::string bridge = site_.Url("/courier/bridge.html");
  Result<std::vector<bool>> known = store.KnownPages({bridge, site_.Url("/ledger/bridge.html")});
  ASSERT_TRUE(known.ok());
  EXPECT_TRUE((*known)[0]);
  EXPECT_TRUE((*known)[1]);
  Result<std::string> raw = store.FetchedPageBytes(bridge);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_NE(raw->find("Harbour Road bridge shut after crack found"), std::string::npos);
  // Stories are current: the two bridge reports are one story.
  EXPECT_GE(first->stories_after, 2u);
  Result<std::vector<StorySummary>> stories = store.ListStories();
  ASSERT_TRUE(stories.ok());
  ASSERT_FALSE(stories->empty());
  EXPECT_EQ((*stories)[0].size, 2u);
  EXPECT_EQ((*stories)[0].outlets, (std::vector<std::string>{"Emberly Courier", "Lowmill Ledger"}));

  Result<PassReport> second = RunFetchPass(store, outlets, client, options, {}, nullptr);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->articles_added, 0u);
  EXPECT_EQ(Of(*second, "Emberly Courier").feeds[0].outcome, FeedReport::Outcome::kUnchanged);
  EXPECT_EQ(site_.Hits("/courier/bridge.html"), 1u);
  EXPECT_EQ(site_.Hits("/ledger/bridge.html"), 1u);
  Result<std::vector<FeedStatus>> health = FeedHealth(store, outlets, 7);
  ASSERT_TRUE(health.ok());
  ASSERT_EQ(health->size(), 2u);
  for (const FeedStatus& f : *health) {
    EXPECT_FALSE(f.state.last_success.empty()) << f.state.url;
    EXPECT_TRUE(f.state.last_error.empty()) << f.state.url;
    ASSERT_EQ(f.per_day.size(), 1u) << f.state.url;
  }
}

TEST_F(FetchPassTest, APageThatFailedForNowIsFetchedNextPassThoughItsFeedIsUnchanged) {
  auto& server = site_.server();
  std::atomic<int> asked{0};
  server.Get("/courier/late.html", [&](const httplib::Request&, httplib::Response& r) {
    if (asked++ == 0) {
      r.status = 503;
      return;
    }
    r.set_content(ArticlePage("Emberly Courier", "Lantern festival draws record crowd", "2026-11-29", kFestival),
                  "text/html");
  });
  server.Get("/courier/etag.xml", [this](const httplib::Request& request, httplib::Response& r) {
    if (request.get_header_value("If-None-Match") == "\"same\"") {
      r.status = 304;
      return;
    }
    r.set_header("ETag", "\"same\"");
    r.set_content(Rss(site_, {"/courier/late.html"}), "application/rss+xml");
  });
  Store store = OpenStore();
  HttpOptions http = Quick(true);
  http.max_retries = 0;
  HttpClient client(http);
  FollowOptions options;
  options.update_stories = false;
  const OutletsFile outlets = Outlets({"/courier/etag.xml"});
  Result<PassReport> first = RunFetchPass(store, outlets, client, options, {}, nullptr);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Of(*first, "Emberly Courier").new_articles, 0u);
  EXPECT_EQ(Of(*first, "Emberly Courier").page_errors, 1u);
  Result<PassReport> second = RunFetchPass(store, outlets, client, options, {}, nullptr);
  ASSERT_TRUE(second.ok());
  // The feed's validators were not kept while a page of it waited: read whole again.
  EXPECT_EQ(Of(*second, "Emberly Courier").feeds[0].outcome, FeedReport::Outcome::kRead);
  EXPECT_EQ(Of(*second, "Emberly Courier").new_articles, 1u);
  Result<PassReport> third = RunFetchPass(store, outlets, client, options, {}, nullptr);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(Of(*third, "Emberly Courier").feeds[0].outcome, FeedReport::Outcome::kUnchanged);
}

TEST_F(FetchPassTest, LoopbackIsRefusedWithoutAllowPrivate) {
  Store store = OpenStore();
  HttpClient client(Quick(false));
  Result<PassReport> pass = RunFetchPass(store, Outlets({"/courier/rss.xml"}), client, FollowOptions{}, {}, nullptr);
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->articles_added, 0u);
  EXPECT_TRUE(pass->HasFailures());
  const FeedReport& feed = Of(*pass, "Emberly Courier").feeds[0];
  EXPECT_EQ(feed.outcome, FeedReport::Outcome::kFailed);
  EXPECT_NE(feed.error.find("loopback"), std::string::npos) << feed.error;
  EXPECT_NE(feed.error.find("--allow-private"), std::string::npos) << feed.error;
  EXPECT_EQ(site_.Hits("/courier/rss.xml"), 0u);
}

TEST_F(FetchPassTest, HostileFeedsFailAloneAndThePassGoesOn) {
  auto& server = site_.server();
  server.Get("/loop.xml", [this](const httplib::Request&, httplib::Response& r) { r.set_redirect(site_.Url("/loop.xml")); });
  site_.Serve("/page-not-feed.xml", ArticlePage("Emberly Courier", "Home", "2026-12-01", kFestival), "text/html");
  // The billion laughs: ten levels of ten references each.
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (char level = 'b'; level <= 'j'; ++level) {
    bomb += std::string("<!ENTITY ") + level + " \"";
    for (int i = 0; i < 10; ++i) bomb += std::string("&") + static_cast<char>(level - 1) + ";";
    bomb += "\">";
  }
  bomb += "]><rss version=\"2.0\"><channel><title>&j;</title></channel></rss>";
  site_.Serve("/bomb.xml", bomb, "application/xml");
  std::string many = "<rss version=\"2.0\"><channel>";
  for (int i = 0; i < 100000; ++i) many += "<item><link>" + site_.Url("/gone/" + std::to_string(i)) + "</link></item>";
  site_.Serve("/many.xml", many + "</channel></rss>", "application/rss+xml");
  // Latin-1 bytes declared as nothing, served as UTF-8: still read.
  site_.Serve("/latin1.xml",
              "<rss version=\"2.0\"><channel><title>Caf\xe9</title><item><title>R\xe9sum\xe9</title><link>" +
                  site_.Url("/courier/festival.html") + "</link></item></channel></rss>",
              "text/xml; charset=utf-8");
  // A server that stalls after the head, and one that sends 2 GB.
  server.Get("/stall.xml", [](const httplib::Request&, httplib::Response& r) {
    r.set_content_provider(1000, "application/xml", [](size_t, size_t, httplib::DataSink& sink) {
      sink.write("<rss>", 5);
      std::this_thread::sleep_for(3s);
      return false;
    });
  });
  server.Get("/huge.xml", [](const httplib::Request&, httplib::Response& r) {
    const std::string chunk(1 << 16, ' ');
    r.set_content_provider(size_t{2} << 30, "application/xml", [chunk](size_t, size_t, httplib::DataSink& sink) {
      return sink.write(chunk.data(), chunk.size());
    });
  });
  Store store = OpenStore();
  HttpOptions http = Quick(true);
  http.max_body = size_t{8} << 20;  // the 100,000-item feed is 6 MB
  HttpClient client(http);
  FollowOptions options;
  options.max_pages_per_outlet = 3;
  options.update_stories = false;
  Result<PassReport> pass = RunFetchPass(
      store,
      Outlets({"/loop.xml", "/page-not-feed.xml", "/bomb.xml", "/many.xml", "/latin1.xml", "/courier/rss.xml",
               "/stall.xml", "/huge.xml"}),
      client, options, {}, nullptr);
  ASSERT_TRUE(pass.ok()) << pass.status().ToString();
  const OutletPassReport& courier = Of(*pass, "Emberly Courier");
  ASSERT_EQ(courier.feeds.size(), 8u);
  EXPECT_EQ(courier.feeds[6].outcome, FeedReport::Outcome::kFailed);
  EXPECT_FALSE(courier.feeds[6].error.empty());
  EXPECT_EQ(courier.feeds[7].outcome, FeedReport::Outcome::kFailed);
  EXPECT_NE(courier.feeds[7].error.find("larger than"), std::string::npos) << courier.feeds[7].error;
  EXPECT_EQ(courier.feeds[0].outcome, FeedReport::Outcome::kFailed);
  EXPECT_NE(courier.feeds[0].error.find("redirect"), std::string::npos) << courier.feeds[0].error;
  EXPECT_EQ(courier.feeds[1].outcome, FeedReport::Outcome::kFailed);
  EXPECT_NE(courier.feeds[1].error.find("HTML"), std::string::npos) << courier.feeds[1].error;
  // The bomb's entities are never expanded: a feed with no items.
  EXPECT_EQ(courier.feeds[2].outcome, FeedReport::Outcome::kRead) << courier.feeds[2].error;
  EXPECT_EQ(courier.feeds[2].items, 0u);
  EXPECT_EQ(courier.feeds[3].items, 50000u);  // FeedOptions::max_items
  EXPECT_EQ(courier.feeds[4].items, 1u);
  // max_pages_per_outlet: the three dated addresses (the newest) are
  // fetched; the 50,000 undated ones wait for later passes.
  EXPECT_EQ(courier.new_articles, 2u);
  EXPECT_EQ(courier.pages_left, 50000u);
  EXPECT_TRUE(pass->HasFailures());
  EXPECT_EQ(Of(*pass, "Lowmill Ledger").new_articles, 1u);
}

TEST_F(FetchPassTest, WarcOfThePassReadsBackAsTheSameArticles) {
  Store store = OpenStore();
  HttpClient client(Quick(true));
  FollowOptions options;
  options.warc_dir = dir_.path() + "/warc";
  options.update_stories = false;
  Result<PassReport> pass = RunFetchPass(store, Outlets({"/courier/rss.xml"}), client, options, {}, nullptr);
  ASSERT_TRUE(pass.ok());
  ASSERT_FALSE(pass->warc_path.empty()) << pass->warc_error;
  EXPECT_TRUE(pass->warc_error.empty()) << pass->warc_error;
  EXPECT_EQ(pass->articles_added, 3u);
  // Read back through ingest's WARC source and the extractor: the same
  // pages, the same articles.
  std::map<std::string, Article> stored;
  ASSERT_TRUE(store.ForEachArticle([&](const Article& a) {
    stored[a.url] = a;
    return true;
  }).ok());
  std::unique_ptr<DocumentSource> source = OpenSource(pass->warc_path, SourceOptions{});
  SourceItem item;
  size_t pages = 0;
  while (source->Next(item)) {
    ASSERT_TRUE(item.status.ok()) << item.document.source << ": " << item.status.ToString();
    Result<Article> article = ExtractArticle(item.document);
    ASSERT_TRUE(article.ok()) << item.document.url;
    const auto it = stored.find(item.document.url);
    ASSERT_NE(it, stored.end()) << item.document.url;
    EXPECT_EQ(article->title, it->second.title);
    EXPECT_EQ(BodyText(*article), BodyText(it->second));
    EXPECT_FALSE(item.document.fetched_at.empty());
    EXPECT_EQ(item.document.http_status, 200);
    ++pages;
  }
  EXPECT_EQ(pages, 3u);
  // The feed and robots.txt are archived too, each response with its request.
  Result<WarcReader> reader = WarcReader::Open(pass->warc_path, {});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  std::map<std::string, size_t> records;  // "type uri"
  WarcRecord record;
  while (true) {
    Result<bool> more = reader->Next(record);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    ++records[record.type + " " + record.target_uri];
  }
  for (const char* path : {"/robots.txt", "/courier/rss.xml", "/courier/festival.html"}) {
    EXPECT_EQ(records["request " + site_.Url(path)], 1u) << path;
    EXPECT_EQ(records["response " + site_.Url(path)], 1u) << path;
  }
  EXPECT_EQ(records.count("warcinfo "), 1u);
}

TEST_F(FetchPassTest, AStopRaisedBeforehandStoresNothingAndSaysSo) {
  Store store = OpenStore();
  HttpClient client(Quick(true));
  std::atomic<bool> stop{true};
  Result<PassReport> pass = RunFetchPass(store, Outlets({"/courier/rss.xml"}), client, FollowOptions{}, {}, &stop);
  ASSERT_TRUE(pass.ok());
  EXPECT_TRUE(pass->stopped);
  EXPECT_EQ(pass->articles_added, 0u);
  EXPECT_EQ(*store.CountArticles(), 0u);
}

}  // namespace
}  // namespace parallax
