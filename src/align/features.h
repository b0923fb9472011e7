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

// Word stem -> its concept feature ("C:meeting") from data/concepts.tsv:
// "summit", "talks" and "meeting" are one feature.
const std::unordered_map<std::string, std::string>& ConceptOfStem();

// features[d][s]: the weighted features of sentence s of document d.
// `entity_of[d][local]` maps local entities to Comparison::entities.
// UnweighedSentenceFeatures then WeighByRarity with no prior.
std::vector<std::vector<FeatureVector>> SentenceFeatures(
    const std::vector<AnalyzedArticle>& docs, const std::vector<std::vector<int>>& entity_of);

// The features with their kind's weight only (entities and numbers more,
// quoted words less), before WeighByRarity.
std::vector<std::vector<FeatureVector>> UnweighedSentenceFeatures(
    const std::vector<AnalyzedArticle>& docs, const std::vector<std::vector<int>>& entity_of);

// Rarity counted as if the documents held `sentences` more sentences, each
// feature used in `uses` of them. Without a prior, the rarity of a feature
// in two one-line reports is degenerate: a shared word weighs less than a
// word only one of them uses.
struct RarityPrior {
  double sentences = 0;
  double uses = 0;
};

// Multiplies each feature by log(n / (df + 0.5)), its inverse sentence
// frequency over all of `features` (n sentences + 1, df sentences using
// it), each side raised by the prior.
void WeighByRarity(std::vector<std::vector<FeatureVector>>& features, RarityPrior prior);

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
