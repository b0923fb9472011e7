// The HTML named character references ("&eacute;", "&notin;", "&NotEqualTilde;"),
// the whole WHATWG table, generated at build time (cmake/named_references.py).
// Private to the extract stage.
#ifndef PARALLAX_EXTRACT_NAMED_REFERENCES_H_
#define PARALLAX_EXTRACT_NAMED_REFERENCES_H_

#include <cstddef>
#include <string_view>

namespace parallax::html {

// The longest name, and the longest legacy one ("middot", "frac14").
inline constexpr size_t kLongestReferenceName = 31;  // CounterClockwiseContourIntegral
inline constexpr size_t kLongestLegacyReferenceName = 6;

struct NamedReference {
  // Without '&' and ';', NUL-padded: bytes in the table rather than a
  // pointer to them, so that the loader has 2,231 fewer pointers to
  // relocate (and 17 fewer pages to copy) at every start of parallax.
  char name_bytes[kLongestReferenceName + 1];
  // True: the form with ';'. False: a legacy form also read without it
  // ("&copy", "&amp"): the same name appears once with ';' as well.
  bool with_semicolon;
  char32_t first;
  char32_t second;  // 0, or a combining character (two code points in all)

  std::string_view name() const { return name_bytes; }
};

// Sorted by (name, with_semicolon first).
extern const NamedReference kNamedReferences[];
extern const size_t kNamedReferenceCount;

// The reference `name` stands for, or nullptr. With `legacy_only`, only
// names that HTML also reads without the closing ';'.
const NamedReference* FindNamedReference(std::string_view name, bool legacy_only);

}  // namespace parallax::html

#endif  // PARALLAX_EXTRACT_NAMED_REFERENCES_H_
