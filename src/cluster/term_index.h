// TermIndex: the clusterer's map from a term (a 64-bit hash) to a dense
// index of its entry.
#ifndef PARALLAX_CLUSTER_TERM_INDEX_H_
#define PARALLAX_CLUSTER_TERM_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace parallax::cluster_internal {

// Term -> dense index, open addressing with linear probing. Terms are
// xxHash values, so their low bits are already uniform. A node-based map
// cost a cache miss per lookup, four lookups per term of every article.
class TermIndex {
 public:
  static constexpr uint32_t kMissing = ~0u;

  uint32_t Find(uint64_t term) const {
    if (slots_.empty()) return kMissing;
    for (size_t i = term & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].index == kMissing) return kMissing;
      if (slots_[i].term == term) return slots_[i].index;
    }
  }

  // The term's index; a new term gets the next one (size() before the call).
  uint32_t FindOrAdd(uint64_t term) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();  // at most 3/4 full
    size_t i = term & mask_;
    for (; slots_[i].index != kMissing; i = (i + 1) & mask_) {
      if (slots_[i].term == term) return slots_[i].index;
    }
    slots_[i] = {term, static_cast<uint32_t>(size_)};
    return static_cast<uint32_t>(size_++);
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t term = 0;
    uint32_t index = kMissing;
  };

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == kMissing) continue;
      size_t i = slot.term & mask_;
      while (slots_[i].index != kMissing) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_TERM_INDEX_H_
