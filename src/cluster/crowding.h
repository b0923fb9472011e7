// The pieces of a batch's crowding correction (StoryClusterer::AddBatch):
// which similarities an article keeps between the batch's two passes, and
// how crowded each article's neighbourhood is.
#ifndef PARALLAX_CLUSTER_CROWDING_H_
#define PARALLAX_CLUSTER_CROWDING_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "cluster/postings.h"
#include "parallax/cluster.h"

namespace parallax::cluster_internal {

// A batch's similarities, each article's to the ones before it, as the
// clusterer's index (a ring of the most recent postings per term) would
// have given them with the articles added one by one; but found after all
// are indexed, on up to two threads, and each article's strongest kept.
class BatchNeighbours {
 public:
  using Vectorizer = std::function<void(size_t article, std::vector<TermWeight>& weights,
                                        std::vector<uint32_t>& entries)>;
  using Progress = std::function<void(size_t done, size_t total)>;

  // `terms`: how many index entries there are.
  explicit BatchNeighbours(size_t terms) : postings_(terms) {}

  // Indexes the next article: its unit vector `weights`, with the index
  // entry of each term; a term weighing less than `min_posting_weight` is
  // not posted (as AddMember does).
  void Index(const std::vector<TermWeight>& weights, const std::vector<uint32_t>& entries,
             float min_posting_weight);

  // Scores every indexed article against the ones before it, keeping the
  // `keep` strongest at `floor` or more, on `threads` threads (1 or 2).
  // `vectorize` must give article k's vector again as Index had it, from
  // any thread. The index is let go afterwards.
  void Score(const Vectorizer& vectorize, size_t max_postings, float floor, size_t keep,
             unsigned threads, const Progress& progress);

  // Article k's similarities (Score first).
  const ScoredMember* begin(size_t k) const { return recorded_.data() + starts_[k]; }
  const ScoredMember* end(size_t k) const { return recorded_.data() + starts_[k + 1]; }
  const std::vector<ScoredMember>& all() const { return recorded_; }
  const std::vector<size_t>& starts() const { return starts_; }

  // Multiplies each dot product by `factor(k, scored)` (which must be
  // positive: a zero dot product means "not scored").
  void Scale(const std::function<float(size_t k, const ScoredMember& scored)>& factor);

  // Keeps only the similarities `keep(k, scored)` is true of.
  void Filter(const std::function<bool(size_t k, const ScoredMember& scored)>& keep);

 private:
  std::vector<std::vector<Posting>> postings_;  // per term, in member order
  // Per article and term, how many postings the term had when the article
  // came: a binary search for it cost a cache miss per step in long lists.
  std::vector<uint32_t> places_;
  std::vector<size_t> places_start_ = {0};
  std::vector<ScoredMember> recorded_;
  std::vector<size_t> starts_;
};

// Cuts `scored` to its `max_size` highest dot products (ties to the lower
// member): the same members whatever order they came in, though not
// always in the same order.
void KeepStrongest(std::vector<ScoredMember>& scored, size_t max_size);

// Per article of a batch, the mean of its `neighbours` highest similarities
// to other articles (missing ones, and any below `floor`, count 0). Article k is member first + k;
// recorded[starts[k], starts[k + 1]) are its dot products with members
// before it, each also a similarity of that member when it is of the batch.
// A member's similarity is its dot product times inverse_count(member).
std::vector<float> MeanOfClosest(const std::vector<ScoredMember>& recorded,
                                 const std::vector<size_t>& starts, uint32_t first,
                                 size_t neighbours, float floor,
                                 const std::function<float(uint32_t)>& inverse_count);

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_CROWDING_H_
