// parallax dedup: JSON lines -> signatures -> near-duplicate pairs; or, with
// --db, the store's articles -> pairs, saved in the store as groups.
//
// Lines are read and checked on this thread, in order; with --jobs N,
// batches of texts are signed on N threads (ParallelSigner) while the
// next batch is read, and added to the index in input order; the
// candidate pairs are then scored on N threads too (DedupOptions::threads).
// The output does not depend on N.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/decimal.h"
#include "cli/id_table.h"
#include "cli/progress.h"
#include "parallax/dedup.h"
#include "parallax/ingest.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax dedup — near-duplicate articles in a corpus: syndicated copies

Usage:
  parallax dedup [--threshold T] [--jobs N] [--stats] INPUT
  parallax dedup --db PATH [--threshold T] [--jobs N] [--stats]

Input:
  INPUT is a JSON lines file (.jsonl, or .jsonl.gz), or - for standard
  input: one article a line, {"id": ..., "text": ...}. Only "id" and "text"
  are used: no other field affects the result.

  --db PATH compares the articles of a database filled by 'parallax
  ingest' instead (their body text, in the order they were ingested), and
  saves the near-duplicate groups in it, replacing those of an earlier
  run: the articles linked by the pairs printed, directly or through
  others, are one group, represented by the one ingested first.

Output:
  One line per near-duplicate pair, idA<TAB>idB<TAB>score, idA the one that
  comes first in the input, sorted by idA's then idB's position. The score
  (0 to 1, three decimals) is the share of the shorter text found in the
  longer one when the shared part includes the longer one's start, as in a
  copy cut short or given a dateline or footer; otherwise the Jaccard
  similarity (shared shingles / all shingles). A pair below the threshold
  is reported too when both articles are near-duplicates of a third one
  (two copies edited differently) and still share 15% of the shorter text:
  its score is then the weaker of the two links through the third.
  Ids are escaped so that a field never holds a tab or a line break:
  backslash as \\, tab \t, newline \n, carriage return \r, any other
  control character as \xHH (C1 controls \u0080-\u009F), bytes that
  are not UTF-8 as \xHH. An id of printable text is printed as it is.
  On a terminal, a line on standard error tells how far it has got.

  Texts are compared as 3-word shingles (words are runs of letters, digits
  and non-ASCII bytes, lowercased). Shingles found in more than 20 articles
  (footers, datelines, stock phrases) are ignored, so a footer added by an
  outlet does not make its articles look alike. A story printed by more
  than 20 outlets is still found: articles made mostly of such shingles
  are compared whole when they start alike. Past a thousand copies of one
  text, each is paired with the first only (one group, not a pair for
  every two).

Options:
  --threshold T  report pairs scoring at least T, from 0.05 to 1 (default
                 0.6). On the syndication benchmark in ../shared/bench/neardup
                 (30,000 news articles, 30,000 known copy pairs), 0.6 found
                 95.6% of the copies with 99.2% of the pairs right; 0.5
                 finds 98.4% with 97.4% right, 0.8 finds 75% with 99.7%
                 right. Pairs of texts sharing half their shingles are
                 found at 0.6 (99.95% of them on the benchmark).
  --jobs N       compute signatures and score pairs on N threads
                 (default 1; 0 = one per core); the output is the same for
                 any N
  --stats        print counts, speed and memory to stderr when done
  -h, --help     this text

Examples:
  parallax dedup corpus.jsonl.gz > pairs.tsv
  parallax dedup --threshold 0.8 --stats corpus.jsonl
  zcat part-*.jsonl.gz | parallax dedup - | cut -f1,2
  parallax ingest --db news.db feed.jsonl && parallax dedup --db news.db

Errors:
  A line that is not a JSON object, has no "id", repeats an earlier line's
  id, or has no words in its "text" is named on stderr as FILE:LINE: reason
  and skipped (for a repeated id the first line is kept); the other lines
  are still compared. The first 50 such lines are named, then a count.

  With --db, an article whose text has no words is named and skipped; those
  stored as a headline alone are counted once.

Exit codes:
  0 ok; 1 some lines (or the input) could not be used, the rest were
  compared, or the database could not be read (missing, damaged, not
  parallax's); 2 bad command line (also: both --db and INPUT); 4 could
  not write the output, or save the groups in the database (read-only,
  disk full: then the groups saved before stay).
)";

// Below this a threshold reports nearly every pair that shares a phrase.
constexpr double kMinThreshold = 0.05;
// Bad lines named one by one before only counting them.
constexpr size_t kMaxNamedErrors = 50;

// Reserving room for the index up front saves copying it as it grows (about
// a tenth of the run on the benchmark corpus). Room is only address space
// until used, so the guess errs high: a document per 512 bytes of input
// (news articles in JSON lines average over 1 KB), a gzipped input taken as
// a third of its size, and never more than a million documents.
constexpr uint64_t kMinBytesPerDocument = 512;
constexpr uint64_t kGzipRatio = 3;
constexpr uint64_t kMaxReservedDocuments = 1 << 20;

