// ParseFeed on invented documents: each format, and each hostile class
// (entity bomb, 100,000 items, HTML, wrong charsets, cut-off and deeply
// nested documents). The real samples are in feed_samples_test.cc.
#include "parallax/feeds.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/feed_internal.h"

namespace parallax {
namespace {

ParsedFeed ParseOk(const std::string& bytes,
                   const std::string& base = "https://courier.example/feed.xml",
                   const std::string& charset = "", FeedOptions options = {}) {
  Result<ParsedFeed> feed = ParseFeed(bytes, base, charset, options);
  EXPECT_TRUE(feed.ok()) << feed.status().ToString();
  return feed.ok() ? *std::move(feed) : ParsedFeed{};
}

TEST(ParseFeed, Rss20WithEveryKindOfTitleAndLink) {
  const std::string rss = R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Emberly &amp; Courier</title>
  <link>https://courier.example/</link>
  <atom:link rel="self" href="https://courier.example/rss.xml"/>
  <image><title>Not the title</title><url>https://courier.example/logo.png</url></image>
  <item>
    <title><![CDATA[<b>Harbour</b> reopens &amp; ferries return]]></title>
    <link>
      /news/harbour.html?utm_source=rss
    </link>
    <pubDate>Thu, 26 Nov 2026 08:00:00 EST</pubDate>
  </item>
  <item>
    <title>Caf&eacute; &lt;i&gt;owners&lt;/i&gt;&nbsp;protest   &#8217;rent&#x2019;</title>
    <guid isPermaLink="true">https://courier.example/news/cafe.html</guid>
    <dc:date>2026-11-26T09:30:00+01:00</dc:date>
  </item>
  <item>
    <title>An opaque guid is no address</title>
    <guid>1234567</guid>
  </item>
  <item>
    <title>Nor is a guid marked as no permalink</title>
    <guid isPermaLink="false">https://courier.example/id/77</guid>
  </item>
  <item>
    <title>A script link</title>
    <link>javascript:alert(1)</link>
  </item>
</channel>
</rss>)";
  const ParsedFeed feed = ParseOk(rss, "https://courier.example/rss.xml");
  EXPECT_EQ(feed.kind, FeedKind::kRss);
  EXPECT_EQ(feed.title, "Emberly & Courier");
  EXPECT_EQ(feed.encoding, "utf-8");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items_dropped, 3u);
  EXPECT_EQ(feed.items[0].url, "https://courier.example/news/harbour.html?utm_source=rss");
  EXPECT_EQ(feed.items[0].title, "Harbour reopens & ferries return");
  EXPECT_EQ(feed.items[0].published, "2026-11-26T13:00:00Z");
  EXPECT_EQ(feed.items[1].url, "https://courier.example/news/cafe.html");
  EXPECT_EQ(feed.items[1].title, "Caf\xC3\xA9 owners protest \xE2\x80\x99rent\xE2\x80\x99");
  EXPECT_EQ(feed.items[1].published, "2026-11-26T08:30:00Z");
}

TEST(ParseFeed, RelativeLinksWithoutAnyBaseStayAsGiven) {
  const ParsedFeed feed =
      ParseOk("<rss><channel><item><link>/a.html</link></item></channel></rss>", "");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].url, "/a.html");
  // The channel's own link is the base when the caller gives none.
  const ParsedFeed with_link = ParseOk(
      "<rss><channel><link>https://courier.example/news/</link>"
      "<item><link>a.html</link></item></channel></rss>",
      "");
  ASSERT_EQ(with_link.items.size(), 1u);
  EXPECT_EQ(with_link.items[0].url, "https://courier.example/news/a.html");
}

TEST(ParseFeed, Rss10Rdf) {
  const std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://courier.example/">
    <title>Emberly Courier (RDF)</title>
    <items><rdf:Seq><rdf:li rdf:resource="https://courier.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://courier.example/1">
    <title>First</title><link>https://courier.example/1</link><dc:date>2026-11-26</dc:date>
  </item>
  <item rdf:about="https://courier.example/2"><title>Second, linked by rdf:about</title></item>
</rdf:RDF>)";
  const ParsedFeed feed = ParseOk(rdf);
  EXPECT_EQ(feed.kind, FeedKind::kRss);
  EXPECT_EQ(feed.title, "Emberly Courier (RDF)");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].published, "2026-11-26");
  EXPECT_EQ(feed.items[1].url, "https://courier.example/2");
}

