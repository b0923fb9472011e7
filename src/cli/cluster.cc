// parallax cluster: JSON lines of articles -> the story of each; or, with
// --db, the articles of the store that have no story yet -> their stories,
// saved in the store.
//
// Two passes over the input, both in memory: the articles' terms are
// extracted (on --jobs threads while the input is read: it is pure per
// article) and counted, so that every article is weighted with the whole
// file's word frequencies; then they join stories one by one in
// publication order, long ones scored on two threads with --jobs 2 or
// more. The output is the same whatever the thread count.
//
// With --db the clusterer resumes from the state the previous run saved,
// so a run costs what it adds, not what the store holds; the new stories
// and the new state are saved in one transaction.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "parallax/term_extraction.h"
#include "parallax/cluster.h"
#include "parallax/ingest.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax cluster — which articles tell the same story

Usage:
  parallax cluster [--jobs N] [--window DAYS] [--stats] INPUT...
  parallax cluster --db PATH [--rebuild] [--jobs N] [--window DAYS] [--stats]

Inputs:
  INPUT is a JSON lines file (.jsonl, or .jsonl.gz), or - for standard
  input: one article per line, {"id", "title", "text", "published",
  "outlet"}. "id" and a title or text are required; "published" (ISO 8601,
  e.g. 2021-06-25 or 2021-06-25T14:03:00Z) and "outlet" are used when
  present. Other fields are ignored. Several inputs are one stream, in order.

  --db PATH clusters the articles of a database filled by 'parallax ingest'
  instead, and saves the stories in it ('parallax stories' lists them).
  This is incremental: each run takes only the articles that have no story
  yet, and they join the stories of earlier runs or start new ones; what
  earlier runs decided is kept, not recomputed. --rebuild clusters every
  stored article afresh instead and replaces the stories (their numbers
  start again from 1): a story told across several runs is then judged
  with all its articles at hand, as when one file holds them all. Dated
  articles are taken in publication order, undated ones in the order they
  were ingested. The stories and the clusterer's state are saved in one
  transaction: an interrupted run saves nothing, and running it again is
  the fix.

Output:
  One line per article, in input order: its id, a tab, and the number of
  its story. Stories are numbered from 1 in the order they start. Ids are
  escaped so that a field never holds a tab or a line break: backslash as
  \\, tab \t, newline \n, carriage return \r, any other control
  character as \xHH (C1 controls \u0080-\u009F), bytes that are not
  UTF-8 as \xHH. An id of printable text is printed as it is.
  With --db, one line per article clustered by this run (none when there
  is nothing new), and the numbers go on across runs: each is its story's
  "key" in 'parallax stories --json'.
  On a terminal, a line on standard error tells how far it has got.

How it decides:
  Each article is a vector of its headline and lead words (stemmed,
  headline words counted more) and the names in them, weighted by how
  rare each word is in the whole input. Every article is compared with
  the others first; two leads that name different weekdays count as less
  alike (they likely tell one topic on two days), and each resemblance is
  judged against how close the two articles' nearest neighbours are: in a
  crowded topic only a closer match counts, while the reports of an
  isolated event count for more. Then, one by one, each joins the story
  whose members it resembles most, when that resemblance is strong, or
  weaker but mutual (no member has resembled anything else more) and the
  figures ("412,000 tonnes") and weekdays both cite, if any, share one;
  otherwise it starts a story. When all are in, an article still alone gets a second
  look: it joins the story it now clearly belongs to (it may have come
  before the rest of its story). With --db, a run that resumes earlier
  stories skips the comparison with neighbours (the articles behind a
  saved story are not kept). Nothing else is revisited, so order
  matters: articles with a "published" time are taken in publication
  order (in the places dated articles hold in the input), the others in
  input order. Undated input is best given in the order it was published.

Options:
  --window DAYS  articles published further apart than this (from a
                 story's latest article) never share a story (default 3;
                 fractions allowed). Articles without a date are not
                 limited.
  --rebuild      with --db: forget the stories of earlier runs and cluster
                 every stored article again (see Inputs)
  --jobs N       extract words on N threads, and with 2 or more compare
                 the articles on two (default 1; 0 = one per core); the
                 output is the same for any N
  --stats        print the number of articles and stories and the speed to
                 standard error
  -h, --help     this text

Examples:
  parallax cluster articles.jsonl.gz > stories.tsv
  parallax cluster --jobs 0 --stats feed.jsonl | sort -t$'\t' -k2,2n
  parallax cluster --window 1.5 - < today.jsonl
  parallax ingest --db news.db feed.jsonl && parallax cluster --db news.db &&
    parallax stories --db news.db
  parallax ingest --db news.db today.jsonl && parallax cluster --db news.db
                 (today's articles join yesterday's stories or start new ones)
  parallax cluster --db news.db --rebuild > /dev/null
                 (all stories again from scratch, e.g. after a week of runs)

