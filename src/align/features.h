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

}  // namespace parallax

#endif  // PARALLAX_ALIGN_FEATURES_H_
