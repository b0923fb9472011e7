// The compare pipeline: extract -> analyze (in parallel) -> align.
#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"
#include "parallax/extract.h"

namespace parallax {

namespace {

// Reports are named d0, d1, ... in the order they are analysed.
std::string DocumentId(size_t index) { return "d" + std::to_string(index); }

// One report's way through extraction and analysis.
struct Job {
  std::optional<Article> article;   // stored, or extracted from raw
  std::optional<RawDocument> raw;
  std::optional<AnalyzedArticle> analysed;
  std::optional<LoadFailure> failure;
};

void Run(Job& job) {
  if (job.raw) {
    std::string source = job.raw->source;
    Result<Article> article = ExtractArticle(std::move(*job.raw));
    job.raw.reset();
    if (!article.ok()) {
      job.failure = LoadFailure{std::move(source), article.status()};
      return;
    }
    job.article = std::move(*article);
  }
  job.analysed = Analyze(std::move(*job.article));
  job.article.reset();
}

// A thread more only pays for itself past this much text: starting one
// (and its allocator's arenas) costs about as much as analysing a short
// report, which is what most comparisons hold.
constexpr size_t kBytesPerThread = size_t{128} << 10;

size_t ThreadsWorthStarting(const std::vector<Job>& jobs) {
  size_t bytes = 0;
  for (const Job& job : jobs) {
    if (job.raw) bytes += job.raw->bytes.size();
    if (job.article) {
      for (const Paragraph& p : job.article->paragraphs) bytes += p.text.size();
    }
  }
  return std::max<size_t>(1, bytes / kBytesPerThread);
}

// Runs every job on `threads` threads (this one included). A job touches
// only its own slot, so the threads share nothing but the next index.
void RunAll(std::vector<Job>& jobs, unsigned threads) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) Run(jobs[i]);
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads && t < jobs.size(); ++t) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // the system allows fewer threads: fewer workers
    }
  }
  work();
  for (std::thread& w : workers) w.join();
}

}  // namespace

Status CheckReportCount(size_t reports, const CompareOptions& options) {
  if (reports <= options.max_reports) return Status::Ok();
  return Status::TooLarge(std::to_string(reports) + " reports, and one comparison holds at most " +
                          std::to_string(options.max_reports) +
                          ". For a corpus, group it into stories first ('parallax ingest', then "
                          "'parallax cluster' and 'parallax stories') and compare one story with "
                          "'parallax compare --story ID'; or raise the limit with --max-reports");
}

Result<CompareResult> Compare(std::vector<Article> articles, std::vector<RawDocument> raw,
                              const CompareOptions& options) {
  const size_t reports = articles.size() + raw.size();
  if (Status fits = CheckReportCount(reports, options); !fits.ok()) return fits;
  std::vector<Job> jobs(reports);
  for (size_t i = 0; i < articles.size(); ++i) jobs[i].article = std::move(articles[i]);
  for (size_t i = 0; i < raw.size(); ++i) jobs[articles.size() + i].raw = std::move(raw[i]);
  const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  RunAll(jobs, std::min<size_t>(threads, ThreadsWorthStarting(jobs)));

  CompareResult result;
  std::vector<AnalyzedArticle> analysed;
  for (Job& job : jobs) {
    if (job.failure) {
      result.failures.push_back(std::move(*job.failure));
      continue;
    }
    job.analysed->article.id = DocumentId(analysed.size());
    analysed.push_back(std::move(*job.analysed));
  }
  if (analysed.size() < 2) {
    result.comparison.documents = std::move(analysed);
  } else {
    result.comparison = Align(std::move(analysed));
  }
  return result;
}

}  // namespace parallax