Errors:
  A line that cannot be used (not JSON, no "id", no title and no text, an
  id seen before) is named on standard error as FILE:LINE: reason, and the
  other lines are still clustered. A "published" that is not an ISO 8601
  date is named too, and the article is clustered without a date.

Exit codes:
  0 ok; 1 some lines or inputs could not be used (named on stderr, the rest
  clustered), or the database could not be read (missing, damaged, not
  parallax's); 2 bad command line (also: both --db and INPUT); 4 could not
  write the output, or save the stories in the database (read-only, disk
  full: then nothing of the run is saved).
)";

// Longest --window accepted: ten years is already "no window".
constexpr double kMaxWindowDays = 3650;

struct Options {
  std::string db;  // --db; empty: cluster the inputs
  unsigned jobs = 1;
  double window_days = ClusterOptions{}.window_seconds / 86400.0;
  bool stats = false;
  bool rebuild = false;  // --db: ignore the saved state
  std::vector<std::string> inputs;
};

// How messages name an input.
std::string Describe(const std::string& path) { return path == "-" ? "stdin" : PrintableOneLine(path); }

// Adds every article in publication order as one batch (which also gives
// the lone ones their second look), showing how far it has got. Returns
// that order. Unless the stories will be saved, each article's terms are
// let go once read: on a day of news (750,000 articles) they were a third
// of the peak memory.
std::vector<size_t> AddAll(StoryClusterer& clusterer, const std::vector<ClusterDocument>& docs,
                           std::vector<ArticleTerms>& terms, ProgressLine& progress) {
  std::vector<size_t> order = PublicationOrder(docs);
  clusterer.AddBatch(docs, terms, order, [&](std::string_view pass, size_t done, size_t total) {
    if (done < total && !progress.Due()) return;
    std::string line = "clustering: " + std::string(pass);
    if (done < total) line += ", " + std::to_string(done) + " of " + std::to_string(total);
    progress.Show(line, /*now=*/done == total);
  });
  progress.Clear();
  return order;
}

// `parallax cluster --db`: the store's articles without a story join the
// stories of earlier runs (restored from the saved state) or start new ones.
int ClusterDatabase(const Options& options, const ClusterOptions& cluster_options,
                    std::chrono::steady_clock::time_point start) {
  int exit_code = kExitOk;
  std::optional<Store> store = OpenDatabaseForUpdate("cluster", options.db, exit_code);
  if (!store) return exit_code;
  ProgressLine progress;
  Result<StoredClustering> run = ClusterStoredArticles(
      *store, cluster_options, options.jobs, options.rebuild,
      [&](size_t read) { progress.ShowCount(read, "articles read"); },
      [&](std::string_view pass, size_t done, size_t total) {
        if (done < total && !progress.Due()) return;
        std::string line = "clustering: " + std::string(pass);
        if (done < total) line += ", " + std::to_string(done) + " of " + std::to_string(total);
        progress.Show(line, /*now=*/done == total);
      });
  progress.Clear();
  if (!run.ok()) {
    std::cerr << "parallax cluster: " << run.status().message() << "\n";
    return kExitSomeInputsFailed;
  }
  for (const auto& [article, why] : run->undated) {
    std::cerr << "parallax cluster: " << options.db << ": article '" << article << "': published " << why
              << "; clustered without a date\n";
  }
  const Store::StoryAssignments& assignments = run->assignments;
  if (assignments.empty()) {
    if (run->resumed) {
      std::cerr << "parallax cluster: no new articles to cluster in " << options.db << "\n";
    } else {
      std::cerr << "parallax cluster: no articles in " << options.db
                << " yet (fill it with 'parallax ingest --db " << options.db << " INPUT...')\n";
    }
    return kExitOk;
  }
  const Status saved = run->resumed ? store->AddStoryAssignments(assignments, run->state)
                                    : store->SaveStoryAssignments(assignments, run->state);
  if (!saved.ok()) {
    std::cerr << "parallax cluster: " << saved.message() << "; nothing of this run was saved\n";
    return kExitOutputFailed;
  }

  std::string out;
  for (const auto& [article, story] : assignments) {
    AppendTsvField(out, article);
    out += '\t';
    out += story;
    out += '\n';
  }
  std::cout << out;
  std::cout.flush();
  if (options.stats) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "parallax cluster: " << assignments.size() << " new articles, "
              << run->stories_after - run->stories_before << " new stories, " << run->stories_after
              << " stories in all, " << seconds << " s\n";
  }
  if (!std::cout) {
    std::cerr << "parallax cluster: cannot write to standard output (the stories are saved)\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

}  // namespace

