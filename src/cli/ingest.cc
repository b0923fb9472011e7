// parallax ingest: JSON lines, WARC files and pages -> articles in the store.
//
// Records are gathered into batches and each batch is one transaction
// (Store::AddArticles): that is both what makes ingest fast (one commit per
// thousand articles, not per article) and what makes it safe to kill: the
// store holds whole batches only, and a re-run skips what is already there.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "parallax/source.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {


constexpr const char* kHelp = R"help(parallax ingest — store articles in the database, each once

Usage:
  parallax ingest [--db PATH] [--batch N] [--max-bytes N] [--allow-private] INPUT...

Inputs:
  FILE.jsonl, FILE.jsonl.gz, FILE.ndjson (or - for standard input)
      one article a line, a JSON object:
        id         string or number, required: the article's name in the store
        text       required: the article's text, paragraphs separated by "\n"
        title, outlet, url, published (ISO 8601)   optional
      other fields are ignored.
  FILE.warc, FILE.warc.gz (a web archive, as crawlers and CC-NEWS write it)
      every HTML response with a 2xx status goes through the extractor; the
      id is the page's address, the HTTP header's charset outranks the
      page's own; other records (requests, images, redirects) are skipped.
  .html/.htm pages and .txt files (either may be gzipped)
      go through the extractor, as in 'parallax extract'; the id is the path
      as given or as found in a directory, the outlet is the page's.
  http://... or https://... (one page)
      fetched as 'parallax fetch' fetches (robots.txt obeyed, loopback and
      private addresses refused unless --allow-private), then extracted;
      the id is its address. To follow outlets, use 'parallax fetch'.
  DIRECTORY
      all of the above found in it (not addresses), recursively, by name.
  With no INPUT, ingest only creates the database, or upgrades an older one.

Options:
  --db PATH      the database (default ./parallax.db); created when missing
  --batch N      articles per transaction (default 1000, up to 100000). A
                 larger batch is slightly faster; an interruption loses at
                 most the batch in progress
  --max-bytes N  refuse pages larger than N bytes (default 67108864)
  --allow-private  let an http(s) INPUT reach loopback and private addresses
  -h, --help     this text

Examples:
  parallax ingest corpus.jsonl.gz
  parallax ingest --db news.db pages/ feeds/day1.jsonl
  parallax ingest CC-NEWS-20240101000000-00000.warc.gz
  zcat dump.jsonl.gz | jq -c '{id: .uuid, text: .body, outlet: .site}' | parallax ingest -

Each article is stored once:
  same id        as an article already stored (or earlier in the input): a
                 duplicate; the first one stays
  same text      from the same outlet under another id (ignoring case and
                 white space): a duplicate; for a headline without a text,
                 the same headline
  Same text from another outlet is stored: that is syndication, which
  'parallax dedup' groups.
  So an interrupted ingest is finished by running the same command again.

Output:
  a summary on stdout, "added N, duplicates D, failed F (T articles in PATH)";
  on a terminal, a progress line on stderr.

Errors:
  A line that is not a JSON object, lacks an id or has neither a text nor a
  title is named as FILE:LINE with the reason, a WARC record that cannot be
  read as FILE#OFFSET (a damaged archive ends there: the records before it
  are stored), a page that cannot be used as FILE: reason; everything else
  is still stored (a headline without a text is stored as it is). The
  first 20 are shown, the rest counted.
  A database that cannot be written (disk full, read-only, damaged) stops the
  ingest: every batch committed before stays, and a re-run continues.

Exit codes:
  0 every input stored (or already there); 1 some records or files failed
  (named on stderr, the rest stored); 2 bad command line; 4 the database
  could not be opened or written.
)help";

constexpr size_t kDefaultBatch = 1000;
constexpr size_t kMaxBatch = 100000;
// Failures shown one by one before they are only counted: a file of a
// million broken lines should not bury the summary.
constexpr size_t kMaxShownFailures = 20;
struct Options {
  std::string db = "parallax.db";
  size_t batch = kDefaultBatch;
  std::vector<std::string> inputs;
  LoadOptions load;
  bool allow_private = false;
};

