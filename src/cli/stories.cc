// parallax stories: the stories saved in the store, largest first.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax stories — the stories in the database, largest first

Usage:
  parallax stories [--db PATH] [--json] [--limit N]

Stories are groups of articles about one event, saved in the database by
'parallax cluster --db PATH' after 'parallax ingest'. Each row shows:
  ID        the number to give 'parallax compare --db PATH --story ID'
  ARTICLES  how many articles the story has
  OUTLETS   how many outlets reported it, and the first few by name
  FIRST     the earliest and latest publication time of its articles
  LAST      (as the articles give them; - when none is dated)
  HEADLINE  the title of its earliest article

Options:
  --db PATH   the database (default ./parallax.db)
  --json      one JSON object per story and line, fields id, key, size,
              outlets (all of them), first_published, last_published,
              headline; null for a time no article gives
  --limit N   only the N largest stories
  -h, --help  this text

Examples:
  parallax ingest --db news.db feed.jsonl && parallax cluster --db news.db &&
    parallax stories --db news.db --limit 20
  parallax compare --db news.db --story 3
  parallax stories --json | jq -r 'select(.outlets | length >= 3) | .id'

Exit codes:
  0 ok (also when there are no stories yet); 1 the database could not be
  read (missing, damaged, not parallax's); 2 bad command line; 4 could not
  write the output.
)";

// Outlet names shown in the table before "+N".
constexpr size_t kOutletsShown = 3;

struct Options {
  std::string db = "parallax.db";
  bool json = false;
  size_t limit = 0;  // 0: all
};

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

nlohmann::ordered_json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

// "5: Courier, Beacon, Post +2"
std::string OutletCell(const StorySummary& story) {
  std::string cell = std::to_string(story.outlets.size());
  for (size_t i = 0; i < story.outlets.size() && i < kOutletsShown; ++i) {
    cell += (i == 0 ? ": " : ", ") + story.outlets[i];
  }
  if (story.outlets.size() > kOutletsShown) {
    cell += " +" + std::to_string(story.outlets.size() - kOutletsShown);
  }
  return cell;
}

// Width in characters, so outlet names in Cyrillic or CJK do not skew the
// columns after them.
size_t Width(const std::string& s) {
  return std::count_if(s.begin(), s.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

void PrintTable(const std::vector<StorySummary>& stories) {
  std::vector<std::vector<std::string>> rows = {
      {"ID", "ARTICLES", "OUTLETS", "FIRST", "LAST", "HEADLINE"}};
  for (const StorySummary& s : stories) {
    // Headlines and outlet names are the pages' own text: escaped, so a
    // control character in one cannot rewrite the reader's terminal.
    rows.push_back({std::to_string(s.id), std::to_string(s.size), PrintableOneLine(OutletCell(s)),
                    PrintableOneLine(OrDash(s.first_published)), PrintableOneLine(OrDash(s.last_published)),
                    PrintableOneLine(s.headline)});
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const bool number = c <= 1;  // right-aligned
      const std::string pad(widths[c] - Width(row[c]), ' ');
      if (c + 1 == row.size()) {
        line += row[c];  // the last column is not padded
      } else {
        line += (number ? pad + row[c] : row[c] + pad) + "  ";
      }
    }
    std::cout << line << "\n";
  }
}

}  // namespace

int RunStories(const std::vector<std::string>& args) {
  Options options;
  CLI::App app;
  app.add_option("--db", options.db)->check(DatabasePath());
  app.add_flag("--json", options.json);
  app.add_option("--limit", options.limit)->check(Positive());
  if (const std::optional<int> stop = ParseOptions(app, args, "stories", kHelp)) return *stop;
  Result<Store> store = Store::Open(options.db, OpenMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "parallax stories: " << store.status().message() << "\n";
    return kExitSomeInputsFailed;
  }
  Result<std::vector<StorySummary>> stories = store->ListStories();
  if (!stories.ok()) {
    std::cerr << "parallax stories: " << stories.status().message() << "\n";
    return kExitSomeInputsFailed;
  }
  if (options.limit > 0 && stories->size() > options.limit) stories->resize(options.limit);
  if (stories->empty()) {
    const Result<size_t> articles = store->CountArticles();
    std::cerr << "parallax stories: no stories in " << options.db << " yet ("
              << (articles.ok() ? std::to_string(*articles) : std::string("?"))
              << " articles); 'parallax cluster --db " << options.db << "' makes them\n";
  } else if (options.json) {
    for (const StorySummary& s : *stories) {
      nlohmann::ordered_json j;
      j["id"] = s.id;
      j["key"] = s.key;
      j["size"] = s.size;
      j["outlets"] = s.outlets;
      j["first_published"] = NullIfEmpty(s.first_published);
      j["last_published"] = NullIfEmpty(s.last_published);
      j["headline"] = s.headline;
      std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    }
  } else {
    PrintTable(*stories);
  }
  if (!WriteStdout("stories", "")) return kExitOutputFailed;
  return kExitOk;
}

}  // namespace parallax::cli
