// RunFetchPass: feeds and sitemaps -> new addresses -> pages -> store ->
// stories. The order of the steps is what makes a killed pass harmless
// (see follow.h).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "follow/pages.h"
#include "follow/stories.h"
#include "parallax/feeds.h"
#include "parallax/follow.h"
#include "parallax/ingest.h"
#include "parallax/text.h"
#include "parallax/url.h"
#include "parallax/warc.h"

namespace parallax {

using follow_internal::PageLead;
using follow_internal::PageWorkers;

namespace {

// Pages stored per transaction: few enough that a kill loses little, many
// enough that commits cost nothing next to fetching.
constexpr size_t kPagesPerCommit = 64;
constexpr std::chrono::milliseconds kCommitEvery{500};
// Page errors named in an outlet's report; the rest are counted.
constexpr size_t kErrorsShown = 5;

bool Stopped(const std::atomic<bool>* stop) { return stop != nullptr && stop->load(); }

// One feed or sitemap to read in this pass.
struct FeedJob {
  size_t outlet = 0;
  FeedState state;       // as saved, updated by this pass
  FeedState saved;       // as saved before the pass
  size_t report = 0;     // index into the outlet's feeds report
  std::vector<FeedItem> items;  // what it listed (addresses of pages, or of sitemaps for an index)
  bool index = false;    // a sitemap index: its items are sitemaps
};

class Pass {
 public:
  Pass(Store& store, const OutletsFile& outlets, HttpClient& client, const FollowOptions& options,
       const std::function<void(const PassProgress&)>& progress, const std::atomic<bool>* stop)
      : store_(store), outlets_(outlets), client_(client), options_(options), progress_(progress), stop_(stop) {}

  Result<PassReport> Run();

 private:
  Status LoadStates();
  void ReadFeeds(std::vector<size_t> jobs, const char* phase);
  void TakeFeed(FeedJob& job, HttpResult&& result);
  std::vector<size_t> SitemapsOfIndexes(const std::vector<size_t>& jobs);
  Result<std::vector<PageLead>> NewPages();
  Status FetchPages(const std::vector<PageLead>& leads);
  Status Keep(std::vector<FetchedPage>&& pages);
  Status SaveStates();
  void Progress(const char* phase, size_t done, size_t total) {
    if (progress_) progress_({phase, done, total, report_.articles_added});
  }

