// KeepStrongest and MeanOfClosest: see crowding.h.
#include "cluster/crowding.h"

#include <algorithm>

namespace parallax::cluster_internal {

namespace {

// KeepStrongest's buffer, reused: one clusterer per thread.
std::vector<ScoredMember>& CutBucketScratch() {
  thread_local std::vector<ScoredMember> scratch;
  return scratch;
}

}  // namespace

void KeepStrongest(std::vector<ScoredMember>& scored, size_t max_size) {
  if (scored.size() <= max_size) return;
  auto stronger = [](const ScoredMember& a, const ScoredMember& b) {
    return a.dot != b.dot ? a.dot > b.dot : a.member < b.member;
  };
  // A histogram of the dot products finds the bucket the cut falls in; only
  // that bucket is ordered. nth_element over all of them (some 500 for a
  // lead on the bench) was a tenth of a whole clustering run.
  constexpr int kBuckets = 64;
  auto bucket = [](float dot) { return std::clamp(static_cast<int>(dot * kBuckets), 0, kBuckets - 1); };
  size_t counts[kBuckets] = {};
  for (const ScoredMember& s : scored) ++counts[bucket(s.dot)];
  int cut = kBuckets - 1;
  size_t above = 0;  // in buckets over `cut`
  while (above + counts[cut] < max_size) above += counts[cut--];
  // Those over the cut bucket move to the front, in place; the cut
  // bucket's wait aside, and its strongest fill the rest.
  std::vector<ScoredMember>& aside = CutBucketScratch();
  aside.clear();
  size_t kept = 0;
  for (const ScoredMember& s : scored) {
    const int b = bucket(s.dot);
    if (b > cut) {
      scored[kept++] = s;
    } else if (b == cut) {
      aside.push_back(s);
    }
  }
  const size_t wanted = max_size - kept;
  std::nth_element(aside.begin(), aside.begin() + static_cast<std::ptrdiff_t>(wanted), aside.end(),
                   stronger);
  std::copy(aside.begin(), aside.begin() + static_cast<std::ptrdiff_t>(wanted),
            scored.begin() + static_cast<std::ptrdiff_t>(kept));
  scored.resize(max_size);
}

std::vector<float> MeanOfClosest(const std::vector<ScoredMember>& recorded,
                                 const std::vector<size_t>& starts, uint32_t first,
                                 size_t neighbours, float floor,
                                 const std::function<float(uint32_t)>& inverse_count) {
  const size_t articles = starts.empty() ? 0 : starts.size() - 1;
  if (neighbours == 0) return std::vector<float>(articles, 0.0f);
  // Each article's `neighbours` highest similarities so far, unordered.
  std::vector<float> closest(articles * neighbours, 0.0f);
  auto offer = [&](size_t article, float sim) {
    float* slots = closest.data() + article * neighbours;
    float* lowest = std::min_element(slots, slots + neighbours);
    if (sim > *lowest) *lowest = sim;
  };
  for (size_t k = 0; k < articles; ++k) {
    for (size_t i = starts[k]; i < starts[k + 1]; ++i) {
      const ScoredMember& met = recorded[i];
      const float sim = met.dot * inverse_count(met.member);
      if (sim < floor) continue;
      offer(k, sim);
      if (met.member >= first) offer(met.member - first, sim);
    }
  }
  std::vector<float> mean(articles);
  for (size_t k = 0; k < articles; ++k) {
    float sum = 0;
    for (size_t j = 0; j < neighbours; ++j) sum += closest[k * neighbours + j];
    mean[k] = sum / static_cast<float>(neighbours);
  }
  return mean;
}

}  // namespace parallax::cluster_internal