TEST(ParseFeed, AtomWithXmlBaseAndLinkRelations) {
  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://courier.example/section/">
  <title type="html">Emberly &lt;em&gt;Courier&lt;/em&gt;</title>
  <link rel="self" href="https://courier.example/atom.xml"/>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tide <b>tables</b></div></title>
    <link rel="edit" href="/edit/1"/>
    <link rel="enclosure" href="/audio/1.mp3"/>
    <link rel="alternate" type="text/html" href="tides.html"/>
    <id>tag:courier.example,2026:1</id>
    <updated>2026-11-27T10:00:00Z</updated>
    <published>2026-11-26T10:00:00-05:00</published>
    <source><title>Not this</title><link href="https://elsewhere.example/"/></source>
  </entry>
  <entry xml:base="/other/">
    <title>Relative to its own base</title>
    <link href="b.html"/>
    <updated>2026-11-27T10:00:00.123Z</updated>
  </entry>
  <entry>
    <title>Only an id</title>
    <id>https://courier.example/by-id/3</id>
  </entry>
</feed>)";
  const ParsedFeed feed = ParseOk(atom, "https://courier.example/atom.xml");
  EXPECT_EQ(feed.kind, FeedKind::kAtom);
  EXPECT_EQ(feed.title, "Emberly Courier");
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items[0].url, "https://courier.example/section/tides.html");
  EXPECT_EQ(feed.items[0].title, "Tide tables");
  EXPECT_EQ(feed.items[0].published, "2026-11-26T15:00:00Z");
  EXPECT_EQ(feed.items[1].url, "https://courier.example/other/b.html");
  EXPECT_EQ(feed.items[1].published, "2026-11-27T10:00:00Z");
  EXPECT_EQ(feed.items[2].url, "https://courier.example/by-id/3");
}

TEST(ParseFeed, JsonFeed11) {
  const std::string json = R"({
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Emberly Courier \u2014 JSON",
    "home_page_url": "https://courier.example/",
    "feed_url": "https://courier.example/feed.json",
    "authors": [{"name": "Desk", "url": "https://courier.example/desk"}],
    "items": [
      {"id": "1", "url": "https://courier.example/a.html", "title": "Lighthouse  lit",
       "content_html": "<p>x</p>", "date_published": "2026-11-26T08:00:00+02:00",
       "tags": ["a", {"nested": [1, 2, {"url": "https://courier.example/not-an-item"}]}]},
      {"id": "https://courier.example/b.html", "date_modified": "2026-11-27T00:00:00Z"},
      {"id": "2", "external_url": "/elsewhere/c.html", "title": "External"},
      {"id": "3", "title": "No address at all"}
    ]
  })";
  const ParsedFeed feed = ParseOk(json, "");
  EXPECT_EQ(feed.kind, FeedKind::kJsonFeed);
  EXPECT_EQ(feed.title, "Emberly Courier \xE2\x80\x94 JSON");
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items_dropped, 1u);
  EXPECT_EQ(feed.items[0].url, "https://courier.example/a.html");
  EXPECT_EQ(feed.items[0].title, "Lighthouse lit");
  EXPECT_EQ(feed.items[0].published, "2026-11-26T06:00:00Z");
  EXPECT_EQ(feed.items[1].url, "https://courier.example/b.html");
  EXPECT_EQ(feed.items[1].published, "2026-11-27T00:00:00Z");
  EXPECT_EQ(feed.items[2].url, "https://courier.example/elsewhere/c.html");

  EXPECT_FALSE(ParseFeed(R"({"name": "not a feed"})", "", "", {}).ok());
  EXPECT_FALSE(
      ParseFeed("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [", "", "", {}).ok());
}

TEST(ParseFeed, HtmlWhereAFeedWasExpected) {
  for (const char* page :
       {"<!DOCTYPE html>\n<html "
        "lang=\"en\"><head><title>Courier</title></head><body></body></html>",
        "<HTML><BODY>moved</BODY></HTML>", "<!doctype HTML>\n<div>a fragment</div>",
        "\xEF\xBB\xBF  <!-- hi --><html>"}) {
    Result<ParsedFeed> feed = ParseFeed(page, "https://courier.example/rss", "", {});
    ASSERT_FALSE(feed.ok()) << page;
    EXPECT_EQ(feed.status().message(), "an HTML page, not a feed or sitemap");
  }
}

