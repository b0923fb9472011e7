// Facts across outlets, and paragraphs that drift into another story.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <map>
#include <numeric>
#include <tuple>
#include <vector>

#include "align/internal.h"
#include "parallax/text.h"
#include "text/embedded_data.h"

namespace parallax {

namespace {

// Two sentences report the same fact at this cosine or above. Chosen on the
// bundled demo and the seed pair: paraphrases of one fact by different
// outlets score 0.25-0.7, unrelated sentences of one story stay below 0.2.
constexpr double kFactThreshold = 0.22;

// Two sentences must share at least this many features to be one fact: the
// cosine of two short sentences can be high on one shared word ("weekend"),
// which is a coincidence, not a fact.
constexpr int kMinSharedFeatures = 2;

// Long sentences dilute the cosine with details of their own: a tabloid lede
// and a broadsheet lede of one fact share three or more features at a cosine
// of 0.15-0.22. Sentences sharing that many features need less.
constexpr double kLongFactThreshold = 0.15;
constexpr int kLongFactSharedFeatures = 3;

// A fact group holds at most this many sentences of one document: a row of
// the side-by-side view pairs one sentence per outlet, and allowing more lets
// groups chain distinct facts together through a shared lede.
constexpr int kMaxSentencesPerDocument = 1;

// Off-topic detection works on Coverage (below): the share of a paragraph's
// feature weight that the story already knows. On the seed pair and the demo,
// paragraphs about the story cover 0.18-0.82; paragraphs of a tacked-on
// other story cover 0.12-0.33, and usually open with a change-of-story marker
// ("It comes as", "Meanwhile"). So:
// - below kOffTopic a paragraph has left the story, marker or not;
constexpr double kOffTopic = 0.12;
// - a paragraph that opens with a marker has left it unless it covers this much;
constexpr double kShiftOnTopic = 0.4;
// - once left, the report returns only with a paragraph as well covered as its
//   typical on-topic paragraph (this share of their median), and at least
//   kReturnsToStory.
constexpr double kReturnsToStory = 0.3;
constexpr double kReturnShareOfMedian = 0.75;
// The first paragraphs of a report state its story; they never drift.
constexpr int kLeadParagraphs = 2;

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) { return parent[x] == x ? x : parent[x] = Find(parent[x]); }
};

bool OpensWithShiftMarker(const std::string& text) {
  static const std::vector<std::vector<std::string>> kMarkers = [] {
    std::vector<std::vector<std::string>> markers;
    for (const LexiconEntry& e : LoadLexicon("shift_markers.tsv")) {
      std::vector<std::string> words;
      for (const Token& t : Tokenize(e.term, 0, static_cast<uint32_t>(e.term.size()))) {
        if (t.kind != TokenKind::kPunct) words.push_back(t.lower);
      }
      markers.push_back(std::move(words));
    }
    return markers;
  }();
  const std::vector<Token> tokens =
      Tokenize(text, 0, static_cast<uint32_t>(std::min<size_t>(text.size(), 80)));
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kPunct) words.push_back(t.lower);
  }
  for (const auto& marker : kMarkers) {
    if (marker.size() <= words.size() && std::equal(marker.begin(), marker.end(), words.begin())) {
      return true;
    }
  }
  return false;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

// The share of a paragraph's feature weight that the story already knows:
// features the other reports use, or this report used on topic before.
// Unlike a cosine against the whole story, it does not shrink as the story
// grows: a paragraph about the story scores high however long the reports.
struct OtherReports {
  const std::unordered_map<std::string, int>& document_count;
  const FeatureVector& own;
  bool Use(const std::string& key) const {
    auto it = document_count.find(key);
    return it != document_count.end() && it->second > static_cast<int>(own.count(key));
  }
};

double Coverage(const FeatureVector& paragraph, const OtherReports& others,
                const FeatureVector& context) {
  double known = 0, total = 0;
  for (const auto& [key, weight] : paragraph) {
    total += weight;
    if (others.Use(key) || context.count(key)) known += weight;
  }
  return total > 0 ? known / total : 0;
}

