// store: the embedded database that holds a corpus between commands.
//
// `parallax ingest` fills it, dedup and cluster read the articles and save
// their groups and stories in it, and `parallax stories` / `compare --story`
// read those back. One file (SQLite, in WAL mode); only src/store/ speaks SQL.
//
//   Result<Store> store = Store::Open("parallax.db", OpenMode::kReadWrite);
//   if (!store.ok()) return Fail(store.status());      // names the file and why
//   Result<AddReport> added = store->AddArticles(batch); // one transaction
//   if (!added.ok()) return Fail(added.status());      // disk full: batch not stored
//   store->ForEachArticle([&](const Article& a) { Index(a); return true; });
//   store->SaveStoryAssignments({{"reuters-17", "s1"}, {"bbc-4", "s1"}});
//   store->AddStoryAssignments({{"afp-9", "s1"}}, clusterer.State());  // a later run
//   for (const StorySummary& s : *store->ListStories()) ...
//
// What it promises:
//   * A batch is stored completely or not at all: a crash (even SIGKILL) or
//     a full disk in the middle of AddArticles loses at most that batch, and
//     the file opens again with every earlier batch intact.
//   * Adding the same article twice stores it once, so an ingest can simply
//     be re-run after an interruption. "The same" is the same external id,
//     or the same outlet with the same text (see ContentHash): a re-scrape
//     under a new URL. The same text from *another* outlet is stored: that
//     is syndication, which is what dedup and compare are about.
//   * Durability: commits are atomic and survive the process; synchronous is
//     NORMAL, so an operating-system crash or power cut may lose the last
//     few commits but never corrupts the file.
//
// Articles are named by their external id (Article::id: the id of a JSON
// lines record, or the path of an ingested page) in every call.
//
// A Store is one connection: use it from one thread at a time. Several
// processes may open one file; a writer waits up to 5 s for another.
#ifndef PARALLAX_STORE_H_
#define PARALLAX_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/analysis.h"
#include "parallax/article.h"
#include "parallax/cluster.h"
#include "parallax/dedup.h"
#include "parallax/status.h"

