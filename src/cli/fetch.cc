// parallax fetch / parallax watch: the outlets file -> RunFetchPass, once or
// every few minutes, until SIGINT or SIGTERM.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "parallax/follow.h"
#include "parallax/http.h"
#include "parallax/outlets.h"
#include "parallax/store.h"
#include "parallax/text.h"

namespace parallax::cli {

namespace {

constexpr const char* kFetchHelp = R"help(parallax fetch — one pass over the outlets you follow

Usage:
  parallax fetch --outlets FILE [--db PATH] [options]

Reads every feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) and sitemap (index,
urlset, news sitemap, gzipped or not) of every outlet in FILE, finds the
article addresses not fetched before (fragments and tracking parameters such
as utm_* dropped), fetches those pages, extracts them and stores each page
(compressed) with its article, fetch time and HTTP status. Then it updates
duplicate groups, stories and the search index, so 'parallax stories' and
'parallax serve' are current. Run it from cron, or use 'parallax watch'.

Politeness: one request at a time per host with --delay between two, or
robots.txt's longer Crawl-delay; robots.txt is obeyed; 429 and 5xx answers
are retried with backoff, honouring Retry-After; feeds are read with
If-None-Match / If-Modified-Since, so an unchanged feed costs a 304.

Safety: only http and https. Addresses that are loopback, private, link-local,
multicast or cloud metadata endpoints are refused, checked on the address
actually connected to; --allow-private lifts that, for an intranet or tests.

Options:
  --outlets FILE       the outlets file (see 'parallax help outlets'); required
  --db PATH            the database (default ./parallax.db); created when missing
  --contact ADDRESS    an e-mail or web address added to the User-Agent, so a
                       site can reach you; strongly recommended
  --user-agent TEXT    the whole User-Agent (default "parallax/0.1")
  --jobs N             threads extracting pages (default 0: one per core)
  --connections N      requests at once over all hosts (default 8)
  --per-host N         requests at once per host (default 1)
  --delay DURATION     between two requests to one host (default 1s)
  --timeout DURATION   per request (default 60s); --connect-timeout (default 10s)
  --max-bytes N        largest body accepted, after decompression (default 16777216)
  --max-pages N        new pages per outlet per pass, newest first (default 300);
                       the rest wait for the next pass
  --warc DIR           also write every request and response as WARC/1.1
                       (one gzip member a record) into DIR, one file a pass
  --allow-private      allow loopback and private addresses
  --no-stories         only store the articles; skip dedup, clustering, index
  --no-digest          update copies, stories and search, but leave digesting
                       quotes and wording (the web app's voices) to 'parallax
                       index': a large first pass is twice as fast
  -h, --help           this text
DURATION: a number with s, m or h ("90s", "10m", "1h"); a bare number is seconds.

Output:
  per outlet, one line (feeds read, unchanged, failed; new articles; errors)
  and the reason of each failure; a total line. A progress line on a terminal.

Exit codes:
  0 every feed and page answered; 1 some failed (named; the rest stored);
  2 bad command line or unreadable outlets file; 4 the database could not be
  opened or written. SIGINT or SIGTERM ends the pass early and cleanly:
  what was stored stays, and the next pass goes on from there.
)help";

constexpr const char* kWatchHelp = R"help(parallax watch — keep the store current with the outlets you follow

Usage:
  parallax watch --outlets FILE [--db PATH] [--every DURATION] [fetch options]

Runs a 'parallax fetch' pass now and then every DURATION (default 10m),
counted from the start of a pass, until SIGINT or SIGTERM, which ends the
current pass cleanly. Each pass prints its summary with the time. Killed
outright (SIGKILL, a power cut), it loses no stored article: a re-run picks
up where it stopped. The outlets file is read again before every pass, so
an edit takes effect without a restart (an edit that breaks it is reported,
and the outlets as last read are kept).

Options:
  --every DURATION     time between the starts of two passes (default 10m)
  --passes N           stop after N passes (default: run until stopped)
  and every option of 'parallax fetch' (see 'parallax help fetch').

Exit codes:
  0 stopped by a signal or after --passes; 2 bad command line or unreadable
  outlets file; 4 the database could not be opened or written.
)help";

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop.store(true); }

// SIGINT and SIGTERM only raise the flag: the pass checks it and ends at a
// safe point. A second signal is not special: the pass is already ending.
void CatchStopSignals() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// "90s", "10m", "1h", "45" (seconds) -> milliseconds; nothing when unusable.
std::optional<std::chrono::milliseconds> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  const long long value = std::stoll(text.substr(0, digits));
  const std::string unit = text.substr(digits);
  long long scale = 0;
  if (unit.empty() || unit == "s") scale = 1000;
  if (unit == "ms") scale = 1;
  if (unit == "m" || unit == "min") scale = 60 * 1000;
  if (unit == "h") scale = 3600 * 1000;
  if (scale == 0) return std::nullopt;
  return std::chrono::milliseconds(value * scale);
}

