// ParseFeed on the real samples in ../shared/bench/ingest, read in place and
// never copied: every feed and sitemap, with the README's counts confirmed.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/feeds.h"
#include "parallax/text.h"

namespace parallax {
namespace {

const std::string kSamples = PARALLAX_SHARED_DIR "/bench/ingest/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Gunzip(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + MAX_WBITS), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buffer[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    rc = inflate(&stream, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  EXPECT_EQ(rc, Z_STREAM_END);
  return out;
}

bool IsValidUtf8(const std::string& text) { return FindInvalidUtf8(text) == std::string::npos; }

ParsedFeed ParseOk(const std::string& bytes,
                   const std::string& base = "https://courier.example/feed.xml",
                   const std::string& charset = "", FeedOptions options = {}) {
  Result<ParsedFeed> feed = ParseFeed(bytes, base, charset, options);
  EXPECT_TRUE(feed.ok()) << feed.status().ToString();
  return feed.ok() ? *std::move(feed) : ParsedFeed{};
}

// Item counts from ../shared/bench/ingest/README.md, each confirmed here.
const std::map<std::string, size_t> kFeedItems = {
    {"fr-AtomTheVerge.xml", 10},
    {"fr-AtomVergeAllPosts.xml", 10},
    {"fr-Rss091Stadtfeuerwehr.xml", 15},
    {"fr-Rss10Minutos20Catalans.xml", 15},
    {"fr-Rss20BreakingNews.xml", 10},
    {"fr-Rss20CTVNews.xml", 10},
    {"fr-Rss20CityDog.xml", 10},
    {"fr-Rss20DaStandardAt.xml", 34},
    {"fr-Rss20DailyMail.xml", 0},
    {"fr-Rss20FinanzenNet.xml", 15},
    {"fr-Rss20ISO88591Intranet30.xml", 30},
    {"fr-Rss20IndianExpress.xml", 200},
    {"fr-Rss20JapanToday.xml", 20},
    {"fr-Rss20JungeGruender.xml", 6},
    {"fr-Rss20LeFigaro.xml", 50},
    {"fr-Rss20LeMonde.xml", 18},
    {"fr-Rss20LeParisien.xml", 30},
    {"fr-Rss20MassaNews.xml", 50},
    {"fr-Rss20MoscowTimes.xml", 50},
    {"fr-Rss20NuusInAfrikaans.xml", 5},
    {"fr-Rss20Spiegel.xml", 17},
    {"fr-Rss20TheMirror.xml", 25},
    {"fr-Rss20TrendingTopics.xml", 10},
    {"fr-Rss20YandexRussia.xml", 15},
    {"rp-heise.atom", 15},
    {"rp-encoding.rss", 40},
    {"rp-rss-1.rss", 69},
    {"rp-instant-article.rss", 1},
    {"frs-rss_2.0_bbc.xml", 1},
    {"frs-rss_2.0_ilgiornale.xml", 1},
    {"frs-rss_2.0_ilmessaggero.xml", 1},
    {"frs-rss_2.0_spiegel.xml", 1},
    {"frs-rss_2.0_nbcny.xml", 1},
    {"frs-rss_2.0_wirecutter.xml", 1},
    {"frs-rss_1.0_iso8859.xml", 1},
    {"frs-rss_2.0_encoding_1.xml", 1},
    {"frs-atom_mediarss_newscred_1.xml", 1},
    {"frs-rss_2.0_dbengines.xml", 1},
    {"sc-guardian.rss", 169},
};

TEST(ParseFeedSamples, EveryFeedGivesItsItems) {
  size_t total = 0;
  for (const auto& [name, expected] : kFeedItems) {
    const std::string bytes = ReadFile(kSamples + "feeds/" + name);
    ASSERT_FALSE(bytes.empty()) << name;
    Result<ParsedFeed> feed = ParseFeed(bytes, "", "", {});
    ASSERT_TRUE(feed.ok()) << name << ": " << feed.status().ToString();
    EXPECT_EQ(feed->items.size(), expected) << name;
    EXPECT_EQ(feed->items_dropped, 0u) << name;
    const bool atom = name.find("Atom") != std::string::npos || name.ends_with(".atom") ||
                      name.find("atom_") != std::string::npos;
    EXPECT_EQ(feed->kind, atom ? FeedKind::kAtom : FeedKind::kRss) << name;
    EXPECT_TRUE(IsValidUtf8(feed->title)) << name;
    for (const FeedItem& item : feed->items) {
      EXPECT_TRUE(item.url.starts_with("http://") || item.url.starts_with("https://"))
          << name << ": " << item.url;
      EXPECT_EQ(item.url.find_first_of(" \n\t"), std::string::npos) << name << ": " << item.url;
      EXPECT_TRUE(IsValidUtf8(item.title)) << name;
      EXPECT_EQ(item.title.find('<'), std::string::npos) << name << ": " << item.title;
      EXPECT_EQ(item.title.find("  "), std::string::npos) << name << ": " << item.title;
    }
    total += feed->items.size();
  }
  EXPECT_EQ(total, 959u);  // the README's total
}

TEST(ParseFeedSamples, DatesAreReadWhereTheFeedGivesThem) {
  // Every item of these has a date, RFC 822 or ISO 8601 (dc:date, updated).
  for (const char* name : {"sc-guardian.rss", "fr-Rss20IndianExpress.xml", "rp-rss-1.rss",
                           "fr-AtomTheVerge.xml", "rp-heise.atom", "fr-Rss20LeMonde.xml",
                           "fr-Rss10Minutos20Catalans.xml", "frs-rss_2.0_dbengines.xml"}) {
    const ParsedFeed feed = ParseOk(ReadFile(kSamples + "feeds/" + name), "");
    ASSERT_FALSE(feed.items.empty()) << name;
    for (const FeedItem& item : feed.items) {
      EXPECT_EQ(item.published.size(), 20u) << name << ": '" << item.published << "'";
      EXPECT_TRUE(item.published.ends_with("Z")) << name << ": " << item.published;
    }
  }
  // None of FinanzenNet's items is dated.
  for (const FeedItem& item : ParseOk(ReadFile(kSamples + "feeds/fr-Rss20FinanzenNet.xml")).items) {
    EXPECT_EQ(item.published, "");
  }
}

TEST(ParseFeedSamples, OddDateOfNbcNewYork) {
  // pubDate "Sat, Dec 16 2023 02:02:33 PM": month first, a 12-hour clock, no zone.
  const ParsedFeed feed = ParseOk(ReadFile(kSamples + "feeds/frs-rss_2.0_nbcny.xml"));
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].published, "2023-12-16T14:02:33Z");
}

