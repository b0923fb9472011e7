// DecodeToUtf8 and ExtractHtml on hostile input: absurd nesting, a page of
// about 100 MB, NUL bytes, unterminated markup, broken character references,
// huge attribute values and a million unclosed paragraphs. Each must give
// text or a clear error, never a crash or a hang.
//
// There are no timing assertions here: unit tests run on loaded machines,
// under sanitizers and in Debug builds, where any limit would be either
// flaky or meaningless. Speed is measured by the benchmarks (bench/); a
// quadratic slip on these inputs would still show up as a test that takes
// minutes instead of about a second.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parallax/extract.h"

namespace parallax {
namespace {

// An invented news paragraph; `n` makes each one different, as on a real
// page (identical lines would look like page debris).
std::string Sentence(size_t n) {
  return "Paragraph " + std::to_string(n) +
         ": the harbour workers' union said on Tuesday that the strike at the container "
         "terminal would continue until the port authority restored the night-shift pay.";
}

// The pipeline's path for a page: bytes -> UTF-8 -> Article.
Article ExtractPage(const std::string& html) {
  RawDocument raw;
  raw.bytes = html;
  raw.media_type = MediaType::kHtml;
  Result<std::string> decoded = DecodeToUtf8(raw);
  EXPECT_TRUE(decoded.ok()) << decoded.status().message();
  if (!decoded.ok()) return Article();
  return ExtractHtml(*decoded);
}

std::vector<std::string> BodyTexts(const Article& article) {
  std::vector<std::string> texts;
  for (const Paragraph& paragraph : article.paragraphs) {
    if (paragraph.role == ParagraphRole::kBody) texts.push_back(paragraph.text);
  }
  return texts;
}

// True when `needle` appears in no paragraph, title or byline.
bool NowhereIn(const Article& article, std::string_view needle) {
  if (article.title.find(needle) != std::string::npos) return false;
  if (article.byline.find(needle) != std::string::npos) return false;
  for (const Paragraph& paragraph : article.paragraphs) {
    if (paragraph.text.find(needle) != std::string::npos) return false;
  }
  return true;
}

TEST(RobustnessTest, HundredThousandNestedDivs) {
  constexpr int kDepth = 100000;
  std::string html = "<html><body>";
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "<p>" + Sentence(1) + "</p>";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "</body></html>";
  EXPECT_EQ(BodyTexts(ExtractPage(html)), std::vector<std::string>{Sentence(1)});

  // The same depth never closed: the input simply ends.
  std::string unclosed = "<html><body>";
  for (int i = 0; i < kDepth; ++i) unclosed += "<div class=\"wrap\">";
  unclosed += Sentence(2);
  EXPECT_EQ(BodyTexts(ExtractPage(unclosed)), std::vector<std::string>{Sentence(2)});
}

TEST(RobustnessTest, HundredMegabytePageComesOutWhole) {
  constexpr size_t kTargetBytes = 100u << 20;
  std::string html =
      "<!DOCTYPE html><html><head><title>Port strike goes on</title>"
      "<script>var tracking = '<p>not text</p>';</script></head><body>"
      "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
      "<article><h1>Port strike goes on</h1>\n";
  size_t paragraphs = 0;
  while (html.size() < kTargetBytes) {
    html += "<p>" + Sentence(paragraphs++) + "</p>\n";
  }
  html += "</article><footer><p>Copyright The Harbour Ledger.</p></footer></body></html>";
  ASSERT_GE(html.size(), kTargetBytes);

  const Article article = ExtractPage(html);
  EXPECT_EQ(article.title, "Port strike goes on");
  const std::vector<std::string> body = BodyTexts(article);
  ASSERT_EQ(body.size(), paragraphs);
  EXPECT_EQ(body.front(), Sentence(0));
  EXPECT_EQ(body[paragraphs / 2], Sentence(paragraphs / 2));
  EXPECT_EQ(body.back(), Sentence(paragraphs - 1));
  EXPECT_TRUE(NowhereIn(article, "not text"));
}

TEST(RobustnessTest, NulBytes) {
  // Early in the file, a NUL means binary data: a clear error with the offset.
  std::string early = "<html><body><p>" + Sentence(1) + "</p></body></html>";
  early[15] = '\0';
  RawDocument raw;
  raw.bytes = early;
  raw.media_type = MediaType::kHtml;
  const Result<std::string> decoded = DecodeToUtf8(raw);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.status().message().find("NUL byte at offset 15"), std::string::npos)
      << decoded.status().message();

  // Past the binary check's window a NUL is a damaged character: U+FFFD.
  std::string late = "<html><body>" + std::string(20000, ' ') + "<p>" + Sentence(2) + "</p>";
  const size_t nul_at = late.find("union") + 2;  // "un\0on"
  late[nul_at] = '\0';
  std::string expected = Sentence(2);
  expected.replace(expected.find("union") + 2, 1, "\xEF\xBF\xBD");
  EXPECT_EQ(BodyTexts(ExtractPage(late)), std::vector<std::string>{expected});

