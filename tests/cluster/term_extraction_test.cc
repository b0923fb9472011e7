// Terms extracted while articles are still being read come back in the
// order the articles were added, each with its own terms, whatever the
// number of threads, and the words are not kept.
#include "parallax/term_extraction.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax {
namespace {

// Articles that differ from one another (the number is in the words), across
// several chunks and a partial last one.
std::vector<ClusterDocument> Articles(size_t count) {
  std::vector<ClusterDocument> docs;
  for (size_t i = 0; i < count; ++i) {
    ClusterDocument d;
    d.id = "a" + std::to_string(i);
    d.title = "Harbour report " + std::to_string(i * 7919);
    d.text = "Crane number " + std::to_string(i) + " stood idle at Emberly on day " +
             std::to_string(i % 31) + ".";
    docs.push_back(d);
  }
  return docs;
}

TEST(TermExtraction, GivesEveryArticleInOrderWithItsTermsForAnyThreadCount) {
  const std::vector<ClusterDocument> input = Articles(1001);
  for (const unsigned jobs : {1u, 2u, 3u}) {
    TermExtraction extraction(jobs);
    for (const ClusterDocument& d : input) extraction.Add(d);
    EXPECT_EQ(extraction.size(), input.size());
    std::vector<ClusterDocument> docs;
    std::vector<ArticleTerms> terms;
    extraction.Finish(docs, terms);
    ASSERT_EQ(docs.size(), input.size()) << jobs << " threads";
    ASSERT_EQ(terms.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      ASSERT_EQ(docs[i].id, input[i].id) << jobs << " threads";
      EXPECT_TRUE(docs[i].text.empty() && docs[i].title.empty()) << "kept the words of " << docs[i].id;
      const ArticleTerms expected = ExtractTerms(input[i].title, input[i].text);
      ASSERT_EQ(terms[i].terms.size(), expected.terms.size()) << docs[i].id;
      for (size_t t = 0; t < expected.terms.size(); ++t) {
        EXPECT_EQ(terms[i].terms[t].term, expected.terms[t].term);
        EXPECT_EQ(terms[i].terms[t].weight, expected.terms[t].weight);
      }
      EXPECT_EQ(terms[i].figures, expected.figures);
    }
  }
}

TEST(TermExtraction, NothingAddedGivesNothing) {
  TermExtraction extraction(2);
  std::vector<ClusterDocument> docs(1);
  std::vector<ArticleTerms> terms(1);
  extraction.Finish(docs, terms);
  EXPECT_TRUE(docs.empty());
  EXPECT_TRUE(terms.empty());
}

TEST(TermExtraction, StopsCleanlyWithoutFinish) {
  // A reader that gives up (an exception, say) must not leave threads behind.
  TermExtraction extraction(3);
  for (const ClusterDocument& d : Articles(300)) extraction.Add(d);
}

}  // namespace
}  // namespace parallax
