// Term extraction (src/cluster/terms.cc) and publication times
// (src/cluster/published_time.cc): what the clusterer compares articles on.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cluster/internal.h"
#include "parallax/cluster.h"

namespace parallax {
namespace {

TEST(ExtractTerms, HeadlineWordsWeighMoreAndTermsAreSortedAndUnique) {
  const ArticleTerms in_title = ExtractTerms("Volcano", "A report.");
  const ArticleTerms in_text = ExtractTerms("A report", "Volcano.");
  ASSERT_EQ(in_title.terms.size(), 2u);
  ASSERT_EQ(in_text.terms.size(), 2u);
  const ArticleTerms word = ExtractTerms("", "volcano");
  ASSERT_EQ(word.terms.size(), 1u);
  auto weight = [&](const ArticleTerms& t) {
    for (const TermWeight& w : t.terms) {
      if (w.term == word.terms[0].term) return w.weight;
    }
    return 0.0f;
  };
  EXPECT_GT(weight(in_title), weight(in_text));
  const ArticleTerms t = ExtractTerms("Strike, strike, strike", "Dockers strike again in Emberly.");
  for (size_t i = 1; i < t.terms.size(); ++i) EXPECT_LT(t.terms[i - 1].term, t.terms[i].term);
}

TEST(ExtractTerms, ReadsOnlyTheLeadOfALongText) {
  // 100 words of lead, then background: the background adds no term.
  std::string lead;
  for (int i = 0; i < 50; ++i) lead += "harbour strike ";
  const ArticleTerms lead_only = ExtractTerms("", lead);
  const ArticleTerms with_background = ExtractTerms("", lead + "volcano glacier orchestra");
  EXPECT_EQ(with_background.terms.size(), lead_only.terms.size());
  // A word inside the lead is read.
  EXPECT_GT(ExtractTerms("", std::string("volcano ").append(lead)).terms.size(), lead_only.terms.size());
  // The headline is read whole, whatever the text's length.
  EXPECT_GT(ExtractTerms("Volcano", lead + "glacier").terms.size(), lead_only.terms.size());
}

TEST(ExtractTerms, FiguresAreLargeNumbersAndAmountsNotYearsOrSmallCounts) {
  auto figures = [](const char* text) { return ExtractTerms("", text).figures; };
  EXPECT_EQ(figures("Cargo fell to 412,000 tonnes.").size(), 1u);
  EXPECT_EQ(figures("Cargo fell to 412,000 tonnes."), figures("Cargo fell to 412000 tonnes."));
  EXPECT_NE(figures("Cargo fell to 412,000 tonnes."), figures("Cargo fell to 398,000 tonnes."));
  EXPECT_EQ(figures("A $1.9 trillion plan and a 7 percent rise.").size(), 2u);
  EXPECT_NE(figures("1.9 trillion"), figures("1.9 billion"));
  // Years, small counts, ordinals and model names are no figures.
  EXPECT_TRUE(figures("In 2021, 12 ships and the 2nd crane, a G7 deal.").empty());
  // Each figure once, sorted.
  const std::vector<uint64_t> twice = figures("412,000 tonnes, then 412,000 again, and 980 more.");
  EXPECT_EQ(twice.size(), 2u);
  EXPECT_TRUE(std::is_sorted(twice.begin(), twice.end()));
}

TEST(ExtractTerms, WeekdaysNamedAreBits) {
  EXPECT_EQ(ExtractTerms("", "The port reopened.").weekdays, 0);
  EXPECT_EQ(ExtractTerms("", "Talks resume on Monday.").weekdays, 1);
  EXPECT_EQ(ExtractTerms("Strike ends", "Talks failed on Tuesday; the deal came on sunday.").weekdays,
            2 | 64);
  EXPECT_EQ(ExtractTerms("What happened Friday", "").weekdays, 16);
}

TEST(ExtractTerms, NamesInsideSentencesAddATerm) {
  // "Calloway" inside a sentence is a name: stem plus name term. In a Title
  // Case headline, capitals say nothing.
  EXPECT_EQ(ExtractTerms("", "The talks with Calloway failed.").terms.size(), 4u);
  EXPECT_EQ(ExtractTerms("", "The talks with calloway failed.").terms.size(), 3u);
  EXPECT_EQ(ExtractTerms("Talks With Calloway Failed Again", "").terms.size(),
            ExtractTerms("talks with calloway failed again", "").terms.size());
  EXPECT_TRUE(ExtractTerms("", "The of and").terms.empty());  // stopwords only
}

TEST(SplitWords, KeepsInitialismsAndNumbersDropsPossessives) {
  std::vector<cluster_internal::Word> words;
  cluster_internal::SplitWords("U.S.-Mexico talks: Britain's don't 3.5 and 1,200.", words);
  std::vector<std::string> surfaces;
  for (const auto& w : words) surfaces.emplace_back(w.surface);
  EXPECT_EQ(surfaces, (std::vector<std::string>{"U.S.", "Mexico", "talks", "Britain", "don't",
                                                "3.5", "and", "1,200"}));
  EXPECT_TRUE(words[0].all_caps);
  EXPECT_TRUE(words[0].sentence_start);
  EXPECT_TRUE(words[0].joined_to_next);  // "U.S.-Mexico"
  EXPECT_TRUE(words[3].sentence_start);  // after the colon
  EXPECT_TRUE(words[5].number);
  EXPECT_EQ(cluster_internal::NormalizeWord("U.S."), "us");
}

TEST(ParsePublishedTime, DatesAndDateTimes) {
  EXPECT_EQ(*ParsePublishedTime("1970-01-01"), 0);
  EXPECT_EQ(*ParsePublishedTime("2000-02-29"), 951782400);
  EXPECT_EQ(*ParsePublishedTime("2021-06-25T14:03:00Z"), 1624629780);
  EXPECT_EQ(*ParsePublishedTime("2021-06-25T14:03:00.250Z"), 1624629780);
  EXPECT_EQ(*ParsePublishedTime("2021-06-25T14:03"), 1624629780);
  EXPECT_EQ(*ParsePublishedTime("2021-06-25 16:03:00+02:00"), 1624629780);
  EXPECT_EQ(*ParsePublishedTime("2021-06-25T12:03:00-0200"), 1624629780);
  EXPECT_EQ(*ParsePublishedTime("1969-12-31T23:59:59Z"), -1);
  for (const char* bad : {"", "yesterday", "2021-02-29", "2021-13-01", "2021-06-25T25:00",
                          "2021-06-25T14:03:00Q", "2021-6-5", "2021-06-25T14:03:00+2"}) {
    const Result<int64_t> r = ParsePublishedTime(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput) << bad;
    }
  }
}

// ---- The command ----

}  // namespace
}  // namespace parallax
