// HashGroups: the corpus-wide steps of FindPairs (boilerplate, candidates).
// See internal.h for why the data is laid out as it is.
#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <memory>

#include "dedup/internal.h"
#include "parallax/dedup.h"

namespace parallax::dedup_internal {

namespace {

// Items per partition aimed at, and at most 2^kMaxPartitionBits
// partitions. A partition of up to kSmallPartition items (8 KB each at the
// aim, in L1) is sorted by one counting pass on kSmallSortBits more bits
// and insertion sort; a larger one (in a corpus of more than ~8 million
// items, some 100,000 texts) by radix passes of kRadixBits, in L2. On the
// near-duplicate bench (2.2 million items) the earlier 256 partitions of
// ~8,500 items, each sorted by two radix passes, took 38 ms to scatter and
// sort; 2,048 of ~1,060 take 34. 512 or 256 items per partition (4,096
// partitions), or 9 or 11 counting bits, measured within 1 ms of it.
constexpr size_t kItemsPerPartition = 1024;
constexpr size_t kSmallPartition = 4096;
constexpr int kSmallSortBits = 10;

// Partitions use the top bits of hash * kPartitionMix (internal.h), and
// runs are runs of equal products (a bijection: equal products mean equal
// hashes). Sketch hashes are the smallest of each text, so their own top
// bits are mostly 0.
// Its inverse modulo 2^32: product * kPartitionMixInverse is the hash.
constexpr uint32_t kPartitionMixInverse = [] {
  uint32_t inverse = kPartitionMix;  // Newton's iteration: each step doubles the correct bits
  for (int step = 0; step < 5; ++step) inverse *= 2 - kPartitionMix * inverse;
  return inverse;
}();
static_assert(kPartitionMix * kPartitionMixInverse == 1);

// An item: the product (high 32 bits), the document (24 bits), a tag (8
// bits): the hash's rank in its document's sketch, or kHeadTag + its index
// in the head.
constexpr uint32_t kHeadTag = 0x80;
// Two passes of 12 bits sort the 21 bits left after the partition bits of
// a large corpus; the counts (16 KB) stay in L1.
constexpr int kRadixBits = 12;

// A document is widely copied (HashGroups' step 2) when more than this
// share of its sketch is in more documents than a story has copies, and
// its sketch has at least kMinCopiedSketch hashes (a text of a dozen
// words is all stock phrase more easily). On the near-duplicate benchmark
// 0.3 / 0.5 / 0.7 gave P 0.9902 / 0.9916 / 0.9918 and R 0.9572 / 0.9565 /
// 0.9560; a story copied 40 times was found whole with each.
constexpr double kCopiedShare = 0.5;
constexpr uint32_t kMinCopiedSketch = 16;

inline uint32_t ItemDoc(uint64_t item) { return static_cast<uint32_t>(item) >> 8; }
inline uint32_t ItemTag(uint64_t item) { return static_cast<uint32_t>(item) & 0xFF; }
inline uint32_t ItemProduct(uint64_t item) { return static_cast<uint32_t>(item >> 32); }

void SetBit(std::vector<uint64_t>& bits, size_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }
bool TestBit(const std::vector<uint64_t>& bits, size_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }

// Bits set in [begin, end), a word at a time (a sketch spans two or three).
uint32_t CountBits(const std::vector<uint64_t>& bits, size_t begin, size_t end) {
  uint32_t count = 0;
  while (begin < end) {
    const size_t shift = begin & 63;
    const size_t take = std::min<size_t>(64 - shift, end - begin);
    uint64_t word = bits[begin >> 6] >> shift;
    if (take < 64) word &= (uint64_t{1} << take) - 1;
    count += Popcount(word);
    begin += take;
  }
  return count;
}

// Stable LSD radix sort of keys[0, n) on bits [low, high), through scratch.
void RadixSort(uint64_t* keys, uint64_t* scratch, size_t n, int low, int high) {
  constexpr size_t kBuckets = size_t{1} << kRadixBits;
  static thread_local uint32_t counts[kBuckets];
  uint64_t* from = keys;
  uint64_t* to = scratch;
  for (int shift = low; shift < high; shift += kRadixBits) {
    std::memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < n; ++i) ++counts[(from[i] >> shift) & (kBuckets - 1)];
    uint32_t sum = 0;
    for (uint32_t& c : counts) {
      const uint32_t here = c;
      c = sum;
      sum += here;
    }
    for (size_t i = 0; i < n; ++i) to[counts[(from[i] >> shift) & (kBuckets - 1)]++] = from[i];
    std::swap(from, to);
  }
  if (from != keys) std::memcpy(keys, from, n * sizeof(uint64_t));
}

// Sorts keys[0, n) on their whole value, given that they are in order on
// the bits above `high` (one partition): a stable counting pass on the
// kSmallSortBits below those leaves them nearly sorted, and insertion sort
// finishes. Keys are distinct (a document and a tag are one item).
void SortSmall(uint64_t* keys, uint64_t* scratch, size_t n, int high) {
  constexpr size_t kBuckets = size_t{1} << kSmallSortBits;
  const int shift = high - kSmallSortBits;
  uint32_t counts[kBuckets + 1] = {};
  for (size_t i = 0; i < n; ++i) ++counts[((keys[i] >> shift) & (kBuckets - 1)) + 1];
  for (size_t b = 1; b <= kBuckets; ++b) counts[b] += counts[b - 1];
  for (size_t i = 0; i < n; ++i) scratch[counts[(keys[i] >> shift) & (kBuckets - 1)]++] = keys[i];
  for (size_t i = 0; i < n; ++i) {
    const uint64_t x = scratch[i];
    size_t j = i;
    for (; j > 0 && keys[j - 1] > x; --j) keys[j] = keys[j - 1];
    keys[j] = x;
  }
}

}  // namespace