TEST(ParseFeed, EmptyBinaryAndUnknownDocumentsAreErrors) {
  EXPECT_EQ(ParseFeed("", "", "", {}).status().code(), Status::Code::kEmpty);
  EXPECT_EQ(ParseFeed(" \n\t ", "", "", {}).status().code(), Status::Code::kEmpty);
  const std::string binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  Result<ParsedFeed> feed = ParseFeed(binary, "", "", {});
  ASSERT_FALSE(feed.ok());
  EXPECT_NE(feed.status().message().find("binary"), std::string::npos);
  feed = ParseFeed("<catalog><book/></catalog>", "", "", {});
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.status().message(), "root element <catalog> is not a feed or sitemap");
  feed = ParseFeed("just some words", "", "", {});
  ASSERT_FALSE(feed.ok());
  EXPECT_NE(feed.status().message().find("not a feed"), std::string::npos);
  EXPECT_FALSE(ParseFeed("[1, 2]", "", "", {}).ok());
}

TEST(ParseFeed, EntityBombIsInert) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += "  <!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bomb += "\">\n";
  }
  bomb += "  <!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n";
  bomb +=
      "<rss><channel><title>&lol9;</title><item><title>&lol9; &ext;</title>"
      "<link>https://courier.example/a</link></item></channel></rss>";
  const ParsedFeed feed = ParseOk(bomb);
  EXPECT_EQ(feed.title, "&lol9;");  // an undefined reference stays as written
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "&lol9; &ext;");
}

TEST(ParseFeed, HundredThousandItemsAreCountedPastMaxItems) {
  std::string rss = "<rss><channel><title>Many</title>";
  for (int i = 0; i < 100000; ++i) {
    rss += "<item><title>Item " + std::to_string(i) + "</title><link>https://courier.example/" +
           std::to_string(i) + "</link></item>\n";
  }
  rss += "</channel></rss>";
  ParsedFeed feed = ParseOk(rss);
  EXPECT_EQ(feed.items.size(), 50000u);  // the default max_items
  EXPECT_EQ(feed.items_dropped, 50000u);
  EXPECT_EQ(feed.items.back().url, "https://courier.example/49999");
  FeedOptions options;
  options.max_items = 10;
  feed = ParseOk(rss, "", "", options);
  EXPECT_EQ(feed.items.size(), 10u);
  EXPECT_EQ(feed.items_dropped, 99990u);
}

TEST(ParseFeed, LongBaseTimesManyLinksIsBounded) {
  // A 4 KB xml:base and 50,000 one-letter links: resolved, they would hold
  // 200 MB; the items kept stay within a few times the document.
  std::string rss =
      "<rss><channel xml:base=\"https://courier.example/" + std::string(4000, 'a') + "/\">";
  for (int i = 0; i < 50000; ++i) rss += "<item><link>x</link></item>";
  rss += "</channel></rss>";
  const ParsedFeed feed = ParseOk(rss);
  size_t kept = 0;
  for (const FeedItem& item : feed.items) kept += item.url.size() + item.title.size();
  EXPECT_LE(kept, 8 * rss.size() + (1u << 20));
  EXPECT_GT(feed.items.size(), 0u);
  EXPECT_EQ(feed.items.size() + feed.items_dropped, 50000u);
}

TEST(ParseFeed, DeepNestingIsBounded) {
  std::string rss = "<rss><channel><item><link>https://courier.example/deep</link><title>Deep";
  for (int i = 0; i < 100000; ++i) rss += "<x>";
  rss += "ly</title>";  // closes every <x> left open inside the title
  for (int i = 0; i < 100000; ++i) rss += "</x>";
  rss += "</item><item><link>https://courier.example/after</link></item></channel></rss>";
  const ParsedFeed feed = ParseOk(rss);
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "Deeply");
  EXPECT_EQ(feed.items[1].url, "https://courier.example/after");
}

TEST(ParseFeed, UnterminatedDocumentKeepsWhatWasComplete) {
  const std::string rss =
      "<rss><channel><item><link>https://courier.example/1</link></item>"
      "<item><title>Two</title><link>https://courier.example/2</link><description>cut";
  ParsedFeed feed = ParseOk(rss);
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[1].title, "Two");
  // Cut inside the address: that item has none.
  feed = ParseOk(
      "<rss><channel><item><link>https://courier.example/1</link></item>"
      "<item><link>https://courier.exa");
  EXPECT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items_dropped, 1u);
  // Cut inside a tag, a CDATA section, a comment.
  for (const char* cut :
       {"<rss><channel><item><link>https://courier.example/1</link><titl",
        "<rss><channel><item><link>https://courier.example/1</link><title><![CDATA[x",
        "<rss><channel><item><link>https://courier.example/1</link><!-- x"}) {
    EXPECT_EQ(ParseOk(cut).items.size(), 1u) << cut;
  }
  EXPECT_FALSE(ParseFeed("<?xml version=\"1.0\"?><!-- nothing", "", "", {}).ok());
}