TEST(ParseFeedSamples, Latin1FilesDecodeToUtf8) {
  ParsedFeed feed = ParseOk(ReadFile(kSamples + "feeds/fr-Rss091Stadtfeuerwehr.xml"));
  EXPECT_EQ(feed.encoding, "windows-1252");
  EXPECT_NE(feed.title.find("Eins\xC3\xA4tze"), std::string::npos) << feed.title;  // "ä"
  feed = ParseOk(ReadFile(kSamples + "feeds/rp-encoding.rss"));
  EXPECT_EQ(feed.encoding, "windows-1252");
  EXPECT_NE(feed.title.find("\xC3\x9Altimas"), std::string::npos) << feed.title;  // "Ú"
  EXPECT_NE(feed.title.find("Not\xC3\xAD"
                            "cias"),
            std::string::npos)
      << feed.title;  // "í"
  for (const char* name : {"fr-Rss20ISO88591Intranet30.xml", "frs-rss_1.0_iso8859.xml",
                           "frs-rss_2.0_encoding_1.xml"}) {
    feed = ParseOk(ReadFile(kSamples + "feeds/" + name));
    EXPECT_EQ(feed.encoding, "windows-1252") << name;
    for (const FeedItem& item : feed.items) {
      EXPECT_EQ(item.title.find("\xEF\xBF\xBD"), std::string::npos) << name << ": " << item.title;
    }
  }
}

TEST(ParseFeedSamples, Latin1LabelOverUtf8BytesIsNotBelieved) {
  // Its umlauts are in the descriptions (UTF-8 under an ISO-8859-1 label):
  // the bytes decide, so they are read as UTF-8.
  const std::string bytes = ReadFile(kSamples + "feeds/fr-Rss20FinanzenNet.xml");
  EXPECT_EQ(ParseOk(bytes).encoding, "utf-8");
  // The HTTP charset outranks the declaration, but is not believed either.
  EXPECT_EQ(ParseOk(bytes, "", "ISO-8859-1").encoding, "utf-8");
  // The same class, invented, where the text lands in a title.
  const ParsedFeed feed = ParseOk(
      "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><item><title>Kursziel "
      "f\xC3\xBCr "
      "Emberly</title><link>https://courier.example/k</link></item></channel></rss>");
  EXPECT_EQ(feed.encoding, "utf-8");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "Kursziel f\xC3\xBCr Emberly");
}

TEST(ParseFeedSamples, DoubleEncodedTitlesAreRepaired) {
  // These files hold UTF-8 text that was once read as windows-1252 and
  // encoded again ("\xC3\x83\xC2\xA9" for "\xC3\xA9").
  for (const char* name : {"fr-Rss20LeMonde.xml", "fr-Rss20MassaNews.xml", "fr-Rss20LeFigaro.xml",
                           "fr-Rss10Minutos20Catalans.xml", "fr-AtomTheVerge.xml"}) {
    const ParsedFeed feed = ParseOk(ReadFile(kSamples + "feeds/" + name));
    EXPECT_EQ(feed.title.find("\xC3\x83"), std::string::npos) << name << ": " << feed.title;
    for (const FeedItem& item : feed.items) {
      EXPECT_EQ(item.title.find("\xC3\x83"), std::string::npos) << name << ": " << item.title;
      EXPECT_EQ(item.title.find("\xC3\xA2\xE2\x82\xAC"), std::string::npos)
          << name << ": " << item.title;
    }
  }
}

