// ExtractHtml on invented pages: an invented outlet ("The Harbor Ledger")
// reporting an invented event (a ferry terminal reopening in "Millbrook").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/extract.h"

namespace parallax {
namespace {

const char* const kArticleParagraphs[] = {
    "The Millbrook ferry terminal reopened on Tuesday, eleven weeks after a winter storm tore "
    "away part of its pier and flooded the ticket hall.",
    "Harbor officials said the repairs cost about 4.2 million dollars, most of it covered by the "
    "regional emergency fund, and that crossings would return to the full timetable by Friday.",
    "\"We rebuilt it higher and stronger, because the next storm will come,\" said Dana Okafor, "
    "who manages the terminal for the port authority.",
    "Commuters who had spent weeks on a detour bus through the coastal road were relieved, "
    "though several said the temporary fare increase should now be reversed.",
};

std::string ArticleBodyHtml() {
  std::string body;
  body += "<p>" + std::string(kArticleParagraphs[0]) + "</p>\n<p>" + kArticleParagraphs[1] + "</p>";
  body +=
      "<figure><img src=\"pier.jpg\"><figcaption>Workers on the rebuilt pier on Monday."
      "</figcaption></figure>";
  body += "<div class=\"ad-slot\"><span>Advertisement</span></div>";
  body += "<h2>A higher pier</h2>";
  body += "<p>" + std::string(kArticleParagraphs[2]) + "</p>";
  body +=
      "<div class=\"newsletter-box\"><p>Sign up for our morning briefing, delivered to your "
      "inbox every weekday at six.</p><button>Subscribe</button></div>";
  body += "<p>" + std::string(kArticleParagraphs[3]) + "</p>";
  return body;
}

std::string FullPage() {
  return R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Millbrook ferry terminal reopens after storm repairs - The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger">
<meta name="author" content="Priya Lindqvist">
<link rel="canonical" href="https://ledger.example/2031/03/04/millbrook-ferry-terminal-reopens">
<style>.share-bar { display: flex }</style>
<script>window.trackers = ["<p>not text</p>"];</script>
</head><body>
<div class="cookie-consent"><p>We use cookies to improve your experience on our site, as
described in our privacy policy.</p><a href="/privacy">Accept all</a></div>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<header><h1>Millbrook ferry terminal reopens after storm repairs</h1>
<p class="byline">By Priya Lindqvist</p></header>
<div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a><a href="#">Email</a></div>
<div class="article-body">)" +
         ArticleBodyHtml() + R"(</div>
<p><a href="/more">Read more</a></p>
</article>
<section class="related-articles"><h3>Related stories</h3><ul>
<li><a href="/a">Storm damage along the coast is worse than first thought, say engineers</a></li>
<li><a href="/b">Port authority names new director after a long search</a></li></ul>
<p>Coastal towns across the region are still counting the cost of the winter storms, which
closed roads, piers and schools for weeks.</p></section>
<section id="comments"><h3>Comments</h3>
<div class="comment"><p>About time too, I have been taking the bus for weeks and it has been
a nightmare, honestly, with delays every single morning.</p></div>
<div class="comment"><p>Who is going to pay for the next repair, then? The fund will not last
forever, and the storms are getting worse every year.</p></div></section>
</main>
<footer><p>Copyright 2031 The Harbor Ledger. All rights reserved, including the right to
reproduce this material in any form.</p></footer>
</body></html>)";
}

std::vector<std::string> TextsWithRole(const Article& article, ParagraphRole role) {
  std::vector<std::string> texts;
  for (const Paragraph& paragraph : article.paragraphs) {
    if (paragraph.role == role) texts.push_back(paragraph.text);
  }
  return texts;
}

TEST(HtmlExtractTest, KeepsOnlyTheArticleParagraphs) {
  const Article article = ExtractHtml(FullPage());
  const std::vector<std::string> expected = {kArticleParagraphs[0], kArticleParagraphs[1],
                                             "A higher pier", kArticleParagraphs[2],
                                             kArticleParagraphs[3]};
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kBody), expected);
}

TEST(HtmlExtractTest, FigcaptionIsACaption) {
  const Article article = ExtractHtml(FullPage());
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kCaption),
            std::vector<std::string>{"Workers on the rebuilt pier on Monday."});
  for (const Paragraph& paragraph : article.paragraphs) {
    if (paragraph.role == ParagraphRole::kCaption) {
      EXPECT_FALSE(paragraph.why.empty());
    }
  }
}

TEST(HtmlExtractTest, ReadsMetadata) {
  const Article article = ExtractHtml(FullPage());
  EXPECT_EQ(article.title, "Millbrook ferry terminal reopens after storm repairs");
  EXPECT_EQ(article.site_name, "The Harbor Ledger");
  EXPECT_EQ(article.url, "https://ledger.example/2031/03/04/millbrook-ferry-terminal-reopens");
  EXPECT_EQ(article.byline, "Priya Lindqvist");
  EXPECT_EQ(article.language, "en");
  EXPECT_EQ(article.published, "2031-03-04");
  EXPECT_EQ(article.published_source, "url");
}

