// Compare(): the whole pipeline on invented reports, at sizes and shapes
// that once made it quadratic or worse: long reports whose every sentence
// has hundreds of near-equal partners, many reports, a report count over
// the limit. Speed itself is measured in bench/compare-scale, not here.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "parallax/align.h"
#include "parallax/report.h"

namespace parallax {
namespace {

RawDocument Raw(const std::string& name, const std::string& text) {
  RawDocument raw;
  raw.source = name + ".txt";
  raw.name = name;
  raw.bytes = text;
  raw.media_type = MediaType::kText;
  return raw;
}

// Line k of an invented report: one template, words that change with k, so
// every line resembles every other (the shape that makes candidate lists
// long) while no two lines of one report are near copies (those are page
// debris, removed before alignment).
std::string TemplatedLine(int k, const std::string& verb) {
  static const char* const kPlaces[] = {"Emberly quay", "the north gate", "Calder yard", "Ashby dock",
                                        "the ferry berth", "Westmoor pier", "the grain store"};
  static const char* const kThings[] = {"cranes", "trucks", "ferries", "pallets", "containers", "berths"};
  return "Inspectors " + verb + " " + std::to_string(100 + k) + " " + kThings[k % 6] + " at " + kPlaces[k % 7] +
         " during shift " + std::to_string(k / 7) + " of week " + std::to_string(k / 42) + ".";
}

TEST(Compare, LongRepetitiveReportsPairEachSentenceWithItsCounterpart) {
  constexpr int kLines = 400;
  std::string a, b;
  for (int k = 0; k < kLines; ++k) {
    a += TemplatedLine(k, "counted") + "\n";
    b += TemplatedLine(k, "checked") + "\n";
  }
  Result<CompareResult> out = Compare({}, {Raw("a", a), Raw("b", b)}, {});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const Comparison& c = out->comparison;
  ASSERT_EQ(c.documents.size(), 2u);
  ASSERT_EQ(c.documents[0].sentences.size(), static_cast<size_t>(kLines));
  int counterparts = 0;
  for (const Fact& fact : c.facts) {
    ASSERT_LE(fact.sentences.size(), 2u) << "one sentence per report in a fact";
    if (fact.sentences.size() == 2) counterparts += fact.sentences[0].sentence == fact.sentences[1].sentence;
  }
  // Every line shares its number with its counterpart only; a few may pair
  // otherwise where the bounded search is greedy.
  EXPECT_GE(counterparts, kLines * 95 / 100);
}

TEST(Compare, MoreReportsThanTheLimitAreRefusedBeforeAnyWork) {
  CompareOptions options;
  options.max_reports = 2;
  // Invalid UTF-8: had it been extracted, it would be a failure, not a refusal.
  Result<CompareResult> out =
      Compare({}, {Raw("a", "One report.\n"), Raw("b", "Another.\n"), Raw("c", "\xff\xfe")}, options);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(out.status().message().find("3 reports"), std::string::npos) << out.status().message();
  EXPECT_NE(out.status().message().find("parallax stories"), std::string::npos) << out.status().message();
  EXPECT_TRUE(CheckReportCount(2, options).ok());
  EXPECT_FALSE(CheckReportCount(3, options).ok());
}

std::vector<RawDocument> ShortReports(int count) {
  std::vector<RawDocument> raw;
  for (int i = 0; i < count; ++i) {
    raw.push_back(Raw("r" + std::to_string(i),
                      "Dock workers in Emberly struck on Tuesday over pay, the " + std::to_string(i) +
                          "th report says.\nThe Northern Ports Authority called the strike " +
                          (i % 2 ? "regrettable" : "unlawful") + ".\n"));
  }
  return raw;
}

TEST(Compare, SimilarityOfManyReportsIsSummarisedNotListed) {
  constexpr int kReports = static_cast<int>(kAllPairsListedUpTo) + 1;
  Result<CompareResult> out = Compare({}, ShortReports(kReports), {});
  ASSERT_TRUE(out.ok());
  const Comparison& c = out->comparison;
  ASSERT_EQ(c.documents.size(), static_cast<size_t>(kReports));
  EXPECT_FALSE(c.similarity_summary.all_listed);
  EXPECT_EQ(c.similarity_summary.pairs, static_cast<size_t>(kReports * (kReports - 1) / 2));
  EXPECT_LE(c.similarity.size(), static_cast<size_t>(kReports));
  std::set<int> listed;
  for (const DocumentSimilarity& pair : c.similarity) {
    EXPECT_LT(pair.a, pair.b);
    listed.insert(pair.a);
    listed.insert(pair.b);
    EXPECT_GE(pair.score, c.similarity_summary.min);
    EXPECT_LE(pair.score, c.similarity_summary.max);
  }
  EXPECT_EQ(listed.size(), static_cast<size_t>(kReports)) << "every report with its closest";
  EXPECT_LE(c.similarity_summary.min, c.similarity_summary.median);
  EXPECT_LE(c.similarity_summary.median, c.similarity_summary.max);
}

TEST(Compare, AllPairsAreListedUpToTheBound) {
  constexpr int kReports = static_cast<int>(kAllPairsListedUpTo);
  Result<CompareResult> out = Compare({}, ShortReports(kReports), {});
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->comparison.similarity_summary.all_listed);
  EXPECT_EQ(out->comparison.similarity.size(), static_cast<size_t>(kReports * (kReports - 1) / 2));
}

TEST(Compare, ThreadsDoNotChangeTheResult) {
  CompareOptions one, two;
  one.threads = 1;
  two.threads = 2;
  // Over 256 KB in all, so that a second thread is worth starting.
  std::vector<RawDocument> raw = ShortReports(9);
  for (size_t r = 0; r < raw.size(); ++r) {
    for (int k = 0; raw[r].bytes.size() < (30 << 10); ++k) raw[r].bytes += TemplatedLine(k * 9 + static_cast<int>(r), "saw") + "\n";
  }
  raw.insert(raw.begin() + 3, Raw("broken", "\xff\xfe binary"));
  Result<CompareResult> a = Compare({}, raw, one);
  Result<CompareResult> b = Compare({}, raw, two);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(RenderJson(a->comparison, a->failures), RenderJson(b->comparison, b->failures));
  ASSERT_EQ(a->failures.size(), 1u);
  EXPECT_EQ(a->failures[0].source, "broken.txt");
  // Ids count the usable reports only, in order.
  ASSERT_EQ(a->comparison.documents.size(), 9u);
  EXPECT_EQ(a->comparison.documents[3].article.id, "d3");
  EXPECT_EQ(a->comparison.documents[3].article.source, "r3.txt");
}

TEST(Compare, StoredArticlesComeFirstAndSkipExtraction) {
  Article stored;
  stored.source = "db:7";
  stored.outlet = "Stored Outlet";
  stored.paragraphs.push_back({"Dock workers in Emberly struck on Tuesday over pay.", ParagraphRole::kBody, ""});
  Result<CompareResult> out = Compare({stored}, ShortReports(1), {});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->comparison.documents.size(), 2u);
  EXPECT_EQ(out->comparison.documents[0].article.id, "d0");
  EXPECT_EQ(out->comparison.documents[0].article.outlet, "Stored Outlet");
  EXPECT_EQ(out->comparison.documents[1].article.id, "d1");
}