// Maximum-weight one-to-one matching of rows to columns (the Hungarian
// method with potentials, O(rows^2 * cols)). Only pairs with weight > 0 are
// returned.
std::vector<std::pair<int, int>> MaxWeightMatching(const std::vector<std::vector<double>>& weight) {
  const int rows = static_cast<int>(weight.size());
  const int cols = rows == 0 ? 0 : static_cast<int>(weight[0].size());
  if (rows == 0 || cols == 0) return {};
  // The method wants rows <= cols; transpose otherwise.
  if (rows > cols) {
    std::vector<std::vector<double>> transposed(cols, std::vector<double>(rows));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) transposed[c][r] = weight[r][c];
    }
    std::vector<std::pair<int, int>> pairs = MaxWeightMatching(transposed);
    for (auto& [a, b] : pairs) std::swap(a, b);
    return pairs;
  }
  const double kInf = 1e18;
  // Minimise cost = -weight; 1-based arrays as in the classic formulation.
  std::vector<double> u(rows + 1, 0), v(cols + 1, 0);
  std::vector<int> match(cols + 1, 0), way(cols + 1, 0);
  for (int r = 1; r <= rows; ++r) {
    match[0] = r;
    int c0 = 0;
    std::vector<double> minv(cols + 1, kInf);
    std::vector<bool> used(cols + 1, false);
    do {
      used[c0] = true;
      const int r0 = match[c0];
      double delta = kInf;
      int c1 = 0;
      for (int c = 1; c <= cols; ++c) {
        if (used[c]) continue;
        const double cur = -weight[r0 - 1][c - 1] - u[r0] - v[c];
        if (cur < minv[c]) {
          minv[c] = cur;
          way[c] = c0;
        }
        if (minv[c] < delta) {
          delta = minv[c];
          c1 = c;
        }
      }
      for (int c = 0; c <= cols; ++c) {
        if (used[c]) {
          u[match[c]] += delta;
          v[c] -= delta;
        } else {
          minv[c] -= delta;
        }
      }
      c0 = c1;
    } while (match[c0] != 0);
    do {
      const int c1 = way[c0];
      match[c0] = match[c1];
      c0 = c1;
    } while (c0 != 0);
  }
  std::vector<std::pair<int, int>> pairs;
  for (int c = 1; c <= cols; ++c) {
    if (match[c] != 0 && weight[match[c] - 1][c - 1] > 0) pairs.emplace_back(match[c] - 1, c - 1);
  }
  return pairs;
}

// Drifting paragraphs become off-topic only as a tail that runs to the end
// of the report, or as a run opened by a change-of-story marker. A lone
// paragraph of its own detail in the middle of a report is a unique fact,
// not another story.
void MarkDriftRuns(std::vector<Paragraph>& paragraphs,
                   const std::map<uint32_t, FeatureVector>& analysed,
                   const std::vector<std::pair<uint32_t, bool>>& drift) {
  std::vector<uint32_t> order;
  for (const auto& [p, v] : analysed) order.push_back(p);
  std::map<uint32_t, bool> drifting(drift.begin(), drift.end());
  size_t k = 0;
  while (k < order.size()) {
    if (!drifting.count(order[k])) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < order.size() && drifting.count(order[end])) ++end;
    const bool tail = end == order.size();
    const bool opened_by_marker = drifting[order[k]];
    for (size_t x = k; x < end && (tail || opened_by_marker); ++x) {
      Paragraph& paragraph = paragraphs[order[x]];
      paragraph.role = ParagraphRole::kOffTopic;
      paragraph.why = drifting[order[x]]
                          ? "opens with a change of story and shares little with the other reports"
                          : "shares almost nothing with the other reports or with this report's story";
    }
    k = end;
  }
}

}  // namespace