TEST(ParseFeed, WrongOrMissingCharsets) {
  const std::string latin1_body =
      "<rss><channel><item><title>Caf\xE9 cr\xE8me</title><link>https://courier.example/1</link>"
      "</item></channel></rss>";
  const std::string expected = "Caf\xC3\xA9 cr\xC3\xA8me";
  // No declaration, not UTF-8: read as windows-1252.
  ParsedFeed feed = ParseOk(latin1_body);
  EXPECT_EQ(feed.encoding, "windows-1252");
  EXPECT_EQ(feed.items[0].title, expected);
  // Declared UTF-8 over Latin-1 bytes: the label is not believed.
  feed = ParseOk("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + latin1_body);
  EXPECT_EQ(feed.items[0].title, expected);
  // HTTP says UTF-8, the document says ISO-8859-1 and is: the document wins.
  feed = ParseOk("<?xml version='1.0' encoding='ISO-8859-1'?>" + latin1_body, "", "utf-8");
  EXPECT_EQ(feed.items[0].title, expected);
  // HTTP outranks a declaration the bytes do not contradict.
  const std::string cyrillic =  // "Мир" in windows-1251
      "<?xml version=\"1.0\" "
      "encoding=\"iso-8859-1\"?><rss><channel><item><title>\xCC\xE8\xF0</title>"
      "<link>https://courier.example/1</link></item></channel></rss>";
  feed = ParseOk(cyrillic, "", "text/xml; charset=windows-1251");
  EXPECT_EQ(feed.encoding, "windows-1251");
  EXPECT_EQ(feed.items[0].title, "\xD0\x9C\xD0\xB8\xD1\x80");
  feed = ParseOk(cyrillic, "", "windows-1251");
  EXPECT_EQ(feed.items[0].title, "\xD0\x9C\xD0\xB8\xD1\x80");
  // UTF-16 with a BOM.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string(
           "<rss><channel><item><link>https://courier.example/u</link></item></channel></rss>")) {
    utf16 += c;
    utf16 += '\0';
  }
  feed = ParseOk(utf16);
  EXPECT_EQ(feed.encoding, "utf-16le");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].url, "https://courier.example/u");
}

TEST(ParseFeed, NotWellFormedFeedsStillRead) {
  const std::string rss =
      "<rss><channel><title>A & B &copy; &unknown; &#169;</title>"
      "<item><title>x < y &amp;amp; &#x41;&#66;</title><link href=https://courier.example/h />"
      "</channel></rss>";  // the item is never closed: </channel> closes it
  const ParsedFeed feed = ParseOk(rss);
  EXPECT_EQ(feed.title, "A & B \xC2\xA9 &unknown; \xC2\xA9");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].url, "https://courier.example/h");
  EXPECT_EQ(feed.items[0].title, "x < y & AB");
}

TEST(ParseFeed, UrlsetWithNewsAndImageNamespaces) {
  const std::string sitemap = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:n="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>
      https://courier.example/a.html
    </loc>
    <image:image><image:loc>https://courier.example/a.jpg</image:loc><image:title>Pic</image:title></image:image>
    <n:news><n:publication><n:name>Emberly Courier</n:name></n:publication>
      <n:publication_date>2026-11-26T08:00:00+01:00</n:publication_date>
      <n:title> Harbour &amp; ferries </n:title></n:news>
  </url>
  <url><loc>/relative.html</loc><lastmod>2026-11-20</lastmod></url>
  <url><lastmod>2026-11-20</lastmod></url>
</urlset>)";
  const ParsedFeed feed = ParseOk(sitemap, "https://courier.example/sitemap.xml");
  EXPECT_EQ(feed.kind, FeedKind::kSitemap);
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items_dropped, 1u);
  EXPECT_EQ(feed.items[0].url, "https://courier.example/a.html");
  EXPECT_EQ(feed.items[0].title, "Harbour & ferries");
  EXPECT_EQ(feed.items[0].published, "2026-11-26T07:00:00Z");
  EXPECT_EQ(feed.items[1].url, "https://courier.example/relative.html");
  EXPECT_EQ(feed.items[1].published, "2026-11-20");
}

