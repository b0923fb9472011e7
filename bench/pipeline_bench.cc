// In-process benchmarks of each pipeline stage, on real inputs read at run
// time from ../shared (never copied into the repository):
//   - the seed pair (two plain-text reports of one event): ExtractArticle and
//     Analyze per document, Align of the pair, RenderJson of the comparison,
//     and all four together;
//   - the first 50 pages (sorted by name) of the extraction benchmark:
//     loading them (gunzip) and ExtractArticle on each.
// bench/compare-speed measures the whole process instead, start-up included.
//
//   build/bench/parallax_bench                                  # everything
//   build/bench/parallax_bench --benchmark_filter=Extract       # one stage
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "parallax/report.h"

namespace parallax {
namespace {

constexpr char kSeedDir[] = PARALLAX_SHARED_DIR "/seeds/";
constexpr char kPageDir[] = PARALLAX_SHARED_DIR "/bench/extraction/html";
constexpr const char* kSeedFiles[] = {"000_17827e28cb47a082.txt", "003_594ec7c239727614.txt"};
constexpr size_t kPageCount = 50;

// Inputs and the output of every stage on them, computed once, so that each
// benchmark times its own stage only. An empty `*_error` means usable.
struct BenchData {
  std::vector<RawDocument> seeds;
  std::vector<Article> seed_articles;
  std::vector<AnalyzedArticle> seed_analyses;
  Comparison seed_comparison;
  std::string seed_error;

