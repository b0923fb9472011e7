// Facts across outlets: sentences of different reports that say the same
// thing, paired one-to-one per pair of reports, then grouped.
//
// Cost. Candidate pairs come from postings of shared features, so a
// sentence is only ever scored against sentences sharing a feature with it
// (the cost is the sum over features of the products of their postings,
// not sentences squared). Each sentence keeps its kMaxCandidatesPerDocument
// best partners in each other report, which bounds the pairs however
// repetitive the text. The matching is exact on news-sized blocks and
// greedy on huge ones (align/matching.h), and grouping keeps one small
// bitset per multi-sentence group, never a sentences x documents table.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <vector>

#include "align/internal.h"
#include "align/matching.h"
#include "align/statement.h"
#include "align/union_find.h"

namespace parallax {

namespace {

// Two sentences report the same fact at this cosine or above. Chosen on the
// bundled demo and the seed pair: paraphrases of one fact by different
// outlets score 0.25-0.7, unrelated sentences of one story stay below 0.2.
constexpr double kFactThreshold = 0.22;

// Two sentences must share at least this many features to be one fact: the
// cosine of two short sentences can be high on one shared word ("weekend"),
// which is a coincidence, not a fact.
constexpr uint32_t kMinSharedFeatures = 2;

// Long sentences dilute the cosine with details of their own: a tabloid lede
// and a broadsheet lede of one fact share three or more features at a cosine
// of 0.15-0.22. Sentences sharing that many features need less.
constexpr double kLongFactThreshold = 0.15;
constexpr uint32_t kLongFactSharedFeatures = 3;

// Rarity is counted as if the reports held at least this many sentences,
// the missing ones using each feature once in this many. Without it, in two
// one-sentence reports a shared word weighs log(3 / 2.5) = 0.18 and a word
// of one report only log(3 / 1.5) = 0.69: the more two sentences share, the
// less alike they look. Padded to 30, 2.24 and 2.58. Comparisons of 30
// sentences or more are weighed as they always were. On the sentence-pair
// bench (bench/facts-accuracy), before the near-miss checks, a prior of 10,
// 30 or 100 sentences raised accuracy alike, from 0.58 to 0.69.
constexpr double kFactRaritySentences = 30;

RarityPrior FactRarityPrior(size_t sentences) {
  const double missing = std::max(0.0, kFactRaritySentences - static_cast<double>(sentences));
  return {missing, missing / kFactRaritySentences};
}

// A fact group holds at most this many sentences of one document: a row of
// the side-by-side view pairs one sentence per outlet, and allowing more lets
// groups chain distinct facts together through a shared lede.
constexpr int kMaxSentencesPerDocument = 1;
static_assert(kMaxSentencesPerDocument == 1, "DocumentSets holds one bit per document");

// A sentence keeps at most this many candidate partners in each other
// report, the most similar. In news, a sentence has one to three partners
// above the thresholds in another report; only pasted, looping or
// generated text gives it hundreds, near-equal to each other. On two
// generated 100 KB reports of templated sentences, 16 kept 94% of the
// shared facts an unbounded search finds, 32 kept 97%, 64 no more.
constexpr size_t kMaxCandidatesPerDocument = 32;

// The documents of each fact group, as one bitset per group of two or more
// sentences (a lone sentence's document is its own).
class DocumentSets {
 public:
  DocumentSets(const std::vector<std::pair<int, int>>& nodes, int documents)
      : nodes_(nodes), words_((static_cast<size_t>(documents) + 63) / 64), set_of_(nodes.size(), kNone) {}

  bool Disjoint(uint32_t a, uint32_t b) const {
    if (set_of_[a] == kNone && set_of_[b] == kNone) return nodes_[a].first != nodes_[b].first;
    if (set_of_[a] == kNone) return !Test(b, nodes_[a].first);
    if (set_of_[b] == kNone) return !Test(a, nodes_[b].first);
    const uint64_t* x = Words(a);
    const uint64_t* y = Words(b);
    for (size_t w = 0; w < words_; ++w) {
      if (x[w] & y[w]) return false;
    }
    return true;
  }

