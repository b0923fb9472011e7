// Reported speech: statements without quote marks that a sentence puts in
// someone's mouth.
//
//   Jane Doe said (that) the plan would fail.        statement after the verb
//   Doe told reporters (that) the plan would fail.   the listener is skipped
//   The plan would fail, Doe said on Tuesday.        statement before the clause
//   The plan would fail, said Doe.                   inverted
//   According to the report, the plan would fail.    and "..., according to X."
//   A new poll shows the plan is unpopular.          a document's finding
//
// Verbs of belief and finding ("thinks", "found") count only before "that",
// or, for findings, after a document ("the poll shows"): "police found a
// car" reports no one's words.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "analyze/quote_finder.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// A reported statement needs some content.
constexpr size_t kMinReportedWords = 2;  // "Doe denied the charge."
// Fewer words after the verb than this, after a comma, and the statement is
// the part before the comma ("The plan will fail, Doe said on Tuesday").
constexpr size_t kMinWordsAfterVerb = 2;
// The longest source after "according to", in tokens.
constexpr size_t kMaxSourceTokens = 14;
// How far back from "shows" or "found" its document may stand, in tokens:
// "A poll of 1,000 voters released on Friday by the university shows".
constexpr size_t kMaxDocumentReach = 30;

bool IsTellVerb(const std::string& lower) {
  return lower == "told" || lower == "tell" || lower == "tells" || lower == "telling";
}

// Nouns whose findings are reported like speech: "the poll shows".
bool IsDocumentWord(const std::string& lower) {
  static const std::unordered_set<std::string> kDocuments = {
      "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "data", "analysis",
      "figures", "statistics", "records", "documents", "document", "research", "review", "investigation",
      "audit", "memo", "filing", "complaint", "letter", "statement", "ruling", "indictment", "email", "emails",
      "census", "estimates", "numbers", "results", "findings", "models", "forecast", "index"};
  return kDocuments.contains(lower);
}

// Words that open an adverbial after the verb: "Doe said on Tuesday" has
// said what it says before the clause, not after it. "this", "last" and
// the like only with a time after them ("this afternoon", not "this plan").
bool OpensAdverbial(const std::vector<Token>& tokens, size_t k) {
  static const std::unordered_set<std::string> kOpeners = {
      "on", "in", "at", "during", "after", "before", "while", "when", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "recently", "afterwards",
      "later", "then", "back"};
  static const std::unordered_set<std::string> kBeforeTime = {"this", "last", "next", "earlier", "late", "early"};
  static const std::unordered_set<std::string> kTimes = {
      "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "spring", "summer",
      "autumn", "fall", "winter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "on", "in", "today"};
  if (k >= tokens.size()) return false;
  // "said Sunday night's debate was ...": a possessive makes it the subject.
  for (size_t x = k + 1; x < tokens.size() && x <= k + 2; ++x) {
    if (tokens[x].lower == "'s" || tokens[x].lower == "'") return false;
  }
  if (kOpeners.contains(tokens[k].lower)) return true;
  return kBeforeTime.contains(tokens[k].lower) && k + 1 < tokens.size() && kTimes.contains(tokens[k + 1].lower);
}

// "When ...", "But if ...": a sentence opening with a clause that sets the
// scene.
bool OpensSubordinateClause(const std::vector<Token>& tokens) {
  static const std::unordered_set<std::string> kSubordinators = {
      "when", "if", "after", "before", "because", "although", "though", "while", "since", "as", "until",
      "unless", "once", "whether", "back"};
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    if (t.lower == "but" || t.lower == "and" || t.lower == "so") continue;
    return kSubordinators.contains(t.lower);
  }
  return false;
}

}  // namespace