std::string Describe(const std::string& source) { return source == "-" ? "stdin" : source; }

// stderr: failures as they happen (the first kMaxShownFailures), and a
// progress line on a terminal that each message clears.
class Reporter {
 public:

  // File names, keys and ids come from the inputs: escaped on the way out.
  void Failure(const std::string& where, const std::string& reason) {
    ++failures_;
    ++reasons_[reason];
    if (failures_ > kMaxShownFailures) return;
    progress_.Clear();
    std::cerr << "parallax ingest: " << PrintableOneLine(where) << ": " << PrintableOneLine(reason) << "\n";
  }
  // Something the user should know that did not stop the record.
  void Note(const std::string& where, const std::string& note) {
    if (++notes_ > kMaxShownFailures) return;
    progress_.Clear();
    std::cerr << "parallax ingest: " << PrintableOneLine(where) << ": " << PrintableOneLine(note) << "\n";
  }
  void Error(const std::string& message) {
    progress_.Clear();
    std::cerr << "parallax ingest: " << PrintableOneLine(message) << "\n";
  }
  void Progress(size_t records, size_t added) {
    if (!progress_.Due()) return;
    const double seconds = progress_.Seconds();
    progress_.Show(std::to_string(records) + " records, " + std::to_string(added) + " added, " +
                   std::to_string(static_cast<long long>(seconds > 0 ? records / seconds : 0)) +
                   " records/s");
  }
  // After the summary: how many failures were not shown, and the commonest
  // reasons, so a run with thousands of failures still says what they were.
  void Finish() {
    progress_.Clear();
    if (failures_ <= kMaxShownFailures) return;
    std::vector<std::pair<size_t, std::string>> common;
    for (const auto& [reason, count] : reasons_) common.emplace_back(count, reason);
    std::sort(common.rbegin(), common.rend());
    std::cerr << "parallax ingest: " << failures_ - kMaxShownFailures
              << " more failures not shown; by reason:";
    for (size_t i = 0; i < common.size() && i < 5; ++i) {
      std::cerr << (i == 0 ? " " : ", ") << common[i].first << " " << common[i].second;
    }
    std::cerr << "\n";
  }

 private:
  ProgressLine progress_;
  size_t failures_ = 0;
  size_t notes_ = 0;
  std::map<std::string, size_t> reasons_;
};

// Gathers articles into batches and stores each in one transaction.
class Ingester {
 public:
  Ingester(Store& store, size_t batch_size, Reporter& reporter)
      : store_(store), batch_size_(batch_size), reporter_(reporter) {
    batch_.reserve(batch_size);
    where_.reserve(batch_size);
  }

  // False once the store has failed: the caller stops.
  bool Add(Article&& article, std::string where) {
    if (!store_error_.ok()) return false;
    ++records_;
    batch_.push_back(std::move(article));
    where_.push_back(std::move(where));
    return batch_.size() < batch_size_ || Flush();
  }

  void Fail(const std::string& where, const std::string& reason) {
    ++records_;
    ++failed_;
    reporter_.Failure(where, reason);
  }
  void Note(const std::string& where, const std::string& note) { reporter_.Note(where, note); }

  bool Flush() {
    if (batch_.empty() || !store_error_.ok()) return store_error_.ok();
    Result<AddReport> report = store_.AddArticles(batch_);
    if (!report.ok()) {
      store_error_ = report.status();
      return false;
    }
    for (size_t i = 0; i < batch_.size(); ++i) {
      const AddOutcome& outcome = report->outcomes[i];
      if (outcome.kind == AddOutcome::Kind::kFailed) {
        reporter_.Failure(where_[i], outcome.detail);
      } else if (outcome.kind == AddOutcome::Kind::kDuplicateId) {
        ++same_id_;
      } else if (outcome.kind == AddOutcome::Kind::kDuplicateText) {
        ++same_text_;
      }
    }
    added_ += report->counts.added;
    failed_ += report->counts.failed;
    batch_.clear();
    where_.clear();
    reporter_.Progress(records_, added_);
    return true;
  }

