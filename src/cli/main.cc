// parallax: compare news reports of one event across outlets.
#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/large_pages.h"

namespace {

constexpr const char* kUsage = R"(parallax — what each outlet reports, omits, quotes, and how it frames it

Usage:
  parallax compare [--json | --html FILE] [--outlet NAME=PATH]... INPUT...
  parallax extract [--json] [--text-dir DIR] [--jobs N] INPUT...
  parallax ingest [--db PATH] INPUT...
  parallax stories [--db PATH] [--json]
  parallax index [--db PATH]
  parallax cluster [--jobs N] [--window DAYS] [--stats] (INPUT... | --db PATH)
  parallax dedup [--threshold T] [--jobs N] [--stats] (INPUT | --db PATH)
  parallax serve [--db PATH] [--outlets FILE] [--listen HOST:PORT]
  parallax outlets check FILE
  parallax help [COMMAND]
  parallax --version

Commands:
  compare   Put several reports of one event side by side: shared and unique
            facts (with the sentences they come from), quotes by speaker and
            the passages each outlet chose, loaded wording, page debris and
            paragraphs that drift into another story.
  extract   The article in each page: title, outlet, byline, publication
            date, language and main text, as a summary, JSON lines, or one
            text file per page (--text-dir, for evaluation scripts).
  ingest    Store articles (JSON lines, pages) in a database (--db, default
            ./parallax.db), each once; safe to interrupt and re-run.
  stories   The stories in the database; compare one with
            'parallax compare --story ID'.
  index     Make the stored articles searchable (the search of serve).
  serve     The web app and JSON API over the database: the stories, and
            each story side by side (127.0.0.1:8080 by default).
  outlets   Check an outlets file: the outlets you follow and their groups.

Run 'parallax help COMMAND' for the options and examples.

Exit codes:
  0  everything worked
  1  the output was produced, but some inputs could not be used (each is named on stderr)
  2  the command line is wrong
  3  fewer than two usable inputs to compare
  4  the output could not be written
  5  more reports than one comparison holds (compare --max-reports)
)";

}  // namespace

int main(int argc, char** argv) {
  parallax::cli::UseLargePages();
  // Past a file size limit (ulimit -f) a write should fail with EFBIG and be
  // reported, not kill the process halfway through an output file.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty() || args[0] == "-h" || args[0] == "--help" ||
        (args[0] == "help" && args.size() == 1)) {
      std::cout << kUsage;
      return args.empty() ? parallax::cli::kExitUsage : parallax::cli::kExitOk;
    }
    if (args[0] == "--version" || args[0] == "version") {
      std::cout << "parallax 0.1.0\n";
      return 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "help") {
      if (args[0] == "compare") return parallax::cli::RunCompare({"--help"});
      if (args[0] == "extract") return parallax::cli::RunExtract({"--help"});
      if (args[0] == "ingest") return parallax::cli::RunIngest({"--help"});
      if (args[0] == "stories") return parallax::cli::RunStories({"--help"});
      if (args[0] == "cluster") return parallax::cli::RunCluster({"--help"});
      if (args[0] == "dedup") return parallax::cli::RunDedup({"--help"});
      if (args[0] == "serve") return parallax::cli::RunServe({"--help"});
      if (args[0] == "outlets") return parallax::cli::RunOutlets({"--help"});
      if (args[0] == "index") return parallax::cli::RunIndex({"--help"});
      std::cerr << "parallax: no command '" << args[0] << "'. Run 'parallax --help'.\n";
      return parallax::cli::kExitUsage;
    }
    if (command == "compare") return parallax::cli::RunCompare(args);
    if (command == "extract") return parallax::cli::RunExtract(args);
    if (command == "ingest") return parallax::cli::RunIngest(args);
    if (command == "stories") return parallax::cli::RunStories(args);
    if (command == "cluster") return parallax::cli::RunCluster(args);
    if (command == "dedup") return parallax::cli::RunDedup(args);
    if (command == "serve") return parallax::cli::RunServe(args);
    if (command == "outlets") return parallax::cli::RunOutlets(args);
    if (command == "index") return parallax::cli::RunIndex(args);
    std::cerr << "parallax: unknown command '" << command << "'. Run 'parallax --help'.\n";
    return parallax::cli::kExitUsage;
  } catch (const std::exception& e) {
    // The stages do not throw; this is the last line against the unexpected
    // (std::bad_alloc on a hostile input, say).
    std::cerr << "parallax: internal error: " << e.what() << "\n";
    return 70;
  }
}
