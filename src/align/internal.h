// Shared between the files of the align stage; not part of the public API.
#ifndef PARALLAX_ALIGN_INTERNAL_H_
#define PARALLAX_ALIGN_INTERNAL_H_

#include <vector>

#include "align/features.h"
#include "parallax/comparison.h"

namespace parallax {

// Merges every document's local entities into comparison.entities.
// Returns entity_of[d][local] = index into comparison.entities.
std::vector<std::vector<int>> MergeEntities(Comparison& comparison);

// Marks body paragraphs that belong to another story (role kOffTopic).
void MarkOffTopic(Comparison& comparison, const std::vector<std::vector<FeatureVector>>& features);

// Groups sentences of all documents into facts. `features`: as
// UnweighedSentenceFeatures gives them (the facts weigh them their own way);
// `entity_of` as MergeEntities returns it.
void GroupFacts(Comparison& comparison, std::vector<std::vector<FeatureVector>> features,
                const std::vector<std::vector<int>>& entity_of);

// Quote ids, same_as links across documents, and voices per speaker.
void LinkQuotes(Comparison& comparison, const std::vector<std::vector<int>>& entity_of);

// Distinctive words used by two or more documents, not already paired up as
// a shared fact.
void FindSharedTerms(Comparison& comparison);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_INTERNAL_H_
