// The real feeds and sitemaps of ../shared/bench/ingest served by an
// in-process server on 127.0.0.1, fetched as a pass fetches them and
// parsed: every one gives the items it gives read from disk, also when the
// server names the wrong charset. Nothing but the fixture is contacted.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parallax/feeds.h"
#include "parallax/http.h"
#include "parallax/ingest.h"
#include "support/news_site.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

const std::string kSamples = PARALLAX_SHARED_DIR "/bench/ingest";

// What ParseFeed makes of the bytes, gzipped or not: the item count, or -1.
long ItemsOf(std::string bytes, const std::string& base, const std::string& charset) {
  if (bytes.size() > 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b') {
    Result<std::string> inflated = GunzipBytes(bytes, size_t{256} << 20);
    if (!inflated.ok()) return -1;
    bytes = std::move(*inflated);
  }
  Result<ParsedFeed> feed = ParseFeed(bytes, base, charset, FeedOptions{});
  return feed.ok() ? static_cast<long>(feed->items.size()) : -1;
}

TEST(SamplesOverHttp, EveryRealFeedAndSitemapReadsAsItReadsFromDisk) {
  ASSERT_TRUE(fs::is_directory(kSamples + "/feeds")) << "the samples are read from " << kSamples;
  testing::NewsSite site;
  std::map<std::string, std::string> files;  // name -> bytes
  for (const char* folder : {"feeds", "sitemaps"}) {
    for (const fs::directory_entry& entry : fs::directory_iterator(kSamples + "/" + folder)) {
      const std::string name = entry.path().filename().string();
      files[name] = testing::ReadFile(entry.path().string());
      const bool gzipped = name.size() > 3 && name.substr(name.size() - 3) == ".gz";
      // As servers send them: no charset, so the document's own declaration counts...
      site.Serve("/plain/" + name, files[name], gzipped ? "application/x-gzip" : "application/xml");
      // ...and a wrong one, which must not win over what the bytes are.
      site.Serve("/utf8/" + name, files[name], gzipped ? "application/x-gzip" : "text/xml; charset=utf-8");
    }
  }
  ASSERT_GE(files.size(), 40u);
  site.Start();

  HttpOptions options;
  options.allow_private = true;
  options.host_delay = 0ms;
  options.per_host = 4;
  HttpClient client(options);
  std::vector<HttpRequest> requests;
  std::vector<std::string> names;
  for (const auto& [name, bytes] : files) {
    for (const char* route : {"/plain/", "/utf8/"}) {
      requests.push_back({site.Url(route + name), "", "", names.size()});
      names.push_back(name);
    }
  }
  std::map<std::string, std::vector<long>> fetched;
  client.Fetch(std::move(requests), [&](HttpResult&& result) {
    ASSERT_TRUE(result.error.ok()) << result.url << ": " << result.error.ToString();
    ASSERT_EQ(result.status, 200) << result.url;
    fetched[names[result.tag]].push_back(ItemsOf(std::move(result.body), result.final_url, result.charset));
  });

  long feed_items = 0;
  for (const auto& [name, bytes] : files) {
    const long on_disk = ItemsOf(bytes, "http://127.0.0.1/" + name, "");
    EXPECT_GE(on_disk, 0) << name << " does not parse from disk";
    ASSERT_EQ(fetched[name].size(), 2u) << name;
    EXPECT_EQ(fetched[name][0], on_disk) << name << " served without a charset";
    EXPECT_EQ(fetched[name][1], on_disk) << name << " served as UTF-8";
    if (name.find("sitemap") == std::string::npos) feed_items += on_disk;
  }
  // The counts the samples' README lists (feeds: <item>/<entry> elements).
  EXPECT_EQ(feed_items, 959);
  EXPECT_EQ(ItemsOf(files["sc-tripadvisor.sitemap.xml.gz"], "", ""), 50000);
  EXPECT_EQ(ItemsOf(files["adv-nytimes-news_sitemap.xml"], "", ""), 6);
}

}  // namespace
}  // namespace parallax
