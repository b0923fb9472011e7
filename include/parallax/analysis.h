// What the analyze stage finds in one article: sentences and tokens, entity
// mentions, quotes with their speakers, and loaded wording.
//
// Everything points back into Article::paragraphs by (paragraph, byte span),
// so a report can always show the exact sentence a claim came from.
#ifndef PARALLAX_ANALYSIS_H_
#define PARALLAX_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parallax/article.h"

namespace parallax {

// A byte range [begin, end) of one paragraph's text.
struct Span {
  uint32_t paragraph = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;  // byte offsets into the paragraph text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case
  std::string lower;         // case-folded surface, typographic apostrophes folded to '
  std::string stem;          // Snowball stem of `lower` (words only)
};

struct Sentence {
  Span span;
  std::vector<Token> tokens;
};

enum class EntityType { kPerson, kOrganization, kPlace, kOther };
const char* EntityTypeName(EntityType type);

// How a mention names its entity.
enum class MentionForm { kName, kRole, kPronoun };

struct Mention {
  uint32_t sentence = 0;  // index into AnalyzedArticle::sentences
  Span span;
  std::string surface;
  MentionForm form = MentionForm::kName;
  int entity = -1;  // index into AnalyzedArticle::entities
};

// One entity as named within one article, aliases merged.
struct LocalEntity {
  std::string name;  // the fullest name seen, honorifics removed ("Jane Doe")
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;  // every distinct surface used, incl. roles
  std::vector<std::string> roles;    // role phrases bound to it ("justice secretary")
  // 'f' or 'm' when an honorific says so ("Ms", "Sir") or the given name is
  // one used for one sex only (data/first_names.tsv), else 0. Lets "she
  // said" skip a man named just before.
  char gender = 0;
  int mentions = 0;
};

// kDirect: words in quote marks; kReported: "X said (that) ...", "according
// to X, ..." without marks; kFragment: a few words in quote marks inside the
// writer's own sentence ("called the plan \"a disgrace\""), with a speaker.
enum class QuoteKind { kDirect, kReported, kFragment };
const char* QuoteKindName(QuoteKind kind);

struct Quote {
  Span span;                  // first paragraph; the quoted words without the marks
  uint32_t last_paragraph = 0;  // > span.paragraph when the quote runs on
  std::string text;           // the quoted words (joined with a space across paragraphs)
  uint32_t sentence = 0;      // the sentence holding the start of the quote
  int speaker = -1;           // LocalEntity index, -1 when unknown or not an entity
  std::string speaker_text;   // the words that name the speaker ("the PM", "critics", "she")
  Span speaker_span;          // where speaker_text stands; begin == end when no speaker
  QuoteKind kind = QuoteKind::kDirect;
  std::string medium;         // "article", "speech", "interview"... when the text says
};

struct FramingHit {
  uint32_t sentence = 0;
  Span span;
  std::string term;      // the words as they stand in the text
  std::string entry;     // the lexicon entry that matched
  std::string category;  // the entry's category
  bool in_quote = false; // inside quotation marks: the speaker's wording, not the outlet's
  int speaker = -1;      // LocalEntity index of the quoted speaker, when known
};

struct AnalyzedArticle {
  Article article;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<LocalEntity> entities;
  std::vector<Quote> quotes;
  std::vector<Span> quoted_spans;  // every span inside quote marks, scare quotes included
  std::vector<FramingHit> framing;
};

// What one outlet's articles of one week say in sum (ProfileByWeek).
struct VoiceCount {
  std::string name;    // the speaker as the articles name them ("Jane Doe", "critics")
  size_t quotes = 0;   // quotes attributed to them
  size_t articles = 0; // articles quoting them
};
struct WordingCount {
  std::string entry;     // the lexicon entry
  std::string category;  // its category
  std::string example;   // the words as they first stood in a text
  size_t uses = 0;
};
struct WeekProfile {
  std::string week;  // its Monday ("2026-11-23"); "" for undated articles
  size_t articles = 0;
  std::vector<VoiceCount> voices;     // the most quoted first
  std::vector<WordingCount> wording;  // the outlet's own voice only (outside quotes), most used first
};

}  // namespace parallax

#endif  // PARALLAX_ANALYSIS_H_