  // Root `b`'s documents join root `a`'s.
  void Merge(uint32_t a, uint32_t b) {
    if (set_of_[a] == kNone) {
      set_of_[a] = static_cast<uint32_t>(bits_.size() / words_);
      bits_.insert(bits_.end(), words_, uint64_t{0});
      Set(a, nodes_[a].first);
    }
    if (set_of_[b] == kNone) {
      Set(a, nodes_[b].first);
    } else {
      uint64_t* x = Words(a);
      const uint64_t* y = Words(b);
      for (size_t w = 0; w < words_; ++w) x[w] |= y[w];
    }
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  const uint64_t* Words(uint32_t root) const { return bits_.data() + size_t{set_of_[root]} * words_; }
  uint64_t* Words(uint32_t root) { return bits_.data() + size_t{set_of_[root]} * words_; }
  bool Test(uint32_t root, int d) const { return (Words(root)[d / 64] >> (d % 64)) & 1; }
  void Set(uint32_t root, int d) { Words(root)[d / 64] |= uint64_t{1} << (d % 64); }

  const std::vector<std::pair<int, int>>& nodes_;
  size_t words_;
  std::vector<uint32_t> set_of_;  // per node: its group's bitset, kNone when alone
  std::vector<uint64_t> bits_;
};

// A feature used by more sentences than this does not make candidates by
// itself: it still counts in the score of a pair found through a rarer
// feature. Scoring every pair that shares "strike" in a story of thousands
// of sentences would cost their square; such a word weighs little (its
// inverse frequency is low), and two sentences of one fact share something
// rarer too: a name, a number, a place. News reports use a feature in a few
// sentences each, so the bound grows with the number of reports; it never
// bites on a news-sized comparison.
uint32_t MaxGeneratingPostings(size_t documents) {
  return static_cast<uint32_t>(std::clamp<size_t>(3 * documents, 256, 4096));
}

struct Edge {
  double similarity;
  uint32_t a, b;  // nodes, a in the lower document
};

// Every pair of sentences of different documents similar enough to be one
// fact, paired one-to-one within each pair of documents.
class EdgeFinder {
 public:
  EdgeFinder(const Comparison& comparison, const std::vector<std::pair<int, int>>& nodes,
             const std::vector<uint32_t>& first_node, std::vector<SparseVector> vectors, size_t feature_count,
             const std::vector<Statement>& statements)
      : comparison_(comparison),
        nodes_(nodes),
        first_node_(first_node),
        vectors_(std::move(vectors)),
        statements_(statements),
        postings_(BuildPostings(vectors_, feature_count)),
        cursor_(postings_.begin.begin(), postings_.begin.end() - 1),
        dot_(nodes.size(), 0.0),
        shared_(nodes.size(), 0),
        max_generating_postings_(MaxGeneratingPostings(comparison.documents.size())) {}

