// Which speaker a direct quote gets: the subject of the nearest speech verb
// in the sentences it touches (speakers.cc finds subjects), else the words
// around the marks: "Doe agreed: “...”", "“...” ― Jane Doe", "“...,” Doe
// fumed.", or "He said:" closing the paragraph before.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "analyze/quote_finder.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// How far into a sentence that follows a quote its attribution may stand,
// in tokens: "Rep. Jane Doe (D-Ohio), a panel member, said".
constexpr size_t kMaxAttributionTokens = 16;

}  // namespace

// "“...” ― Jane Doe": a name after a dash right after the closing mark.
Speaker QuoteFinder::SpeakerAfterDash(uint32_t si, uint32_t quote_end) const {
  const Sentence& s = doc_.sentences[si];
  for (size_t k = 0; k + 1 < s.tokens.size(); ++k) {
    const Token& t = s.tokens[k];
    if (t.begin < quote_end) continue;
    if (t.begin > quote_end + 6) break;
    if (t.lower != "\u2015" && t.lower != "\u2014" && t.lower != "\u2013" && t.lower != "-") continue;
    for (const Mention* m : MentionsOf(si)) {
      if (m->entity >= 0 && m->span.begin == s.tokens[k + 1].begin) return Speaker{m->entity, m->surface, m->span};
    }
  }
  return {};
}

// "“...,” Doe fumed." / "“...,” Doe gushed, adding ...": right after the
// closing mark, a name and one more word closed by punctuation attribute the
// quote whatever the verb; news has more verbs of saying than any list.
Speaker QuoteFinder::NameAndVerbAfter(uint32_t paragraph, uint32_t quote_end) const {
  const auto [first, last] = SentencesTouching(paragraph, quote_end + 1, quote_end + 6);
  for (uint32_t si = first; si < last; ++si) {
    const Sentence& s = doc_.sentences[si];
    if (s.span.end <= quote_end || s.span.begin > quote_end + 6) continue;
    size_t k = 0;
    while (k < s.tokens.size() && s.tokens[k].end <= quote_end + 3) ++k;  // past the closing mark
    while (k < s.tokens.size() && s.tokens[k].kind == TokenKind::kPunct && s.tokens[k].begin < quote_end + 6) ++k;
    if (k >= s.tokens.size() || s.tokens[k].begin > quote_end + 6) return {};
    for (const Mention* m : MentionsOf(si)) {
      if (m->entity < 0 || m->span.begin != s.tokens[k].begin) continue;
      size_t verb = k;
      while (verb < s.tokens.size() && s.tokens[verb].end <= m->span.end) ++verb;
      const bool closed = verb + 1 < s.tokens.size() && s.tokens[verb].kind == TokenKind::kWord &&
                          !s.tokens[verb].capitalized && s.tokens[verb + 1].kind == TokenKind::kPunct &&
                          (s.tokens[verb].lower.ends_with("ed") || s.tokens[verb].lower.ends_with("s"));
      if (closed) return Speaker{m->entity, m->surface, m->span};
    }
    return {};
  }
  return {};
}

// "Jane Doe, an analyst: “...”" and "Doe agreed: “...”": the words before a
// colon that opens the quote.
Speaker QuoteFinder::SpeakerBeforeColon(uint32_t paragraph, uint32_t quote_begin) const {
  // The colon ends at most 4 bytes before the quote.
  const auto [first, last] = SentencesTouching(paragraph, quote_begin - std::min<uint32_t>(quote_begin, 5), quote_begin);
  for (uint32_t si = first; si < last; ++si) {
    const Sentence& s = doc_.sentences[si];
    for (size_t k = 1; k < s.tokens.size(); ++k) {
      const Token& colon = s.tokens[k];
      if (colon.lower != ":" || colon.end > quote_begin || quote_begin - colon.end > 4) continue;
      if (Speaker sp = MentionEndingAt(si, k - 1); sp.found()) return sp;
      // "Jane Doe, author:" — the name before the aside.
      for (size_t c = k - 1; c > 0 && k - c < 8; --c) {
        if (s.tokens[c].lower == ",") {
          if (Speaker sp = MentionEndingAt(si, c - 1); sp.found()) return sp;
          break;
        }
      }
      // "A message for the council:" standing alone names its speaker;
      // "Doe had a message for the council:" is Doe's.
      if (Speaker sp = NounPhraseEndingAt(si, k - 1, 0); sp.found() && sp.span.begin == s.tokens.front().begin) {
        return sp;
      }
      for (size_t w = 0; w < k && w < 4; ++w) {
        if (Speaker sp = Pronoun(si, w); sp.found()) return sp;
        if (Speaker sp = MentionEndingAt(si, w); sp.found() && doc_.entities[sp.entity].type == EntityType::kPerson) {
          return sp;
        }
      }
      return {};
    }
  }
  return {};
}

