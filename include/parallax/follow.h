// follow: keeping a store current with the outlets a user follows. One
// pass reads every feed and sitemap of an outlets file (conditionally: an
// unchanged feed costs a 304), finds the article addresses not fetched
// before, fetches those pages politely (http.h), extracts them, stores each
// page with its article, and then brings duplicate groups, stories and the
// search index up to date, so `parallax stories` is current after every
// pass. `parallax fetch` runs one pass, `parallax watch` one every few
// minutes; both are thin over RunFetchPass.
//
// Killing a pass at any moment loses nothing stored: pages are stored with
// their articles in batches (one transaction each), and a feed's validators
// are saved only after its pages, so the next pass re-reads what this one
// did not finish and skips what it stored.
//
//   HttpClient client(options.http);
//   Result<PassReport> pass = RunFetchPass(store, outlets, client, options, progress, &stop);
#ifndef PARALLAX_FOLLOW_H_
#define PARALLAX_FOLLOW_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "parallax/http.h"
#include "parallax/outlets.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax {

struct FollowOptions {
  // New pages fetched per outlet in one pass, newest first: a first pass
  // over a 50,000-address sitemap should not take a day.
  size_t max_pages_per_outlet = 300;
  // Sitemaps of a sitemap index read in one pass, the most recently
  // modified first.
  size_t max_sitemaps_per_index = 10;
  // A gzipped sitemap is inflated up to this (the HTTP body cap applies to
  // the bytes as sent; a sitemap of 50,000 addresses is about 10 MB).
  size_t max_feed_bytes = size_t{64} << 20;
  // Threads extracting pages (0: one per core).
  unsigned jobs = 0;
  // Also write every request and response as WARC/1.1 into this directory.
  std::string warc_dir;
  // Bring duplicate groups, stories and the search index up to date after
  // the pass (off: only store the articles).
  bool update_stories = true;
  // Then also digest the new articles' quotes and wording (IndexStore: the
  // voices of the web app and the quote exports). The slowest step of a
  // large first pass; `parallax index` does it later when this is off.
  bool digest = true;
};

// One feed or sitemap in one pass.
struct FeedReport {
  enum class Outcome { kRead, kUnchanged, kFailed };
  std::string url;
  std::string kind;  // "feed" or "sitemap"
  Outcome outcome = Outcome::kRead;
  std::string error;     // kFailed: why
  size_t items = 0;      // addresses it lists
  size_t new_items = 0;  // of those, not fetched before
};

struct OutletPassReport {
  std::string outlet;
  std::vector<FeedReport> feeds;
  size_t pages_fetched = 0;
  size_t new_articles = 0;
  size_t page_errors = 0;            // pages that gave no article
  size_t pages_left = 0;             // new addresses left for the next pass (max_pages_per_outlet)
  std::vector<std::string> errors;   // the first few page errors, "URL: reason"
};

struct PassReport {
  std::vector<OutletPassReport> outlets;  // in the outlets file's order
  size_t pages_fetched = 0;
  size_t articles_added = 0;
  size_t duplicates = 0;        // pages whose article was stored already (same text)
  size_t stories_before = 0;
  size_t stories_after = 0;
  size_t duplicate_groups = 0;
  HttpStats http;
  std::string warc_path;        // the WARC file written, when one was
  std::string warc_error;       // why WARC writing stopped, when it did
  bool stopped = false;         // `stop` was raised: the pass ended early
  // True when any feed or page failed: `parallax fetch` exits 1.
  bool HasFailures() const;
};

// What a pass is doing, for a progress line.
struct PassProgress {
  const char* phase = "";  // "feeds", "sitemaps", "pages", "stories"
  size_t done = 0;
  size_t total = 0;
  size_t new_articles = 0;
};

// One pass. Fails as a whole only when the store cannot be read or
// written (what was committed before stays); every feed and page failure
// is in the report. `client` keeps robots.txt and connections between
// passes. `stop` (may be null) ends the pass early, cleanly.
Result<PassReport> RunFetchPass(Store& store, const OutletsFile& outlets, HttpClient& client,
                                const FollowOptions& options,
                                const std::function<void(const PassProgress&)>& progress,
                                const std::atomic<bool>* stop);

// The health of every feed and sitemap followed: its saved state and the
// articles found through it on each of the last `days` days with any.
struct FeedStatus {
  FeedState state;
  bool in_outlets_file = true;  // false: followed before, no longer listed
  std::vector<FeedDay> per_day;
};
Result<std::vector<FeedStatus>> FeedHealth(const Store& store, const OutletsFile& outlets, size_t days);

}  // namespace parallax

#endif  // PARALLAX_FOLLOW_H_