namespace parallax {

enum class OpenMode {
  kReadWrite,  // creates a missing file, upgrades an older schema
  kReadOnly,   // never writes: a missing file or an older schema is an error
};

// What happened to one article of a batch.
struct AddOutcome {
  enum class Kind {
    kAdded,
    kDuplicateId,    // an article with this id is stored (the first one stays)
    kDuplicateText,  // this outlet's same text (or headline, when it has no text) is
                     // stored under another id
    kFailed,         // unusable: no id, neither text nor title, not UTF-8
  };
  Kind kind = Kind::kAdded;
  // kDuplicateText: the id already stored; kFailed: why, for a user.
  std::string detail;
};

struct AddCounts {
  size_t added = 0;
  size_t duplicate = 0;  // kDuplicateId + kDuplicateText
  size_t failed = 0;
};

struct AddReport {
  AddCounts counts;
  std::vector<AddOutcome> outcomes;  // one per article of the batch, in its order
};

// Articles that are copies of one another (found by dedup).
struct DuplicateGroup {
  std::vector<std::string> article_ids;  // the first is the representative
};

// One story as `parallax stories` lists it.
struct StorySummary {
  int64_t id = 0;            // what `compare --story ID` takes; stable while the key is
  std::string key;           // the clusterer's name for it
  std::string headline;      // title of the earliest member that has one
  std::string first_published;  // earliest / latest non-empty `published` of
  std::string last_published;   // the members, compared as ISO 8601 text
  size_t size = 0;           // member articles
  std::vector<std::string> outlets;  // distinct, sorted
  // Its most quoted speakers: empty as listed, filled by StoryVoices for
  // pages that show them.
  std::vector<VoiceCount> voices;
};

enum class StoryOrder {
  kLargest,             // most articles first
  kMostOutletsRecent,   // most outlets first, then the most recently updated
};

// Which stories a list holds, and which page of them.
struct StoryQuery {
  StoryOrder order = StoryOrder::kLargest;
  // A time window, as ISO 8601 text ("2026-11-26", "2026-11-26T08:00:00Z"),
  // empty for an open end: stories with an article published at or after
  // `from` and one before `to` (undated stories only in an unbounded list).
  std::string from;
  std::string to;
  size_t offset = 0;
  size_t limit = 50;
};

// Full-text search: `text` is words (every one required; any other
// character only separates them), optionally from some outlets only and
// within a time window (ISO 8601 text, empty for an open end).
struct SearchQuery {
  std::string text;
  std::vector<std::string> outlets;
  std::string from;
  std::string to;
  size_t limit = 100;
};

// One matching article, best match first.
struct SearchHit {
  int64_t story = 0;  // its story's id, 0 when it has none yet
  std::string article_id;
  std::string outlet;
  std::string title;
  std::string published;
  std::string url;
  // Words of its text around the match, the matched words between U+0001
  // and U+0002 (for a renderer to mark; the text is the article's own).
  std::string snippet;
};

// One outlet as the store knows it: the outlet names its articles carry.
struct OutletSummary {
  std::string name;
  size_t articles = 0;
  std::string first_published;  // earliest / latest non-empty `published`
  std::string last_published;
};

// An article with the story it belongs to (0: none yet).
struct StoredArticle {
  Article article;
  int64_t story = 0;
};

// What one article says, as the store keeps it for lists and exports
// (IndexStore fills it from Analyze).
struct ArticleDigest {
  struct QuoteLine {
    std::string speaker;  // as the article names them; "" when it does not say
    std::string kind;     // "direct" or "reported"
    uint32_t paragraph = 0;
    std::string text;
  };
  struct WordingLine {
    std::string entry;     // the lexicon entry
    std::string category;
    std::string term;      // the words as they stand
    bool in_quote = false; // the speaker's words, not the outlet's
  };
  std::vector<QuoteLine> quotes;
  std::vector<WordingLine> wording;
};

// One stored quote with where it stands, for exports.
struct QuoteRecord {
  int64_t story = 0;  // 0: its article is in no story yet
  std::string article_id;
  std::string outlet;
  std::string published;
  ArticleDigest::QuoteLine quote;
};

// Which articles (or quotes) an export reads: those of one story, or those
// published in a window (ISO 8601 text, empty for an open end).
struct ExportQuery {
  int64_t story = 0;  // 0: any
  std::string from;
  std::string to;
};

// A story's comparison as a page and as JSON, and what it was made from.
struct StoredComparison {
  std::string signature;  // StorySignature when it was made
  std::string html;
  std::string json;
};

// A page fetched by `parallax fetch`: where it came from and what came
// back. Kept so that a page is fetched once, and so that its raw bytes can
// be extracted again by a better extractor.
struct FetchedPage {
  std::string url;          // the normalised address (NormalizeArticleUrl): the key
  std::string final_url;    // after redirects
  std::string outlet;
  std::string found_in;     // the feed or sitemap that listed it
  std::string fetched_at;   // ISO 8601 UTC
  int http_status = 0;
  std::string content_type;
  std::string packed_page;  // Store::PackPage of the raw bytes; empty when none are kept
  std::string error;        // why no article came of it ("" when one did)
  // The article made of it (id set), or none (empty id).
  Article article;
};

// What the store remembers of one feed or sitemap between passes.
struct FeedState {
  std::string url;
  std::string outlet;
  std::string kind;           // "feed", "sitemap" or "sitemap index"
  std::string etag;           // validators of the last 200, sent next time
  std::string last_modified;
  std::string last_attempt;   // ISO 8601 UTC
  std::string last_success;   // last 200 or 304
  std::string last_error;     // the last failure's reason ("" after a success)
  std::string last_error_at;
  int64_t items = 0;          // items in the last version read
  int64_t not_modified = 0;   // 304s so far
  int64_t failures = 0;       // failed reads so far
};

// Articles found through one feed or sitemap per day (of fetch), the
// latest day first.
struct FeedDay {
  std::string day;  // YYYY-MM-DD
  int64_t articles = 0;
};

class Store {
 public:
  // The schema this build writes; Open upgrades older files to it.
  static int LatestSchemaVersion();