  std::vector<Edge> Find() {
    std::vector<Edge> edges;
    const int n = static_cast<int>(comparison_.documents.size());
    for (int d = 0; d + 1 < n; ++d) {
      pending_.clear();
      for (uint32_t node = first_node_[d]; node < first_node_[d + 1]; ++node) AddCandidatesOf(node, first_node_[d + 1]);
      // One matching per other document.
      std::stable_sort(pending_.begin(), pending_.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (size_t begin = 0; begin < pending_.size();) {
        const int other = pending_[begin].first;
        std::vector<CandidatePair> block;
        size_t end = begin;
        while (end < pending_.size() && pending_[end].first == other) block.push_back(pending_[end++].second);
        begin = end;
        for (const CandidatePair& p : MatchPairs(std::move(block))) {
          edges.push_back({p.weight, first_node_[d] + p.row, first_node_[other] + p.col});
        }
      }
    }
    return edges;
  }

 private:
  // Scores `node` against every sentence of a later document (nodes from
  // `later` on) that shares a feature with it, and keeps the best few per
  // document in pending_.
  void AddCandidatesOf(uint32_t node, uint32_t later) {
    const SparseVector& v = vectors_[node];
    if (v.entries.empty()) return;
    common_.clear();
    for (const auto& [id, weight] : v.entries) {
      if (postings_.begin[id + 1] - postings_.begin[id] > max_generating_postings_) {
        common_.emplace_back(id, weight);
        continue;
      }
      // Postings list nodes in order, and documents are taken in order:
      // what the cursor passes is never needed again.
      uint32_t& first = cursor_[id];
      while (first < postings_.begin[id + 1] && postings_.vector[first] < later) ++first;
      for (uint32_t k = first; k < postings_.begin[id + 1]; ++k) {
        const uint32_t other = postings_.vector[k];
        if (shared_[other]++ == 0) touched_.push_back(other);
        dot_[other] += weight * postings_.weight[k];
      }
    }
    const auto [d, s] = nodes_[node];
    const double position = Position(d, s);
    row_.clear();
    for (const uint32_t other : touched_) {
      // The common features this sentence shares with the candidate count
      // in its score, though they did not make it a candidate.
      const auto& entries = vectors_[other].entries;
      for (const auto& [id, weight] : common_) {
        auto it = std::lower_bound(entries.begin(), entries.end(), std::make_pair(id, 0.0));
        if (it != entries.end() && it->first == id) {
          dot_[other] += weight * it->second;
          ++shared_[other];
        }
      }
      const uint32_t shared = shared_[other];
      const double value = dot_[other] / (v.norm * vectors_[other].norm);
      dot_[other] = 0;
      shared_[other] = 0;
      if (shared < kMinSharedFeatures) continue;
      if (value < kFactThreshold && !(value >= kLongFactThreshold && shared >= kLongFactSharedFeatures)) continue;
      // Alike is not the same: a different number, date, actor or polarity
      // makes a near miss, not one fact (align/statement.h).
      if (StatementConflict(statements_[node], statements_[other]) != nullptr) continue;
      const auto [o, t] = nodes_[other];
      row_.push_back({o, CandidatePair{static_cast<uint32_t>(s), static_cast<uint32_t>(t), value,
                                       -std::abs(Position(o, t) - position)}});
    }
    touched_.clear();
    std::sort(row_.begin(), row_.end(), [](const auto& x, const auto& y) {
      return std::tie(x.first, y.second.weight, y.second.closeness, x.second.col) <
             std::tie(y.first, x.second.weight, x.second.closeness, y.second.col);
    });
    for (size_t i = 0; i < row_.size(); ++i) {
      if (i >= kMaxCandidatesPerDocument && row_[i - kMaxCandidatesPerDocument].first == row_[i].first) continue;
      pending_.push_back(row_[i]);
    }
  }

  // Where a sentence stands in its report, 0 at the start, 1 at the end.
  double Position(int d, int s) const {
    const size_t count = comparison_.documents[d].sentences.size();
    return count > 1 ? static_cast<double>(s) / static_cast<double>(count - 1) : 0.0;
  }

  const Comparison& comparison_;
  const std::vector<std::pair<int, int>>& nodes_;
  const std::vector<uint32_t>& first_node_;
  std::vector<SparseVector> vectors_;
  const std::vector<Statement>& statements_;  // per node
  Postings postings_;
  std::vector<uint32_t> cursor_;  // per feature: first posting in a later document
  std::vector<double> dot_;       // per node: dot product with the node being scored
  std::vector<uint32_t> shared_;  // per node: features shared with it
  std::vector<uint32_t> touched_;
  std::vector<std::pair<uint32_t, double>> common_;  // the scored sentence's common features
  std::vector<std::pair<int, CandidatePair>> row_, pending_;  // (other document, pair)
  uint32_t max_generating_postings_;
};

// Each sentence of a shared fact against the row's statement, read from its
// sentence of fewest content words (the anchor): a sentence adds detail when
// it holds a clause the anchor lacks, and the anchor when it holds one the
// next shortest lacks. On a pair each sentence is measured against the
// other; a row of many costs one comparison per sentence.
void MarkRelations(Comparison& comparison, const std::vector<uint32_t>& first_node,
                   const std::vector<Statement>& statements) {
  for (Fact& fact : comparison.facts) {
    if (fact.sentences.size() < 2) continue;
    auto statement = [&](const SentenceRef& ref) -> const Statement& {
      return statements[first_node[ref.document] + ref.sentence];
    };
    auto shorter = [&](const SentenceRef& x, const SentenceRef& y) {
      return statement(x).content_words < statement(y).content_words;
    };
    std::vector<SentenceRef>& refs = fact.sentences;
    const size_t anchor = std::min_element(refs.begin(), refs.end(), shorter) - refs.begin();
    size_t next = anchor == 0 ? 1 : 0;
    for (size_t i = 0; i < refs.size(); ++i) {
      if (i != anchor && shorter(refs[i], refs[next])) next = i;
    }
    for (size_t i = 0; i < refs.size(); ++i) {
      const SentenceRef& against = refs[i == anchor ? next : anchor];
      const Sentence& sentence = comparison.documents[refs[i].document].sentences[refs[i].sentence];
      if (AddsDetail(sentence, statement(against))) refs[i].relation = FactRelation::kAddsDetail;
    }
  }
}

}  // namespace

void GroupFacts(Comparison& comparison, std::vector<std::vector<FeatureVector>> features,
                const std::vector<std::vector<int>>& entity_of) {
  size_t sentences = 0;
  for (const AnalyzedArticle& doc : comparison.documents) sentences += doc.sentences.size();
  WeighByRarity(features, FactRarityPrior(sentences));
  const int n = static_cast<int>(comparison.documents.size());
  std::vector<std::pair<int, int>> nodes;  // (document, sentence)
  std::vector<uint32_t> first_node(n + 1, 0);
  for (int d = 0; d < n; ++d) {
    first_node[d] = static_cast<uint32_t>(nodes.size());
    for (int s = 0; s < static_cast<int>(comparison.documents[d].sentences.size()); ++s) nodes.emplace_back(d, s);
  }
  first_node[n] = static_cast<uint32_t>(nodes.size());
  // Off-topic sentences get no features, so nothing pairs with them.
  FeatureIds ids;
  std::vector<SparseVector> vectors(nodes.size());
  std::vector<Statement> statements(nodes.size());
  std::vector<std::vector<const Mention*>> mentions_of;
  for (int d = 0; d < n; ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    mentions_of.assign(doc.sentences.size(), {});
    for (const Mention& m : doc.mentions) {
      if (m.sentence < mentions_of.size()) mentions_of[m.sentence].push_back(&m);
    }
    for (uint32_t i = first_node[d]; i < first_node[d + 1]; ++i) {
      const int s = nodes[i].second;
      if (doc.article.paragraphs[doc.sentences[s].span.paragraph].role == ParagraphRole::kOffTopic) continue;
      vectors[i] = ids.Intern(features[d][s]);
      statements[i] = ReadStatement(doc.sentences[s], mentions_of[s], entity_of[d]);
    }
  }
  std::vector<Edge> edges =
      EdgeFinder(comparison, nodes, first_node, std::move(vectors), ids.size(), statements).Find();

  // Strongest pairs first; a pair joins two groups only if they hold no
  // sentence of the same document.
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return std::tie(y.similarity, x.a, x.b) < std::tie(x.similarity, y.a, y.b);
  });
  UnionFind groups(nodes.size());
  DocumentSets documents(nodes, n);
  std::vector<double> weakest(nodes.size(), 1.0);
  for (const Edge& e : edges) {
    const uint32_t ra = groups.Find(e.a), rb = groups.Find(e.b);
    if (ra == rb || !documents.Disjoint(ra, rb)) continue;
    groups.parent[rb] = ra;
    documents.Merge(ra, rb);
    weakest[ra] = std::min({weakest[ra], weakest[rb], e.similarity});
  }
  // Facts in the order of their first sentence.
  std::vector<uint32_t> fact_of_root(nodes.size(), UINT32_MAX);
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const uint32_t root = groups.Find(i);
    if (fact_of_root[root] == UINT32_MAX) {
      fact_of_root[root] = static_cast<uint32_t>(comparison.facts.size());
      comparison.facts.emplace_back();
      comparison.facts.back().score = weakest[root];
    }
    Fact& fact = comparison.facts[fact_of_root[root]];
    fact.sentences.push_back({nodes[i].first, static_cast<uint32_t>(nodes[i].second)});
    // One sentence per document: a document appears once in a fact.
    fact.documents.push_back(nodes[i].first);
  }
  for (Fact& fact : comparison.facts) {
    std::sort(fact.documents.begin(), fact.documents.end());
    fact.documents.erase(std::unique(fact.documents.begin(), fact.documents.end()), fact.documents.end());
    if (fact.documents.size() == 1) fact.score = 1.0;
  }
  MarkRelations(comparison, first_node, statements);
}

}  // namespace parallax
