// Loaded wording from data/framing.tsv, matched on word stems.
#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "analyze/internal.h"
#include "analyze/lexicons.h"
#include "parallax/analyze.h"

namespace parallax {

bool InsideQuotedSpan(const AnalyzedArticle& doc, uint32_t paragraph, uint32_t begin, uint32_t end) {
  // The last span starting at or before `begin` is the only one that can
  // hold it: spans of a paragraph are disjoint and in order.
  const auto after = std::upper_bound(
      doc.quoted_spans.begin(), doc.quoted_spans.end(), std::make_pair(paragraph, begin),
      [](const std::pair<uint32_t, uint32_t>& key, const Span& s) { return key < std::make_pair(s.paragraph, s.begin); });
  if (after == doc.quoted_spans.begin()) return false;
  const Span& s = *std::prev(after);
  return s.paragraph == paragraph && end <= s.end;
}

namespace {

// The quote (long or short) whose span holds [begin, end) of `paragraph`.
const Quote* QuoteHolding(const AnalyzedArticle& doc, const std::vector<Quote>& scare_quotes,
                          uint32_t paragraph, uint32_t begin, uint32_t end) {
  auto holds = [&](const Quote& q) {
    if (q.kind == QuoteKind::kReported) return false;
    if (q.span.paragraph == paragraph) return q.span.begin <= begin && end <= q.span.end;
    // Continuation paragraphs of a quote running over several.
    return q.span.paragraph < paragraph && paragraph <= q.last_paragraph;
  };
  for (const Quote& q : doc.quotes) {
    if (holds(q)) return &q;
  }
  for (const Quote& q : scare_quotes) {
    if (holds(q)) return &q;
  }
  return nullptr;
}

}  // namespace

void FindFraming(AnalyzedArticle& doc, const std::vector<Quote>& scare_quotes) {
  const Lexicons& lex = Lexicons::Get();
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    // Word tokens only: "hard-left" and "hard - left" both match.
    std::vector<size_t> words;
    for (size_t k = 0; k < s.tokens.size(); ++k) {
      if (s.tokens[k].kind != TokenKind::kPunct) words.push_back(k);
    }
    auto key = [&](size_t w) -> const std::string& {
      const Token& t = s.tokens[words[w]];
      return t.kind == TokenKind::kWord ? t.stem : t.lower;
    };
    // Longest entry at each word; overlapping matches merge into one term
    // ("forces of hate" + "hate and division").
    struct Match {
      size_t first, last;  // word indexes, inclusive
      std::string entry, category;
    };
    std::vector<Match> matches;
    for (size_t w = 0; w < words.size(); ++w) {
      const FramingEntry* best = nullptr;
      // Every entry's first word is compared whole (below), so only the
      // entries starting with this word can match.
      const auto candidates = lex.framing_by_first_word.find(s.tokens[words[w]].lower);
      if (candidates == lex.framing_by_first_word.end()) continue;
      for (const size_t f : candidates->second) {
        const FramingEntry& entry = lex.framing[f];
        if (w + entry.stems.size() > words.size()) continue;
        if (best && entry.stems.size() <= best->stems.size()) continue;
        bool match = true;
        for (size_t x = 0; x < entry.stems.size() && match; ++x) {
          // Whole words, except that the last word of a phrase may inflect
          // ("union baron" / "union barons"); a stem alone is too loose
          // ("illegals" and "illegal" share one).
          const bool last_of_phrase = entry.stems.size() > 1 && x + 1 == entry.stems.size();
          match = last_of_phrase ? key(w + x) == entry.stems[x]
                                 : s.tokens[words[w + x]].lower == entry.words[x];
        }
        if (match) best = &entry;
      }
      if (!best) continue;
      const size_t last = w + best->stems.size() - 1;
      if (!matches.empty() && w <= matches.back().last) {
        if (last <= matches.back().last) continue;  // inside the previous match
        Match& m = matches.back();
        m.last = last;
        m.entry += " + " + best->term;
        if (m.category != best->category) m.category += "+" + best->category;
        continue;
      }
      matches.push_back({w, last, best->term, best->category});
    }
    for (const Match& m : matches) {
      const Token& first = s.tokens[words[m.first]];
      const Token& last = s.tokens[words[m.last]];
      FramingHit hit;
      hit.sentence = si;
      hit.span = {s.span.paragraph, first.begin, last.end};
      hit.term = doc.article.paragraphs[s.span.paragraph].text.substr(first.begin, last.end - first.begin);
      hit.entry = m.entry;
      hit.category = m.category;
      hit.in_quote = InsideQuotedSpan(doc, s.span.paragraph, first.begin, last.end);
      if (hit.in_quote) {
        if (const Quote* q = QuoteHolding(doc, scare_quotes, s.span.paragraph, first.begin, last.end)) {
          hit.speaker = q->speaker;
        }
      }
      doc.framing.push_back(std::move(hit));
    }
  }
}

}  // namespace parallax
