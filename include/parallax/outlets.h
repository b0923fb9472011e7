// The outlets file: the outlets a user follows, written once (TOML, read
// with Debian's toml++). Per outlet its name, the domains its pages live
// on, its feeds and news sitemaps, language and country, and any number of
// labelled groups, for example a leaning with who rated it and when.
// parallax holds no ratings of its own: groups are the user's, or a rating
// agency's the user names.
//
//   [[outlets]]
//   name = "Emberly Courier"
//   domains = ["courier.example"]
//   feeds = ["https://courier.example/rss.xml"]
//   sitemaps = ["https://courier.example/news-sitemap.xml"]
//   language = "en"
//   country = "GB"
//   [outlets.groups]
//   leaning = { value = "left", source = "Invented Ratings Agency", as_of = "2026-11" }
//   ownership = "cooperative"
//
//   Result<OutletsFile> file = LoadOutlets("outlets.toml");
//   if (!file.ok()) return Fail(file.status());          // unreadable, or not TOML (with its line)
//   for (const OutletProblem& p : file->problems) ...    // every other problem, by line
#ifndef PARALLAX_OUTLETS_H_
#define PARALLAX_OUTLETS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax {

struct OutletGroup {
  std::string label;   // "leaning"
  std::string value;   // "left"
  std::string source;  // who says so; empty when the file does not say
  std::string as_of;   // when they said it
};

struct Outlet {
  std::string name;
  std::vector<std::string> domains;   // lower case, without "www."
  std::vector<std::string> feeds;     // http(s) URLs
  std::vector<std::string> sitemaps;  // http(s) URLs
  std::string language;               // ISO 639-1, lower case; may be empty
  std::string country;                // ISO 3166-1 alpha-2, upper case; may be empty
  std::vector<OutletGroup> groups;    // in the file's order
  uint32_t line = 0;                  // where its [[outlets]] table starts

  // The value of group `label`, or "" when the outlet has none.
  const std::string& Group(std::string_view label) const;
};

struct OutletProblem {
  uint32_t line = 0;
  std::string message;
};

struct OutletsFile {
  std::vector<Outlet> outlets;          // the usable ones, in the file's order
  std::vector<OutletProblem> problems;  // empty when the file is clean
  // Every group label, in order of first use.
  std::vector<std::string> GroupLabels() const;
  // The outlet of that name (case-insensitive, ASCII), or whose domain the
  // host is or ends in ("news.courier.example" is courier.example's).
  const Outlet* FindByName(std::string_view name) const;
  const Outlet* FindByHost(std::string_view host) const;
};

// How a story's outlets split over the values of one group label.
struct GroupCoverage {
  std::string label;                  // "leaning"
  std::vector<std::string> values;    // the file's values of it, in order of first use
  std::vector<size_t> outlets;        // per value: how many of the story's outlets have it
  size_t unknown = 0;                 // outlets not in the file, or without the label
  // Lopsided coverage: at least kBlindspotMinOutlets outlets with a known
  // value, and one value of the file absent or under kBlindspotShare of
  // them. Meaningless with fewer than two values, so never set then.
  bool blindspot = false;
  std::string weakest;                // the value absent or least present, when blindspot
};
inline constexpr size_t kBlindspotMinOutlets = 3;
inline constexpr double kBlindspotShare = 0.2;

// Reads and checks the file. A file that cannot be read, or is not TOML,
// is an error naming the line; every other problem (a missing name, a name
// twice, a feed that is not http(s), a group without a value, a key this
// reader does not know...) is listed in `problems`, and the outlet it
// concerns is left out when it cannot be used.
Result<OutletsFile> LoadOutlets(const std::string& path);
// The same from text already in memory; `name` names it in messages.
Result<OutletsFile> ParseOutlets(std::string_view text, const std::string& name);

// The coverage of a story whose articles come from `outlet_names` (each
// counted once, matched by name), by the values of `label` in `file`.
GroupCoverage CoverageByGroup(const OutletsFile& file, const std::string& label,
                              const std::vector<std::string>& outlet_names);

}  // namespace parallax

#endif  // PARALLAX_OUTLETS_H_
