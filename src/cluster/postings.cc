// AddPosting, KeepClosest and MemberScorer: see postings.h.
#include "cluster/postings.h"

#include <algorithm>
#include <bit>

namespace parallax::cluster_internal {

void AddPosting(TermEntry& entry, Posting posting, size_t max_postings) {
  if (entry.postings.size() < max_postings) {
    entry.postings.push_back(posting);
    return;
  }
  entry.postings[entry.oldest] = posting;
  entry.oldest = static_cast<uint32_t>((entry.oldest + 1) % max_postings);
}

void KeepClosest(std::vector<ScoredMember>& neighbours, ScoredMember met, size_t max_size) {
  if (neighbours.size() >= max_size) {
    auto closer = [](const ScoredMember& a, const ScoredMember& b) {
      return a.dot > b.dot || (a.dot == b.dot && a.member < b.member);
    };
    const size_t keep = max_size / 2;
    std::nth_element(neighbours.begin(), neighbours.begin() + keep, neighbours.end(), closer);
    neighbours.resize(keep);
  }
  neighbours.push_back(met);
}

void MemberScorer::Score(const std::vector<TermEntry>& index,
                         const std::vector<TermWeight>& weights,
                         const std::vector<uint32_t>& entries, uint32_t members, float floor) {
  // The last article's strong members kept their dots (the caller read
  // them from strong()); the others were reset as they were found weak.
  for (const ScoredMember& s : strong_) dots_[s.member] = 0;
  strong_.clear();
  if (dots_.size() < members) dots_.resize(members, 0);
  if (touched_.size() < members + size_t{1}) touched_.resize(members + size_t{1});
  float* dots = dots_.data();
  uint32_t* touched = touched_.data();
  size_t count = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const float w = weights[i].weight;
    // Half the corpus may share a common word with the article, so whether
    // a member is new is a coin toss: appending without a branch (always
    // write, advance only for a new one) is what makes this loop fast.
    for (const Posting& p : index[entries[i]].postings) {
      float& dot = dots[p.member];
      touched[count] = p.member;
      // Dots are sums of positive products, so "untouched" is exactly the
      // bits of +0: an integer test, without a float compare's NaN check.
      count += std::bit_cast<uint32_t>(dot) == 0;
      dot += w * p.weight;
    }
  }
  for (size_t t = 0; t < count; ++t) {
    const uint32_t m = touched[t];
    if (dots[m] < floor) {
      dots[m] = 0;
    } else {
      strong_.push_back({m, dots[m]});
    }
  }
}

}  // namespace parallax::cluster_internal