void MarkOffTopic(Comparison& comparison, const std::vector<std::vector<FeatureVector>>& features) {
  const size_t n = comparison.documents.size();
  if (n < 2) return;
  // What each document says, paragraph by paragraph.
  std::vector<std::map<uint32_t, FeatureVector>> paragraph_vectors(n);
  std::vector<FeatureVector> document_vectors(n);
  for (size_t d = 0; d < n; ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      AddInto(paragraph_vectors[d][doc.sentences[s].span.paragraph], features[d][s]);
      AddInto(document_vectors[d], features[d][s]);
    }
  }
  // How many documents use each feature: a feature is known from the other
  // reports when more documents than this one use it.
  std::unordered_map<std::string, int> document_count;
  for (size_t d = 0; d < n; ++d) {
    for (const auto& [key, weight] : document_vectors[d]) ++document_count[key];
  }
  for (size_t d = 0; d < n; ++d) {
    const OtherReports others{document_count, document_vectors[d]};
    // Each paragraph against the other reports and against what this
    // report has said on topic so far. The lead never drifts; after a
    // drift, a paragraph must be clearly about the story to return.
    FeatureVector context;
    std::vector<double> on_topic_scores;
    std::vector<std::pair<uint32_t, bool>> drift;  // (paragraph, opens with a marker)
    bool drifting = false;
    int index = 0;
    for (const auto& [p, v] : paragraph_vectors[d]) {
      const double score = Coverage(v, others, context);
      const bool shift = OpensWithShiftMarker(comparison.documents[d].article.paragraphs[p].text);
      if (index++ < kLeadParagraphs) {
        AddInto(context, v);
        on_topic_scores.push_back(score);
        continue;
      }
      const bool leaves = score < kOffTopic || (shift && score < kShiftOnTopic);
      if (drifting && !shift && score >= std::max(kReturnsToStory, kReturnShareOfMedian * Median(on_topic_scores))) {
        drifting = false;
      }
      if (leaves) drifting = true;
      if (!drifting) {
        AddInto(context, v);
        on_topic_scores.push_back(score);
        continue;
      }
      drift.push_back({p, shift});
    }
    MarkDriftRuns(comparison.documents[d].article.paragraphs, paragraph_vectors[d], drift);
  }
}

