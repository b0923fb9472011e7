// Direct and reported quotes, and who said them.
//
// A direct quote is text in quotation marks. Its speaker is the subject of a
// speech verb in the same sentence, outside the marks: before the verb
// ("Jane Doe said", "Jane Doe, the head of X, told"), or after it when the
// verb follows the quote ("..., said Doe"). "He"/"she" is the person named
// last. A quote with no verb continues the previous quote's speaker: news
// copy runs one speaker's words over several paragraphs, or opens a
// paragraph with more of them. Reported speech is a sentence without quote
// marks whose speech verb has a speaker: "Critics say the plan ...".
#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyze/internal.h"
#include "analyze/lexicons.h"
#include "parallax/analyze.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Shorter spans in quote marks are mostly scare quotes and coined terms
// ("returns hubs", "silver bullet"), not a speaker's passage. They still
// mark wording as the speaker's for framing.
constexpr size_t kMinQuoteWords = 4;
// Without a speaker, a short span is a term in quote marks ("right to family
// life"), not someone's words; a passage needs to be longer to count.
constexpr size_t kMinUnattributedQuoteWords = 6;

// How far before a speech verb its subject may stand, in words: room for
// auxiliaries and adverbs ("has repeatedly said", "is expected to say").
constexpr size_t kMaxSubjectGap = 4;

// Asides between a subject and its verb that may be skipped: "Jane Doe, 52,
// who was waiting outside, said" has two.
constexpr int kMaxAppositions = 2;

// How far back from its verb a subject can stand, in tokens: kMaxSubjectGap
// words, each of kMaxAppositions asides (up to 30 tokens) and punctuation.
constexpr size_t kMaxSubjectReach = 80;

// A reported statement needs some content after its verb.
constexpr size_t kMinReportedWords = 4;

const std::unordered_set<std::string>& GroupSpeakers() {
  static const std::unordered_set<std::string> kGroups = {
      "critics", "supporters", "officials", "experts", "campaigners", "residents", "witnesses",
      "sources", "analysts", "opponents", "allies", "ministers", "police", "unions", "protesters",
      "activists", "economists", "lawyers", "doctors", "scientists", "insiders", "aides",
      "leaders", "organisers", "organizers", "workers", "members", "spokesman", "spokeswoman",
      "spokesperson", "government", "department", "insider", "source", "official", "expert",
      "analyst", "critic", "resident", "witness", "worker", "driver", "shopper", "passenger",
      "neighbour", "friend", "colleague", "relative", "spokesperson", "aide", "ally"};
  return kGroups;
}

struct Speaker {
  int entity = -1;
  std::string text;
  bool found() const { return entity >= 0 || !text.empty(); }
};

size_t CountWords(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  size_t n = 0;
  for (const Token& t : tokens) n += t.kind != TokenKind::kPunct && t.begin >= begin && t.end <= end;
  return n;
}

class QuoteFinder {
 public:
  QuoteFinder(AnalyzedArticle& doc, const std::vector<std::vector<QuotedSpan>>& spans);

  void Run();
  std::vector<Quote> TakeScareQuotes() { return std::move(scare_quotes_); }

 private:
  // The mentions of sentence `si`, in the order Analyze found them.
  struct MentionRange {
    const Mention* const* first;
    const Mention* const* last;
    const Mention* const* begin() const { return first; }
    const Mention* const* end() const { return last; }
  };
  MentionRange MentionsOf(uint32_t si) const {
    return {mentions_by_sentence_.data() + mention_first_[si], mentions_by_sentence_.data() + mention_first_[si + 1]};
  }
  bool IsPersonFor(const Mention& m, char gender) const;
  bool Inside(uint32_t paragraph, uint32_t begin, uint32_t end) const {
    return InsideQuotedSpan(doc_, paragraph, begin, end);
  }
  bool IsSpeechVerb(const std::vector<Token>& tokens, size_t k) const;
  Speaker SubjectOf(uint32_t si, size_t verb, bool allow_inversion) const;
  Speaker FromMentionEndingBefore(uint32_t si, size_t limit_token, size_t verb) const;
  int LastPersonBefore(uint32_t si, uint32_t offset, char gender) const;
  std::string MediumIn(uint32_t si) const;
  std::string FirstMediumIn(uint32_t si) const;
  Speaker AttributeDirect(uint32_t paragraph, const QuotedSpan& span, std::string& medium) const;
  void FindReported(uint32_t si);
  static bool IsTellVerb(const std::string& lower);
  static bool IsFormOfBe(const std::string& lower);
  size_t SkipAddressee(uint32_t si, size_t first) const;

