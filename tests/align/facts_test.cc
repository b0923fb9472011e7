// Rows of shared facts on pairs of invented one-sentence reports: near
// misses (a different number, date, actor, a negated claim or its denial)
// stay in rows of their own; paraphrases of one statement share a row.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

AnalyzedArticle OneSentenceReport(const std::string& id, const std::string& outlet, const std::string& text) {
  Article article;
  article.id = id;
  article.outlet = outlet;
  article.paragraphs.push_back({text, ParagraphRole::kBody, ""});
  return Analyze(std::move(article));
}

// The two sentences stand in one row of `parallax compare`.
bool ShareARow(const std::string& first, const std::string& second) {
  std::vector<AnalyzedArticle> docs;
  docs.push_back(OneSentenceReport("d0", "Emberly Courier", first));
  docs.push_back(OneSentenceReport("d1", "Harbour Gazette", second));
  const Comparison comparison = Align(std::move(docs));
  for (const Fact& fact : comparison.facts) {
    if (fact.documents.size() == 2) return true;
  }
  return false;
}

TEST(FactRows, TheSameSentenceSharesARow) {
  const std::string s = "The Emberly council approved the new harbour budget on Tuesday.";
  EXPECT_TRUE(ShareARow(s, s));
}

// Near misses.

TEST(FactRows, ADifferentNumberIsAnotherFact) {
  EXPECT_FALSE(ShareARow("Police arrested 12 protesters outside the Emberly harbour office.",
                         "Police arrested 21 protesters outside the Emberly harbour office."));
  EXPECT_FALSE(ShareARow("Ferry fares in Emberly will rise by 4.5 per cent from next month.",
                         "Ferry fares in Emberly will rise by 5.4 per cent from next month."));
}

TEST(FactRows, OneNumberWrittenTwoWaysIsOneFact) {
  EXPECT_TRUE(ShareARow("Police arrested 12 protesters outside the Emberly harbour office.",
                        "Police arrested twelve protesters outside the Emberly harbour office."));
  EXPECT_TRUE(ShareARow("The new Emberly ferry carries 1,500 passengers and cost 3.50 million crowns.",
                        "The new Emberly ferry cost 3.5 million crowns and carries 1500 passengers."));
}

TEST(FactRows, ADifferentDateIsAnotherFact) {
  EXPECT_FALSE(ShareARow("The Emberly council approved the new harbour budget on Tuesday.",
                         "The Emberly council approved the new harbour budget on Thursday."));
  EXPECT_FALSE(ShareARow("Work on the Emberly ferry terminal will start in June.",
                         "Work on the Emberly ferry terminal will start in September."));
}

TEST(FactRows, ADifferentActorIsAnotherFact) {
  EXPECT_FALSE(ShareARow("Odile Brenner opened the new ferry terminal in Emberly with a speech on safety.",
                         "Felix Arden opened the new ferry terminal in Emberly with a speech on safety."));
}

TEST(FactRows, OneActorNamedTwoWaysIsOneFact) {
  EXPECT_TRUE(ShareARow("Odile Brenner opened the new ferry terminal in Emberly with a speech on safety.",
                        "Mayor Odile Brenner opened the new ferry terminal in Emberly with a speech on safety."));
}

TEST(FactRows, ANegatedClaimIsAnotherFact) {
  EXPECT_FALSE(ShareARow("The harbour authority approved the ferry contract with the Emberly shipyard.",
                         "The harbour authority did not approve the ferry contract with the Emberly shipyard."));
  EXPECT_FALSE(ShareARow("The harbour authority approved the ferry contract with the Emberly shipyard.",
                         "The harbour authority never approved the ferry contract with the Emberly shipyard."));
}

TEST(FactRows, AClaimAndItsDenialAreTwoFacts) {
  EXPECT_FALSE(ShareARow("Councillor Mara Quill accepted payments from the Emberly ferry operator.",
                         "Councillor Mara Quill denied accepting payments from the Emberly ferry operator."));
}

