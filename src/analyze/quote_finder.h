// The quote finder's shared parts: who a sentence names as a speaker
// (speakers.cc), which speaker a direct quote gets (quote_speakers.cc),
// reported speech (reported.cc), and direct quotes and fragments in quote
// marks (quotes.cc). Private to the analyze stage.
#ifndef PARALLAX_ANALYZE_QUOTE_FINDER_H_
#define PARALLAX_ANALYZE_QUOTE_FINDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/internal.h"
#include "analyze/lexicons.h"
#include "parallax/analyze.h"
#include "parallax/analysis.h"

namespace parallax {

// Who a sentence says is speaking: an entity when a mention names one, and
// always the words as written (a name, "the senator", "a new poll", "she").
struct Speaker {
  int entity = -1;
  std::string text;
  Span span;
  bool found() const { return entity >= 0 || !text.empty(); }
  bool SameAs(const Speaker& other) const {
    return entity >= 0 ? entity == other.entity : other.entity < 0 && text == other.text;
  }
};

// The speaker a quote was given, to compare with or hand on to another.
inline Speaker SpeakerOf(const Quote& q) { return Speaker{q.speaker, q.speaker_text, q.speaker_span}; }

size_t CountWords(const std::vector<Token>& tokens, uint32_t begin, uint32_t end);
// "was", "are", "been"...: before a speech verb, a passive ("was told").
bool IsFormOfBe(std::string_view lower);
// "he", "she", "they", "we", "i", "it" (folded): pronouns that speak.
bool IsSpeakerPronoun(std::string_view lower);

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
  bool Inside(uint32_t paragraph, uint32_t begin, uint32_t end) const {
    return InsideQuotedSpan(doc_, paragraph, begin, end);
  }
  // The sentences [first, last) of `paragraph` that reach into [begin, end],
  // found by binary search: a paragraph of many quotes is not read again
  // for each of them.
  std::pair<uint32_t, uint32_t> SentencesTouching(uint32_t paragraph, uint32_t begin, uint32_t end) const;
  const std::string& ParagraphText(uint32_t si) const {
    return doc_.article.paragraphs[doc_.sentences[si].span.paragraph].text;
  }

  // speakers.cc
  void IndexPeople();
  bool IsPersonFor(const Mention& m, char gender) const;
  bool IsSpeechVerb(const std::vector<Token>& tokens, size_t k) const;
  const std::string* VerbCategory(const std::vector<Token>& tokens, size_t k) const;
  int LastPersonBefore(uint32_t si, uint32_t offset, char gender) const;
  int ResolvePronoun(uint32_t si, uint32_t offset, char gender) const;
  Speaker MentionEndingAt(uint32_t si, size_t token) const;
  Speaker Pronoun(uint32_t si, size_t token) const;
  Speaker NounPhraseEndingAt(uint32_t si, size_t head, size_t limit) const;
  Speaker SentenceSubject(uint32_t si, size_t verb) const;
  Speaker SubjectBefore(uint32_t si, size_t verb) const;
  Speaker SubjectAfter(uint32_t si, size_t verb) const;
  Speaker FromMentionEndingBefore(uint32_t si, size_t limit_token, size_t verb) const;

  // quote_speakers.cc
  Speaker SpeakerAfterDash(uint32_t si, uint32_t quote_end) const;
  Speaker SpeakerBeforeColon(uint32_t paragraph, uint32_t quote_begin) const;
  Speaker NameAndVerbAfter(uint32_t paragraph, uint32_t quote_end) const;
  Speaker IntroducedByColon(uint32_t paragraph, bool needs_cue) const;
  Speaker AttributeDirect(uint32_t paragraph, const QuotedSpan& span, std::string& medium) const;
  std::string MediumIn(uint32_t si) const;
  std::string FirstMediumIn(uint32_t si) const;

  // reported.cc
  void FindReported(uint32_t si);
  void FindAccordingTo(uint32_t si);
  void FindColonAttribution(uint32_t si);
  void AddReported(uint32_t si, uint32_t begin, uint32_t end, const Speaker& speaker, uint32_t cut_begin = 0,
                   uint32_t cut_end = 0);
  size_t SkipAddressee(uint32_t si, size_t first) const;
  Speaker DocumentBefore(uint32_t si, size_t verb) const;

  // quotes.cc
  void FindDirect();
  void AddStatementParagraph(uint32_t paragraph);
  bool SplitByAttribution(uint32_t paragraph, uint32_t end, uint32_t next_begin, size_t max_words) const;
  bool IsTitle(uint32_t paragraph, const QuotedSpan& span) const;
  bool OpensSentence(uint32_t si, uint32_t begin) const;
  bool FollowsSpeechVerb(uint32_t si, uint32_t begin) const;
  void SettleOverlaps();

  AnalyzedArticle& doc_;
  const std::vector<std::vector<QuotedSpan>>& spans_;
  const Lexicons& lex_;
  std::vector<Quote> scare_quotes_;  // short spans without a speaker: still not the outlet's words
  std::vector<Quote> reported_;      // found by FindReported, settled against direct quotes
  std::vector<uint32_t> statement_paragraphs_;  // whole paragraphs quoted without marks
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

}  // namespace parallax

#endif  // PARALLAX_ANALYZE_QUOTE_FINDER_H_
