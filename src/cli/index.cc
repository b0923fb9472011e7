// parallax index --db PATH: the full-text index, the digests, the voices
// and the kept comparisons brought up to date.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "parallax/server.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax index — make stored articles searchable, digest them, compare stories ahead

Usage:
  parallax index [--db PATH] [--jobs N] [--no-comparisons]

For the articles stored since the last run it
  * adds their titles and texts to the full-text index, which the search of
    'parallax serve' reads;
  * digests them: finds their quotes with their speakers and their loaded
    wording (as 'parallax compare' does), which the web app's "Heard" voices
    of each story and 'parallax export quotes' read;
  * compares every story that is new or has gained (or lost) an article
    since, and keeps the comparison in the database, so that 'parallax
    serve' shows a story page without comparing it first (the largest
    stories first; a story of 200 real reports takes about a second).
It is a step of its own because doing this as articles arrive would slow
'parallax ingest' down many times; run it after ingest (and cluster), as
often as you like: each run does only what is new, and an interrupted run
keeps the batches it finished. Digesting takes about a millisecond per
article and core.

Options:
  --db PATH           the database (default ./parallax.db); it must exist
  --jobs N            threads that digest and compare (default: all cores)
  --no-comparisons    leave the stories to be compared when first asked for
  -h, --help          this text

Exit codes:
  0 the index is up to date; 1 the database could not be read; 2 bad
  command line; 4 the index could not be written (read-only, disk full).
)";

}  // namespace

int RunIndex(const std::vector<std::string>& args) {
  std::string db = "parallax.db";
  unsigned jobs = 0;  // all cores
  bool no_comparisons = false;
  CLI::App app;
  app.add_option("--db", db)->check(DatabasePath());
  app.add_option("--jobs", jobs)->check(Jobs());
  app.add_flag("--no-comparisons", no_comparisons);
  if (const std::optional<int> stop = ParseOptions(app, args, "index", kHelp)) return *stop;
  int exit_code = kExitOk;
  std::optional<Store> store = OpenDatabaseForUpdate("index", db, exit_code);
  if (!store) return exit_code;
  ProgressLine progress;
  const Result<IndexReport> report = IndexStore(*store, jobs, [&](size_t done, size_t total) {
    progress.Show(std::to_string(done) + " of " + std::to_string(total) + " articles digested");
  });
  progress.Clear();
  if (!report.ok()) {
    std::cerr << "parallax index: " << PrintableOneLine(report.status().message()) << "\n";
    return kExitOutputFailed;
  }
  size_t compared = 0;
  if (!no_comparisons) {
    const Result<size_t> made = StoreComparisons(*store, jobs, [&](size_t done, size_t total) {
      progress.Show(std::to_string(done) + " of " + std::to_string(total) + " stories compared");
    });
    progress.Clear();
    if (!made.ok()) {
      std::cerr << "parallax index: " << PrintableOneLine(made.status().message()) << "\n";
      return kExitOutputFailed;
    }
    compared = *made;
  }
  std::cerr << "indexed " << report->searchable << " new article" << (report->searchable == 1 ? "" : "s")
            << " for search, digested " << report->digested << ", summed the voices of " << report->stories
            << " stor" << (report->stories == 1 ? "y" : "ies") << " and compared "
            << (no_comparisons ? std::string("none (--no-comparisons)") : std::to_string(compared)) << " ("
            << PrintableOneLine(db) << ")\n";
  return kExitOk;
}

}  // namespace parallax::cli
