// The clusterer's inverted index entries, and the walk over them that
// scores an article against the indexed members.
#ifndef PARALLAX_CLUSTER_POSTINGS_H_
#define PARALLAX_CLUSTER_POSTINGS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parallax/cluster.h"

namespace parallax::cluster_internal {

struct Posting {
  uint32_t member;
  float weight;
};

// A term's document frequency and its postings, in the order the members
// were added. Once the list is full it is a ring: `oldest` is where the
// next posting goes and the oldest one is.
struct TermEntry {
  uint64_t term = 0;
  uint32_t df = 0;
  uint32_t oldest = 0;
  std::vector<Posting> postings;
  // The term's idf factor as last computed, and the counts it was computed
  // from: a batch counted up front computes each term's once.
  double idf = 0;
  uint64_t idf_documents = ~uint64_t{0};
  uint32_t idf_df = 0;
};

// Appends a posting; a list of `max_postings` drops its oldest for it.
void AddPosting(TermEntry& entry, Posting posting, size_t max_postings);

struct ScoredMember {
  uint32_t member;
  float dot;  // dot product of its vector with the article's
};

// Adds `met` to `neighbours`; a list of `max_size` first drops all but
// its closest max_size / 2 (highest dot; ties to the lower member), so the
// closest max_size / 2 of all ever added are always kept.
void KeepClosest(std::vector<ScoredMember>& neighbours, ScoredMember met, size_t max_size);

// Scores articles against the indexed members, keeping dot products and
// the list of members touched from one article to the next.
class MemberScorer {
 public:
  // The members whose dot product with the article is `floor` or more go
  // to strong(), in the order first met. The article's terms are `weights`
  // (a unit vector) with their index entries `entries`. `members`: how
  // many are indexed.
  void Score(const std::vector<TermEntry>& index, const std::vector<TermWeight>& weights,
             const std::vector<uint32_t>& entries, uint32_t members, float floor);

  const std::vector<ScoredMember>& strong() const { return strong_; }

 private:
  std::vector<float> dots_;  // by member; 0 = not touched (weights are positive)
  std::vector<uint32_t> touched_;
  std::vector<ScoredMember> strong_;
};

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_POSTINGS_H_