  bool stopped() const { return !store_error_.ok(); }
  const Status& store_error() const { return store_error_; }
  size_t added() const { return added_; }
  size_t duplicates() const { return same_id_ + same_text_; }
  size_t same_id() const { return same_id_; }
  size_t same_text() const { return same_text_; }
  size_t failed() const { return failed_; }
  size_t pending() const { return batch_.size(); }

 private:
  Store& store_;
  const size_t batch_size_;
  Reporter& reporter_;
  std::vector<Article> batch_;
  std::vector<std::string> where_;  // FILE:LINE or FILE of batch_[i], for messages
  Status store_error_;
  size_t records_ = 0, added_ = 0, same_id_ = 0, same_text_ = 0, failed_ = 0;
};

// One command-line input, read through the source OpenSource chooses for
// it (JSON lines, a WARC file, a page, a directory of them): every document
// becomes an article through the extractor, every failure is named.
void IngestInput(const std::string& input, const Options& options, Ingester& ingester) {
  SourceOptions source_options;
  source_options.max_bytes = options.load.max_bytes;
  source_options.allow_private = options.allow_private;
  // Read ahead: inflating a WARC or reading the next page overlaps
  // extracting and storing this one.
  const std::unique_ptr<DocumentSource> source = ReadAhead(OpenSource(input, source_options));
  SourceItem item;
  while (!ingester.stopped() && source->Next(item)) {
    const std::string where = Describe(item.document.source);
    if (!item.note.empty()) ingester.Note(where, item.note);
    if (!item.status.ok()) {
      // A line's or record's reason reads alone after its FILE:LINE.
      ingester.Fail(where, item.part ? item.status.message() : item.status.ToString());
      continue;
    }
    const RawDocument& doc = item.document;
    std::string id = !doc.id.empty() ? doc.id : !doc.url.empty() ? doc.url : doc.source;
    Result<Article> article = ExtractArticle(std::move(item.document));
    if (!article.ok()) {
      ingester.Fail(where, article.status().ToString());
      continue;
    }
    article->id = std::move(id);
    ingester.Add(std::move(*article), where);
  }
}

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  Options options;
  CLI::App app;
  app.add_option("--db", options.db)->check(DatabasePath());
  app.add_option("--batch", options.batch)->check(Positive(kMaxBatch));
  app.add_option("--max-bytes", options.load.max_bytes)->check(Positive());
  app.add_flag("--allow-private", options.allow_private);
  app.add_option("INPUT", options.inputs);
  if (const std::optional<int> stop = ParseOptions(app, args, "ingest", kHelp)) return *stop;
  Result<Store> store = Store::Open(options.db, OpenMode::kReadWrite);
  if (!store.ok()) {
    std::cerr << "parallax ingest: " << store.status().message() << "\n";
    return kExitOutputFailed;
  }
  // With no inputs this only creates or upgrades the database (what the
  // read-only open of an old file suggests).
  Reporter reporter;
  Ingester ingester(*store, options.batch, reporter);
  for (const std::string& input : options.inputs) {
    if (ingester.stopped()) break;
    IngestInput(input, options, ingester);
  }
  ingester.Flush();
  reporter.Finish();

  const Result<size_t> total = store->CountArticles();
  std::cout << "added " << ingester.added() << ", duplicates " << ingester.duplicates();
  if (ingester.duplicates() > 0) {
    std::cout << " (" << ingester.same_id() << " same id, " << ingester.same_text()
              << " same text)";
  }
  std::cout << ", failed " << ingester.failed();
  if (total.ok()) std::cout << " (" << *total << " articles in " << options.db << ")";
  std::cout << "\n";
  std::cout.flush();

  if (ingester.stopped()) {
    reporter.Error(ingester.store_error().message() +
                   "; the ingest stopped there. Everything counted as added is stored; "
                   "run the same command again to continue once the cause is fixed");
    return kExitOutputFailed;
  }
  if (!std::cout) return kExitOutputFailed;
  return ingester.failed() > 0 ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace parallax::cli
