// parallax extract: load -> extract, and print or save what each page says.
//
// Pages are independent, so they are extracted on --jobs worker threads;
// the main thread prints each result as soon as it and all the pages before
// it are done, so the output is in input order whatever the thread count.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"

namespace parallax::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp = R"(parallax extract — the article in each page: metadata and main text

Usage:
  parallax extract [--json] [--text-dir DIR] [--jobs N] [--max-bytes N] INPUT...

Inputs:
  INPUT is an .html/.htm page, a .txt file (one paragraph per line), either
  of them gzipped (.gz), a directory of such files (searched recursively,
  sorted by name), or - for standard input.

Output (one of these, or --json and --text-dir together):
  (default)      a short summary of each page: name, title, outlet,
                 publication date and where it came from, language, and the
                 size of the main text
  --json         one JSON object per page and line (JSON lines), fields:
    name              the input's file name without .gz and .html/.htm/.txt
    source            the file read: its path as given or as found in a given
                      directory, or - for standard input
    url               the canonical URL the page names (<link rel=canonical>,
                      else og:url)
    site_name         the publication's name (og:site_name or similar)
    title             the headline, without a " | Site" suffix
    byline            the author(s) as the page credits them
    published         ISO 8601 date or date-time of publication
    published_source  where that date was found: "json-ld", "meta" (a meta
                      tag), "time" (a <time> element) or "url" (a date in
                      the URL's path)
    language          ISO 639-1 code: what the page declares (<html lang>,
                      content-language), else detected from the text
                      (libcld2); null when neither is reliable
    text              the main text: body paragraphs separated by a blank
                      line ("\n\n"), without captions and page debris
    captions          photo and video captions, one string each
    paragraphs        the number of body paragraphs in text
                 A field the page does not give is null.
  --text-dir DIR write the main text of each page (paragraphs separated by a
                 blank line, ending in a newline) to DIR/<name>.txt; DIR is
                 created if missing. Two inputs with the same <name> are an
                 error for the second, never a silent overwrite.

Options:
  --jobs N       extract on N threads (default 1; 0 = one per core); the
                 output order is the input order either way
  --max-bytes N  refuse inputs larger than N bytes (default 67108864)
  -h, --help     this text

Examples:
  parallax extract story.html.gz
  parallax extract --json pages/ | jq -r '[.name, .language, .published] | @tsv'
  curl -s https://example.org/story | parallax extract --json -
  parallax extract --text-dir out/ pages/      # main text for evaluation scripts
  parallax extract --jobs 0 --text-dir out/ --json pages/ >pages.jsonl

Errors:
  A page that cannot be used (binary, empty, not UTF-8 or in a known
  charset, over --max-bytes, no article text found) is named on stderr with
  the reason; the other pages are still extracted. On a terminal, more than
  50 pages show a progress line on stderr.

Exit codes:
  0 ok; 1 some inputs could not be used (named on stderr, the rest done);
  2 bad command line; 4 could not write the output.
)";

// Above this many pages a terminal gets a progress line.
constexpr size_t kProgressThreshold = 50;

struct Options {
  bool json = false;
  std::string text_dir;
  unsigned jobs = 1;
  std::vector<std::string> inputs;
  LoadOptions load;
};

// How messages name an input.
std::string Describe(const std::string& source) { return source == "-" ? "stdin (-)" : PrintableOneLine(source); }

size_t CountRole(const Article& article, ParagraphRole role) {
  return std::count_if(article.paragraphs.begin(), article.paragraphs.end(),
                       [role](const Paragraph& p) { return p.role == role; });
}

