// What a source knew besides the bytes reaches the article: the HTTP
// charset outranks the page's own declaration, the fetched address stands
// in for a missing canonical URL, and a record's text is split, not cleaned.
#include <gtest/gtest.h>

#include <string>

#include "parallax/extract.h"

namespace parallax {
namespace {

const std::string kCafe1252 = "Caf\xe9 cr\xe8me \xe0 la gare";  // windows-1252 bytes

RawDocument Page(const std::string& head, const std::string& text) {
  RawDocument raw;
  raw.source = "crawl.warc.gz#10";
  raw.name = "crawl";
  raw.media_type = MediaType::kHtml;
  raw.bytes = "<html><head>" + head + "</head><body><article><p>" + text + ". " + text + ". " + text +
              ".</p></article></body></html>";
  return raw;
}

TEST(DocumentHints, HttpCharsetOutranksThePageDeclaration) {
  RawDocument raw = Page("<meta charset=\"koi8-r\">", kCafe1252);
  raw.http_charset = "windows-1252";
  Result<Article> a = ExtractArticle(raw);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_NE(a->paragraphs[0].text.find("Caf\xc3\xa9 cr\xc3\xa8me \xc3\xa0 la gare"), std::string::npos)
      << a->paragraphs[0].text;
  // Without it, the page's own (here wrong) declaration is used.
  raw.http_charset.clear();
  a = ExtractArticle(raw);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs[0].text.find("Caf\xc3\xa9"), std::string::npos);
  // A label nobody knows counts as none; a BOM still comes first.
  raw.http_charset = "no-such-charset";
  a = ExtractArticle(raw);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs[0].text.find("Caf\xc3\xa9"), std::string::npos);
  RawDocument bom = Page("", "Caf\xc3\xa9 cr\xc3\xa8me");
  bom.bytes = "\xEF\xBB\xBF" + bom.bytes;
  bom.http_charset = "windows-1251";
  Result<Article> b = ExtractArticle(std::move(bom));
  ASSERT_TRUE(b.ok());
  EXPECT_NE(b->paragraphs[0].text.find("Caf\xc3\xa9 cr\xc3\xa8me"), std::string::npos);
}

TEST(DocumentHints, AddressAndMetadataFillWhatThePageDoesNotSay) {
  RawDocument raw = Page("<title>Ferry back</title>", "The ferry sails again on Tuesday after the storm");
  raw.url = "https://www.courier.example/news/ferry";
  raw.id = "ferry-1";
  Result<Article> a = ExtractArticle(raw);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->id, "ferry-1");
  EXPECT_EQ(a->url, "https://www.courier.example/news/ferry");
  EXPECT_EQ(a->outlet, "courier.example");
  // A canonical URL the page names wins.
  raw = Page("<link rel=\"canonical\" href=\"https://courier.example/ferry\">",
             "The ferry sails again on Tuesday after the storm");
  raw.url = "https://courier.example/ferry?utm_source=x";
  a = ExtractArticle(raw);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url, "https://courier.example/ferry");
}

TEST(DocumentHints, ArticleTextIsSplitNotCleaned) {
  RawDocument raw;
  raw.source = "feed.jsonl:3";
  raw.media_type = MediaType::kArticleText;
  raw.bytes = "Share\n  The ferry to Skelda sails again.  \n\nShare";  // "Share" would be debris in a text file
  raw.title = "Ferry back";
  raw.outlet_hint = "Emberly Courier";
  raw.url = "https://courier.example/a";
  raw.published = "2026-01-02";
  raw.id = "c-3";
  Result<Article> a = ExtractArticle(std::move(raw));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->paragraphs.size(), 3u);
  for (const Paragraph& p : a->paragraphs) EXPECT_EQ(p.role, ParagraphRole::kBody) << p.text;
  EXPECT_EQ(a->paragraphs[1].text, "The ferry to Skelda sails again.");
  EXPECT_EQ(a->title, "Ferry back");
  EXPECT_EQ(a->outlet, "Emberly Courier");
  EXPECT_EQ(a->url, "https://courier.example/a");
  EXPECT_EQ(a->published, "2026-01-02");
  EXPECT_EQ(a->id, "c-3");
  EXPECT_EQ(a->source, "feed.jsonl:3");

  RawDocument headline;
  headline.media_type = MediaType::kArticleText;
  headline.title = "Headline only";
  Result<Article> h = ExtractArticle(headline);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->paragraphs.empty());
  headline.title = " ";
  EXPECT_EQ(ExtractArticle(headline).status().code(), Status::Code::kEmpty);
}

}  // namespace
}  // namespace parallax
