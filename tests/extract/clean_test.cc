// CleanDebris, SplitPlainText and ExtractArticle (plain text) on invented
// copy: an invented outlet ("Emberly Courier") reporting an invented dock
// strike in an invented town ("Port Emberly").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/extract.h"

namespace parallax {
namespace {

std::vector<Paragraph> Paragraphs(const std::vector<std::string>& texts) {
  std::vector<Paragraph> out;
  for (const std::string& t : texts) {
    Paragraph p;
    p.text = t;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Paragraph> Cleaned(const std::vector<std::string>& texts) {
  std::vector<Paragraph> paragraphs = Paragraphs(texts);
  CleanDebris(paragraphs);
  EXPECT_EQ(paragraphs.size(), texts.size()) << "CleanDebris never removes or adds paragraphs";
  for (size_t i = 0; i < paragraphs.size() && i < texts.size(); ++i) {
    EXPECT_EQ(paragraphs[i].text, texts[i]) << "CleanDebris never edits text";
  }
  return paragraphs;
}

// An ordinary report: long and short paragraphs, quotes, a question, a
// sub-heading, a paragraph opening with a number. Nothing here is debris.
const std::vector<std::string> kBody = {
    "Cranes stood idle across Port Emberly on Tuesday as dock workers began a 48-hour strike "
    "over pay and night shifts.",
    "The walkout, the first at the harbour in eleven years, left nine container ships waiting "
    "offshore.",
    "\u201CWe did not want this, but the offer on the table is an insult,\u201D said Mira "
    "Calloway, who chairs the dockers\u2019 branch.",
    "\u201CWe are ready to talk.\u201D",
    "What happens next",
    "Will the ferries run?",
    "48 hours is the longest stoppage the port has seen.",
    "The Northern Ports Authority said it regretted the disruption (and hoped to resume talks).",
    "Talks are due to resume on Thursday.",
};

TEST(CleanDebris, AnOrdinaryReportStaysBody) {
  const std::vector<Paragraph> paragraphs = Cleaned(kBody);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    EXPECT_EQ(paragraphs[i].role, ParagraphRole::kBody)
        << "paragraph " << i << " \"" << paragraphs[i].text << "\" became "
        << RoleName(paragraphs[i].role) << " because " << paragraphs[i].why;
    EXPECT_TRUE(paragraphs[i].why.empty()) << i;
  }
}

TEST(CleanDebris, WidgetLinesAreBoilerplateWithAReason) {
  const std::vector<Paragraph> paragraphs = Cleaned({
      kBody[0],
      "+5",
      "View gallery",
      kBody[1],
      "View gallery",
      kBody[5],
      "12:04",
      kBody[8],
  });
  ASSERT_EQ(paragraphs.size(), 8u);
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kBoilerplate);
  EXPECT_NE(paragraphs[1].why.find("no words"), std::string::npos) << paragraphs[1].why;
  EXPECT_EQ(paragraphs[2].role, ParagraphRole::kBoilerplate);
  EXPECT_NE(paragraphs[2].why.find("repeated"), std::string::npos) << paragraphs[2].why;
  EXPECT_EQ(paragraphs[4].role, ParagraphRole::kBoilerplate);
  EXPECT_FALSE(paragraphs[4].why.empty());
  EXPECT_EQ(paragraphs[6].role, ParagraphRole::kBoilerplate);
  EXPECT_FALSE(paragraphs[6].why.empty());
  for (const size_t i : {0u, 3u, 5u, 7u}) {
    EXPECT_EQ(paragraphs[i].role, ParagraphRole::kBody) << i << ": " << paragraphs[i].why;
  }
}

TEST(CleanDebris, LinesOfSymbolsHaveNoWords) {
  // Bullets, dashes and arrows are not letters, whatever their encoding.
  const std::vector<Paragraph> paragraphs =
      Cleaned({kBody[0], "\u2022 \u2022 \u2022", "\u25B6 2:41", "\u2014", kBody[1]});
  for (const size_t i : {1u, 2u, 3u}) {
    EXPECT_EQ(paragraphs[i].role, ParagraphRole::kBoilerplate) << i;
    EXPECT_NE(paragraphs[i].why.find("no words"), std::string::npos) << i << ": " << paragraphs[i].why;
  }
  EXPECT_EQ(paragraphs[0].role, ParagraphRole::kBody);
  EXPECT_EQ(paragraphs[4].role, ParagraphRole::kBody);
}

TEST(CleanDebris, ShortLinesInOtherScriptsAreWords) {
  // Letters beyond ASCII are letters: a one-word line in Greek is "not
  // prose", not "no words".
  const std::vector<Paragraph> paragraphs = Cleaned({kBody[0], "\u0391\u03B8\u03AE\u03BD\u03B1", kBody[1]});
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kBoilerplate);
  EXPECT_EQ(paragraphs[1].why.find("no words"), std::string::npos) << paragraphs[1].why;
}

TEST(CleanDebris, OneOrTwoWordsWithoutPunctuationAreNotProse) {
  const std::vector<Paragraph> paragraphs = Cleaned({kBody[0], "Share article", kBody[1]});
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kBoilerplate);
  EXPECT_FALSE(paragraphs[1].why.empty());
  EXPECT_EQ(paragraphs[0].role, ParagraphRole::kBody);
  EXPECT_EQ(paragraphs[2].role, ParagraphRole::kBody);
}

