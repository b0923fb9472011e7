// The JSON and terminal renderers on a small comparison built through the
// pipeline from invented reports.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "parallax/align.h"
#include "parallax/analyze.h"
#include "parallax/report.h"

namespace parallax {
namespace {

Article Make(const std::string& id, const std::string& outlet, const std::vector<std::string>& paragraphs) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.source = outlet + ".txt";
  for (const std::string& text : paragraphs) a.paragraphs.push_back({text, ParagraphRole::kBody, ""});
  return a;
}

Comparison TwoReports() {
  std::vector<AnalyzedArticle> docs;
  docs.push_back(Analyze(Make("d0", "Harbour Times", {
      "Ferry crews in Emberly walked out on Monday over a new rota, stranding 300 passengers.",
      "\u201CWe had no choice,\u201D said union organiser Mira Calloway.",
      "Control\x1b[31m characters must not reach a terminal.",
  })));
  docs.push_back(Analyze(Make("d1", "Coast Post", {
      "About 300 passengers were stranded in Emberly on Monday when ferry crews walked out over a rota.",
      "Militant crews caused chaos at the terminal, critics said.",
  })));
  return Align(std::move(docs));
}

TEST(RenderJson, SchemaFieldsAndFailures) {
  const Comparison c = TwoReports();
  const nlohmann::json out =
      nlohmann::json::parse(RenderJson(c, {{"broken.txt", Status::InvalidInput("invalid UTF-8 at byte 3")}}));
  EXPECT_EQ(out["schema"], "parallax.compare/1");
  ASSERT_EQ(out["documents"].size(), 2u);
  EXPECT_EQ(out["documents"][0]["outlet"], "Harbour Times");
  EXPECT_EQ(out["documents"][0]["paragraphs"][0]["role"], "body");
  for (const char* field : {"facts", "quotes", "entities", "framing", "voices", "shared_terms"}) {
    EXPECT_TRUE(out[field].is_array()) << field;
  }
  bool shared = false;
  for (const auto& fact : out["facts"]) {
    if (fact["shared"].get<bool>()) {
      shared = true;
      EXPECT_EQ(fact["documents"], nlohmann::json({"d0", "d1"}));
    }
  }
  EXPECT_TRUE(shared);
  ASSERT_EQ(out["failures"].size(), 1u);
  EXPECT_EQ(out["failures"][0]["source"], "broken.txt");
  EXPECT_NE(out["failures"][0]["error"].get<std::string>().find("invalid UTF-8"), std::string::npos);
}

TEST(RenderJson, EachSentenceOfAFactHasItsRelation) {
  Comparison c = TwoReports();
  size_t marked = 0;
  for (Fact& fact : c.facts) {
    if (fact.documents.size() < 2) continue;
    for (SentenceRef& ref : fact.sentences) {
      if (ref.document == 1) ref.relation = FactRelation::kAddsDetail, ++marked;
    }
  }
  ASSERT_EQ(marked, 1u);
  const nlohmann::json out = nlohmann::json::parse(RenderJson(c, {}));
  size_t same = 0, adds_detail = 0;
  for (const auto& fact : out["facts"]) {
    for (const auto& s : fact["sentences"]) {
      if (s["relation"] == "same") ++same;
      if (s["relation"] == "adds_detail") {
        ++adds_detail;
        EXPECT_EQ(s["document"], "d1");
      }
    }
  }
  EXPECT_EQ(adds_detail, 1u);
  EXPECT_GE(same, 1u);
  const std::string plain = RenderTerminal(c, false);
  EXPECT_NE(plain.find("rota. (adds detail)"), std::string::npos) << plain;
  EXPECT_EQ(RenderTerminal(TwoReports(), false).find("(adds detail)"), std::string::npos);
}

TEST(RenderJson, QuoteHasItsSpeaker) {
  const nlohmann::json out = nlohmann::json::parse(RenderJson(TwoReports(), {}));
  bool found = false;
  for (const auto& q : out["quotes"]) {
    if (q["text"] == "We had no choice,") {
      found = true;
      EXPECT_EQ(q["speaker"], "Mira Calloway");
      EXPECT_EQ(q["kind"], "direct");
    }
  }
  EXPECT_TRUE(found);
}

TEST(RenderTerminal, ColourOnlyWhenAsked) {
  const Comparison c = TwoReports();
  const std::string plain = RenderTerminal(c, false);
  const std::string coloured = RenderTerminal(c, true);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos);
  EXPECT_NE(plain.find("Harbour Times"), std::string::npos);
  EXPECT_NE(plain.find("Reported by several outlets"), std::string::npos);
  EXPECT_NE(plain.find("chaos"), std::string::npos);
}

TEST(RenderTerminal, ArticleTextCannotSendControlSequences) {
  // The escape byte in the article text is replaced even in colour mode.
  const std::string coloured = RenderTerminal(TwoReports(), true);
  EXPECT_EQ(coloured.find("\x1b[31m characters"), std::string::npos);
}

TEST(RenderTerminal, AHeadlineWithoutTextIsSaidSoAndNotJudged) {
  // A store may hold feed items that are headlines alone.
  std::vector<AnalyzedArticle> docs;
  docs.push_back(Analyze(Make("d0", "Harbour Times", {
      "Ferry crews in Emberly walked out on Monday over a new rota, stranding 300 passengers.",
  })));
  Article headline = Make("d1", "Coast Post", {});
  headline.title = "Emberly ferry crews walk out";
  docs.push_back(Analyze(headline));
  const std::string plain = RenderTerminal(Align(std::move(docs)), false);
  EXPECT_NE(plain.find("Emberly ferry crews walk out\n      a headline without its text"),
            std::string::npos)
      << plain;
  EXPECT_NE(plain.find("same event: not judged"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("same event: no ("), std::string::npos) << plain;
}

}  // namespace
}  // namespace parallax