  // Opens (kReadWrite: creates) the database at `path`. Errors name the
  // file: not found (kReadOnly), not a parallax database or damaged (the
  // header and schema are always read; files up to 64 MB are checked page
  // by page, larger ones report damage when the damaged part is read),
  // read-only file or directory (kReadWrite), written by a newer parallax.
  static Result<Store> Open(const std::string& path, OpenMode mode);

  Store(Store&& other) noexcept;
  Store& operator=(Store&& other) noexcept;
  ~Store();

  const std::string& path() const;
  int schema_version() const;

  // Stores a batch in one transaction (this is what makes ingest fast:
  // ~1,000 articles a commit). Per-article problems are outcomes; an error
  // Status (disk full, I/O error, read-only) means nothing of the batch was
  // stored. Paragraphs are kept with their roles; the `text` column holds
  // the body paragraphs separated by blank lines. An article needs an id
  // and a text or a title: a feed item may be a headline alone.
  Result<AddReport> AddArticles(const std::vector<Article>& batch);

  Result<size_t> CountArticles() const;

  // Calls `visit` for every article in the order they were added, with
  // paragraphs and roles restored, until it returns false.
  Status ForEachArticle(const std::function<bool(const Article&)>& visit) const;

  // Replaces all duplicate groups. Every id must be stored and in at most
  // one group; otherwise nothing changes and the Status says which id.
  Status ReplaceDuplicateGroups(const std::vector<DuplicateGroup>& groups);
  Result<std::vector<DuplicateGroup>> DuplicateGroups() const;

  // Calls `visit` for every article that has no story yet, in the order
  // they were added, until it returns false: what an incremental
  // clustering run has to add.
  Status ForEachUnclusteredArticle(const std::function<bool(const Article&)>& visit) const;

  // (article id, story key) pairs.
  using StoryAssignments = std::vector<std::pair<std::string, std::string>>;

  // Replaces the whole clustering with `assignments`: stories whose key is
  // absent are deleted, the others keep their numeric id, and each story's
  // headline, first/last time and size are recomputed. Every article id
  // must be stored and assigned at most once. The saved clusterer state is
  // dropped, since it describes the old stories (LoadClusterState is then
  // empty, and `parallax cluster --db` starts over).
  Status SaveStoryAssignments(const StoryAssignments& assignments);
  // The same, saving `state` (the clusterer's, having made `assignments`)
  // in the same transaction, so that a later run can resume from it.
  Status SaveStoryAssignments(const StoryAssignments& assignments, const ClusterState& state);

  // One incremental clustering run: adds `assignments` to the stored ones
  // and replaces the clusterer state with `state`, in one transaction, so
  // a crash leaves the stories and the state both as they were or both
  // new. The articles must have no story yet. A new key starts a story; a
  // known one keeps its numeric id, and the stories given articles get
  // their headline, first/last time and size recomputed. `state` must be
  // the saved one with these articles added (state.documents is the saved
  // count plus assignments.size()); otherwise another run has saved since
  // this one loaded it, and saving would lose that run's stories. On any
  // error nothing changes, and the Status names the article or the cause.
  Status AddStoryAssignments(const StoryAssignments& assignments, const ClusterState& state);

  // The clusterer state saved last: no documents and no stories when none
  // is saved. Restores exactly what was saved.
  Result<ClusterState> LoadClusterState() const;

  // Largest stories first.
  Result<std::vector<StorySummary>> ListStories() const;
  // The same order, `limit` stories after the first `offset`: a page of a
  // long list costs its own rows, not the whole list's.
  Result<std::vector<StorySummary>> ListStories(size_t offset, size_t limit) const;
  // A page in either order, within a time window (StoryQuery).
  Result<std::vector<StorySummary>> ListStories(const StoryQuery& query) const;
  Result<size_t> CountStories() const;
  // How many stories the query's window holds (offset and limit aside).
  Result<size_t> CountStories(const StoryQuery& query) const;