TEST(FactRows, TwoDenialsOfOneClaimAreOneFact) {
  EXPECT_TRUE(ShareARow("Councillor Mara Quill denied accepting payments from the Emberly ferry operator.",
                        "Councillor Mara Quill has denied that she accepted payments from the Emberly ferry operator."));
}

TEST(FactRows, DeclinedIsANegationOnlyBeforeTo) {
  // "declined to comment" says "no comment"; "declined 5 per cent" says "fell".
  EXPECT_TRUE(ShareARow("A spokesman for the Emberly shipyard declined to comment on the ferry contract.",
                        "A spokesman for the Emberly shipyard had no comment on the ferry contract."));
  EXPECT_TRUE(ShareARow("Shares in the Emberly shipyard declined 5 per cent after the ferry contract was cancelled.",
                        "Shares in the Emberly shipyard lost 5 per cent after the ferry contract was cancelled."));
  EXPECT_FALSE(ShareARow("A spokesman for the Emberly shipyard agreed to comment on the ferry contract.",
                         "A spokesman for the Emberly shipyard declined to comment on the ferry contract."));
}

// Paraphrases.

TEST(FactRows, SynonymsShareARow) {
  // "talks" and "summit" are one concept in data/concepts.tsv.
  EXPECT_TRUE(ShareARow("Harbour leaders from five ports will hold talks in Emberly on Friday over ferry routes.",
                        "Harbour leaders from five ports gather for a summit in Emberly on Friday over ferry routes."));
}

TEST(FactRows, ReorderedClausesShareARow) {
  EXPECT_TRUE(ShareARow("After a week of talks, the Emberly council approved the new harbour budget.",
                        "The Emberly council approved the new harbour budget after a week of talks."));
}

TEST(FactRows, AnExtraDetailKeepsTheRow) {
  EXPECT_TRUE(ShareARow("The Emberly council approved the new harbour budget on Tuesday.",
                        "The Emberly council approved the new harbour budget on Tuesday, ending a long dispute "
                        "with ferry operators."));
  // A negation inside the extra detail negates nothing the other says.
  EXPECT_TRUE(ShareARow("The harbour authority approved the ferry contract with the Emberly shipyard.",
                        "The harbour authority approved the ferry contract with the Emberly shipyard, which does "
                        "not cover night crossings."));
}

// The relation of each sentence to its row: a sentence that states the
// row's fact and adds a clause of its own "adds detail"; the two sentences
// state the very same thing only when both are "same".

// The relations of the two sentences, in report order, when they share a row.
std::vector<FactRelation> RelationsInRow(const std::vector<std::string>& texts) {
  std::vector<AnalyzedArticle> docs;
  for (size_t i = 0; i < texts.size(); ++i) {
    docs.push_back(OneSentenceReport("d" + std::to_string(i), "Outlet " + std::to_string(i), texts[i]));
  }
  const Comparison comparison = Align(std::move(docs));
  for (const Fact& fact : comparison.facts) {
    if (fact.documents.size() < 2) continue;
    std::vector<FactRelation> relations(texts.size(), FactRelation::kSame);
    if (fact.sentences.size() != texts.size()) return {};
    for (const SentenceRef& ref : fact.sentences) relations[ref.document] = ref.relation;
    return relations;
  }
  return {};
}

using Relations = std::vector<FactRelation>;
constexpr FactRelation kSame = FactRelation::kSame;
constexpr FactRelation kAddsDetail = FactRelation::kAddsDetail;

TEST(FactRelations, AnAddedClauseAddsDetail) {
  const std::string plain = "The Emberly council approved the new harbour budget on Tuesday.";
  const std::string longer =
      "The Emberly council approved the new harbour budget on Tuesday, ending a long and bitter dispute with "
      "the island ferry operators.";
  EXPECT_EQ(RelationsInRow({plain, longer}), (Relations{kSame, kAddsDetail}));
  EXPECT_EQ(RelationsInRow({longer, plain}), (Relations{kAddsDetail, kSame}));
}

