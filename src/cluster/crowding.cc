// BatchNeighbours, KeepStrongest and MeanOfClosest: see crowding.h.
#include "cluster/crowding.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

namespace parallax::cluster_internal {

namespace {

// KeepStrongest's buffer, reused: one clusterer per thread.
std::vector<ScoredMember>& CutBucketScratch() {
  thread_local std::vector<ScoredMember> scratch;
  return scratch;
}

}  // namespace

void BatchNeighbours::Index(const std::vector<TermWeight>& weights,
                            const std::vector<uint32_t>& entries, float min_posting_weight) {
  const uint32_t article = static_cast<uint32_t>(places_start_.size() - 1);
  for (size_t i = 0; i < weights.size(); ++i) {
    std::vector<Posting>& list = postings_[entries[i]];
    places_.push_back(static_cast<uint32_t>(list.size()));
    if (weights[i].weight >= min_posting_weight) list.push_back({article, weights[i].weight});
  }
  places_start_.push_back(places_.size());
}

void BatchNeighbours::Score(const Vectorizer& vectorize, size_t max_postings, float floor,
                            size_t keep, unsigned threads, const Progress& progress) {
  constexpr size_t kBlock = 256;  // articles a thread takes at a time
  const size_t n = places_start_.size() - 1;
  // Article k's in slots [k * keep, + counts[k]); only what is filled is
  // touched.
  recorded_.assign(n * keep, ScoredMember{});
  std::vector<size_t> counts(n, 0);
  std::atomic<size_t> next{0};
  auto work = [&](bool reports) {
    BatchScorer scorer;
    std::vector<TermWeight> weights;
    std::vector<uint32_t> entries;
    std::vector<ScoredMember> strong;
    for (size_t first; (first = next.fetch_add(kBlock)) < n;) {
      for (size_t k = first; k < std::min(n, first + kBlock); ++k) {
        vectorize(k, weights, entries);
        scorer.Score(postings_, weights.data(), entries.data(), places_.data() + places_start_[k],
                     weights.size(), static_cast<uint32_t>(k), max_postings, floor, strong);
        KeepStrongest(strong, keep);
        std::copy(strong.begin(), strong.end(),
                  recorded_.begin() + static_cast<std::ptrdiff_t>(k * keep));
        counts[k] = strong.size();
      }
      if (reports && progress) progress(std::min(n, first + kBlock), n);
    }
  };
  std::thread helper;
  std::exception_ptr helper_failed;  // an allocation, say: rethrown here
  if (threads >= 2 && n >= 2 * kBlock) {
    try {
      helper = std::thread([&] {
        try {
          work(false);
        } catch (...) {
          helper_failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // The system allows no more threads (ulimit -u): score on one.
    }
  }
  std::exception_ptr failed;  // the helper must be joined before it leaves
  try {
    work(true);
  } catch (...) {
    failed = std::current_exception();
    next = n;  // the helper stops after its block
  }
  if (helper.joinable()) helper.join();
  if (failed) std::rethrow_exception(failed);
  if (helper_failed) std::rethrow_exception(helper_failed);
  std::vector<std::vector<Posting>>().swap(postings_);
  std::vector<uint32_t>().swap(places_);
  starts_.assign(n + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    std::copy_n(recorded_.begin() + static_cast<std::ptrdiff_t>(k * keep), counts[k],
                recorded_.begin() + static_cast<std::ptrdiff_t>(starts_[k]));
    starts_[k + 1] = starts_[k] + counts[k];
  }
}

void BatchNeighbours::Scale(const std::function<float(size_t k, const ScoredMember&)>& factor) {
  for (size_t k = 0; k + 1 < starts_.size(); ++k) {
    for (size_t i = starts_[k]; i < starts_[k + 1]; ++i) {
      recorded_[i].dot *= factor(k, recorded_[i]);
    }
  }
}

void BatchNeighbours::Filter(const std::function<bool(size_t k, const ScoredMember&)>& keep) {
  size_t kept = 0;
  for (size_t k = 0; k + 1 < starts_.size(); ++k) {
    const size_t first = kept;
    for (size_t i = starts_[k]; i < starts_[k + 1]; ++i) {
      if (keep(k, recorded_[i])) recorded_[kept++] = recorded_[i];
    }
    starts_[k] = first;
  }
  if (!starts_.empty()) starts_.back() = kept;
}

void KeepStrongest(std::vector<ScoredMember>& scored, size_t max_size) {
  if (scored.size() <= max_size) return;
  auto stronger = [](const ScoredMember& a, const ScoredMember& b) {
    return a.dot != b.dot ? a.dot > b.dot : a.member < b.member;
  };
  // A histogram of the dot products finds the bucket the cut falls in; only
  // that bucket is ordered. nth_element over all of them (some 500 for a
  // lead on the bench) was a tenth of a whole clustering run.
  constexpr int kBuckets = 64;
  auto bucket = [](float dot) {
    return std::clamp(static_cast<int>(dot * kBuckets), 0, kBuckets - 1);
  };
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
