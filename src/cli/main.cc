// parallax: compare news reports of one event across outlets.
#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <utility>
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
  parallax index [--db PATH] [--jobs N]
  parallax export stories|articles|quotes [--db PATH] [--day DATE | --story ID] [--format csv|jsonl]
  parallax cluster [--jobs N] [--window DAYS] [--stats] (INPUT... | --db PATH)
  parallax dedup [--threshold T] [--jobs N] [--stats] (INPUT | --db PATH)
  parallax serve [--db PATH] [--outlets FILE] [--listen HOST:PORT]
  parallax fetch --outlets FILE [--db PATH] [--warc DIR]
  parallax watch --outlets FILE [--db PATH] [--every 10m]
  parallax outlets check FILE | status [--db PATH] [--outlets FILE]
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
  index     Make the stored articles searchable (the search of serve) and
            digest their quotes and wording (voices, quote exports).
  export    Stories, articles or quotes of a day or a story, as CSV or
            JSON lines.
  serve     The web app and JSON API over the database: the stories, and
            each story side by side (127.0.0.1:8080 by default).
  fetch     Follow outlets: read their feeds and sitemaps, fetch the new
            articles politely and safely, store them and update the stories
            (one pass; --warc DIR also archives the crawl).
  watch     A fetch pass every few minutes until stopped.
  outlets   Check an outlets file (the outlets you follow, their feeds and
            groups), or show each feed's health ('outlets status').

Run 'parallax help COMMAND' for the options and examples.

Exit codes:
  0  everything worked
  1  the output was produced, but some inputs could not be used (each is named on stderr)
  2  the command line is wrong
  3  fewer than two usable inputs to compare
  4  the output could not be written
  5  more reports than one comparison holds (compare --max-reports)
)";

using Command = int (*)(const std::vector<std::string>&);

// Every command, by the name that runs it.
constexpr std::pair<const char*, Command> kCommands[] = {
    {"compare", parallax::cli::RunCompare}, {"extract", parallax::cli::RunExtract},
    {"ingest", parallax::cli::RunIngest},   {"stories", parallax::cli::RunStories},
    {"cluster", parallax::cli::RunCluster}, {"dedup", parallax::cli::RunDedup},
    {"serve", parallax::cli::RunServe},     {"outlets", parallax::cli::RunOutlets},
    {"index", parallax::cli::RunIndex},     {"export", parallax::cli::RunExport},
    {"fetch", parallax::cli::RunFetch},     {"watch", parallax::cli::RunWatch},
};

Command Find(const std::string& name) {
  for (const auto& [command_name, run] : kCommands) {
    if (name == command_name) return run;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
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
    // Not for the answers above: setting up huge pages costs a fraction of
    // a millisecond, which only pays back over megabytes of allocations.
    parallax::cli::UseLargePages();
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "help") {
      if (const Command run = Find(args[0])) return run({"--help"});
      std::cerr << "parallax: no command '" << args[0] << "'. Run 'parallax --help'.\n";
      return parallax::cli::kExitUsage;
    }
    if (const Command run = Find(command)) return run(args);
    std::cerr << "parallax: unknown command '" << command << "'. Run 'parallax --help'.\n";
    return parallax::cli::kExitUsage;
  } catch (const std::exception& e) {
    // The stages do not throw; this is the last line against the unexpected
    // (std::bad_alloc on a hostile input, say).
    std::cerr << "parallax: internal error: " << e.what() << "\n";
    return 70;
  }
}
