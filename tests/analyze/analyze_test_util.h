// What the analyze tests share: an invented article made of paragraphs,
// analysed, and a look-up of its entities by name.
#ifndef PARALLAX_TESTS_ANALYZE_ANALYZE_TEST_UTIL_H_
#define PARALLAX_TESTS_ANALYZE_ANALYZE_TEST_UTIL_H_

#include <string>
#include <vector>

#include "parallax/analyze.h"

namespace parallax::testing {

// One body paragraph per text, analysed.
inline AnalyzedArticle AnalyzeParagraphs(const std::vector<std::string>& texts) {
  Article article;
  article.id = "d0";
  article.outlet = "Harbour Gazette";
  for (const std::string& t : texts) {
    Paragraph p;
    p.text = t;
    article.paragraphs.push_back(std::move(p));
  }
  return Analyze(std::move(article));
}

// The local entity called `name`, or -1.
inline int EntityNamed(const AnalyzedArticle& doc, const std::string& name) {
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    if (doc.entities[e].name == name) return static_cast<int>(e);
  }
  return -1;
}

// The quote whose text contains `words`, or nullptr.
inline const Quote* QuoteWith(const AnalyzedArticle& doc, const std::string& words) {
  for (const Quote& q : doc.quotes) {
    if (q.text.find(words) != std::string::npos) return &q;
  }
  return nullptr;
}

// How many quotes of `doc` hold `words`: a passage must be one quote, not
// split or repeated.
inline int QuotesHolding(const AnalyzedArticle& doc, const std::string& words) {
  int holding = 0;
  for (const Quote& q : doc.quotes) holding += q.text.find(words) != std::string::npos;
  return holding;
}

inline std::string Describe(const AnalyzedArticle& doc) {
  std::string out;
  for (const Quote& q : doc.quotes) {
    out += "\n  [" + q.text + "] speaker=" + std::to_string(q.speaker) + " (" + q.speaker_text +
           ") kind=" + QuoteKindName(q.kind);
  }
  out += "\n  entities:";
  for (const LocalEntity& e : doc.entities) out += " [" + e.name + "]";
  return out;
}

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_ANALYZE_ANALYZE_TEST_UTIL_H_