  // ExtractHtml alone, on NULs everywhere, including inside tags.
  using namespace std::string_literals;
  std::string everywhere = "<ht\0ml><bo\0dy><p cl\0ass=\"a\0b\">"s + Sentence(3) + "\0</p>"s;
  everywhere += std::string(100, '\0');
  for (const Paragraph& paragraph : ExtractHtml(everywhere).paragraphs) {
    EXPECT_EQ(paragraph.text.find('\0'), std::string::npos);
  }
}

TEST(RobustnessTest, UnterminatedCommentHidesTheRest) {
  const std::string html = "<html><body><p>" + Sentence(1) + "</p><!-- <p>" + Sentence(2) +
                           "</p><p>" + Sentence(3) + "</p>";
  const Article article = ExtractPage(html);
  EXPECT_EQ(BodyTexts(article), std::vector<std::string>{Sentence(1)});
  EXPECT_TRUE(NowhereIn(article, "Paragraph 2"));
  EXPECT_TRUE(NowhereIn(article, "Paragraph 3"));
}

TEST(RobustnessTest, UnterminatedScriptHidesTheRest) {
  const std::string html = "<html><body><p>" + Sentence(1) + "</p><script>var x = '<p>" +
                           Sentence(2) + "</p>'; </scrip <p>" + Sentence(3) + "</p>";
  const Article article = ExtractPage(html);
  EXPECT_EQ(BodyTexts(article), std::vector<std::string>{Sentence(1)});
  EXPECT_TRUE(NowhereIn(article, "Paragraph 2"));
  EXPECT_TRUE(NowhereIn(article, "Paragraph 3"));

  // Same for style, and for a comment that ends the file half-closed.
  EXPECT_TRUE(NowhereIn(ExtractPage("<p>" + Sentence(4) + "</p><style>p { } " + Sentence(5)),
                        "Paragraph 5"));
  EXPECT_TRUE(NowhereIn(ExtractPage("<p>" + Sentence(6) + "</p><!-- " + Sentence(7) + " --"),
                        "Paragraph 7"));
}

TEST(RobustnessTest, BrokenCharacterReferences) {
  // WHATWG's reading: "&amp" without ';' is still '&' (a legacy name);
  // "&#xZZ;" has no digits, so it is literal text; numbers that are no code
  // point (too large, or 0) become U+FFFD; "&notit;" decodes the legacy
  // prefix "&not" and keeps the rest.
  const std::string html =
      "<html><body><p>Fish &amp chips &#xZZ; then &#99999999; and &#0; and &notit; and &#x; "
      "and AT&T and &; said the union on Tuesday at the container terminal.</p></body></html>";
  const std::vector<std::string> body = BodyTexts(ExtractPage(html));
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0],
            "Fish & chips &#xZZ; then \xEF\xBF\xBD and \xEF\xBF\xBD and \xC2\xACit; and &#x; "
            "and AT&T and &; said the union on Tuesday at the container terminal.");
}

TEST(RobustnessTest, TenMegabyteAttributeValue) {
  const std::string huge(10u << 20, 'x');
  const std::string html = "<html><head><meta name=\"description\" content=\"" + huge +
                           "\"></head><body><div data-state='" + huge + "'><p title=\"" + huge +
                           "\">" + Sentence(1) + "</p></div></body></html>";
  const Article article = ExtractPage(html);
  EXPECT_EQ(BodyTexts(article), std::vector<std::string>{Sentence(1)});
  EXPECT_TRUE(NowhereIn(article, "xxxxxxxx"));

  // Never closed: the input ends inside the tag, which WHATWG drops, so the
  // attribute's "text" must not turn into a paragraph.
  const std::string open = "<html><body><p>" + Sentence(2) + "</p><p title=\"" + huge + " " +
                           Sentence(3);
  const Article open_article = ExtractPage(open);
  EXPECT_EQ(BodyTexts(open_article), std::vector<std::string>{Sentence(2)});
  EXPECT_TRUE(NowhereIn(open_article, "Paragraph 3"));
}

TEST(RobustnessTest, MillionUnclosedParagraphs) {
  constexpr size_t kCount = 1000000;
  std::string empty = "<html><body>";
  for (size_t i = 0; i < kCount; ++i) empty += "<p>";
  empty += Sentence(1);
  EXPECT_EQ(BodyTexts(ExtractPage(empty)), std::vector<std::string>{Sentence(1)});

  // Each <p> closes the one before it (an omitted end tag), so every one is
  // its own paragraph.
  std::string filled = "<html><body><article>";
  for (size_t i = 0; i < kCount; ++i) filled += "<p>" + Sentence(i);
  const std::vector<std::string> body = BodyTexts(ExtractPage(filled));
  ASSERT_EQ(body.size(), kCount);
  EXPECT_EQ(body.front(), Sentence(0));
  EXPECT_EQ(body.back(), Sentence(kCount - 1));
}

TEST(RobustnessTest, CutOffMarkupAtTheEnd) {
  // The input ends inside a tag, comment or declaration: WHATWG drops it.
  for (std::string_view tail : {"<!", "<!-", "<!--", "<?xml", "<a href=\"", "<a href=", "<a b",
                                "</p", "<p", "<!DOCTYPE", "<![CDATA[", "<p title='x"}) {
    const std::string html = "<html><body><p>" + Sentence(1) + "</p>" + std::string(tail);
    EXPECT_EQ(BodyTexts(ExtractPage(html)), std::vector<std::string>{Sentence(1)}) << tail;
  }
  // These are not markup yet ("<" needs a name after it, "&#" digits), so
  // WHATWG keeps them as text, and so does parallax.
  for (std::string_view tail : {"<", "</", "&", "&#", "&#x"}) {
    const std::string html = "<html><body><p>" + Sentence(1) + "</p>" + std::string(tail);
    EXPECT_EQ(BodyTexts(ExtractPage(html)), (std::vector<std::string>{Sentence(1), std::string(tail)}))
        << tail;
  }
}

}  // namespace
}  // namespace parallax
