// The align stage: entities across documents, off-topic paragraphs, facts,
// quotes, and whether the reports tell one event.
#include "parallax/align.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

#include "align/internal.h"
#include "align/union_find.h"

namespace parallax {

namespace {

// Reports tell the same event when (a) the links between pairs similar
// enough connect them all and every report names at least kSameEventCore
// of the same things (entities, or distinctive words of the headline and
// the on-topic text: words every news report uses do not count), or (b)
// strong links alone connect them: similar enough by at least
// kStrongLinkFeatures shared things. The similarity is the cosine of the
// headline and the on-topic text. How similar is "enough" depends on length:
// two leads of one event share a few words among sixty, two full reports
// share whole sentences, so the thresholds slide from the short to the full
// value as the shorter report of a pair grows from kShortWords to kFullWords.
// Measured with bench/same-event on 2,161 real events, each told in
// headline and lead by three outlets (docs/alignment.md): calibrated on the
// even-numbered events, checked on the odd ones.
constexpr double kShortLink = 0.03, kFullLink = 0.2;
constexpr double kShortStrongLink = 0.09, kFullStrongLink = 0.4;
constexpr double kShortWords = 90, kFullWords = 250;
constexpr size_t kSameEventCore = 2;
constexpr size_t kStrongLinkFeatures = 2;

// The threshold for a pair whose shorter report has `words` body words.
double SlidingThreshold(double short_value, double full_value, size_t words) {
  const double share = std::clamp((static_cast<double>(words) - kShortWords) / (kFullWords - kShortWords), 0.0, 1.0);
  return short_value + share * (full_value - short_value);
}

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

// Median and other figures of the pair scores without keeping them: a
// count per 0.0001 of score.
class ScoreHistogram {
 public:
  void Add(double score) {
    const double clamped = std::clamp(score, 0.0, 1.0);
    ++bins_[static_cast<size_t>(std::lround(clamped * kSteps))];
    sum_ += score;
    min_ = std::min(min_, score);
    max_ = std::max(max_, score);
    ++count_;
  }
  void Fill(SimilaritySummary& summary) const {
    summary.pairs = count_;
    if (count_ == 0) return;
    summary.min = min_;
    summary.max = max_;
    summary.mean = sum_ / static_cast<double>(count_);
    size_t seen = 0;
    for (size_t bin = 0; bin < bins_.size(); ++bin) {
      seen += bins_[bin];
      if (seen * 2 > count_) {
        // The bin's value, within the scores actually seen.
        summary.median = std::clamp(static_cast<double>(bin) / kSteps, min_, max_);
        break;
      }
    }
  }

