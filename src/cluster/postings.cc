// The upkeep of postings, MemberScorer, IndexScorer and HelperThread:
// see postings.h.
#include "cluster/postings.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <exception>
#include <system_error>

namespace parallax::cluster_internal {

namespace {

// How long an idle helper spins before it sleeps: a batch brings the next
// article within tens of microseconds, and waking a sleeping thread costs
// about as much as scoring one.
constexpr auto kHelperSpin = std::chrono::microseconds(200);
// How many times the caller spins on the helper's share before it yields
// the processor (the helper may have been descheduled).
constexpr unsigned kCallerSpins = 1u << 14;
// Below this many postings an article is scored on the calling thread:
// handing half of a short walk to the helper costs more than it saves.
// The clustering bench's leads walk 5,300 postings on average and the
// near-duplicate bench's full texts 19,000. `cluster --jobs 2`, against
// scoring every article on one thread (alternating runs): at 2,048 the
// leads took 1.23x as long and the full texts 0.94x; at 16,384, 1.01x and
// 0.92x (the split then takes 0.6% of the leads and 59% of the texts).
constexpr size_t kSplitPostings = 16384;
// The split moves after this many articles. Each move costs a search per
// term as articles meet the term again, so it moves seldom.
constexpr uint32_t kRebalanceEvery = 256;

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// The logical position (0 = oldest) of the first posting of `entry` whose
// member is `member` or later.
size_t FirstPostingFrom(const TermEntry& entry, uint32_t member) {
  const std::vector<Posting>& postings = entry.postings;
  const size_t n = postings.size();
  const size_t oldest = entry.oldest;
  auto at = [&](size_t logical) -> const Posting& {
    const size_t physical = oldest + logical;
    return postings[physical < n ? physical : physical - n];
  };
  if (n == 0 || at(0).member >= member) return 0;
  if (at(n - 1).member < member) return n;
  size_t low = 0, high = n;
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    if (at(mid).member < member) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

// Half the corpus may share a common word with the article, so whether a
// member is new is a coin toss: appending without a branch (always write,
// advance only for a new one) is what makes this loop fast.
size_t Walk(const Posting* p, const Posting* end, float weight, float* dots, uint32_t* touched,
            size_t count) {
  for (; p != end; ++p) {
    float& dot = dots[p->member];
    touched[count] = p->member;
    // Dots are sums of positive products, so "untouched" is exactly the
    // bits of +0: an integer test, without a float compare's NaN handling.
    count += std::bit_cast<uint32_t>(dot) == 0;
    dot += weight * p->weight;
  }
  return count;
}

// The `count` touched members whose dot is `floor` or more into `strong`
// (their dots zeroed with `reset`). Without a branch on the dot: at a low
// floor about half are kept, and the mispredictions were most of the time
// a branch took.
void CollectStrong(float* dots, const uint32_t* touched, size_t count, float floor, bool reset,
                   std::vector<ScoredMember>& strong) {
  strong.resize(count);
  size_t kept = 0;
  for (size_t t = 0; t < count; ++t) {
    const uint32_t m = touched[t];
    strong[kept] = {m, dots[m]};
    kept += dots[m] >= floor ? 1 : 0;
    if (reset) dots[m] = 0;
  }
  strong.resize(kept);
}

}  // namespace

void AddPosting(TermEntry& entry, Posting posting, size_t max_postings, const SplitPoint& split) {
  if (entry.postings.size() < max_postings) {
    entry.postings.push_back(posting);
    return;
  }
  Posting& oldest = entry.postings[entry.oldest];
  if (entry.split_version == split.version && oldest.member < split.member) --entry.before_split;
  oldest = posting;
  entry.oldest = static_cast<uint32_t>((entry.oldest + 1) % max_postings);
}

void LocateSplit(TermEntry& entry, const SplitPoint& split) {
  if (entry.split_version == split.version) return;
  entry.before_split = static_cast<uint32_t>(FirstPostingFrom(entry, split.member));
  entry.split_version = split.version;
}

namespace {

// Cuts a list longer than `max_size` to its closest max_size / 2 (highest
// dot; ties to the lower member): which ones stay depends on the set, not
// on the order it came in.
void CutToClosest(std::vector<ScoredMember>& neighbours, size_t max_size) {
  if (neighbours.size() <= max_size) return;
  auto closer = [](const ScoredMember& a, const ScoredMember& b) {
    return a.dot > b.dot || (a.dot == b.dot && a.member < b.member);
  };
  const size_t keep = max_size / 2;
  std::nth_element(neighbours.begin(), neighbours.begin() + keep, neighbours.end(), closer);
  neighbours.resize(keep);
}

}  // namespace

void KeepClosest(std::vector<ScoredMember>& neighbours, ScoredMember met, size_t max_size) {
  neighbours.push_back(met);
  CutToClosest(neighbours, max_size);
}

void KeepClosest(std::vector<ScoredMember>& neighbours, const std::vector<ScoredMember>& met,
                 size_t max_size) {
  neighbours.insert(neighbours.end(), met.begin(), met.end());
  CutToClosest(neighbours, max_size);
}

size_t MemberScorer::Score(const std::vector<TermEntry>& index, const TermWeight* weights,
                           const uint32_t* entries, size_t terms, MemberRange range,
                           uint32_t members, float floor) {
  // The last article's members kept their dots until the caller had read
  // strong().
  for (size_t t = 0; t < touched_count_; ++t) dots_[touched_[t]] = 0;
  touched_count_ = 0;
  if (dots_.size() < members) dots_.resize(members, 0);
  if (touched_.size() < members + size_t{1}) touched_.resize(members + size_t{1});
  float* dots = dots_.data();
  uint32_t* touched = touched_.data();
  size_t count = 0, walked = 0;
  for (size_t i = 0; i < terms; ++i) {
    const TermEntry& entry = index[entries[i]];
    const size_t n = entry.postings.size();
    const size_t begin = range == MemberRange::kFromSplit ? entry.before_split : 0;
    const size_t end = range == MemberRange::kBeforeSplit ? entry.before_split : n;
    if (begin >= end) continue;
    walked += end - begin;
    // Logical [begin, end) is at most two runs of the ring.
    const Posting* base = entry.postings.data();
    const size_t first = entry.oldest + begin, last = entry.oldest + end;
    const float w = weights[i].weight;
    if (first < n) count = Walk(base + first, base + std::min(last, n), w, dots, touched, count);
    if (last > n) count = Walk(base + (first > n ? first - n : 0), base + (last - n), w, dots, touched, count);
  }
  CollectStrong(dots, touched, count, floor, /*reset=*/false, strong_);
  touched_count_ = count;
  return walked;
}

void BatchScorer::Score(const std::vector<std::vector<Posting>>& postings,
                        const TermWeight* weights, const uint32_t* entries, const uint32_t* places,
                        size_t terms, uint32_t members, size_t max_postings, float floor,
                        std::vector<ScoredMember>& strong) {
  if (dots_.size() < members) dots_.resize(members, 0);
  if (touched_.size() < members + size_t{1}) touched_.resize(members + size_t{1});
  float* dots = dots_.data();
  uint32_t* touched = touched_.data();
  size_t count = 0;
  for (size_t i = 0; i < terms; ++i) {
    const Posting* end = postings[entries[i]].data() + places[i];
    count = Walk(end - std::min<size_t>(places[i], max_postings), end, weights[i].weight, dots,
                 touched, count);
  }
  CollectStrong(dots, touched, count, floor, /*reset=*/true, strong);
}

IndexScorer::IndexScorer(unsigned threads) {
  if (threads < 2) return;
  try {
    helper_ = std::make_unique<HelperThread>();
  } catch (const std::system_error&) {
    // The system allows no more threads (ulimit -u): score on one.
  }
}

void IndexScorer::Score(std::vector<TermEntry>& index, const std::vector<TermWeight>& weights,
                        const std::vector<uint32_t>& entries, uint32_t members, float floor,
                        std::vector<ScoredMember>& strong) {
  // Only worth knowing with a helper: it costs a look at every term's entry.
  auto short_walk = [&] {
    size_t postings = 0;
    for (const uint32_t e : entries) postings += index[e].postings.size();
    return postings < kSplitPostings;
  };
  if (helper_ == nullptr || short_walk()) {
    own_.Score(index, weights.data(), entries.data(), weights.size(), MemberRange::kAll, members,
               floor);
    strong = own_.strong();
    return;
  }
  if (split_.member == 0 || articles_since_split_ >= kRebalanceEvery) Rebalance(members);
  ++articles_since_split_;
  for (const uint32_t e : entries) LocateSplit(index[e], split_);
  // The helper takes the members before the split, the caller the rest:
  // the newest postings, which this thread has just written, are still in
  // its cache.
  using Clock = std::chrono::steady_clock;
  Clock::duration helped{};
  std::exception_ptr helper_failed;  // an allocation, say: rethrown here
  auto help = [&] {
    try {
      const Clock::time_point start = Clock::now();
      helpers_.Score(index, weights.data(), entries.data(), weights.size(),
                     MemberRange::kBeforeSplit, members, floor);
      helped = Clock::now() - start;
    } catch (...) {
      helper_failed = std::current_exception();
    }
  };
  helper_->Run(help);
  const Clock::time_point start = Clock::now();
  try {
    own_.Score(index, weights.data(), entries.data(), weights.size(), MemberRange::kFromSplit,
               members, floor);
  } catch (...) {
    helper_->Wait();  // `help` refers to this frame
    throw;
  }
  own_time_ += Clock::now() - start;
  helper_->Wait();
  if (helper_failed) std::rethrow_exception(helper_failed);
  helper_time_ += helped;
  strong = own_.strong();
  strong.insert(strong.end(), helpers_.strong().begin(), helpers_.strong().end());
}

// Moves the split so that both scorers take about as long. Recent members
// hold most postings (a full list drops its oldest), and the caller's
// cache also holds everything else the clusterer touches, so neither half
// the members nor half the postings is an even share.
void IndexScorer::Rebalance(uint32_t members) {
  const double own = std::chrono::duration<double>(own_time_).count();
  const double helper = std::chrono::duration<double>(helper_time_).count();
  if (own + helper > 0) {
    split_share_ += 0.5 * (own - helper) / (own + helper);
    split_share_ = std::clamp(split_share_, 0.02, 0.98);
  }
  split_.member = std::max<uint32_t>(1, static_cast<uint32_t>(split_share_ * members));
  ++split_.version;
  own_time_ = helper_time_ = {};
  articles_since_split_ = 0;
}

HelperThread::HelperThread() : thread_([this] { Loop(); }) {}

HelperThread::~HelperThread() {
  stop_ = true;
  Post();
  thread_.join();
}

void HelperThread::Post() {
  posted_.fetch_add(1, std::memory_order_seq_cst);
  // The helper sets sleeping_ before its last look at posted_ (both
  // sequentially consistent): either it sees this post or we see it asleep.
  if (sleeping_.load(std::memory_order_seq_cst)) posted_.notify_one();
}

void HelperThread::Wait() {
  const uint64_t target = posted_.load(std::memory_order_relaxed);
  for (unsigned spins = 0; done_.load(std::memory_order_acquire) != target; ++spins) {
    if (spins < kCallerSpins) {
      CpuRelax();
    } else {
      std::this_thread::yield();
    }
  }
}

void HelperThread::Loop() {
  uint64_t seen = 0;
  for (;;) {
    auto idle_since = std::chrono::steady_clock::now();
    for (unsigned spins = 1; posted_.load(std::memory_order_acquire) == seen; ++spins) {
      CpuRelax();
      if (spins % 256 != 0 || std::chrono::steady_clock::now() - idle_since < kHelperSpin) continue;
      sleeping_.store(true, std::memory_order_seq_cst);
      if (posted_.load(std::memory_order_seq_cst) == seen) posted_.wait(seen);
      sleeping_.store(false, std::memory_order_relaxed);
      idle_since = std::chrono::steady_clock::now();
    }
    seen = posted_.load(std::memory_order_acquire);
    if (stop_) return;
    invoke_(task_);
    done_.store(seen, std::memory_order_release);
  }
}

}  // namespace parallax::cluster_internal
