// parallax compare: arguments -> LoadInputs / the store -> Compare() -> a report.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "parallax/align.h"
#include "parallax/ingest.h"
#include "parallax/report.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax compare — several outlets' reports of one event, side by side

Usage:
  parallax compare [--json | --html FILE] [--outlet NAME=PATH]... INPUT...
  parallax compare [--json | --html FILE] [--db PATH] --story ID

Inputs:
  INPUT is a .txt file (one paragraph per line), an .html/.htm page (either
  may be gzipped: .gz), a directory of such files, or - for standard input.
  At least two usable inputs are needed.

Options:
  --json              print the comparison as JSON (schema parallax.compare/1,
                      see docs/json.md) instead of the terminal report
  --html FILE         also write a self-contained HTML report to FILE: a
                      column per outlet, shared facts in aligned rows, unique
                      facts highlighted, a speaker x outlet table of quotes
  --outlet NAME=PATH  name the outlet of the input PATH (else the page's site
                      name, its canonical URL's domain, or the file name)
  --max-bytes N       refuse inputs larger than N bytes (default 67108864)
  --max-reports N     refuse to compare more than N reports (default 500):
                      one comparison is one story; a corpus is grouped into
                      stories first (see Limits below)
  --jobs N            extract and analyse reports on up to N threads (default
                      0: one per core); short comparisons use one, as a
                      thread pays for itself only past about 128 KB of text
  --story ID          compare the articles of story ID in the database instead
                      of INPUT files ('parallax stories' lists the IDs)
  --db PATH           the database for --story (default ./parallax.db)
  --color / --no-color
                      force or forbid colours (default: only on a terminal)
  -h, --help          this text

Examples:
  parallax compare reports/
  parallax compare --html story.html courier.html beacon.txt
  parallax compare --json --outlet "Evening Post"=post.txt a.html post.txt | jq .facts
  parallax compare --db news.db --story 3 --html story3.html

What it shows:
  facts      every sentence of every report, grouped with the sentences of
             the other reports that say the same thing (shared) or alone
             (unique to that outlet)
  quotes     direct and reported quotes with their speakers; the same quote
             across outlets is linked even when trimmed or extended
  voices     each speaker's quotes per outlet, noting when outlets quote one
             source but chose different passages
  wording    loaded terms from the bundled lexicon (data/framing.tsv), marked
             as the speaker's when inside a quote
  roles      captions, page debris (widgets, repeated captions) and
             off-topic paragraphs are set apart, each with the reason

Limits:
  Time and memory grow with the total text and the number of reports (two
  1 MB reports take about 1.2 s and 150 MB on 2 cores; 200 reports of 500
  words about 1.3 s and 60 MB), never with their squares. Inputs over --max-bytes are refused one by one; more
  reports than --max-reports are refused as a whole, before any work (exit
  5): compare a corpus story by story with 'parallax ingest', 'parallax
  cluster', 'parallax stories' and 'parallax compare --story ID'. Beyond 30
  reports the document similarity is summarised (each report's closest
  other report, and the range over all pairs) instead of listing every pair.

Exit codes:
  0 ok; 1 some inputs could not be used (named on stderr, the rest compared),
  or the database could not be read; 2 bad command line; 3 fewer than two
  usable inputs; 4 could not write output; 5 more reports than --max-reports.
)";

struct Options {
  bool json = false;
  std::string html_path;
  std::vector<std::pair<std::string, std::string>> outlets;  // (path, name)
  std::vector<std::string> inputs;
  LoadOptions load;
  CompareOptions compare;
  int color = -1;  // -1: decide from the terminal
  std::string db;       // --db; with --story, default "parallax.db"
  long long story = 0;  // --story; 0: compare INPUT files
};

// "NAME=PATH": the outlet of the input PATH.
CLI::Validator OutletOfInput() {
  return CLI::Validator(
      [](std::string& value) {
        const size_t eq = value.find('=');
        if (eq != std::string::npos && eq != 0 && eq + 1 != value.size()) return std::string();
        return "takes NAME=PATH, got '" + value + "'";
      },
      "NAME=PATH");
}

}  // namespace