 private:
  static constexpr int kSteps = 10000;
  std::vector<size_t> bins_ = std::vector<size_t>(kSteps + 1, 0);
  double sum_ = 0, min_ = 1, max_ = 0;
  size_t count_ = 0;
};

void JudgeSameEvent(Comparison& comparison, const std::vector<std::vector<FeatureVector>>& features) {
  const size_t n = comparison.documents.size();
  FeatureIds ids;
  std::vector<SparseVector> vectors(n);
  std::vector<size_t> words(n, 0);
  const std::vector<FeatureVector> headlines = HeadlineFeatures(comparison, features);
  const std::unordered_map<std::string, std::string> demonyms = DemonymFeatures(comparison);
  for (size_t d = 0; d < n; ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    FeatureVector body = headlines[d];
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (doc.article.paragraphs[doc.sentences[s].span.paragraph].role == ParagraphRole::kBody) {
        AddInto(body, features[d][s]);
        words[d] += static_cast<size_t>(std::count_if(doc.sentences[s].tokens.begin(), doc.sentences[s].tokens.end(),
                                                      [](const Token& t) { return t.kind == TokenKind::kWord; }));
      }
    }
    // Words every news report uses ("said", "people") tie any two reports;
    // "Brazilian" in one report ties it to "Brazil" in another.
    std::erase_if(body, [](const auto& entry) { return CommonStems().count(entry.first) > 0; });
    for (const auto& [stem, place] : demonyms) {
      auto it = body.find(stem);
      if (it == body.end()) continue;
      const double weight = it->second;
      body.erase(it);
      body[place] = std::max(body[place], weight);
    }
    vectors[d] = ids.Intern(body);
  }
  // Every pair, through postings: a pair sharing no feature scores 0
  // without being looked at.
  const Postings postings = BuildPostings(vectors, ids.size());
  std::vector<double> dot(n, 0.0);
  std::vector<uint32_t> shared(n, 0);
  std::vector<double> closest(n, -1.0);
  std::vector<int> closest_of(n, -1);
  ScoreHistogram histogram;
  UnionFind group(n), strong(n);
  const bool list_all = n <= kAllPairsListedUpTo;
  for (size_t a = 0; a < n; ++a) {
    for (const auto& [id, weight] : vectors[a].entries) {
      for (uint32_t k = postings.begin[id]; k < postings.begin[id + 1]; ++k) {
        if (postings.vector[k] > a) {
          dot[postings.vector[k]] += weight * postings.weight[k];
          ++shared[postings.vector[k]];
        }
      }
    }
    for (size_t b = a + 1; b < n; ++b) {
      const double norms = vectors[a].norm * vectors[b].norm;
      const double sim = norms > 0 ? dot[b] / norms : 0.0;
      dot[b] = 0;
      const uint32_t shared_features = std::exchange(shared[b], 0);
      histogram.Add(sim);
      if (list_all) comparison.similarity.push_back({static_cast<int>(a), static_cast<int>(b), sim});
      for (const auto& [self, other] : {std::pair{a, b}, std::pair{b, a}}) {
        if (sim > closest[self]) {
          closest[self] = sim;
          closest_of[self] = static_cast<int>(other);
        }
      }
      // One event when the reports form one connected group under "similar
      // enough": a short wire copy need not resemble a long feature
      // directly, as long as both resemble the broadsheet report of it.
      const size_t shorter = std::min(words[a], words[b]);
      if (sim >= SlidingThreshold(kShortLink, kFullLink, shorter)) group.parent[group.Find(static_cast<uint32_t>(a))] = group.Find(static_cast<uint32_t>(b));
      if (sim >= SlidingThreshold(kShortStrongLink, kFullStrongLink, shorter) &&
          shared_features >= kStrongLinkFeatures) {
        strong.parent[strong.Find(static_cast<uint32_t>(a))] = strong.Find(static_cast<uint32_t>(b));
      }
    }
  }
  histogram.Fill(comparison.similarity_summary);
  comparison.similarity_summary.all_listed = list_all;
  if (!list_all) {
    for (size_t d = 0; d < n; ++d) {
      const int a = std::min(static_cast<int>(d), closest_of[d]), b = std::max(static_cast<int>(d), closest_of[d]);
      comparison.similarity.push_back({a, b, closest[d]});
    }
    std::sort(comparison.similarity.begin(), comparison.similarity.end(),
              [](const DocumentSimilarity& x, const DocumentSimilarity& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    comparison.similarity.erase(
        std::unique(comparison.similarity.begin(), comparison.similarity.end(),
                    [](const DocumentSimilarity& x, const DocumentSimilarity& y) { return x.a == y.a && x.b == y.b; }),
        comparison.similarity.end());
  }
  for (const Entity& e : comparison.entities) {
    if (e.type == EntityType::kOther) continue;
    const bool everywhere = std::all_of(e.mentions.begin(), e.mentions.end(), [](int m) { return m > 0; });
    if (everywhere) comparison.shared_entities.push_back(e.id);
  }
  // The core: what every report names.
  size_t core = 0;
  for (size_t id = 0; id < ids.size(); ++id) core += postings.begin[id + 1] - postings.begin[id] == n;
  auto connects_all = [n](UnionFind& links) {
    for (size_t d = 1; d < n; ++d) {
      if (links.Find(static_cast<uint32_t>(d)) != links.Find(0)) return false;
    }
    return n >= 2;
  };
  comparison.same_event = (connects_all(group) && core >= kSameEventCore) || connects_all(strong);
}

}  // namespace

Comparison Align(std::vector<AnalyzedArticle> documents) {
  Comparison comparison;
  comparison.documents = std::move(documents);
  std::vector<std::vector<int>> entity_of = MergeEntities(comparison);
  SortEntities(comparison, entity_of);
  // The facts weigh the features their own way (GroupFacts).
  std::vector<std::vector<FeatureVector>> unweighed = UnweighedSentenceFeatures(comparison.documents, entity_of);
  std::vector<std::vector<FeatureVector>> features = unweighed;
  WeighByRarity(features, {});
  MarkOffTopic(comparison, features);
  GroupFacts(comparison, std::move(unweighed), entity_of);
  LinkQuotes(comparison, entity_of);
  FindSharedTerms(comparison);
  JudgeSameEvent(comparison, features);
  return comparison;
}

}  // namespace parallax
