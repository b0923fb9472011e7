// The lexicons of data/ in the shapes the analyze stage looks them up in.
// Loaded once, read-only afterwards (safe to share between threads).
#ifndef PARALLAX_ANALYZE_LEXICONS_H_
#define PARALLAX_ANALYZE_LEXICONS_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parallax {

struct FramingEntry {
  std::vector<std::string> stems;  // the term's word stems, in order
  std::vector<std::string> words;  // the term's folded words, in order
  std::string term;
  std::string category;
};

struct Lexicons {
  std::unordered_set<std::string> honorifics;            // "sir", "dr"
  std::unordered_map<std::string, std::string> roles;     // "justice secretary" -> category
  size_t longest_role = 1;                                // in words
  std::unordered_set<std::string> role_first_words;       // first word of every role
  std::unordered_map<std::string, std::string> places;    // folded name -> category
  std::unordered_set<std::string> demonyms;               // "danish", "european"
  size_t longest_place = 1;
  std::unordered_set<std::string> organisation_words;     // "council", "party"
  std::unordered_set<std::string> common_words;           // "state", "day": no entity alone
  std::unordered_map<std::string, std::string> speech_verbs;  // "said" -> "speech", "shows" -> "evidence"
  std::unordered_map<std::string, char> first_names;      // "jane" -> 'f' (names used for one sex)
  std::unordered_map<std::string, std::string> media;     // "article" -> category
  std::vector<FramingEntry> framing;
  // Indexes into `framing`, in its order, by the entry's first folded word:
  // a sentence's word is checked against its few entries, not all of them.
  std::unordered_map<std::string, std::vector<size_t>> framing_by_first_word;
  std::vector<std::vector<std::string>> shift_markers;    // folded words
  std::unordered_map<std::string, std::string> concepts;  // stem -> concept

  static const Lexicons& Get();
};

// Role phrases that are abbreviations of another: "pm" is "prime minister".
std::string CanonicalRole(const std::string& role);

}  // namespace parallax

#endif  // PARALLAX_ANALYZE_LEXICONS_H_