HashGroups::HashGroups(const PackedSketches& a, uint32_t max_copies, uint32_t anchors) {
  const uint32_t docs = static_cast<uint32_t>(a.documents());
  const size_t sketch_hashes = a.offsets[docs], head_hashes = a.head_offsets[docs];
  boilerplate_sketch_.assign(sketch_hashes / 64 + 1, 0);
  boilerplate_values_.assign((size_t{1} << kShingleHashBits) / 64, 0);
  boilerplate_blocks_.assign((size_t{1} << kShingleHashBits) / 64 / 64, 0);
  // Sized for every hash; the heads grouped are fewer.
  const size_t most = sketch_hashes + head_hashes;
  partition_bits_ =
      std::min(kMaxPartitionBits, static_cast<int>(std::bit_width(most / kItemsPerPartition)));
  const int bits = partition_bits_;
  auto partition = [bits](uint32_t hash) -> uint32_t {
    return bits == 0 ? 0 : (hash * kPartitionMix) >> (32 - bits);
  };
  auto grouped_head = [&](uint32_t d, uint32_t i) { return GroupedAsHead(a.head(i), a.limits[d]); };
  starts_.assign((size_t{1} << bits) + 1, 0);
  // A partition is 2^(kMaxPartitionBits - bits) finest parts.
  for (size_t p = 0; p < (size_t{1} << kMaxPartitionBits); ++p) {
    starts_[(p >> (kMaxPartitionBits - bits)) + 1] += a.part_counts[p];
  }
  for (size_t p = 1; p < starts_.size(); ++p) starts_[p] += starts_[p - 1];
  const size_t n = starts_.back();

  // Scattered in document order, which the stable sorts below keep. Not
  // zeroed first: the scatter writes every item. The buffer is kept: the
  // runs, then Candidates' pairs, are written over the items once read.
  work_.reset(new uint64_t[std::max<size_t>(n, 1)]);
  work_words_ = std::max<size_t>(n, 1);
  uint64_t* const items = work_.get();
  {
    std::vector<uint32_t> fill(starts_.begin(), starts_.end() - 1);
    auto put = [&](uint32_t hash, uint32_t doc, uint32_t tag) {
      items[fill[partition(hash)]++] = (uint64_t{hash * kPartitionMix} << 32) | (doc << 8) | tag;
    };
    for (uint32_t d = 0; d < docs; ++d) {
      for (uint32_t i = a.offsets[d]; i < a.offsets[d + 1]; ++i) {
        // Ranks past 127 would read as head tags; sketches are shorter.
        put(a.hash(i), d, std::min<uint32_t>(i - a.offsets[d], kHeadTag - 1));
      }
      for (uint32_t i = a.head_offsets[d]; i < a.head_offsets[d + 1]; ++i) {
        if (grouped_head(d, i)) put(a.head(i), d, kHeadTag + (i - a.head_offsets[d]));
      }
    }
    // Each partition filled to the count it was given, no more.
    for (size_t p = 0; p + 1 < starts_.size(); ++p) assert(fill[p] == starts_[p + 1]);
  }

  size_t largest = 0;
  for (size_t p = 0; p + 1 < starts_.size(); ++p) {
    largest = std::max<size_t>(largest, starts_[p + 1] - starts_[p]);
  }
  std::vector<uint64_t> scratch(largest);
  // 1. Sort each partition and, while it is in cache, mark the boilerplate
  // and keep the other runs of two or more sketch hashes (their members as
  // document << 8 | rank until step 3 knows the anchors). Reading the whole
  // items array a second time for them cost more than the sort on the
  // machine measured. They go at the front of the work buffer, as entries
  // (a length, then the members): a run of k items takes at most 4 (k + 1)
  // <= 6 k bytes of the 8 k its items took, so the entries never reach an
  // item still to be read, and no fresh memory is touched for them.
  size_t raw = 0;  // entries written
  for (size_t p = 0; p + 1 < starts_.size(); ++p) {
    uint64_t* begin = items + starts_[p];
    uint64_t* end = items + starts_[p + 1];
    if (static_cast<size_t>(end - begin) <= kSmallPartition) {
      SortSmall(begin, scratch.data(), end - begin, 64 - bits);
    } else {
      RadixSort(begin, scratch.data(), end - begin, 32, 64 - bits);
    }
    // Then the runs, item by item. Four in five items are in a run of two
    // or more, and runs are short (4.5 items on the bench): branching on
    // where each starts and ends mispredicted at most of them, so every
    // item takes the same steps and the run's state moves by selects (0.7
    // ms less than finding the runs from a bit per item first, with less
    // code). Each item's entry is written whether or not it is kept: `raw`
    // moves past it only when it is.
    const size_t count = static_cast<size_t>(end - begin);
    if (count == 0) continue;
    uint32_t previous_product = ~ItemProduct(*begin), previous_doc = 0;
    size_t header = raw;  // the entry of the current run's length
    uint32_t length = 0, docs_in_run = 0, members = 0;
    uint64_t next = *begin;
    for (size_t i = 0; i < count; ++i) {
      const uint64_t item = next;
      // Past the last, an item whose product differs.
      next = i + 1 < count ? begin[i + 1] : item ^ (uint64_t{1} << 32);
      const uint32_t product = ItemProduct(item), doc = ItemDoc(item);
      // As 0 or 1, and as masks of all or no bits: selects by arithmetic,
      // which the compiler would otherwise turn back into branches.
      const uint32_t starts = product != previous_product;
      const uint32_t ends = product != ItemProduct(next);
      const uint32_t shared = 1 ^ (starts & ends);
      const uint32_t keep_run = starts - 1;  // no bits at a run's start
      header = (header & size_t{keep_run}) | (raw & ~size_t{keep_run});
      raw += starts & shared;
      length = (length & keep_run) + 1;
      docs_in_run = (docs_in_run & keep_run) + (starts | (doc != previous_doc));
      members &= keep_run;
      const uint32_t member = shared & (ItemTag(item) < kHeadTag);
      SetEntry(raw, static_cast<uint32_t>(item));
      raw += member;
      members += member;
      SetEntry(header, members);  // a lone item's header is where its entry is not kept
      previous_product = product;
      previous_doc = doc;
      if ((ends & (length > max_copies) & (docs_in_run > max_copies)) != 0) [[unlikely]] {
        // Boilerplate: its value (the product undone) and its members'
        // places in their sketches (from the entries just written; the
        // items may be written over).
        const uint32_t value = product * kPartitionMixInverse;
        SetBit(boilerplate_values_, value);
        SetBit(boilerplate_blocks_, value / 64);
        for (size_t m = header + 1; m <= header + members; ++m) {
          const uint32_t entry = Entry(m);
          SetBit(boilerplate_sketch_, a.offsets[entry >> 8] + (entry & 0xFF));
        }
        raw = header;
      }
      // A run of fewer than two sketch hashes goes.
      const size_t drop = size_t{0} - (ends & (members < 2));
      raw = (header & drop) | (raw & ~drop);
    }
  }

  // 2. Widely copied documents: most of whose sketch is "boilerplate".
  // A wire story printed by more outlets than max_copies has every shingle
  // in that many documents; a footer or a stock phrase is a small part of
  // each document that has it. Copied documents are paired among
  // themselves separately (CopiedCandidates).
  copied_.assign(docs, 0);
  content_.assign(docs, 0);
  boilerplate_heads_.assign(head_hashes / 64 + 1, 0);
  for (uint32_t d = 0; d < docs; ++d) {
    const uint32_t begin = a.offsets[d], end = a.offsets[d + 1];
    const uint32_t common = CountBits(boilerplate_sketch_, begin, end);
    copied_[d] = end - begin >= kMinCopiedSketch && common > kCopiedShare * (end - begin);
    content_[d] = static_cast<uint8_t>(end - begin - common);
    // Its boilerplate head hashes, while the bits above are in the cache
    // (by DropBoilerplate they were not: a third of its time). A head hash
    // at or below the limit, grouped through its sketch copy, has it too:
    // boilerplate is a property of the value.
    for (uint32_t k = a.head_offsets[d]; k < a.head_offsets[d + 1]; ++k) {
      const uint32_t h = a.head(k);
      if (TestBit(boilerplate_blocks_, h / 64) && TestBit(boilerplate_values_, h)) {
        SetBit(boilerplate_heads_, k);
      }
    }
  }

  // 3. The runs Candidates needs. An anchor is among the first `anchors` of
  // its sketch once boilerplate is dropped: a short story with a long
  // footer would otherwise have most of its anchors in the footer.
  // anchor_end[d]: the rank in d's sketch where its content anchors end.
  std::vector<uint8_t> anchor_end(docs);
  for (uint32_t d = 0; d < docs; ++d) {
    uint32_t rank = 0, content = 0;
    for (uint32_t i = a.offsets[d]; i < a.offsets[d + 1] && content < anchors; ++i, ++rank) {
      content += !TestBit(boilerplate_sketch_, i);
    }
    anchor_end[d] = static_cast<uint8_t>(rank);
  }
  // The runs become document << 1 | anchor, and those with no anchor go:
  // compacted in place, since each shrinks or stays.
  size_t write = 0;
  for (size_t read = 0; read < raw;) {
    const uint32_t length = Entry(read);
    const size_t header = write;
    bool any_anchor = false;
    for (uint32_t k = 1; k <= length; ++k) {
      const uint32_t member = Entry(read + k);
      const uint32_t doc = member >> 8;
      const bool anchor = (member & 0xFF) < anchor_end[doc];
      any_anchor |= anchor;
      SetEntry(write + k, (doc << 1) | (anchor ? 1 : 0));
    }
    read += 1 + length;
    if (any_anchor) {
      SetEntry(header, length);
      write += 1 + length;
    }
  }
  shared_entries_ = write;
  starts_ = std::vector<uint32_t>();
  peak_bytes_ = scratch.size() * sizeof(uint64_t) + bytes();
}