  // The stories of `ids`, in that order; ids with no story are left out.
  Result<std::vector<StorySummary>> StoriesById(const std::vector<int64_t>& ids) const;

  // Every outlet with articles, most articles first.
  Result<std::vector<OutletSummary>> ListOutlets() const;
  // Outlet `name` alone (0 articles when the store has none of it).
  Result<OutletSummary> DescribeOutlet(const std::string& name) const;
  // Outlet `name`'s articles, the latest first (undated last), at most
  // `limit`, each with its story. Empty when the outlet has none.
  Result<std::vector<StoredArticle>> OutletArticles(const std::string& name, size_t limit) const;

  // Brings the full-text index up to date with the stored articles (it is
  // a step of its own: indexing during AddArticles would halve its speed).
  // Returns how many articles it added; batches of 20,000 are committed one
  // by one, so an interrupted run keeps what it did.
  Result<size_t> UpdateSearchIndex();
  // Articles stored since the index was last brought up to date.
  Result<size_t> UnsearchableArticles() const;
  // Articles matching `query.text`, best first (FTS5's rank), at most
  // query.limit; articles added since the last UpdateSearchIndex are not
  // found. Empty when the text has no word.
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) const;

  // Digests the articles stored since the last run: `digest` gets them in
  // batches (id order) and returns one digest per article, which are saved
  // with the batch. Returns how many articles it digested; an interrupted
  // run keeps the batches it finished.
  using DigestBatch = std::function<std::vector<ArticleDigest>(const std::vector<Article>&)>;
  Result<size_t> UpdateDigests(const DigestBatch& digest);
  // Articles stored since digests were last brought up to date.
  Result<size_t> UndigestedArticles() const;
  // Per story of `ids` (in that order): the `top` speakers quoted in the
  // most of its articles (then the most often), named as the articles name
  // them, case aside. Read as UpdateStoryVoices kept them (up to 8), or
  // summed from the digests when the story changed since.
  Result<std::vector<std::vector<VoiceCount>>> StoryVoices(const std::vector<int64_t>& ids, size_t top) const;
  // Sums and keeps the voices of every story that changed (or gained a
  // digested article) since the last run. Returns how many it summed.
  Result<size_t> UpdateStoryVoices();
  // Every stored article, or quote of a digested article, that `query`
  // selects, in publication order (undated last); `visit` returns false to stop.
  Status ForEachExportArticle(const ExportQuery& query, const std::function<bool(const StoredArticle&)>& visit) const;
  Status ForEachQuote(const ExportQuery& query, const std::function<bool(const QuoteRecord&)>& visit) const;

  // Fetched pages (`parallax fetch`). Which of `urls` (normalised) have
  // been fetched already, as a parallel vector.
  Result<std::vector<bool>> KnownPages(const std::vector<std::string>& urls) const;
  // Stores the pages and the articles made of them in one transaction, so a
  // killed fetch keeps a page exactly when it keeps its article (and a
  // re-run fetches the rest). A page already known is replaced. The report
  // has an outcome per page with an article, in order.
  Result<AddReport> AddFetchedPages(const std::vector<FetchedPage>& pages);
  // The raw bytes kept for page `url` (normalised), unpacked; NotFound when
  // none are kept.
  Result<std::string> FetchedPageBytes(const std::string& url) const;
  // Compresses raw page bytes as AddFetchedPages keeps them: callers pack on
  // their own threads, so the single writer does not.
  static std::string PackPage(std::string_view raw);

  // Feeds and sitemaps followed: every state saved, by outlet then address.
  Result<std::vector<FeedState>> FeedStates() const;
  // Saves the states (replacing those of the same address) in one transaction.
  Status SaveFeedStates(const std::vector<FeedState>& states);
  // Articles found through feed `url` per day, the last `days` days with any.
  Result<std::vector<FeedDay>> FeedArticlesPerDay(const std::string& url, size_t days) const;

