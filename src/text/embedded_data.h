// Access to the lexicons of data/, compiled into the binary at build time.
#ifndef PARALLAX_TEXT_EMBEDDED_DATA_H_
#define PARALLAX_TEXT_EMBEDDED_DATA_H_

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

#endif  // PARALLAX_TEXT_EMBEDDED_DATA_H_