int RunCompare(const std::vector<std::string>& args) {
  Options options;
  std::vector<std::string> outlets;  // NAME=PATH
  CLI::App app;
  app.add_flag("--json", options.json);
  app.add_option("--html", options.html_path);
  app.add_option("--outlet", outlets)->check(OutletOfInput())->allow_extra_args(false);
  app.add_option("--max-bytes", options.load.max_bytes)->check(Positive());
  app.add_option("--max-reports", options.compare.max_reports)
      ->check(Positive(std::numeric_limits<uint32_t>::max()));
  app.add_option("--jobs", options.compare.threads)->check(Jobs());
  app.add_option("--db", options.db)->check(DatabasePath());
  app.add_option("--story", options.story)->check(StoryIdentifier());
  bool color_asked = false;
  const CLI::Option* color_flag = app.add_flag("--color,!--no-color", color_asked);
  app.add_option("INPUT", options.inputs);
  if (const std::optional<int> stop = ParseOptions(app, args, "compare", kHelp)) return *stop;
  // The last of --color and --no-color counts.
  if (color_flag->count() > 0) options.color = color_asked ? 1 : 0;
  for (const std::string& outlet : outlets) {
    const size_t eq = outlet.find('=');
    options.outlets.emplace_back(outlet.substr(eq + 1), outlet.substr(0, eq));
  }
  if (options.story > 0 && !options.inputs.empty()) {
    std::cerr << "parallax compare: give INPUT files or --story, not both\n";
    return kExitUsage;
  }
  if (!options.db.empty() && options.story == 0) {
    std::cerr << "parallax compare: --db needs --story ID (which story of the database to "
                 "compare; 'parallax stories' lists them)\n";
    return kExitUsage;
  }
  if (options.inputs.empty() && options.story == 0) {
    std::cerr << "parallax compare: no inputs. Give two or more files or a directory; "
                 "run 'parallax help compare'.\n";
    return kExitUsage;
  }

  // Too many files is refused before any is read.
  if (Status fits = CheckReportCount(ListInputs(options.inputs).paths.size(), options.compare); !fits.ok()) {
    std::cerr << "parallax compare: " << fits.message() << "\n";
    return kExitTooManyReports;
  }
  LoadedInputs loaded = LoadInputs(options.inputs, options.load);
  std::vector<Article> stored;
  if (options.story > 0) {
    // A stored story: its articles are already extracted.
    const std::string db = options.db.empty() ? "parallax.db" : options.db;
    Result<Store> store = Store::Open(db, OpenMode::kReadOnly);
    Result<std::vector<Article>> articles =
        store.ok() ? store->StoryArticles(options.story) : Result<std::vector<Article>>(store.status());
    if (!articles.ok()) {
      std::cerr << "parallax compare: " << articles.status().message() << "\n";
      return kExitSomeInputsFailed;
    }
    stored = std::move(*articles);
    // A story's wire copies are one report with the outlets that ran it.
    options.compare.fold_copies = true;
  }
  for (RawDocument& raw : loaded.documents) {
    for (const auto& [path, name] : options.outlets) {
      if (path == raw.source) raw.outlet_hint = name;
    }
  }
  Result<CompareResult> compared = Compare(std::move(stored), std::move(loaded.documents), options.compare);
  for (const LoadFailure& f : loaded.failures) {
    std::cerr << "parallax: " << PrintableOneLine(f.source) << ": " << PrintableOneLine(f.status.ToString()) << "\n";
  }
  if (!compared.ok()) {
    std::cerr << "parallax compare: " << compared.status().message() << "\n";
    return kExitTooManyReports;
  }
  std::vector<LoadFailure> failures = std::move(loaded.failures);
  for (LoadFailure& f : compared->failures) {
    std::cerr << "parallax: " << PrintableOneLine(f.source) << ": " << PrintableOneLine(f.status.ToString()) << "\n";
    failures.push_back(std::move(f));
  }
  const Comparison& comparison = compared->comparison;
  if (comparison.documents.size() < 2) {
    std::cerr << "parallax compare: need at least two usable inputs, have " << comparison.documents.size()
              << (failures.empty() ? "" : " (see the errors above)") << "\n";
    return kExitTooFewInputs;
  }
  if (!options.html_path.empty()) {
    const Status written = WriteFileAtomically(options.html_path, RenderHtml(comparison));
    if (!written.ok()) {
      std::cerr << "parallax compare: cannot write " << options.html_path << ": " << written.message() << "\n";
      return kExitOutputFailed;
    }
  }
  const bool color = options.color >= 0
                         ? options.color == 1
                         : (isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  if (!WriteStdout("compare", options.json ? RenderJson(comparison, failures) : RenderTerminal(comparison, color))) {
    return kExitOutputFailed;
  }
  return failures.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace parallax::cli
