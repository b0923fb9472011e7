// Direct quotes and fragments in quote marks, and the order of the work.
//
// A direct quote is text in quotation marks; its speaker is found by
// speakers.cc. A quote with no verb of its own continues the previous
// quote's speaker: news copy runs one speaker's words over several
// paragraphs, or opens a paragraph with more of them. Pieces of one
// utterance split by its attribution ("“A,” Doe said. “B.”") are one quote.
// A few words in marks with a speaker of their own are a fragment ("called
// the plan “a disgrace”"); without one they are scare quotes, kept only so
// framing knows the wording is not the outlet's. Reported speech
// (reported.cc) is kept where it does not repeat a direct quote, and takes
// in the fragments it holds: a mixed quote.
#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyze/quote_finder.h"
#include "parallax/analyze.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Fewer words in quote marks make a fragment, not a speaker's passage.
constexpr size_t kMinQuoteWords = 4;
// Without a speaker, a short span is a term in quote marks ("right to family
// life"), not someone's words; a passage needs to be longer to count.
constexpr size_t kMinUnattributedQuoteWords = 6;
// Pieces of one paragraph with one speaker are one quote when no more than
// this many words of attribution stand between them.
constexpr size_t kMaxWordsBetweenPieces = 25;
// A short quoted piece is part of a longer utterance when only this many
// words of attribution separate them.
constexpr size_t kMaxWordsOfAttribution = 12;
// Fragments of one sentence form a list ("a “liar”, “amoral” and “a bully”")
// when at most this many words stand between two of them.
constexpr size_t kMaxWordsInAList = 4;
// A quote without a verb of its own continues the speaker of a quote at
// most this many paragraphs before it: the same or the one before (on the
// quotes bench, 1 gives speaker accuracy 0.895 in marks, 2 gives 0.893, 3
// gives 0.892; further back another voice has usually come in between).
constexpr uint32_t kMaxParagraphsToLastSpeaker = 1;

int GenderSlot(char gender) { return gender == 'f' ? 1 : gender == 'm' ? 2 : 0; }

bool Overlaps(const Quote& a, const Quote& b) {
  return a.span.paragraph <= b.last_paragraph && b.span.paragraph <= a.last_paragraph &&
         (a.span.paragraph != b.span.paragraph || (a.span.begin < b.span.end && b.span.begin < a.span.end));
}

bool Holds(const Quote& outer, const Quote& inner) {
  return outer.span.paragraph == inner.span.paragraph && outer.span.begin <= inner.span.begin &&
         inner.span.end <= outer.span.end;
}

}  // namespace

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