  AnalyzedArticle& doc_;
  const std::vector<std::vector<QuotedSpan>>& spans_;
  const Lexicons& lex_;
  std::vector<Quote> scare_quotes_;  // short spans: not quotes, but still someone's words
  // Indexes that keep every lookup within one sentence or paragraph, so a
  // long article costs time in proportion to its length, not its square.
  std::vector<const Mention*> mentions_by_sentence_;  // stable-sorted by sentence
  std::vector<uint32_t> mention_first_;               // per sentence + 1: into mentions_by_sentence_
  std::vector<uint32_t> sentence_first_;              // per paragraph + 1: first sentence
  // Per sentence and gender (0, 'f', 'm'): the last person named in an
  // earlier sentence whom "he"/"she" of that gender could be.
  std::vector<int> last_person_before_[3];
  mutable std::vector<char> medium_known_;  // per sentence: MediumIn has looked
  mutable std::vector<std::string> medium_;
};

int GenderSlot(char gender) { return gender == 'f' ? 1 : gender == 'm' ? 2 : 0; }

QuoteFinder::QuoteFinder(AnalyzedArticle& doc, const std::vector<std::vector<QuotedSpan>>& spans)
    : doc_(doc), spans_(spans), lex_(Lexicons::Get()) {
  const size_t sentences = doc_.sentences.size();
  medium_known_.assign(sentences, 0);
  medium_.assign(sentences, {});
  mention_first_.assign(sentences + 2, 0);
  for (const Mention& m : doc_.mentions) {
    if (m.sentence < sentences) ++mention_first_[m.sentence + 2];
  }
  for (size_t si = 2; si < mention_first_.size(); ++si) mention_first_[si] += mention_first_[si - 1];
  mentions_by_sentence_.resize(mention_first_.back());
  for (const Mention& m : doc_.mentions) {
    if (m.sentence < sentences) mentions_by_sentence_[mention_first_[m.sentence + 1]++] = &m;
  }
  mention_first_.pop_back();
  sentence_first_.assign(doc_.article.paragraphs.size() + 1, static_cast<uint32_t>(sentences));
  for (uint32_t si = static_cast<uint32_t>(sentences); si-- > 0;) sentence_first_[doc_.sentences[si].span.paragraph] = si;
  for (size_t p = sentence_first_.size() - 1; p-- > 0;) sentence_first_[p] = std::min(sentence_first_[p], sentence_first_[p + 1]);
  for (const char gender : {'\0', 'f', 'm'}) {
    std::vector<int>& last = last_person_before_[GenderSlot(gender)];
    last.assign(sentences + 1, -1);
    for (uint32_t si = 0; si < sentences; ++si) {
      last[si + 1] = last[si];
      for (const Mention* m : MentionsOf(si)) {
        if (IsPersonFor(*m, gender)) last[si + 1] = m->entity;
      }
    }
  }
}

bool QuoteFinder::IsPersonFor(const Mention& m, char gender) const {
  return m.entity >= 0 && doc_.entities[m.entity].type == EntityType::kPerson &&
         !Inside(m.span.paragraph, m.span.begin, m.span.end) &&
         (gender == 0 || doc_.entities[m.entity].gender == 0 || doc_.entities[m.entity].gender == gender);
}

bool QuoteFinder::IsSpeechVerb(const std::vector<Token>& tokens, size_t k) const {
  const Token& t = tokens[k];
  if (t.kind != TokenKind::kWord) return false;
  if ((t.lower == "called" || t.lower == "calling") ) {
    return k + 1 < tokens.size() && (tokens[k + 1].lower == "for" || tokens[k + 1].lower == "on");
  }
  return lex_.speech_verbs.count(t.lower) > 0;
}

// The person named last before the offset; `gender` ('f', 'm' or 0) skips
// people whose honorific says otherwise.
int QuoteFinder::LastPersonBefore(uint32_t si, uint32_t offset, char gender) const {
  int found = last_person_before_[GenderSlot(gender)][si];
  for (const Mention* m : MentionsOf(si)) {
    if (m->span.begin >= offset) break;
    if (IsPersonFor(*m, gender)) found = m->entity;
  }
  return found;
}

// The mention that ends closest before token `verb`, within reach.
Speaker QuoteFinder::FromMentionEndingBefore(uint32_t si, size_t limit_token, size_t verb) const {
  const Sentence& s = doc_.sentences[si];
  const std::vector<Token>& tokens = s.tokens;
  // Walk back over auxiliaries, adverbs and one comma-delimited apposition.
  size_t words = 0;
  size_t k = verb;
  int appositions_skipped = 0;
  while (k > limit_token) {
    --k;
    const Token& t = tokens[k];
    if (Inside(s.span.paragraph, t.begin, t.end)) return {};
    // A mention ending here?
    for (const Mention* m : MentionsOf(si)) {
      if (m->span.end == t.end && m->entity >= 0) {
        Speaker sp;
        sp.entity = m->entity;
        sp.text = m->surface;
        return sp;
      }
    }
    if (t.kind != TokenKind::kPunct) {
      if (t.lower == "he" || t.lower == "she") {
        Speaker sp;
        sp.entity = LastPersonBefore(si, t.begin, t.lower == "she" ? 'f' : 'm');
        sp.text = doc_.article.paragraphs[s.span.paragraph].text.substr(t.begin, t.end - t.begin);
        return sp;
      }
      if (GroupSpeakers().count(t.lower)) {
        Speaker sp;
        sp.text = doc_.article.paragraphs[s.span.paragraph].text.substr(t.begin, t.end - t.begin);
        return sp;
      }
      if (++words > kMaxSubjectGap) return {};
    } else if (t.lower == "," && appositions_skipped < kMaxAppositions) {
      size_t open = k;
      while (open > limit_token && tokens[open - 1].lower != ",") --open;
      // "Its chief executive, Jane Doe, said": a person's name is the whole aside.
      for (const Mention* m : MentionsOf(si)) {
        if (k > open && open > limit_token && m->span.begin == tokens[open].begin &&
            m->span.end == tokens[k - 1].end && m->entity >= 0 &&
            doc_.entities[m->entity].type == EntityType::kPerson) {
          return Speaker{m->entity, m->surface};
        }
      }
      // "Jane Doe, the head of X, said" / "Jane Doe, 52, said": jump to the
      // comma that opens the aside.
      if (open > limit_token && verb - open < 16) {
        k = open - 1;
        words = 0;
        ++appositions_skipped;
      } else {
        return {};
      }
    } else if ((t.lower == "\u2013" || t.lower == "\u2014") && appositions_skipped < kMaxAppositions) {
      // "The envoy – who leads the talks – said": jump over the aside.
      size_t open = k;
      while (open > limit_token && tokens[open - 1].lower != t.lower) --open;
      if (open > limit_token && verb - open < 30) {
        k = open - 1;
        words = 0;
        ++appositions_skipped;
      }
    } else if (t.lower != "-") {
      return {};
    }
  }
  return {};
}

Speaker QuoteFinder::SubjectOf(uint32_t si, size_t verb, bool allow_inversion) const {
  const Sentence& s = doc_.sentences[si];
  if (allow_inversion && verb + 1 < s.tokens.size()) {
    // "..., said Jane Doe" / "..., said the minister" / "..., said union
    // organiser Jane Doe": the first name within a few words, before any
    // punctuation.
    for (size_t k = verb + 1; k < s.tokens.size() && k <= verb + kMaxSubjectGap + 1; ++k) {
      if (s.tokens[k].kind == TokenKind::kPunct) break;
      for (const Mention* m : MentionsOf(si)) {
        if (m->entity >= 0 && m->span.begin <= s.tokens[k].begin && s.tokens[k].begin < m->span.end) {
          return Speaker{m->entity, m->surface};
        }
      }
    }
  }
  return FromMentionEndingBefore(si, 0, verb);
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

Speaker QuoteFinder::AttributeDirect(uint32_t paragraph, const QuotedSpan& span,
                                     std::string& medium) const {
  // The sentences the quote touches, and the one holding its closing mark.
  struct Candidate {
    uint32_t sentence;
    size_t verb;
    uint32_t distance;
    bool after_quote;
  };
  std::vector<Candidate> candidates;
  for (uint32_t si = sentence_first_[paragraph]; si < sentence_first_[paragraph + 1]; ++si) {
    const Sentence& s = doc_.sentences[si];
    if (s.span.end < span.begin || s.span.begin > span.end + 2) continue;
    for (size_t k = 0; k < s.tokens.size(); ++k) {
      const Token& t = s.tokens[k];
      if (Inside(paragraph, t.begin, t.end) || !IsSpeechVerb(s.tokens, k)) continue;
      const bool after = t.begin >= span.end;
      const uint32_t distance = after ? t.begin - span.end : span.begin - std::min(span.begin, t.end);
      candidates.push_back({si, k, distance, after});
    }
    if (medium.empty()) medium = MediumIn(si);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
  for (const Candidate& c : candidates) {
    // Inversion only when the verb directly follows the quote: "..." said X.
    const bool inversion = c.after_quote && c.distance <= 4;
    Speaker sp = SubjectOf(c.sentence, c.verb, inversion);
    if (sp.found()) return sp;
  }
  return {};
}

bool QuoteFinder::IsFormOfBe(const std::string& lower) {
  return lower == "was" || lower == "were" || lower == "been" || lower == "being" || lower == "is" ||
         lower == "are" || lower == "be";
}

bool QuoteFinder::IsTellVerb(const std::string& lower) {
  return lower == "told" || lower == "tell" || lower == "tells" || lower == "telling";
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

void QuoteFinder::FindReported(uint32_t si) {
  const Sentence& s = doc_.sentences[si];
  const std::string& text = doc_.article.paragraphs[s.span.paragraph].text;
  struct Hit {
    size_t verb;
    Speaker speaker;
    uint32_t subject_begin;
  };
  std::vector<Hit> hits;
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    if (!IsSpeechVerb(s.tokens, k)) continue;
    // "were accused of", "was told": the subject of a passive verb is the
    // one spoken about or to, not the speaker.
    if (k > 0 && IsFormOfBe(s.tokens[k - 1].lower)) continue;
    Speaker sp = FromMentionEndingBefore(si, 0, k);
    if (!sp.found()) continue;
    // Where the subject starts, so the previous statement can end there.
    // The subject stands a few words and asides before the verb
    // (FromMentionEndingBefore looks no further), so the search back stops
    // there too: a sentence without an end is not read back to its start.
    uint32_t subject_begin = s.tokens[k].begin;
    for (size_t b = k; b > 0 && k - b < kMaxSubjectReach; --b) {
      const Token& t = s.tokens[b - 1];
      if (text.compare(t.begin, sp.text.size(), sp.text) == 0) {
        subject_begin = t.begin;
        break;
      }
    }
    hits.push_back({k, sp, subject_begin});
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    size_t first = hits[h].verb + 1;
    // "told strikers that ...", "told the BBC the talks ...": the listener
    // is not part of what was said.
    if (IsTellVerb(s.tokens[hits[h].verb].lower)) first = SkipAddressee(si, first);
    while (first < s.tokens.size() &&
           (s.tokens[first].lower == "that" || s.tokens[first].lower == "for" ||
            s.tokens[first].lower == "on" || s.tokens[first].kind == TokenKind::kPunct)) {
      ++first;
    }
    if (first >= s.tokens.size()) continue;
    uint32_t end = h + 1 < hits.size() ? hits[h + 1].subject_begin : s.span.end;
    // Drop the clause joint before the next statement and closing punctuation.
    while (end > s.tokens[first].begin &&
           (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '.')) {
      --end;
    }
    for (const char* joint : {" while", " but", " and"}) {
      const size_t len = std::char_traits<char>::length(joint);
      if (end >= len && text.compare(end - len, len, joint) == 0) end -= static_cast<uint32_t>(len);
    }
    while (end > s.tokens[first].begin && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
    const uint32_t begin = s.tokens[first].begin;
    if (end <= begin || CountWords(s.tokens, begin, end) < kMinReportedWords) continue;
    Quote q;
    q.span = {s.span.paragraph, begin, end};
    q.last_paragraph = s.span.paragraph;
    q.text = text.substr(begin, end - begin);
    q.sentence = si;
    q.speaker = hits[h].speaker.entity;
    q.speaker_text = hits[h].speaker.text;
    q.kind = QuoteKind::kReported;
    q.medium = MediumIn(si);
    doc_.quotes.push_back(std::move(q));
  }
}

void QuoteFinder::Run() {
  // Direct quotes, paragraph by paragraph, continuing across paragraphs.
  int open_quote = -1;         // index into doc_.quotes of a quote left open
  Speaker last_speaker;        // of the previous quote within reach
  std::string last_medium;
  uint32_t last_quote_paragraph = 0;
  bool have_last = false;
  std::vector<bool> sentence_has_quote(doc_.sentences.size(), false);
  for (uint32_t p = 0; p < doc_.article.paragraphs.size(); ++p) {
    if (doc_.article.paragraphs[p].role != ParagraphRole::kBody) continue;
    const std::string& text = doc_.article.paragraphs[p].text;
    const std::vector<QuotedSpan>& spans = spans_[p];
    int still_open = -1;
    for (size_t k = 0; k < spans.size(); ++k) {
      const QuotedSpan& span = spans[k];
      uint32_t si = 0;
      for (uint32_t x = sentence_first_[p]; x < sentence_first_[p + 1]; ++x) {
        const Sentence& s = doc_.sentences[x];
        if (s.span.begin <= span.begin + 3 && span.begin <= s.span.end) {
          si = x;
          break;
        }
      }
      if (k == 0 && span.at_paragraph_start && open_quote >= 0) {
        Quote& q = doc_.quotes[open_quote];
        q.text += ' ';
        q.text += text.substr(span.begin, span.end - span.begin);
        q.last_paragraph = p;
        if (!span.closed) still_open = open_quote;
        sentence_has_quote[si] = true;
        continue;
      }
      std::string medium;
      Speaker speaker = AttributeDirect(p, span, medium);
      // No verb of its own: more words of the speaker just quoted.
      const bool near_last = have_last && p - last_quote_paragraph <= 2;
      if (!speaker.found() && near_last) speaker = last_speaker;
      if (medium.empty() && near_last && speaker.entity == last_speaker.entity) medium = last_medium;
      Quote q;
      q.span = {p, span.begin, span.end};
      q.last_paragraph = p;
      q.text = text.substr(span.begin, span.end - span.begin);
      q.sentence = si;
      q.speaker = speaker.entity;
      q.speaker_text = speaker.text;
      q.medium = medium;
      q.kind = QuoteKind::kDirect;
      if (speaker.found()) {
        last_speaker = speaker;
        last_medium = medium;
        last_quote_paragraph = p;
        have_last = true;
      }
      const size_t words = CountWords(doc_.sentences[si].tokens, span.begin, span.end) +
                           (span.end > doc_.sentences[si].span.end ? kMinQuoteWords : 0);
      const size_t needed = speaker.found() ? kMinQuoteWords : kMinUnattributedQuoteWords;
      if (words < needed && span.closed) {
        scare_quotes_.push_back(std::move(q));
        continue;
      }
      // Every sentence the quote touches has it: none is reported speech too.
      for (uint32_t x = si; x < doc_.sentences.size() && doc_.sentences[x].span.paragraph == p &&
                            doc_.sentences[x].span.begin < span.end;
           ++x) {
        sentence_has_quote[x] = true;
      }
      doc_.quotes.push_back(std::move(q));
      if (!span.closed) still_open = static_cast<int>(doc_.quotes.size()) - 1;
    }
    open_quote = still_open;
  }
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    if (!sentence_has_quote[si]) FindReported(si);
  }
  std::stable_sort(doc_.quotes.begin(), doc_.quotes.end(), [](const Quote& a, const Quote& b) {
    return a.span.paragraph != b.span.paragraph ? a.span.paragraph < b.span.paragraph
                                                : a.span.begin < b.span.begin;
  });
}

}  // namespace

std::vector<Quote> FindQuotes(AnalyzedArticle& doc,
                              const std::vector<std::vector<QuotedSpan>>& spans) {
  QuoteFinder finder(doc, spans);
  finder.Run();
  return finder.TakeScareQuotes();
}

}  // namespace parallax