  // Which articles story `story_id` has, in a few bytes: it changes when
  // the story gains or loses an article. NotFound for no such story.
  Result<std::string> StorySignature(int64_t story_id) const;
  // The comparison kept for the story, whatever its signature; nothing when
  // none is kept.
  Result<std::optional<StoredComparison>> ReadComparison(int64_t story_id) const;
  // Keeps `comparison` for the story (compressed), replacing any before.
  Status SaveComparison(int64_t story_id, const StoredComparison& comparison);
  // Stories whose kept comparison is missing or was made from other
  // articles, the largest first, at most `limit`.
  Result<std::vector<int64_t>> StoriesToCompare(size_t limit) const;

  // The members of story `story_id`, earliest first (undated ones last).
  Result<std::vector<Article>> StoryArticles(int64_t story_id) const;

  // A number that changes whenever another connection commits to the file
  // (SQLite's data_version): a reader's cheap test of whether anything it
  // has read may have changed.
  Result<int64_t> DataVersion() const;

  // Reads every page (PRAGMA quick_check): about 0.5 s a GB from the page
  // cache, so Open does it for small files only.
  Status CheckIntegrity() const;

  struct Impl;  // src/store/internal.h

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The step of `parallax index`: makes the articles stored since the last
// run searchable (UpdateSearchIndex) and digests them (Analyze on `threads`
// threads, 0: all cores; UpdateDigests) and sums the voices of the stories
// that changed (UpdateStoryVoices), so the web app can show voices and
// exports can list quotes. `progress` (may be empty) hears the articles
// digested so far and how many there were to do.
struct IndexReport {
  size_t searchable = 0;  // articles added to the full-text index
  size_t digested = 0;    // articles digested
  size_t stories = 0;     // stories whose voices were summed again
};
Result<IndexReport> IndexStore(Store& store, unsigned threads,
                               const std::function<void(size_t done, size_t total)>& progress = {});

// The step of `parallax dedup --db`: every stored article with words in its
// text against every other (signed on `threads` threads, 0: one per core),
// and the groups the pairs make, for Store::ReplaceDuplicateGroups.
// `reading` (may be empty) hears how many articles were read so far, now
// and then; `pairing` how many are compared, once reading is done. An error when the store cannot
// be read or holds more than NearDuplicateIndex::kMaxDocuments.
struct StoredDuplicates {
  std::vector<std::string> ids;   // the articles compared, numbered as in `pairs`
  std::vector<DuplicatePair> pairs;
  std::vector<DuplicateGroup> groups;
  DedupStats stats;
  std::vector<std::string> wordless;  // articles with text but no word: skipped
  size_t headlines_only = 0;          // articles stored without text: skipped
};
Result<StoredDuplicates> FindStoredDuplicates(const Store& store, const DedupOptions& options, unsigned threads,
                                              const std::function<void(size_t read)>& reading = {},
                                              const std::function<void(size_t documents)>& pairing = {});

// The step of `parallax cluster --db`: the stored articles without a story
// join the stories of earlier runs (the saved clusterer state), or, with
// `rebuild` or nothing saved, every article is clustered afresh; in
// publication order, terms extracted on `jobs` threads while reading.
// Nothing is saved: the caller saves `assignments` with `state`
// (AddStoryAssignments when `resumed`, else SaveStoryAssignments).
struct StoredClustering {
  bool resumed = false;
  Store::StoryAssignments assignments;  // the articles of this run, with their stories' keys
  ClusterState state;
  size_t stories_before = 0;  // stories the clusterer started with
  size_t stories_after = 0;
  // Articles whose `published` was not understood: clustered without a date.
  std::vector<std::pair<std::string, std::string>> undated;  // (article id, why)
};
Result<StoredClustering> ClusterStoredArticles(const Store& store, const ClusterOptions& options, unsigned jobs,
                                               bool rebuild, const std::function<void(size_t read)>& reading = {},
                                               const StoryClusterer::BatchProgress& clustering = {});

// The key the store deduplicates on: a 128-bit hash (32 hex digits) of the
// outlet and all paragraph text, with runs of white space collapsed to one
// space and ASCII letters lower-cased, so re-wrapped or re-cased copies of
// one outlet's article count as the same.
std::string ContentHash(const Article& article);

}  // namespace parallax

#endif  // PARALLAX_STORE_H_
