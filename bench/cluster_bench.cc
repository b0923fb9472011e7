// The clustering kernel on the clustering bench's dev set (6,483 real
// headlines and leads), read at run time from ../shared (never copied into
// the repository):
//   - BM_ExtractTerms: words, stems and names of every article;
//   - BM_AddCounted: the kernel, every article joining or starting a story,
//     with the terms extracted and counted beforehand (what `parallax
//     cluster` does after its first pass);
//   - BM_AddCountedThenSecondLook: the same, then AttachLoneArticles (the
//     second look at articles left alone), as `parallax cluster` runs it;
//   - BM_Add: incremental use from scratch, Add() extracting the terms and
//     counting the frequencies as it goes.
// Items per second are articles per second. `parallax cluster --stats`
// measures the whole command instead (reading and gunzip included).
//
//   build/bench/parallax_bench --benchmark_filter=Cluster
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

constexpr char kDevSet[] = PARALLAX_SHARED_DIR "/bench/clustering/dev.jsonl.gz";

struct Corpus {
  std::vector<ClusterDocument> docs;
  std::vector<ArticleTerms> terms;
  std::string error;  // empty when usable
};

const Corpus& Dev() {
  static const Corpus corpus = [] {
    Corpus c;
    const Status status = ReadJsonLines(
        kDevSet,
        [&](JsonRecord&& r) {
          ClusterDocument d;
          d.id = std::move(r.id);
          d.title = std::move(r.title);
          d.text = std::move(r.text);
          c.docs.push_back(std::move(d));
        },
        [](uint64_t, const std::string&) {});
    if (!status.ok()) c.error = std::string(kDevSet) + ": " + status.ToString();
    if (c.error.empty() && c.docs.empty()) c.error = std::string(kDevSet) + ": no articles";
    for (const ClusterDocument& d : c.docs) c.terms.push_back(ExtractTerms(d.title, d.text));
    return c;
  }();
  return corpus;
}

void BM_ClusterExtractTerms(benchmark::State& state) {
  const Corpus& c = Dev();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  for (auto _ : state) {
    for (const ClusterDocument& d : c.docs) benchmark::DoNotOptimize(ExtractTerms(d.title, d.text));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
BENCHMARK(BM_ClusterExtractTerms)->Unit(benchmark::kMillisecond);

void ClusterCounted(benchmark::State& state, bool second_look, unsigned threads = 1) {
  const Corpus& c = Dev();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  ClusterOptions options;
  options.threads = threads;
  for (auto _ : state) {
    state.PauseTiming();
    StoryClusterer clusterer(options);
    for (const ArticleTerms& t : c.terms) clusterer.CountTerms(t);
    state.ResumeTiming();
    for (size_t i = 0; i < c.docs.size(); ++i) clusterer.AddCounted(c.docs[i], c.terms[i]);
    if (second_look) clusterer.AttachLoneArticles();
    benchmark::DoNotOptimize(clusterer.story_count());
    state.PauseTiming();
    { StoryClusterer done = std::move(clusterer); }  // freeing is not the kernel's time
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
void BM_ClusterAddCounted(benchmark::State& state) { ClusterCounted(state, false); }
BENCHMARK(BM_ClusterAddCounted)->Unit(benchmark::kMillisecond);
void BM_ClusterAddCountedThenSecondLook(benchmark::State& state) { ClusterCounted(state, true); }
BENCHMARK(BM_ClusterAddCountedThenSecondLook)->Unit(benchmark::kMillisecond);
// The same scored on two threads (ClusterOptions::threads): wall time.
void BM_ClusterAddCountedThenSecondLookTwoThreads(benchmark::State& state) {
  ClusterCounted(state, true, 2);
}
BENCHMARK(BM_ClusterAddCountedThenSecondLookTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

// AddBatch, as `parallax cluster` runs a file: the whole batch scored
// first (on one or two threads), then placed on corrected similarities.
void ClusterBatch(benchmark::State& state, unsigned threads) {
  const Corpus& c = Dev();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  ClusterOptions options;
  options.threads = threads;
  options.resumable = false;
  std::vector<size_t> order(c.docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (auto _ : state) {
    state.PauseTiming();
    StoryClusterer clusterer(options);
    for (const ArticleTerms& t : c.terms) clusterer.CountTerms(t);
    std::vector<ArticleTerms> terms = c.terms;  // AddBatch lets them go
    state.ResumeTiming();
    clusterer.AddBatch(c.docs, terms, order);
    benchmark::DoNotOptimize(clusterer.story_count());
    state.PauseTiming();
    { StoryClusterer done = std::move(clusterer); }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
void BM_ClusterAddBatch(benchmark::State& state) { ClusterBatch(state, 1); }
BENCHMARK(BM_ClusterAddBatch)->Unit(benchmark::kMillisecond);
void BM_ClusterAddBatchTwoThreads(benchmark::State& state) { ClusterBatch(state, 2); }
BENCHMARK(BM_ClusterAddBatchTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ClusterAdd(benchmark::State& state) {
  const Corpus& c = Dev();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  for (auto _ : state) {
    StoryClusterer clusterer;
    for (const ClusterDocument& d : c.docs) clusterer.Add(d);
    benchmark::DoNotOptimize(clusterer.story_count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
BENCHMARK(BM_ClusterAdd)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax
