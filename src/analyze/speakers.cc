// Who a sentence names as the speaker of a quote or a statement.
//
// The speaker is the subject of a speech verb: a name ("Jane Doe said"), a
// role or description ("the senator said", "a new poll shows"), a pronoun
// ("she said", resolved to the subject of the nearest sentence naming a
// person whose sex fits), or the
// name after an inverted verb ("..., said Jane Doe"). Without a part-of-
// speech tagger the noun phrase is read backwards from the verb over
// auxiliaries and adverbs, and stops at punctuation and clause words.
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "analyze/quote_finder.h"
#include "parallax/analyze.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// How far before a speech verb its subject may stand, in words: room for
// auxiliaries and adverbs ("has repeatedly said", "is expected to say").
constexpr size_t kMaxSubjectGap = 4;
// Asides between a subject and its verb that may be skipped: "Jane Doe, 52,
// who was waiting outside, said" has two.
constexpr int kMaxAppositions = 2;
// The longest description taken as a speaker, in words ("a senior official
// of the agency's Paris office").
constexpr size_t kMaxNounPhraseWords = 8;
// How many sentences back "he" or "she" looks for its subject before
// falling back on the person named last.
constexpr uint32_t kMaxPronounSentences = 3;

const std::unordered_set<std::string>& GroupSpeakers() {
  static const std::unordered_set<std::string> kGroups = {
      "critics", "supporters", "officials", "experts", "campaigners", "residents", "witnesses",
      "sources", "analysts", "opponents", "allies", "ministers", "police", "unions", "protesters",
      "activists", "economists", "lawyers", "doctors", "scientists", "insiders", "aides",
      "leaders", "organisers", "organizers", "workers", "members", "spokesman", "spokeswoman",
      "spokesperson", "government", "department", "insider", "source", "official", "expert",
      "analyst", "critic", "resident", "witness", "worker", "driver", "shopper", "passenger",
      "neighbour", "friend", "colleague", "relative", "aide", "ally"};
  return kGroups;
}

// Words between a subject and its verb: "has also said", "is expected to say".
bool IsVerbPrefix(const Token& t) {
  static const std::unordered_set<std::string> kPrefix = {
      "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
      "should", "must", "did", "does", "do", "also", "then", "later", "again", "previously", "once",
      "not", "never", "both", "all", "even", "still", "first", "just", "already", "often", "expected",
      "to", "likely", "going", "reportedly", "apparently", "allegedly", "further", "too", "long", "now",
      "continue", "continues", "continued", "began", "begins", "started", "tried", "sought", "wanted",
      "earlier", "today", "yesterday", "tonight", "ever"};
  if (t.kind != TokenKind::kWord) return false;
  if (kPrefix.contains(t.lower)) return true;
  // Adverbs: "repeatedly", "publicly" (never a name: those are capitalised).
  return !t.capitalized && t.lower.size() > 4 && t.lower.ends_with("ly");
}

// Words that end a noun phrase read backwards: clause joints, relative
// pronouns, prepositions that open an adverbial, and verbs a phrase cannot hold.
bool EndsNounPhrase(const std::string& w) {
  static const std::unordered_set<std::string> kStops = {
      "that", "which", "who", "whom", "whose", "and", "or", "but", "because", "as", "if", "when",
      "while", "where", "after", "before", "since", "than", "so", "though", "although", "whether",
      "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can",
      "should", "may", "might", "must", "did", "does", "do", "not", "to", "it", "he", "she", "they",
      "we", "i", "you", "this", "there", "here", "what", "how", "why", "by", "with", "into", "about",
      "against", "during", "without", "under", "over", "between", "through", "also", "then"};
  return kStops.contains(w);
}

// Prepositions whose object is never the subject of the verb after it.
bool IsPreposition(const std::string& w) {
  static const std::unordered_set<std::string> kPrepositions = {"in", "on", "at", "with", "by", "to", "into",
                                                                "after", "before", "during", "under", "over"};
  return kPrepositions.contains(w);
}

bool IsDeterminer(const std::string& w) {
  static const std::unordered_set<std::string> kDeterminers = {
      "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "some", "many", "most",
      "several", "one", "two", "three", "other", "another", "each", "every", "few", "these", "those"};
  return kDeterminers.contains(w);
}

// Words that can head a phrase but never name who spoke.
bool CannotHeadSpeaker(const Token& t) {
  static const std::unordered_set<std::string> kNot = {
      "the", "a", "an", "of", "in", "on", "at", "for", "from", "his", "her", "their", "its", "our",
      "my", "your", "some", "many", "most", "one", "time", "times", "day", "week", "year", "month",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
      "yesterday", "tonight", "morning", "evening", "night", "ago", "last", "next", "days", "weeks",
      "months", "years", "hours", "minutes", "decades", "past", "future", "moment", "later", "earlier",
      // Party adjectives: "a Republican said" has a head; "Republican" alone
      // is the word before a name.
      "republican", "democratic",
      // Verbs and superlatives a backwards reading would take for a head.
      "appears", "seems", "remains", "means", "becomes", "gets", "makes", "takes", "goes", "comes", "best",
      "worst"};
  // "I'm", "they're": a contraction holds a verb, so it is no phrase's head.
  const bool contraction = t.lower.find('\'') != std::string::npos && !t.lower.ends_with("'s");
  return t.kind != TokenKind::kWord || kNot.contains(t.lower) || contraction;
}

}  // namespace

bool IsFormOfBe(std::string_view lower) {
  return lower == "was" || lower == "were" || lower == "been" || lower == "being" || lower == "is" ||
         lower == "are" || lower == "be";
}

bool IsSpeakerPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "we" || lower == "i" || lower == "it";
}

size_t CountWords(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  size_t n = 0;
  for (const Token& t : tokens) n += t.kind != TokenKind::kPunct && t.begin >= begin && t.end <= end;
  return n;
}

bool QuoteFinder::IsPersonFor(const Mention& m, char gender) const {
  return m.entity >= 0 && doc_.entities[m.entity].type == EntityType::kPerson &&
         !Inside(m.span.paragraph, m.span.begin, m.span.end) &&
         (gender == 0 || doc_.entities[m.entity].gender == 0 || doc_.entities[m.entity].gender == gender);
}

const std::string* QuoteFinder::VerbCategory(const std::vector<Token>& tokens, size_t k) const {
  const Token& t = tokens[k];
  if (t.kind != TokenKind::kWord) return nullptr;
  static const std::string kSpeech = "speech";
  if (t.lower == "called" || t.lower == "calling") {
    const bool appeal = k + 1 < tokens.size() && (tokens[k + 1].lower == "for" || tokens[k + 1].lower == "on");
    return appeal ? &kSpeech : nullptr;
  }
  const auto it = lex_.speech_verbs.find(t.lower);
  return it == lex_.speech_verbs.end() ? nullptr : &it->second;
}

bool QuoteFinder::IsSpeechVerb(const std::vector<Token>& tokens, size_t k) const {
  return VerbCategory(tokens, k) != nullptr;
}

// The person named last before the offset; `gender` ('f', 'm' or 0) skips
// people whose sex is known to be the other.
int QuoteFinder::LastPersonBefore(uint32_t si, uint32_t offset, char gender) const {
  int found = last_person_before_[gender == 'f' ? 1 : gender == 'm' ? 2 : 0][si];
  for (const Mention* m : MentionsOf(si)) {
    if (m->span.begin >= offset) break;
    if (IsPersonFor(*m, gender)) found = m->entity;
  }
  return found;
}

// Whom "he" or "she" at `offset` of sentence `si` stands for. The nearest
// sentence before it (this one up to the pronoun, then up to
// kMaxPronounSentences back) naming a person the pronoun fits decides; in
// it, the subject (the first person named outside quote marks) comes before
// later names: in "Doe, a lawyer for Roe, said ... He added", he is Doe.
// Further back, the person named last.
int QuoteFinder::ResolvePronoun(uint32_t si, uint32_t offset, char gender) const {
  auto in_sentence = [&](uint32_t x, uint32_t limit) {
    for (const Mention* m : MentionsOf(x)) {
      if (m->span.begin >= limit) break;
      if (IsPersonFor(*m, gender)) return m->entity;
    }
    return -1;
  };
  if (const int found = in_sentence(si, offset); found >= 0) return found;
  for (uint32_t x = si; x-- > 0 && si - x <= kMaxPronounSentences;) {
    if (const int found = in_sentence(x, UINT32_MAX); found >= 0) return found;
  }
  return LastPersonBefore(si, offset, gender);
}

Speaker QuoteFinder::MentionEndingAt(uint32_t si, size_t token) const {
  const Token& t = doc_.sentences[si].tokens[token];
  for (const Mention* m : MentionsOf(si)) {
    if (m->span.end == t.end && m->entity >= 0) return Speaker{m->entity, m->surface, m->span};
  }
  return {};
}

Speaker QuoteFinder::Pronoun(uint32_t si, size_t token) const {
  const Sentence& s = doc_.sentences[si];
  const Token& t = s.tokens[token];
  if (!IsSpeakerPronoun(t.lower)) return {};
  Speaker sp;
  if (t.lower == "he" || t.lower == "she") sp.entity = ResolvePronoun(si, t.begin, t.lower == "she" ? 'f' : 'm');
  sp.text = ParagraphText(si).substr(t.begin, t.end - t.begin);
  sp.span = {s.span.paragraph, t.begin, t.end};
  return sp;
}

// A description ending at token `head`: "the former first lady", "a new
// poll", "Republicans". Reads back at most kMaxNounPhraseWords words and no
// further than `limit`; starts at its first determiner when it has one.
Speaker QuoteFinder::NounPhraseEndingAt(uint32_t si, size_t head, size_t limit) const {
  const Sentence& s = doc_.sentences[si];
  const Token& h = s.tokens[head];
  // "the daily": an -ly word after a determiner is a noun, not an adverb.
  const bool after_determiner = head > limit && IsDeterminer(s.tokens[head - 1].lower);
  if (CannotHeadSpeaker(h) || EndsNounPhrase(h.lower) || (IsVerbPrefix(h) && !after_determiner) ||
      (IsSpeechVerb(s.tokens, head) && !after_determiner)) {
    return {};  // "Doe announced plans to ...": "announced" heads nothing
  }
  if (Inside(s.span.paragraph, h.begin, h.end)) return {};
  size_t first = head;
  size_t words = 1;
  while (first > limit && words < kMaxNounPhraseWords) {
    const Token& t = s.tokens[first - 1];
    if (t.kind == TokenKind::kPunct && t.lower != "'s" && t.lower != "'" && t.lower != "." && t.lower != "-" &&
        t.lower != "&") {
      break;
    }
    if (t.kind != TokenKind::kPunct && (EndsNounPhrase(t.lower) || IsSpeechVerb(s.tokens, first - 1))) break;
    --first;
    words += t.kind != TokenKind::kPunct;
  }
  // "supporters of the rota", "a spokesman for the council": the phrase
  // holds a preposition, and its own head stands before it.
  size_t inner = head;
  for (size_t k = first + 1; k < head; ++k) {
    const std::string& w = s.tokens[k].lower;
    if (w == "of" || w == "for" || w == "at" || w == "from") {
      inner = k;
      break;
    }
  }
  size_t start = inner < head ? first : head;
  for (size_t k = first; k <= inner; ++k) {
    if (IsDeterminer(s.tokens[k].lower)) {
      start = k;
      break;
    }
  }
  // "a move critics say": a singular determiner does not open a plural
  // head's phrase; the phrase is the head alone.
  const bool plural = h.lower.size() > 3 && h.lower.back() == 's' && !h.lower.ends_with("ss");
  if (start < head && plural && !h.capitalized &&
      (s.tokens[start].lower == "a" || s.tokens[start].lower == "an" || s.tokens[start].lower == "another")) {
    start = head;
  }
  // "in a low voice", "for the first time": the object of a preposition
  // is no subject.
  if (start > limit && IsPreposition(s.tokens[start - 1].lower)) return {};
  // "Doe's former strategist": a possessor opens the phrase like a determiner.
  for (size_t k = head; k > first && start == head; --k) {
    const Token& t = s.tokens[k - 1];
    if (t.kind == TokenKind::kWord && t.capitalized && t.lower.ends_with("'s")) {
      start = k - 1;  // "Wren's" as one token
      continue;
    }
    // The tokenizer splits a possessive into "'" and "s".
    const bool split = t.lower == "s" && k >= first + 2 && s.tokens[k - 2].lower == "'";
    if (t.lower != "'s" && !split) continue;
    start = split ? k - 2 : k - 1;
    while (start > first && (s.tokens[start - 1].capitalized || s.tokens[start - 1].lower == ".")) --start;
    if (start == (split ? k - 2 : k - 1)) start = head;  // "'s" with no name before it
  }
  if (start == head) {
    // No determiner: a run of capitalised words ("Senate Republicans",
    // "Twelve percent") or a plural or group word on its own ("critics").
    while (start > first && (s.tokens[start - 1].capitalized || s.tokens[start - 1].kind == TokenKind::kNumber)) --start;
    if (start == head && !h.capitalized && !plural && !GroupSpeakers().contains(h.lower) &&
        !lex_.roles.contains(h.lower)) {
      return {};
    }
  }
  // A mention inside the phrase names the entity: "a spokesman for Doe
  // Holdings" is theirs, "the former first lady" bound to a person is hers.
  Speaker sp;
  for (const Mention* m : MentionsOf(si)) {
    if (m->entity >= 0 && m->span.begin >= s.tokens[start].begin && m->span.end <= h.end) {
      const bool spokesperson = s.tokens[start].begin < m->span.begin;
      if (!spokesperson || doc_.entities[m->entity].type == EntityType::kPerson || m->span.end == h.end) {
        sp.entity = m->entity;
      }
    }
  }
  const uint32_t begin = s.tokens[start].begin;
  sp.text = ParagraphText(si).substr(begin, h.end - begin);
  sp.span = {s.span.paragraph, begin, h.end};
  return sp;
}

// The subject of the verb at token `verb`, read backwards over auxiliaries,
// adverbs and up to kMaxAppositions asides.
Speaker QuoteFinder::FromMentionEndingBefore(uint32_t si, size_t limit_token, size_t verb) const {
  const Sentence& s = doc_.sentences[si];
  const std::vector<Token>& tokens = s.tokens;
  size_t words = 0;
  size_t k = verb;
  int appositions_skipped = 0;
  while (k > limit_token) {
    --k;
    const Token& t = tokens[k];
    if (Inside(s.span.paragraph, t.begin, t.end)) return {};
    if (Speaker sp = MentionEndingAt(si, k); sp.found()) {
      // "A spokeswoman for Doe Shipping said": the speaker is the phrase,
      // speaking for the name it ends with.
      size_t name_start = k;
      while (name_start > limit_token && tokens[name_start - 1].end > sp.span.begin) --name_start;
      if (name_start > limit_token + 1) {
        const std::string& joint = tokens[name_start - 1].lower;
        if (joint == "for" || joint == "of" || joint == "at" || joint == "from") {
          if (Speaker phrase = NounPhraseEndingAt(si, k, limit_token); phrase.found()) return phrase;
        }
        // "told a rally in Denver": a name after a preposition is no subject.
        if (IsPreposition(joint)) return {};
      }
      return sp;
    }
    if (t.kind != TokenKind::kPunct) {
      if (Speaker sp = Pronoun(si, k); sp.found()) return sp;
      if (t.lower == "who" && k > limit_token + 1 && tokens[k - 1].lower == ",") {
        // "Jane Doe, who led the talks, said" read as "who said".
        if (Speaker sp = MentionEndingAt(si, k - 2); sp.found()) return sp;
      }
      if (IsVerbPrefix(t) && !(k > limit_token && IsDeterminer(tokens[k - 1].lower))) {
        if (++words > kMaxSubjectGap) return {};
        continue;
      }
      return NounPhraseEndingAt(si, k, limit_token);
    }
    if (t.lower == ")") {
      // "Jane Doe (D-Ohio) said": a parenthesis is part of the name's aside.
      size_t open = k;
      while (open > limit_token && k - open < 12 && tokens[open - 1].lower != "(") --open;
      if (open > limit_token && tokens[open - 1].lower == "(") {
        k = open - 1;
        continue;
      }
      return {};
    }
    if (t.lower == "," && appositions_skipped < kMaxAppositions) {
      size_t open = k;
      while (open > limit_token && tokens[open - 1].lower != ",") --open;
      // "Its chief executive, Jane Doe, said": a person's name is the whole aside.
      for (const Mention* m : MentionsOf(si)) {
        if (k > open && open > limit_token && m->span.begin == tokens[open].begin &&
            m->span.end == tokens[k - 1].end && m->entity >= 0 &&
            doc_.entities[m->entity].type == EntityType::kPerson) {
          return Speaker{m->entity, m->surface, m->span};
        }
      }
      // "Jane Doe, the head of X, said" / "Jane Doe, 52, said": jump to the
      // comma that opens the aside.
      if (open > limit_token && verb - open < 16) {
        k = open - 1;
        words = 0;
        ++appositions_skipped;
        continue;
      }
      return {};
    }
    if ((t.lower == "\u2013" || t.lower == "\u2014") && appositions_skipped < kMaxAppositions) {
      // "The envoy – who leads the talks – said": jump over the aside.
      size_t open = k;
      while (open > limit_token && tokens[open - 1].lower != t.lower) --open;
      if (open > limit_token && verb - open < 30) {
        k = open - 1;
        words = 0;
        ++appositions_skipped;
      }
      continue;
    }
    if (t.lower != "-") return {};
  }
  return {};
}

// The subject the sentence opens with: a pronoun or a name among its first
// words ("Doe, ..." / "On Monday, Doe ...").
Speaker QuoteFinder::SentenceSubject(uint32_t si, size_t verb) const {
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  size_t words = 0;
  for (size_t k = 0; k < verb && words < 4; ++k) {
    if (tokens[k].kind == TokenKind::kPunct) continue;
    ++words;
    if (Speaker sp = Pronoun(si, k); sp.found()) return sp;
    for (const Mention* m : MentionsOf(si)) {
      if (m->entity >= 0 && m->span.begin == tokens[k].begin) return Speaker{m->entity, m->surface, m->span};
    }
  }
  return {};
}

Speaker QuoteFinder::SubjectBefore(uint32_t si, size_t verb) const {
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  if (tokens[verb].lower.ends_with("ing")) {
    // "Doe said she would oppose the move, saying ...": a participle
    // speaks for the subject of the verb it hangs on, not for "the move".
    const uint32_t paragraph = doc_.sentences[si].span.paragraph;
    for (size_t k = 0; k < verb; ++k) {
      if (tokens[k].lower.ends_with("ing") || Inside(paragraph, tokens[k].begin, tokens[k].end) ||
          !IsSpeechVerb(tokens, k)) {
        continue;
      }
      if (Speaker sp = FromMentionEndingBefore(si, 0, k); sp.found()) return sp;
    }
    // "Doe attacked the plan, saying ...": the sentence's subject.
    if (verb > 1 && tokens[verb - 1].lower == ",") {
      if (Speaker sp = SentenceSubject(si, verb); sp.found()) return sp;
    }
  }
  size_t k = verb;
  while (k > 0 && IsVerbPrefix(tokens[k - 1])) --k;
  if (k > 0 && (tokens[k - 1].lower == "and" || tokens[k - 1].lower == "but")) {
    // "Doe did not apologise, but said ...": the verbs share the subject;
    // "His aides say ... but noted ...": the subject of the verb before.
    if (Speaker sp = SentenceSubject(si, k - 1); sp.found()) return sp;
    const uint32_t paragraph = doc_.sentences[si].span.paragraph;
    for (size_t before = k - 1; before-- > 0;) {
      if (Inside(paragraph, tokens[before].begin, tokens[before].end) || !IsSpeechVerb(tokens, before)) continue;
      return FromMentionEndingBefore(si, 0, before);
    }
    return {};
  }
  Speaker subject = FromMentionEndingBefore(si, 0, verb);
  if (subject.entity < 0 && subject.found() && subject.span.paragraph == doc_.sentences[si].span.paragraph) {
    // "Doe posted a tweet saying ...": a medium is what carried the words,
    // the one who posted it said them.
    const std::string& text = ParagraphText(si);
    const size_t space = text.rfind(' ', subject.span.end - 1);
    const size_t head_begin = space == std::string::npos || space < subject.span.begin ? subject.span.begin : space + 1;
    if (lex_.media.contains(FoldCase(text.substr(head_begin, subject.span.end - head_begin)))) {
      if (Speaker sp = SentenceSubject(si, verb); sp.found()) return sp;
    }
  }
  return subject;
}

// "..., said Jane Doe" / "..., said the minister" / "..., said union
// organiser Jane Doe": the first name or description within a few words,
// before any punctuation.
Speaker QuoteFinder::SubjectAfter(uint32_t si, size_t verb) const {
  const Sentence& s = doc_.sentences[si];
  for (size_t k = verb + 1; k < s.tokens.size() && k <= verb + kMaxSubjectGap + 1; ++k) {
    if (s.tokens[k].kind == TokenKind::kPunct) break;
    for (const Mention* m : MentionsOf(si)) {
      if (m->entity >= 0 && m->span.begin <= s.tokens[k].begin && s.tokens[k].begin < m->span.end) {
        return Speaker{m->entity, m->surface, m->span};
      }
    }
  }
  // "..., said the narrator": a description up to the punctuation, opening
  // right after the verb ("said in a statement" names no one).
  if (verb + 1 >= s.tokens.size() || !(IsDeterminer(s.tokens[verb + 1].lower) || s.tokens[verb + 1].capitalized)) {
    return verb + 1 < s.tokens.size() ? Pronoun(si, verb + 1) : Speaker{};
  }
  size_t end = verb + 1;
  while (end < s.tokens.size() && end <= verb + kMaxNounPhraseWords && s.tokens[end].kind == TokenKind::kWord &&
         !EndsNounPhrase(s.tokens[end].lower)) {
    ++end;
  }
  if (end > verb + 1 && (end == s.tokens.size() || s.tokens[end].kind == TokenKind::kPunct)) {
    if (Speaker sp = NounPhraseEndingAt(si, end - 1, verb + 1); sp.found()) return sp;
  }
  if (verb + 1 < s.tokens.size()) {
    if (Speaker sp = Pronoun(si, verb + 1); sp.found()) return sp;
  }
  return {};
}

}  // namespace parallax
