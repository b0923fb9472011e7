// Tests of the HTML report on a small hand-built Comparison of an invented
// story (a bridge closure in the invented town of Wexmoor), with hostile
// text planted in every field that reaches the page.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/report.h"

namespace parallax {
namespace {

constexpr std::string_view kHostileParagraph =
    "Readers wrote <script>alert(1)</script> and <img src=x onerror=alert(1)> and "
    "<a href=\"javascript:alert(1)\">x</a> to the desk.";

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t count = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

// The text from `from` up to the next occurrence of `until` (or the end).
std::string_view Between(std::string_view html, std::string_view from, std::string_view until) {
  const size_t begin = html.find(from);
  if (begin == std::string_view::npos) return {};
  const size_t end = html.find(until, begin + from.size());
  return html.substr(begin, end == std::string_view::npos ? end : end - begin);
}

void AddParagraph(AnalyzedArticle& doc, std::string text, ParagraphRole role = ParagraphRole::kBody,
                  std::string why = "") {
  doc.article.paragraphs.push_back({std::move(text), role, std::move(why)});
}

// Adds the sentence `text`, found in paragraph `paragraph`; returns its index.
uint32_t AddSentence(AnalyzedArticle& doc, uint32_t paragraph, std::string_view text) {
  const std::string& para = doc.article.paragraphs.at(paragraph).text;
  const size_t begin = para.find(text);
  EXPECT_NE(begin, std::string::npos) << text;
  Sentence sentence;
  sentence.span = {paragraph, static_cast<uint32_t>(begin),
                   static_cast<uint32_t>(begin + text.size())};
  doc.sentences.push_back(sentence);
  return static_cast<uint32_t>(doc.sentences.size() - 1);
}

void AddHit(AnalyzedArticle& doc, uint32_t sentence, std::string_view term, std::string category,
            bool in_quote, int speaker) {
  FramingHit hit;
  hit.sentence = sentence;
  const Span& s = doc.sentences.at(sentence).span;
  const size_t begin = doc.article.paragraphs.at(s.paragraph).text.find(term);
  EXPECT_NE(begin, std::string::npos) << term;
  hit.span = {s.paragraph, static_cast<uint32_t>(begin),
              static_cast<uint32_t>(begin + term.size())};
  hit.term = std::string(term);
  hit.entry = hit.term;
  hit.category = std::move(category);
  hit.in_quote = in_quote;
  hit.speaker = speaker;
  doc.framing.push_back(hit);
}

void AddQuote(AnalyzedArticle& doc, uint32_t sentence, std::string text, int speaker,
              std::string speaker_text) {
  Quote quote;
  quote.span = doc.sentences.at(sentence).span;
  quote.last_paragraph = quote.span.paragraph;
  quote.text = std::move(text);
  quote.sentence = sentence;
  quote.speaker = speaker;
  quote.speaker_text = std::move(speaker_text);
  doc.quotes.push_back(quote);
}

Fact MakeFact(std::vector<SentenceRef> refs, double score) {
  Fact fact;
  fact.sentences = refs;
  for (const SentenceRef& ref : refs) fact.documents.push_back(ref.document);
  std::sort(fact.documents.begin(), fact.documents.end());
  fact.documents.erase(std::unique(fact.documents.begin(), fact.documents.end()),
                       fact.documents.end());
  fact.score = score;
  return fact;
}

// Three invented outlets report the Wexmoor bridge closure.
Comparison MakeComparison() {
  Comparison c;
  c.documents.resize(3);

  AnalyzedArticle& gazette = c.documents[0];
  gazette.article.id = "d0";
  gazette.article.outlet = "Fenwick Gazette";
  gazette.article.title = "Wexmoor bridge shut after cracks found";
  gazette.article.url = "javascript:alert('url')";
  AddParagraph(gazette,
               "The Wexmoor bridge closed on Monday after engineers found cracks. About 4,000 "
               "drivers use it daily.");
  AddParagraph(gazette, "\u201CThe bridge is not safe,\u201D said engineer Ada Brook.");
  AddParagraph(gazette, "Engineers inspect the bridge.", ParagraphRole::kCaption, "figure caption");
  AddParagraph(gazette, std::string(kHostileParagraph));
  AddSentence(gazette, 0, "The Wexmoor bridge closed on Monday after engineers found cracks.");
  AddSentence(gazette, 0, "About 4,000 drivers use it daily.");
  AddSentence(gazette, 1, gazette.article.paragraphs[1].text);
  AddSentence(gazette, 2, "Engineers inspect the bridge.");
  AddSentence(gazette, 3, kHostileParagraph);
  AddHit(gazette, 0, "cracks", "evil\" onmouseover=\"alert(1)", false, -1);
  gazette.entities.push_back({"Ada Brook", EntityType::kPerson, {"engineer Ada Brook"}, {}, 1});
  AddQuote(gazette, 2, "The bridge is not safe,", 0, "engineer Ada Brook");

  AnalyzedArticle& post = c.documents[1];
  post.article.id = "d1";
  post.article.outlet = "Moor Valley Post";
  post.article.title = "Bridge chaos for commuters";
  AddParagraph(post, "Wexmoor bridge was shut on Monday because of cracks, chaos for commuters.");
  AddParagraph(post, "\u201CCouncillors are reckless,\u201D said Ms Brook.");
  AddParagraph(post, "+4", ParagraphRole::kBoilerplate, "widget line");
  AddParagraph(post, "Meanwhile, a celebrity chef opened a restaurant.", ParagraphRole::kOffTopic,
               "shares no vocabulary with the story");
  AddSentence(post, 0, post.article.paragraphs[0].text);
  AddSentence(post, 1, post.article.paragraphs[1].text);
  AddSentence(post, 2, "+4");
  AddSentence(post, 3, post.article.paragraphs[3].text);
  AddHit(post, 0, "chaos", "alarmist", false, -1);
  AddHit(post, 1, "reckless", "pejorative", true, 0);
  post.entities.push_back({"Ada Brook", EntityType::kPerson, {"Ms Brook"}, {}, 1});
  AddQuote(post, 1, "Councillors are reckless,", 0, "Ms Brook");

  AnalyzedArticle& wire = c.documents[2];
  wire.article.id = "d2";
  wire.article.outlet = "<b>Tally</b> \"Wire\"";
  wire.article.title = "<script>alert('title')</script>";
  AddParagraph(wire, "The bridge closed on Monday.");
  AddParagraph(wire, "\u201CWe will reopen it by May,\u201D a spokesperson said.");
  AddParagraph(wire,
               "\u201CThe bridge is not safe to cross in any weather,\u201D "
               "Ms Brook said.");
  AddSentence(wire, 0, "The bridge closed on Monday.");
  AddSentence(wire, 1, wire.article.paragraphs[1].text);
  AddSentence(wire, 2, wire.article.paragraphs[2].text);
  AddQuote(wire, 1, "We will reopen it by May,", -1, "a spokesperson");
  AddQuote(wire, 2, "The bridge is not safe to cross in any weather,", 0, "Ms Brook");
  wire.quotes.back().medium = "interview";

  // Listed out of reading order on purpose: the page orders rows itself.
  c.facts.push_back(MakeFact({{0, 4}}, 1));                    // hostile paragraph, unique
  c.facts.push_back(MakeFact({{0, 0}, {1, 0}, {2, 0}}, 0.7));  // the closure, shared by all
  c.facts.push_back(MakeFact({{0, 2}, {1, 1}}, 0.4));          // Brook's words, two outlets
  c.facts.push_back(MakeFact({{0, 1}}, 1));                    // 4,000 drivers, unique

  Entity brook{"e0",
               "Ada Brook",
               EntityType::kPerson,
               {"Ada Brook", "engineer Ada Brook", "Ms Brook"},
               {1, 1, 1},
               {{0, 0}, {1, 0}, {2, 0}}};
  Entity town{"e1", "Wexmoor", EntityType::kPlace, {"Wexmoor"}, {1, 1, 0}, {}};
  Entity hostile{"e2", "<script>alert(2)</script>", EntityType::kOrganization, {}, {}, {}};
  c.entities = {brook, town, hostile};
  c.shared_entities = {"e1", "e2"};

  c.quotes = {
      {"q0", 0, 0, 0, {"q3"}}, {"q1", 1, 0, 0, {}}, {"q2", 2, 0, -1, {}}, {"q3", 2, 1, 0, {"q0"}}};
  Voice voice;
  voice.entity = 0;
  voice.quotes_by_document = {{"q0"}, {"q1"}, {"q3"}};
  voice.same_source_different_passages = true;
  voice.medium = "speech";
  c.voices = {voice};
  c.similarity = {{0, 1, 0.75}, {0, 2, 0.5}, {1, 2, 0.25}};
  c.similarity_summary = {3, true, 0.25, 0.5, 0.5, 0.75};
  c.same_event = true;
  return c;
}

// Every tag of the page: its name and attributes. Article text is escaped,
// so each '<' in the output opens markup of ours.
struct Tag {
  std::string name;
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;
};

std::vector<Tag> ParseTags(std::string_view html) {
  std::vector<Tag> tags;
  for (size_t pos = html.find('<'); pos != std::string_view::npos; pos = html.find('<', pos)) {
    Tag tag;
    ++pos;
    if (pos < html.size() && html[pos] == '/') {
      tag.closing = true;
      ++pos;
    }
    while (pos < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[pos])) || html[pos] == '!')) {
      tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[pos++])));
    }
    while (pos < html.size() && html[pos] != '>') {
      if (html[pos] == ' ' || html[pos] == '\n') {
        ++pos;
        continue;
      }
      std::string name;
      while (pos < html.size() && html[pos] != '=' && html[pos] != ' ' && html[pos] != '>') {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[pos++])));
      }
      std::string value;
      if (pos < html.size() && html[pos] == '=') {
        EXPECT_EQ(html[pos + 1], '"') << "unquoted attribute " << name;
        const size_t close = html.find('"', pos + 2);
        value = std::string(html.substr(pos + 2, close - pos - 2));
        pos = close + 1;
      }
      tag.attributes.emplace_back(name, value);
    }
    tags.push_back(tag);
  }
  return tags;
}