// "He said:" or "Doe wrote on social media:" closing the paragraph before
// `paragraph`. With `needs_cue`, the sentence must hold a speech verb or
// name a medium ("in a statement:"): a paragraph without quote marks after
// "The winners:" is a list, not someone's words.
Speaker QuoteFinder::IntroducedByColon(uint32_t paragraph, bool needs_cue) const {
  if (paragraph == 0 || sentence_first_[paragraph] == 0) return {};
  const uint32_t si = sentence_first_[paragraph] - 1;
  const Sentence& s = doc_.sentences[si];
  if (s.tokens.size() < 2 || s.tokens.back().lower != ":" || s.span.paragraph + 1 != paragraph) return {};
  for (size_t k = s.tokens.size() - 1; k-- > 0;) {
    if (Inside(s.span.paragraph, s.tokens[k].begin, s.tokens[k].end) || !IsSpeechVerb(s.tokens, k)) continue;
    if (Speaker sp = SubjectBefore(si, k); sp.found()) return sp;
    break;
  }
  if (needs_cue && MediumIn(si).empty()) return {};
  return SpeakerBeforeColon(s.span.paragraph, s.tokens.back().end + 1);
}

std::string QuoteFinder::MediumIn(uint32_t si) const {
  // Asked once per quote the sentence holds: kept, so a sentence of a
  // thousand quotes is read once, not a thousand times.
  if (medium_known_[si]) return medium_[si];
  medium_known_[si] = true;
  medium_[si] = FirstMediumIn(si);
  return medium_[si];
}

std::string QuoteFinder::FirstMediumIn(uint32_t si) const {
  const Sentence& s = doc_.sentences[si];
  for (const Token& t : s.tokens) {
    if (t.kind != TokenKind::kWord || Inside(s.span.paragraph, t.begin, t.end)) continue;
    if (auto it = lex_.media.find(t.lower); it != lex_.media.end()) return t.lower;
  }
  return {};
}

Speaker QuoteFinder::AttributeDirect(uint32_t paragraph, const QuotedSpan& span, std::string& medium) const {
  // Speech verbs in the sentences the quote touches, nearest first.
  struct Candidate {
    uint32_t sentence;
    size_t verb;
    uint32_t distance;
    bool after_quote;
  };
  std::vector<Candidate> candidates;
  const auto [first, last] = SentencesTouching(paragraph, span.begin, span.end + 6);
  for (uint32_t si = first; si < last; ++si) {
    const Sentence& s = doc_.sentences[si];
    if (s.span.end < span.begin || s.span.begin > span.end + 6) continue;
    // A sentence that starts after the closing mark ("“...” Doe said.")
    // attributes the quote only in its first words: "Practice kindness,
    // says Doe" is Doe's own advice, not the quote's.
    const bool starts_after = s.span.begin >= span.end;
    const size_t reach = starts_after ? std::min<size_t>(s.tokens.size(), kMaxAttributionTokens) : s.tokens.size();
    for (size_t k = 0; k < reach; ++k) {
      const Token& t = s.tokens[k];
      if (Inside(paragraph, t.begin, t.end)) continue;
      const bool after = t.begin >= span.end;
      const uint32_t distance = after ? t.begin - span.end : span.begin - std::min(span.begin, t.end);
      // "Doe called the plan “a disgrace”": naming verbs quote what follows closely.
      static const std::unordered_set<std::string> kNaming = {"called", "calls", "calling", "dubbed", "labeled",
                                                              "labelled", "branded", "termed", "described"};
      const bool naming = !after && distance < 60 && kNaming.contains(t.lower);
      if (!naming && !IsSpeechVerb(s.tokens, k)) continue;
      // "The nation was told of “...”": the subject of a passive verb is
      // spoken to or about.
      if (k > 0 && IsFormOfBe(s.tokens[k - 1].lower)) continue;
      candidates.push_back({si, k, distance, after});
    }
    if (medium.empty()) medium = MediumIn(si);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
  for (const Candidate& c : candidates) {
    // Inversion only when the verb directly follows the quote: "..." said X.
    if (c.after_quote && c.distance <= 4) {
      if (Speaker sp = SubjectAfter(c.sentence, c.verb); sp.found()) return sp;
    }
    if (Speaker sp = SubjectBefore(c.sentence, c.verb); sp.found()) return sp;
  }
  if (Speaker sp = SpeakerBeforeColon(paragraph, span.begin); sp.found()) return sp;
  if (Speaker sp = NameAndVerbAfter(paragraph, span.end); sp.found()) return sp;
  if (span.at_paragraph_start) {
    if (Speaker sp = IntroducedByColon(paragraph, false); sp.found()) return sp;
  }
  const auto [after, after_last] = SentencesTouching(paragraph, span.end - std::min<uint32_t>(span.end, 6), span.end + 6);
  for (uint32_t si = after; si < after_last; ++si) {
    const Sentence& s = doc_.sentences[si];
    if (s.span.begin <= span.end + 6 && span.end <= s.span.end + 6) {
      if (Speaker sp = SpeakerAfterDash(si, span.end); sp.found()) return sp;
    }
  }
  return {};
}

}  // namespace parallax