void GroupFacts(Comparison& comparison, const std::vector<std::vector<FeatureVector>>& features) {
  const int n = static_cast<int>(comparison.documents.size());
  std::vector<std::pair<int, int>> nodes;  // (document, sentence)
  std::vector<int> first_node(n + 1, 0);
  for (int d = 0; d < n; ++d) {
    first_node[d] = static_cast<int>(nodes.size());
    for (int s = 0; s < static_cast<int>(comparison.documents[d].sentences.size()); ++s) {
      nodes.emplace_back(d, s);
    }
  }
  first_node[n] = static_cast<int>(nodes.size());
  auto off_topic = [&](int d, int s) {
    const AnalyzedArticle& doc = comparison.documents[d];
    return doc.article.paragraphs[doc.sentences[s].span.paragraph].role == ParagraphRole::kOffTopic;
  };
  // Sentences as sparse vectors over interned feature ids, and per document
  // an inverted index, so each document pair only scores sentence pairs that
  // share a feature (most share none).
  std::unordered_map<std::string, int> feature_ids;
  struct Sparse {
    std::vector<std::pair<int, double>> entries;
    double norm = 0;
  };
  std::vector<std::vector<Sparse>> sparse(n);
  std::vector<std::unordered_map<int, std::vector<std::pair<int, double>>>> postings(n);
  for (int d = 0; d < n; ++d) {
    sparse[d].resize(comparison.documents[d].sentences.size());
    for (int s = 0; s < static_cast<int>(sparse[d].size()); ++s) {
      if (off_topic(d, s)) continue;
      Sparse& v = sparse[d][s];
      for (const auto& [key, weight] : features[d][s]) {
        const int id = feature_ids.emplace(key, static_cast<int>(feature_ids.size())).first->second;
        v.entries.emplace_back(id, weight);
        v.norm += weight * weight;
        postings[d][id].emplace_back(s, weight);
      }
      v.norm = std::sqrt(v.norm);
    }
  }
  // For every pair of documents, the one-to-one pairing of their sentences
  // with the largest total similarity. Pairing each sentence with its single
  // best partner is not enough: one lexically rich sentence would claim the
  // partner that another sentence of the same report needs.
  std::vector<std::tuple<double, int, int>> edges;
  for (int d = 0; d < n; ++d) {
    for (int o = d + 1; o < n; ++o) {
      const int rows = static_cast<int>(sparse[d].size());
      const int cols = static_cast<int>(sparse[o].size());
      std::vector<std::vector<double>> sim(rows);
      std::vector<double> dot(cols);
      std::vector<int> shared(cols);
      bool any = false;
      for (int s = 0; s < rows; ++s) {
        const Sparse& v = sparse[d][s];
        if (v.entries.empty()) continue;
        std::fill(dot.begin(), dot.end(), 0.0);
        std::fill(shared.begin(), shared.end(), 0);
        for (const auto& [id, weight] : v.entries) {
          auto it = postings[o].find(id);
          if (it == postings[o].end()) continue;
          for (const auto& [t, w] : it->second) {
            dot[t] += weight * w;
            ++shared[t];
          }
        }
        for (int t = 0; t < cols; ++t) {
          if (shared[t] < kMinSharedFeatures) continue;
          const double value = dot[t] / (v.norm * sparse[o][t].norm);
          const bool enough = value >= kFactThreshold ||
                              (value >= kLongFactThreshold && shared[t] >= kLongFactSharedFeatures);
          if (!enough) continue;
          if (sim[s].empty()) sim[s].assign(cols, 0.0);
          sim[s][t] = value;
          any = true;
        }
      }
      if (!any) continue;
      // The matching only needs the rows and columns that have a candidate.
      std::vector<int> row_ids, col_ids;
      std::vector<bool> col_used(cols, false);
      for (int s = 0; s < rows; ++s) {
        if (sim[s].empty()) continue;
        row_ids.push_back(s);
        for (int t = 0; t < cols; ++t) col_used[t] = col_used[t] || sim[s][t] > 0;
      }
      for (int t = 0; t < cols; ++t) {
        if (col_used[t]) col_ids.push_back(t);
      }
      std::vector<std::vector<double>> dense(row_ids.size(), std::vector<double>(col_ids.size()));
      for (size_t r = 0; r < row_ids.size(); ++r) {
        for (size_t c = 0; c < col_ids.size(); ++c) dense[r][c] = sim[row_ids[r]][col_ids[c]];
      }
      for (const auto& [r, c] : MaxWeightMatching(dense)) {
        const int s = row_ids[r], t = col_ids[c];
        edges.emplace_back(dense[r][c], first_node[d] + s, first_node[o] + t);
      }
    }
  }
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  UnionFind groups(static_cast<int>(nodes.size()));
  std::vector<std::vector<int>> per_document(nodes.size(), std::vector<int>(n, 0));
  std::vector<double> weakest(nodes.size(), 1.0);
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) per_document[i][nodes[i].first] = 1;
  for (const auto& [sim, a, b] : edges) {
    const int ra = groups.Find(a), rb = groups.Find(b);
    if (ra == rb) continue;
    bool fits = true;
    for (int d = 0; d < n; ++d) fits &= per_document[ra][d] + per_document[rb][d] <= kMaxSentencesPerDocument;
    if (!fits) continue;
    groups.parent[rb] = ra;
    for (int d = 0; d < n; ++d) per_document[ra][d] += per_document[rb][d];
    weakest[ra] = std::min({weakest[ra], weakest[rb], sim});
  }
  std::map<int, size_t> fact_of_root;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    const int root = groups.Find(i);
    auto [it, inserted] = fact_of_root.emplace(root, comparison.facts.size());
    if (inserted) {
      comparison.facts.emplace_back();
      comparison.facts.back().score = weakest[root];
    }
    Fact& fact = comparison.facts[it->second];
    fact.sentences.push_back({nodes[i].first, static_cast<uint32_t>(nodes[i].second)});
    if (std::find(fact.documents.begin(), fact.documents.end(), nodes[i].first) == fact.documents.end()) {
      fact.documents.push_back(nodes[i].first);
    }
  }
  for (Fact& fact : comparison.facts) {
    std::sort(fact.documents.begin(), fact.documents.end());
    if (fact.documents.size() == 1) fact.score = 1.0;
  }
}

}  // namespace parallax
