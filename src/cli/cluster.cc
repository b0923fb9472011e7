// parallax cluster: JSON lines of articles -> the story of each.
//
// Two passes over the input, both in memory: the articles' terms are
// extracted (on --jobs threads: it is pure per article) and counted, so
// that every article is weighted with the whole file's word frequencies;
// then they join stories one by one in input order. The output is the same
// whatever the thread count.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "parallax/cluster.h"
#include "parallax/ingest.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax cluster — which articles tell the same story

Usage:
  parallax cluster [--jobs N] [--window DAYS] [--stats] INPUT...

Inputs:
  INPUT is a JSON lines file (.jsonl, or .jsonl.gz), or - for standard
  input: one article per line, {"id", "title", "text", "published",
  "outlet"}. "id" and a title or text are required; "published" (ISO 8601,
  e.g. 2021-06-25 or 2021-06-25T14:03:00Z) and "outlet" are used when
  present. Other fields are ignored. Several inputs are one stream, in order.

Output:
  One line per article, in input order: its id, a tab, and the number of
  its story. Stories are numbered from 1 in the order they start.

How it decides:
  Each article is a vector of its headline and lead words (stemmed,
  headline words counted more) and the names in them, weighted by how
  rare each word is in the whole input. In input order, each joins the
  story whose members it resembles most, when that resemblance is strong,
  or weaker but mutual (no member has resembled anything else more);
  otherwise it starts a story. Nothing decided is revisited, so the input
  order matters: give articles in the order they were published.

Options:
  --window DAYS  articles published further apart than this (from a
                 story's latest article) never share a story (default 3;
                 fractions allowed). Articles without a date are not
                 limited.
  --jobs N       extract words on N threads (default 1; 0 = one per core);
                 the output is the same for any N
  --stats        print the number of articles and stories and the speed to
                 standard error
  -h, --help     this text

Examples:
  parallax cluster articles.jsonl.gz > stories.tsv
  parallax cluster --jobs 0 --stats feed.jsonl | sort -t$'\t' -k2,2n
  parallax cluster --window 1.5 - < today.jsonl

Errors:
  A line that cannot be used (not JSON, no "id", no title and no text, an
  id seen before) is named on standard error as FILE:LINE: reason, and the
  other lines are still clustered. A "published" that is not an ISO 8601
  date is named too, and the article is clustered without a date.

Exit codes:
  0 ok; 1 some lines or inputs could not be used (named on stderr, the rest
  clustered); 2 bad command line; 4 could not write the output.
)";

// Longest --window accepted: ten years is already "no window".
constexpr double kMaxWindowDays = 3650;

struct Options {
  unsigned jobs = 1;
  double window_days = ClusterOptions{}.window_seconds / 86400.0;
  bool stats = false;
  std::vector<std::string> inputs;
};

bool ParseArgs(const std::vector<std::string>& args, Options& options, bool& help) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) { return NextValue("cluster", args, i, name); };
    if (a == "-h" || a == "--help") {
      help = true;
    } else if (a == "--stats") {
      options.stats = true;
    } else if (a == "--jobs") {
      const std::string* v = value("--jobs");
      if (!v) return false;
      char* end = nullptr;
      errno = 0;
      const unsigned long n = std::strtoul(v->c_str(), &end, 10);
      // More threads than this only adds contention; a typo such as
      // --jobs 40000 should not try to start that many.
      if (v->empty() || (*v)[0] < '0' || (*v)[0] > '9' || *end != '\0' || errno != 0 || n > 1024) {
        std::cerr << "parallax cluster: --jobs takes a number of threads from 0 (one per core) "
                     "to 1024, got '" << *v << "'\n";
        return false;
      }
      options.jobs = n == 0 ? std::max(1u, std::thread::hardware_concurrency())
                            : static_cast<unsigned>(n);
    } else if (a == "--window") {
      const std::string* v = value("--window");
      if (!v) return false;
      char* end = nullptr;
      errno = 0;
      const double days = std::strtod(v->c_str(), &end);
      if (v->empty() || *end != '\0' || errno != 0 || !(days > 0) || days > kMaxWindowDays) {
        std::cerr << "parallax cluster: --window takes a number of days above 0 and up to "
                  << kMaxWindowDays << ", got '" << *v << "'\n";
        return false;
      }
      options.window_days = days;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "parallax cluster: unknown option '" << a << "'. Run 'parallax help cluster'.\n";
      return false;
    } else {
      options.inputs.push_back(a);
    }
  }
  return true;
}

// How messages name an input.
std::string Describe(const std::string& path) { return path == "-" ? "stdin" : path; }

// Extracts the terms of every article on `jobs` threads, which take
// chunks of articles as they finish the previous one.
std::vector<ArticleTerms> ExtractAll(const std::vector<ClusterDocument>& docs, unsigned jobs) {
  // Large enough that taking a chunk costs nothing next to its work.
  constexpr size_t kChunk = 64;
  std::vector<ArticleTerms> terms(docs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t begin = next.fetch_add(kChunk); begin < docs.size(); begin = next.fetch_add(kChunk)) {
      for (size_t i = begin; i < std::min(begin + kChunk, docs.size()); ++i) {
        terms[i] = ExtractTerms(docs[i].title, docs[i].text);
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs && t * kChunk < docs.size(); ++t) {
    try {
      threads.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // the system allows fewer threads (ulimit -u): fewer workers
    }
  }
  work();
  for (std::thread& t : threads) t.join();
  return terms;
}

}  // namespace

int RunCluster(const std::vector<std::string>& args) {
  Options options;
  bool help = false;
  if (!ParseArgs(args, options, help)) return kExitUsage;
  if (help) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (options.inputs.empty()) {
    std::cerr << "parallax cluster: no input. Give a JSON lines file (or - for standard input); "
                 "run 'parallax help cluster'.\n";
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();

  std::vector<ClusterDocument> docs;
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
      std::cerr << name << ":" << line << ": " << reason << "\n";
    };
    auto on_record = [&](JsonRecord&& record) {
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
          std::cerr << name << ":" << record.line << ": published " << when.status().message()
                    << "; clustered without a date\n";
        }
      }
      docs.push_back(std::move(doc));
    };
    const Status status = ReadJsonLines(options.inputs[input], on_record, on_error);
    if (!status.ok()) {
      any_failed = true;
      std::cerr << "parallax cluster: " << name << ": " << status.ToString() << "\n";
    }
  }

  const std::vector<ArticleTerms> terms = ExtractAll(docs, options.jobs);
  ClusterOptions cluster_options;
  cluster_options.window_seconds = static_cast<int64_t>(options.window_days * 86400);
  StoryClusterer clusterer(cluster_options);
  for (const ArticleTerms& t : terms) clusterer.CountTerms(t);
  std::string out;
  for (size_t i = 0; i < docs.size(); ++i) {
    const StoryId story = clusterer.AddCounted(docs[i], terms[i]);
    out += docs[i].id;
    out += '\t';
    out += std::to_string(story);
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