  Store& store_;
  const OutletsFile& outlets_;
  HttpClient& client_;
  const FollowOptions& options_;
  const std::function<void(const PassProgress&)>& progress_;
  const std::atomic<bool>* stop_;
  PassReport report_;
  std::vector<FeedJob> feeds_;
  std::map<std::string, FeedState> saved_;  // by address
  std::unordered_map<std::string, size_t> outlet_by_name_;
  std::set<size_t> retry_later_;  // outlets with pages to fetch again next pass
};

Status Pass::LoadStates() {
  Result<std::vector<FeedState>> states = store_.FeedStates();
  if (!states.ok()) return states.status();
  for (FeedState& s : *states) saved_.emplace(s.url, std::move(s));
  for (size_t i = 0; i < outlets_.outlets.size(); ++i) {
    const Outlet& outlet = outlets_.outlets[i];
    outlet_by_name_.emplace(outlet.name, i);
    OutletPassReport& r = report_.outlets.emplace_back();
    r.outlet = outlet.name;
    auto add = [&](const std::string& url, const char* kind) {
      FeedJob job;
      job.outlet = i;
      auto it = saved_.find(url);
      if (it != saved_.end()) job.saved = it->second;
      job.saved.url = url;
      job.saved.outlet = outlet.name;
      job.saved.kind = kind;
      job.state = job.saved;
      job.report = r.feeds.size();
      r.feeds.push_back({url, kind, FeedReport::Outcome::kRead, "", 0, 0});
      feeds_.push_back(std::move(job));
    };
    for (const std::string& url : outlet.feeds) add(url, "feed");
    for (const std::string& url : outlet.sitemaps) add(url, "sitemap");
  }
  return Status::Ok();
}

void Pass::TakeFeed(FeedJob& job, HttpResult&& result) {
  FeedReport& r = report_.outlets[job.outlet].feeds[job.report];
  FeedState& s = job.state;
  const std::string now = UtcNow();
  s.last_attempt = now;
  auto fail = [&](std::string why) {
    r.outcome = FeedReport::Outcome::kFailed;
    r.error = why;
    s.last_error = std::move(why);
    s.last_error_at = now;
    ++s.failures;
  };
  if (!result.error.ok()) return fail(result.error.ToString());
  if (result.not_modified) {
    r.outcome = FeedReport::Outcome::kUnchanged;
    s.last_success = now;
    s.last_error.clear();
    ++s.not_modified;
    return;
  }
  if (result.status != 200) return fail("HTTP " + std::to_string(result.status));
  std::string body = std::move(result.body);
  // A sitemap is often served gzipped as a file (sitemap.xml.gz), not as
  // an encoding of the response: inflate it within the same cap.
  if (body.size() >= 2 && body[0] == '\x1f' && body[1] == '\x8b') {
    Result<std::string> inflated = GunzipBytes(body, options_.max_feed_bytes);
    if (!inflated.ok()) return fail(inflated.status().message());
    body = std::move(*inflated);
  }
  const std::string& base = result.final_url.empty() ? result.url : result.final_url;
  Result<ParsedFeed> parsed = ParseFeed(body, base, result.charset, FeedOptions{});
  if (!parsed.ok()) return fail(parsed.status().message());
  job.index = parsed->kind == FeedKind::kSitemapIndex;
  // An index is read whole every pass (it is small): on a 304 its sitemaps,
  // which are what change, would not be known.
  if (job.index) s.kind = "sitemap index";
  job.items = std::move(parsed->items);
  r.items = job.items.size();
  s.items = static_cast<int64_t>(job.items.size());
  s.etag = job.index ? "" : result.etag;
  s.last_modified = job.index ? "" : result.last_modified;
  s.last_success = now;
  s.last_error.clear();
}

void Pass::ReadFeeds(std::vector<size_t> jobs, const char* phase) {
  std::vector<HttpRequest> requests;
  for (size_t j : jobs) {
    const FeedState& s = feeds_[j].saved;
    requests.push_back({s.url, s.etag, s.last_modified, j});
  }
  size_t done = 0;
  Progress(phase, 0, requests.size());
  client_.Fetch(
      std::move(requests),
      [&](HttpResult&& result) {
        TakeFeed(feeds_[result.tag], std::move(result));
        Progress(phase, ++done, jobs.size());
      },
      stop_);
}

// The sitemaps that the indexes read list, the most recently modified
// first (ISO 8601 sorts as text), max_sitemaps_per_index of each.
std::vector<size_t> Pass::SitemapsOfIndexes(const std::vector<size_t>& jobs) {
  std::vector<size_t> children;
  std::set<std::string> seen;
  for (const FeedJob& f : feeds_) seen.insert(f.saved.url);
  for (size_t j : jobs) {
    if (!feeds_[j].index) continue;
    std::vector<FeedItem> listed = feeds_[j].items;
    std::stable_sort(listed.begin(), listed.end(),
                     [](const FeedItem& a, const FeedItem& b) { return a.published > b.published; });
    if (listed.size() > options_.max_sitemaps_per_index) listed.resize(options_.max_sitemaps_per_index);
    const size_t outlet = feeds_[j].outlet;
    for (const FeedItem& item : listed) {
      if (!seen.insert(item.url).second) continue;
      FeedJob child;
      child.outlet = outlet;
      auto it = saved_.find(item.url);
      if (it != saved_.end()) child.saved = it->second;
      child.saved.url = item.url;
      child.saved.outlet = outlets_.outlets[outlet].name;
      child.saved.kind = "sitemap";
      child.state = child.saved;
      OutletPassReport& r = report_.outlets[outlet];
      child.report = r.feeds.size();
      r.feeds.push_back({item.url, "sitemap", FeedReport::Outcome::kRead, "", 0, 0});
      children.push_back(feeds_.size());
      feeds_.push_back(std::move(child));
    }
  }
  return children;
}

// Every address the feeds list that is not stored yet, per outlet the
// newest first, at most max_pages_per_outlet.
Result<std::vector<PageLead>> Pass::NewPages() {
  std::vector<std::vector<PageLead>> per_outlet(outlets_.outlets.size());
  std::unordered_map<std::string, size_t> seen;  // address -> index in `all`
  std::vector<std::pair<size_t, size_t>> origin;  // (feed job, outlet) per lead, for counting
  std::vector<PageLead> all;
  for (size_t j = 0; j < feeds_.size(); ++j) {
    const FeedJob& job = feeds_[j];
    if (job.index) continue;
    for (const FeedItem& item : job.items) {
      std::string key = NormalizeArticleUrl(item.url);
      if (key.empty()) continue;
      auto [it, first] = seen.emplace(key, all.size());
      if (!first) {
        // Listed twice (a feed and a sitemap): what one listing lacks, the other may say.
        PageLead& lead = all[it->second];
        if (lead.published.empty()) lead.published = item.published;
        if (lead.title.empty()) lead.title = item.title;
        continue;
      }
      all.push_back({std::move(key), job.outlet, outlets_.outlets[job.outlet].name, job.saved.url, item.title,
                     item.published});
      origin.emplace_back(j, job.outlet);
    }
  }
  std::vector<std::string> keys;
  keys.reserve(all.size());
  for (const PageLead& lead : all) keys.push_back(lead.url);
  Result<std::vector<bool>> known = store_.KnownPages(keys);
  if (!known.ok()) return known.status();
  for (size_t i = 0; i < all.size(); ++i) {
    if ((*known)[i]) continue;
    FeedJob& job = feeds_[origin[i].first];
    ++report_.outlets[job.outlet].feeds[job.report].new_items;
    per_outlet[all[i].outlet].push_back(std::move(all[i]));
  }
  std::vector<PageLead> leads;
  for (size_t o = 0; o < per_outlet.size(); ++o) {
    std::vector<PageLead>& mine = per_outlet[o];
    std::stable_sort(mine.begin(), mine.end(),
                     [](const PageLead& a, const PageLead& b) { return a.published > b.published; });
    if (mine.size() > options_.max_pages_per_outlet) {
      report_.outlets[o].pages_left = mine.size() - options_.max_pages_per_outlet;
      mine.resize(options_.max_pages_per_outlet);
    }
    for (PageLead& lead : mine) leads.push_back(std::move(lead));
  }
  return leads;
}

Status Pass::Keep(std::vector<FetchedPage>&& pages) {
  if (pages.empty()) return Status::Ok();
  Result<AddReport> added = store_.AddFetchedPages(pages);
  if (!added.ok()) return added.status();
  size_t next = 0;
  for (const FetchedPage& page : pages) {
    OutletPassReport& r = report_.outlets[outlet_by_name_.at(page.outlet)];
    ++r.pages_fetched;
    ++report_.pages_fetched;
    std::string error = page.error;
    if (!page.article.id.empty()) {
      const AddOutcome& outcome = added->outcomes[next++];
      if (outcome.kind == AddOutcome::Kind::kAdded) {
        ++r.new_articles;
        ++report_.articles_added;
      } else if (outcome.kind == AddOutcome::Kind::kFailed) {
        error = outcome.detail;
      } else {
        ++report_.duplicates;
      }
    }
    if (!error.empty()) {
      ++r.page_errors;
      if (r.errors.size() < kErrorsShown) r.errors.push_back(page.url + ": " + error);
    }
  }
  return Status::Ok();
}

Status Pass::FetchPages(const std::vector<PageLead>& leads) {
  std::vector<HttpRequest> requests;
  requests.reserve(leads.size());
  for (size_t i = 0; i < leads.size(); ++i) requests.push_back({leads[i].url, "", "", i});
  PageWorkers workers(options_.jobs == 0 ? std::thread::hardware_concurrency() : options_.jobs, 64);
  std::vector<FetchedPage> pending;
  Status store_error;
  auto last_commit = std::chrono::steady_clock::now();
  auto keep = [&](std::vector<FetchedPage>&& finished, size_t at_least) {
    pending.insert(pending.end(), std::make_move_iterator(finished.begin()), std::make_move_iterator(finished.end()));
    if (!store_error.ok() || pending.empty()) return;
    // A slow site still gets its pages stored every little while.
    const auto now = std::chrono::steady_clock::now();
    if (pending.size() < at_least && now - last_commit < kCommitEvery) return;
    store_error = Keep(std::move(pending));
    pending.clear();
    last_commit = now;
  };
  size_t done = 0;
  Progress("pages", 0, leads.size());
  client_.Fetch(
      std::move(requests),
      [&](HttpResult&& result) {
        const PageLead& lead = leads[result.tag];
        Progress("pages", ++done, leads.size());
        if (!follow_internal::WorthKeeping(result)) {
          OutletPassReport& r = report_.outlets[lead.outlet];
          ++r.page_errors;
          // A time-out or a "later" (429, 5xx) is worth another try; a
          // refusal (robots.txt, a private address, a redirect loop) is not.
          if (result.error.ok() || result.error.code() == Status::Code::kIoError) retry_later_.insert(lead.outlet);
          const std::string why = result.error.ok()
                                      ? "HTTP " + std::to_string(result.status) + " (tried again next pass)"
                                      : result.error.ToString();
          if (r.errors.size() < kErrorsShown) r.errors.push_back(lead.url + ": " + why);
          return;
        }
        workers.Push(&lead, std::move(result));
        keep(workers.Take(), kPagesPerCommit);
      },
      stop_);
  keep(workers.Finish(), 1);
  return store_error;
}

// Validators are saved only for the feeds of outlets whose new pages were
// all stored: otherwise the next pass would get a 304 and never see the
// pages left for later, or those to try again.
Status Pass::SaveStates() {
  std::vector<FeedState> states;
  for (FeedJob& job : feeds_) {
    const bool complete = !report_.stopped && report_.outlets[job.outlet].pages_left == 0 &&
                          retry_later_.count(job.outlet) == 0;
    if (!complete) {
      job.state.etag = job.saved.etag;
      job.state.last_modified = job.saved.last_modified;
    }
    states.push_back(std::move(job.state));
  }
  return store_.SaveFeedStates(states);
}

Result<PassReport> Pass::Run() {
  // The client counts over its life (a watch's); the report counts this pass.
  const HttpStats before = client_.stats();
  Status loaded = LoadStates();
  if (!loaded.ok()) return loaded;
  std::optional<WarcWriter> warc;
  if (!options_.warc_dir.empty()) {
    Result<WarcWriter> created = WarcWriter::Create(options_.warc_dir, "parallax");
    if (created.ok()) {
      warc.emplace(std::move(*created));
      report_.warc_path = warc->path();
    } else {
      report_.warc_error = created.status().message();
    }
  }
  // Every exchange of the pass is archived: robots.txt, feeds, pages.
  struct StopRecording {
    HttpClient& client;
    ~StopRecording() { client.RecordExchanges(nullptr); }
  } stop_recording{client_};
  if (warc) {
    client_.RecordExchanges([&](const HttpExchange& exchange) {
      if (!report_.warc_error.empty()) return;
      Status written = warc->Write(exchange);
      if (!written.ok()) report_.warc_error = written.message();
    });
  }
  std::vector<size_t> first(feeds_.size());
  for (size_t i = 0; i < first.size(); ++i) first[i] = i;
  ReadFeeds(first, "feeds");
  std::vector<size_t> children = SitemapsOfIndexes(first);
  if (!children.empty() && !Stopped(stop_)) ReadFeeds(children, "sitemaps");
  Result<std::vector<PageLead>> leads = NewPages();
  if (!leads.ok()) return leads.status();

  Status fetched = Stopped(stop_) ? Status::Ok() : FetchPages(*leads);
  report_.stopped = Stopped(stop_);
  if (!fetched.ok()) return fetched;
  Status saved = SaveStates();
  if (!saved.ok()) return saved;
  const HttpStats after = client_.stats();
  report_.http.requests = after.requests - before.requests;
  report_.http.not_modified = after.not_modified - before.not_modified;
  report_.http.retries = after.retries - before.retries;
  report_.http.refused = after.refused - before.refused;
  report_.http.disallowed = after.disallowed - before.disallowed;
  report_.http.bytes = after.bytes - before.bytes;
  if (options_.update_stories && !report_.stopped) {
    Progress("stories", 0, 1);
    Status updated = follow_internal::UpdateStories(store_, options_.jobs, options_.digest, report_);
    if (!updated.ok()) return updated;
    Progress("stories", 1, 1);
  }
  return std::move(report_);
}

}  // namespace

bool PassReport::HasFailures() const {
  for (const OutletPassReport& o : outlets) {
    if (o.page_errors > 0) return true;
    for (const FeedReport& f : o.feeds) {
      if (f.outcome == FeedReport::Outcome::kFailed) return true;
    }
  }
  return !warc_error.empty();
}

Result<PassReport> RunFetchPass(Store& store, const OutletsFile& outlets, HttpClient& client,
                                const FollowOptions& options,
                                const std::function<void(const PassProgress&)>& progress,
                                const std::atomic<bool>* stop) {
  Pass pass(store, outlets, client, options, progress, stop);
  return pass.Run();
}

}  // namespace parallax
