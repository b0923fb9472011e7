// parallax compare: load -> extract -> analyze -> align -> report.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "parallax/align.h"
#include "parallax/analyze.h"
#include "parallax/extract.h"
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

Exit codes:
  0 ok; 1 some inputs could not be used (named on stderr, the rest compared),
  or the database could not be read; 2 bad command line; 3 fewer than two
  usable inputs; 4 could not write output.
)";

struct Options {
  bool json = false;
  std::string html_path;
  std::vector<std::pair<std::string, std::string>> outlets;  // (path, name)
  std::vector<std::string> inputs;
  LoadOptions load;
  int color = -1;  // -1: decide from the terminal
  std::string db;       // --db; with --story, default "parallax.db"
  long long story = 0;  // --story; 0: compare INPUT files
};

// Reports are named d0, d1, ... in the order they are analysed.
std::string DocumentId(size_t index) {
  std::string id = "d";
  id += std::to_string(index);
  return id;
}

bool ParseArgs(const std::vector<std::string>& args, Options& options, bool& help) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) { return NextValue("compare", args, i, name); };
    if (a == "-h" || a == "--help") {
      help = true;
    } else if (a == "--json") {
      options.json = true;
    } else if (a == "--html") {
      const std::string* v = value("--html");
      if (!v) return false;
      options.html_path = *v;
    } else if (a == "--outlet") {
      const std::string* v = value("--outlet");
      if (!v) return false;
      const size_t eq = v->find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == v->size()) {
        std::cerr << "parallax compare: --outlet takes NAME=PATH, got '" << *v << "'\n";
        return false;
      }
      options.outlets.emplace_back(v->substr(eq + 1), v->substr(0, eq));
    } else if (a == "--max-bytes") {
      const std::string* v = value("--max-bytes");
      unsigned long long n = 0;
      if (!v || !ParsePositive("compare", "--max-bytes", *v, std::numeric_limits<unsigned long long>::max(), &n)) return false;
      options.load.max_bytes = n;
    } else if (a == "--db") {
      const std::string* v = value("--db");
      if (!v || !ParseDatabasePath("compare", *v, &options.db)) return false;
    } else if (a == "--story") {
      const std::string* v = value("--story");
      if (!v) return false;
      char* end = nullptr;
      options.story = std::strtoll(v->c_str(), &end, 10);
      if (end == v->c_str() || *end != '\0' || options.story <= 0) {
        std::cerr << "parallax compare: --story takes a story ID (a positive number from "
                     "'parallax stories'), got '" << *v << "'\n";
        return false;
      }
    } else if (a == "--color") {
      options.color = 1;
    } else if (a == "--no-color") {
      options.color = 0;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::cerr << "parallax compare: unknown option '" << a << "'. Run 'parallax help compare'.\n";
      return false;
    } else {
      options.inputs.push_back(a);
    }
  }
  return true;
}

bool WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

int RunCompare(const std::vector<std::string>& args) {
  Options options;
  const auto stop = ParseOrHelp([&](bool& help) { return ParseArgs(args, options, help); }, kHelp);
  if (stop) return *stop;
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

  LoadedInputs loaded = LoadInputs(options.inputs, options.load);
  std::vector<LoadFailure> failures = std::move(loaded.failures);
  std::vector<AnalyzedArticle> analysed;
  if (options.story > 0) {
    // A stored story: its articles are already extracted, so they go
    // straight to analysis, named d0, d1, ... like files are.
    const std::string db = options.db.empty() ? "parallax.db" : options.db;
    Result<Store> store = Store::Open(db, OpenMode::kReadOnly);
    Result<std::vector<Article>> articles =
        store.ok() ? store->StoryArticles(options.story) : Result<std::vector<Article>>(store.status());
    if (!articles.ok()) {
      std::cerr << "parallax compare: " << articles.status().message() << "\n";
      return kExitSomeInputsFailed;
    }
    for (Article& article : *articles) {
      article.id = DocumentId(analysed.size());
      analysed.push_back(Analyze(std::move(article)));
    }
  }
  for (RawDocument& raw : loaded.documents) {
    for (const auto& [path, name] : options.outlets) {
      if (path == raw.source) raw.outlet_hint = name;
    }
    Result<Article> article = ExtractArticle(std::move(raw));
    if (!article.ok()) {
      failures.push_back({raw.source, article.status()});
      continue;
    }
    article->id = DocumentId(analysed.size());
    analysed.push_back(Analyze(std::move(*article)));
  }
  for (const LoadFailure& f : failures) {
    std::cerr << "parallax: " << f.source << ": " << f.status.ToString() << "\n";
  }
  if (analysed.size() < 2) {
    std::cerr << "parallax compare: need at least two usable inputs, have " << analysed.size()
              << (failures.empty() ? "" : " (see the errors above)") << "\n";
    return kExitTooFewInputs;
  }

  const Comparison comparison = Align(std::move(analysed));
  if (!options.html_path.empty()) {
    if (!WriteFile(options.html_path, RenderHtml(comparison))) {
      std::cerr << "parallax compare: cannot write " << options.html_path << "\n";
      return kExitOutputFailed;
    }
  }
  const bool color = options.color >= 0
                         ? options.color == 1
                         : (isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  std::cout << (options.json ? RenderJson(comparison, failures) : RenderTerminal(comparison, color));
  std::cout.flush();
  if (!std::cout) return kExitOutputFailed;
  return failures.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace parallax::cli
