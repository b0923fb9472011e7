// What a sentence states, reduced to what tells a paraphrase from a near
// miss: two sentences sharing most of their words still report different
// facts when a number, a date, the actor or the polarity differs ("police
// arrested 12" / "police arrested 21"; "the minister resigned" / "the
// minister denied he resigned"). Private to the align stage.
#ifndef PARALLAX_ALIGN_STATEMENT_H_
#define PARALLAX_ALIGN_STATEMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parallax/analysis.h"

namespace parallax {

struct Statement {
  // Values as digits, separators and the zeros ending a decimal part dropped
  // ("1,955.80" is "19558", as "1955.8" is), small numbers written as words
  // included ("eight" is "8"); sorted, distinct.
  std::vector<std::string> numbers;
  std::vector<std::string> dates;  // weekday and month names, folded; sorted, distinct
  // What the sentence negates or denies: the first content word after each
  // "not", "never", "no", "denied", "declined"... ("did not attend": attend),
  // as stem hashes; sorted, distinct.
  std::vector<uint64_t> negated;
  // Every word within reach of a negation (up to the next punctuation or
  // kNegationScope words), as stem hashes; sorted, distinct.
  std::vector<uint64_t> under_negation;
  // Who does what: the entity that opens the sentence (after function words
  // only: "The council voted"), taken as its subject; a sentence opening
  // with anything else ("On Tuesday, ...") has none found.
  // An index into Comparison::entities; -1 when none.
  int actor = -1;
  std::vector<uint64_t> actor_words;  // stem hashes of the words naming the actor; sorted, distinct
  std::vector<uint64_t> words;        // stem hashes of every word; sorted, distinct
  uint32_t content_words = 0;         // words that are not function words, with repeats
};

// `mentions`: the sentence's mentions; `entity_of` maps the document's
// local entities to Comparison::entities.
Statement ReadStatement(const Sentence& sentence, const std::vector<const Mention*>& mentions,
                        const std::vector<int>& entity_of);

// Why two sentences cannot state the same thing, or nullptr when nothing
// sets them apart:
//   "number"   each gives a number the other does not;
//   "date"     both name days or months, and none in common;
//   "polarity" one negates or denies what the other affirms ("did not
//              attend" / "attended"); a negation of something the other
//              does not mention is a detail of its own;
//   "actor"    each names a different subject, and neither sentence uses a
//              word of the other's subject's name.
const char* StatementConflict(const Statement& a, const Statement& b);

// `sentence` states what `other` states and adds a clause of its own:
// kAddsDetailRun content words in a row that `other` does not use (function
// words and punctuation do not break a run; a word `other` uses or a number,
// which the number check compares, does). Scattered new words are a
// paraphrase's own wording; a run of them is a detail of its own.
bool AddsDetail(const Sentence& sentence, const Statement& other);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_STATEMENT_H_