int RunCluster(const std::vector<std::string>& args) {
  Options options;
  CLI::App app;
  app.add_flag("--stats", options.stats);
  app.add_flag("--rebuild", options.rebuild);
  app.add_option("--db", options.db)->check(DatabasePath());
  app.add_option("--jobs", options.jobs)->check(Jobs());
  app.add_option("--window", options.window_days)
      ->check(Decimal(0, false, kMaxWindowDays,
                      "a number of days above 0 and up to " +
                          std::to_string(static_cast<int>(kMaxWindowDays))));
  app.add_option("INPUT", options.inputs);
  if (const std::optional<int> stop = ParseOptions(app, args, "cluster", kHelp)) return *stop;
  if (options.rebuild && options.db.empty()) {
    std::cerr << "parallax cluster: --rebuild goes with --db PATH (a file is always clustered "
                 "from scratch)\n";
    return kExitUsage;
  }
  if (!options.db.empty() && !options.inputs.empty()) {
    std::cerr << "parallax cluster: give INPUT files or --db PATH, not both (to cluster a file "
                 "with the database, add it first: 'parallax ingest --db "
              << options.db << " " << options.inputs.front() << "')\n";
    return kExitUsage;
  }
  if (options.db.empty() && options.inputs.empty()) {
    std::cerr << "parallax cluster: no input. Give a JSON lines file (or - for standard input), "
                 "or --db PATH for a database's articles; run 'parallax help cluster'.\n";
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  ClusterOptions cluster_options;
  cluster_options.window_seconds = static_cast<int64_t>(options.window_days * 86400);
  cluster_options.threads = options.jobs;
  if (!options.db.empty()) return ClusterDatabase(options, cluster_options, start);

  ProgressLine progress;
  TermExtraction extraction(options.jobs);
  bool any_failed = false;
  struct Where {
    size_t input;
    uint64_t line;
  };
  std::unordered_map<std::string, Where> first_seen;
  for (size_t input = 0; input < options.inputs.size(); ++input) {
    const std::string name = Describe(options.inputs[input]);
    auto on_error = [&](uint64_t line, const std::string& reason) {
      any_failed = true;
      progress.Clear();
      std::cerr << name << ":" << line << ": " << PrintableOneLine(reason) << "\n";
    };
    auto note = [&](uint64_t line, const std::string& what) {
      progress.Clear();
      std::cerr << name << ":" << line << ": " << PrintableOneLine(what) << "\n";
    };
    auto on_record = [&](JsonRecord&& record) {
      if (!record.note.empty()) note(record.line, record.note);
      const auto [it, inserted] = first_seen.emplace(record.id, Where{input, record.line});
      if (!inserted) {
        on_error(record.line, "duplicate id '" + record.id + "' (first at " +
                                  Describe(options.inputs[it->second.input]) + ":" +
                                  std::to_string(it->second.line) + "); line skipped");
        return;
      }
      ClusterDocument doc;
      doc.id = std::move(record.id);
      doc.title = std::move(record.title);
      doc.text = std::move(record.text);
      doc.outlet = std::move(record.outlet);
      if (!record.published.empty()) {
        const Result<int64_t> when = ParsePublishedTime(record.published);
        if (when.ok()) {
          doc.published = *when;
        } else {
          progress.Clear();
          std::cerr << name << ":" << record.line << ": published " << PrintableOneLine(when.status().message())
                    << "; clustered without a date\n";
        }
      }
      extraction.Add(std::move(doc));
      progress.ShowCount(extraction.size(), "articles read");
    };
    const Status status = ReadJsonLines(options.inputs[input], on_record, on_error);
    if (!status.ok()) {
      any_failed = true;
      progress.Clear();
      std::cerr << "parallax cluster: " << name << ": " << status.ToString() << "\n";
    }
  }

  std::vector<ClusterDocument> docs;
  std::vector<ArticleTerms> terms;
  extraction.Finish(docs, terms);
  if (docs.empty()) {
    // Said, so that an empty result is not mistaken for one story per nothing.
    std::cerr << "parallax cluster: no articles read from " << options.inputs.size()
              << (options.inputs.size() == 1 ? " input" : " inputs") << "\n";
    return any_failed ? kExitSomeInputsFailed : kExitOk;
  }
  cluster_options.resumable = false;  // nothing is saved: no centroids needed
  StoryClusterer clusterer(cluster_options);
  for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
  const std::vector<size_t> order = AddAll(clusterer, docs, terms, progress);
  // Assignments come in the order added; the output is in input order.
  std::vector<StoryId> stories(docs.size());
  const std::vector<Assignment> assignments = clusterer.Assignments();
  for (size_t k = 0; k < order.size(); ++k) stories[order[k]] = assignments[k].story;
  std::string out;
  for (size_t i = 0; i < docs.size(); ++i) {
    AppendTsvField(out, docs[i].id);
    out += '\t';
    out += std::to_string(stories[i]);
    out += '\n';
    if (out.size() >= (size_t{1} << 16)) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out;
  std::cout.flush();

  if (options.stats) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "parallax cluster: " << docs.size() << " articles, " << clusterer.story_count()
              << " stories, " << seconds << " s ("
              << static_cast<uint64_t>(docs.size() / std::max(seconds, 1e-9)) << " articles/s)\n";
  }
  if (!std::cout) {
    std::cerr << "parallax cluster: cannot write to standard output\n";
    return kExitOutputFailed;
  }
  return any_failed ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace parallax::cli