// Characters, not bytes: "1,200 characters" of Japanese should mean what a
// reader would count.
size_t CountCodePoints(const std::string& utf8) {
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// "1 caption", "3 captions".
std::string Count(size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

nlohmann::ordered_json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

std::string JsonLine(const std::string& name, const Article& article, const std::string& text) {
  nlohmann::ordered_json captions = nlohmann::ordered_json::array();
  for (const Paragraph& p : article.paragraphs) {
    if (p.role == ParagraphRole::kCaption) captions.push_back(p.text);
  }
  // ordered_json keeps the documented field order, which makes the lines
  // easy to read by eye and to diff.
  nlohmann::ordered_json j;
  j["name"] = name;
  j["source"] = article.source;
  j["url"] = NullIfEmpty(article.url);
  j["site_name"] = NullIfEmpty(article.site_name);
  j["title"] = NullIfEmpty(article.title);
  j["byline"] = NullIfEmpty(article.byline);
  j["published"] = NullIfEmpty(article.published);
  j["published_source"] = article.published.empty() ? nullptr : NullIfEmpty(article.published_source);
  j["language"] = NullIfEmpty(article.language);
  j["text"] = text;
  j["captions"] = std::move(captions);
  j["paragraphs"] = CountRole(article, ParagraphRole::kBody);
  // Extract guarantees UTF-8; replacing rather than throwing keeps one odd
  // byte in a title from losing the whole run.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// Page text (titles, names, bylines) is untrusted: every field is escaped
// (PrintableOneLine) so that a page cannot retitle or clear the terminal.
std::string Summary(const std::string& name, const Article& article, const std::string& text) {
  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : PrintableOneLine(s); };
  std::string published = or_dash(article.published);
  if (!article.published.empty() && !article.published_source.empty()) {
    published += " (" + article.published_source + ")";
  }
  std::string outlet = or_dash(article.outlet);
  if (!article.url.empty()) outlet += "  " + PrintableOneLine(article.url);
  const size_t captions = CountRole(article, ParagraphRole::kCaption);
  std::string size = Count(CountRole(article, ParagraphRole::kBody), "paragraph") + ", " +
                     Count(CountCodePoints(text), "character");
  if (captions > 0) size += ", " + Count(captions, "caption");
  return PrintableOneLine(name) + "  (" + Describe(article.source) + ")\n" +
         "  title      " + or_dash(article.title) + "\n" +
         "  outlet     " + outlet + "\n" +
         "  byline     " + or_dash(article.byline) + "\n" +
         "  published  " + published + "\n" +
         "  language   " + or_dash(article.language) + "\n" +
         "  text       " + size + "\n";
}

// DIR/<name>.txt
std::string TextPath(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / (name + ".txt")).string();
}

// True when `a` and `b` name one file (b need not exist yet).
bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  const bool same = fs::equivalent(a, b, ec);
  return !ec && same;
}

// The pages and their results, shared between the workers and the writer.
// Workers read the files too: gunzip is as much work as extraction, and a
// page's bytes are then held only while it is extracted.
class Pages {
 public:
  Pages(std::vector<std::string> paths, const LoadOptions& load)
      : paths_(std::move(paths)),
        load_(load),
        results_(paths_.size()),
        finished_(paths_.size(), false) {}

  size_t size() const { return paths_.size(); }
  const std::string& path(size_t i) const { return paths_[i]; }

  // Fails page `i` without reading it. Only before the workers start.
  void Refuse(size_t i, Status status) { results_[i].emplace(std::move(status)); }

  // A worker: reads and extracts the next unclaimed page until none is left.
  void Work() {
    for (size_t i = next_.fetch_add(1); i < paths_.size(); i = next_.fetch_add(1)) {
      // Slot i is only written by Refuse, before the workers started, and
      // by the one worker that claimed i.
      if (!results_[i].has_value()) results_[i].emplace(LoadAndExtract(paths_[i]));
      {
        std::lock_guard<std::mutex> lock(mutex_);
        finished_[i] = true;
      }
      finished_one_.notify_one();
    }
  }

  // With no worker threads: extracts page `i` on the calling thread (no
  // locking, no hand-over), so --jobs 1 costs nothing for being threaded.
  Result<Article> RunHere(size_t i) {
    if (results_[i].has_value()) return std::move(*results_[i]);
    return LoadAndExtract(paths_[i]);
  }

  // The writer: waits until page `i` is done and takes its result.
  Result<Article> Take(size_t i) {
    std::unique_lock<std::mutex> lock(mutex_);
    finished_one_.wait(lock, [&] { return finished_[i]; });
    Result<Article> result = std::move(*results_[i]);
    results_[i].reset();
    return result;
  }

 private:
  // A worker thread must not let an exception escape (that would end the
  // process); a page that throws (std::bad_alloc on a hostile input, say)
  // fails alone.
  Result<Article> LoadAndExtract(const std::string& path) const {
    try {
      Result<RawDocument> raw = LoadFile(path, load_);
      if (!raw.ok()) return raw.status();
      return ExtractArticle(std::move(*raw));
    } catch (const std::bad_alloc&) {
      return Status::TooLarge("not enough memory to extract this page");
    } catch (const std::exception& e) {
      return Status::InvalidInput(std::string("internal error: ") + e.what());
    }
  }

  const std::vector<std::string> paths_;
  const LoadOptions load_;
  // Slot i belongs to the worker that claimed i until finished_[i], then to
  // the writer.
  std::vector<std::optional<Result<Article>>> results_;
  std::vector<bool> finished_;  // guarded by mutex_
  std::atomic<size_t> next_{0};
  std::mutex mutex_;
  std::condition_variable finished_one_;
};

// stderr output: failures, and a progress line that each message clears.
class Reporter {
 public:
  // `stdout_used`: pages are printed on standard output. When that is the
  // terminal too, the pages themselves show progress, and a progress line
  // would get in their way.
  Reporter(size_t total, bool stdout_used)
      : total_(total),
        progress_(total > kProgressThreshold && !(stdout_used && isatty(STDOUT_FILENO))) {}

