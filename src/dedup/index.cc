// The near-duplicate index: signatures in, scored pairs out.
//
// FindPairs works on the whole corpus at once:
//   1. groups equal hashes (HashGroups); one held by more than kMaxCopies
//      documents is boilerplate (a footer, a dateline, a stock phrase) and
//      is dropped from the sketches and heads -- except that documents made
//      mostly of such hashes (a story many outlets print) keep a whole copy
//      of their sketches (copied.cc);
//   2. finds the pairs of documents sharing kMinSharedHashes hashes, each
//      among the smallest kAnchorHashes of one of the two, and the pairs of
//      widely copied documents whose smallest hashes agree;
//   3. scores each candidate from the two sketches (see dedup.h), whole
//      ones for two widely copied documents that start alike;
//   4. scores a pair below the threshold through a third document both
//      members pair with.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "dedup/internal.h"
#include "parallax/dedup.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {

namespace {

// A shingle in more documents than this is boilerplate, not evidence of
// copying. A story and its copies are at most 9 documents on the benchmark;
// 20 kept recall 0.956 at precision 0.992, 12 and 30 within 0.004 of it.
constexpr uint32_t kMaxCopies = 20;

// Hashes a finished sketch keeps per document (see kSignatureHashes).
constexpr size_t kSketchHashes = 64;

// Documents sharing fewer anchors than this are not scored, anchors being
// the smallest kAnchorHashes of each sketch (a hash counts when it is an
// anchor of either document). On the benchmark, 3 of 16 cut the pairs to
// score from 1.1 million (any shared hash) to 43,000 and lost no reported
// pair; 8 anchors lost 0.01 recall, 3 of all 64 hashes gave 67,000 pairs to
// score for the same result.
constexpr uint32_t kMinSharedHashes = 3;
constexpr uint32_t kAnchorHashes = 16;

// The containment score needs the shared part to be a real share of the
// larger text (coverage) and to include its start (head). Without them,
// short stories quoted inside longer ones (the benchmark's copies have
// sentences from other stories inserted) scored as copies: with every
// shingle kept and no third-document rule, containment alone never reached
// 0.99 precision, and with the coverage gate alone recall at 0.99 precision
// was 0.90 (0.94 with the head gate too). Both at 0.1, because a copy cut to
// a few sentences still covers a tenth of the original and matches a few of
// its first 16 shingles: a head gate of 0.2 lost 0.004 recall, a coverage
// gate of 0.2 lost 0.001.
constexpr double kMinCoverage = 0.1;
constexpr double kMinHeadShare = 0.1;
// With no head hash to test (all above the other text's limit), the gate
// neither passes nor blocks on its own: this sits above kMinHeadShare.
constexpr double kUnknownHeadShare = 0.5;
// Two widely copied texts (see CopiedCandidates) count as copies of one
// story when they share this share of their first 16 shingles: a dateline
// or a byline changes three or four of them.
constexpr double kMinCopiedHeadShare = 0.5;

// Candidates a scoring thread takes at the least (DedupOptions::threads):
// scoring one takes about 100 ns, so below this starting a thread costs
// more than it saves.
constexpr size_t kMinCandidatesPerThread = 16384;

// A pair scored through a third document must still share this much of the
// smaller text directly, so that a wrong link to the third cannot pull in
// unrelated documents. Between 0.1 and 0.2 recall and precision moved by
// less than 0.001; 0.15 is the middle.
constexpr double kMinSupportedContainment = 0.15;

// Candidates ahead whose sketches are requested from memory while one is
// scored: enough to cover the latency of a random read (about 150 ns) with
// the ~100 ns a score takes.
constexpr size_t kPrefetchDistance = 4;

// The index stores each 24-bit hash in 3 bytes, little-endian.
constexpr size_t kPackedBytes = 3;
static_assert(kShingleHashBits <= 8 * kPackedBytes);

// Appends n values to `out`, 3 bytes each, and keeps a byte after the
// last for ReadPacked, which reads 4. On a little-endian machine each value
// is written as 4 bytes too (byte by byte was twice as slow): its top byte,
// 0, lands where the next value goes, or in that last byte.
void Pack(const uint32_t* values, size_t n, std::vector<uint8_t>& out) {
  if (out.empty()) out.push_back(0);
  const size_t at = out.size() - 1;  // the last byte is written over
  out.resize(at + n * kPackedBytes + 1);
  uint8_t* p = out.data() + at;
  for (size_t i = 0; i < n; ++i, p += kPackedBytes) {
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(p, &values[i], sizeof(uint32_t));
    } else {
      p[0] = static_cast<uint8_t>(values[i]);
      p[1] = static_cast<uint8_t>(values[i] >> 8);
      p[2] = static_cast<uint8_t>(values[i] >> 16);
    }
  }
}

