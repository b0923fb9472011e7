// cluster: which articles tell the same story. Articles arrive one at a time
// and each joins the story it belongs to or starts a new one; nothing
// already decided is recomputed, so a stream of millions costs the same per
// article as a file of ten.
//
// How an article is matched:
//   1. Terms (ExtractTerms): the Snowball stems of its headline and lead,
//      headline words counted more (a headline names the event; a lead
//      also sets the scene), plus names -- capitalised words inside a
//      sentence, "Ocasio-Cortez", "NATO" -- as extra terms, because two
//      outlets with different wording still name the same people and places.
//   2. Weights: each term's count times its inverse document frequency (a
//      word in every article tells nothing), the vector scaled to length 1.
//      Document frequencies are those seen so far, or a whole batch's when
//      the caller counts the batch first (CountTerms), as `parallax cluster`
//      does with a file.
//   3. Candidates: an inverted index from terms to the recent articles that
//      have them (a bounded number per term) gives every story that shares
//      a term, with the article's similarity to each member.
//   4. Decision: the article joins the story most similar to it when the
//      similarity to that story's centroid clears a threshold; a weaker
//      match is accepted when it is mutual, i.e. no article has resembled
//      that story more closely (the mutual-nearest-neighbour idea, kept
//      incremental). Stories whose centroids become close after a join are
//      merged. With publication times, an article never joins a story whose
//      latest article is more than `window` away from it, and a story that
//      already has an article from the same outlet needs a closer match
//      (outlets rarely publish the same event twice in different words).
//
// Use:
//   parallax::StoryClusterer clusterer;
//   for (const parallax::ClusterDocument& doc : docs) {
//     const parallax::StoryId story = clusterer.Add(doc);   // joined or started
//   }
//   for (const parallax::Assignment& a : clusterer.Assignments()) print(a.article_id, a.story);
//
// Batch (a whole file at hand; better weights for the first articles):
//   std::vector<parallax::ArticleTerms> terms;              // ExtractTerms is thread-safe
//   for (const auto& doc : docs) terms.push_back(parallax::ExtractTerms(doc.title, doc.text));
//   for (const auto& t : terms) clusterer.CountTerms(t);
//   for (size_t i = 0; i < docs.size(); ++i) clusterer.AddCounted(docs[i], terms[i]);
//
// Saving and resuming (the store's integration is another engineer's work):
// State() gives the document frequencies and, per story, its centroid, size,
// time span and outlets; a clusterer built from that state goes on adding
// articles to those stories. The articles behind a restored story are not
// kept, only its centroid, so later decisions about it use the centroid.
#ifndef PARALLAX_CLUSTER_H_
#define PARALLAX_CLUSTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax {

// Stories are numbered from 1 in the order they start; a restored clusterer
// goes on after the highest restored id. When two stories merge, the older
// (lower) id survives and Assignments() reports it for both.
using StoryId = uint64_t;

// What the clusterer reads of an article.
struct ClusterDocument {
  std::string id;
  std::string title;
  std::string text;          // the lead or the whole text
  int64_t published = -1;    // seconds since 1970-01-01 UTC; -1 when unknown
  std::string outlet;        // empty when unknown
};

// One term of an article: a 64-bit hash of a stem or a name (stable across
// runs and machines, so a saved centroid stays meaningful) and its weight
// before inverse document frequency.
struct TermWeight {
  uint64_t term = 0;
  float weight = 0;
};

// An article's terms, sorted by term, each once.
struct ArticleTerms {
  std::vector<TermWeight> terms;
};

// The terms of a headline and lead. Pure and thread-safe: callers vectorise
// many articles in parallel and add them in order.
ArticleTerms ExtractTerms(std::string_view title, std::string_view text);

// Seconds since the epoch of an ISO 8601 date ("2021-06-25") or date-time
// ("2021-06-25T14:03:00Z", "+02:00" offsets, fractions of a second); a date
// alone is taken as midnight UTC. Anything else is kInvalidInput.
Result<int64_t> ParsePublishedTime(std::string_view iso8601);

struct ClusterOptions {
  // Articles published further apart than this (from a story's latest
  // article) never share a story. News events are reported within a day or
  // two; follow-ups a week later are usually new events ("trial opens" vs
  // "verdict"). Only applies when both times are known.
  int64_t window_seconds = 3 * 24 * 3600;
};

// What a store keeps of one story to resume clustering later.
struct StoryState {
  StoryId id = 0;
  uint64_t size = 0;            // member articles
  int64_t first_published = -1;  // earliest / latest known time; -1 when none
  int64_t last_published = -1;
  std::vector<std::string> outlets;  // distinct, sorted
  // Sum of the members' unit term vectors (idf already applied), sorted by
  // term. Its length over `size` says how alike the members are.
  std::vector<TermWeight> centroid;
};

struct ClusterState {
  uint64_t documents = 0;  // articles counted into the frequencies
  std::vector<std::pair<uint64_t, uint32_t>> document_frequencies;  // term -> articles
  std::vector<StoryState> stories;
};

struct Assignment {
  std::string article_id;
  StoryId story = 0;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});
  // Resumes from a saved state: new articles join its stories or start new ones.
  StoryClusterer(ClusterOptions options, const ClusterState& state);
  ~StoryClusterer();
  StoryClusterer(StoryClusterer&&) noexcept;
  StoryClusterer& operator=(StoryClusterer&&) noexcept;

  // Counts an article into the document frequencies ahead of AddCounted.
  void CountTerms(const ArticleTerms& terms);

  // Adds an article (counting its terms first) and returns the story it
  // joined or started.
  StoryId Add(const ClusterDocument& doc);
  // The same with terms computed by the caller; `counted` says CountTerms
  // has already seen them.
  StoryId AddTerms(const ClusterDocument& doc, const ArticleTerms& terms, bool counted);
  StoryId AddCounted(const ClusterDocument& doc, const ArticleTerms& terms) {
    return AddTerms(doc, terms, true);
  }

  // Every added article in the order added, with its story as of now
  // (a story absorbed by a merge reports the surviving id).
  std::vector<Assignment> Assignments() const;

  // The story an earlier Add returned, as of now (after merges).
  StoryId Current(StoryId story) const;

  size_t article_count() const;
  size_t story_count() const;  // live stories (merged ones are gone)

  ClusterState State() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax

#endif  // PARALLAX_CLUSTER_H_
