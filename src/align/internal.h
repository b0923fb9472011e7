// Shared between the files of the align stage; not part of the public API.
#ifndef PARALLAX_ALIGN_INTERNAL_H_
#define PARALLAX_ALIGN_INTERNAL_H_

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "align/features.h"
#include "parallax/comparison.h"

namespace parallax {

// The folded words of a name, without dots, the letters of an abbreviation
// as one word: "U.S." and "US" are both {"us"}.
std::vector<std::string> NameWords(const std::string& name);

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

// Stems of words too common in news prose to tie reports together
// (data/common_words.tsv) and of attribution verbs ("said", "told").
const std::set<std::string>& CommonStems();

// "Brazilian" is Brazil: the stem of a demonym -> the feature of its place
// ("E:<index>"), for the places the comparison names.
std::unordered_map<std::string, std::string> DemonymFeatures(const Comparison& comparison);

// Each document's headline as features in the keys of the body's sentence
// features (entities as "E:<index into comparison.entities>"), weighted by
// inverse frequency over all sentences and headlines.
std::vector<FeatureVector> HeadlineFeatures(const Comparison& comparison,
                                            const std::vector<std::vector<FeatureVector>>& features);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_INTERNAL_H_