// The nearest document word ("poll", "survey", "documents") within reach
// before the verb, as the phrase that names it.
Speaker QuoteFinder::DocumentBefore(uint32_t si, size_t verb) const {
  const Sentence& s = doc_.sentences[si];
  for (size_t k = verb; k > 0 && verb - k < kMaxDocumentReach;) {
    --k;
    const Token& t = s.tokens[k];
    // Another speech verb, or a pronoun subject, opens another clause.
    if (t.lower == ";" || t.lower == ":" || Inside(s.span.paragraph, t.begin, t.end) || IsSpeechVerb(s.tokens, k) ||
        IsSpeakerPronoun(t.lower)) {
      break;
    }
    if (t.kind != TokenKind::kWord || !IsDocumentWord(t.lower)) continue;
    if (Speaker sp = NounPhraseEndingAt(si, k, 0); sp.found()) return sp;
    Speaker sp;
    sp.text = ParagraphText(si).substr(t.begin, t.end - t.begin);
    sp.span = {s.span.paragraph, t.begin, t.end};
    return sp;
  }
  return {};
}

// The token after the addressee of "told": past "that" when it follows
// closely, else past one named entity or a short noun phrase.
size_t QuoteFinder::SkipAddressee(uint32_t si, size_t first) const {
  const Sentence& s = doc_.sentences[si];
  for (size_t k = first; k < s.tokens.size() && k < first + 6; ++k) {
    if (s.tokens[k].lower == "that") return k + 1;
  }
  if (first >= s.tokens.size()) return first;
  for (const Mention* m : MentionsOf(si)) {
    if (m->span.begin == s.tokens[first].begin) {
      size_t k = first;
      while (k < s.tokens.size() && s.tokens[k].end <= m->span.end) ++k;
      return k;
    }
  }
  size_t k = first;
  const std::string& w = s.tokens[k].lower;
  if (w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their") ++k;
  return std::min(k + 1, s.tokens.size());
}

// [cut_begin, cut_end), when given, is an attribution inside the
// statement ("The fees, she said, will rise"): left out of its text.
void QuoteFinder::AddReported(uint32_t si, uint32_t begin, uint32_t end, const Speaker& speaker, uint32_t cut_begin,
                              uint32_t cut_end) {
  const Sentence& s = doc_.sentences[si];
  const std::string& text = ParagraphText(si);
  auto trim = [&] {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '.' ||
                           text[end - 1] == ';' || text[end - 1] == ':')) {
      --end;
    }
  };
  trim();
  // The clause joint before the next statement.
  for (const char* joint : {" while", " but", " and"}) {
    const size_t len = std::char_traits<char>::length(joint);
    if (end >= begin + len && text.compare(end - len, len, joint) == 0) end -= static_cast<uint32_t>(len);
  }
  trim();
  while (begin < end && (text[begin] == ' ' || text[begin] == ',')) ++begin;
  if (end <= begin || CountWords(s.tokens, begin, end) < kMinReportedWords) return;
  Quote q;
  q.span = {s.span.paragraph, begin, end};
  q.last_paragraph = s.span.paragraph;
  if (cut_begin > begin && cut_end > cut_begin && cut_end < end) {
    q.text = text.substr(begin, cut_begin - begin) + " " + text.substr(cut_end, end - cut_end);
  } else {
    q.text = text.substr(begin, end - begin);
  }
  q.sentence = si;
  q.speaker = speaker.entity;
  q.speaker_text = speaker.text;
  q.speaker_span = speaker.span;
  q.kind = QuoteKind::kReported;
  q.medium = MediumIn(si);
  reported_.push_back(std::move(q));
}

void QuoteFinder::FindAccordingTo(uint32_t si) {
  const Sentence& s = doc_.sentences[si];
  const std::vector<Token>& tokens = s.tokens;
  for (size_t k = 0; k + 2 < tokens.size(); ++k) {
    if (tokens[k].lower != "according" || tokens[k + 1].lower != "to") continue;
    if (Inside(s.span.paragraph, tokens[k].begin, tokens[k].end)) continue;
    // The source runs to the next punctuation.
    size_t last = k + 2;
    while (last + 1 < tokens.size() && last + 1 < k + 2 + kMaxSourceTokens &&
           (tokens[last + 1].kind != TokenKind::kPunct || tokens[last + 1].lower == "'s" || tokens[last + 1].lower == "'" ||
            tokens[last + 1].lower == "." || tokens[last + 1].lower == "-")) {
      ++last;
    }
    while (last > k + 2 && tokens[last].kind == TokenKind::kPunct) --last;
    Speaker source;
    source.span = {s.span.paragraph, tokens[k + 2].begin, tokens[last].end};
    source.text = ParagraphText(si).substr(source.span.begin, source.span.end - source.span.begin);
    for (const Mention* m : MentionsOf(si)) {
      if (m->entity >= 0 && m->span.begin >= source.span.begin && m->span.end <= source.span.end) {
        source.entity = m->entity;
        break;
      }
    }
    if (CountWords(tokens, s.span.begin, tokens[k].begin) >= kMinReportedWords) {
      AddReported(si, s.span.begin, tokens[k].begin, source);  // "The plan failed, according to X."
    } else if (last + 1 < tokens.size()) {
      AddReported(si, tokens[last + 1].end, s.span.end, source);  // "According to X, the plan failed."
    }
  }
}

// "McCaul: Clinton could be impeached" (a headline), "WALLACE: Do you see
// those two as equal?" (a transcript): a name, a document or a speaker's
// label in capitals, a colon, and what they say.
void QuoteFinder::FindColonAttribution(uint32_t si) {
  const Sentence& s = doc_.sentences[si];
  const std::vector<Token>& tokens = s.tokens;
  static const std::unordered_set<std::string> kLabels = {
      "note", "update", "updated", "editor", "photo", "photos", "source", "sources", "related", "watch", "read",
      "correction", "disclosure", "video", "caption", "credit", "warning", "breaking", "live", "opinion",
      "analysis", "exclusive", "q", "a", "question", "answer", "topics", "tags", "share", "more",
      "clarification", "advertisement", "sponsored", "trending"};
  size_t colon = 0;
  while (colon < tokens.size() && colon < 5 && tokens[colon].lower != ":") ++colon;
  if (colon == 0 || colon >= tokens.size() || tokens[colon].lower != ":") return;
  if (Inside(s.span.paragraph, tokens[colon].begin, tokens[colon].end)) return;
  size_t first = 0;
  while (first < colon && tokens[first].kind == TokenKind::kPunct) ++first;  // an opening mark
  if (first == colon) return;
  bool document = false, all_capitals = true;
  for (size_t k = first; k < colon; ++k) {
    const Token& t = tokens[k];
    if (t.kind != TokenKind::kWord || !t.capitalized || kLabels.contains(t.lower)) return;
    document |= IsDocumentWord(t.lower);
    const std::string surface = ParagraphText(si).substr(t.begin, t.end - t.begin);
    all_capitals &= surface.size() >= 3 && FoldCase(surface) != surface &&
                    std::none_of(surface.begin(), surface.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  Speaker speaker;
  for (const Mention* m : MentionsOf(si)) {
    if (m->entity >= 0 && m->span.begin >= tokens[first].begin && m->span.end <= tokens[colon - 1].end) {
      speaker.entity = m->entity;
    }
  }
  if (speaker.entity < 0 && !document && !all_capitals) return;
  speaker.span = {s.span.paragraph, tokens[first].begin, tokens[colon - 1].end};
  speaker.text = ParagraphText(si).substr(speaker.span.begin, speaker.span.end - speaker.span.begin);
  if (CountWords(tokens, tokens[colon].end, s.span.end) < 3) return;
  AddReported(si, tokens[colon].end, s.span.end, speaker);
}

void QuoteFinder::FindReported(uint32_t si) {
  FindAccordingTo(si);
  FindColonAttribution(si);
  const Sentence& s = doc_.sentences[si];
  const std::vector<Token>& tokens = s.tokens;
  struct Hit {
    size_t verb;
    Speaker speaker;
    uint32_t clause_begin;  // where the subject (or, inverted, the verb) starts
    bool inverted;
  };
  std::vector<Hit> hits;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (Inside(s.span.paragraph, tokens[k].begin, tokens[k].end)) continue;
    const std::string* category = VerbCategory(tokens, k);
    if (category == nullptr) continue;
    // "were accused of", "was told": the subject of a passive verb is the
    // one spoken about or to, not the speaker.
    if (k > 0 && IsFormOfBe(tokens[k - 1].lower)) continue;
    // "at the department's urging", "an hourlong show": after a determiner
    // or a possessive the word is a noun.
    if (k > 0 && (tokens[k - 1].lower == "'s" || tokens[k - 1].lower == "the" || tokens[k - 1].lower == "a" ||
                  tokens[k - 1].lower == "an" || (tokens[k - 1].lower == "s" && k > 1 && tokens[k - 2].lower == "'"))) {
      continue;
    }
    // "continues to insist": the verb after "to" says it, if it is one.
    if (k + 1 < tokens.size() && tokens[k + 1].lower == "to" && tokens[k].lower.starts_with("continu")) continue;
    // "the emails posted by WikiLeaks": a participle, not a speech verb.
    if (k + 1 < tokens.size() && tokens[k + 1].lower == "by" && tokens[k].lower.ends_with("ed")) continue;
    Speaker speaker = SubjectBefore(si, k);
    if (*category == "evidence") {
      // "A poll released on Friday by X shows": the document may stand
      // further back than a subject is looked for.
      if (Speaker document = DocumentBefore(si, k); document.found()) speaker = document;
    }
    bool inverted = false;
    // "..., told Radio Emberly": after "told" stands the listener.
    if (!speaker.found() && k > 0 && tokens[k - 1].lower == "," && !IsTellVerb(tokens[k].lower)) {
      speaker = SubjectAfter(si, k);
      inverted = speaker.found();
    }
    if (!speaker.found()) continue;
    if (*category == "intention") {
      // "plans to", "hopes that": a stated intention; "wants a car" is none.
      const bool complement = k + 1 < tokens.size() && (tokens[k + 1].lower == "to" || tokens[k + 1].lower == "that");
      if (!complement) continue;
    }
    if (*category == "evidence" || *category == "opinion") {
      const bool before_that = k + 1 < tokens.size() && tokens[k + 1].lower == "that";
      const Token* head = nullptr;
      for (const Token& t : tokens) {
        if (t.end == speaker.span.end && speaker.span.paragraph == s.span.paragraph) head = &t;
      }
      const bool document = *category == "evidence" && head != nullptr && IsDocumentWord(head->lower);
      if (!before_that && !document) continue;
    }
    // Where this statement's clause starts, so the previous one ends there:
    // its subject, or for "... and said" (a subject shared with an earlier
    // verb), the joint.
    uint32_t clause_begin = tokens[k].begin;
    const uint32_t previous_verb_end = hits.empty() ? s.span.begin : tokens[hits.back().verb].end;
    if (!inverted && speaker.span.paragraph == s.span.paragraph && speaker.span.begin >= previous_verb_end &&
        speaker.span.end <= tokens[k].begin) {
      clause_begin = speaker.span.begin;
    } else {
      size_t joint = k;
      while (joint > 0 && tokens[joint - 1].kind == TokenKind::kWord && tokens[joint - 1].lower != "and" &&
             tokens[joint - 1].lower != "but" && k - joint < 4) {
        --joint;
      }
      if (joint > 0 && (tokens[joint - 1].lower == "and" || tokens[joint - 1].lower == "but") &&
          tokens[joint - 1].begin >= previous_verb_end) {
        clause_begin = tokens[joint - 1].begin;
      }
    }
    hits.push_back({k, std::move(speaker), clause_begin, inverted});
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    const Hit& hit = hits[h];
    size_t first = hit.verb + 1;
    // "told strikers that ...", "told the BBC the talks ...": the listener
    // is not part of what was said.
    if (IsTellVerb(tokens[hit.verb].lower)) first = SkipAddressee(si, first);
    if (hit.inverted) {
      while (first < tokens.size() && tokens[first].kind != TokenKind::kPunct) ++first;
    }
    while (first < tokens.size() && (tokens[first].lower == "that" || tokens[first].lower == "for" ||
                                     tokens[first].lower == "on" || tokens[first].kind == TokenKind::kPunct)) {
      ++first;
    }
    // The statement ends where the next one's clause starts, unless that
    // clause is part of it: "Doe says she hopes to win" is one statement.
    // Only when the pronoun opens the statement: "and he noted ..." later
    // on is a statement of its own.
    size_t next = h + 1;
    while (next < hits.size() && IsSpeakerPronoun(FoldCase(hits[next].speaker.text)) && first < tokens.size() &&
           hits[next].clause_begin <= tokens[first].begin) {
      ++next;
    }
    const uint32_t end = next < hits.size() ? hits[next].clause_begin : s.span.end;
    // A clause set after its statement ("..., Doe said on Tuesday."): the
    // statement is what comes before the comma.
    size_t before = 0;
    while (before < tokens.size() && tokens[before].begin < hit.clause_begin) ++before;
    const bool after_comma = before > 0 && tokens[before - 1].lower == ",";
    // "said in a statement that ...", "warned this afternoon that ...": the
    // statement starts after "that"; without one, the words after the verb
    // say when or where, not what.
    bool adverbial_only = false;
    if (first < tokens.size() && OpensAdverbial(tokens, first)) {
      size_t that = first;
      while (that < tokens.size() && that < first + 10 && tokens[that].lower != "that") ++that;
      // "in a statement that was published": a relative clause, not what was said.
      static const std::unordered_set<std::string> kRelativeVerbs = {"was", "is", "were", "are", "has", "had",
                                                                     "have", "will", "would", "appeared"};
      if (that + 1 < tokens.size() && tokens[that].lower == "that" && !kRelativeVerbs.contains(tokens[that + 1].lower)) {
        first = that + 1;
      } else {
        adverbial_only = true;
      }
    }
    const bool little_after = hit.inverted || adverbial_only || first >= tokens.size() ||
                              CountWords(tokens, tokens[first].begin, end) < kMinWordsAfterVerb;
    if (after_comma && h == 0) {
      // "Fraudsters, he said in the video, do not last long": the
      // attribution stands inside the statement, between two commas.
      size_t close = hit.verb + 1;
      while (close < tokens.size() && close < hit.verb + 8 && tokens[close].lower != "," &&
             !IsSpeechVerb(tokens, close) && tokens[close].lower != "that" && tokens[close].lower != ".") {
        ++close;
      }
      if (close + 2 < tokens.size() && tokens[close].lower == "," &&
          CountWords(tokens, s.span.begin, tokens[before - 1].begin) >= 1 &&
          CountWords(tokens, tokens[close].end, s.span.end) >= 2) {
        AddReported(si, s.span.begin, s.span.end, hit.speaker, tokens[before - 1].begin, tokens[close + 1].begin);
        continue;
      }
    }
    if (after_comma && little_after) {
      // "When the talks failed, Doe said enough": a clause that sets the
      // scene is not what was said.
      if (h == 0 && !OpensSubordinateClause(tokens)) AddReported(si, s.span.begin, tokens[before - 1].begin, hit.speaker);
      continue;
    }
    if (little_after && h == 0 && before > 0) {
      // "Donations hit $1 billion, a new analysis of the filings shows.":
      // a long subject after the comma; the statement is before it.
      size_t comma = before;
      while (comma > 0 && before - comma < kMaxDocumentReach && tokens[comma - 1].lower != "," &&
             !IsSpeechVerb(tokens, comma - 1)) {
        --comma;
      }
      if (comma > 0 && tokens[comma - 1].lower == "," && CountWords(tokens, s.span.begin, tokens[comma - 1].begin) >= 3) {
        AddReported(si, s.span.begin, tokens[comma - 1].begin, hit.speaker);
        continue;
      }
    }
    if (hit.inverted || adverbial_only || first >= tokens.size() || tokens[first].begin >= end) continue;
    AddReported(si, tokens[first].begin, end, hit.speaker);
  }
}

}  // namespace parallax