TEST(EscapeHtmlTest, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml(""), "");
  EXPECT_EQ(EscapeHtml("plain words"), "plain words");
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");  // escaping twice is visible, never undone
}

TEST(EscapeHtmlTest, KeepsUtf8AndReplacesBrokenBytes) {
  const std::string curly = "caf\xC3\xA9 \u201Cquoted\u201D \xF0\x9F\x93\xB0";
  EXPECT_EQ(EscapeHtml(curly), curly);
  const std::string kFffd = "\xEF\xBF\xBD";
  EXPECT_EQ(EscapeHtml("a\xFF"
                       "b"),
            "a" + kFffd + "b");
  EXPECT_EQ(EscapeHtml("cut \xE2\x80"), "cut " + kFffd + kFffd);  // a span cut a character
  EXPECT_EQ(EscapeHtml(std::string_view("x\0y", 3)), "x" + kFffd + "y");
  EXPECT_EQ(EscapeHtml("\xC0\xAF"), kFffd + kFffd);              // overlong '/'
  EXPECT_EQ(EscapeHtml("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // surrogate
}

TEST(RenderHtmlTest, HostileTextStaysInertText) {
  const std::string html = RenderHtml(MakeComparison());
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;a href=&quot;javascript:alert(1)&quot;&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Tally&lt;/b&gt; &quot;Wire&quot;"), std::string::npos);
  EXPECT_NE(html.find("title=\"evil&quot; onmouseover=&quot;alert(1)\""), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);

  const std::vector<std::string> allowed = {
      "!doctype", "html",  "head",    "meta",    "title", "style",     "body", "header",
      "main",     "nav",   "section", "article", "h1",    "h2",        "h3",   "p",
      "div",      "span",  "a",       "mark",    "dl",    "dt",        "dd",   "table",
      "thead",    "tbody", "tr",      "th",      "td",    "blockquote", "ol",   "li",
      "strong"};
  for (const Tag& tag : ParseTags(html)) {
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), tag.name), allowed.end()) << tag.name;
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_NE(name.rfind("on", 0), 0u) << "event handler " << name << " on " << tag.name;
      EXPECT_NE(name, "src");
      EXPECT_NE(name, "style");
      if (name == "href") {
        // The page's own anchors, or an original article over http(s).
        const bool own = value.rfind("#", 0) == 0;
        const bool web = value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0;
        EXPECT_TRUE(own || web) << value;
        if (web) {
          bool safe = false;
          for (const auto& [n, v] : tag.attributes) safe |= n == "rel" && v == "noopener noreferrer nofollow";
          EXPECT_TRUE(safe) << "a link out without rel=noopener noreferrer: " << value;
        }
      }
    }
  }
}