void QuoteFinder::FindDirect() {
  int open_quote = -1;   // index into doc_.quotes of a quote left open at a paragraph's end
  Speaker last_speaker;  // of the previous quote within reach
  std::string last_medium;
  uint32_t last_quote_paragraph = 0;
  uint32_t last_quote_end = 0;
  bool have_last = false;
  // Reported statements read so far (reported_ is in text order): "Doe
  // said the talks failed." followed by "“We tried.”" is Doe again.
  size_t reported_read = 0;
  const Quote* last_reported = nullptr;
  for (uint32_t p = 0; p < doc_.article.paragraphs.size(); ++p) {
    if (doc_.article.paragraphs[p].role != ParagraphRole::kBody) continue;
    const std::string& text = doc_.article.paragraphs[p].text;
    const std::vector<QuotedSpan>& spans = spans_[p];
    if (spans.empty() && open_quote < 0) AddStatementParagraph(p);
    int still_open = -1;
    int previous_here = -1;  // the last quote (not fragment) that started in this paragraph
    int previous_fragment = -1;  // the fragment just added, when the last span was one
    for (size_t k = 0; k < spans.size(); ++k) {
      const QuotedSpan& span = spans[k];
      const auto [touching, touching_end] = SentencesTouching(p, span.begin, span.begin + 3);
      const uint32_t si = touching < touching_end ? touching : sentence_first_[p];
      if (si >= sentence_first_[p + 1]) continue;  // a paragraph without a sentence
      if (k == 0 && span.at_paragraph_start && open_quote >= 0) {
        Quote& q = doc_.quotes[open_quote];
        q.text += ' ';
        q.text += text.substr(span.begin, span.end - span.begin);
        q.last_paragraph = p;
        if (!span.closed) still_open = open_quote;
        continue;
      }
      for (; reported_read < reported_.size(); ++reported_read) {
        const Quote& r = reported_[reported_read];
        if (r.span.paragraph > p || (r.span.paragraph == p && r.span.begin >= span.begin)) break;
        if (r.speaker >= 0 || !r.speaker_text.empty()) last_reported = &r;
      }
      std::string medium;
      const Speaker own = AttributeDirect(p, span, medium);
      Speaker speaker = own;
      const size_t words = CountWords(doc_.sentences[si].tokens, span.begin, span.end) +
                           (span.end > doc_.sentences[si].span.end ? kMinQuoteWords : 0);
      // A short piece of an utterance split by its attribution ("“On this
      // basis,” Doe said, “the figures are wrong.”") is part of a quote.
      const bool piece =
          (k + 1 < spans.size() && SplitByAttribution(p, span.end, spans[k + 1].begin, kMaxWordsOfAttribution)) ||
          (k > 0 && SplitByAttribution(p, spans[k - 1].end, span.begin, kMaxWordsOfAttribution));
      // A few words opening a sentence ("“We need change,” Doe said") are a
      // short quote; inside the writer's clause they are a fragment.
      const bool fragment = words < kMinQuoteWords && span.closed && !piece && !OpensSentence(si, span.begin);
      // “Meet the Press”, a book's or a campaign's name in title case: a
      // title, not someone's words, unless a speech verb introduces it
      // ("Doe Said “Markets Will Recover”" in a title-case list).
      if ((fragment || !own.found() || !FollowsSpeechVerb(si, span.begin)) && IsTitle(p, span)) continue;
      // No verb of its own: more words of the speaker just quoted. Not for
      // a fragment: a scare quote is nobody's passage.
      const bool near_last = have_last && p - last_quote_paragraph <= kMaxParagraphsToLastSpeaker;
      const bool reported_is_later =
          last_reported != nullptr && last_reported->span.paragraph + 1 >= p &&
          (!have_last || last_reported->span.paragraph > last_quote_paragraph ||
           (last_reported->span.paragraph == last_quote_paragraph && last_reported->span.begin > last_quote_end));
      if (!speaker.found() && !fragment && reported_is_later) {
        speaker = SpeakerOf(*last_reported);
      }
      if (!speaker.found() && near_last && !fragment) speaker = last_speaker;
      if (medium.empty() && near_last && speaker.SameAs(last_speaker)) medium = last_medium;
      Quote q;
      q.span = {p, span.begin, span.end};
      q.last_paragraph = p;
      q.text = text.substr(span.begin, span.end - span.begin);
      q.sentence = si;
      q.speaker = speaker.entity;
      q.speaker_text = speaker.text;
      q.speaker_span = speaker.span;
      q.medium = medium;
      q.kind = fragment ? QuoteKind::kFragment : QuoteKind::kDirect;
      if (fragment ? !own.found() : (!speaker.found() && words < kMinUnattributedQuoteWords && span.closed)) {
        scare_quotes_.push_back(std::move(q));
        continue;
      }
      if (!fragment) {
        last_speaker = speaker;
        last_medium = medium;
        last_quote_paragraph = p;
        last_quote_end = span.end;
        have_last = speaker.found();
      }
      // “A,” Doe said. “B.” — one utterance, split by its attribution.
      if (!fragment && previous_here >= 0 && speaker.found()) {
        Quote& previous = doc_.quotes[previous_here];
        if (SpeakerOf(previous).SameAs(speaker) && previous.last_paragraph == p &&
            SplitByAttribution(p, previous.span.end, span.begin, kMaxWordsBetweenPieces)) {
          previous.text += ' ';
          previous.text += q.text;
          previous.span.end = span.end;
          if (!span.closed) still_open = previous_here;
          continue;
        }
      }
      // Doe called him a “liar”, “amoral” and “a bully”: one sentence's
      // list of fragments from one speaker is one quote.
      if (fragment && previous_fragment >= 0) {
        Quote& previous = doc_.quotes[previous_fragment];
        if (previous.sentence == si && SpeakerOf(previous).SameAs(speaker) &&
            CountWords(doc_.sentences[si].tokens, previous.span.end, span.begin) <= kMaxWordsInAList) {
          previous.text += " \u2026 ";
          previous.text += q.text;
          previous.span.end = span.end;
          continue;
        }
      }
      doc_.quotes.push_back(std::move(q));
      if (!fragment) previous_here = static_cast<int>(doc_.quotes.size()) - 1;
      previous_fragment = fragment ? static_cast<int>(doc_.quotes.size()) - 1 : -1;
      if (!span.closed) still_open = static_cast<int>(doc_.quotes.size()) - 1;
    }
    open_quote = still_open;
  }
}

