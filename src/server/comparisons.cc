// A story's comparison as the web app shows it: made here for the server
// on a miss, and ahead of time by StoreComparisons (`parallax index`),
// which keeps it in the store.
#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "parallax/align.h"
#include "parallax/report.h"
#include "parallax/server.h"
#include "parallax/store.h"
#include "server/internal.h"

namespace parallax {

namespace serving {

// PageOptions and ExportLinks are here rather than with the request
// helpers: `parallax index` links this file, and must not need cpp-httplib
// (see src/cli/serve_launch.cc).
HtmlPageOptions PageOptions() {
  HtmlPageOptions page;
  page.stylesheet = "/static/parallax.css";
  page.grid_stylesheet_prefix = "/static/grid-";
  page.outlet_href_prefix = "/outlets/";
  page.nav = {{"Stories", "/"},
              {"Last 24 hours", "/?hours=24"},
              {"Blindspots", "/blindspots"},
              {"Outlets", "/outlets"},
              {"Search", "/search"},
              {"Largest", "/?order=largest"},
              {"API", "/api/stories"}};
  return page;
}

std::vector<std::pair<std::string, std::string>> ExportLinks(const std::string& query) {
  std::vector<std::pair<std::string, std::string>> links;
  for (const char* kind : {"stories", "articles", "quotes"}) {
    for (const char* format : {"csv", "jsonl"}) {
      links.emplace_back(std::string(kind) + " (" + (format == std::string("csv") ? "CSV" : "JSON lines") + ")",
                         std::string("/export/") + kind + "." + format + query);
    }
  }
  return links;
}

Result<StoredComparison> MakeComparison(const Store& store, int64_t story) {
  Result<std::string> signature = store.StorySignature(story);
  if (!signature.ok()) return signature.status();
  Result<std::vector<Article>> articles = store.StoryArticles(story);
  if (!articles.ok()) return articles.status();
  CompareOptions compare;
  compare.threads = 1;  // the callers are the parallelism
  compare.fold_copies = true;
  Result<CompareResult> compared = Compare(std::move(*articles), {}, compare);
  if (!compared.ok()) return compared.status();
  HtmlPageOptions page = PageOptions();
  page.downloads = ExportLinks("?story=" + std::to_string(story));
  page.coverage_marker = true;  // the outlets file is the server's: filled in when served
  return StoredComparison{std::move(*signature), RenderHtml(compared->comparison, page),
                          RenderJson(compared->comparison, compared->failures)};
}

}  // namespace serving

Result<size_t> StoreComparisons(Store& store, unsigned threads,
                                const std::function<void(size_t done, size_t total)>& progress) {
  Result<std::vector<int64_t>> stale = store.StoriesToCompare(SIZE_MAX);
  if (!stale.ok()) return stale.status();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Made in rounds of a few per thread, each thread reading through its own
  // connection; this thread writes them all (the store has one writer).
  const size_t round = static_cast<size_t>(threads) * 4;
  for (size_t start = 0; start < stale->size(); start += round) {
    const size_t end = std::min(stale->size(), start + round);
    std::vector<std::optional<Result<StoredComparison>>> made(end - start);
    std::atomic<size_t> next{start};
    auto work = [&](const Store* reader) {
      for (size_t i; (i = next.fetch_add(1)) < end;) made[i - start] = serving::MakeComparison(*reader, (*stale)[i]);
    };
    std::vector<std::thread> pool;
    std::vector<Store> readers;
    readers.reserve(threads);
    for (unsigned t = 1; t < threads && t < end - start; ++t) {
      Result<Store> reader = Store::Open(store.path(), OpenMode::kReadOnly);
      if (!reader.ok()) return reader.status();
      readers.push_back(std::move(*reader));
    }
    for (const Store& reader : readers) pool.emplace_back(work, &reader);
    work(&store);
    for (std::thread& t : pool) t.join();
    for (size_t i = start; i < end; ++i) {
      Result<StoredComparison>& result = *made[i - start];
      if (!result.ok()) {
        // A story gone meanwhile is no error; anything else is.
        if (result.status().code() == Status::Code::kNotFound) continue;
        return result.status();
      }
      if (Status s = store.SaveComparison((*stale)[i], *result); !s.ok()) return s;
    }
    if (progress) progress(end, stale->size());
  }
  return stale->size();
}

}  // namespace parallax