CLI::Validator Duration() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return ParseDuration(text) ? "" : "takes a duration such as 90s, 10m or 1h, got '" + text + "'";
      },
      "DURATION");
}

struct Options {
  std::string outlets;
  std::string db = "parallax.db";
  std::string contact;
  std::string user_agent = "parallax/0.1";
  std::string delay = "1s", timeout = "60s", connect_timeout = "10s", every = "10m";
  unsigned connections = 8, per_host = 1;
  size_t max_bytes = size_t{16} << 20;
  size_t passes = 0;
  bool allow_private = false, no_stories = false, no_digest = false;
  FollowOptions follow;
};

void Declare(CLI::App& app, Options& o) {
  app.add_option("--outlets", o.outlets);
  app.add_option("--db", o.db)->check(DatabasePath());
  app.add_option("--contact", o.contact);
  app.add_option("--user-agent", o.user_agent);
  app.add_option("--jobs", o.follow.jobs)->check(Jobs());
  app.add_option("--connections", o.connections)->check(Positive(1024));
  app.add_option("--per-host", o.per_host)->check(Positive(64));
  app.add_option("--delay", o.delay)->check(Duration());
  app.add_option("--timeout", o.timeout)->check(Duration());
  app.add_option("--connect-timeout", o.connect_timeout)->check(Duration());
  app.add_option("--max-bytes", o.max_bytes)->check(Positive());
  app.add_option("--max-pages", o.follow.max_pages_per_outlet)->check(Positive(1000000));
  app.add_option("--warc", o.follow.warc_dir);
  app.add_flag("--allow-private", o.allow_private);
  app.add_flag("--no-stories", o.no_stories);
  app.add_flag("--no-digest", o.no_digest);
}

HttpOptions HttpOptionsOf(const Options& o) {
  HttpOptions http;
  http.user_agent = o.user_agent;
  if (!o.contact.empty()) http.user_agent += " (+" + o.contact + ")";
  http.max_connections = o.connections;
  http.per_host = o.per_host;
  http.host_delay = *ParseDuration(o.delay);
  http.total_timeout = *ParseDuration(o.timeout);
  http.connect_timeout = *ParseDuration(o.connect_timeout);
  http.max_body = o.max_bytes;
  http.allow_private = o.allow_private;
  return http;
}

