#include "extract/named_references.h"

#include <algorithm>

namespace parallax::html {

const NamedReference* FindNamedReference(std::string_view name, bool legacy_only) {
  const NamedReference* const end = kNamedReferences + kNamedReferenceCount;
  const NamedReference* it = std::lower_bound(
      kNamedReferences, end, name, [](const NamedReference& r, std::string_view n) { return r.name() < n; });
  for (; it != end && it->name() == name; ++it) {
    if (!legacy_only || !it->with_semicolon) return it;
  }
  return nullptr;
}

}  // namespace parallax::html
