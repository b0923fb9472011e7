// Widely copied documents: a story many outlets print has every shingle in
// more documents than HashGroups takes for a story's copies, so its hashes
// count as boilerplate. The copies are paired here, on their smallest
// hashes, and scored on their whole sketches (FindPairs).
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "dedup/internal.h"

namespace parallax::dedup_internal {

namespace {

// Each copied document is keyed by its smallest this many hashes, and two
// of them are candidates when they share kMinSharedKeys: copies of one
// text have nearly the same shingles, hence the same smallest hashes; a
// copy truncated to half still shares about 8 of its 16 with the whole.
// On the near-duplicate benchmark, 8 keys lost 0.001 recall (pairs of a
// copied text and a shorter copy), 16 lost none.
constexpr size_t kKeys = 16;
constexpr uint32_t kMinSharedKeys = 4;

// A key held by more copied documents than this pairs each of them with
// the first one only (the lowest-numbered), not with every other: a text
// printed a thousand times in one corpus, or a hostile input, would
// otherwise list a pair per two copies. The copies still come out as one
// group, through the first.
constexpr size_t kMaxKeyGroup = 1024;

// Pairs listed (before counting) at most this many per copied document,
// plus kPairBudgetFloor: the smallest groups list all their pairs first;
// once the budget is spent, the rest are paired through their first too.
constexpr size_t kPairBudgetPerDocument = 64;
constexpr size_t kPairBudgetFloor = size_t{1} << 20;

}  // namespace

CopiedSketches KeepCopiedSketches(const HashGroups& groups, const PackedSketches& a) {
  const uint32_t docs = static_cast<uint32_t>(a.documents());
  CopiedSketches copied;
  copied.index.assign(docs, CopiedSketches::kNone);
  for (uint32_t d = 0; d < docs; ++d) {
    if (!groups.copied(d)) continue;
    copied.index[d] = static_cast<uint32_t>(copied.documents.size());
    copied.documents.push_back(d);
    for (uint32_t i = a.offsets[d]; i < a.offsets[d + 1]; ++i) copied.hashes.push_back(a.hash(i));
    copied.offsets.push_back(static_cast<uint32_t>(copied.hashes.size()));
    const size_t head_begin = copied.heads.size();
    for (uint32_t i = a.head_offsets[d]; i < a.head_offsets[d + 1]; ++i) {
      copied.heads.push_back(a.head(i));
    }
    std::sort(copied.heads.begin() + static_cast<std::ptrdiff_t>(head_begin), copied.heads.end());
    copied.head_offsets.push_back(static_cast<uint32_t>(copied.heads.size()));
    copied.limits.push_back(a.limits[d]);
  }
  return copied;
}

std::vector<uint64_t> CopiedCandidates(const CopiedSketches& copied) {
  // (key << 32 | document), sorted: the documents holding each key.
  std::vector<uint64_t> keyed;
  for (size_t c = 0; c < copied.documents.size(); ++c) {
    const uint32_t begin = copied.offsets[c];
    const uint32_t end = std::min<uint32_t>(copied.offsets[c + 1], begin + kKeys);
    for (uint32_t i = begin; i < end; ++i) {
      keyed.push_back((uint64_t{copied.hashes[i]} << 32) | copied.documents[c]);
    }
  }
  std::sort(keyed.begin(), keyed.end());

  // The groups of two or more, smallest first while the budget lasts.
  std::vector<std::pair<size_t, size_t>> groups;  // (size, start)
  for (size_t b = 0; b < keyed.size();) {
    size_t e = b + 1;
    while (e < keyed.size() && keyed[e] >> 32 == keyed[b] >> 32) ++e;
    if (e - b >= 2) groups.emplace_back(e - b, b);
    b = e;
  }
  std::sort(groups.begin(), groups.end());
  const size_t budget = kPairBudgetFloor + kPairBudgetPerDocument * copied.documents.size();
  std::vector<uint64_t> listed;
  // Sorted by document within a key: first < second.
  auto pair = [&](size_t i, size_t j) {
    return (keyed[i] << 32) | static_cast<uint32_t>(keyed[j]);
  };
  for (const auto& [size, start] : groups) {
    const bool every_pair = size <= kMaxKeyGroup && listed.size() + size * (size - 1) / 2 <= budget;
    for (size_t i = start; i < start + size; ++i) {
      for (size_t j = i + 1; j < start + size; ++j) listed.push_back(pair(i, j));
      if (!every_pair) break;  // the first with each of the others
    }
  }
  std::sort(listed.begin(), listed.end());

  std::vector<uint64_t> candidates;
  for (size_t b = 0; b < listed.size();) {
    size_t e = b + 1;
    while (e < listed.size() && listed[e] == listed[b]) ++e;
    if (e - b >= kMinSharedKeys) candidates.push_back(listed[b]);
    b = e;
  }
  return candidates;
}

}  // namespace parallax::dedup_internal