size_t GuessDocuments(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return 0;
  const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  return static_cast<size_t>(
      std::min(kMaxReservedDocuments, size * (gz ? kGzipRatio : 1) / kMinBytesPerDocument));
}

struct Options {
  std::string db;  // --db; empty: compare INPUT
  DedupOptions dedup;
  unsigned jobs = 1;
  bool stats = false;
  std::string input;
};

// Names bad lines on stderr, the first kMaxNamedErrors of them.
class LineErrors {
 public:
  LineErrors(std::string source, ProgressLine& progress)
      : source_(std::move(source)), progress_(progress) {}
  void Add(uint64_t line, const std::string& reason) {
    if (++count_ > kMaxNamedErrors) return;
    progress_.Clear();
    std::cerr << source_ << ":" << line << ": " << PrintableOneLine(reason) << "\n";
  }
  // A line used all the same, with something the user should know.
  void Note(uint64_t line, const std::string& note) {
    if (++notes_ > kMaxNamedErrors) return;
    progress_.Clear();
    std::cerr << source_ << ":" << line << ": " << PrintableOneLine(note) << "\n";
  }
  void Finish() const {
    if (count_ > kMaxNamedErrors) {
      progress_.Clear();
      std::cerr << source_ << ": " << count_ << " lines skipped in all (" << kMaxNamedErrors
                << " named above)\n";
    }
  }
  size_t count() const { return count_; }

 private:
  std::string source_;
  ProgressLine& progress_;  // cleared before each message
  size_t count_ = 0;
  size_t notes_ = 0;
};

// On the progress line: the pairing, which comes after all is read.
void ShowPairing(ProgressLine& progress, size_t documents) {
  progress.Show("pairing " + std::to_string(documents) + " documents", /*now=*/true);
}

// The output: idA<TAB>idB<TAB>score lines, ids escaped (TsvField). `id(n)`
// names document n.
template <typename IdOf>
std::string FormatPairs(const std::vector<DuplicatePair>& pairs, IdOf id) {
  std::string out;
  out.reserve(pairs.size() * 48);
  char score[16];
  for (const DuplicatePair& p : pairs) {
    AppendTsvField(out, id(p.first));
    out += '\t';
    AppendTsvField(out, id(p.second));
    out += '\t';
    out.append(score, FormatThreeDecimals(p.score, score));
    out += '\n';
  }
  return out;
}

bool WriteOut(const std::string& out) {
  return std::fwrite(out.data(), 1, out.size(), stdout) == out.size() && std::fflush(stdout) == 0;
}

// --stats. `skipped` counts what was not compared: "lines" or "articles".
void PrintStats(const DedupStats& stats, size_t skipped, const char* skipped_what, size_t pairs,
                std::chrono::steady_clock::time_point started) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double docs = static_cast<double>(stats.documents);
  char line[512];
  std::snprintf(line, sizeof line,
                "documents %zu, %s skipped %zu, pairs %zu (%zu direct, %zu through a third "
                "document), candidates scored %zu, boilerplate hashes dropped %zu\n"
                "time %.3f s, %.0f documents/s\n"
                "index %.0f bytes/document, peak while pairing %.0f bytes/document\n",
                stats.documents, skipped_what, skipped, pairs, stats.direct_pairs,
                stats.supported_pairs, stats.candidates, stats.boilerplate_dropped, seconds,
                docs / seconds, docs > 0 ? stats.index_bytes / docs : 0.0,
                docs > 0 ? stats.peak_bytes / docs : 0.0);
  std::cerr << line;
}