TEST(ParseFeedSamples, RelativeLinksResolveAgainstTheFeedsAddress) {
  const ParsedFeed feed = ParseOk(ReadFile(kSamples + "feeds/sc-guardian.rss"),
                                  "https://www.theguardian.com/world/rss");
  ASSERT_EQ(feed.items.size(), 169u);
  for (const FeedItem& item : feed.items) {
    EXPECT_TRUE(item.url.starts_with("https://www.theguardian.com/")) << item.url;
  }
}

TEST(ParseFeedSamples, DailyMailChannelHasNoItems) {
  const ParsedFeed feed = ParseOk(ReadFile(kSamples + "feeds/fr-Rss20DailyMail.xml"));
  EXPECT_EQ(feed.kind, FeedKind::kRss);
  EXPECT_TRUE(feed.items.empty());
  EXPECT_EQ(feed.items_dropped, 0u);
  EXPECT_FALSE(feed.title.empty());
}

TEST(ParseFeedSamples, NewsSitemapWithDatesAndTrimmedAddresses) {
  const ParsedFeed feed = ParseOk(ReadFile(kSamples + "sitemaps/adv-nytimes-news_sitemap.xml"),
                                  "https://www.nytimes.com/sitemaps/news.xml");
  EXPECT_EQ(feed.kind, FeedKind::kSitemap);
  ASSERT_EQ(feed.items.size(), 6u);
  // The first <loc> ends in a space, trimmed; news:publication_date
  // outranks lastmod (both dated May 2020 in this file, to the second).
  EXPECT_TRUE(feed.items[0].url.ends_with(".html")) << feed.items[0].url;
  EXPECT_TRUE(feed.items[0].published.starts_with("2020-05-")) << feed.items[0].published;
  EXPECT_NE(feed.items[0].published, feed.items[1].published);
  for (const FeedItem& item : feed.items) {
    EXPECT_TRUE(item.url.starts_with("https://www.nytimes.com/")) << item.url;  // never image:loc
    EXPECT_FALSE(item.title.empty());  // news:title, trimmed
    EXPECT_NE(item.title.front(), ' ');
    EXPECT_NE(item.title.back(), ' ');
    EXPECT_EQ(item.published.size(), 20u);
  }
}

TEST(ParseFeedSamples, GzippedSitemapAtTheLimit) {
  const std::string compressed = ReadFile(kSamples + "sitemaps/sc-tripadvisor.sitemap.xml.gz");
  Result<ParsedFeed> raw = ParseFeed(compressed, "", "", {});
  ASSERT_FALSE(raw.ok());  // gzip must be inflated first, and says so
  EXPECT_NE(raw.status().message().find("gzip"), std::string::npos);

  const std::string xml = Gunzip(compressed);
  ParsedFeed feed = ParseOk(xml, "https://www.tripadvisor.com/sitemap.xml");
  EXPECT_EQ(feed.kind, FeedKind::kSitemap);
  EXPECT_EQ(feed.items.size(), 50000u);
  EXPECT_EQ(feed.items_dropped, 0u);
  for (const FeedItem& item : feed.items) {
    // xhtml:link alternates (android-app://...) are not items.
    ASSERT_TRUE(item.url.starts_with("https://www.tripadvisor.com/")) << item.url;
    EXPECT_EQ(item.published, "");
  }
  FeedOptions options;
  options.max_items = 1000;
  feed = ParseOk(xml, "", "", options);
  EXPECT_EQ(feed.items.size(), 1000u);
  EXPECT_EQ(feed.items_dropped, 49000u);
}

TEST(ParseFeedSamples, SitemapIndexListsItsSitemaps) {
  const ParsedFeed feed = ParseOk(ReadFile(kSamples + "sitemaps/sc-tripadvisor.sitemap.index.xml"));
  EXPECT_EQ(feed.kind, FeedKind::kSitemapIndex);
  ASSERT_FALSE(feed.items.empty());
  for (const FeedItem& item : feed.items) {
    EXPECT_TRUE(item.url.starts_with("https://www.tripadvisor.com/sitemap/")) << item.url;
    EXPECT_TRUE(item.url.ends_with(".xml.gz")) << item.url;
    EXPECT_EQ(item.published.size(), 20u);
  }
  EXPECT_EQ(feed.items[0].published, "2023-06-15T17:26:39Z");
}

}  // namespace
}  // namespace parallax
