// The compare pipeline: extract -> fold copies -> analyze (in parallel) -> align.
#include <algorithm>
#include <atomic>
#include <optional>
#include <string_view>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"
#include "parallax/dedup.h"
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

void Extract(Job& job) {
  if (!job.raw) return;
  std::string source = job.raw->source;
  Result<Article> article = ExtractArticle(std::move(*job.raw));
  job.raw.reset();
  if (!article.ok()) {
    job.failure = LoadFailure{std::move(source), article.status()};
    return;
  }
  job.article = std::move(*article);
}

void Analyse(Job& job) {
  if (!job.article) return;
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

// Runs `step` on every job on `threads` threads (this one included). A
// job touches only its own slot, so the threads share nothing but the next
// index.
template <typename Step>
void RunAll(std::vector<Job>& jobs, unsigned threads, Step step) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) step(jobs[i]);
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

// Reports that are near copies of an earlier one (syndicated copy: the
// same text, a dateline or a footer added, cut short) leave the jobs: each
// is kept as a FoldedCopy of the earliest report of its group, numbered by
// that report's job. The representative is compared; its copies are listed.
std::vector<FoldedCopy> FoldCopies(std::vector<Job>& jobs) {
  std::vector<std::string> texts(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j) {
    if (jobs[j].article) texts[j] = BodyText(*jobs[j].article);
  }
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<size_t> group(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j) group[j] = j;
  auto find = [&](size_t x) {
    while (group[x] != x) x = group[x] = group[group[x]];
    return x;
  };
  std::vector<double> best(jobs.size(), 0.0);
  for (const DuplicatePair& pair : FindNearDuplicates(views)) {
    const size_t a = find(pair.first), b = find(pair.second);
    // The earlier report stays the group's representative.
    if (a != b) group[std::max(a, b)] = std::min(a, b);
    best[pair.first] = std::max(best[pair.first], pair.score);
    best[pair.second] = std::max(best[pair.second], pair.score);
  }
  std::vector<FoldedCopy> copies;
  for (size_t j = 0; j < jobs.size(); ++j) {
    const size_t root = find(j);
    if (root == j || !jobs[j].article) continue;
    FoldedCopy copy;
    copy.document = static_cast<int>(root);
    copy.score = best[j];
    copy.article = std::move(*jobs[j].article);
    copy.article.paragraphs.clear();  // the representative's text stands for it
    jobs[j].article.reset();
    copies.push_back(std::move(copy));
  }
  return copies;
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
  const unsigned used = static_cast<unsigned>(std::min<size_t>(threads, ThreadsWorthStarting(jobs)));
  RunAll(jobs, used, Extract);
  std::vector<FoldedCopy> copies;
  if (options.fold_copies) copies = FoldCopies(jobs);
  RunAll(jobs, used, Analyse);

  CompareResult result;
  std::vector<AnalyzedArticle> analysed;
  std::vector<int> document_of(jobs.size(), -1);
  for (size_t j = 0; j < jobs.size(); ++j) {
    Job& job = jobs[j];
    if (job.failure) {
      result.failures.push_back(std::move(*job.failure));
      continue;
    }
    if (!job.analysed) continue;  // folded into the report it copies
    document_of[j] = static_cast<int>(analysed.size());
    job.analysed->article.id = DocumentId(analysed.size());
    analysed.push_back(std::move(*job.analysed));
  }
  if (analysed.size() < 2) {
    result.comparison.documents = std::move(analysed);
  } else {
    result.comparison = Align(std::move(analysed));
  }
  // FoldCopies numbered the copied report by its job: now by its document.
  for (FoldedCopy& copy : copies) copy.document = document_of[static_cast<size_t>(copy.document)];
  result.comparison.copies = std::move(copies);
  return result;
}

}  // namespace parallax
