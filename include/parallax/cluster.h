// cluster: which articles tell the same story. Articles arrive one at a time
// and each joins the story it belongs to or starts a new one; nothing
// already decided is recomputed, and the work per article is bounded by the
// postings kept per term, not by how many articles came before.
//
// How an article is matched:
//   1. Terms (ExtractTerms): the Snowball stems of its headline and lead,
//      headline words counted more (a headline names the event; a lead
//      also sets the scene), plus names -- capitalised words inside a
//      sentence ("Emberly", "NATO") -- as extra terms, because outlets with
//      different wording still name the same people and places.
//   2. Weights: each term's dampened count (1 + ln) times the square root
//      of its inverse document frequency (a word in every article tells
//      nothing), the vector scaled to length 1.
//      Document frequencies are those seen so far, or a whole batch's when
//      the caller counts the batch first (CountTerms), as `parallax cluster`
//      does with a file.
//   3. Candidates: an inverted index from terms to the recent articles that
//      have them (a bounded number per term) gives the article's cosine
//      similarity to every earlier article it shares a term with; members
//      at 0.15 or more make their stories candidates.
//   4. Decision: the article's similarity to a story is its mean cosine
//      similarity to the members. It joins the most similar story outright
//      when that clears a high threshold; a weaker match is accepted when it
//      is mutual -- some member has never resembled another article more --
//      which is the mutual-nearest-neighbour idea, done as articles arrive:
//      in a crowded topic only a close newcomer gets in, an isolated event
//      accepts a looser one. With publication times, an article never joins
//      a story whose articles are more than `window_seconds` away from it,
//      and a story that already has an article from the same outlet takes a
//      second one only on the high threshold (outlets rarely report one
//      event twice in different words); so does a story whose figures
//      ("576,000", "1.9 trillion") or weekdays the article's all differ
//      from (two reports of one event that cite figures, or name the day,
//      nearly always share one).
//   5. A second look (AttachLoneArticles, once a batch is in): an article
//      that came before the rest of its story resembled nothing yet and
//      started a story alone; it now joins the story it clearly belongs
//      to, if any, judged on the similarities found while the batch went
//      in (its own to earlier articles, later articles' to it). That is the
//      only move: stories are never merged or split, and an earlier run's
//      decisions are kept.
//   6. Crowding (AddBatch, into a clusterer that holds nothing yet): the
//      whole batch is scored before any article is placed, and every
//      similarity is corrected for how close each of the two articles is
//      to its nearest neighbours compared with the batch's typical article
//      (hubness reduction). In a crowded topic only a closer match then
//      counts; the reports of an isolated event, each other's only
//      neighbours, count for more.
//
// How good it is: on the clustering bench (6,483 leads of 2,161 stories,
// each told by three outlets in their own words, no dates) B-cubed F1 is
// 0.857 (P 0.92, R 0.80) and pairwise F1 0.766 in the file's order as a
// batch (0.835 / 0.710 added one by one before the thresholds were tuned
// for batches; 0.815 / 0.669 also without the second look, figures and
// weekdays). Order matters, as for any single pass: with the file
// shuffled, 0.799 / 0.667 (one by one 0.764 / 0.587). Split into 8
// resumed runs, shuffled: 0.717 / 0.512, since a restored story is one
// centroid and its lone article gets no second look.
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
//   clusterer.AttachLoneArticles();                         // then read Assignments()
//
// Saving and resuming (the store keeps it: `parallax cluster --db`):
// State() gives the document frequencies and, per story, its centroid, size,
// time span, outlets, figures and weekdays; a clusterer built from that
// state goes on adding articles to those stories. The articles behind a
// restored story are not kept, only its centroid, so later decisions about
// it use the centroid.
#ifndef PARALLAX_CLUSTER_H_
#define PARALLAX_CLUSTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/status.h"