TEST(RenderHtmlTest, ASentenceThatAddsDetailIsLabelled) {
  Comparison c = MakeComparison();
  EXPECT_EQ(RenderHtml(c).find("class=\"relation\""), std::string::npos);
  c.facts[1].sentences[2].relation = FactRelation::kAddsDetail;  // the closure, third outlet
  const std::string html = RenderHtml(c);
  const size_t label = html.find(">adds detail</span>");
  ASSERT_NE(label, std::string::npos);
  EXPECT_EQ(html.find(">adds detail</span>", label + 1), std::string::npos);
}

TEST(RenderHtmlTest, LoadsNothingAndRunsNothing) {
  const std::string html = RenderHtml(MakeComparison());
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" "
                      "content=\"default-src 'none'; style-src 'unsafe-inline'\">"),
            std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(RenderHtmlTest, TagsAreBalanced) {
  const std::string html = RenderHtml(MakeComparison());
  std::vector<std::string> open;
  for (const Tag& tag : ParseTags(html)) {
    if (tag.name == "!doctype" || tag.name == "meta") continue;  // void elements
    if (!tag.closing) {
      open.push_back(tag.name);
      continue;
    }
    ASSERT_FALSE(open.empty()) << "stray </" << tag.name << ">";
    ASSERT_EQ(open.back(), tag.name);
    open.pop_back();
  }
  EXPECT_TRUE(open.empty());
}