  std::vector<RawDocument> pages;
  std::vector<std::string> page_paths;
  size_t page_bytes = 0;
  std::string page_error;
};

void PrepareSeeds(BenchData* data) {
  for (const char* file : kSeedFiles) {
    Result<RawDocument> raw = LoadFile(std::string(kSeedDir) + file, {});
    if (!raw.ok()) {
      data->seed_error = std::string(kSeedDir) + file + ": " + raw.status().ToString();
      return;
    }
    Result<Article> article = ExtractArticle(*raw);
    if (!article.ok()) {
      data->seed_error = std::string(file) + ": ExtractArticle: " + article.status().ToString();
      return;
    }
    data->seeds.push_back(std::move(raw).value());
    data->seed_articles.push_back(*article);
    data->seed_analyses.push_back(Analyze(std::move(article).value()));
  }
  data->seed_comparison = Align(data->seed_analyses);
}

void PreparePages(BenchData* data) {
  // LoadInputs sorts a directory by name, the order bench/compare-speed uses.
  LoadedInputs loaded = LoadInputs({kPageDir}, {});
  if (loaded.documents.size() < kPageCount) {
    data->page_error = std::string(kPageDir) + ": need " + std::to_string(kPageCount) +
                       " pages, loaded " + std::to_string(loaded.documents.size());
    if (!loaded.failures.empty()) {
      data->page_error +=
          " (" + loaded.failures[0].source + ": " + loaded.failures[0].status.ToString() + ")";
    }
    return;
  }
  loaded.documents.resize(kPageCount);
  for (const RawDocument& page : loaded.documents) {
    data->page_paths.push_back(page.source);
    data->page_bytes += page.bytes.size();
  }
  data->pages = std::move(loaded.documents);
}

const BenchData& Data() {
  static const BenchData* const data = [] {
    auto* d = new BenchData;
    PrepareSeeds(d);
    PreparePages(d);
    return d;
  }();
  return *data;
}

// Skips the benchmark (with the reason in the report) when its inputs are
// missing; returns false then.
bool SeedsReady(benchmark::State& state) {
  if (Data().seed_error.empty()) return true;
  state.SkipWithError(Data().seed_error.c_str());
  return false;
}

bool PagesReady(benchmark::State& state) {
  if (Data().page_error.empty()) return true;
  state.SkipWithError(Data().page_error.c_str());
  return false;
}

size_t TextBytes(const Article& article) {
  size_t bytes = 0;
  for (const Paragraph& paragraph : article.paragraphs) bytes += paragraph.text.size();
  return bytes;
}

// --- Seed pair, stage by stage -----------------------------------------------

// Bytes: the raw file.
void BM_ExtractSeed(benchmark::State& state) {
  if (!SeedsReady(state)) return;
  const RawDocument& raw = Data().seeds[state.range(0)];
  for (auto _ : state) {
    Result<Article> article = ExtractArticle(raw);
    benchmark::DoNotOptimize(article);
  }
  state.SetLabel(raw.name);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(raw.bytes.size()));
}
BENCHMARK(BM_ExtractSeed)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Analyze takes its article by value, so each iteration includes one copy of
// the article (small next to the analysis). Bytes: paragraph text.
void BM_AnalyzeSeed(benchmark::State& state) {
  if (!SeedsReady(state)) return;
  const Article& article = Data().seed_articles[state.range(0)];
  for (auto _ : state) {
    AnalyzedArticle analyzed = Analyze(article);
    benchmark::DoNotOptimize(analyzed);
  }
  state.SetLabel(Data().seeds[state.range(0)].name);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(TextBytes(article)));
}
BENCHMARK(BM_AnalyzeSeed)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Items: documents aligned. Includes copying the two analyses (Align takes
// them by value). Bytes: paragraph text of both.
void BM_AlignSeedPair(benchmark::State& state) {
  if (!SeedsReady(state)) return;
  const std::vector<AnalyzedArticle>& analyses = Data().seed_analyses;
  size_t bytes = 0;
  for (const AnalyzedArticle& a : analyses) bytes += TextBytes(a.article);
  for (auto _ : state) {
    Comparison comparison = Align(analyses);
    benchmark::DoNotOptimize(comparison);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(analyses.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_AlignSeedPair)->Unit(benchmark::kMicrosecond);

// Items: reports rendered. Bytes: JSON written.
void BM_RenderJsonSeedPair(benchmark::State& state) {
  if (!SeedsReady(state)) return;
  const Comparison& comparison = Data().seed_comparison;
  size_t out_bytes = 0;
  for (auto _ : state) {
    std::string json = RenderJson(comparison, {});
    out_bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(out_bytes));
}
BENCHMARK(BM_RenderJsonSeedPair)->Unit(benchmark::kMicrosecond);

// The four stages in a row, as `parallax compare --json` runs them, minus
// process start-up and file reading. Items: documents. Bytes: raw input.
void BM_PipelineSeedPair(benchmark::State& state) {
  if (!SeedsReady(state)) return;
  const std::vector<RawDocument>& seeds = Data().seeds;
  size_t bytes = 0;
  for (const RawDocument& raw : seeds) bytes += raw.bytes.size();
  for (auto _ : state) {
    std::vector<AnalyzedArticle> analyses;
    for (const RawDocument& raw : seeds) {
      Result<Article> article = ExtractArticle(raw);
      if (article.ok()) analyses.push_back(Analyze(std::move(article).value()));
    }
    std::string json = RenderJson(Align(std::move(analyses)), {});
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(seeds.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_PipelineSeedPair)->Unit(benchmark::kMicrosecond);

// --- Fifty real pages ---------------------------------------------------------

// Reading and gunzipping the pages (the page cache is warm after the first
// iteration). Bytes: decompressed HTML.
void BM_LoadPages(benchmark::State& state) {
  if (!PagesReady(state)) return;
  for (auto _ : state) {
    LoadedInputs loaded = LoadInputs(Data().page_paths, {});
    benchmark::DoNotOptimize(loaded);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kPageCount));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().page_bytes));
}
BENCHMARK(BM_LoadPages)->Unit(benchmark::kMillisecond);

// Items: pages, whether or not extraction succeeds on each (a failure is as
// much work to reach). Bytes: decompressed HTML.
void BM_ExtractPages(benchmark::State& state) {
  if (!PagesReady(state)) return;
  const std::vector<RawDocument>& pages = Data().pages;
  int failed = 0;
  for (auto _ : state) {
    failed = 0;
    for (const RawDocument& page : pages) {
      Result<Article> article = ExtractArticle(page);
      failed += article.ok() ? 0 : 1;
      benchmark::DoNotOptimize(article);
    }
  }
  state.counters["failed_pages"] = failed;
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pages.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(Data().page_bytes));
}
BENCHMARK(BM_ExtractPages)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax

int main(int argc, char** argv) {
#ifndef NDEBUG
  // Assertions (and usually -O0) distort every figure; make it impossible to
  // mistake such a run for a real one.
  std::fprintf(stderr,
               "***WARNING*** parallax_bench was built without NDEBUG (not a Release build): "
               "timings are not representative. Rebuild with: make build\n");
  benchmark::AddCustomContext("parallax_build", "debug (NDEBUG not defined)");
#else
  benchmark::AddCustomContext("parallax_build", "release (NDEBUG)");
#endif
  benchmark::AddCustomContext("parallax_shared_dir", PARALLAX_SHARED_DIR);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