TEST(CleanDebris, CaptionPrintedTwiceKeepsTheFirstCopyAsCaption) {
  // The page prints the caption beside the photo (straight quotes) and again
  // in the gallery (curly quotes).
  const std::string first =
      "Strikers hold a banner reading \"Fair pay now\" outside the harbour office on Tuesday.";
  const std::string second =
      "Strikers hold a banner reading \u201CFair pay now\u201D outside the harbour office on "
      "Tuesday.";
  const std::vector<Paragraph> paragraphs =
      Cleaned({kBody[0], first, kBody[1], kBody[2], second, kBody[8]});
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kCaption) << paragraphs[1].why;
  EXPECT_FALSE(paragraphs[1].why.empty());
  EXPECT_EQ(paragraphs[4].role, ParagraphRole::kBoilerplate) << paragraphs[4].why;
  EXPECT_FALSE(paragraphs[4].why.empty());
  for (const size_t i : {0u, 2u, 3u, 5u}) {
    EXPECT_EQ(paragraphs[i].role, ParagraphRole::kBody) << i << ": " << paragraphs[i].why;
  }
}

TEST(CleanDebris, CaptionPrintedTwiceWithASmallEditIsStillOneCaption) {
  const std::string first =
      "Dock workers gather at the east gate of Port Emberly before dawn on Tuesday";
  const std::string second =
      "Dock workers gather at the east gate of Port Emberly before dawn on Tuesday.";
  const std::vector<Paragraph> paragraphs = Cleaned({first, kBody[0], kBody[1], second, kBody[8]});
  EXPECT_EQ(paragraphs[0].role, ParagraphRole::kCaption);
  EXPECT_EQ(paragraphs[3].role, ParagraphRole::kBoilerplate);
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kBody);
  EXPECT_EQ(paragraphs[2].role, ParagraphRole::kBody);
  EXPECT_EQ(paragraphs[4].role, ParagraphRole::kBody);
}

TEST(CleanDebris, LineWithoutPunctuationAboveAWidgetIsACaption) {
  const std::vector<Paragraph> paragraphs = Cleaned({
      kBody[0],
      "Pickets warm their hands at a brazier by the container terminal",
      "+3",
      kBody[1],
  });
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kCaption);
  EXPECT_NE(paragraphs[1].why.find("widget"), std::string::npos) << paragraphs[1].why;
  EXPECT_EQ(paragraphs[2].role, ParagraphRole::kBoilerplate);
  EXPECT_EQ(paragraphs[0].role, ParagraphRole::kBody);
  EXPECT_EQ(paragraphs[3].role, ParagraphRole::kBody);
}

TEST(CleanDebris, ProseAboveAWidgetStaysBody) {
  // Closing punctuation marks a sentence of the report, not a label.
  const std::vector<Paragraph> paragraphs = Cleaned({kBody[0], kBody[1], "+2", kBody[8]});
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kBody) << paragraphs[1].why;
  EXPECT_EQ(paragraphs[2].role, ParagraphRole::kBoilerplate);
}

TEST(CleanDebris, NonBodyRolesAreLeftAlone) {
  std::vector<Paragraph> paragraphs = Paragraphs({kBody[0], "A caption from the page markup", kBody[1]});
  paragraphs[1].role = ParagraphRole::kCaption;
  paragraphs[1].why = "figcaption";
  CleanDebris(paragraphs);
  EXPECT_EQ(paragraphs[1].role, ParagraphRole::kCaption);
  EXPECT_EQ(paragraphs[1].why, "figcaption");
}

TEST(SplitPlainText, OneParagraphPerNonBlankLineTrimmedAndCollapsed) {
  const std::string text =
      "  Dock strike halts Port Emberly  \n"
      "\n"
      "Cranes stood\tidle   on Tuesday.\r\n"
      "   \t \n"
      "Talks resume on Thursday.";
  const std::vector<Paragraph> paragraphs = SplitPlainText(text);
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0].text, "Dock strike halts Port Emberly");
  EXPECT_EQ(paragraphs[1].text, "Cranes stood idle on Tuesday.");
  EXPECT_EQ(paragraphs[2].text, "Talks resume on Thursday.");
  for (const Paragraph& p : paragraphs) EXPECT_EQ(p.role, ParagraphRole::kBody);
}

TEST(SplitPlainText, KeepsMultibyteTextIntact) {
  const std::vector<Paragraph> paragraphs =
      SplitPlainText("Zoë Brandt \u2014 \u201Cnot yet\u201D \u2014 left Malmö.\n");
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0].text, "Zoë Brandt \u2014 \u201Cnot yet\u201D \u2014 left Malmö.");
}