std::pair<uint32_t, uint32_t> QuoteFinder::SentencesTouching(uint32_t paragraph, uint32_t begin, uint32_t end) const {
  const auto sentences = doc_.sentences.begin();
  const auto first = std::partition_point(sentences + sentence_first_[paragraph],
                                          sentences + sentence_first_[paragraph + 1],
                                          [&](const Sentence& s) { return s.span.end < begin; });
  const auto last = std::partition_point(first, sentences + sentence_first_[paragraph + 1],
                                         [&](const Sentence& s) { return s.span.begin <= end; });
  return {static_cast<uint32_t>(first - sentences), static_cast<uint32_t>(last - sentences)};
}

// Whether the text between two quoted spans of `paragraph` is only their
// attribution: at most `max_words` words with a speech verb ("Doe said,").
bool QuoteFinder::SplitByAttribution(uint32_t paragraph, uint32_t end, uint32_t next_begin, size_t max_words) const {
  size_t words = 0;
  bool verb = false;
  const Token* latest = nullptr;       // ends up the next span's opening mark
  const Token* before_mark = nullptr;  // the token before it
  const auto [first, last] = SentencesTouching(paragraph, end, next_begin);
  for (uint32_t si = first; si < last; ++si) {
    const std::vector<Token>& tokens = doc_.sentences[si].tokens;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].begin < end || tokens[k].end > next_begin) continue;
      before_mark = latest;
      latest = &tokens[k];
      if (tokens[k].kind == TokenKind::kPunct) continue;
      ++words;
      verb |= IsSpeechVerb(tokens, k);
    }
  }
  // "“A,” she said, “B.”": the next piece opens after punctuation; in
  // "..., arguing he would bring a “fresh” approach" it is part of a clause.
  const bool opens_after_punctuation = before_mark != nullptr && before_mark->kind == TokenKind::kPunct;
  return verb && words <= max_words && opens_after_punctuation;
}

// Whether the last word before the quote mark at `begin` is a speech verb.
bool QuoteFinder::FollowsSpeechVerb(uint32_t si, uint32_t begin) const {
  const std::vector<Token>& tokens = doc_.sentences[si].tokens;
  size_t last = tokens.size();
  for (size_t k = 0; k < tokens.size() && tokens[k].end <= begin; ++k) {
    if (tokens[k].kind != TokenKind::kPunct) last = k;
  }
  return last < tokens.size() && IsSpeechVerb(tokens, last);
}

// Whether the quote mark before `begin` is the first token of sentence `si`
// or follows only punctuation in it.
bool QuoteFinder::OpensSentence(uint32_t si, uint32_t begin) const {
  for (const Token& t : doc_.sentences[si].tokens) {
    if (t.end > begin) break;
    if (t.kind != TokenKind::kPunct) return false;
  }
  return true;
}

