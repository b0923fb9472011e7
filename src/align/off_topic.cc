// Paragraphs that drift into another story.
#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "align/internal.h"
#include "parallax/lexicon.h"
#include "parallax/text.h"

namespace parallax {

namespace {

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

bool OpensWithShiftMarker(const std::string& text) {
  static const std::vector<std::vector<std::string>> kMarkers = [] {
    std::vector<std::vector<std::string>> markers;
    for (const LexiconEntry& e : LoadLexicon("shift_markers.tsv")) {
      std::vector<std::string> words;
      for (const Token& t : Tokenize(e.term, 0, static_cast<uint32_t>(e.term.size()), Stems::kSkip)) {
        if (t.kind != TokenKind::kPunct) words.push_back(t.lower);
      }
      markers.push_back(std::move(words));
    }
    return markers;
  }();
  const std::vector<Token> tokens =
      Tokenize(text, 0, static_cast<uint32_t>(std::min<size_t>(text.size(), 80)), Stems::kSkip);
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

// The median of the values added so far, in O(log n) per value: a report
// can have thousands of paragraphs, and the median is asked after each.
class RunningMedian {
 public:
  void Add(double value) {
    if (upper_.empty() || value >= upper_.top()) {
      upper_.push(value);
    } else {
      lower_.push(value);
    }
    // The upper half holds the larger ceil(n/2) values, so its least is the
    // element at index n/2 of the sorted values.
    if (upper_.size() > lower_.size() + 1) {
      lower_.push(upper_.top());
      upper_.pop();
    } else if (lower_.size() > upper_.size()) {
      upper_.push(lower_.top());
      lower_.pop();
    }
  }
  double Median() const { return upper_.empty() ? 0 : upper_.top(); }

 private:
  std::priority_queue<double> lower_;
  std::priority_queue<double, std::vector<double>, std::greater<double>> upper_;
};

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
    RunningMedian on_topic_scores;
    std::vector<std::pair<uint32_t, bool>> drift;  // (paragraph, opens with a marker)
    bool drifting = false;
    int index = 0;
    for (const auto& [p, v] : paragraph_vectors[d]) {
      const double score = Coverage(v, others, context);
      const bool shift = OpensWithShiftMarker(comparison.documents[d].article.paragraphs[p].text);
      if (index++ < kLeadParagraphs) {
        AddInto(context, v);
        on_topic_scores.Add(score);
        continue;
      }
      const bool leaves = score < kOffTopic || (shift && score < kShiftOnTopic);
      if (drifting && !shift && score >= std::max(kReturnsToStory, kReturnShareOfMedian * on_topic_scores.Median())) {
        drifting = false;
      }
      if (leaves) drifting = true;
      if (!drifting) {
        AddInto(context, v);
        on_topic_scores.Add(score);
        continue;
      }
      drift.push_back({p, shift});
    }
    MarkDriftRuns(comparison.documents[d].article.paragraphs, paragraph_vectors[d], drift);
  }
}

}  // namespace parallax