TEST(SplitPlainText, NoBreakSpacesAtEitherEndAreTrimmed) {
  // Paragraph::text promises no leading or trailing white space; copying
  // from a web page often leaves a no-break space at the end of a line.
  const std::vector<Paragraph> paragraphs =
      SplitPlainText("\u00A0Cranes stood idle.\u00A0\n\u00A0 Talks resume. \u00A0\n");
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0].text, "Cranes stood idle.");
  EXPECT_EQ(paragraphs[1].text, "Talks resume.");
}

TEST(SplitPlainText, EmptyTextGivesNoParagraphs) {
  EXPECT_TRUE(SplitPlainText("").empty());
  EXPECT_TRUE(SplitPlainText("\n\n  \n").empty());
}

RawDocument TextDocument(const std::string& text, const std::string& hint = "") {
  RawDocument raw;
  raw.source = "/tmp/emberly-courier.txt";
  raw.name = "emberly-courier";
  raw.bytes = text;
  raw.media_type = MediaType::kText;
  raw.outlet_hint = hint;
  return raw;
}

const std::string kPlainArticle =
    "Dock strike halts Port Emberly for a second day\n"
    "\n"
    "Cranes stood idle across Port Emberly on Tuesday as dock workers began a 48-hour strike.\n"
    "+4\n"
    "View gallery\n"
    "The walkout left nine container ships waiting offshore.\n"
    "View gallery\n"
    "Talks are due to resume on Thursday.\n";

TEST(ExtractArticle, PlainTextHeadlineOutletAndDebris) {
  Result<Article> article = ExtractArticle(TextDocument(kPlainArticle, "Emberly Courier"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->title, "Dock strike halts Port Emberly for a second day");
  EXPECT_EQ(article->outlet, "Emberly Courier");
  EXPECT_EQ(article->source, "/tmp/emberly-courier.txt");
  ASSERT_EQ(article->paragraphs.size(), 6u);  // the headline is not a paragraph
  EXPECT_EQ(article->paragraphs[0].text,
            "Cranes stood idle across Port Emberly on Tuesday as dock workers began a 48-hour "
            "strike.");
  EXPECT_EQ(article->paragraphs[0].role, ParagraphRole::kBody);
  EXPECT_EQ(article->paragraphs[1].role, ParagraphRole::kBoilerplate);  // +4
  EXPECT_EQ(article->paragraphs[2].role, ParagraphRole::kBoilerplate);  // View gallery
  EXPECT_EQ(article->paragraphs[3].role, ParagraphRole::kBody);
  EXPECT_EQ(article->paragraphs[4].role, ParagraphRole::kBoilerplate);
  EXPECT_EQ(article->paragraphs[5].role, ParagraphRole::kBody);
}

TEST(ExtractArticle, OutletFallsBackToTheDocumentName) {
  Result<Article> article = ExtractArticle(TextDocument(kPlainArticle));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->outlet, "emberly-courier");
}

TEST(ExtractArticle, FirstLineThatIsASentenceIsNoHeadline) {
  Result<Article> article = ExtractArticle(TextDocument(
      "Cranes stood idle across Port Emberly on Tuesday.\n"
      "The walkout left nine container ships waiting offshore.\n"
      "Talks are due to resume on Thursday.\n"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_TRUE(article->title.empty());
  EXPECT_EQ(article->paragraphs.size(), 3u);
}

TEST(ExtractArticle, FirstLineWithACommaIsNoHeadline) {
  Result<Article> article = ExtractArticle(TextDocument(
      "Cranes idle, ships wait, talks stall\n"
      "The walkout left nine container ships waiting offshore.\n"
      "Talks are due to resume on Thursday.\n"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_TRUE(article->title.empty());
  EXPECT_EQ(article->paragraphs.size(), 3u);
}

TEST(ExtractArticle, ShortTextKeepsItsFirstLine) {
  // Two lines are too few to tell a headline from a first paragraph.
  Result<Article> article = ExtractArticle(TextDocument(
      "Dock strike halts Port Emberly\nThe walkout left nine ships waiting offshore.\n"));
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_TRUE(article->title.empty());
  EXPECT_EQ(article->paragraphs.size(), 2u);
}

TEST(ExtractArticle, RefusesBinaryInvalidAndDebrisOnlyText) {
  Result<Article> binary = ExtractArticle(TextDocument(std::string("PK\x03\x04\0\0\x01\x02 dock", 13)));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().code(), Status::Code::kInvalidInput);

  Result<Article> latin1 = ExtractArticle(TextDocument("Cranes stood idle in Malm\xF6 on Tuesday.\n"));
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(latin1.status().message().find("UTF-8"), std::string::npos)
      << latin1.status().message();

  Result<Article> debris = ExtractArticle(TextDocument("+4\nView gallery\n12:04\n"));
  ASSERT_FALSE(debris.ok());
  EXPECT_EQ(debris.status().code(), Status::Code::kEmpty);
}

}  // namespace
}  // namespace parallax