// The outlets file, its problems on stderr; nothing when it cannot be used.
std::optional<OutletsFile> ReadOutlets(const char* command, const std::string& path) {
  Result<OutletsFile> file = LoadOutlets(path);
  if (!file.ok()) {
    std::cerr << "parallax " << command << ": " << PrintableOneLine(file.status().message()) << "\n";
    return std::nullopt;
  }
  for (const OutletProblem& p : file->problems) {
    std::cerr << "parallax " << command << ": " << PrintableOneLine(path) << ":" << p.line << ": "
              << PrintableOneLine(p.message) << "\n";
  }
  if (file->outlets.empty()) {
    std::cerr << "parallax " << command << ": " << PrintableOneLine(path) << " names no usable outlet\n";
    return std::nullopt;
  }
  return std::move(*file);
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void PrintReport(const PassReport& report) {
  for (const OutletPassReport& o : report.outlets) {
    size_t read = 0, unchanged = 0, failed = 0;
    for (const FeedReport& f : o.feeds) {
      if (f.outcome == FeedReport::Outcome::kRead) ++read;
      if (f.outcome == FeedReport::Outcome::kUnchanged) ++unchanged;
      if (f.outcome == FeedReport::Outcome::kFailed) ++failed;
    }
    std::string line = o.outlet + ": " + Plural(read, "feed read", "feeds read") + ", " +
                       std::to_string(unchanged) + " unchanged, " + std::to_string(failed) + " failed; " +
                       Plural(o.new_articles, "new article", "new articles") + "; " +
                       Plural(o.page_errors, "error", "errors");
    if (o.pages_left > 0) line += "; " + std::to_string(o.pages_left) + " pages left for the next pass";
    std::cout << PrintableOneLine(line) << "\n";
    for (const FeedReport& f : o.feeds) {
      if (f.outcome != FeedReport::Outcome::kFailed) continue;
      std::cerr << "  " << f.kind << " " << PrintableOneLine(f.url) << ": " << PrintableOneLine(f.error) << "\n";
    }
    for (const std::string& e : o.errors) std::cerr << "  page " << PrintableOneLine(e) << "\n";
    if (o.page_errors > o.errors.size()) std::cerr << "  and " << o.page_errors - o.errors.size() << " more page errors\n";
  }
  std::string total = "pass: " + Plural(report.pages_fetched, "page", "pages") + " fetched, " +
                      Plural(report.articles_added, "new article", "new articles") + ", " +
                      std::to_string(report.duplicates) + " already stored; " +
                      std::to_string(report.http.not_modified) + " feeds unchanged (304), " +
                      std::to_string(report.http.retries) + " retries, " + std::to_string(report.http.disallowed) +
                      " disallowed by robots.txt, " + std::to_string(report.http.refused) + " addresses refused";
  if (report.stories_after > 0 || report.stories_before > 0) {
    total += "; stories " + std::to_string(report.stories_before) + " -> " + std::to_string(report.stories_after);
  }
  std::cout << PrintableOneLine(total) << "\n";
  if (!report.warc_path.empty()) std::cout << "WARC: " << PrintableOneLine(report.warc_path) << "\n";
  if (!report.warc_error.empty()) std::cerr << "WARC not written: " << PrintableOneLine(report.warc_error) << "\n";
  if (report.stopped) std::cerr << "stopped early: the next pass goes on from here\n";
  std::cout.flush();
}

// One pass with a progress line; nothing when the store failed (said).
std::optional<PassReport> Pass(const char* command, Store& store, const OutletsFile& outlets, HttpClient& client,
                               const FollowOptions& follow) {
  ProgressLine progress;
  Result<PassReport> report = RunFetchPass(
      store, outlets, client, follow,
      [&](const PassProgress& p) {
        if (p.done < p.total && !progress.Due()) return;
        progress.Show(std::string(p.phase) + " " + std::to_string(p.done) + "/" + std::to_string(p.total) + ", " +
                      Plural(p.new_articles, "new article", "new articles"));
      },
      &g_stop);
  progress.Clear();
  if (!report.ok()) {
    std::cerr << "parallax " << command << ": " << PrintableOneLine(report.status().message())
              << "; what was stored before stays, and the next pass goes on from there\n";
    return std::nullopt;
  }
  return std::move(*report);
}

int Run(const std::vector<std::string>& args, bool watch) {
  const char* command = watch ? "watch" : "fetch";
  Options o;
  CLI::App app;
  Declare(app, o);
  if (watch) {
    app.add_option("--every", o.every)->check(Duration());
    app.add_option("--passes", o.passes)->check(Positive());
  }
  if (const std::optional<int> stop = ParseOptions(app, args, command, watch ? kWatchHelp : kFetchHelp)) return *stop;
  if (o.outlets.empty()) {
    std::cerr << "parallax " << command << ": --outlets FILE is required (run 'parallax help " << command << "')\n";
    return kExitUsage;
  }
  o.follow.update_stories = !o.no_stories;
  o.follow.digest = !o.no_digest;
  o.follow.max_feed_bytes = std::max(o.follow.max_feed_bytes, o.max_bytes);
  // Read before the database is opened (and maybe created): a mistyped
  // outlets file should leave nothing behind.
  std::optional<OutletsFile> outlets = ReadOutlets(command, o.outlets);
  if (!outlets) return kExitUsage;
  Result<Store> store = Store::Open(o.db, OpenMode::kReadWrite);
  if (!store.ok()) {
    std::cerr << "parallax " << command << ": " << PrintableOneLine(store.status().message()) << "\n";
    return kExitOutputFailed;
  }
  CatchStopSignals();
  // The client keeps connections and each host's robots.txt between
  // passes; a day-old one is replaced, so a site's new robots.txt counts.
  auto client = std::make_unique<HttpClient>(HttpOptionsOf(o));
  auto client_made = std::chrono::steady_clock::now();
  const auto every = *ParseDuration(o.every);
  for (size_t pass = 1;; ++pass) {
    const auto started = std::chrono::steady_clock::now();
    if (started - client_made > std::chrono::hours(24)) {
      client = std::make_unique<HttpClient>(HttpOptionsOf(o));
      client_made = started;
    }
    if (pass > 1) {
      // An edit takes effect at the next pass; a broken edit keeps the last good file.
      std::optional<OutletsFile> again = ReadOutlets(command, o.outlets);
      if (again) {
        outlets = std::move(again);
      } else {
        std::cerr << "parallax " << command << ": keeping the outlets as last read\n";
      }
    }
    if (watch) std::cout << UtcNow() << " pass " << pass << "\n";
    std::optional<PassReport> report = Pass(command, *store, *outlets, *client, o.follow);
    if (!report) return kExitOutputFailed;
    PrintReport(*report);
    if (!watch) return report->HasFailures() || report->stopped ? kExitSomeInputsFailed : kExitOk;
    if (g_stop.load() || (o.passes > 0 && pass >= o.passes)) return kExitOk;
    while (!g_stop.load() && std::chrono::steady_clock::now() - started < every) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (g_stop.load()) return kExitOk;
  }
}

}  // namespace

int RunFetch(const std::vector<std::string>& args) { return Run(args, /*watch=*/false); }
int RunWatch(const std::vector<std::string>& args) { return Run(args, /*watch=*/true); }

}  // namespace parallax::cli
