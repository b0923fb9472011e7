// Stopwords and the loader for the lexicons of data/.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace parallax {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<LexiconEntry> LoadLexicon(std::string_view name) {
  std::string_view data = EmbeddedData(name);
  std::vector<LexiconEntry> entries;
  // Every lexicon is read at the first comparison of a process: one
  // allocation for the entries, not a doubling per power of two.
  entries.reserve(static_cast<size_t>(std::count(data.begin(), data.end(), '\n')) + 1);
  while (!data.empty()) {
    const size_t eol = data.find('\n');
    const std::string_view line = data.substr(0, eol);
    data.remove_prefix(eol == std::string_view::npos ? data.size() : eol + 1);
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    const size_t tab1 = line.find('\t');
    const std::string_view term = Trim(line.substr(0, tab1));
    if (term.empty()) continue;
    LexiconEntry& entry = entries.emplace_back();
    entry.term = term;
    if (tab1 != std::string_view::npos) {
      const std::string_view rest = line.substr(tab1 + 1);
      const size_t tab2 = rest.find('\t');
      entry.category = Trim(rest.substr(0, tab2));
      if (tab2 != std::string_view::npos) entry.note = Trim(rest.substr(tab2 + 1));
    }
  }
  return entries;
}

bool IsStopword(std::string_view folded_word) {
  // Function words only: they carry no fact, so alignment ignores them.
  static const std::unordered_set<std::string_view> kStopwords = {
      "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to",
      "for", "from", "by", "with", "about", "as", "into", "onto", "over", "under", "than",
      "then", "that", "this", "these", "those", "there", "here", "it", "its", "it's", "is",
      "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
      "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
      "must", "he", "she", "they", "we", "you", "i", "him", "her", "them", "us", "me", "his",
      "hers", "their", "theirs", "our", "ours", "your", "my", "who", "whom", "whose", "which",
      "what", "when", "where", "why", "how", "if", "not", "no", "also", "all", "any", "both",
      "each", "such", "own", "same", "other", "some", "more", "most", "very", "just", "only",
      "up", "out", "off", "down", "again", "further", "once", "while", "after", "before",
      "because", "until", "through", "during", "between", "against", "without", "within",
      "upon", "via", "per", "now", "too", "even", "still", "already", "s", "'s", "mr", "mrs",
      "ms", "said", "says", "say", "will", "new"};
  return kStopwords.count(folded_word) != 0;
}

}  // namespace parallax
