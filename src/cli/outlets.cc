// parallax outlets check FILE: the outlets file's problems, by line.
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "parallax/outlets.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax outlets — the outlets file

Usage:
  parallax outlets check FILE

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

Exit codes:
  0 the file is clean; 1 it has problems (listed) or cannot be read;
  2 bad command line.
)";

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
  if (const std::optional<int> stop = ParseOptions(app, args, "outlets", kHelp)) return *stop;
  if (!check->parsed() || path.empty()) {
    std::cerr << "parallax outlets: usage: parallax outlets check FILE (run 'parallax help outlets')\n";
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
