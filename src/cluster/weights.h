// Term weights: the idf factor, and an article's unit vector over the
// clusterer's term index.
#ifndef PARALLAX_CLUSTER_WEIGHTS_H_
#define PARALLAX_CLUSTER_WEIGHTS_H_

#include <cstdint>
#include <vector>

#include "cluster/postings.h"
#include "cluster/term_index.h"
#include "parallax/cluster.h"

namespace parallax::cluster_internal {

// sqrt(ln((documents + 1) / (df + 1)) + 1), never below 1 (a caller's
// frequencies may count a term in more articles than they count articles);
// thresholds.h says why the square root.
double IdfFactor(uint64_t documents, uint32_t df);

// The article's terms weighted by their entries' idf, scaled to length 1,
// into `vec`, with each term's index entry into `entries`. Terms not in
// `index`, and weights below `min_weight` once scaled, are left out. Reads
// only: each entry's idf must already be current.
void UnitVector(const ArticleTerms& terms, const TermIndex& index,
                const std::vector<TermEntry>& entries_by_index, float min_weight,
                std::vector<TermWeight>& vec, std::vector<uint32_t>& entries);

}  // namespace parallax::cluster_internal

#endif  // PARALLAX_CLUSTER_WEIGHTS_H_