// A page whose <head> is `head` and whose article is the standard body.
std::string PageWithHead(const std::string& head, const std::string& article_extra = "") {
  return "<html><head>" + head + "</head><body><article>" + article_extra +
         "<div class=\"story\">" + ArticleBodyHtml() + "</div></article></body></html>";
}

TEST(HtmlExtractTest, PublishedFromJsonLd) {
  const Article article = ExtractHtml(PageWithHead(
      R"(<script type="application/ld+json">{"@context":"https://schema.org",
      "@graph":[{"@type":"WebSite","name":"x"},{"@type":["NewsArticle"],
      "headline":"Terminal reopens \u2014 at last","datePublished":"2031-03-04T08:15:00+00:00",
      "author":[{"@type":"Person","name":"Priya Lindqvist"},{"name":"Tom \"TJ\" Reyes"}],
      "publisher":{"@type":"Organization","name":"The Harbor Ledger"}}]}</script>
      <meta property="article:published_time" content="2031-03-05T00:00:00Z">)"));
  EXPECT_EQ(article.published, "2031-03-04T08:15:00+00:00");
  EXPECT_EQ(article.published_source, "json-ld");
  EXPECT_EQ(article.title, "Terminal reopens \u2014 at last");
  EXPECT_EQ(article.byline, "Priya Lindqvist, Tom \"TJ\" Reyes");
  EXPECT_EQ(article.site_name, "The Harbor Ledger");
}

TEST(HtmlExtractTest, PublishedFromMeta) {
  const Article article = ExtractHtml(
      PageWithHead(R"(<meta property="article:published_time" content="2031-03-05T06:00:00Z">)",
                   R"(<time datetime="2031-03-09">9 March</time>)"));
  EXPECT_EQ(article.published, "2031-03-05T06:00:00Z");
  EXPECT_EQ(article.published_source, "meta");
}

TEST(HtmlExtractTest, PublishedFromTimeInTheArticle) {
  const Article article = ExtractHtml(PageWithHead(
      "<title>Ferry news</title>", R"(<time datetime="2031-03-09T10:00">9 March</time>)"));
  EXPECT_EQ(article.published, "2031-03-09T10:00");
  EXPECT_EQ(article.published_source, "time");
}

TEST(HtmlExtractTest, UnparseableDatesAreSkipped) {
  const Article article = ExtractHtml(PageWithHead(
      R"(<meta name="date" content="last Tuesday"><link rel="canonical" href="https://x.example/news/2031/3/4/">)"));
  EXPECT_EQ(article.published, "");
  EXPECT_EQ(article.published_source, "");
}

TEST(HtmlExtractTest, TitleFallsBackToH1ThenTitleWithoutSiteSuffix) {
  Article article = ExtractHtml(PageWithHead("<title>Other - The Harbor Ledger</title>",
                                             "<h1>Terminal &amp; pier reopen</h1>"));
  EXPECT_EQ(article.title, "Terminal & pier reopen");
  article =
      ExtractHtml(PageWithHead("<title>Terminal reopens | The Harbor Ledger</title>"
                               "<meta name=\"application-name\" content=\"The Harbor Ledger\">"));
  EXPECT_EQ(article.title, "Terminal reopens");
  EXPECT_EQ(article.site_name, "The Harbor Ledger");
  // Without a known site name the suffix stays.
  article = ExtractHtml(PageWithHead("<title>Terminal reopens | The Harbor Ledger</title>"));
  EXPECT_EQ(article.title, "Terminal reopens | The Harbor Ledger");
}

TEST(HtmlExtractTest, UrlFromOgUrlAndBylineFromMarkup) {
  const Article article = ExtractHtml(PageWithHead(
      R"(<meta property="og:url" content="https://ledger.example/ferry">)",
      R"(<div class="meta">By <a rel="author" href="/staff/pl">Priya   Lindqvist</a></div>)"));
  EXPECT_EQ(article.url, "https://ledger.example/ferry");
  EXPECT_EQ(article.byline, "Priya Lindqvist");
  EXPECT_EQ(article.language, "");
}

TEST(HtmlExtractTest, JsonLdArticleBodyReplacesAThinPage) {
  const std::string page = R"(<html><head><script type="application/ld+json">
    {"@type":"NewsArticle","headline":"Terminal reopens",
     "articleBody":"The terminal reopened on Tuesday after eleven weeks of repairs.\n\nOfficials said the pier was rebuilt higher to resist future storms.\n\nFull crossings resume on Friday, the port authority said in a statement."}
    </script></head><body><div class="story"><p>Subscribers can read the full story by
    logging in to their account today.</p></div></body></html>)";
  const Article article = ExtractHtml(page);
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kBody),
            (std::vector<std::string>{
                "The terminal reopened on Tuesday after eleven weeks of repairs.",
                "Officials said the pier was rebuilt higher to resist future storms.",
                "Full crossings resume on Friday, the port authority said in a statement."}));
}