template <typename F>
void HashGroups::ForEachSharedRun(F&& f) const {
  for (size_t i = 0; i < shared_entries_; i += 1 + Entry(i)) f(i + 1, Entry(i));
}

std::vector<uint64_t> HashGroups::Candidates(const PackedSketches& a, uint32_t min_shared,
                                             size_t sketch_size) {
  const uint32_t docs = static_cast<uint32_t>(a.documents());
  // Every (first, second) a shared anchor links, grouped by first: counted,
  // then placed.
  std::vector<uint32_t> starts(docs + 1, 0);
  auto is_anchor = [](uint32_t member) { return (member & 1) != 0; };
  auto doc = [](uint32_t member) { return member >> 1; };
  // Member i links to every later member when it is an anchor, else to the
  // later anchors: counted from the end of the run, without the pairs.
  ForEachSharedRun([&](size_t run, size_t n) {
    uint32_t later_anchors = 0;
    for (size_t i = n; i-- > 0;) {
      const uint32_t member = Entry(run + i);
      starts[doc(member) + 1] +=
          is_anchor(member) ? static_cast<uint32_t>(n - 1 - i) : later_anchors;
      later_anchors += is_anchor(member) ? 1 : 0;
    }
  });
  for (uint32_t d = 0; d < docs; ++d) starts[d + 1] += starts[d];
  // The pairs' second documents go in the work buffer after the runs when
  // they fit (no fresh memory to touch), else in an array of their own;
  // either is read and written bytewise.
  const size_t pairs = starts[docs];
  std::vector<uint32_t> own;
  char* seconds = reinterpret_cast<char*>(work_.get()) + shared_entries_ * sizeof(uint32_t);
  if (shared_entries_ + pairs > 2 * work_words_) {
    own.resize(pairs);
    seconds = reinterpret_cast<char*>(own.data());
  }
  auto set_second = [seconds](size_t i, uint32_t d) {
    std::memcpy(seconds + i * sizeof d, &d, sizeof d);
  };
  auto second_of = [seconds](size_t i) {
    uint32_t d;
    std::memcpy(&d, seconds + i * sizeof d, sizeof d);
    return d;
  };
  {
    std::vector<uint32_t> fill(starts.begin(), starts.end() - 1);
    ForEachSharedRun([&](size_t run, size_t n) {
      for (size_t i = 0; i < n; ++i) {
        const uint32_t first = Entry(run + i);
        for (size_t j = i + 1; j < n; ++j) {
          const uint32_t later = Entry(run + j);
          if (is_anchor(first) || is_anchor(later)) set_second(fill[doc(first)]++, doc(later));
        }
      }
    });
  }
  // Count per first document. Per second document, in 8 bytes (the reads
  // are random, and 16 took a quarter longer): its count (the low byte of
  // `mark`), valid while the rest of `mark` is first + 1; the shared hashes
  // it needs (its sketch size, if under min_shared); whether it is widely
  // copied. A pair shares fewer than 256 hashes: its sketches are shorter.
  struct Tally {
    uint32_t mark = 0;
    uint16_t need = 0;
    uint16_t copied = 0;
  };
  static_assert(kSignatureHashes < 256 && NearDuplicateIndex::kMaxDocuments < (uint32_t{1} << 24));
  std::vector<Tally> tallies(docs);
  for (uint32_t d = 0; d < docs; ++d) {
    tallies[d].need =
        static_cast<uint16_t>(std::max<size_t>(1, std::min<size_t>(sketch_size, content_[d])));
    tallies[d].copied = copied_[d];
  }
  std::vector<uint64_t> candidates;
  for (uint32_t first = 0; first < docs; ++first) {
    const size_t begin = candidates.size();
    const uint32_t need_first = std::max(1u, std::min<uint32_t>(min_shared, tallies[first].need));
    const uint32_t skip_copied = tallies[first].copied;  // CopiedCandidates pairs those
    const uint32_t stamp = (first + 1) << 8;
    for (uint32_t i = starts[first]; i < starts[first + 1]; ++i) {
      const uint32_t second = second_of(i);
      Tally& t = tallies[second];
      if ((skip_copied & t.copied) != 0) continue;
      const uint32_t count = ((t.mark & ~0xFFu) == stamp ? t.mark & 0xFF : 0) + 1;
      t.mark = stamp | count;
      if (count == std::min<uint32_t>(need_first, t.need)) {
        candidates.push_back((uint64_t{first} << 32) | second);
      }
    }
    std::sort(candidates.begin() + begin, candidates.end());
  }
  return candidates;
}

