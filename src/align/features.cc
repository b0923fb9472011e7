// Sentence features and their similarity.
//
// A sentence becomes a bag of features:
//   - content words as Snowball stems, or as their concept when data/concepts.tsv
//     groups them ("summit" and "talks" are both "meeting");
//   - entities, by their cross-document id, so "the PM" and "Sir Jane Doe" agree;
//   - numbers, as written.
// Each feature is weighted by its inverse sentence frequency over all the
// compared documents (words every sentence uses say little), entities and
// numbers count more (they pin a fact down), and words inside quote marks
// count less (they are the speaker's words, not the report's claim).
// Similarity is the cosine of two bags.
#include "align/features.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "parallax/analyze.h"
#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Entities and numbers identify a fact more surely than a common word.
constexpr double kEntityBoost = 1.5;
constexpr double kNumberBoost = 1.5;
// Quoted words are the speaker's; two reports can share a claim while
// quoting different passages around it.
constexpr double kQuotedWeight = 0.35;

}  // namespace

const std::unordered_map<std::string, std::string>& ConceptOfStem() {
  static const std::unordered_map<std::string, std::string> kConcepts = [] {
    std::unordered_map<std::string, std::string> map;
    for (const LexiconEntry& e : LoadLexicon("concepts.tsv")) {
      const std::string folded = FoldCase(e.term);
      if (folded.find(' ') == std::string::npos) map[Stem(folded)] = "C:" + e.category;
    }
    return map;
  }();
  return kConcepts;
}

std::vector<std::vector<FeatureVector>> UnweighedSentenceFeatures(
    const std::vector<AnalyzedArticle>& docs, const std::vector<std::vector<int>>& entity_of) {
  std::vector<std::vector<FeatureVector>> raw(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const AnalyzedArticle& doc = docs[d];
    raw[d].resize(doc.sentences.size());
    // Mentions by sentence, so each token looks only at its own sentence's.
    std::vector<std::vector<const Mention*>> mentions_of(doc.sentences.size());
    for (const Mention& m : doc.mentions) {
      if (m.sentence < mentions_of.size()) mentions_of[m.sentence].push_back(&m);
      if (m.entity < 0) continue;
      const int global = entity_of[d][m.entity];
      if (global >= 0) raw[d][m.sentence]["E:" + std::to_string(global)] = kEntityBoost;
    }
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const Sentence& sentence = doc.sentences[s];
      FeatureVector& v = raw[d][s];
      for (const Token& t : sentence.tokens) {
        if (t.kind == TokenKind::kPunct) continue;
        // Words of an entity mention are already counted as the entity.
        const bool in_mention = std::any_of(mentions_of[s].begin(), mentions_of[s].end(), [&](const Mention* m) {
          return m->span.begin <= t.begin && t.end <= m->span.end;
        });
        if (in_mention) continue;
        std::string key;
        double weight = 1.0;
        if (t.kind == TokenKind::kNumber) {
          key = "N:" + t.lower;
          weight = kNumberBoost;
        } else {
          if (IsStopword(t.lower) || t.lower.size() < 2) continue;
          auto it = ConceptOfStem().find(t.stem);
          key = it != ConceptOfStem().end() ? it->second : t.stem;
        }
        if (InsideQuotedSpan(doc, sentence.span.paragraph, t.begin, t.end)) weight *= kQuotedWeight;
        double& slot = v[key];
        slot = std::max(slot, weight);
      }
    }
  }
  return raw;
}

void WeighByRarity(std::vector<std::vector<FeatureVector>>& features, RarityPrior prior) {
  std::unordered_map<std::string, int> df;
  size_t sentence_count = 0;
  for (const auto& doc : features) {
    for (const FeatureVector& v : doc) {
      for (const auto& [key, weight] : v) ++df[key];
      ++sentence_count;
    }
  }
  const double n = static_cast<double>(sentence_count) + 1.0 + prior.sentences;
  for (auto& doc : features) {
    for (FeatureVector& v : doc) {
      for (auto& [key, weight] : v) weight *= std::log(n / (df[key] + 0.5 + prior.uses));
    }
  }
}

std::vector<std::vector<FeatureVector>> SentenceFeatures(
    const std::vector<AnalyzedArticle>& docs, const std::vector<std::vector<int>>& entity_of) {
  std::vector<std::vector<FeatureVector>> features = UnweighedSentenceFeatures(docs, entity_of);
  WeighByRarity(features, {});
  return features;
}

double Cosine(const FeatureVector& a, const FeatureVector& b) {
  if (a.empty() || b.empty()) return 0;
  const FeatureVector& small = a.size() < b.size() ? a : b;
  const FeatureVector& large = a.size() < b.size() ? b : a;
  double dot = 0, na = 0, nb = 0;
  for (const auto& [k, w] : small) {
    auto it = large.find(k);
    if (it != large.end()) dot += w * it->second;
  }
  for (const auto& [k, w] : a) na += w * w;
  for (const auto& [k, w] : b) nb += w * w;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

void AddInto(FeatureVector& sum, const FeatureVector& v) {
  for (const auto& [k, w] : v) sum[k] += w;
}

SparseVector FeatureIds::Intern(const FeatureVector& v) {
  SparseVector out;
  out.entries.reserve(v.size());
  for (const auto& [key, weight] : v) {
    const uint32_t id = ids_.emplace(key, static_cast<uint32_t>(ids_.size())).first->second;
    out.entries.emplace_back(id, weight);
    out.norm += weight * weight;
  }
  std::sort(out.entries.begin(), out.entries.end());
  out.norm = std::sqrt(out.norm);
  return out;
}

Postings BuildPostings(const std::vector<SparseVector>& vectors, size_t feature_count) {
  Postings p;
  p.begin.assign(feature_count + 1, 0);
  for (const SparseVector& v : vectors) {
    for (const auto& [id, weight] : v.entries) ++p.begin[id + 1];
  }
  for (size_t f = 0; f < feature_count; ++f) p.begin[f + 1] += p.begin[f];
  p.vector.resize(p.begin[feature_count]);
  p.weight.resize(p.begin[feature_count]);
  std::vector<uint32_t> next(p.begin.begin(), p.begin.end() - 1);
  for (uint32_t i = 0; i < vectors.size(); ++i) {
    for (const auto& [id, weight] : vectors[i].entries) {
      p.vector[next[id]] = i;
      p.weight[next[id]++] = weight;
    }
  }
  return p;
}

}  // namespace parallax
