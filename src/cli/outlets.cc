// parallax outlets check FILE: the outlets file's problems, by line.
// parallax outlets status: the health of every feed and sitemap followed.
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "parallax/follow.h"
#include "parallax/outlets.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax outlets — the outlets file

Usage:
  parallax outlets check FILE
  parallax outlets status [--db PATH] [--outlets FILE] [--days N]

An outlets file (TOML) names the outlets you follow, once: per outlet its
name, the domains its pages live on, feeds and news sitemaps, language,
country and any groups you sort outlets by (a leaning, an ownership...),
with who rated it and when. parallax holds no ratings of its own.

  [[outlets]]
  name = "Emberly Courier"
  domains = ["courier.example"]
  feeds = ["https://courier.example/rss.xml"]
  sitemaps = ["https://courier.example/news-sitemap.xml"]
  language = "en"
  country = "GB"
  [outlets.groups]
  leaning = { value = "left", source = "Invented Ratings Agency", as_of = "2026-11" }
  ownership = "cooperative"

'check' reads the file and names every problem with its line: a missing or
repeated name, a domain that is not one (or belongs to two outlets), a feed
or sitemap that is not an http(s) address, a language or country that is not
a two-letter code, a group without a value, an unknown key. Then it counts
the outlets and the values of each group. 'parallax serve --outlets FILE'
draws each story's coverage by group from it.

'status' shows, per outlet, each feed and sitemap that 'parallax fetch' has
read: its last success, its last error (and when), how often it answered
"unchanged" (304), the items it listed last, and the articles found through
it on each of the last N days (default 7) with any. With --outlets, feeds
listed in the file but never read yet are shown too, and feeds no longer in
the file are marked.

Exit codes:
  check: 0 the file is clean; 1 it has problems (listed) or cannot be read.
  status: 0 every feed's last read succeeded; 1 some failed last time;
  4 the database cannot be read. Both: 2 bad command line.
)";

struct StatusOptions {
  std::string db = "parallax.db";
  std::string outlets;
  size_t days = 7;
};

int ShowStatus(const StatusOptions& options) {
  Result<Store> store = Store::Open(options.db, OpenMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "parallax outlets: " << PrintableOneLine(store.status().message()) << "\n";
    return kExitOutputFailed;
  }
  OutletsFile outlets;
  if (!options.outlets.empty()) {
    Result<OutletsFile> file = LoadOutlets(options.outlets);
    if (!file.ok()) {
      std::cerr << "parallax outlets: " << PrintableOneLine(file.status().message()) << "\n";
      return kExitUsage;
    }
    outlets = std::move(*file);
  }
  Result<std::vector<FeedStatus>> health = FeedHealth(*store, outlets, options.days);
  if (!health.ok()) {
    std::cerr << "parallax outlets: " << PrintableOneLine(health.status().message()) << "\n";
    return kExitOutputFailed;
  }
  if (health->empty()) {
    std::cout << "no feed followed yet in " << PrintableOneLine(options.db)
              << " (run 'parallax fetch --outlets FILE --db " << PrintableOneLine(options.db) << "')\n";
    return kExitOk;
  }
  bool failing = false;
  std::string outlet;
  for (const FeedStatus& f : *health) {
    const FeedState& s = f.state;
    if (s.outlet != outlet) {
      outlet = s.outlet;
      std::cout << PrintableOneLine(outlet) << "\n";
    }
    std::cout << "  " << s.kind << " " << PrintableOneLine(s.url);
    if (!options.outlets.empty() && !f.in_outlets_file) std::cout << " (no longer in the outlets file)";
    std::cout << "\n";
    if (s.last_attempt.empty()) {
      std::cout << "    never read yet\n";
      continue;
    }
    std::cout << "    last success  " << (s.last_success.empty() ? "never" : s.last_success) << "; " << s.items
              << " items listed; unchanged (304) " << s.not_modified << " times\n";
    if (!s.last_error.empty()) {
      failing = true;
      std::cout << "    last error    " << s.last_error_at << " " << PrintableOneLine(s.last_error) << " ("
                << s.failures << " failures so far)\n";
    }
    std::cout << "    articles/day ";
    if (f.per_day.empty()) std::cout << " none yet";
    for (const FeedDay& d : f.per_day) std::cout << " " << d.day << " " << d.articles << ";";
    std::cout << "\n";
  }
  return failing ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace

int RunOutlets(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cout << kHelp;
    return kExitUsage;
  }
  std::string path;
  CLI::App app;
  CLI::App* check = app.add_subcommand("check");
  // Not required() here: an unknown option ("check -x.toml") is the better
  // thing to name than the FILE it leaves missing.
  check->add_option("FILE", path);
  StatusOptions status_options;
  CLI::App* status = app.add_subcommand("status");
  status->add_option("--db", status_options.db)->check(DatabasePath());
  status->add_option("--outlets", status_options.outlets);
  status->add_option("--days", status_options.days)->check(Positive(3650));
  if (const std::optional<int> stop = ParseOptions(app, args, "outlets", kHelp)) return *stop;
  if (status->parsed()) return ShowStatus(status_options);
  if (!check->parsed() || path.empty()) {
    std::cerr << "parallax outlets: usage: parallax outlets check FILE | status [--db PATH] (run 'parallax help "
                 "outlets')\n";
    return kExitUsage;
  }
  Result<OutletsFile> file = LoadOutlets(path);
  if (!file.ok()) {
    std::cerr << "parallax outlets: " << PrintableOneLine(file.status().message()) << "\n";
    return kExitSomeInputsFailed;
  }
  for (const OutletProblem& p : file->problems) {
    std::cerr << PrintableOneLine(path) << ":" << p.line << ": " << PrintableOneLine(p.message) << "\n";
  }
  std::string summary = std::to_string(file->outlets.size()) + (file->outlets.size() == 1 ? " outlet" : " outlets");
  for (const std::string& label : file->GroupLabels()) {
    std::map<std::string, size_t> counts;
    size_t without = 0;
    for (const Outlet& o : file->outlets) {
      const std::string& value = o.Group(label);
      value.empty() ? ++without : ++counts[value];
    }
    summary += "; " + label + ":";
    for (const auto& [value, count] : counts) summary += " " + value + " " + std::to_string(count) + ",";
    summary.pop_back();
    if (without > 0) summary += " (" + std::to_string(without) + " without)";
  }
  std::cout << PrintableOneLine(summary) << "\n";
  if (!file->problems.empty()) {
    std::cerr << "parallax outlets: " << file->problems.size() << " problem" << (file->problems.size() == 1 ? "" : "s")
              << " in " << PrintableOneLine(path) << "\n";
    return kExitSomeInputsFailed;
  }
  return kExitOk;
}

}  // namespace parallax::cli