TEST(HtmlExtractTest, CaptionClassInsideTheArticleIsACaption) {
  const std::string page = "<div class=\"story\"><p>" + std::string(kArticleParagraphs[0]) +
                           "</p><div class=\"image-caption\">The pier at dawn (Photo: Harbor "
                           "Ledger)</div><p>" +
                           kArticleParagraphs[1] + "</p></div>";
  const Article article = ExtractHtml(page);
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kCaption),
            std::vector<std::string>{"The pier at dawn (Photo: Harbor Ledger)"});
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kBody).size(), 2u);
}

TEST(HtmlExtractTest, DeeplyNestedJsonLdIsHarmless) {
  std::string script = "{\"@type\":\"NewsArticle\",\"author\":";
  for (int i = 0; i < 100000; ++i) script += "[{\"name\":";
  const Article article =
      ExtractHtml(PageWithHead("<script type=\"application/ld+json\">" + script + "</script>"));
  EXPECT_EQ(article.byline, "");
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kBody).size(), 5u);
}

TEST(HtmlExtractTest, BrokenJsonLdIsIgnored) {
  const Article article = ExtractHtml(PageWithHead(
      R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"x" </script>)"));
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kBody).size(), 5u);
  EXPECT_EQ(article.title, "");
}

TEST(HtmlExtractTest, UnclosedParagraphsAndListItems) {
  const std::string page = "<div class=content><p>" + std::string(kArticleParagraphs[0]) + "<p>" +
                           kArticleParagraphs[1] +
                           "<ul><li>First point of the plan, agreed by the council.<li>Second "
                           "point of the plan, agreed later.</ul><p>" +
                           kArticleParagraphs[2] + "</div>";
  const std::vector<std::string> expected = {kArticleParagraphs[0], kArticleParagraphs[1],
                                             "First point of the plan, agreed by the council.",
                                             "Second point of the plan, agreed later.",
                                             kArticleParagraphs[2]};
  EXPECT_EQ(TextsWithRole(ExtractHtml(page), ParagraphRole::kBody), expected);
}

TEST(HtmlExtractTest, SkipsScriptStyleSvgAndHiddenContent) {
  const std::string page = "<div><p>" + std::string(kArticleParagraphs[0]) +
                           "<script>var x = 'code, code, code, code, code';</script>"
                           "<svg><text>chart label</text></svg></p><p hidden>Hidden text that "
                           "should never appear in the output at all.</p></div>";
  EXPECT_EQ(TextsWithRole(ExtractHtml(page), ParagraphRole::kBody),
            std::vector<std::string>{kArticleParagraphs[0]});
}

TEST(HtmlExtractTest, WhiteSpaceIsCollapsedAndEntitiesDecoded) {
  const std::string page =
      "<p>  The&nbsp;port\tauthority &amp; the   council<br>agreed,\n on <b>Tuesday</b>, to "
      "share &ldquo;the costs&rdquo; of repairs.  </p>";
  EXPECT_EQ(TextsWithRole(ExtractHtml(page), ParagraphRole::kBody),
            (std::vector<std::string>{"The port authority & the council",
                                      "agreed, on Tuesday, to share \u201Cthe costs\u201D of "
                                      "repairs."}));
}

TEST(HtmlExtractTest, DeeplyNestedMarkupCompletes) {
  std::string page;
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Deep inside the markup, the report about the ferry terminal still has text.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  const Article article = ExtractHtml(page);
  EXPECT_EQ(TextsWithRole(article, ParagraphRole::kBody),
            std::vector<std::string>{
                "Deep inside the markup, the report about the ferry terminal still has text."});
}

TEST(HtmlExtractTest, ManyUnclosedInlineElements) {
  std::string page = "<p>Start of a paragraph that goes on for a while, with commas.";
  for (int i = 0; i < 50000; ++i) page += "<b><i>";
  page += " End.</p>";
  const Article article = ExtractHtml(page);
  ASSERT_EQ(article.paragraphs.size(), 1u);
  EXPECT_EQ(article.paragraphs[0].text,
            "Start of a paragraph that goes on for a while, with commas. End.");
}

TEST(HtmlExtractTest, NulBytesAndGarbageGiveValidText) {
  static constexpr char kPage[] =
      "<p>Ferry\0 crossings resume \xFF\xFE on Friday, the port authority said.</p>";
  const Article article = ExtractHtml(std::string_view(kPage, sizeof(kPage) - 1));
  ASSERT_EQ(article.paragraphs.size(), 1u);
  EXPECT_EQ(article.paragraphs[0].text,
            "Ferry\uFFFD crossings resume \uFFFD\uFFFD on Friday, the port authority said.");
}

TEST(HtmlExtractTest, EmptyAndTextlessPages) {
  EXPECT_TRUE(ExtractHtml("").paragraphs.empty());
  EXPECT_TRUE(
      ExtractHtml("<html><head><title>T</title></head><body></body></html>").paragraphs.empty());
  EXPECT_EQ(ExtractHtml("<html><head><title>T</title></head></html>").title, "T");
}

}  // namespace
}  // namespace parallax