namespace parallax {

// Stories are numbered from 1 in the order they start; a restored clusterer
// goes on after the highest restored id.
using StoryId = uint64_t;

// What the clusterer reads of an article.
struct ClusterDocument {
  std::string id;
  std::string title;
  std::string text;          // the lead or the whole text (only its first 100 words are read)
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
  // The figures it cites: numbers of three digits or more ("576,000") or
  // with a unit ("1.9 trillion", "7 percent"), years left out; hashed,
  // sorted, each once. Two reports of one event that both cite figures
  // nearly always share one.
  std::vector<uint64_t> figures;
  // The weekdays it names, bit 0 Monday ... bit 6 Sunday. News style names
  // the day of an event of the past week ("said on Tuesday"), so two
  // reports of one event that both name days nearly always share one.
  uint8_t weekdays = 0;
};

// The terms of a headline and lead (the first 100 words of `text`: a
// report's lead says what happened; the rest is background). Pure and
// thread-safe: callers vectorise many articles in parallel and add them in
// order.
ArticleTerms ExtractTerms(std::string_view title, std::string_view text);

// Seconds since the epoch of an ISO 8601 date ("2021-06-25") or date-time
// ("2021-06-25T14:03:00Z", "+02:00" offsets, fractions of a second); a date
// alone is taken as midnight UTC. Anything else is kInvalidInput.
Result<int64_t> ParsePublishedTime(std::string_view iso8601);

struct ClusterOptions {
  // An article published more than this after a story's latest article, or
  // before its earliest, never joins it. Only applies when both times are
  // known. The clustering bench has no dates, so this was not measured:
  // reports of one event appear within a day or two of each other, and
  // three days leaves room for a weekend without letting last week's
  // similar event ("trial opens" vs "verdict") absorb this week's.
  int64_t window_seconds = 3 * 24 * 3600;
  // Threads that score each article against the index. With 2, a helper
  // thread walks the postings of the older members while the caller walks
  // those of the newer ones, for an article whose walk is long enough to
  // share (16,384 postings): on full texts the walk is most of the time per
  // article (a whole run 0.92x as long on 29,726 news texts); short leads
  // are scored on one thread. Stories are the same for any count (each member's
  // similarity is summed by one thread in one order, and a story's sum
  // does not depend on the order of its members). AddBatch also scores
  // the batch's articles on two threads, each article on one: on the
  // clustering bench AddBatch took 0.66x as long. More than 2 is taken as 2.
  unsigned threads = 1;
  // Whether State() will be wanted, to resume in a later run. Only State()
  // reads a story's centroid (the sum of its members' vectors); without it
  // the clusterer keeps none, and State() gives the stories with empty
  // centroids. On 750,000 articles the centroids were a third of the
  // memory. The stories are the same either way.
  bool resumable = true;
};

// What a store keeps of one story to resume clustering later.
struct StoryState {
  StoryId id = 0;
  uint64_t size = 0;            // member articles
  int64_t first_published = -1;  // earliest / latest known time; -1 when none
  int64_t last_published = -1;
  std::vector<std::string> outlets;  // distinct, sorted
  // Sum of the members' unit term vectors (idf already applied), sorted by
  // term: the dot product of an article with it is the sum of its cosine
  // similarities to the members.
  std::vector<TermWeight> centroid;
  // The highest mean similarity any member has had to another article; the
  // mutual test compares a newcomer with it.
  float closest = 0;
  // The figures its articles cite and the weekdays they name (as in
  // ArticleTerms), so that a later run refuses a weak match that
  // disagrees on them, as the run that saw the articles would. Empty and 0
  // in states saved before they were kept: such a story disagrees on
  // nothing.
  std::vector<uint64_t> figures;
  uint8_t weekdays = 0;
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

// Not thread-safe: one thread adds at a time (ExtractTerms can run on many;
// ClusterOptions::threads lends the clusterer a helper of its own).
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

  // Adds a whole batch, counted ahead (CountTerms), in `order` (indexes
  // into docs and terms), then gives it the second look below. Better than
  // adding the articles one by one: all are scored before any is placed, so
  // each similarity is corrected for how crowded the two articles'
  // neighbourhoods are in the batch (in a crowded topic only a closer match
  // counts). Each article's term vector is released once read, unless
  // ClusterOptions::resumable. `progress`, when given, hears now and then
  // which pass it is in and how far it has got.
  using BatchProgress = std::function<void(std::string_view pass, size_t done, size_t total)>;
  void AddBatch(const std::vector<ClusterDocument>& docs, std::vector<ArticleTerms>& terms,
                const std::vector<size_t>& order, const BatchProgress& progress = {});

  // A second look, once a batch is in, at the articles still alone in a
  // story that this clusterer started (not a restored one): each joins the
  // story of two or more it resembles most when it is a mutual neighbour
  // of some member (against the members' closest articles of other
  // stories) and that story is clearly ahead of the runner-up. An article
  // that came before the rest of its story resembled nothing yet; now it
  // can. Returns how many moved; their old stories are left empty (and no
  // longer counted or saved). Assignments() has the moves.
  size_t AttachLoneArticles();

  // Every added article in the order added, with its story.
  std::vector<Assignment> Assignments() const;

  size_t article_count() const;
  size_t story_count() const;

  ClusterState State() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// The order to add `docs` in: the dated ones by publication time (stable),
// in the places dated documents hold; the undated ones where they are.
// Clustering is one pass, so order matters: an archive or a store may hold
// a backfill after a live feed, and a later report should not be judged
// before the first one. For undated documents the given order is all there is.
std::vector<size_t> PublicationOrder(const std::vector<ClusterDocument>& docs);

}  // namespace parallax

#endif  // PARALLAX_CLUSTER_H_