TEST(Compare, FewerThanTwoUsableReportsAreReturnedUnaligned) {
  Result<CompareResult> out = Compare({}, {Raw("a", "One report only.\n"), Raw("b", "\xff")}, {});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->comparison.documents.size(), 1u);
  EXPECT_TRUE(out->comparison.facts.empty());
  EXPECT_EQ(out->failures.size(), 1u);
}

TEST(Compare, TextWithoutSentenceEndsStaysBounded) {
  // Words and "said" without a single full stop, and a name in every
  // stretch: once one sentence of 200 KB, whose every reported quote the
  // JSON printed whole (quadratic in time and output).
  std::string a, b;
  for (int i = 0; i < 30000; ++i) {
    a += (i % 40 == 0 ? "Mara Velling said " : i % 3 ? "the quay " : "workers ");
    b += (i % 50 == 0 ? "officials said " : i % 4 ? "the harbour " : "cranes ");
  }
  Result<CompareResult> out = Compare({}, {Raw("a", a), Raw("b", b)}, {});
  ASSERT_TRUE(out.ok());
  const Comparison& c = out->comparison;
  ASSERT_EQ(c.documents.size(), 2u);
  for (const AnalyzedArticle& doc : c.documents) {
    EXPECT_GT(doc.sentences.size(), 100u);
    for (const Sentence& s : doc.sentences) EXPECT_LE(s.span.end - s.span.begin, 1500u);
  }
  EXPECT_LT(RenderJson(c, out->failures).size(), 20 * (a.size() + b.size())) << "output in proportion to the text";
}

TEST(Compare, ALongTextNamingThousandsStillMergesAPersonsNames) {
  // Thousands of distinct capitalised names, then "Velling" alone: it is
  // still the person named "Mara Velling" (names were once matched against
  // every entity found so far).
  std::string text = "Mara Velling, the harbour commissioner, spoke on Monday.\n";
  for (int i = 0; i < 3000; ++i) {
    text += "Inspector Kaloner" + std::to_string(i) + " Vintarsal met the crew at the quay.\n";
  }
  text += "Velling said the talks would resume on Friday.\n";
  Result<CompareResult> out =
      Compare({}, {Raw("a", text), Raw("b", "Mara Velling said the talks would resume on Friday.\n")}, {});
  ASSERT_TRUE(out.ok());
  const AnalyzedArticle& doc = out->comparison.documents[0];
  int velling = -1;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    if (doc.entities[e].name == "Mara Velling") velling = static_cast<int>(e);
  }
  ASSERT_GE(velling, 0);
  EXPECT_GE(doc.entities[velling].mentions, 2);
  const Mention& last = doc.mentions.back();
  EXPECT_EQ(last.surface, "Velling");
  EXPECT_EQ(last.entity, velling);
}

}  // namespace
}  // namespace parallax
