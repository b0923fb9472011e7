// Helpers shared by the dedup sources; not part of the public API.
#ifndef PARALLAX_DEDUP_INTERNAL_H_
#define PARALLAX_DEDUP_INTERNAL_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace parallax::dedup_internal {

// Bits set in x, by arithmetic: std::popcount is a library call on x86-64
// without POPCNT, which the portable build cannot assume.
inline uint32_t Popcount(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
}

// Writes the `k` smallest distinct values of values[0, count), all below
// `bound` (at most 2^32), ascending, into `out`; returns how many it wrote
// and sets `more` when there were more than k distinct values. About linear
// for uniform hashes: one counting pass on their share of `bound` leaves
// them nearly sorted, and insertion sort finishes.
size_t SelectSmallest(const uint32_t* values, size_t count, uint64_t bound, size_t k, uint32_t* out,
                      bool* more);

// Reads a hash stored in 3 bytes, little-endian, with a readable byte
// after it: one 4-byte load on a little-endian machine.
inline uint32_t ReadPacked(const uint8_t* p) {
  if constexpr (std::endian::native == std::endian::little) {
    uint32_t value;
    std::memcpy(&value, p, sizeof value);
    return value & 0xFFFFFF;
  } else {
    return p[0] | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16);
  }
}

// HashGroups scatters the hashes it groups into at most 2^kMaxPartitionBits
// parts, by the top bits of hash * kPartitionMix. NearDuplicateIndex counts
// the hashes of each finest part as documents are added, while they are in
// the cache: that spares HashGroups a pass over all of them.
inline constexpr int kMaxPartitionBits = 11;
inline constexpr uint32_t kPartitionMix = 0x9E3779B1u;
inline uint32_t FinestPart(uint32_t hash) {
  return (hash * kPartitionMix) >> (32 - kMaxPartitionBits);
}

// Whether HashGroups groups a head hash as an item of its own: one at or
// below its document's limit is in the sketch too, and grouped there. The
// index's counts and HashGroups' scatter must agree on it.
inline bool GroupedAsHead(uint32_t head_hash, uint32_t limit) { return head_hash > limit; }

// The signatures of a corpus as NearDuplicateIndex keeps them, one array of
// each kind for all documents, each hash in 3 bytes (ReadPacked; a byte
// follows the last): document d's sketch hashes are hash(offsets[d]) ..
// hash(offsets[d + 1] - 1), ascending, complete up to limits[d]; its head
// hashes likewise, ascending too (NearDuplicateIndex sorts each head as it
// is added).
struct PackedSketches {
  const uint8_t* hashes;
  const uint8_t* heads;
  const std::vector<uint32_t>& offsets;
  const std::vector<uint32_t>& head_offsets;
  const std::vector<uint32_t>& limits;
  // Per finest part (FinestPart), the hashes HashGroups groups there: the
  // sketch hashes, and the head hashes above their document's limit.
  const uint32_t* part_counts;

  size_t documents() const { return offsets.size() - 1; }
  uint32_t hash(size_t i) const { return ReadPacked(hashes + 3 * i); }
  uint32_t head(size_t i) const { return ReadPacked(heads + 3 * i); }
};

// The sketches scored: the same layout, boilerplate dropped, a hash in 4
// bytes (HashGroups::DropBoilerplate).
struct Sketches {
  const uint32_t* hashes = nullptr;
  const uint32_t* heads = nullptr;
  std::vector<uint32_t> offsets, head_offsets, limits;
};

// Every sketch hash of a corpus, and every head hash above its document's
// limit (one below it is in the sketch too), grouped by value: the
// documents holding a hash form its run. Built by scattering the hashes
// into pieces of about 1,000 on their bits (kMaxPartitionBits) and sorting
// each piece where it fits in the cache. Dependent reads scattered over the megabytes a
// corpus's hashes take cost 100 to 250 ns each on the machine measured (a
// core of a shared EPYC, 1 MB of L2), so every step here streams or stays
// in the cache. Documents are numbered in 24 bits here
// (NearDuplicateIndex::kMaxDocuments).
class HashGroups {
 public:
  // Groups the hashes of `sketches`; a hash held by more than `max_copies`
  // documents (in their sketch or head) is boilerplate. A sketch hash among
  // the first `anchors` of its document's, boilerplate left out, is one of
  // its anchors.
  HashGroups(const PackedSketches& sketches, uint32_t max_copies, uint32_t anchors);

