// The lexicons of data/ (word lists written by the team, each entry with a
// category and a reason), compiled into the binary at build time, so that
// parallax runs anywhere. Part of the text stage; any later stage reads them.
//
//   for (const parallax::LexiconEntry& e : parallax::LoadLexicon("framing.tsv")) Use(e.term, e.category);
#ifndef PARALLAX_LEXICON_H_
#define PARALLAX_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// The bytes of data/<name> (for example "framing.tsv"), empty when unknown.
std::string_view EmbeddedData(std::string_view name);

// One line of a lexicon: "term<TAB>category<TAB>why". Lines starting with
// '#' and blank lines are skipped.
struct LexiconEntry {
  std::string term;
  std::string category;
  std::string note;
};
std::vector<LexiconEntry> LoadLexicon(std::string_view name);

}  // namespace parallax

#endif  // PARALLAX_LEXICON_H_
