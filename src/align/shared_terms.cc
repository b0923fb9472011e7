// Distinctive words that several outlets use.
//
// A word is distinctive when few sentences of the comparison use it: a word
// in most sentences ("government", "said") ties nothing together. We keep
// words whose sentences span two or more documents and that are not already
// explained by a shared fact holding all of those sentences.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "align/internal.h"
#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// A term used by more than this share of all on-topic sentences is too
// common to be distinctive.
constexpr double kMaxSentenceShare = 0.08;
// How many terms a reader is shown.
constexpr size_t kMaxSharedTerms = 12;
// Words shorter than this are mostly function words the stopword list missed.
constexpr size_t kMinTermBytes = 4;

}  // namespace

const std::set<std::string>& CommonStems() {
  static const std::set<std::string> kStems = [] {
    std::set<std::string> stems;
    for (const LexiconEntry& e : LoadLexicon("common_words.tsv")) stems.insert(Stem(FoldCase(e.term)));
    // Attribution verbs ("told", "said") tie quotes to speakers, not reports to each other.
    for (const LexiconEntry& e : LoadLexicon("speech_verbs.tsv")) stems.insert(Stem(FoldCase(e.term)));
    return stems;
  }();
  return kStems;
}

void FindSharedTerms(Comparison& comparison) {
  struct Uses {
    std::string surface;
    std::vector<SentenceRef> sentences;
    std::set<int> documents;
  };
  std::map<std::string, Uses> by_stem;
  size_t sentence_count = 0;
  for (int d = 0; d < static_cast<int>(comparison.documents.size()); ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& sentence = doc.sentences[s];
      if (doc.article.paragraphs[sentence.span.paragraph].role != ParagraphRole::kBody) continue;
      ++sentence_count;
      std::set<std::string> seen;
      for (const Token& t : sentence.tokens) {
        if (t.kind != TokenKind::kWord || t.capitalized || IsStopword(t.lower) ||
            t.lower.size() < kMinTermBytes || CommonStems().count(t.stem) ||
            !seen.insert(t.stem).second) {
          continue;
        }
        Uses& uses = by_stem[t.stem];
        if (uses.surface.empty()) uses.surface = t.lower;
        uses.sentences.push_back({d, s});
        uses.documents.insert(d);
      }
    }
  }
  // Sentences already paired: the fact each sentence belongs to.
  std::map<std::pair<int, uint32_t>, size_t> fact_of;
  for (size_t f = 0; f < comparison.facts.size(); ++f) {
    for (const SentenceRef& ref : comparison.facts[f].sentences) fact_of[{ref.document, ref.sentence}] = f;
  }
  struct Ranked {
    double rarity;
    SharedTerm term;
  };
  std::vector<Ranked> ranked;
  const double limit = std::max(2.0, kMaxSentenceShare * static_cast<double>(sentence_count));
  for (auto& [stem, uses] : by_stem) {
    if (uses.documents.size() < 2 || static_cast<double>(uses.sentences.size()) > limit) continue;
    std::set<size_t> facts;
    for (const SentenceRef& ref : uses.sentences) {
      auto it = fact_of.find({ref.document, ref.sentence});
      facts.insert(it == fact_of.end() ? SIZE_MAX : it->second);
    }
    const bool explained = facts.size() == 1 && *facts.begin() != SIZE_MAX;
    if (explained) continue;
    SharedTerm term;
    term.term = uses.surface;
    term.documents.assign(uses.documents.begin(), uses.documents.end());
    term.sentences = std::move(uses.sentences);
    const double rarity = std::log(static_cast<double>(sentence_count) / term.sentences.size()) *
                          static_cast<double>(term.documents.size());
    ranked.push_back({rarity, std::move(term)});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.rarity > b.rarity; });
  for (size_t i = 0; i < ranked.size() && i < kMaxSharedTerms; ++i) {
    comparison.shared_terms.push_back(std::move(ranked[i].term));
  }
}

}  // namespace parallax
