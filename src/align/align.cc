// The align stage: entities across documents, off-topic paragraphs, facts,
// quotes, and whether the reports tell one event.
#include "parallax/align.h"

#include <algorithm>
#include <functional>
#include <numeric>

#include "align/internal.h"

namespace parallax {

namespace {

// Reports tell the same event when, linking every pair whose on-topic text
// has at least this cosine, they form one group, and all of them name at
// least kSameEventEntities of the same entities. Reports
// of one event by different outlets score 0.3 and more; different events of
// one beat (two stories about migration) stay well under 0.2.
constexpr double kSameEventSimilarity = 0.2;
constexpr size_t kSameEventEntities = 2;

// Entities ordered by how much the reports talk about them, ids renumbered.
void SortEntities(Comparison& comparison, std::vector<std::vector<int>>& entity_of) {
  std::vector<int> order(comparison.entities.size());
  std::iota(order.begin(), order.end(), 0);
  auto total = [&](int e) {
    return std::accumulate(comparison.entities[e].mentions.begin(), comparison.entities[e].mentions.end(), 0);
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return total(a) > total(b); });
  std::vector<int> new_index(order.size());
  std::vector<Entity> sorted;
  for (size_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = static_cast<int>(i);
    sorted.push_back(std::move(comparison.entities[order[i]]));
    sorted.back().id = "e" + std::to_string(i);
  }
  comparison.entities = std::move(sorted);
  for (auto& locals : entity_of) {
    for (int& e : locals) {
      if (e >= 0) e = new_index[e];
    }
  }
}

void JudgeSameEvent(Comparison& comparison, const std::vector<std::vector<FeatureVector>>& features) {
  const size_t n = comparison.documents.size();
  std::vector<FeatureVector> vectors(n);
  for (size_t d = 0; d < n; ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (doc.article.paragraphs[doc.sentences[s].span.paragraph].role == ParagraphRole::kBody) {
        AddInto(vectors[d], features[d][s]);
      }
    }
  }
  comparison.similarity.assign(n, std::vector<double>(n, 1.0));
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      const double sim = Cosine(vectors[a], vectors[b]);
      comparison.similarity[a][b] = comparison.similarity[b][a] = sim;
    }
  }
  for (const Entity& e : comparison.entities) {
    if (e.type == EntityType::kOther) continue;
    const bool everywhere = std::all_of(e.mentions.begin(), e.mentions.end(), [](int m) { return m > 0; });
    if (everywhere) comparison.shared_entities.push_back(e.id);
  }
  // One event when the reports form one connected group under "similar
  // enough": a short wire copy need not resemble a long feature directly,
  // as long as both resemble the broadsheet report of the same event.
  std::vector<int> group(n);
  std::iota(group.begin(), group.end(), 0);
  std::function<int(int)> find = [&](int x) { return group[x] == x ? x : group[x] = find(group[x]); };
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      if (comparison.similarity[a][b] >= kSameEventSimilarity) group[find(a)] = find(b);
    }
  }
  bool connected = n >= 2;
  for (size_t d = 1; d < n; ++d) connected &= find(d) == find(0);
  comparison.same_event = connected && comparison.shared_entities.size() >= kSameEventEntities;
}

}  // namespace

Comparison Align(std::vector<AnalyzedArticle> documents) {
  Comparison comparison;
  comparison.documents = std::move(documents);
  std::vector<std::vector<int>> entity_of = MergeEntities(comparison);
  SortEntities(comparison, entity_of);
  const auto features = SentenceFeatures(comparison.documents, entity_of);
  MarkOffTopic(comparison, features);
  GroupFacts(comparison, features);
  LinkQuotes(comparison, entity_of);
  FindSharedTerms(comparison);
  JudgeSameEvent(comparison, features);
  return comparison;
}

}  // namespace parallax