TEST(FactRelations, TheSameStatementIsSame) {
  const std::string s = "The Emberly council approved the new harbour budget on Tuesday.";
  EXPECT_EQ(RelationsInRow({s, s}), (Relations{kSame, kSame}));
  EXPECT_EQ(RelationsInRow({"After a week of talks, the Emberly council approved the new harbour budget.",
                            "The Emberly council approved the new harbour budget after a week of talks."}),
            (Relations{kSame, kSame}));
}

TEST(FactRelations, RewordingHereAndThereIsSame) {
  // New words scattered through a paraphrase are its own wording, not a
  // clause of its own.
  EXPECT_EQ(RelationsInRow({"Harbour leaders from five ports will hold talks in Emberly on Friday over ferry routes.",
                            "Harbour chiefs from five ports gather for a summit in Emberly on Friday about busy "
                            "ferry routes."}),
            (Relations{kSame, kSame}));
}

TEST(FactRelations, EachMayAddItsOwnDetail) {
  EXPECT_EQ(RelationsInRow({"The Emberly council approved the new harbour budget on Tuesday, after angry "
                            "fishermen marched through the old town square.",
                            "The Emberly council approved the new harbour budget on Tuesday, ending a long "
                            "and bitter dispute with the island ferry operators."}),
            (Relations{kAddsDetail, kAddsDetail}));
}

TEST(FactRelations, ARowOfThreeIsReadFromItsShortestSentence) {
  const std::string plain = "The Emberly council approved the new harbour budget on Tuesday.";
  const std::string longer =
      "The Emberly council approved the new harbour budget on Tuesday, ending a long and bitter dispute with "
      "the island ferry operators.";
  EXPECT_EQ(RelationsInRow({plain, longer, plain}), (Relations{kSame, kAddsDetail, kSame}));
}

// In reports of several sentences, a near miss stays apart while the
// sentences that do state the same thing still share rows.
TEST(FactRows, NearMissesStayApartInLongerReports) {
  auto report = [](const std::string& id, const std::string& outlet, const std::vector<std::string>& texts) {
    Article article;
    article.id = id;
    article.outlet = outlet;
    for (const std::string& t : texts) article.paragraphs.push_back({t, ParagraphRole::kBody, ""});
    return Analyze(std::move(article));
  };
  std::vector<AnalyzedArticle> docs;
  docs.push_back(report("d0", "Emberly Courier",
                        {"Protesters blocked the Emberly ferry terminal for six hours on Saturday.",
                         "Police arrested 12 protesters outside the harbour office in the afternoon.",
                         "The harbour authority did not approve the new night timetable for the ferries."}));
  docs.push_back(report("d1", "Harbour Gazette",
                        {"For six hours on Saturday, protesters blocked the Emberly ferry terminal.",
                         "Police arrested 21 protesters outside the harbour office in the afternoon.",
                         "The harbour authority approved the new night timetable for the ferries."}));
  const Comparison comparison = Align(std::move(docs));
  auto together = [&](uint32_t s0, uint32_t s1) {
    for (const Fact& fact : comparison.facts) {
      bool has0 = false, has1 = false;
      for (const SentenceRef& ref : fact.sentences) {
        has0 |= ref.document == 0 && ref.sentence == s0;
        has1 |= ref.document == 1 && ref.sentence == s1;
      }
      if (has0 || has1) return has0 && has1;
    }
    return false;
  };
  ASSERT_EQ(comparison.documents[0].sentences.size(), 3u);
  ASSERT_EQ(comparison.documents[1].sentences.size(), 3u);
  EXPECT_TRUE(together(0, 0));
  for (uint32_t a = 1; a < 3; ++a) {
    for (uint32_t b = 0; b < 3; ++b) EXPECT_FALSE(together(a, b)) << a << " " << b;
  }
}

}  // namespace
}  // namespace parallax
