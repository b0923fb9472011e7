// Disjoint sets over 0..n-1, with path halving. Private to the align stage.
#ifndef PARALLAX_ALIGN_UNION_FIND_H_
#define PARALLAX_ALIGN_UNION_FIND_H_

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace parallax {

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
};

}  // namespace parallax

#endif  // PARALLAX_ALIGN_UNION_FIND_H_