// `parallax dedup --db`: every stored article against every other; the
// pairs printed, their groups saved.
int DedupDatabase(const Options& options, std::chrono::steady_clock::time_point started) {
  int exit_code = kExitOk;
  std::optional<Store> store = OpenDatabaseForUpdate("dedup", options.db, exit_code);
  if (!store) return exit_code;
  ProgressLine progress;
  Result<StoredDuplicates> found = FindStoredDuplicates(
      *store, options.dedup, options.jobs, [&](size_t read) { progress.ShowCount(read, "documents read"); },
      [&](size_t documents) { ShowPairing(progress, documents); });
  progress.Clear();
  if (!found.ok()) {
    std::cerr << "parallax dedup: " << found.status().message() << "; nothing saved\n";
    return kExitSomeInputsFailed;
  }
  for (const std::string& id : found->wordless) {
    std::cerr << "parallax dedup: " << options.db << ": article '" << id << "' has no words in its text; skipped\n";
  }
  const size_t headlines_only = found->headlines_only;
  if (headlines_only > 0) {
    std::cerr << "parallax dedup: " << headlines_only << " article" << (headlines_only == 1 ? "" : "s")
              << " of " << options.db << " " << (headlines_only == 1 ? "is a headline" : "are headlines")
              << " without text: not compared\n";
  }
  const Status saved = store->ReplaceDuplicateGroups(found->groups);
  if (!saved.ok()) {
    std::cerr << "parallax dedup: " << saved.message() << "; the groups were not saved\n";
    return kExitOutputFailed;
  }
  const std::vector<std::string>& ids = found->ids;
  const std::vector<DuplicatePair>& pairs = found->pairs;
  const DedupStats& stats = found->stats;
  const size_t skipped = found->wordless.size() + headlines_only;
  const bool written =
      WriteOut(FormatPairs(pairs, [&](uint32_t d) -> const std::string& { return ids[d]; }));
  if (options.stats) PrintStats(stats, skipped, "articles", pairs.size(), started);
  if (!written) {
    std::cerr << "parallax dedup: cannot write to standard output (the groups are saved)\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

}  // namespace

int RunDedup(const std::vector<std::string>& args) {
  const auto started = std::chrono::steady_clock::now();
  Options options;
  std::vector<std::string> inputs;  // one, said below if more
  CLI::App app;
  app.add_flag("--stats", options.stats);
  app.add_option("--db", options.db)->check(DatabasePath());
  app.add_option("--threshold", options.dedup.threshold)
      ->check(Decimal(kMinThreshold, true, 1.0, "a number from 0.05 to 1"));
  app.add_option("--jobs", options.jobs)->check(Jobs());
  app.add_option("INPUT", inputs);
  if (const std::optional<int> stop = ParseOptions(app, args, "dedup", kHelp)) return *stop;
  if (inputs.size() > 1) {
    std::cerr << "parallax dedup: one INPUT only (got '" << PrintableOneLine(inputs[0]) << "' and '"
              << PrintableOneLine(inputs[1]) << "'); concatenate files with cat or zcat and read - instead\n";
    return kExitUsage;
  }
  if (!inputs.empty()) options.input = inputs[0];
  options.dedup.threads = options.jobs;
  if (!options.db.empty() && !options.input.empty()) {
    std::cerr << "parallax dedup: give INPUT or --db PATH, not both (to compare a file with the "
                 "database, add it first: 'parallax ingest --db "
              << options.db << " " << options.input << "')\n";
    return kExitUsage;
  }
  if (!options.db.empty()) return DedupDatabase(options, started);
  if (options.input.empty()) {
    std::cerr << "parallax dedup: no INPUT. Give a JSON lines file or - for standard input, or "
                 "--db PATH for a database's articles; run 'parallax help dedup'.\n";
    return kExitUsage;
  }

  NearDuplicateIndex index(options.dedup);
  index.Reserve(GuessDocuments(options.input));
  IdTable ids;
  ProgressLine progress;
  LineErrors errors(options.input == "-" ? "stdin" : PrintableOneLine(options.input), progress);
  Status read;
  {
    ParallelSigner pipeline(options.jobs, index);
    read = ReadJsonLines(
        options.input,
        [&](JsonRecord&& record) {
          if (!record.note.empty()) errors.Note(record.line, record.note);
          if (!HasWordCharacter(record.text)) {
            errors.Add(record.line, record.text.empty() ? "empty text (no \"text\"); skipped"
                                                        : "\"text\" has no words; skipped");
            return;
          }
          if (ids.size() == NearDuplicateIndex::kMaxDocuments) {
            errors.Add(record.line, "more documents than one run compares (16,777,215); skipped");
            return;
          }
          const IdTable::Added id = ids.Add(record.id, record.line);
          if (!id.added) {
            errors.Add(record.line, "duplicate id \"" + record.id + "\" (first on line " +
                                        std::to_string(id.first_line) + "); skipped");
            return;
          }
          pipeline.Add(std::move(record.text));
          progress.ShowCount(ids.size(), "documents read");
        },
        [&](uint64_t line, const std::string& reason) { errors.Add(line, reason + "; skipped"); });
    pipeline.Finish();
  }
  errors.Finish();
  bool failed = errors.count() > 0;
  if (!read.ok()) {
    progress.Clear();
    std::cerr << "parallax dedup: " << (options.input == "-" ? "stdin" : options.input) << ": "
              << read.ToString() << "\n";
    failed = true;
  }

  DedupStats stats;
  ShowPairing(progress, ids.size());
  const std::vector<DuplicatePair> pairs = index.FindPairs(&stats);
  progress.Clear();
  const bool written =
      WriteOut(FormatPairs(pairs, [&](uint32_t d) { return ids[d]; }));
  if (options.stats) PrintStats(stats, errors.count(), "lines", pairs.size(), started);
  if (!written) {
    std::cerr << "parallax dedup: cannot write to standard output\n";
    return kExitOutputFailed;
  }
  return failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace parallax::cli
