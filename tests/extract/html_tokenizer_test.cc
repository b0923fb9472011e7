#include "extract/html_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::html {
namespace {

// A compact rendering of the token stream: S<name a="v"/> E</name> T"text" C<!--text-->.
std::string Render(std::string_view input) {
  Tokenizer tokenizer(input);
  Token token;
  std::string out;
  while (tokenizer.Next(token)) {
    switch (token.type) {
      case TokenType::kStartTag:
        out += "<" + token.name;
        for (const Attribute& attribute : token.attributes) {
          out += " " + attribute.name + "=\"" + attribute.value + "\"";
        }
        out += token.self_closing ? "/>" : ">";
        break;
      case TokenType::kEndTag:
        out += "</" + token.name + ">";
        break;
      case TokenType::kText:
        out += "[" + token.text + "]";
        break;
      case TokenType::kComment:
        out += "<!--" + token.text + "-->";
        break;
      case TokenType::kDoctype:
        out += "<!DOCTYPE" + token.text + ">";
        break;
    }
  }
  return out;
}

std::string TextOf(std::string_view input) {
  Tokenizer tokenizer(input);
  Token token;
  std::string text;
  while (tokenizer.Next(token)) {
    if (token.type == TokenType::kText) text += token.text;
  }
  return text;
}

TEST(HtmlTokenizerTest, TagsTextAndCaseInsensitiveNames) {
  EXPECT_EQ(Render("<P CLASS=lead>Hello <B>world</b></P>"),
            "<p class=\"lead\">[Hello ]<b>[world]</b></p>");
}

TEST(HtmlTokenizerTest, AttributeForms) {
  EXPECT_EQ(Render("<a href='x y' title=\"a > b\" data-n=3 hidden>"),
            "<a href=\"x y\" title=\"a > b\" data-n=\"3\" hidden=\"\">");
  EXPECT_EQ(Render("<img src = \"a.png\" alt=>"), "<img src=\"a.png\" alt=\"\">");
  EXPECT_EQ(Render("<a id=1 id=2>"), "<a id=\"1\">");  // the first one wins
  EXPECT_EQ(Render("<br/><img src=x />"), "<br/><img src=\"x\"/>");
  EXPECT_EQ(Render("<a/b>"), "<a b=\"\">");
}

TEST(HtmlTokenizerTest, EndTagIgnoresAttributes) {
  EXPECT_EQ(Render("</div class=\"x>y\">after"), "</div>[after]");
}

TEST(HtmlTokenizerTest, LessThanThatIsNotMarkup) {
  EXPECT_EQ(Render("a < b <3 and 2<5"), "[a < b <3 and 2<5]");
  EXPECT_EQ(Render("x</>y"), "[x][y]");
  EXPECT_EQ(Render("tail <"), "[tail <]");
}

TEST(HtmlTokenizerTest, Comments) {
  EXPECT_EQ(Render("a<!-- note -->b"), "[a]<!-- note -->[b]");
  EXPECT_EQ(Render("<!---->x<!-->y<!--->z"), "<!---->[x]<!---->[y]<!---->[z]");
  EXPECT_EQ(Render("<!-- a -- b --!>c"), "<!-- a -- b -->[c]");
  EXPECT_EQ(Render("<!-- never closed <p>text"), "<!-- never closed <p>text-->");
}

TEST(HtmlTokenizerTest, DoctypeAndBogusComments) {
  EXPECT_EQ(Render("<!DOCTYPE html><p>"), "<!DOCTYPE html><p>");
  EXPECT_EQ(Render("<?xml version=\"1.0\"?><a>"), "<!--?xml version=\"1.0\"?--><a>");
  EXPECT_EQ(Render("<![CDATA[x]]>y"), "<!--[CDATA[x]]-->[y]");
  EXPECT_EQ(Render("</3>z"), "<!--3-->[z]");
}

TEST(HtmlTokenizerTest, RawTextElementsKeepMarkupAsText) {
  EXPECT_EQ(Render("<script>if (a<b && c) x = '</p>';</script>done"),
            "<script>[if (a<b && c) x = '</p>';]</script>[done]");
  EXPECT_EQ(Render("<STYLE>p > a { }</Style >"), "<style>[p > a { }]</style>");
  EXPECT_EQ(Render("<script></scriptx></script>"), "<script>[</scriptx>]</script>");
  // title and textarea decode references; script does not.
  EXPECT_EQ(Render("<title>A &amp; <b>B</title>"), "<title>[A & <b>B]</title>");
  EXPECT_EQ(Render("<script>a &amp; b</script>"), "<script>[a &amp; b]</script>");
  EXPECT_EQ(Render("<noscript><img src=x></noscript>"), "<noscript>[<img src=x>]</noscript>");
}

TEST(HtmlTokenizerTest, UnterminatedScriptRunsToTheEnd) {
  EXPECT_EQ(Render("<p>a<script>var s = '<p>never'"), "<p>[a]<script>[var s = '<p>never']");
}

TEST(HtmlTokenizerTest, UnterminatedTagsAreDropped) {
  EXPECT_EQ(Render("text<a href=\"never"), "[text]");
  EXPECT_EQ(Render("text<div class=x"), "[text]");
}

TEST(HtmlTokenizerTest, NamedReferences) {
  EXPECT_EQ(TextOf("&lt;&gt;&amp;&quot;&apos;"), "<>&\"'");
  EXPECT_EQ(TextOf("caf&eacute; na&iuml;ve &Uuml;ber Stra&szlig;e &ntilde;"),
            "caf\u00E9 na\u00EFve \u00DCber Stra\u00DFe \u00F1");
  EXPECT_EQ(TextOf("&ldquo;Hi&rdquo; &lsquo;x&rsquo; a&mdash;b 1&ndash;2 &hellip;"),
            "\u201CHi\u201D \u2018x\u2019 a\u2014b 1\u20132 \u2026");
  EXPECT_EQ(TextOf("&euro;5 &pound;3 &yen; &copy; &reg; &trade; &deg; &times; &divide;"),
            "\u20AC5 \u00A33 \u00A5 \u00A9 \u00AE \u2122 \u00B0 \u00D7 \u00F7");
  EXPECT_EQ(TextOf("a&nbsp;b &laquo;c&raquo; &bull; &middot;"),
            "a\u00A0b \u00ABc\u00BB \u2022 \u00B7");
}

TEST(HtmlTokenizerTest, EveryNameOfTheHtmlTableIsKnown) {
  // Beyond Latin-1 and typography: mathematics, Greek, arrows, and names
  // that stand for two characters (a base and a combining mark).
  EXPECT_EQ(TextOf("x &notin; S, &omega; &Omega; &sum; &forall;"), "x \u2209 S, \u03C9 \u03A9 \u2211 \u2200");
  EXPECT_EQ(TextOf("&rightarrow;&LeftArrow;&hookrightarrow;"), "\u2192\u2190\u21AA");
  EXPECT_EQ(TextOf("&NotEqualTilde;"), "\u2242\u0338");
  EXPECT_EQ(TextOf("&CounterClockwiseContourIntegral;"), "\u2233") << "the longest name";
  EXPECT_EQ(TextOf("&fjlig;"), "fj");
  // Names are case-sensitive.
  EXPECT_EQ(TextOf("&NOTIN;"), "&NOTIN;");
}

TEST(HtmlTokenizerTest, LegacyAndUnknownReferences) {
  EXPECT_EQ(TextOf("AT&T &amp fish"), "AT&T & fish");
  EXPECT_EQ(TextOf("&notareference; &unknown; & alone &;"),
            "\u00ACareference; &unknown; & alone &;");
  EXPECT_EQ(TextOf("&copy2019"), "\u00A92019");
  // Without ';' only the legacy names count, and the longest one wins:
  // "&notin" without its ';' is "not" and "in".
  EXPECT_EQ(TextOf("&notin &omega"), "\u00ACin &omega");
}

TEST(HtmlTokenizerTest, ReferencesInAttributes) {
  EXPECT_EQ(Render("<a href=\"?a=1&amp;b=2&copy=3&lang=en\" title='&lt;x&gt;'>"),
            "<a href=\"?a=1&b=2&copy=3&lang=en\" title=\"<x>\">");
}

TEST(HtmlTokenizerTest, NumericReferences) {
  EXPECT_EQ(TextOf("&#65;&#x42;&#X43;&#233"), "ABC\u00E9");
  EXPECT_EQ(TextOf("&#150;&#147;x&#148;"), "\u2013\u201Cx\u201D");  // windows-1252 range
  EXPECT_EQ(TextOf("&#0;&#xD800;&#x110000;&#99999999999999;"), "\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(TextOf("&#x1F600;"), "\U0001F600");
  EXPECT_EQ(TextOf("&#; &#x;"), "&#; &#x;");
}

TEST(HtmlTokenizerTest, NulAndInvalidUtf8BecomeReplacementCharacters) {
  static constexpr char kInput[] = "a\0b<p cl\0ss=\"x\0\">\xFF\xC3(";
  const std::string input(kInput, sizeof(kInput) - 1);
  EXPECT_EQ(Render(input), "[a\uFFFDb]<p cl\uFFFDss=\"x\uFFFD\">[\uFFFD\uFFFD(]");
}

TEST(HtmlTokenizerTest, NeverReadsPastTheEnd) {
  for (std::string_view input : {"<", "<!", "<!-", "<!--", "</", "<a", "<a b", "<a b=", "<a b='",
                                 "&", "&#", "&#x", "&am", "<script>", "<!DOCTYPE", "<?"}) {
    Tokenizer tokenizer(input);
    Token token;
    int tokens = 0;
    while (tokenizer.Next(token)) ++tokens;
    EXPECT_LE(tokens, 2) << input;
    EXPECT_EQ(tokenizer.position(), input.size()) << input;
  }
}

TEST(HtmlTokenizerTest, LongInputIsLinear) {
  std::string input;
  for (int i = 0; i < 200000; ++i) input += "<!--";  // many unterminated comment openers
  for (int i = 0; i < 200000; ++i) input += "</scr";
  Tokenizer tokenizer(input);
  Token token;
  int tokens = 0;
  while (tokenizer.Next(token)) ++tokens;
  EXPECT_EQ(tokens, 1);
}

TEST(HtmlTokenizerTest, AppendValidUtf8KeepsValidSequences) {
  std::string out;
  AppendValidUtf8("\u00E9\u4E2D\U0001F600 \xE0\x80\x80 \xED\xA0\x80", out);
  EXPECT_EQ(out, "\u00E9\u4E2D\U0001F600 \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD");
}

}  // namespace
}  // namespace parallax::html