TEST(RenderHtmlTest, OneColumnPerDocument) {
  const std::string html = RenderHtml(MakeComparison());
  EXPECT_EQ(Count(html, "class=\"outlet-column"), 3u);
  const size_t d0 = html.find("class=\"outlet-column accent-0\" data-document=\"d0\"");
  const size_t d1 = html.find("class=\"outlet-column accent-1\" data-document=\"d1\"");
  const size_t d2 = html.find("class=\"outlet-column accent-2\" data-document=\"d2\"");
  ASSERT_NE(d0, std::string::npos);
  ASSERT_NE(d1, std::string::npos);
  ASSERT_NE(d2, std::string::npos);
  EXPECT_LT(d0, d1);
  EXPECT_LT(d1, d2);
  EXPECT_NE(html.find("<span class=\"outlet\">Fenwick Gazette</span><span class=\"title\">"
                      "Wexmoor bridge shut after cracks found</span>"),
            std::string::npos);
  EXPECT_NE(html.find("repeat(3, minmax"), std::string::npos);
}

TEST(RenderHtmlTest, SharedAndUniqueRowsInOrderOfFirstAppearance) {
  const std::string html = RenderHtml(MakeComparison());
  EXPECT_EQ(Count(html, "<div class=\"fact shared\""), 2u);
  EXPECT_EQ(Count(html, "<div class=\"fact unique\""), 2u);
  // Fact 1 opens every report; fact 3 (sentence 1 of d0) ties with fact 2
  // (sentence 1 of d1) and wins on document order; fact 0 comes last.
  const size_t f1 = html.find("data-fact=\"1\"");
  const size_t f3 = html.find("data-fact=\"3\"");
  const size_t f2 = html.find("data-fact=\"2\"");
  const size_t f0 = html.find("data-fact=\"0\"");
  EXPECT_LT(f1, f3);
  EXPECT_LT(f3, f2);
  EXPECT_LT(f2, f0);

  const std::string_view brook = Between(html, "data-fact=\"2\"", "<div class=\"fact ");
  EXPECT_NE(brook.find("<div class=\"cell missing\" data-document=\"d2\">not reported</div>"),
            std::string_view::npos);
  EXPECT_NE(brook.find("<div class=\"cell reported\" data-document=\"d1\">"),
            std::string_view::npos);

  // The unique row shows exactly its sentence, cut from the paragraph by
  // its span, in its owner's column.
  const std::string_view drivers = Between(html, "data-fact=\"3\"", "<div class=\"fact ");
  EXPECT_NE(drivers.find("<div class=\"cell own\" data-document=\"d0\"><p class=\"sentence\" "
                         "data-sentence=\"1\">About 4,000 drivers use it daily.<a class=\"src\" "
                         "href=\"#d0-p0\""),
            std::string_view::npos);
  EXPECT_EQ(drivers.find("The Wexmoor bridge closed"), std::string_view::npos);
  EXPECT_EQ(drivers.find("not reported"), std::string_view::npos);
}

TEST(RenderHtmlTest, SummaryNamesOutletsEntitiesAndSimilarity) {
  const std::string html = RenderHtml(MakeComparison());
  const std::string_view summary = Between(html, "<header class=\"page\">", "</header>");
  EXPECT_NE(summary.find("3 reports compared"), std::string_view::npos);
  EXPECT_NE(summary.find("Same event: the reports tell one story"), std::string_view::npos);
  EXPECT_NE(summary.find("<dd>Wexmoor, &lt;script&gt;alert(2)&lt;/script&gt;</dd>"),
            std::string_view::npos);
  EXPECT_NE(summary.find("mean 0.50"), std::string_view::npos);  // (0.75 + 0.5 + 0.25) / 3
  EXPECT_NE(summary.find("<td>0.75</td>"), std::string_view::npos);
}

