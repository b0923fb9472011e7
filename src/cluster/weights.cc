// IdfFactor and UnitVector: see weights.h.
#include "cluster/weights.h"

#include <algorithm>
#include <cmath>

namespace parallax::cluster_internal {

double IdfFactor(uint64_t documents, uint32_t df) {
  const double n = static_cast<double>(documents);
  return std::sqrt(std::log(std::max(1.0, (n + 1) / (df + 1.0))) + 1.0);
}

void UnitVector(const ArticleTerms& terms, const TermIndex& index,
                const std::vector<TermEntry>& entries_by_index, float min_weight,
                std::vector<TermWeight>& vec, std::vector<uint32_t>& entries) {
  vec.clear();
  entries.clear();
  double norm2 = 0;
  for (const TermWeight& t : terms.terms) {
    if (!(t.weight > 0) || !std::isfinite(t.weight)) continue;  // not from ExtractTerms
    const uint32_t e = index.Find(t.term);
    if (e == TermIndex::kMissing) continue;
    const float w = static_cast<float>(t.weight * entries_by_index[e].idf);
    vec.push_back({t.term, w});
    entries.push_back(e);
    norm2 += static_cast<double>(w) * w;
  }
  if (norm2 <= 0) return;
  const float scale = static_cast<float>(1.0 / std::sqrt(norm2));
  size_t kept = 0;
  for (size_t i = 0; i < vec.size(); ++i) {
    const float w = vec[i].weight * scale;
    // The scorers take a zero dot product for "not scored yet", so no
    // product of two weights may underflow to zero.
    if (w < min_weight) continue;
    vec[kept] = {vec[i].term, w};
    entries[kept] = entries[i];
    ++kept;
  }
  vec.resize(kept);
  entries.resize(kept);
}

}  // namespace parallax::cluster_internal
