// The clusterer's inverted index entries and the walk over them that
// scores an article against the indexed members, which can be split by
// member between the caller and a helper thread.
#ifndef PARALLAX_CLUSTER_POSTINGS_H_
#define PARALLAX_CLUSTER_POSTINGS_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "parallax/cluster.h"

namespace parallax::cluster_internal {

struct Posting {
  uint32_t member;
  float weight;
};

// Where the walk is split between two scorers: members before `member`
// and the rest. `version` changes with it.
struct SplitPoint {
  uint32_t member = 0;
  uint32_t version = 1;
};

// A term's document frequency and its postings, in the order the members
// were added (member ids ascending). Once the list is full it is a ring:
// `oldest` is where the next posting goes and the oldest one is.
struct TermEntry {
  uint64_t term = 0;
  uint32_t df = 0;
  uint32_t oldest = 0;
  std::vector<Posting> postings;
  // How many postings (from the oldest) are of members before the split,
  // when split_version is the split's: kept up to date as postings come
  // and go, so scorers need no search.
  uint32_t split_version = 0;
  uint32_t before_split = 0;
  // The term's idf factor as last computed, and the counts it was computed
  // from: a batch counted up front computes each term's once.
  double idf = 0;
  uint64_t idf_documents = ~uint64_t{0};
  uint32_t idf_df = 0;
};

// Appends the posting of a member added after all others (and after the
// split); a list of `max_postings` drops its oldest for it.
void AddPosting(TermEntry& entry, Posting posting, size_t max_postings, const SplitPoint& split);

// Brings entry.before_split up to date with `split`.
void LocateSplit(TermEntry& entry, const SplitPoint& split);

// Which postings of each term a scorer walks.
enum class MemberRange { kAll, kBeforeSplit, kFromSplit };

struct ScoredMember {
  uint32_t member;
  float dot;  // dot product of its vector with the article's
};

// Adds `met` to `neighbours`; a list then longer than `max_size` is cut to
// its closest max_size / 2 (highest dot; ties to the lower member). So the
// closest max_size / 2 of all ever added are always kept, and what a list
// holds depends on what was added, in the order of the calls, never on the
// order within one call (a batch's order depends on how the walk was split).
void KeepClosest(std::vector<ScoredMember>& neighbours, ScoredMember met, size_t max_size);
void KeepClosest(std::vector<ScoredMember>& neighbours, const std::vector<ScoredMember>& met,
                 size_t max_size);

// Scores an article against the indexed members of a range: one scorer
// per thread, each with dot products of its own, so that no cache line
// moves between processors while they walk.
class MemberScorer {
 public:
  // The members of `range` (split where the entries' before_split says,
  // which LocateSplit has made current) whose dot product with the article
  // is `floor` or more go to strong(), in no particular order. The
  // article's terms are `weights` (unit vector) with their index entries
  // `entries`; terms are taken in that order, so a member's sum is the
  // same however the members are split between scorers. `members`: how
  // many there are. Returns the postings walked.
  size_t Score(const std::vector<TermEntry>& index, const TermWeight* weights,
               const uint32_t* entries, size_t terms, MemberRange range, uint32_t members,
               float floor);

  const std::vector<ScoredMember>& strong() const { return strong_; }

 private:
  std::vector<float> dots_;  // by member; 0 = not touched (weights are positive)
  std::vector<uint32_t> touched_;
  size_t touched_count_ = 0;  // of the last article, whose dots are reset next
  std::vector<ScoredMember> strong_;
};

// Scores the articles of a batch against all of its members at once, in
// any order and on any thread (one scorer per thread): `postings` holds,
// per term, every member's posting in member order, so the postings a
// term's ring held when a member was added are the `max_postings` before
// its place in the list. The dot products are those a MemberScorer would
// have found then, summed in the same order.
class BatchScorer {
 public:
  // The members whose dot product with the article (unit vector `weights`,
  // with index entries `entries`; places[i] is how many postings term i had
  // when it came) is `floor` or more, into `strong`, in no particular order.
  // `members`: how many came before it.
  void Score(const std::vector<std::vector<Posting>>& postings, const TermWeight* weights,
             const uint32_t* entries, const uint32_t* places, size_t terms, uint32_t members,
             size_t max_postings, float floor, std::vector<ScoredMember>& strong);

 private:
  std::vector<float> dots_;  // by member, 0 between calls
  std::vector<uint32_t> touched_;
};

// A second thread that runs one task at a time while the caller does its
// own share. Between tasks it spins a little (articles come every few
// microseconds in a batch) and then sleeps until the next one.
class HelperThread {
 public:
  // Throws std::system_error when no thread can be started.
  HelperThread();
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  // Starts `task` (which must outlive the call to Wait) on the helper.
  template <typename Task>
  void Run(Task& task) {
    task_ = &task;
    invoke_ = [](void* t) { (*static_cast<Task*>(t))(); };
    Post();
  }
  // Returns once the task Run started has finished.
  void Wait();

 private:
  void Post();
  void Loop();

  void* task_ = nullptr;
  void (*invoke_)(void*) = nullptr;
  std::atomic<uint64_t> posted_{0};
  std::atomic<uint64_t> done_{0};
  std::atomic<bool> sleeping_{false};
  bool stop_ = false;  // read by the helper after a post
  std::thread thread_;
};

// Scores articles against the index: on the calling thread, or with
// ClusterOptions::threads of 2 or more on it and a helper thread, which
// takes the members before a split while the caller takes the rest. The
// split moves now and then so that both take about as long. What it finds
// does not depend on the split.
class IndexScorer {
 public:
  // Without a helper when `threads` < 2 or the system allows no thread.
  explicit IndexScorer(unsigned threads);

  // The members (of `members`) whose dot product with the article is
  // `floor` or more, into `strong`, in no particular order. The article's
  // unit vector is `weights`, and entries[i] is the index entry of
  // weights[i]. Brings the entries it reads up to date with the split.
  void Score(std::vector<TermEntry>& index, const std::vector<TermWeight>& weights,
             const std::vector<uint32_t>& entries, uint32_t members, float floor,
             std::vector<ScoredMember>& strong);

  // Where the members are split (AddPosting keeps the entries' counts).
  const SplitPoint& split() const { return split_; }

 private:
  void Rebalance(uint32_t members);

  MemberScorer own_;
  MemberScorer helpers_;
  std::unique_ptr<HelperThread> helper_;
  SplitPoint split_;
  double split_share_ = 0.5;  // of the members, before the split
  // Time each scorer took since the split last moved.
  std::chrono::steady_clock::duration own_time_{}, helper_time_{};
  uint32_t articles_since_split_ = 0;
};

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_POSTINGS_H_
