// Stopwords and the loader for the lexicons of data/.
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
  std::vector<LexiconEntry> entries;
  std::string_view data = EmbeddedData(name);
  while (!data.empty()) {
    const size_t eol = data.find('\n');
    std::string_view line = data.substr(0, eol);
    data.remove_prefix(eol == std::string_view::npos ? data.size() : eol + 1);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    LexiconEntry entry;
    const size_t tab1 = line.find('\t');
    entry.term = std::string(Trim(line.substr(0, tab1)));
    if (tab1 != std::string_view::npos) {
      std::string_view rest = line.substr(tab1 + 1);
      const size_t tab2 = rest.find('\t');
      entry.category = std::string(Trim(rest.substr(0, tab2)));
      if (tab2 != std::string_view::npos) entry.note = std::string(Trim(rest.substr(tab2 + 1)));
    }
    if (!entry.term.empty()) entries.push_back(std::move(entry));
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
