// The same quote across outlets, and each speaker's voice per outlet.
//
// Outlets trim quotes ("...") and extend them, and sometimes reword them
// slightly. Two quotes are the same passage when most of the shorter one's
// content words appear in the longer one (containment), so a trimmed quote
// matches its full version.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "align/internal.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Share of the shorter quote's content stems found in the longer one. A
// trimmed quote scores 1.0; a reworded one (tense, a word swapped) stays
// above 0.6; different passages of one speech share a few common words only.
constexpr double kSamePassage = 0.6;
// And at least this many shared content stems, so that two short phrases
// sharing one word are not "the same quote".
constexpr size_t kMinSharedStems = 3;

std::set<std::string> ContentStems(const std::string& text) {
  std::set<std::string> stems;
  for (const Token& t : Tokenize(text, 0, static_cast<uint32_t>(text.size()))) {
    if (t.kind == TokenKind::kWord && !IsStopword(t.lower)) stems.insert(t.stem);
    if (t.kind == TokenKind::kNumber) stems.insert(t.lower);
  }
  return stems;
}

// Whether two quotes sharing `shared` content stems, of `a` and `b` stems,
// are one passage.
bool SamePassage(size_t shared, size_t a, size_t b) {
  const size_t smaller = std::min(a, b);
  return smaller > 0 && shared >= kMinSharedStems &&
         static_cast<double>(shared) / static_cast<double>(smaller) >= kSamePassage;
}

}  // namespace

void LinkQuotes(Comparison& comparison, const std::vector<std::vector<int>>& entity_of) {
  std::vector<std::set<std::string>> stems;
  for (int d = 0; d < static_cast<int>(comparison.documents.size()); ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    for (int q = 0; q < static_cast<int>(doc.quotes.size()); ++q) {
      QuoteRef ref;
      ref.id = "q" + std::to_string(comparison.quotes.size());
      ref.document = d;
      ref.quote = q;
      const int local = doc.quotes[q].speaker;
      ref.entity = local >= 0 ? entity_of[d][local] : -1;
      comparison.quotes.push_back(std::move(ref));
      stems.push_back(ContentStems(doc.quotes[q].text));
    }
  }
  auto quote_of = [&](const QuoteRef& r) -> const Quote& {
    return comparison.documents[r.document].quotes[r.quote];
  };
  // Quotes sharing a stem, through postings: only pairs with words in
  // common are ever compared, in the order a pairwise loop would take them.
  std::map<std::string, std::vector<uint32_t>> quotes_with_stem;
  for (uint32_t q = 0; q < comparison.quotes.size(); ++q) {
    if (quote_of(comparison.quotes[q]).kind != QuoteKind::kDirect) continue;
    for (const std::string& stem : stems[q]) quotes_with_stem[stem].push_back(q);
  }
  std::vector<uint32_t> shared(comparison.quotes.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t a = 0; a < comparison.quotes.size(); ++a) {
    QuoteRef& qa = comparison.quotes[a];
    if (quote_of(qa).kind != QuoteKind::kDirect) continue;
    for (const std::string& stem : stems[a]) {
      const std::vector<uint32_t>& holding = quotes_with_stem[stem];
      for (auto it = std::upper_bound(holding.begin(), holding.end(), a); it != holding.end(); ++it) {
        if (shared[*it]++ == 0) touched.push_back(*it);
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const uint32_t b : touched) {
      QuoteRef& qb = comparison.quotes[b];
      const uint32_t common = shared[b];
      shared[b] = 0;
      if (qa.document == qb.document) continue;
      // Different known speakers cannot have said the same words.
      if (qa.entity >= 0 && qb.entity >= 0 && qa.entity != qb.entity) continue;
      if (!SamePassage(common, stems[a].size(), stems[b].size())) continue;
      qa.same_as.push_back(qb.id);
      qb.same_as.push_back(qa.id);
    }
    touched.clear();
  }
  // Voices: every known speaker, with their quotes per outlet.
  std::map<int, Voice> voices;
  for (const QuoteRef& ref : comparison.quotes) {
    if (ref.entity < 0) continue;
    Voice& voice = voices[ref.entity];
    voice.entity = ref.entity;
    voice.quotes_by_document.resize(comparison.documents.size());
    voice.quotes_by_document[ref.document].push_back(ref.id);
  }
  std::map<int, std::vector<const QuoteRef*>> quotes_of_speaker;
  for (const QuoteRef& ref : comparison.quotes) {
    if (ref.entity >= 0) quotes_of_speaker[ref.entity].push_back(&ref);
  }
  for (auto& [entity, voice] : voices) {
    // Which outlets quote this speaker directly, and from what medium.
    std::map<std::string, std::set<int>> documents_by_medium;
    bool unmatched = false;
    for (const QuoteRef* ref : quotes_of_speaker[entity]) {
      const Quote& q = quote_of(*ref);
      if (q.kind != QuoteKind::kDirect) continue;
      if (!q.medium.empty()) documents_by_medium[q.medium].insert(ref->document);
      if (ref->same_as.empty()) unmatched = true;
    }
    for (const auto& [medium, documents] : documents_by_medium) {
      if (documents.size() >= 2) {
        voice.medium = medium;
        voice.same_source_different_passages = unmatched;
      }
    }
    comparison.voices.push_back(std::move(voice));
  }
  std::sort(comparison.voices.begin(), comparison.voices.end(), [&](const Voice& a, const Voice& b) {
    auto count = [](const Voice& v) {
      size_t n = 0;
      for (const auto& ids : v.quotes_by_document) n += ids.size();
      return n;
    };
    return count(a) > count(b);
  });
}

}  // namespace parallax
