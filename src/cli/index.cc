// parallax index --db PATH: the full-text index brought up to date.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax index — make stored articles searchable

Usage:
  parallax index [--db PATH]

Adds the articles stored since the last run to the database's full-text
index (titles and texts), which the search of 'parallax serve' reads. It is
a step of its own because indexing as articles arrive would halve the speed
of 'parallax ingest'; run it after ingest (and cluster), as often as you
like: each run indexes only what is new, and an interrupted run keeps the
batches it finished.

Options:
  --db PATH   the database (default ./parallax.db); it must exist
  -h, --help  this text

Exit codes:
  0 the index is up to date; 1 the database could not be read; 2 bad
  command line; 4 the index could not be written (read-only, disk full).
)";

}  // namespace

int RunIndex(const std::vector<std::string>& args) {
  std::string db = "parallax.db";
  bool help = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      help = true;
    } else if (args[i] == "--db") {
      const std::string* v = NextValue("index", args, i, "--db");
      if (!v || !ParseDatabasePath("index", *v, &db)) return kExitUsage;
    } else {
      std::cerr << "parallax index: unknown argument '" << PrintableOneLine(args[i])
                << "'. Run 'parallax help index'.\n";
      return kExitUsage;
    }
  }
  if (help) {
    std::cout << kHelp;
    return kExitOk;
  }
  int exit_code = kExitOk;
  std::optional<Store> store = OpenDatabaseForUpdate("index", db, exit_code);
  if (!store) return exit_code;
  const Result<size_t> added = store->UpdateSearchIndex();
  if (!added.ok()) {
    std::cerr << "parallax index: " << PrintableOneLine(added.status().message()) << "\n";
    return kExitOutputFailed;
  }
  std::cerr << "indexed " << *added << " new article" << (*added == 1 ? "" : "s") << " for search ("
            << PrintableOneLine(db) << ")\n";
  return kExitOk;
}

}  // namespace parallax::cli