  // Pairs of documents (first < second) sharing at least min(min_shared,
  // either's sketch size) hashes that are an anchor of one of the two, as
  // (first << 32 | second), ascending; a sketch's size is that of its
  // DropBoilerplate's copy. Bottom-k sketches make this work across
  // lengths: a short text's anchors span the hash range a longer text's
  // whole sketch does. Two copied documents are left to CopiedCandidates:
  // what they share here is the few hashes left once the common ones are
  // dropped. Uses the work buffer past the runs: call once, before
  // DropBoilerplate.
  std::vector<uint64_t> Candidates(const PackedSketches& sketches, uint32_t min_shared,
                                   size_t sketch_size);

  // The sketches without their boilerplate hashes, at most `sketch_size`
  // sketch hashes per document (lowering its limit to match); heads stay
  // sorted. Adds the number of hashes dropped to *dropped. They are written
  // into the work buffer, which the runs and Candidates no longer need, so
  // that no fresh memory is touched for them; they last as long as this
  // object. Call once, after Candidates.
  Sketches DropBoilerplate(const PackedSketches& sketches, size_t sketch_size, size_t* dropped);

  // Whether document `doc` is widely copied: more than half of its sketch
  // is in more than `max_copies` documents (a wire story many outlets
  // print, where a footer is a small part of each text). Their runs are
  // boilerplate, so Candidates leaves them out: see CopiedCandidates.
  bool copied(uint32_t doc) const { return copied_[doc] != 0; }

  // Bytes held now, and the most held while grouping.
  size_t bytes() const;
  size_t peak_bytes() const { return peak_bytes_; }

 private:
  // Calls f(first member's entry, length) for every run.
  template <typename F>
  void ForEachSharedRun(F&& f) const;

  // Entry i of the work buffer, seen as 32-bit entries (read and written
  // bytewise: the buffer held 64-bit items before; DropBoilerplate writes
  // its sketches likewise).
  uint32_t Entry(size_t i) const {
    uint32_t value;
    std::memcpy(&value, reinterpret_cast<const char*>(work_.get()) + i * sizeof value,
                sizeof value);
    return value;
  }
  void SetEntry(size_t i, uint32_t value) {
    std::memcpy(reinterpret_cast<char*>(work_.get()) + i * sizeof value, &value, sizeof value);
  }

  int partition_bits_ = 0;
  std::vector<uint32_t> starts_;              // partition p's items: [starts_[p], starts_[p + 1])
  std::vector<uint64_t> boilerplate_sketch_;  // a bit per sketch hash
  std::vector<uint64_t> boilerplate_heads_;   // a bit per head hash
  // A bit per hash value (kShingleHashBits of them): heads are looked up
  // by value, since most of their hashes are grouped through the sketch.
  std::vector<uint64_t> boilerplate_values_;
  // A bit per 64 values, set when one of them is boilerplate: 32 KB, in L1,
  // where the 2 MB above is not; most lookups stop here.
  std::vector<uint64_t> boilerplate_blocks_;
  // The grouped items while grouping; then, as 32-bit entries from the
  // start, the runs Candidates needs (two or more sketch hashes, one an
  // anchor, not boilerplate), one after another: the length, then
  // document << 1 | anchor for each member, in document order
  // (shared_entries_ of them); then Candidates' scratch.
  std::unique_ptr<uint64_t[]> work_;
  size_t work_words_ = 0;
  size_t shared_entries_ = 0;
  // Per document: 1 when it is widely copied; how many of its sketch
  // hashes are not boilerplate (sketches hold fewer than 256).
  std::vector<uint8_t> copied_;
  std::vector<uint8_t> content_;
  size_t peak_bytes_ = 0;
};

// The whole sketches of the widely copied documents (HashGroups::copied),
// boilerplate kept: every copy of a story printed by many
// outlets shares nearly all its hashes, so dropping those leaves each copy
// a few stragglers to be compared on. Heads are sorted.
struct CopiedSketches {
  static constexpr uint32_t kNone = ~0u;
  std::vector<uint32_t> index;      // by document: its number here, or kNone
  std::vector<uint32_t> documents;  // by number here: the document
  std::vector<uint32_t> hashes, offsets{0}, heads, head_offsets{0}, limits;

  bool has(uint32_t doc) const { return index[doc] != kNone; }
};

CopiedSketches KeepCopiedSketches(const HashGroups& groups, const PackedSketches& sketches);

// Pairs of copied documents (first << 32 | second, first < second,
// ascending) whose smallest hashes mostly agree: copies of one text.
// Bounded: past a budget proportional to their number, and for a hash held
// by very many of them, documents are paired with one member of the group
// only, so that a hostile input (one text a million times) cannot exhaust
// memory; the group stays connected.
std::vector<uint64_t> CopiedCandidates(const CopiedSketches& copied);

}  // namespace parallax::dedup_internal

#endif  // PARALLAX_DEDUP_INTERNAL_H_
