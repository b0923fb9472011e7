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

namespace parallax::cluster_internal {

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
