// Internals of the cluster stage shared by its files and its tests: the
// word splitter behind ExtractTerms.
#ifndef PARALLAX_CLUSTER_INTERNAL_H_
#define PARALLAX_CLUSTER_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

namespace parallax::cluster_internal {

// One word of a headline or lead, as the clusterer sees it.
struct Word {
  std::string_view surface;     // as written ("U.S." keeps its dots)
  bool capitalized = false;     // first letter upper case
  bool all_caps = false;        // two or more letters, all upper case ("NATO", "U.S.")
  bool sentence_start = false;  // first word, or first after . ! ? : or a dash
  bool number = false;          // starts with a digit
  bool joined_to_next = false;  // only spaces or a hyphen before the next word
};

// Splits text into words: runs of letters and digits; an apostrophe inside a
// word is kept ("don't") and a possessive "'s" dropped ("Britain's" is
// "Britain"); hyphenated words are split ("US-Mexico" is "US" and "Mexico",
// so it matches "the US and Mexico"); dotted initialisms stay whole
// ("U.S."); "3.5" and "1,200" are one number. Appends to `words`, at most
// `max_words` of them (the rest of the text is not read).
void SplitWords(std::string_view text, std::vector<Word>& words,
                size_t max_words = static_cast<size_t>(-1));

// The lower-case form names and stems are made of: case folded, the dots of
// an initialism removed ("U.S." -> "us").
std::string NormalizeWord(std::string_view surface);

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_INTERNAL_H_