// Every word capitalised, two or more of them: the name of a show, a
// book or a slogan set in quote marks.
bool QuoteFinder::IsTitle(uint32_t paragraph, const QuotedSpan& span) const {
  size_t words = 0;
  const auto [first, last] = SentencesTouching(paragraph, span.begin, span.end);
  for (uint32_t si = first; si < last; ++si) {
    for (const Token& t : doc_.sentences[si].tokens) {
      if (t.begin < span.begin || t.end > span.end || t.kind != TokenKind::kWord) continue;
      static const std::unordered_set<std::string> kMinor = {"the", "of", "a", "an", "and", "in", "on", "for", "to"};
      if (!t.capitalized && !kMinor.contains(t.lower)) return false;
      ++words;
    }
  }
  return words >= 2;
}

// A statement or post set as its own paragraph without quote marks, after
// "Doe said in a statement:": the whole paragraph is Doe's words.
void QuoteFinder::AddStatementParagraph(uint32_t paragraph) {
  const Speaker speaker = IntroducedByColon(paragraph, true);
  if (!speaker.found() || sentence_first_[paragraph] == sentence_first_[paragraph + 1]) return;
  const std::string& text = doc_.article.paragraphs[paragraph].text;
  Quote q;
  q.span = {paragraph, 0, static_cast<uint32_t>(text.size())};
  q.last_paragraph = paragraph;
  q.text = text;
  q.sentence = sentence_first_[paragraph];
  q.speaker = speaker.entity;
  q.speaker_text = speaker.text;
  q.speaker_span = speaker.span;
  q.kind = QuoteKind::kDirect;
  q.medium = MediumIn(sentence_first_[paragraph] - 1);
  doc_.quotes.push_back(std::move(q));
  statement_paragraphs_.push_back(paragraph);
}

// Reported statements that say again what a direct quote says are dropped;
// those holding a fragment take it in (a mixed quote).
void QuoteFinder::SettleOverlaps() {
  std::vector<Quote> kept;
  std::vector<bool> absorbed(doc_.quotes.size(), false);
  for (Quote& r : reported_) {
    bool repeats = false;
    for (const Quote& q : doc_.quotes) repeats |= q.kind == QuoteKind::kDirect && Overlaps(q, r);
    for (const Quote& k : kept) repeats |= Overlaps(k, r);
    if (repeats) continue;
    for (size_t i = 0; i < doc_.quotes.size(); ++i) {
      if (doc_.quotes[i].kind == QuoteKind::kFragment && Holds(r, doc_.quotes[i])) absorbed[i] = true;
    }
    kept.push_back(std::move(r));
  }
  reported_.clear();
  std::vector<Quote> quotes;
  for (size_t i = 0; i < doc_.quotes.size(); ++i) {
    (absorbed[i] ? scare_quotes_ : quotes).push_back(std::move(doc_.quotes[i]));
  }
  for (Quote& r : kept) quotes.push_back(std::move(r));
  doc_.quotes = std::move(quotes);
}

void QuoteFinder::Run() {
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) FindReported(si);
  FindDirect();
  SettleOverlaps();
  // The statement's words are the speaker's, not the outlet's (framing).
  for (const uint32_t p : statement_paragraphs_) {
    doc_.quoted_spans.push_back({p, 0, static_cast<uint32_t>(doc_.article.paragraphs[p].text.size())});
  }
  if (!statement_paragraphs_.empty()) {
    std::sort(doc_.quoted_spans.begin(), doc_.quoted_spans.end(), [](const Span& a, const Span& b) {
      return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.begin < b.begin;
    });
  }
  std::stable_sort(doc_.quotes.begin(), doc_.quotes.end(), [](const Quote& a, const Quote& b) {
    return a.span.paragraph != b.span.paragraph ? a.span.paragraph < b.span.paragraph
                                                : a.span.begin < b.span.begin;
  });
}

std::vector<Quote> FindQuotes(AnalyzedArticle& doc, const std::vector<std::vector<QuotedSpan>>& spans) {
  QuoteFinder finder(doc, spans);
  finder.Run();
  return finder.TakeScareQuotes();
}

}  // namespace parallax