TEST(RenderHtmlTest, QuoteTableBySpeakerAndOutlet) {
  const std::string html = RenderHtml(MakeComparison());
  const std::string_view quotes = Between(html, "<section id=\"quotes\">", "</section>");
  const size_t brook = quotes.find("<span class=\"name\">Ada Brook</span>");
  const size_t unknown = quotes.find("<tr class=\"voice unknown-speaker\">");
  ASSERT_NE(brook, std::string_view::npos);
  ASSERT_NE(unknown, std::string_view::npos);
  EXPECT_LT(brook, unknown);  // the unknown speakers' row comes last
  EXPECT_NE(quotes.find("also: engineer Ada Brook, Ms Brook"), std::string_view::npos);
  EXPECT_NE(quotes.find("same source, different passages (speech)"), std::string_view::npos);
  EXPECT_NE(quotes.find("quoted by 3 of 3 outlets"), std::string_view::npos);

  const std::string_view unknown_row = quotes.substr(unknown);
  EXPECT_NE(unknown_row.find("We will reopen it by May,"), std::string_view::npos);
  EXPECT_NE(unknown_row.find("attributed to &ldquo;a spokesperson&rdquo;"), std::string_view::npos);
  EXPECT_EQ(unknown_row.find("Councillors"), std::string_view::npos);

  // q0 and q3 are one passage, cut shorter by the Gazette.
  EXPECT_EQ(Count(quotes, "<span class=\"badge same\">same passage</span>"), 2u);
  const std::string_view q0 = Between(quotes, "id=\"quote-q0\"", "</blockquote>");
  EXPECT_NE(q0.find("trimmed"), std::string_view::npos);
  EXPECT_NE(q0.find("<a href=\"#quote-q3\">&lt;b&gt;Tally&lt;/b&gt;"), std::string_view::npos);
  const std::string_view q3 = Between(quotes, "id=\"quote-q3\"", "</blockquote>");
  EXPECT_EQ(q3.find("trimmed"), std::string_view::npos);
  EXPECT_NE(q3.find("as &ldquo;Ms Brook&rdquo; &middot; from an interview"),
            std::string_view::npos);
  const std::string_view q1 = Between(quotes, "id=\"quote-q1\"", "</blockquote>");
  EXPECT_EQ(q1.find("same passage"), std::string_view::npos);
}

TEST(RenderHtmlTest, FramingTermsAreMarkedAndAttributed) {
  const std::string html = RenderHtml(MakeComparison());
  EXPECT_NE(html.find("<mark class=\"loaded\" title=\"alarmist\">chaos</mark>"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"loaded\" title=\"pejorative\" data-in-quote=\"true\">"
                      "reckless</mark>"),
            std::string::npos);
  const std::string_view wording = Between(html, "<section id=\"wording\">", "</section>");
  const std::string_view post = Between(wording, "<h3>Moor Valley Post</h3>", "<h3>");
  EXPECT_NE(post.find("1 in the outlet&#39;s own words, 1 inside quotes"), std::string_view::npos);
  EXPECT_NE(post.find("<tr class=\"own\"><td class=\"term\">chaos</td><td class=\"category\">"
                      "alarmist</td><td class=\"whose\">the outlet&#39;s own</td>"),
            std::string_view::npos);
  EXPECT_NE(post.find("<tr class=\"quoted\"><td class=\"term\">reckless</td>"),
            std::string_view::npos);
  EXPECT_NE(post.find("in a quote by Ada Brook"), std::string_view::npos);
  const std::string_view wire = Between(wording, "Tally", "</section>");
  EXPECT_NE(wire.find("No loaded wording found."), std::string_view::npos);
}