TEST(FeedDates, ReadsTheFormsFeedsUse) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Thu, 26 Nov 2026 08:00:00 +0000", "2026-11-26T08:00:00Z"},
      {"Thu, 26 Nov 2026 08:00:00 GMT", "2026-11-26T08:00:00Z"},
      {"Thu, 26 Nov 2026 08:00:00 UT", "2026-11-26T08:00:00Z"},
      {"Thu, 26 Nov 2026 08:00:00 EDT", "2026-11-26T12:00:00Z"},
      {"Thu, 26 Nov 2026 08:00:00 PST", "2026-11-26T16:00:00Z"},
      {"Thu, 26 Nov 2026 20:00:00 -0800", "2026-11-27T04:00:00Z"},
      {"Thu, 26 Nov 2026 00:30:00 +0530", "2026-11-25T19:00:00Z"},
      {"26 Nov 2026 08:00 +0100", "2026-11-26T07:00:00Z"},
      {"Thu, 6 Nov 26 08:00:00 GMT", "2026-11-06T08:00:00Z"},
      {"Thursday, 26-Nov-2026 08:00:00 GMT", "2026-11-26T08:00:00Z"},
      {"Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z"},
      {"Sat, Dec 16 2023 12:02:33 AM", "2023-12-16T00:02:33Z"},
      {"Mon, 01 Jan 2024 10:00:00 +0000 (UTC)", "2024-01-01T10:00:00Z"},
      {"December 16, 2023", "2023-12-16"},
      {"  Thu, 26 Nov 2026 08:00:00 +00:00 ", "2026-11-26T08:00:00Z"},
      {"2026-11-26", "2026-11-26"},
      {"2026-11-26T08:00:00Z", "2026-11-26T08:00:00Z"},
      {"2026-11-26T08:00Z", "2026-11-26T08:00:00Z"},
      {"2026-11-26T08:00:00.123456+01:00", "2026-11-26T07:00:00Z"},
      {"2026-11-26 08:00:00 +0100", "2026-11-26T07:00:00Z"},
      {"2026-11-26T08:00:00", "2026-11-26T08:00:00Z"},
      {"2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00Z"},
      {"2026-12-31T23:59:60Z", "2026-12-31T23:59:59Z"},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(feed::NormalizeFeedDate(text), expected) << text;
  }
  for (const char* bad :
       {"", "yesterday", "2026", "2026-11", "2026-13-01", "2023-02-29", "2026-11-26T25:00:00Z",
        "2026-11-26T08:00:00+99:00", "Thu, 32 Nov 2026", "Thu, 26 Foo 2026 08:00:00 GMT", "26 Nov",
        "Nov 2026", "Thu, 26 Nov 2026 13:00:00 PM"}) {
    EXPECT_EQ(feed::NormalizeFeedDate(bad), "") << bad;
  }
}

TEST(FeedTitles, PlainText) {
  EXPECT_EQ(feed::PlainTitle("  a \n\t b  "), "a b");
  EXPECT_EQ(feed::PlainTitle("<p>One</p><p>Two</p>"), "One Two");
  EXPECT_EQ(feed::PlainTitle("Break<b>ing</b> news"), "Breaking news");
  // Escaped twice in the feed: XML's decoding leaves references, read here.
  EXPECT_EQ(feed::PlainTitle("It&#8217;s &amp; more"), "It\xE2\x80\x99s & more");
  EXPECT_EQ(feed::PlainTitle("a < b > c"), "a < b > c");
  EXPECT_EQ(feed::PlainTitle("x<script>alert(1)</script>y"), "x y");
  // Double-encoded UTF-8 is repaired; text that only looks alike is not.
  EXPECT_EQ(feed::PlainTitle("Actualit\xC3\x83\xC2\xA9s"), "Actualit\xC3\xA9s");
  EXPECT_EQ(feed::PlainTitle("Razer\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "Razer\xE2\x80\x99s");
  EXPECT_EQ(feed::PlainTitle("\xC3\x80 la carte, caf\xC3\xA9"), "\xC3\x80 la carte, caf\xC3\xA9");
  EXPECT_EQ(feed::PlainTitle("\xC3\x83 et \xC3\xA9"), "\xC3\x83 et \xC3\xA9");
}

}  // namespace
}  // namespace parallax