Sketches HashGroups::DropBoilerplate(const PackedSketches& a, size_t sketch_size, size_t* dropped) {
  const size_t docs = a.documents();
  Sketches out;
  out.offsets.resize(docs + 1);
  out.head_offsets.resize(docs + 1);
  out.limits = a.limits;
  // In the work buffer: the sketch hashes, then the heads. They fit: the
  // sketch hashes are items, and so are the head hashes above their
  // limits; those at or below it are in the sketch too (it holds every
  // hash up to its limit), so there are no more of them than sketch hashes.
  // 4 bytes each, for the items' 8.
  char* const base = reinterpret_cast<char*>(work_.get());
  const size_t head_base = a.offsets[docs];
  assert((head_base + a.head_offsets[docs]) * sizeof(uint32_t) <= work_words_ * sizeof(uint64_t));
  auto put = [base](size_t i, uint32_t value) {
    std::memcpy(base + i * sizeof value, &value, sizeof value);
  };
  // Locals: the compiler cannot tell that writes through `base` leave the
  // arrays and their vectors alone, and reloaded them for every hash.
  const uint32_t* const offsets = a.offsets.data();
  const uint32_t* const head_offsets = a.head_offsets.data();
  const uint8_t* const packed_hashes = a.hashes;
  const uint8_t* const packed_heads = a.heads;
  const uint64_t* const sketch_bits = boilerplate_sketch_.data();
  const uint64_t* const head_bits = boilerplate_heads_.data();
  auto test = [](const uint64_t* bits, size_t i) { return (bits[i >> 6] >> (i & 63)) & 1; };
  uint32_t* const new_offsets = out.offsets.data();
  uint32_t* const new_head_offsets = out.head_offsets.data();
  uint32_t* const new_limits = out.limits.data();
  size_t dropped_here = 0;
  uint32_t write = 0, head_write = 0;
  for (size_t d = 0; d < docs; ++d) {
    // Heads (sorted).
    new_head_offsets[d] = head_write;
    const uint32_t head_end = head_offsets[d + 1];
    for (uint32_t k = head_offsets[d]; k < head_end; ++k) {
      const uint32_t boilerplate = static_cast<uint32_t>(test(head_bits, k));
      put(head_base + head_write, ReadPacked(packed_heads + 3 * k));
      head_write += boilerplate ^ 1;
      dropped_here += boilerplate;
    }
    // The sketch, without branching on the bits: arithmetic, since the
    // compiler turned selects on them into branches.
    new_offsets[d] = write;
    const uint32_t end = offsets[d + 1];
    uint32_t kept = 0;
    uint32_t last_kept = 0;
    for (uint32_t i = offsets[d]; i < end; ++i) {
      const uint32_t boilerplate = static_cast<uint32_t>(test(sketch_bits, i));
      const uint32_t keep = boilerplate ^ 1;
      // One branch, taken once at most per document.
      if ((static_cast<uint32_t>(kept == sketch_size) & keep) != 0) {
        new_limits[d] = last_kept;  // complete up to the last kept
        break;
      }
      const uint32_t h = ReadPacked(packed_hashes + 3 * i);
      put(write, h);
      last_kept = (h & (0 - keep)) | (last_kept & (keep - 1));
      write += keep;
      kept += keep;
      dropped_here += boilerplate;
    }
  }
  out.offsets[docs] = write;
  out.head_offsets[docs] = head_write;
  out.hashes = reinterpret_cast<const uint32_t*>(base);
  out.heads = reinterpret_cast<const uint32_t*>(base) + head_base;
  *dropped += dropped_here;
  return out;
}

size_t HashGroups::bytes() const {
  return work_words_ * sizeof(uint64_t) + starts_.capacity() * sizeof(uint32_t) +
         (boilerplate_sketch_.capacity() + boilerplate_heads_.capacity() +
          boilerplate_values_.capacity() + boilerplate_blocks_.capacity()) *
             sizeof(uint64_t) +
         copied_.capacity() + content_.capacity();
}

}  // namespace parallax::dedup_internal
