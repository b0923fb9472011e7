// Sorted vectors as the clusterer keeps them: sparse term vectors sorted
// by term, and sets of hashes sorted and unique.
#ifndef PARALLAX_CLUSTER_SORTED_VECTORS_H_
#define PARALLAX_CLUSTER_SORTED_VECTORS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "parallax/cluster.h"

namespace parallax::cluster_internal {

// sum += vec, both sorted by term. `scratch` lends its capacity.
inline void AddInto(std::vector<TermWeight>& sum, const std::vector<TermWeight>& vec,
                    std::vector<TermWeight>& scratch) {
  scratch.clear();
  scratch.reserve(sum.size() + vec.size());
  size_t i = 0, j = 0;
  while (i < sum.size() || j < vec.size()) {
    if (j == vec.size() || (i < sum.size() && sum[i].term < vec[j].term)) {
      scratch.push_back(sum[i++]);
    } else if (i == sum.size() || vec[j].term < sum[i].term) {
      scratch.push_back(vec[j++]);
    } else {
      scratch.push_back({sum[i].term, sum[i].weight + vec[j].weight});
      ++i;
      ++j;
    }
  }
  sum.swap(scratch);
}

// set |= more, both sorted and unique.
inline void UniteInto(std::vector<uint64_t>& set, const std::vector<uint64_t>& more) {
  if (more.empty()) return;
  const size_t old_size = set.size();
  set.insert(set.end(), more.begin(), more.end());
  std::inplace_merge(set.begin(), set.begin() + static_cast<std::ptrdiff_t>(old_size), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
}

// Whether two sorted sets have an element in common.
inline bool ShareAny(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_SORTED_VECTORS_H_