TEST(RenderHtmlTest, DebrisCaptionsAndOffTopicAreGreyedWithTheirReason) {
  const std::string html = RenderHtml(MakeComparison());
  EXPECT_NE(html.find("<p class=\"para role-caption\" id=\"d0-p2\" data-role=\"caption\" "
                      "title=\"figure caption\"><span class=\"role-label\">caption</span>"
                      "Engineers inspect the bridge.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("class=\"para role-boilerplate\" id=\"d1-p2\""), std::string::npos);
  EXPECT_NE(html.find("title=\"widget line\""), std::string::npos);
  EXPECT_NE(html.find("class=\"para role-off_topic\" id=\"d1-p3\""), std::string::npos);
  EXPECT_NE(html.find("title=\"shares no vocabulary with the story\""), std::string::npos);
  EXPECT_NE(html.find("<p class=\"para role-body\" id=\"d0-p0\" data-role=\"body\">"),
            std::string::npos);
  // The canonical URL is text, never a link.
  EXPECT_NE(html.find("<span class=\"url\">javascript:alert(&#39;url&#39;)</span>"),
            std::string::npos);
}

TEST(RenderHtmlTest, MalformedComparisonRendersWithoutReadingOutOfBounds) {
  Comparison c = MakeComparison();
  c.facts.push_back(MakeFact({{7, 0}, {0, 99}, {-1, 0}}, 0.1));
  c.documents[0].sentences.push_back({{0, 50, 9999}, {}});  // runs past its paragraph
  c.documents[0].sentences.push_back({{42, 0, 10}, {}});    // no such paragraph
  c.facts.push_back(MakeFact({{0, 5}, {0, 6}, {1, 3}}, 0.2));
  c.documents[1].framing.push_back({0, {0, 60, 5000}, "x", "x", "x", true, 77});
  c.documents[1].framing.push_back({99, {9, 0, 1}, "y", "y", "y", false, -1});
  c.quotes.push_back({"q9", 5, 0, 12, {"nope"}});
  c.quotes.push_back({"q10", 0, 40, -1, {}});
  c.voices.push_back({99, {{"q404"}}, true, ""});
  c.shared_entities.push_back("e404");
  c.similarity = {{0, 7, 0.5}, {-1, 0, 0.5}, {1, 1, 0.5}};
  c.similarity_summary = {};
  const std::string html = RenderHtml(c);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_NE(html.find("not measured"), std::string::npos);
  EXPECT_NE(html.find("<dd>Wexmoor, &lt;script&gt;alert(2)&lt;/script&gt;, e404</dd>"),
            std::string::npos);
}

TEST(RenderHtmlTest, EmptyComparisonIsAPage) {
  const std::string html = RenderHtml(Comparison{});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("No reports to compare."), std::string::npos);
  EXPECT_NE(html.find("No quotes found."), std::string::npos);
  EXPECT_EQ(Count(html, "class=\"outlet-column"), 0u);
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

TEST(RenderHtmlTimeline, WhoPublishedWhenWithCopiesAndLinksToTheOriginals) {
  Comparison c;
  auto doc = [](const std::string& outlet, const std::string& title, const std::string& url, const std::string& when) {
    AnalyzedArticle a;
    a.article.outlet = outlet;
    a.article.title = title;
    a.article.url = url;
    a.article.published = when;
    return a;
  };
  c.documents = {doc("Northfield Wire", "Rates rise", "https://wire.example/rates", "2026-11-26T11:00:00Z"),
                 doc("Calder Daily Voice", "Borrowers pay more", "javascript:alert(1)", "2026-11-26T12:30:00Z")};
  FoldedCopy copy;
  copy.document = 0;
  copy.article = doc("Westbrook Standard", "Rates rise <again>", "http://standard.example/r", "2026-11-26T11:20:00Z").article;
  c.copies = {copy};
  const std::string html = RenderHtml(c);
  const size_t wire = html.find("<strong>Northfield Wire</strong>");
  const size_t standard = html.find("<strong>Westbrook Standard</strong>");
  const size_t voice = html.find("<strong>Calder Daily Voice</strong>");
  ASSERT_NE(wire, std::string::npos);
  ASSERT_NE(standard, std::string::npos);
  ASSERT_NE(voice, std::string::npos);
  EXPECT_LT(wire, standard) << "in time order";
  EXPECT_LT(standard, voice);
  EXPECT_NE(html.find("<a href=\"https://wire.example/rates\" rel=\"noopener noreferrer nofollow\">Rates rise</a>"),
            std::string::npos);
  EXPECT_NE(html.find("Rates rise &lt;again&gt;</a> <span class=\"copy\">the same copy as Northfield Wire</span>"),
            std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << "only http(s) addresses become links";
  EXPECT_NE(html.find("2 outlets ran the same copy: Northfield Wire&rsquo;s report also ran in Westbrook Standard"),
            std::string::npos);
}

}  // namespace
}  // namespace parallax
