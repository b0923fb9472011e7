// Sentence features for alignment: weighted bags of stems, concepts,
// entities and numbers. Private to the align stage.
#ifndef PARALLAX_ALIGN_FEATURES_H_
#define PARALLAX_ALIGN_FEATURES_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/comparison.h"

namespace parallax {

using FeatureVector = std::unordered_map<std::string, double>;

// features[d][s]: the weighted features of sentence s of document d.
// `entity_of[d][local]` maps local entities to Comparison::entities.
std::vector<std::vector<FeatureVector>> SentenceFeatures(
    const std::vector<AnalyzedArticle>& docs, const std::vector<std::vector<int>>& entity_of);

double Cosine(const FeatureVector& a, const FeatureVector& b);
void AddInto(FeatureVector& sum, const FeatureVector& v);

// A feature vector with its keys replaced by small integers: what the
// all-pairs searches use, since hashing strings would dominate them.
struct SparseVector {
  std::vector<std::pair<uint32_t, double>> entries;  // sorted by id
  double norm = 0;                                   // Euclidean
};

// Gives each distinct feature key an id, 0, 1, 2... in order of first use.
class FeatureIds {
 public:
  SparseVector Intern(const FeatureVector& v);
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// Postings of sparse vectors: for each feature id, the vectors that use it
// (ascending) and the weight each gives it. Built once, read by the
// searches for similar pairs, whose cost is the sum of the products of
// postings lengths instead of the product of the numbers of vectors.
struct Postings {
  std::vector<uint32_t> begin;  // per feature id, an index into `vector`; size ids + 1
  std::vector<uint32_t> vector;
  std::vector<double> weight;
};
Postings BuildPostings(const std::vector<SparseVector>& vectors, size_t feature_count);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_FEATURES_H_