// One document's finished sketch: sorted content hashes and their limit.
struct Sketch {
  const uint32_t* hashes;
  uint32_t size;
  uint32_t limit;
  const uint32_t* head;
  uint32_t head_size;
};

// Sketch `i` of arrays laid out as PackedSketches are (hashes, offsets,
// heads, head_offsets, limits), 4 bytes a hash: those being paired, or
// CopiedSketches.
Sketch SketchOf(const uint32_t* hashes, const uint32_t* heads, const std::vector<uint32_t>& offsets,
                const std::vector<uint32_t>& head_offsets, const std::vector<uint32_t>& limits,
                uint32_t i) {
  return Sketch{hashes + offsets[i], offsets[i + 1] - offsets[i], limits[i],
                heads + head_offsets[i], head_offsets[i + 1] - head_offsets[i]};
}

// Number of hashes <= limit in a sorted array: a binary search whose steps
// depend only on `size`, each a conditional move (std::upper_bound
// branches on every comparison, and half of them mispredict).
uint32_t CountUpTo(const uint32_t* hashes, uint32_t size, uint32_t limit) {
  if (size == 0) return 0;
  const uint32_t* base = hashes;
  uint32_t length = size;
  while (length > 1) {
    const uint32_t half = length / 2;
    base = base[half - 1] <= limit ? base + half : base;
    length -= half;
  }
  return static_cast<uint32_t>(base - hashes) + (*base <= limit ? 1 : 0);
}

#if defined(__SSE2__)
// Lanes of `a` equal to some lane of `b`: `a` against `b` in its four
// rotations.
inline __m128i EqualAnywhere(__m128i a, __m128i b) {
  return _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi32(a, b),
                   _mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(0, 3, 2, 1)))),
      _mm_or_si128(_mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(1, 0, 3, 2))),
                   _mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(2, 1, 0, 3)))));
}
#endif

// Values common to two sorted arrays of distinct values. With SSE2, a block
// of one is compared with the other's current block whole, and the block
// with the smaller last value moves on (no later block of the other can
// hold its values). Blocks of eight, then four: each step waits for the
// last one's loads, so fewer, wider steps finish sooner (the compares are
// independent of each other): scoring the near-duplicate bench's 45,000
// candidates went from 11.6 to 10.3 ms; blocks of sixteen took 11.6.
// Scoring a candidate is mostly this; the scalar merge branches on every
// step.
uint32_t Intersect(const uint32_t* a, uint32_t na, const uint32_t* b, uint32_t nb) {
  uint32_t i = 0, j = 0, shared = 0;
#if defined(__SSE2__)
  // Bits set in a 4-bit mask: std::popcount is a library call on x86-64
  // without POPCNT, which the portable build cannot assume.
  constexpr uint8_t kBitsSet[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
  auto count = [&](__m128i equal) { return kBitsSet[_mm_movemask_ps(_mm_castsi128_ps(equal))]; };
  while (i + 8 <= na && j + 8 <= nb) {
    const __m128i a0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
    const __m128i a1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i + 4));
    const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + j));
    const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + j + 4));
    shared += count(_mm_or_si128(EqualAnywhere(a0, b0), EqualAnywhere(a0, b1))) +
              count(_mm_or_si128(EqualAnywhere(a1, b0), EqualAnywhere(a1, b1)));
    const uint32_t last_a = a[i + 7], last_b = b[j + 7];
    i += last_a <= last_b ? 8 : 0;
    j += last_b <= last_a ? 8 : 0;
  }
  while (i + 4 <= na && j + 4 <= nb) {
    const __m128i va = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
    const __m128i vb = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + j));
    shared += count(EqualAnywhere(va, vb));
    const uint32_t last_a = a[i + 3], last_b = b[j + 3];
    i += last_a <= last_b ? 4 : 0;
    j += last_b <= last_a ? 4 : 0;
  }
#endif
  while (i < na && j < nb) {
    const uint32_t x = a[i], y = b[j];
    shared += x == y;
    i += x <= y;
    j += y <= x;
  }
  return shared;
}

