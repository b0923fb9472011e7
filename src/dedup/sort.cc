// Selecting and sorting the smallest hashes of a text.
#include <algorithm>
#include <array>
#include <vector>

#include "dedup/internal.h"

namespace parallax::dedup_internal {

namespace {

// Above this many values the stack buffers would be too large and std::sort
// takes over: only when the prefilter's bound missed in a text of over
// 1,000 words and all its shingles are selected from.
constexpr size_t kMaxSmall = 1024;
// Buckets of SelectSmallest's counting pass, for the ~100 values it usually
// gets. With 128, a third of the values shared a bucket and the insertion
// sort after it mispredicted on them; 256 halves that, and its longer prefix
// sum (a chain of dependent adds) costs less: reading and signatures on the
// near-duplicate bench went from 69.7 to 68.2 ms (medians of 10, on the
// Intel Xeon VM; on the earlier AMD EPYC one, 256 had measured no faster).
// Summing the prefix in independent groups of 8 made no difference.
constexpr size_t kSelectBuckets = 256;

void InsertionSort(uint32_t* v, size_t n) {
  for (size_t i = 1; i < n; ++i) {
    const uint32_t x = v[i];
    size_t j = i;
    while (j > 0 && v[j - 1] > x) {
      v[j] = v[j - 1];
      --j;
    }
    v[j] = x;
  }
}

}  // namespace

size_t SelectSmallest(const uint32_t* values, size_t count, uint64_t bound, size_t k, uint32_t* out,
                      bool* more) {
  *more = false;
  if (count == 0 || k == 0) return 0;
  std::vector<uint32_t> large;
  uint32_t* sorted;
  std::array<uint32_t, kMaxSmall> placed;
  if (count > kMaxSmall) {
    large.assign(values, values + count);
    std::sort(large.begin(), large.end());
    sorted = large.data();
  } else {
    // One counting pass on the top bits of each value's share of `bound`
    // leaves uniform hashes nearly in order; insertion sort finishes. No
    // step branches on the data but the few out-of-order neighbours.
    const uint64_t scale =
        (uint64_t{kSelectBuckets} << 32) / bound;  // bucket = value * scale >> 32
    std::array<uint32_t, kSelectBuckets + 1> starts{};
    for (size_t i = 0; i < count; ++i) ++starts[((values[i] * scale) >> 32) + 1];
    for (size_t b = 1; b <= kSelectBuckets; ++b) starts[b] += starts[b - 1];
    for (size_t i = 0; i < count; ++i) placed[starts[(values[i] * scale) >> 32]++] = values[i];
    InsertionSort(placed.data(), count);
    sorted = placed.data();
  }
  size_t n = 0;
  for (size_t i = 0; i < count; ++i) {
    if (n > 0 && out[n - 1] == sorted[i]) continue;
    if (n == k) {
      *more = true;
      break;
    }
    out[n++] = sorted[i];
  }
  return n;
}

}  // namespace parallax::dedup_internal