  void Failure(const std::string& source, const Status& status) {
    progress_.Clear();
    std::cerr << "parallax extract: " << Describe(source) << ": " << status.ToString() << "\n";
  }
  void Error(const std::string& message) {
    progress_.Clear();
    std::cerr << "parallax extract: " << message << "\n";
  }
  void Progress(size_t done) {
    if (progress_.Due()) progress_.Show(std::to_string(done) + "/" + std::to_string(total_) + " pages");
  }
  void Finish() { progress_.Clear(); }

 private:
  size_t total_;
  ProgressLine progress_;
};

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  Options options;
  CLI::App app;
  app.add_flag("--json", options.json);
  app.add_option("--text-dir", options.text_dir)
      ->check(CLI::Validator(
          [](std::string& dir) { return dir.empty() ? "needs a directory name" : std::string(); },
          "DIR"));
  app.add_option("--jobs", options.jobs)->check(Jobs());
  app.add_option("--max-bytes", options.load.max_bytes)->check(Positive());
  app.add_option("INPUT", options.inputs);
  if (const std::optional<int> stop = ParseOptions(app, args, "extract", kHelp)) return *stop;
  if (options.inputs.empty()) {
    std::cerr << "parallax extract: no inputs. Give pages or a directory of them; "
                 "run 'parallax help extract'.\n";
    return kExitUsage;
  }
  if (!options.text_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.text_dir, ec);
    if (ec || !fs::is_directory(options.text_dir)) {
      std::cerr << "parallax extract: cannot create the directory " << options.text_dir << ": "
                << (ec ? ec.message() : "a file of that name exists") << "\n";
      return kExitOutputFailed;
    }
  }

  ListedInputs listed = ListInputs(options.inputs);
  const bool summary = !options.json && options.text_dir.empty();
  Reporter reporter(listed.paths.size(), options.json || summary);
  bool any_failed = !listed.failures.empty();
  for (const LoadFailure& f : listed.failures) reporter.Failure(f.source, f.status);

  Pages pages(std::move(listed.paths), options.load);
  if (!options.text_dir.empty()) {
    // <name> drops directories and suffixes, so "a/x.html" and "b/x.html.gz"
    // would write the same file; the second is refused before any work.
    std::map<std::string, std::string> first_source;  // name -> source
    for (size_t i = 0; i < pages.size(); ++i) {
      const std::string& source = pages.path(i);
      const std::string name = DocumentNameFromPath(source);
      const auto [it, inserted] = first_source.emplace(name, source);
      if (!inserted) {
        pages.Refuse(i, Status::Usage("its text file " + name + ".txt would overwrite that of " +
                                      Describe(it->second)));
      } else if (SameFile(source, TextPath(options.text_dir, name))) {
        pages.Refuse(i, Status::Usage("its text file would overwrite the input itself"));
      }
    }
  }

  // One job runs on this thread, page by page; more start worker threads.
  const unsigned workers =
      options.jobs <= 1
          ? 0
          : static_cast<unsigned>(std::min<size_t>(options.jobs, std::max<size_t>(pages.size(), 1)));
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned t = 0; t < workers; ++t) {
    try {
      threads.emplace_back([&pages] { pages.Work(); });
    } catch (const std::system_error&) {
      break;  // the system allows fewer threads (ulimit -u): fewer workers
    }
  }

  bool output_failed = false;
  bool printed_summary = false;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string& source = pages.path(i);
    const std::string name = DocumentNameFromPath(source);
    const Result<Article> article = threads.empty() ? pages.RunHere(i) : pages.Take(i);
    if (!article.ok()) {
      any_failed = true;
      reporter.Failure(source, article.status());
      reporter.Progress(i + 1);
      continue;
    }
    const std::string text = BodyText(*article);
    if (!options.text_dir.empty()) {
      const std::string path = TextPath(options.text_dir, name);
      // Whole or not at all, and never through a link already there.
      if (const Status written = WriteFileAtomically(path, text + "\n"); !written.ok()) {
        output_failed = true;
        reporter.Error("cannot write " + path + ": " + written.message());
      }
    }
    if (options.json) {
      std::cout << JsonLine(name, *article, text);
    } else if (summary) {
      std::cout << (printed_summary ? "\n" : "") << Summary(name, *article, text);
      printed_summary = true;
    }
    if (!std::cout) output_failed = true;
    reporter.Progress(i + 1);
  }
  for (std::thread& t : threads) t.join();
  reporter.Finish();

  std::cout.flush();
  if (!std::cout) output_failed = true;
  if (output_failed) {
    if (!std::cout) reporter.Error("cannot write to standard output");
    return kExitOutputFailed;
  }
  return any_failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace parallax::cli