// Share of `larger`'s head hashes, among those `smaller` could show (at or
// below its limit), that `smaller` has. Both arrays are sorted.
double HeadShare(const Sketch& larger, const Sketch& smaller) {
  const uint32_t testable = CountUpTo(larger.head, larger.head_size, smaller.limit);
  if (testable == 0) return kUnknownHeadShare;
  return static_cast<double>(Intersect(larger.head, testable, smaller.hashes, smaller.size)) /
         testable;
}

// Whether two texts start alike, by their first shingles: copies of one
// story do, texts that share an outlet's long footer do not. Two copied
// documents are compared on their whole sketches only then.
bool SameStart(const Sketch& a, const Sketch& b) {
  const uint32_t fewer = std::min(a.head_size, b.head_size);
  if (fewer == 0) return false;
  return Intersect(a.head, a.head_size, b.head, b.head_size) >= kMinCopiedHeadShare * fewer;
}

struct Scored {
  uint32_t first, second;
  double score;        // direct score
  double containment;  // estimated share of the smaller text in the larger
};

Scored ScorePair(uint32_t first, uint32_t second, const Sketch& a, const Sketch& b,
                 double threshold) {
  Scored s{first, second, 0.0, 0.0};
  // Both sketches hold every hash up to their limit: below the smaller limit
  // they are samples of the same hash range, hence comparable.
  const uint32_t limit = std::min(a.limit, b.limit);
  const uint32_t na = CountUpTo(a.hashes, a.size, limit);
  const uint32_t nb = CountUpTo(b.hashes, b.size, limit);
  if (na == 0 || nb == 0) return s;
  const uint32_t shared = Intersect(a.hashes, na, b.hashes, nb);
  const uint32_t small = std::min(na, nb), large = std::max(na, nb);
  const double containment = static_cast<double>(shared) / small;
  const double coverage = static_cast<double>(shared) / large;
  const double jaccard = static_cast<double>(shared) / (na + nb - shared);
  s.containment = containment;
  s.score = jaccard;
  // The head decides only when containment would make a difference.
  if (coverage < kMinCoverage || containment <= jaccard ||
      containment < std::min(threshold, kMinSupportedContainment)) {
    return s;
  }
  double head;
  if (na == nb) {
    head = std::max(HeadShare(a, b), HeadShare(b, a));
  } else {
    head = na > nb ? HeadShare(a, b) : HeadShare(b, a);
  }
  if (head >= kMinHeadShare) s.score = containment;
  return s;
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(DedupOptions options)
    : options_(options),
      offsets_{0},
      head_offsets_{0},
      part_counts_(size_t{1} << dedup_internal::kMaxPartitionBits, 0) {}

uint32_t NearDuplicateIndex::Add(std::string_view text) {
  ShingleSignature signature;
  builder_.Compute(text, &signature);
  return Add(signature);
}

uint32_t NearDuplicateIndex::Add(const ShingleSignature& signature) {
  const uint32_t number = static_cast<uint32_t>(size());
  assert(number < kMaxDocuments && "NearDuplicateIndex is full");
  Pack(signature.smallest.data(), signature.size, hashes_);
  offsets_.push_back(offsets_.back() + signature.size);
  for (uint32_t i = 0; i < signature.size; ++i) {
    ++part_counts_[dedup_internal::FinestPart(signature.smallest[i])];
  }
  // Heads are kept sorted, as sketches are: HashGroups and the scoring
  // compare them by merging. Each hash goes to its rank (ties by position),
  // found by comparisons without branches: an insertion sort mispredicted
  // on about every other move.
  std::array<uint32_t, kHeadHashes> head;
  const uint32_t head_size = std::min<uint32_t>(signature.head_size, kHeadHashes);
  for (uint32_t i = 0; i < head_size; ++i) {
    const uint32_t h = signature.head[i];
    uint32_t rank = 0;
    for (uint32_t j = 0; j < head_size; ++j) {
      const uint32_t other = signature.head[j];
      rank += static_cast<uint32_t>(other < h) | static_cast<uint32_t>(other == h && j < i);
    }
    head[rank] = h;
    part_counts_[dedup_internal::FinestPart(h)] +=
        dedup_internal::GroupedAsHead(h, signature.limit) ? 1 : 0;
  }
  Pack(head.data(), head_size, heads_);
  head_offsets_.push_back(head_offsets_.back() + head_size);
  limits_.push_back(signature.limit);
  return number;
}

void NearDuplicateIndex::Reserve(size_t documents) {
  hashes_.reserve(documents * kSignatureHashes * kPackedBytes);
  offsets_.reserve(documents + 1);
  heads_.reserve(documents * kHeadHashes * kPackedBytes);
  head_offsets_.reserve(documents + 1);
  limits_.reserve(documents);
}

size_t NearDuplicateIndex::MemoryBytes() const {
  return hashes_.size() + heads_.size() +
         (offsets_.size() + head_offsets_.size() + limits_.size() + part_counts_.size()) *
             sizeof(uint32_t);
}

std::vector<DuplicatePair> NearDuplicateIndex::FindPairs(DedupStats* stats) const {
  const uint32_t docs = static_cast<uint32_t>(size());
  const size_t index_bytes = MemoryBytes();
  const dedup_internal::PackedSketches packed{hashes_.data(), heads_.data(), offsets_,
                                              head_offsets_,  limits_,       part_counts_.data()};
  // 1. Boilerplate.
  std::optional<dedup_internal::HashGroups> groups(std::in_place, packed, kMaxCopies,
                                                   kAnchorHashes);
  // Widely copied documents keep their whole sketches for scoring each
  // other: dropping the hashes every copy shares leaves a few stragglers.
  const dedup_internal::CopiedSketches copied = dedup_internal::KeepCopiedSketches(*groups, packed);

  // 2. Candidates, then the sketches to score them on (in the memory the
  // candidates were found in).
  std::vector<uint64_t> candidates = groups->Candidates(packed, kMinSharedHashes, kSketchHashes);
  if (!copied.documents.empty()) {
    const std::vector<uint64_t> more = dedup_internal::CopiedCandidates(copied);
    std::vector<uint64_t> all(candidates.size() + more.size());
    all.erase(
        std::set_union(candidates.begin(), candidates.end(), more.begin(), more.end(), all.begin()),
        all.end());
    candidates.swap(all);
  }
  size_t dropped = 0;
  const dedup_internal::Sketches sketches =
      groups->DropBoilerplate(packed, kSketchHashes, &dropped);

  // 3. Scores. Candidates come in order of their first document, so the
  // second's sketch is a random read: asked for a few candidates ahead.
  // With options_.threads, each thread scores a contiguous share of the
  // candidates into a list of its own, and the lists are joined in order:
  // the result is the same for any count.
  const double threshold = options_.threshold;
  auto sketch = [&](uint32_t d) {
    return SketchOf(sketches.hashes, sketches.heads, sketches.offsets, sketches.head_offsets,
                    sketches.limits, d);
  };
  auto whole_sketch = [&](uint32_t d) {
    return SketchOf(copied.hashes.data(), copied.heads.data(), copied.offsets, copied.head_offsets,
                    copied.limits, copied.index[d]);
  };
  auto score_range = [&](size_t begin, size_t end, std::vector<Scored>& out) {
    for (size_t c = begin; c < end; ++c) {
      if (c + kPrefetchDistance < end) {
        const uint32_t ahead = static_cast<uint32_t>(candidates[c + kPrefetchDistance]);
        const char* p = reinterpret_cast<const char*>(sketches.hashes + sketches.offsets[ahead]);
        const char* last =
            reinterpret_cast<const char*>(sketches.hashes + sketches.offsets[ahead + 1]);
        for (; p < last; p += 64) __builtin_prefetch(p);
        __builtin_prefetch(sketches.heads + sketches.head_offsets[ahead]);
        __builtin_prefetch(sketches.limits.data() + ahead);
      }
      const uint32_t a = static_cast<uint32_t>(candidates[c] >> 32);
      const uint32_t b = static_cast<uint32_t>(candidates[c]);
      Scored s;
      if (copied.has(a) && copied.has(b)) {
        const Sketch whole_a = whole_sketch(a), whole_b = whole_sketch(b);
        s = SameStart(whole_a, whole_b) ? ScorePair(a, b, whole_a, whole_b, threshold)
                                        : ScorePair(a, b, sketch(a), sketch(b), threshold);
      } else {
        s = ScorePair(a, b, sketch(a), sketch(b), threshold);
      }
      if (s.score >= threshold || s.containment >= kMinSupportedContainment) out.push_back(s);
    }
  };
  std::vector<Scored> scored;
  const size_t shares =
      std::min<size_t>(candidates.size() / kMinCandidatesPerThread, options_.threads);
  if (shares <= 1) {
    score_range(0, candidates.size(), scored);
  } else {
    std::vector<std::vector<Scored>> parts(shares);
    std::vector<std::thread> threads;
    std::mutex failure_mutex;
    std::exception_ptr failure;  // an allocation failing on a helper: rethrown here
    const size_t per = (candidates.size() + shares - 1) / shares;
    for (size_t t = 1; t < shares; ++t) {
      auto work = [&, t] {
        try {
          score_range(t * per, std::min(candidates.size(), (t + 1) * per), parts[t]);
        } catch (...) {
          std::lock_guard<std::mutex> lock(failure_mutex);
          failure = std::current_exception();
        }
      };
      try {
        threads.emplace_back(work);
      } catch (const std::system_error&) {
        work();  // the system allows no more threads: this one does it
      }
    }
    try {
      score_range(0, std::min(candidates.size(), per), parts[0]);
    } catch (...) {
      for (std::thread& t : threads) t.join();
      throw;
    }
    for (std::thread& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    for (const std::vector<Scored>& part : parts)
      scored.insert(scored.end(), part.begin(), part.end());
  }
  // The sketches are scored: the work buffer holding them goes.
  const size_t groups_peak = groups->peak_bytes();
  const size_t scoring_bytes = groups->bytes() +
                               (sketches.offsets.capacity() + sketches.head_offsets.capacity() +
                                sketches.limits.capacity()) *
                                   sizeof(uint32_t) +
                               candidates.size() * sizeof(uint64_t) +
                               scored.capacity() * sizeof(Scored);
  groups.reset();

  // 4. Pairs through a third document: `neighbors` lists, per document, the
  // documents it pairs with directly, in order, with the score.
  std::vector<uint32_t> degree(docs + 1, 0);
  for (const Scored& s : scored) {
    if (s.score >= threshold) {
      ++degree[s.first + 1];
      ++degree[s.second + 1];
    }
  }
  for (uint32_t d = 0; d < docs; ++d) degree[d + 1] += degree[d];
  std::vector<std::pair<uint32_t, double>> neighbors(degree[docs]);
  {
    std::vector<uint32_t> fill(degree.begin(), degree.end() - 1);
    for (const Scored& s : scored) {
      if (s.score < threshold) continue;
      neighbors[fill[s.first]++] = {s.second, s.score};
      neighbors[fill[s.second]++] = {s.first, s.score};
    }
  }
  for (uint32_t d = 0; d < docs; ++d) {
    std::sort(neighbors.begin() + degree[d], neighbors.begin() + degree[d + 1]);
  }
  // Candidates come sorted by (first, second), and so do the pairs.
  std::vector<DuplicatePair> pairs;
  size_t direct = 0, supported = 0;
  for (const Scored& s : scored) {
    double score = s.score;
    if (score >= threshold) {
      ++direct;
    } else {
      // The best third document, scored by the weaker of its two links.
      auto x = neighbors.begin() + degree[s.first], x_end = neighbors.begin() + degree[s.first + 1];
      auto y = neighbors.begin() + degree[s.second],
           y_end = neighbors.begin() + degree[s.second + 1];
      while (x != x_end && y != y_end) {
        if (x->first < y->first) {
          ++x;
        } else if (y->first < x->first) {
          ++y;
        } else {
          score = std::max(score, std::min(x->second, y->second));
          ++x;
          ++y;
        }
      }
      if (score < threshold) continue;
      ++supported;
    }
    pairs.push_back({s.first, s.second, score});
  }
  if (stats != nullptr) {
    stats->documents = docs;
    stats->boilerplate_dropped = dropped;
    stats->candidates = candidates.size();
    stats->direct_pairs = direct;
    stats->supported_pairs = supported;
    stats->index_bytes = index_bytes;
    const size_t copied_bytes =
        (copied.index.capacity() + copied.documents.capacity() + copied.hashes.capacity() +
         copied.offsets.capacity() + copied.heads.capacity() + copied.head_offsets.capacity() +
         copied.limits.capacity()) *
        sizeof(uint32_t);
    stats->peak_bytes =
        MemoryBytes() + copied_bytes +
        std::max({groups_peak, scoring_bytes,
                  candidates.size() * sizeof(uint64_t) + scored.capacity() * sizeof(Scored) +
                      neighbors.capacity() * sizeof(neighbors[0])});
  }
  return pairs;
}

std::vector<DuplicatePair> FindNearDuplicates(const std::vector<std::string_view>& texts,
                                              const DedupOptions& options) {
  NearDuplicateIndex index(options);
  for (const std::string_view text : texts) index.Add(text);
  return index.FindPairs();
}

}  // namespace parallax
